"""The glossary as data: guideline/glossary.yml (optional).

Each term is written as the reader meets it in the text (`term`, plus `also` for other
spellings); the generated pages link its first use to the glossary page.
"""

from __future__ import annotations

from pydantic import Field

from ..types import RuleId, Slug, Strict, Text


class Term(Strict):
    id: Slug = Field(description="Stable anchor on the glossary page, e.g. kojin-data.")
    term: Text = Field(description="The word as it appears in the text, e.g. 個人データ.")
    reading: Text | None = Field(default=None, description="How to read it, e.g. こじんデータ.")
    also: list[Text] = Field(default_factory=list, description="Other spellings that are linked too.")
    definition: Text = Field(description="Plain words first; what the law or guideline means by it.")
    source: RuleId = Field(description="ID of the entry in sources.yml the meaning comes from.")
    rule: RuleId | None = Field(default=None, description="ID in today.yml where the definition is quoted, if any.")

    def spellings(self) -> list[str]:
        return [self.term, *self.also]


class GlossaryFile(Strict):
    title: Text
    intro: Text
    terms: list[Term] = Field(min_length=1)
