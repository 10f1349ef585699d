"""Load guideline/seminars.yml and check it against the guideline and the files in docs/.

Every problem is collected (file, line, field, hint) like the guideline loader
does: unknown item IDs in chapters, chapters out of order or past the end,
captions that are missing or not valid WebVTT, and generated videos whose
data changed since they were made.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter

from ..collect import Collector, check_unique
from ..guideline.model import Guideline
from ..problems import DataError, display_path
from ..yaml_lines import dotted, line_of
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
    data_dir: Path, docs_dir: Path, guideline: Guideline, root: Path, *, check_generated: bool = True
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
    check.all(data)
    if c.problems:
        raise DataError(c.problems)
    return Seminars(
        series=data.series,
        captions=check.captions,
        transcripts=check.transcripts,
        origin=display_path(path, root),
    )


class _Checker:
    def __init__(
        self, c: Collector, path: Path, lines: Mapping, docs: Path, guideline: Guideline, check_generated: bool
    ):
        self.c, self.path, self.lines, self.docs = c, path, lines, docs
        self.items = {item.id: item for item in guideline.items()}
        self.notice = storyboard.notice_line(guideline.meta)
        self.check_generated = check_generated
        self.captions: dict[str, captions.Captions] = {}
        self.transcripts: dict[str, str] = {}

    def add(self, loc: tuple, message: str, hint: str) -> None:
        self.c.add(self.path, line_of(self.lines, loc), dotted(loc), message, hint)

    def all(self, data: SeminarFile) -> None:
        entries: dict[str, list[tuple[Path, Mapping, str, tuple]]] = {"series": [], "session": [], "recording": []}
        for s, series in enumerate(data.series):
            loc = ("series", s)
            entries["series"].append((self.path, self.lines, series.id, (*loc, "id")))
            self.item_refs((*loc, "items"), series.items)
            for n, session in enumerate(series.sessions):
                sloc = (*loc, "sessions", n)
                entries["session"].append((self.path, self.lines, session.id, (*sloc, "id")))
                for m, material in enumerate(session.materials):
                    if material.file:
                        self.docs_file((*sloc, "materials", m, "file"), material.file)
                for r, recording in enumerate(session.recordings):
                    rloc = (*sloc, "recordings", r)
                    entries["recording"].append((self.path, self.lines, recording.id, (*rloc, "id")))
                    self.recording(rloc, recording)
        for what, found in entries.items():
            check_unique(self.c, found, what)

    def item_refs(self, loc: tuple, refs: list[str]) -> None:
        for j, ref in enumerate(refs):
            if ref not in self.items:
                self.add((*loc, j), f"unknown item {ref!r}", "use the ID of an item in guideline/sections/")

    def docs_file(self, loc: tuple, rel: str) -> Path | None:
        full = self.docs / rel
        if not full.is_file():
            self.add(loc, f"file {rel!r} not found under docs/", f"put it at {display_path(full, self.c.root)}")
            return None
        return full

    def recording(self, loc: tuple, rec: Recording) -> None:
        previous = -1.0
        for k, chapter in enumerate(rec.chapters):
            cloc = (*loc, "chapters", k)
            self.item_refs((*cloc, "items"), chapter.items)
            if chapter.start <= previous:
                self.add((*cloc, "start"), "chapters must start in order, each after the one before", "fix `start`")
            elif chapter.start >= rec.duration:
                self.add((*cloc, "start"), "chapter starts after the recording ends", "fix `start` or `duration`")
            previous = chapter.start
        # The script remakes these files; before it has run they may be missing or stale.
        skip_outputs = rec.generated and not self.check_generated
        if not skip_outputs:
            for field_name in ("poster", "file"):
                if getattr(rec, field_name):
                    self.docs_file((*loc, field_name), getattr(rec, field_name))
        if rec.transcript and (full := self.docs_file((*loc, "transcript"), rec.transcript)):
            self.transcripts[rec.id] = full.read_text(encoding="utf-8")
        for t, track in enumerate(rec.captions):
            if skip_outputs:
                continue
            full = self.docs_file((*loc, "captions", t, "file"), track.file)
            if full is None:
                continue
            try:
                parsed = captions.parse(full.read_text(encoding="utf-8"))
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
        if rec.generated:
            self.generated(loc, rec)

    def generated(self, loc: tuple, rec: Recording) -> None:
        if any(ref not in self.items for chapter in rec.chapters for ref in chapter.items):
            return  # already reported as unknown items
        if not rec.chapters:
            self.add((*loc, "chapters"), "a generated video is made from its chapters", "add at least one chapter")
            return
        try:
            storyboard.storyboard(rec, self.items)
        except storyboard.StoryboardError as exc:
            self.add((*loc, "chapters", exc.chapter, "start"), str(exc), exc.hint)
            return
        if not self.check_generated or rec.id not in self.captions:
            return
        expected = storyboard.source_hash(rec, self.items, self.notice)
        if storyboard.recorded_hash(self.captions[rec.id].notes) != expected:
            self.add(
                (*loc, "generated"),
                "the video was made from older data (its items, chapters or title changed since)",
                "remake it: .venv/bin/python scripts/make-briefing-video.py",
            )


def schemas() -> dict[str, dict]:
    """JSON Schema of seminars.yml, for editors."""
    return {"seminars": TypeAdapter(SeminarFile).json_schema()}
