"""What a generated briefing video shows and when: pure, from the data alone.

A generated recording (`generated: true` in seminars.yml) is a slide show: each
chapter shows, one after another, a slide per guideline item it names. The
caption under each slide is the first sentence of the item's plain-Japanese
explanation, so the video, its WebVTT captions and its transcript all come
from the same text. Chapter start times come from the data; the slides and
cues share each chapter's time in proportion to the text they show.

`source_hash` fingerprints exactly these inputs. The captions file carries it,
so validation can tell when the data changed and the video must be remade.
"""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from dataclasses import dataclass

from ... import translations
from ...text import oneline
from ...translations import _
from ..guideline.model import Guideline, Item, Meta
from .model import Recording

# Bump when the slide layout or timing rules change, so every generated video counts as stale.
GENERATOR_VERSION = 1
HASH_NOTE = "tebiki-source"

_CLAUSE_END = re.compile(r"(?<=[、。])")
_SPACED_CLAUSE_END = re.compile(r"(?<=[,;:.!?])\s+")
# A long clause may be cut after these: particles and closing brackets end a phrase in Japanese.
_BREAK_AFTER = set("はがをにでとものへや」）")


def max_chars_per_second() -> float:
    """Reading speed: Japanese captions are comfortable at about 4–6 characters a second (the upper
    limit here); English ones at some 15–17 (letters and spaces)."""
    return 17.0 if translations.spaced() else 6.0


def cue_chars() -> int:
    """A caption cue longer than this is split at a comma (two short lines on a phone)."""
    return 42 if translations.spaced() else 32


@dataclass(frozen=True)
class Slide:
    start: float
    end: float
    chapter: int  # 0-based index into recording.chapters
    item: Item
    cues: list[tuple[float, float, str]]


class StoryboardError(Exception):
    def __init__(self, chapter: int, message: str, hint: str):
        self.chapter = chapter
        self.hint = hint
        super().__init__(message)


def caption_text(item: Item) -> str:
    """What the video says about an item: the first sentence of its plain explanation."""
    return translations.first_sentence(oneline(item.plain))


def split_cues(text: str, limit: int | None = None) -> list[str]:
    """Cut a sentence into caption cues of at most `limit` characters, at 、 (or a comma) where possible."""
    limit = limit or cue_chars()
    if translations.spaced():
        return _split_spaced(text, limit)
    cues: list[str] = []
    for clause in (c for c in _CLAUSE_END.split(text) if c):
        for part in _halve(clause, limit):
            if cues and len(cues[-1]) + len(part) <= limit:
                cues[-1] += part
            else:
                cues.append(part)
    return cues


def _split_spaced(text: str, limit: int) -> list[str]:
    """Cues of whole words, clause by clause: English and other languages written with spaces."""
    cues: list[str] = []
    for clause in _SPACED_CLAUSE_END.split(text.strip()):
        for line in textwrap.wrap(clause, limit) or [clause]:
            if cues and len(cues[-1]) + 1 + len(line) <= limit:
                cues[-1] += " " + line
            else:
                cues.append(line)
    return cues


def _halve(clause: str, limit: int) -> list[str]:
    """A clause too long for one cue, split near its middle after a particle or closing bracket."""
    if len(clause) <= limit:
        return [clause]
    middle = len(clause) / 2
    breaks, depth = [], 0
    for i, ch in enumerate(clause[:-1], start=1):
        depth += (ch in "「（") - (ch in "」）")
        if depth == 0 and ch in _BREAK_AFTER and clause[i] not in "」）、。":  # never inside 「…」
            breaks.append(i)
    cut = min(breaks, key=lambda i: abs(i - middle)) if breaks else round(middle)
    return _halve(clause[:cut], limit) + _halve(clause[cut:], limit)


def chapter_spans(recording: Recording) -> list[tuple[float, float]]:
    starts = [c.start for c in recording.chapters]
    return list(zip(starts, [*starts[1:], recording.duration], strict=True))


def storyboard(recording: Recording, items: dict[str, Item]) -> list[Slide]:
    """The slides in order, with their caption cues; raise StoryboardError if text cannot be read in time."""
    slides: list[Slide] = []
    for index, (chapter, (start, end)) in enumerate(zip(recording.chapters, chapter_spans(recording), strict=True)):
        texts = [caption_text(items[ref]) for ref in chapter.items]
        total = sum(len(t) for t in texts)
        needed = total / max_chars_per_second()
        if end - start < needed:
            raise StoryboardError(
                index,
                f"chapter {chapter.title!r} shows {total} characters of captions in {end - start:g} s",
                f"give it at least {needed:.0f} s (at most {max_chars_per_second():g} characters a second): "
                "move the next chapter's start, or the duration, later",
            )
        t = start
        for ref, text in zip(chapter.items, texts, strict=True):
            length = (end - start) * len(text) / total
            slides.append(Slide(t, t + length, index, items[ref], _timed(split_cues(text), t, t + length)))
            t += length
    return slides


def _timed(cues: list[str], start: float, end: float) -> list[tuple[float, float, str]]:
    total = sum(len(c) for c in cues)
    out = []
    t = start
    for cue in cues:
        length = (end - start) * len(cue) / total
        out.append((round(t, 3), round(t + length, 3), cue))
        t += length
    return out


def source_hash(recording: Recording, items: dict[str, Item], notice: str) -> str:
    """Fingerprint of everything the generated video shows; `notice` is the footer line."""
    payload = {
        "version": GENERATOR_VERSION,
        "title": recording.title,
        "duration": recording.duration,
        "notice": notice,
        "chapters": [
            {
                "start": c.start,
                "title": c.title,
                "items": [
                    {
                        "id": ref,
                        "title": items[ref].title,
                        "kind": items[ref].kind.value,
                        "text": caption_text(items[ref]),
                    }
                    for ref in c.items
                    if ref in items
                ],
            }
            for c in recording.chapters
        ],
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def hash_note(digest: str) -> str:
    return f"{HASH_NOTE} {digest} (made by scripts/make-briefing-video.py; do not edit by hand)"


def recorded_hash(notes: list[str]) -> str | None:
    for note in notes:
        if note.startswith(HASH_NOTE + " "):
            return note.split()[1]
    return None


def notice_line(meta: Meta) -> str:
    """The footer every slide carries: the guideline is history; what applies today (empty while in force)."""
    if meta.abolished is None:
        return ""
    return _("This guideline was abolished on %(date)s.", date=translations.date(meta.abolished)) + _(
        " Today %(successor)s applies.", successor=meta.successor
    )


def credit_line(guideline: Guideline) -> str:
    """The credit in a corner of every frame: whose documents the items are quoted from."""
    by_id = {s.id: s for s in guideline.sources}
    publishers = dict.fromkeys(by_id[item.source.document].publisher for item in guideline.items())
    return _(
        "Source: adapted from documents of %(publishers)s",
        publishers=translations.pgettext("list separator", ", ").join(publishers),
    )
