"""WebVTT caption files: read them (with line numbers for errors) and write them.

Only what captions for a briefing need: the `WEBVTT` header, NOTE blocks,
optional cue identifiers and cue settings, and cue text. Styling and regions are
passed through untouched by browsers and ignored here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_TIMING = re.compile(r"^(?P<start>(?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+(?P<end>(?:\d+:)?\d{2}:\d{2}\.\d{3})(?:\s+.*)?$")
_TAG = re.compile(r"<[^>]*>")
NOTE_PREFIX = "NOTE "


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # plain text, tags removed, lines joined
    line: int  # 1-based line of the timing line, for error messages


@dataclass(frozen=True)
class Captions:
    cues: list[Cue]
    notes: list[str]  # the text of every NOTE block, e.g. a source hash


class CaptionError(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def parse_timestamp(text: str) -> float:
    parts = text.split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    if minutes > 59 or seconds >= 60:
        raise ValueError(text)
    return round(hours * 3600 + minutes * 60 + seconds, 3)


def format_timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def parse(text: str) -> Captions:
    """Parse a WebVTT file; raise CaptionError with the line of the first problem."""
    lines = text.removeprefix("\ufeff").splitlines()
    if not lines or not (lines[0] == "WEBVTT" or lines[0].startswith(("WEBVTT ", "WEBVTT\t"))):
        raise CaptionError(1, "a WebVTT file must start with the line `WEBVTT`")
    cues: list[Cue] = []
    notes: list[str] = []
    blocks = _blocks(lines)
    for first_line, block in blocks[1:]:  # the first block is the header
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            if block[0].startswith("NOTE"):
                notes.append("\n".join([block[0].removeprefix("NOTE").strip(), *block[1:]]).strip())
            continue
        timing_index = 0 if "-->" in block[0] else 1
        if timing_index >= len(block) or "-->" not in block[timing_index]:
            raise CaptionError(first_line, "a cue needs a timing line such as `00:00:01.000 --> 00:00:04.000`")
        line = first_line + timing_index
        match = _TIMING.match(block[timing_index].strip())
        if not match:
            raise CaptionError(line, "write cue times as HH:MM:SS.mmm or MM:SS.mmm, e.g. `00:01.000 --> 00:04.500`")
        try:
            start, end = parse_timestamp(match["start"]), parse_timestamp(match["end"])
        except ValueError:
            raise CaptionError(line, "minutes and seconds must be below 60") from None
        if end <= start:
            raise CaptionError(line, "a cue must end after it starts")
        if cues and start < cues[-1].start:
            raise CaptionError(line, "cues must be in order of their start time")
        body = " ".join(_TAG.sub("", t).strip() for t in block[timing_index + 1 :]).strip()
        if not body:
            raise CaptionError(line, "a cue has no text")
        cues.append(Cue(start, end, body, line))
    return Captions(cues=cues, notes=notes)


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks, each with the 1-based line it starts on."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def write(cues: list[tuple[float, float, str]], notes: Sequence[str] = ()) -> str:
    """A WebVTT file with the given NOTE blocks, then the cues in order."""
    out = ["WEBVTT", ""]
    for note in notes:
        out += [f"{NOTE_PREFIX}{note}", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        out += [str(number), f"{format_timestamp(start)} --> {format_timestamp(end)}", text, ""]
    return "\n".join(out)
