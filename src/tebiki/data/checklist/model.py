"""Profile questions (profile.yml) and checklist entries (checklist.yml) as typed data.

Cross-references (guideline item IDs, today's rule IDs, question IDs and option
values used in conditions, track IDs) are checked in `checklist.load`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, WithJsonSchema

from ..types import ItemId, RuleId, Slug, Strict, Text

_NAME = r"^[a-z][a-z0-9_]*$"
Name = Annotated[str, StringConstraints(pattern=_NAME)]
EntryId = Annotated[
    str,
    StringConstraints(pattern=r"^CL(-[A-Z0-9]+)+$"),
    Field(description="Stable ID such as CL-ACCESS: the page anchor and the key of saved answers. Never rename."),
]

_CONDITION_SCHEMA = {
    "type": "object",
    "minProperties": 1,
    "description": (
        "When this holds: {question: option} or {question: [options]} (every key must hold), "
        "or {all: [conditions]} / {any: [conditions]}."
    ),
    "additionalProperties": {
        "anyOf": [
            {"type": "string", "pattern": _NAME},
            {"type": "array", "items": {"type": "string", "pattern": _NAME}, "minItems": 1},
            {"type": "array", "items": {"type": "object"}, "minItems": 1},
        ]
    },
}
# Checked in checklist.load, where the questions and their options are known.
Condition = Annotated[dict[str, Any], WithJsonSchema(_CONDITION_SCHEMA)]


class Option(Strict):
    value: Name = Field(description="Kept in the page URL, e.g. yes, no, upto100.")
    label: Text = Field(description="Shown beside the radio button, e.g. はい.")
    means: Text = Field(description="Describes a reader that picks it, for an entry's 「対象」 (Applies to).")
    means_joined: Text | None = Field(
        default=None,
        description="`means` in the form that leads into a further condition (Japanese: 〜ていて, 〜で), "
        "e.g. 任せていて for 任せている; default: `means`.",
    )


class Question(Strict):
    id: Name = Field(description="Stable; used in the shareable URL and in conditions.")
    text: Text = Field(description="The question, as the legend of its fieldset.")
    help: Text | None = Field(default=None, description="What counts, in plain words.")
    options: list[Option] = Field(min_length=2)
    ask_if: Condition | None = Field(default=None, description="Ask only when this holds (earlier questions only).")

    def values(self) -> list[str]:
        return [o.value for o in self.options]


class Track(Strict):
    """A list variant: the PPC standard methods, or the lighter 中小規模事業者 methods."""

    id: Name
    label: Text = Field(description="e.g. 中小規模事業者")
    title: Text = Field(description="Title of the track's static page.")
    nav_title: Text
    how_label: Text = Field(description="Heading of this track's way of doing an entry, e.g. 中小規模事業者のやり方.")
    summary: Text = Field(description="One sentence: which readers are on this track.")
    description: Text = Field(description="Opening paragraph of the track's page.")
    when: Condition | None = Field(default=None, description="Profiles on this track; the last track has none.")


class Reader(Strict):
    """What the guideline calls the one the questions are about (a company, a school, a clinic):
    the checklist's messages say it, e.g. 「あなたの会社は…」 or "Your school uses …"."""

    singular: Text = Field(description="As written inside a sentence, e.g. 会社, school (lower case in English).")
    plural: Text | None = Field(
        default=None,
        description="The plural, e.g. schools; required in a language with plurals (English), "
        "none in Japanese (the singular is used).",
    )


class Questionnaire(Strict):
    """profile.yml: the questions about the reader and the tracks they decide."""

    reader: Reader | None = Field(
        default=None,
        description="What the checklist calls its reader (e.g. 会社, or school/schools);"
        " default: the catalog's neutral word (組織, organisation).",
    )
    intro: Text
    questions: list[Question] = Field(min_length=1)
    tracks: list[Track] = Field(min_length=1)


class Level(StrEnum):
    """By the PPC deontic key: 「しなければならない」 is required, 「望ましい」 and the like recommended."""

    required = "required"
    recommended = "recommended"


class ScalePoint(Strict):
    value: Name
    label: Text
    points: int | None = Field(ge=0, description="None: not counted in the score (does not apply).")


class Band(Strict):
    id: Name
    label: Text
    symbol: Text = Field(description="Shown with the label, so the band never depends on colour.")
    min_score: int = Field(ge=0, le=100)
    max_required_gaps: int | None = Field(
        default=None, ge=0, description="At most this many required entries not fully done; none: any number."
    )
    advice: Text


class Entry(Strict):
    id: EntryId
    title: Text = Field(description="The action, short and concrete.")
    items: list[ItemId] = Field(min_length=1, description="Guideline items this entry puts into practice.")
    level: Level
    basis: list[RuleId] = Field(min_length=1, description="Today's rules (today.yml) the level rests on.")
    applies_if: Condition | None = Field(default=None, description="Profiles it applies to; none: every profile.")
    how: Text | dict[Name, Text] = Field(description="How to do it: one text, or one per track ID.")
    why: Text
    next: Text = Field(description="A concrete first step, shown when the entry is not done yet.")

    def how_for(self, track: str) -> str:
        return self.how if isinstance(self.how, str) else self.how[track]


class EntryGroup(Strict):
    id: Slug
    title: Text
    intro: Text | None = None
    entries: list[Entry] = Field(min_length=1)


class LevelNotes(Strict):
    """What each level means under this guideline, for the legend; the defaults are generic."""

    required: Text | None = None
    recommended: Text | None = None


class ChecklistSpec(Strict):
    """checklist.yml: the answer scale, score bands and the entries."""

    title: Text
    nav_title: Text
    description: Text
    lead: Text
    levels: LevelNotes = Field(default_factory=LevelNotes, description="The legend's words for 必須 and 推奨.")
    scale: list[ScalePoint] = Field(min_length=2)
    bands: list[Band] = Field(min_length=1, description="Highest first; the last needs min_score 0.")
    groups: list[EntryGroup] = Field(min_length=1)


@dataclass(frozen=True)
class Checklist:
    questionnaire: Questionnaire
    spec: ChecklistSpec

    @property
    def questions(self) -> list[Question]:
        return self.questionnaire.questions

    @property
    def tracks(self) -> list[Track]:
        return self.questionnaire.tracks

    def entries(self) -> list[Entry]:
        return [e for g in self.spec.groups for e in g.entries]
