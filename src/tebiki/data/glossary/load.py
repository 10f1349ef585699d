"""Read guideline/glossary.yml beside the guideline and cross-check it with the sources and rules."""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter

from ..collect import Collector, adapter
from ..guideline.model import Guideline
from ..problems import DataError
from ..yaml_lines import dotted, line_of
from .model import GlossaryFile

GLOSSARY = "glossary.yml"


def load_glossary(data_dir: Path, guideline: Guideline, root: Path | None = None) -> GlossaryFile | None:
    """The glossary, or None if the guideline has none; raise DataError listing all problems."""
    path = data_dir / GLOSSARY
    if not path.exists():
        return None
    c = Collector(root or data_dir.parent)
    glossary, lines = c.load(path, adapter(GlossaryFile))
    if glossary is None:
        raise DataError(c.problems)
    sources = {s.id for s in guideline.sources}
    rules = {r.id for r in guideline.rules}
    seen_ids: set[str] = set()
    seen_words: dict[str, str] = {}
    for i, term in enumerate(glossary.terms):
        loc = ("terms", i)

        def add(field: str, message: str, hint: str, loc: tuple = loc) -> None:
            c.add(path, line_of(lines, loc + (field,)), dotted(loc + (field,)), message, hint)

        if term.id in seen_ids:
            add("id", f"duplicate term ID {term.id!r}", "IDs must be unique: they are the page's anchors")
        seen_ids.add(term.id)
        for word in term.spellings():
            if word in seen_words:
                add("term", f"{word!r} is also a spelling of {seen_words[word]!r}", "list each spelling once")
            seen_words[word] = term.id
        if term.source not in sources:
            add("source", f"unknown source {term.source!r}", "use an ID from sources.yml")
        if term.rule is not None and term.rule not in rules:
            add("rule", f"unknown rule {term.rule!r}", "use an ID from today.yml, or drop `rule`")
    if c.problems:
        raise DataError(c.problems)
    return glossary


def schemas() -> dict[str, dict]:
    return {"glossary": TypeAdapter(GlossaryFile).json_schema()}
