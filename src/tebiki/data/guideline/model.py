"""The guideline as typed data.

Every model rejects unknown fields so that a typo in the YAML is an error,
not a silently ignored key. Cross-references (rule IDs, item IDs, source
IDs) are checked in `load`, where the whole project is known.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, model_validator

from ..types import ItemId, RuleId, Slug, Strict, Text


class Kind(StrEnum):
    """What an item is; coverage rules select items by kind."""

    event = "event"  # a dated step of the revision timeline
    principle = "principle"  # an aim or basic principle of the revision
    requirement = "requirement"  # an article of the Act a revision point rests on
    problem = "problem"  # a 問題点 found in the Benesse case
    measure = "measure"  # a measure the revised guideline expects
    exception = "exception"  # a case a rule does not cover
    caution = "caution"  # what to do when a condition is not met
    sme = "sme"  # consideration for small and medium businesses
    outreach = "outreach"  # the publicity and briefing plan
    duty = "duty"  # a duty of today's law that came after the revision (quoted from today's texts)


class Equivalence(StrEnum):
    direct = "direct"  # today's rule says essentially the same
    changed = "changed"  # today's rule covers it with a different shape or force
    none = "none"  # no direct equivalent today


class SeedRef(Strict):
    """Where in the seed document an item comes from."""

    document: Text = Field(description="ID of an entry in sources.yml.")
    line: int = Field(ge=1, description="First line of the passage in the source text file.")
    heading: Text = Field(description="The slide heading or column the passage sits under.")


class Today(Strict):
    """How the item maps to today's PPC rules."""

    equivalence: Equivalence
    rules: list[RuleId] = Field(default_factory=list, description="IDs from today.yml; for `none`, the nearest rules.")
    summary: Text = Field(description="「今のルールでは」: one or two plain sentences.")

    @model_validator(mode="after")
    def _rules_unless_none(self) -> Today:
        if self.equivalence is not Equivalence.none and not self.rules:
            raise ValueError("list at least one rule in `rules`, or set `equivalence: none`")
        return self


class Article(Strict):
    """An article of the Act as numbered when the guideline was revised."""

    number: Text = Field(description="e.g. 第20条")
    title: Text = Field(description="e.g. 安全管理措置")
    text: Text = Field(description="The article text, quoted exactly as in the source.")


class Item(Strict):
    id: ItemId
    kind: Kind
    title: Text = Field(description="Short plain-Japanese heading for the item's section.")
    text: Text = Field(description="The source wording, quoted exactly (line breaks removed).")
    source: SeedRef
    plain: Text = Field(description="What it means in practice, in plain Japanese.")
    why: str | None = Field(default=None, description="Why it matters (optional).")
    date: dt.date | None = Field(default=None, description="For events: the day it happened.")
    date_label: str | None = Field(
        default=None, description="For events without a day: the whole label, e.g. 2014年12月以降."
    )
    article: Article | None = None
    answers: list[ItemId] = Field(default_factory=list, description="Problem items this measure answers.")
    today: Today | None = Field(
        default=None, description="Required when the guideline is superseded; not used while it is in force."
    )


class Group(Strict):
    id: Slug
    title: Text
    intro: str | None = None
    items: list[Item] = Field(min_length=1)


class Section(Strict):
    """One page of the pamphlet: a revision point, the timeline, SME, outreach."""

    id: Slug
    order: int = Field(ge=0, description="Position in the navigation.")
    title: Text
    nav_title: Text | None = None
    description: Text = Field(description="One sentence for search engines and link previews.")
    lead: Text = Field(description="The opening paragraph: what this page is about.")
    point: int | None = Field(default=None, ge=1, description="Revision point number, if any.")
    current: bool = Field(
        default=False, description="True: the page is about today's law, not the old guideline (no abolition notice)."
    )
    notice: Text | None = Field(
        default=None,
        description="For a `current` page: the note at its top (what it is about, whose texts it quotes).",
    )
    groups: list[Group] = Field(min_length=1)

    def items(self) -> list[Item]:
        return [item for group in self.groups for item in group.items]


class Rule(Strict):
    """A current rule (PPC guideline section or article of today's Act)."""

    id: RuleId
    label: Text = Field(description="e.g. 通則編 10-6(3) 外部からの不正アクセス等の防止")
    law: Text | None = Field(default=None, description="Article of today's Act, e.g. 法第23条.")
    quote: Text | None = Field(default=None, description="Exact wording from the PPC text; checked against the copy.")
    source: Text = Field(description="ID of an entry in sources.yml.")


class Source(Strict):
    id: RuleId
    title: Text
    publisher: Text
    url: Text | None = None
    file: str | None = Field(default=None, description="Local copy under guideline/sources/.")
    licence: Text = Field(description="Why it may be reused here.")
    credit: Text = Field(description="The credit line shown on the sources page.")


class CoverageRule(Strict):
    """Which item kinds a coverage dimension must reach, and whether a gap fails."""

    kinds: list[Kind] = Field(min_length=1)
    required: bool = True
    variants: list[RuleId] = Field(
        default_factory=list,
        description="For dimensions with variants (checklist tracks): each item must be reached in every one.",
    )


class Dimension(StrEnum):
    """A way an item reaches the reader; checks/coverage.py reads its markers back from the built site."""

    pamphlet = "pamphlet"  # the item's section page, anchored at its ID
    checklist = "checklist"  # a checklist entry, on every track the rule lists
    video = "video"  # a chapter of a seminar recording
    quiz = "quiz"  # a self-check question
    slides = "slides"  # a slide of the trainers' decks


class Status(StrEnum):
    in_force = "in_force"  # the guideline applies today
    superseded = "superseded"  # it was abolished; items map to the rules that replaced it


_SUPERSESSION = ("abolished", "successor", "successor_url")


class Cover(Strict):
    """The printed pamphlet's cover and metadata."""

    kicker: Text | None = Field(default=None, description="The line above the title, e.g. who the pamphlet is for.")
    description: Text | None = Field(default=None, description="One sentence for the PDF's description metadata.")


class Meta(Strict):
    title: Text
    short_title: Text
    based_on: Text | None = Field(
        default=None,
        description="What the site retells, as a noun phrase for the sources page"
        " (e.g. 〇〇省が2014年に公表した概要資料); default: the title.",
    )
    law: Text | None = Field(
        default=None,
        description="Name of the Act requirement items quote, as it stood then (e.g. 個人情報保護法（2014年当時）).",
    )
    credit: Text | None = Field(
        default=None,
        description="Credit line in every page's footer; used when mkdocs.yml sets no `copyright`.",
    )
    search_examples: list[Text] = Field(
        default_factory=list, description="Words a reader might search for; shown as examples by the search boxes."
    )
    cover: Cover = Field(default_factory=Cover)
    status: Status = Field(
        default=Status.in_force,
        description="in_force, or superseded (then `abolished`, `successor`, `successor_url` and every item's `today`"
        " are required). Defaults to superseded when `abolished` is given.",
    )
    abolished: dt.date | None = Field(default=None, description="Superseded only: day the guideline stopped applying.")
    successor: Text | None = Field(default=None, description="Superseded only: what applies today.")
    successor_url: Text | None = Field(default=None, description="Superseded only: where to read what applies today.")
    today_checked: dt.date | None = Field(
        default=None,
        description="Day of the texts the 「今のルールでは」 boxes were checked against; shown with each box.",
    )
    coverage: dict[Dimension, CoverageRule] = Field(
        description="Coverage dimension (pamphlet, checklist, video, quiz, slides) -> rule."
    )

    @model_validator(mode="before")
    @classmethod
    def _status_from_abolished(cls, data: object) -> object:
        if isinstance(data, dict) and "status" not in data and data.get("abolished") is not None:
            return {**data, "status": Status.superseded.value}
        return data

    @model_validator(mode="after")
    def _supersession_fields(self) -> Meta:
        given = [name for name in _SUPERSESSION if getattr(self, name) is not None]
        if self.status is Status.superseded and len(given) < len(_SUPERSESSION):
            missing = ", ".join(f"`{n}`" for n in _SUPERSESSION if n not in given)
            raise ValueError(f"a superseded guideline needs {missing} (abolition date, successor and its URL)")
        if self.status is Status.in_force and given:
            raise ValueError(
                f"{', '.join(f'`{n}`' for n in given)} only apply to a superseded guideline:"
                " set `status: superseded` or remove them"
            )
        return self

    @property
    def superseded(self) -> bool:
        return self.status is Status.superseded


class Guideline(Strict):
    meta: Meta
    sections: list[Section]
    rules: list[Rule]
    sources: list[Source]

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items()]

    def item_index(self) -> dict[str, tuple[Section, Item]]:
        return {item.id: (section, item) for section in self.sections for item in section.items()}

    def rule_index(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}
