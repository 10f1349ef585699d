"""trainer.yml as typed data: one kit per kind of briefing session.

Like every other model, these reject unknown fields. References (sections,
question banks, seminars) are checked in `trainer.load`, with file and line.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field, field_validator

from ..types import Slug, Strict, Text

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class AgendaEntry(Strict):
    """One block of the session: a talk on a section, a quiz, a break, questions."""

    title: Text = Field(description="What happens in this block, e.g. ポイント1 社内の安全管理措置.")
    minutes: int = Field(ge=1, le=240, description="How long the block takes.")
    section: Slug | None = Field(
        default=None, description="ID of a guideline section: its slides are shown in this block."
    )
    quiz: Slug | None = Field(default=None, description="ID of a question bank: asked in the live quiz of this block.")
    note: Text | None = Field(default=None, description="A hint for the trainer (shown on the kit page).")
    countdown: int | None = Field(
        default=None,
        ge=5,
        le=600,
        description="Seconds per question of this block's quiz: the live quiz counts them down (optional).",
    )


class Kit(Strict):
    id: Slug = Field(description="Stable; the kit page is trainers/<id>/.")
    title: Text = Field(description="Title of the session, e.g. 改訂ガイドライン説明会（標準の進行）.")
    description: Text = Field(description="One sentence for search engines and link previews.")
    audience: Text = Field(description="Who the session is for.")
    seminar: Slug | None = Field(
        default=None, description="ID of a seminar series or session in seminars.yml: the venue's page."
    )
    start: str | None = Field(default=None, description="Clock time the session starts, e.g. 13:30 (optional).")
    agenda: list[AgendaEntry] = Field(min_length=1)

    @field_validator("start")
    @classmethod
    def _clock(cls, value: str | None) -> str | None:
        if value is not None and not _CLOCK.match(value):
            raise ValueError("write the start time as HH:MM, e.g. 13:30")
        return value

    def start_time(self) -> dt.time | None:
        if self.start is None:
            return None
        hours, minutes = self.start.split(":")
        return dt.time(int(hours), int(minutes))

    def sections(self) -> list[str]:
        """The sections the session covers, in agenda order, each once."""
        return list(dict.fromkeys(e.section for e in self.agenda if e.section))

    def banks(self) -> list[str]:
        """The question banks of the live quiz, in agenda order, each once."""
        return list(dict.fromkeys(e.quiz for e in self.agenda if e.quiz))

    def minutes(self) -> int:
        return sum(e.minutes for e in self.agenda)


class TrainerFile(Strict):
    """trainer.yml: the kits trainers use to run briefing sessions."""

    intro: Text = Field(description="Opening paragraph of the trainers' page.")
    kits: list[Kit] = Field(min_length=1)
