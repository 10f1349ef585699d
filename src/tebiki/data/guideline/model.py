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
    today: Today


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


class FirstStep(Strict):
    """One thing to do first, for the pamphlet's 「今やること」 page."""

    text: Text = Field(description="What to do, as one sentence an owner can act on.")
    items: list[ItemId] = Field(
        default_factory=list, description="Items that explain it: the pamphlet names the page to read."
    )


class Contact(Strict):
    """Where a reader can ask: printed on the pamphlet's last page."""

    name: Text = Field(description="e.g. 個人情報保護委員会 個人情報保護法相談ダイヤル")
    phone: Text | None = None
    hours: Text | None = Field(default=None, description="When it answers, e.g. 平日9:30〜17:30.")
    url: Text | None = None
    note: Text | None = Field(default=None, description="What to ask there, in one sentence.")


class Pamphlet(Strict):
    """The short printed pamphlet (the item-by-item reference is a PDF of its own)."""

    message: Text = Field(description="The one message of the cover, in one short sentence.")
    lead: Text = Field(description="Two or three sentences under it: who this is for and what it gives.")
    first_steps: list[FirstStep] = Field(min_length=1, max_length=7, description="The 今やること page.")
    contacts: list[Contact] = Field(min_length=1, description="The 「どこに聞けばよいか」 page.")


class Meta(Strict):
    title: Text
    short_title: Text
    abolished: dt.date = Field(description="Day the guideline stopped applying.")
    successor: Text = Field(description="What applies today.")
    successor_url: Text
    today_checked: dt.date | None = Field(
        default=None,
        description="Day of the texts the 「今のルールでは」 boxes were checked against; shown with each box.",
    )
    coverage: dict[Dimension, CoverageRule] = Field(
        description="Coverage dimension (pamphlet, checklist, video, quiz, slides) -> rule."
    )
    pamphlet: Pamphlet | None = Field(
        default=None, description="The short printed pamphlet; without it the pamphlet is the item-by-item reference."
    )


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
