"""A copy of the project with an attack payload in every free-text field of every data file.

The fields are found by walking each file against its JSON Schema (generated from the
models), so a field added to a model is attacked without touching this module: every
string without a pattern, enum, const or format is free text. Quoted text (an item's
`text`, an article's `text`, a rule's `quote`) must be found in a local copy of its
source, so the payload is appended to that copy as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from support import copy_project
from tebiki.data.project import schemas

# Data files whose schema is not named after them; every other guideline/<name>.yml has schema <name>.
SCHEMA_OF_FOLDER = {"guideline/sections": "section", "quizzes": "quiz-bank"}


def payload(marker: str, canary: str) -> str:
    """Script, event handlers, a request to a canary, a javascript: link and template syntax."""
    return (
        f"<script>alert('{marker}')</script><img src=x onerror=alert('{marker}')>\">"
        f"<svg onload=alert('{marker}')><img src={canary}/{marker}>'-alert('{marker}')-'"
        f"{{{{7*7}}}}{{% set z=1 %}}[{marker}link](javascript:alert('{marker}'))"
    )


@dataclass
class Injected:
    root: Path
    canary: str
    # marker -> "file: dotted.path", for messages
    fields: dict[str, str] = field(default_factory=dict)
    # markers of the fields documented as Markdown (rendered and sanitised, not shown as written)
    markdown: set[str] = field(default_factory=set)

    def payload(self, marker: str) -> str:
        return payload(marker, self.canary)


def _resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _branch(schema: dict, value: Any, root: dict) -> dict:
    """The branch of an anyOf/oneOf that describes `value`."""
    schema = _resolve(schema, root)
    options = schema.get("anyOf") or schema.get("oneOf")
    if not options:
        return schema
    want = {str: "string", dict: "object", list: "array", bool: "boolean", int: "integer", float: "number"}
    kind = want.get(type(value))
    for option in (_resolve(o, root) for o in options):
        if option.get("type") == kind or (kind == "integer" and option.get("type") == "number"):
            # A constraint given beside the anyOf (an optional field's pattern) holds for the branch.
            outer = {k: schema[k] for k in ("pattern", "format", "enum") if k in schema}
            return {**outer, **_branch(option, value, root)}
    return schema


def _free_text(schema: dict) -> bool:
    return schema.get("type") == "string" and not ({"pattern", "enum", "const", "format"} & schema.keys())


class _Walker:
    def __init__(self, injected: Injected, file: str, root_schema: dict):
        self.injected, self.file, self.root = injected, file, root_schema
        self.quotes: list[tuple[tuple, str]] = []  # (path, payload) of quoted fields

    def walk(self, value: Any, schema: dict, path: tuple) -> Any:
        is_markdown = "Markdown" in schema.get("description", "")
        schema = _branch(schema, value, self.root)
        if isinstance(value, dict):
            # A generated video is checked against the text it was made from; the copy's
            # text is new, so it stands as an ordinary recording of the same files.
            if value.get("generated"):
                value = {**value, "generated": False}
            props = schema.get("properties", {})
            extra = schema.get("additionalProperties")
            out = {}
            for key, sub in value.items():
                sub_schema = props.get(key, extra if isinstance(extra, dict) else {})
                out[key] = self.walk(sub, sub_schema, (*path, key))
            return out
        if isinstance(value, list):
            items = schema.get("items", {})
            return [self.walk(v, items, (*path, i)) for i, v in enumerate(value)]
        if isinstance(value, str) and _free_text(schema):
            marker = f"F{len(self.injected.fields) + 1:04d}"
            self.injected.fields[marker] = f"{self.file}: {'.'.join(map(str, path))}"
            if is_markdown or "Markdown" in schema.get("description", ""):
                self.injected.markdown.add(marker)
            text = f"{value}{self.injected.payload(marker)}"
            if self._quoted(path):  # still the quoted words (a duty stays a duty), then the payload
                self.quotes.append((path, text))
            return text
        return value

    def _quoted(self, path: tuple) -> bool:
        """Fields checked against a source's local copy."""
        return (self.file.startswith("guideline/sections/") and path[-1] == "text" and "items" in path) or (
            self.file == "guideline/today.yml" and path[-1] == "quote"
        )


def _sources(root: Path) -> dict[str, Path]:
    data = yaml.safe_load((root / "guideline/sources.yml").read_text(encoding="utf-8"))
    entries = data["sources"] if isinstance(data, dict) else data
    return {s["id"]: root / "guideline/sources" / s["file"] for s in entries if s.get("file")}


def _append(copy: Path, text: str) -> int:
    """Add `text` as a new last line of a source's local copy; its line number."""
    old = copy.read_text(encoding="utf-8")
    if not old.endswith("\n"):
        old += "\n"
    copy.write_text(old + text + "\n", encoding="utf-8")
    return old.count("\n") + 1


def inject(dest: Path, canary: str) -> Injected:
    """Copy the project to `dest` and put a payload into every free-text field."""
    root = copy_project(dest)
    injected = Injected(root, canary)
    all_schemas = schemas()
    files = [(f"guideline/{name}.yml", name) for name in all_schemas if (root / f"guideline/{name}.yml").exists()]
    for folder, name in SCHEMA_OF_FOLDER.items():
        files += [(str(p.relative_to(root)), name) for p in sorted((root / folder).glob("*.yml"))]
    every = {str(p.relative_to(root)) for p in [*root.glob("guideline/**/*.yml"), *root.glob("quizzes/*.yml")]}
    assert every == {rel for rel, _ in files}, f"data files without a schema here: {every - {r for r, _ in files}}"
    copies = _sources(root)
    for rel, name in files:
        path = root / rel
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        walker = _Walker(injected, rel, all_schemas[name])
        data = walker.walk(data, all_schemas[name], ())
        for quote_path, text in walker.quotes:
            _place_quote(data, quote_path, text, copies)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return injected


def _place_quote(data: Any, path: tuple, text: str, copies: dict[str, Path]) -> None:
    parents = [data]
    for key in path[:-1]:
        parents.append(parents[-1][key])
    parent = parents[-1]
    if path[-2] == "article":  # an article: found anywhere in its item's source
        _append(copies[parents[-2]["source"]["document"]], text)
    elif isinstance(parent.get("source"), dict):  # an item: quoted at a line
        parent["source"]["line"] = _append(copies[parent["source"]["document"]], text)
    else:  # a rule's quote, found anywhere in its source
        _append(copies[parent["source"]], text)
