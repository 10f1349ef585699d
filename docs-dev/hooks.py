"""Writes reference.md from the JSON Schemas in schema/ at build time, so the reference
lists every data file and field the loader accepts and cannot drift from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SCHEMAS = Path(__file__).resolve().parent.parent / "schema"
# Where each schema's file lives in a site.
FILES = {
    "guideline": "guideline/guideline.yml",
    "sources": "guideline/sources.yml",
    "today": "guideline/today.yml",
    "section": "guideline/sections/*.yml",
    "profile": "guideline/profile.yml",
    "checklist": "guideline/checklist.yml",
    "seminars": "guideline/seminars.yml",
    "trainer": "guideline/trainer.yml",
    "quiz-bank": "quizzes/*.yml",
}


def _type(prop: dict[str, Any], at: str) -> str:
    """A field's type in words; `at` is the schema's name, which prefixes its definitions' anchors."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{at}-{name.lower()})"
    if "anyOf" in prop:
        return " or ".join(_type(p, at) for p in prop["anyOf"] if p.get("type") != "null")
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if prop.get("type") == "array":
        return "list of " + _type(prop.get("items", {}), at)
    extra = prop.get("additionalProperties")
    if prop.get("type") == "object" and isinstance(extra, dict):
        return "map to " + _type(extra, at)
    kind = prop.get("type", "any")
    return f"{kind} ({prop['format']})" if "format" in prop else str(kind)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(schema: dict[str, Any], at: str) -> list[str]:
    if "enum" in schema:
        return ["Values: " + ", ".join(f"`{v}`" for v in schema["enum"]), ""]
    props = schema.get("properties", {})
    if not props:
        return [f"Type: {_type(schema, at)}", ""]
    required = set(schema.get("required", []))
    rows = ["| Field | Type | Required | Meaning |", "|---|---|---|---|"]
    for name, prop in props.items():
        rows.append(
            f"| `{name}` | {_type(prop, at)} | {'yes' if name in required else 'no'} "
            f"| {_cell(prop.get('description', ''))} |"
        )
    return [*rows, ""]


def reference() -> str:
    out = [
        "---",
        "title: Data reference",
        "description: Every data file of a tebiki site and every field, generated from its JSON Schema.",
        "---",
        "",
        "# Data reference",
        "",
        "Generated from `schema/*.json` (`tebiki schema` writes them from the models) when this guide is built.",
        "",
    ]
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        name = path.name.removesuffix(".schema.json")
        schema = json.loads(path.read_text(encoding="utf-8"))
        out += [f"## {FILES.get(name, name)} {{ #{name}-file }}", "", _cell(schema.get("description", "")), ""]
        if schema.get("type") == "array":
            out += [f"A list of {_type(schema['items'], name)}.", ""]
        else:
            out += _table(schema, name)
        for def_name, definition in schema.get("$defs", {}).items():
            anchor = f"{name}-{def_name.lower()}"
            out += [f"### {def_name} {{ #{anchor} }}", "", _cell(definition.get("description", "")), ""]
            out += _table(definition, name)
    return "\n".join(out) + "\n"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "reference.md", content=reference()))
    return files
