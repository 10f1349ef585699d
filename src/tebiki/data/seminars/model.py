"""Briefing sessions and their recordings, as typed data (guideline/seminars.yml).

A series is one outreach plan (e.g. a year's regional briefings in 8 cities);
its sessions are the briefings known so far. Anything not yet known (a city,
a date, a venue) is simply left out and shown as 未定: the data never has to
guess. Recordings refer to guideline items by ID from their chapters.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema, model_validator

from ..types import ContactUrl, ItemId, Slug, Strict, Text, WebUrl

# A file under docs/, written as the site path: media/briefings/overview.mp4
DocsPath = Annotated[
    str,
    # Segments never start with a dot: no `..`, no hidden files, no leading slash.
    StringConstraints(pattern=r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$"),
    Field(description="Path of a file under docs/, e.g. media/briefings/overview.mp4."),
]

_CLOCK = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d(?:\.\d+)?)$")


def to_seconds(value: object) -> float:
    """`95`, `"1:35"` and `"0:01:35"` all mean 95 seconds.

    YAML 1.1 (PyYAML) reads an unquoted 1:35 as the base-60 number 95, while
    editors using YAML 1.2 see the string "1:35": both are accepted.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0:
            raise ValueError("a time cannot be negative")
        return float(value)
    match = _CLOCK.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError("write a time as M:SS or H:MM:SS, e.g. 1:35")
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)


# Seconds in Python; in the YAML (and so in the JSON Schema) a clock string or whole seconds.
Clock = Annotated[
    float,
    BeforeValidator(to_seconds),
    WithJsonSchema(
        {
            "anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": _CLOCK.pattern}],
            "description": "A time in the video: M:SS or H:MM:SS (or whole seconds).",
        }
    ),
]


class Status(StrEnum):
    planned = "planned"  # announced; details may still be 未定
    held = "held"  # took place; no recording published (yet)
    recorded = "recorded"  # took place and a recording is published here


class Format(StrEnum):
    in_person = "in_person"  # at a venue in a city
    online = "online"  # watched on the web; no city or venue


class Provider(StrEnum):
    youtube = "youtube"  # shown behind a facade; youtube-nocookie.com loads only on click
    vimeo = "vimeo"  # shown behind a facade; player.vimeo.com with dnt=1 loads only on click
    file = "file"  # a video file under docs/, played by the browser itself


class CaptionTrack(Strict):
    file: DocsPath = Field(description="WebVTT file under docs/ (.vtt).")
    lang: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "ja"
    label: Text | None = Field(default=None, description="Shown in the player's menu; default: the name of `lang`.")


class Chapter(Strict):
    start: Clock
    title: Text
    items: list[ItemId] = Field(min_length=1, description="Guideline items this part of the video explains.")


class Recording(Strict):
    id: Slug = Field(description="Stable ID; the player's anchor is recording-<id>.")
    title: Text
    provider: Provider
    video_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]+$")] | None = Field(
        default=None, description="The provider's video ID (YouTube: 11 characters; Vimeo: digits)."
    )
    file: DocsPath | None = Field(default=None, description="For provider `file`: the video (.mp4 or .webm).")
    poster: DocsPath = Field(description="Still image under docs/, shown before playing; never fetched elsewhere.")
    duration: Clock
    captions: list[CaptionTrack] = Field(
        min_length=1, description="WebVTT captions; every recording needs at least one track (JIS X 8341-3)."
    )
    transcript: DocsPath | None = Field(
        default=None, description="Plain-text transcript under docs/; without one, the captions are shown as text."
    )
    chapters: list[Chapter] = Field(default_factory=list)
    generated: bool = Field(
        default=False,
        description="Made by scripts/make-briefing-video.py from this entry and its items; rerun it after a change.",
    )

    @model_validator(mode="after")
    def _source_matches_provider(self) -> Recording:
        if self.provider is Provider.file:
            if self.file is None or self.video_id is not None:
                raise ValueError("a `file` recording needs `file` and no `video_id`")
            if not self.file.endswith((".mp4", ".webm")):
                raise ValueError("`file` must be an .mp4 or .webm video")
        else:
            if self.video_id is None or self.file is not None:
                raise ValueError(f"a {self.provider.value} recording needs `video_id` and no `file`")
            if self.provider is Provider.youtube and len(self.video_id) != 11:
                raise ValueError("a YouTube video ID has 11 characters, as in youtu.be/<ID>")
            if self.provider is Provider.vimeo and not self.video_id.isdigit():
                raise ValueError("a Vimeo video ID is a number, as in vimeo.com/<ID>")
        if self.generated and self.provider is not Provider.file:
            raise ValueError("only `file` recordings can be generated")
        for track in self.captions:
            if not track.file.endswith(".vtt"):
                raise ValueError("captions must be WebVTT files (.vtt)")
        return self

    def embed_url(self, start: int = 0) -> str | None:
        """The privacy-enhanced player address, loaded only after the visitor clicks play."""
        if self.provider is Provider.youtube:
            base = f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1&rel=0"
        elif self.provider is Provider.vimeo:
            base = f"https://player.vimeo.com/video/{self.video_id}?dnt=1&autoplay=1"
        else:
            return None
        return base + (self.start_suffix().replace("{s}", str(start)) if start else "")

    def start_suffix(self) -> str:
        """What the player script appends to `embed_url()` to start at {s} seconds."""
        return {Provider.youtube: "&start={s}", Provider.vimeo: "#t={s}s"}.get(self.provider, "")

    def watch_url(self) -> str | None:
        """The provider's own page, for a plain link (nothing loads until followed)."""
        if self.provider is Provider.youtube:
            return f"https://www.youtube.com/watch?v={self.video_id}"
        if self.provider is Provider.vimeo:
            return f"https://vimeo.com/{self.video_id}"
        return None


class Material(Strict):
    title: Text
    url: WebUrl | None = None
    file: DocsPath | None = None

    @model_validator(mode="after")
    def _one_place(self) -> Material:
        if (self.url is None) == (self.file is None):
            raise ValueError("give a material either `url` or `file`")
        return self


class Session(Strict):
    """One briefing. Leave out what is not known yet; the site shows it as 未定."""

    id: Slug = Field(description="Stable ID; the page is seminars/<id>/.")
    title: Text
    format: Format = Format.in_person
    status: Status
    city: Text | None = Field(default=None, description="Where it is held; leave out while 未定.")
    date: dt.date | None = Field(default=None, description="The day, YYYY-MM-DD; leave out while 未定.")
    time: Text | None = Field(default=None, description="e.g. 13:30〜16:00")
    venue: Text | None = None
    organisers: list[Text] = Field(default_factory=list, description="Defaults to the series' organisers.")
    registration: ContactUrl | None = Field(
        default=None, description="Where to sign up, while the session is planned: an https:// or mailto: address."
    )
    summary: Text | None = None
    materials: list[Material] = Field(default_factory=list)
    recordings: list[Recording] = Field(default_factory=list)

    @model_validator(mode="after")
    def _status_matches(self) -> Session:
        if (self.status is Status.recorded) != bool(self.recordings):
            raise ValueError("a session has recordings exactly when its status is `recorded`")
        if self.format is Format.online and (self.city or self.venue):
            raise ValueError("an online session has no `city` or `venue`")
        if self.registration and self.status is not Status.planned:
            raise ValueError("`registration` is only for planned sessions; remove it once held")
        return self


class Series(Strict):
    """An outreach plan: several sessions under one title."""

    id: Slug
    title: Text
    about: Text = Field(description="What the series is and what is (not) known about it.")
    organisers: list[Text] = Field(min_length=1)
    items: list[ItemId] = Field(default_factory=list, description="Guideline items that describe this plan.")
    planned: int | None = Field(default=None, ge=1, description="How many sessions were announced, if known.")
    historical: bool = Field(
        default=False, description="The plan is past: sessions not in the data show as 未確認, never as 予定."
    )
    sessions: list[Session] = Field(default_factory=list)

    @model_validator(mode="after")
    def _planned_covers_sessions(self) -> Series:
        if self.planned is not None and len(self.sessions) > self.planned:
            raise ValueError(f"{len(self.sessions)} sessions listed but `planned` is {self.planned}")
        return self

    def open_slots(self) -> int:
        """Announced sessions whose details are not in the data yet."""
        return max(0, (self.planned or 0) - len(self.sessions))


class SeminarFile(Strict):
    """guideline/seminars.yml"""

    series: list[Series] = Field(min_length=1)
