"""Load guideline/seminars.yml and check it against the guideline and the files in docs/.

Every problem is collected (file, line, field, hint) like the guideline loader
does: unknown item IDs in chapters, chapters out of order or past the end,
captions that are missing or not valid WebVTT. A generated video whose data changed
since it was made is not an error (the maintainer edited text, not the video): it is a
warning, kept in `Seminars.stale`, and the site shows the video with a notice until it is
remade.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ..collect import Collector, check_unique
from ..guideline.model import Guideline
from ..problems import DataError, Problem, display_path
from . import captions, storyboard
from .model import Recording, SeminarFile, Series, Session

FILE_NAME = "seminars.yml"


@dataclass(frozen=True)
class ChapterRef:
    """One chapter of one recording, as an item page links to it."""

    session: Session
    recording: Recording
    number: int  # 1-based
    start: float
    title: str


@dataclass(frozen=True)
class Seminars:
    series: list[Series] = field(default_factory=list)
    captions: dict[str, captions.Captions] = field(default_factory=dict)  # recording ID -> first track
    transcripts: dict[str, str] = field(default_factory=dict)  # recording ID -> transcript text
    stale: dict[str, Problem] = field(default_factory=dict)  # generated recording ID -> why to remake it
    origin: str = f"guideline/{FILE_NAME}"

    def sessions(self) -> Iterator[tuple[Series, Session]]:
        for series in self.series:
            for session in series.sessions:
                yield series, session

    def recordings(self) -> Iterator[tuple[Session, Recording]]:
        for _, session in self.sessions():
            for recording in session.recordings:
                yield session, recording

    def chapters_by_item(self) -> dict[str, list[ChapterRef]]:
        """Item ID -> every chapter that explains it, in data order."""
        out: dict[str, list[ChapterRef]] = {}
        for session, recording in self.recordings():
            for number, chapter in enumerate(recording.chapters, start=1):
                for item_id in chapter.items:
                    out.setdefault(item_id, []).append(
                        ChapterRef(session, recording, number, chapter.start, chapter.title)
                    )
        return out

    def series_by_item(self) -> dict[str, list[Series]]:
        out: dict[str, list[Series]] = {}
        for series in self.series:
            for item_id in series.items:
                out.setdefault(item_id, []).append(series)
        return out


def load_seminars(
    data_dir: Path, docs_dir: Path, guideline: Guideline | None, root: Path, *, check_generated: bool = True
) -> Seminars:
    """Load seminars.yml if there is one; raise DataError listing every problem.

    `check_generated=False` skips the checks on the files a generated recording
    is made of, for the script that is about to (re)make them.
    """
    path = data_dir / FILE_NAME
    if not path.exists():
        return Seminars()
    c = Collector(root)
    data, lines = c.load(path, TypeAdapter(SeminarFile))
    if data is None:
        raise DataError(c.problems)
    check = _Checker(c, path, lines, docs_dir, guideline, check_generated)
    check.check_file(data)
    if c.problems:
        raise DataError(c.problems)
    return Seminars(
        series=data.series,
        captions=check.captions,
        transcripts=check.transcripts,
        stale=check.stale,
        origin=display_path(path, root),
    )


class _Checker:
    """The cross-checks of seminars.yml, keeping the caption files and transcripts it reads.

    Rules: unique series, session and recording IDs; known items (`item_refs`); files that
    exist under docs/ (`docs_file`); per recording `chapters`, `media_files`, `caption_tracks`
    and, for generated videos, `generated`.
    """

    def __init__(
        self,
        c: Collector,
        path: Path,
        lines: Mapping,
        docs: Path,
        guideline: Guideline | None,
        check_generated: bool,
    ) -> None:
        self.c, self.path, self.docs = c, path, docs
        self.r = c.reporter(path, lines)
        # Without a guideline (it failed to load), references to it and generated videos are not checked.
        self.guideline = guideline
        self.items = {item.id: item for item in guideline.items()} if guideline is not None else {}
        self.notice = storyboard.notice_line(guideline.meta) if guideline is not None else ""
        self.check_generated = check_generated
        self.captions: dict[str, captions.Captions] = {}
        self.transcripts: dict[str, str] = {}
        self.warnings = Collector(c.root)
        self.stale: dict[str, Problem] = {}

    def check_file(self, data: SeminarFile) -> None:
        lines = self.r.lines
        entries: dict[str, list[tuple[Path, Mapping, str, tuple[Any, ...]]]] = {
            "series": [],
            "session": [],
            "recording": [],
        }
        for s, series in enumerate(data.series):
            loc = ("series", s)
            entries["series"].append((self.path, lines, series.id, (*loc, "id")))
            self.item_refs((*loc, "items"), series.items)
            for n, session in enumerate(series.sessions):
                sloc = (*loc, "sessions", n)
                entries["session"].append((self.path, lines, session.id, (*sloc, "id")))
                for m, material in enumerate(session.materials):
                    if material.file:
                        self.docs_file((*sloc, "materials", m, "file"), material.file)
                for r, recording in enumerate(session.recordings):
                    rloc = (*sloc, "recordings", r)
                    entries["recording"].append((self.path, lines, recording.id, (*rloc, "id")))
                    self.recording(rloc, recording)
        for what, found in entries.items():
            check_unique(self.c, found, what)

    def item_refs(self, loc: tuple[Any, ...], refs: list[str]) -> None:
        if self.guideline is None:
            return
        for j, ref in enumerate(refs):
            if ref not in self.items:
                self.r.at((*loc, j), f"unknown item {ref!r}", "use the ID of an item in guideline/sections/")

    def docs_file(self, loc: tuple[Any, ...], rel: str) -> Path | None:
        full = self.docs / rel
        if not full.is_file():
            self.r.at(loc, f"file {rel!r} not found under docs/", f"put it at {display_path(full, self.c.root)}")
            return None
        return full

    def recording(self, loc: tuple[Any, ...], rec: Recording) -> None:
        self.chapters(loc, rec)
        # The script remakes these files; before it has run they may be missing or stale.
        skip_outputs = rec.generated and not self.check_generated
        self.media_files(loc, rec, skip_outputs)
        if not skip_outputs:
            self.caption_tracks(loc, rec)
        if rec.generated and self.guideline is not None:
            self.generated(loc, rec)

    def chapters(self, loc: tuple[Any, ...], rec: Recording) -> None:
        """Chapters name known items and start in order, within the recording."""
        previous = -1.0
        for k, chapter in enumerate(rec.chapters):
            cloc = (*loc, "chapters", k)
            self.item_refs((*cloc, "items"), chapter.items)
            if chapter.start <= previous:
                self.r.at((*cloc, "start"), "chapters must start in order, each after the one before", "fix `start`")
            elif chapter.start >= rec.duration:
                self.r.at((*cloc, "start"), "chapter starts after the recording ends", "fix `start` or `duration`")
            previous = chapter.start

    def media_files(self, loc: tuple[Any, ...], rec: Recording, skip_outputs: bool) -> None:
        """The poster, video and transcript exist under docs/ (a generated video's once it was made)."""
        if not skip_outputs:
            for field_name in ("poster", "file"):
                if getattr(rec, field_name):
                    self.docs_file((*loc, field_name), getattr(rec, field_name))
        if rec.transcript and (full := self.docs_file((*loc, "transcript"), rec.transcript)):
            text = self.c.read(full)
            if text is not None:
                self.transcripts[rec.id] = text

    def caption_tracks(self, loc: tuple[Any, ...], rec: Recording) -> None:
        """Each caption file exists, is valid WebVTT with cues, and ends within the recording."""
        for t, track in enumerate(rec.captions):
            full = self.docs_file((*loc, "captions", t, "file"), track.file)
            if full is None:
                continue
            text = self.c.read(full)
            if text is None:
                continue
            try:
                parsed = captions.parse(text)
            except captions.CaptionError as exc:
                self.c.add(full, exc.line, "", f"WebVTT error: {exc}", "fix the caption file (see the WebVTT format)")
                continue
            if not parsed.cues:
                self.c.add(full, 1, "", "the caption file has no cues", "add the captions, one cue per line of speech")
            late = [cue for cue in parsed.cues if cue.end > rec.duration + 0.5]
            if late:
                self.c.add(
                    full,
                    late[0].line,
                    "",
                    f"cue ends at {late[0].end:g} s, after the recording's duration ({rec.duration:g} s)",
                    f"fix the cue times, or `duration` in {display_path(self.path, self.c.root)}",
                )
            self.captions.setdefault(rec.id, parsed)

    def generated(self, loc: tuple[Any, ...], rec: Recording) -> None:
        """A generated video can be made from its chapters, and was made from the data as it is."""
        if any(ref not in self.items for chapter in rec.chapters for ref in chapter.items):
            return  # already reported as unknown items
        if not rec.chapters:
            self.r.at((*loc, "chapters"), "a generated video is made from its chapters", "add at least one chapter")
            return
        made = self.check_generated and rec.id in self.captions
        if made and storyboard.recorded_hash(self.captions[rec.id].notes) == storyboard.source_hash(
            rec, self.items, self.notice
        ):
            return  # made from the data as it is (so its storyboard worked)
        try:
            storyboard.storyboard(rec, self.items)
            before = ""
        except storyboard.StoryboardError as exc:
            if not made:  # about to be made (or never was): the storyboard must work
                self.r.at((*loc, "chapters", exc.chapter, "start"), str(exc), exc.hint)
                return
            before = f"; before that, chapter #{exc.chapter + 1}: {exc} ({exc.hint})"
        if made:  # an edit of the text must not stop the build: shown with a notice until remade
            self.r.to(self.warnings).at(
                (*loc, "generated"),
                "the video was made from older data (its items, chapters or title changed since); the site"
                " shows it with a notice that it was made from an earlier version of the text",
                "remake it with `make video` in a tebiki checkout (tools/briefing_video.py, not installed with"
                " the package); without one, replace the video and its captions and remove `generated: true`" + before,
            )
            self.stale[rec.id] = self.warnings.problems[-1]


def schemas() -> dict[str, dict]:
    """JSON Schema of seminars.yml, for editors."""
    return {"seminars": TypeAdapter(SeminarFile).json_schema()}
