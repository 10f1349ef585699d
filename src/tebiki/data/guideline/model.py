"""The guideline as typed data.

Every model rejects unknown fields so that a typo in the YAML is an error,
not a silently ignored key. Cross-references (rule IDs, item IDs, source
IDs) are checked in `load`, where the whole project is known.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from ..types import ItemId, RuleId, Slug, Strict, Text, WebUrl

# The fields whose text is Markdown say so in their description (and so in the JSON Schema).
MARKDOWN_FIELD = "Markdown: emphasis, code and https: or mailto: links; any other HTML or link is removed."

# Segments never start with a dot: no `..`, no hidden file, no leading slash or drive.
_LOCAL_COPY = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")


def _inside_sources(value: str) -> str:
    if not _LOCAL_COPY.match(value):
        raise PydanticCustomError(
            "local_copy", "{value} is not a file inside guideline/sources/", {"value": repr(value)}
        )
    return value


_ZONE_NAME = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"


def _known_zone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError(
            "time_zone", "{value} is not the name of a time zone", {"value": repr(value)}
        ) from None
    return value


TimeZone = Annotated[
    str,
    AfterValidator(_known_zone),
    Field(
        description="IANA time zone (e.g. Asia/Tokyo, Europe/Paris) in which the site shows times, such as when"
        " the accessibility test ran; the zone is named with the time. Default: UTC.",
        examples=["UTC", "Asia/Tokyo"],
        # The shape of an IANA name, for editors; the zone itself is checked against the tz database.
        json_schema_extra={"pattern": _ZONE_NAME},
    ),
]


LocalCopy = Annotated[
    str,
    AfterValidator(_inside_sources),
    Field(
        description="Local copy, a path relative to guideline/sources/ that stays inside it.",
        json_schema_extra={"pattern": _LOCAL_COPY.pattern},
    ),
]


class Kind(StrEnum):
    """What an item is; coverage rules select items by kind."""

    event = "event"  # a dated step of the revision timeline
    principle = "principle"  # an aim or basic principle of the revision
    requirement = "requirement"  # an article of the Act a revision point rests on
    problem = "problem"  # a problem (問題点) the guideline answers, e.g. a case that prompted it
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

    document: RuleId = Field(description="ID of an entry in sources.yml.")
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

    number: Text = Field(description="As the law writes it, e.g. 第20条 or Article 20.")
    title: Text = Field(description="e.g. 安全管理措置")
    text: Text = Field(description="The article text, quoted exactly as in the source.")


class Item(Strict):
    id: ItemId
    kind: Kind
    title: Text = Field(description="Short plain-Japanese heading for the item's section.")
    text: Text = Field(description="The source wording, quoted exactly (line breaks removed).")
    source: SeedRef
    plain: Text = Field(description="What it means in practice, in plain Japanese. " + MARKDOWN_FIELD)
    why: str | None = Field(default=None, description="Why it matters (optional). " + MARKDOWN_FIELD)
    date: dt.date | None = Field(default=None, description="For events: the day it happened.")
    date_label: str | None = Field(
        default=None, description="For events without a day: the whole label, e.g. 2020年4月以降 or from April 2020."
    )
    article: Article | None = None
    answers: list[ItemId] = Field(default_factory=list, description="Problem items this measure answers.")
    today: Today | None = Field(
        default=None,
        description="How the item maps to the rules that apply now; required if the guideline is superseded.",
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
    source: RuleId = Field(description="ID of an entry in sources.yml.")


class Source(Strict):
    id: RuleId
    title: Text
    publisher: Text
    url: WebUrl | None = None
    file: LocalCopy | None = None
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
    """Whether the guideline applies: in force, or superseded by other rules (then each item says how it maps)."""

    in_force = "in-force"
    superseded = "superseded"


_SUPERSEDED_FIELDS = ("abolished", "successor", "successor_url")


class DeonticMarkers(Strict):
    """Phrases that make a quoted sentence a duty or a recommendation (see `tebiki.data.deontic`)."""

    required: list[Text] = Field(min_length=1, description="e.g. しなければならない, must, shall")
    recommended: list[Text] = Field(min_length=1, description="e.g. 望ましい, should, for example")
    words: bool = Field(default=False, description="Match whole words only (languages written with spaces).")


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
    checked: dt.date | None = Field(
        default=None, description="Day the phone number and hours were checked at `url` (printed with them)."
    )


class Pamphlet(Strict):
    """The short printed pamphlet (the item-by-item reference is a PDF of its own)."""

    message: Text = Field(description="The one message of the cover, in one short sentence.")
    lead: Text = Field(description="Two or three sentences under it: who this is for and what it gives.")
    first_steps: list[FirstStep] = Field(min_length=1, max_length=7, description="The 今やること page.")
    contacts: list[Contact] = Field(min_length=1, description="The 「どこに聞けばよいか」 page.")
    way_note: Text | None = Field(
        default=None,
        description="One sentence under the checklist's first track's way on each point's page,"
        " e.g. that the way may fit the business's size.",
    )


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
        " (e.g. 〇〇協会が2020年に公表した概要資料, or the Forum's 2016 guideline); default: the title.",
    )
    law: Text | None = Field(
        default=None,
        description="Name of the Act requirement items quote, as it stood then "
        "(e.g. 個人情報保護法（改正前）, or the Data Protection Act 1998).",
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
        default=Status.superseded,
        description="in-force, or superseded (then abolished, successor and successor_url are required).",
    )
    in_force_since: dt.date | None = Field(
        default=None, description="In force: the day the guideline took effect, shown with its status."
    )
    abolished: dt.date | None = Field(default=None, description="Superseded: the day the guideline stopped applying.")
    successor: Text | None = Field(default=None, description="Superseded: what applies now.")
    successor_url: WebUrl | None = Field(default=None, description="Superseded: where what applies now is published.")
    successor_short: Text | None = Field(
        default=None, description="Superseded: what the site calls the successor for short (e.g. 通則編)."
    )
    disclaimer: Text | None = Field(
        default=None,
        description="Who does not stand behind the site (not official, not legal advice): on the printed covers.",
    )
    language: Slug = Field(default="ja", description="Language of the guideline's texts, e.g. ja or en.")
    time_zone: TimeZone = "UTC"
    deontic: DeonticMarkers | None = Field(
        default=None, description="Replaces the built-in deontic markers of `language` (tebiki.data.deontic.MARKERS)."
    )
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

    @model_validator(mode="after")
    def _status_fields(self) -> Meta:
        given = [name for name in _SUPERSEDED_FIELDS if getattr(self, name) is not None]
        if self.status is Status.superseded and len(given) < len(_SUPERSEDED_FIELDS):
            missing = ", ".join(name for name in _SUPERSEDED_FIELDS if name not in given)
            raise ValueError(
                "a superseded guideline says when it stopped applying (`abolished`, YYYY-MM-DD), what applies "
                f"now (`successor`) and where that is published (`successor_url`); missing: {missing}"
                f"\n→ add {missing}; or, for a guideline still in force, write `status: in-force`"
            )
        if self.status is Status.superseded and self.in_force_since is not None:
            raise ValueError(
                "a superseded guideline shows the day it was abolished, not `in_force_since`"
                "\n→ remove in_force_since; or, for a guideline still in force, write `status: in-force`"
            )
        if self.status is Status.in_force and given:
            raise ValueError(
                f"a guideline in force has no {', '.join(given)} (they say what replaced a superseded one)"
                f"\n→ remove {', '.join(given)}; or, if newer rules replaced this guideline, write `status: superseded`"
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
