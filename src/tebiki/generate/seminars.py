"""Seminar pages: a list of briefings by series, and a page per session with its recordings.

Session pages live at seminars/<id>/index.md, so their URL is seminars/<id>/
whatever `use_directory_urls` says; media paths in the player markup (which
MkDocs does not rewrite) are made relative to that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markupsafe import Markup

from ..data.project import Project
from ..data.seminars import storyboard
from ..data.seminars.captions import Captions
from ..data.seminars.load import Seminars
from ..data.seminars.model import Format, Provider, Recording, Series, Session, Status
from ..text import oneline
from ..translations import _, inner_quotes
from ..translations import date as longdate
from ..translations import gap as translations_gap
from .paths import item_link
from .render import join, kind_label, render
from .render import link as markdown

DIR = "seminars"
INDEX = f"{DIR}/index.md"


def status_label(status: Status) -> str:
    return {Status.planned: _("Planned"), Status.held: _("Held"), Status.recorded: _("Held, recorded")}[status]


def unknown() -> str:
    return _("To be decided")  # not decided, or not announced yet


def not_recorded() -> str:
    return _("Unknown")  # the session took place, but no record of this detail was found


def unconfirmed() -> str:
    return _("No record that it was held")  # a past plan's session that no source confirms


def session_path(session: Session) -> str:
    return f"{DIR}/{session.id}/index.md"


def chapter_anchor(recording: Recording, number: int) -> str:
    return f"chapter-{recording.id}-{number}"


@dataclass(frozen=True)
class TranscriptPart:
    """The text of one chapter (or of the part before the first chapter)."""

    start: float
    title: str | None
    number: int | None
    paragraphs: list[str]


@dataclass(frozen=True)
class Player:
    recording: Recording
    media: str  # prefix from the page to the site root, for src attributes
    transcript: list[TranscriptPart]
    transcript_file: str | None  # a maintainer-written transcript, shown as is
    stale: bool = False  # a generated video made from an earlier version of the text


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    seminars = project.seminars
    if not seminars.series:
        return
    meta = project.guideline.meta
    yield (
        INDEX,
        render(
            "seminars.md.j2",
            meta=meta,
            seminars=seminars,
            rows={s.id: _rows(s) for s in seminars.series},
            has_recordings=any(session.recordings for _, session in seminars.sessions()),
            item_link=_item_linker(project, "../"),
            session_path=lambda s: s.id + "/index.md",
        ),
        seminars.origin,
    )
    for series, session in seminars.sessions():
        players = [_player(project, recording) for recording in session.recordings]
        yield (
            session_path(session),
            render(
                "seminar.md.j2",
                meta=meta,
                series=series,
                session=session,
                facts=_facts(series, session),
                players=players,
                item_link=_item_linker(project, "../../"),
                chapter_anchor=chapter_anchor,
                Provider=Provider,
            ),
            seminars.origin,
        )


def nav_entries(seminars: Seminars) -> list[dict[str, str]]:
    if not seminars.series:
        return []
    return [{_("All briefings"): INDEX}, *({s.title: session_path(s)} for _, s in seminars.sessions())]


def _item_linker(project: Project, to_root: str) -> Callable[[str], Markup]:
    """item ID -> a Markdown link to it in its pamphlet section."""
    link = item_link(project.guideline, to_root)

    def markdown_link(item_id: str) -> Markup:
        return markdown(*link(item_id))

    return markdown_link


def _status(session: Session) -> str:
    if session.format is Format.online and session.status is Status.recorded:
        return _("Online now")
    return status_label(session.status)


def _where(session: Session) -> tuple[str, str, str]:
    """City, date and venue as shown: what is known, and 未定 (or 不明, once held) for the rest."""
    missing = unknown() if session.status is Status.planned else not_recorded()
    if session.format is Format.online:
        city, venue = _("Online"), _("This site")
    else:
        city, venue = session.city or missing, session.venue or missing
    if session.date:
        date = longdate(session.date) + (f" {session.time}" if session.time else "")
    else:
        # Only a published recording can be watched at any time; a planned online session is just undated.
        date = _("Watch at any time") if session.recordings else missing
    return city, date, venue


def _rows(series: Series) -> list[dict]:
    """One table row per session, then one per announced session not in the data yet."""
    known = sorted(series.sessions, key=lambda s: (s.date is None, s.date or 0, s.city or "", s.id))
    rows = []
    for session in known:
        city, date, _venue = _where(session)
        rows.append({"session": session, "city": city, "date": date, "status": _status(session)})
    for n in range(series.open_slots()):
        rows.append(
            {
                "session": None,
                "label": _("Venue %(number)s", number=len(known) + n + 1),
                "city": not_recorded() if series.historical else unknown(),
                "date": not_recorded() if series.historical else unknown(),
                "status": unconfirmed() if series.historical else status_label(Status.planned),
            }
        )
    return rows


def _format(session: Session) -> str:
    if session.format is Format.in_person:
        return _("Briefing at a venue")
    # A planned online briefing is a live session one registers for, not (yet) a video.
    return _("Online (video)") if session.recordings else _("Online")


def _facts(series: Series, session: Session) -> list[tuple[str, str]]:
    city, date, venue = _where(session)
    facts = [(_("Format"), _format(session))]
    # An online session's format already says where it is: "City: Online" would say it twice.
    if session.format is Format.in_person:
        facts.append((_("City"), city))
    facts.append((_("Date"), date))
    if session.format is Format.in_person:
        facts.append((_("Venue"), venue))
    facts += [
        (_("Organised by"), join(session.organisers or series.organisers)),
        (_("Status"), _status(session)),
    ]
    return facts


def _player(project: Project, recording: Recording) -> Player:
    parsed = project.seminars.captions.get(recording.id)
    return Player(
        recording=recording,
        media="../../",
        transcript=_transcript(project, recording, parsed),
        transcript_file=project.seminars.transcripts.get(recording.id),
        stale=recording.id in project.seminars.stale,
    )


def _transcript(project: Project, recording: Recording, parsed: Captions | None) -> list[TranscriptPart]:
    """The captions as running text, grouped by chapter.

    For a generated video the slide shown is part of the text too: each slide's
    kind and title come before what the captions say about it.
    """
    chapters = recording.chapters
    starts = [c.start for c in chapters]
    parts = [TranscriptPart(0.0, None, None, [])] if not starts or starts[0] > 0 else []
    parts += [TranscriptPart(c.start, c.title, n, []) for n, c in enumerate(chapters, start=1)]

    def part_at(t: float) -> TranscriptPart:
        return next(p for p in reversed(parts) if p.start <= t + 0.001)

    # A stale generated video says what its captions say, not what the text says now.
    if recording.generated and recording.id not in project.seminars.stale:
        items = {item.id: item for item in project.guideline.items()}
        for slide in storyboard.storyboard(recording, items):
            kind = kind_label(slide.item.kind.value)
            gap = translations_gap()
            said = gap.join(text for _, _, text in slide.cues)
            shown = _("[On screen: %(kind)s “%(title)s”]", kind=kind, title=inner_quotes(slide.item.title))
            part_at(slide.start).paragraphs.append(shown + gap + said)
    elif parsed is not None:
        texts: dict[float, list[str]] = {}
        for cue in parsed.cues:
            texts.setdefault(part_at(cue.start).start, []).append(cue.text)
        for part in parts:
            if part.start in texts:
                part.paragraphs.append(oneline(" ".join(texts[part.start])))
    return [p for p in parts if p.paragraphs or p.title]
