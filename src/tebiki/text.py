"""Text helpers every stage shares: one line of Markdown, clock times, quote matching (dates: translations)."""

from __future__ import annotations

import re
import unicodedata

from . import translations

# Hiragana to CJK ideographs, plus full-width forms: scripts written without spaces.
_CJK = "\u3000-\u9fff\uff00-\uffef"
_SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def oneline(text: str) -> str:
    """One line of Markdown; YAML folding puts spaces between Japanese sentences: drop them."""
    return _SPACE_NEXT_TO_CJK.sub("", " ".join(text.split()))


def clock(seconds: float) -> str:
    """A time in a video as people write it: 1:05, or 1:02:05 past an hour."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def normalise(text: str) -> str:
    """Compare quotes ignoring layout: NFKC, and no whitespace at all in Japanese; in a language
    written with spaces, every run of whitespace is one space ("Everylaptop" is not "Every laptop")."""
    if not unicodedata.is_normalized("NFKC", text):  # a quick check, far cheaper than normalising
        text = unicodedata.normalize("NFKC", text)
    return word_gap().join(text.split())


def underline(text: str, mark: str = "=") -> str:
    """A plain-text heading's underline, as wide as the heading in a monospaced font: wide
    (East Asian) characters take two columns."""
    return mark * sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def word_gap() -> str:
    """What separates words in the active language: a space, or nothing in Japanese."""
    return " " if translations.spaced() else ""
