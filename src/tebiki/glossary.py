"""The glossary as data: guideline/glossary.yml (optional), its model and its loader.

Each term is written as the reader meets it in the text (`term`, plus `also` for other
spellings); the generated pages link its first use to the glossary page.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, TypeAdapter

from .load import Collector
from .model import Guideline, RuleId, Slug, Strict, Text
from .problems import DataError
from .yaml_lines import dotted, line_of

GLOSSARY = "glossary.yml"


class Term(Strict):
    id: Slug = Field(description="Stable anchor on the glossary page, e.g. kojin-data.")
    term: Text = Field(description="The word as it appears in the text, e.g. 個人データ.")
    reading: Text | None = Field(default=None, description="How to read it, e.g. こじんデータ.")
    also: list[Text] = Field(default_factory=list, description="Other spellings that are linked too.")
    definition: Text = Field(description="Plain words first; what the law or guideline means by it.")
    source: Text = Field(description="ID of the entry in sources.yml the meaning comes from.")
    rule: RuleId | None = Field(default=None, description="ID in today.yml where the definition is quoted, if any.")

    def spellings(self) -> list[str]:
        return [self.term, *self.also]


class GlossaryFile(Strict):
    title: Text
    intro: Text
    terms: list[Term] = Field(min_length=1)


def load_glossary(data_dir: Path, guideline: Guideline, root: Path | None = None) -> GlossaryFile | None:
    """The glossary, or None if the guideline has none; raise DataError listing all problems."""
    path = data_dir / GLOSSARY
    if not path.exists():
        return None
    c = Collector(root or data_dir.parent)
    glossary, lines = c.load(path, TypeAdapter(GlossaryFile))
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
