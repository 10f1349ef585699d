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
        text = unicodedata.normalize("NFKC", text)  # not `nfkc`: on a sentence, the normaliser is faster
    return word_gap().join(text.split())


# Character -> its NFKC form, for the characters met so far (a few hundred in a guideline).
_NFKC_OF: dict[str, str] = {}


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, at two thirds of its cost on a long Japanese text
    (a source's local copy; on a sentence, finding its distinct characters costs more).

    Japanese legal text is not NFKC only because of a few full-width forms (（）：), and
    CPython's normaliser decomposes and recomposes every character to map them. Here each
    distinct character is replaced by its own NFKC form instead. The result is the same
    whenever it is normalised itself: NFKD(NFKC(c)) = NFKD(c), and NFKD works character by
    character (then reorders marks, which a stable sort of already sorted runs leaves as it
    is), so the replaced text has the NFKD, hence the NFKC, of `text`; and a normalised text
    is its own NFKC. If it is not (a mark that composes with a replaced character), the
    normaliser decides.
    """
    if unicodedata.is_normalized("NFKC", text):  # a quick check, far cheaper than normalising
        return text
    out = text
    for char in set(text):
        form = _NFKC_OF.get(char)
        if form is None:
            form = _NFKC_OF[char] = unicodedata.normalize("NFKC", char)
        if form != char:
            out = out.replace(char, form)
    return out if unicodedata.is_normalized("NFKC", out) else unicodedata.normalize("NFKC", text)


def underline(text: str, mark: str = "=") -> str:
    """A plain-text heading's underline, as wide as the heading in a monospaced font: wide
    (East Asian) characters take two columns."""
    return mark * sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def word_gap() -> str:
    """What separates words in the active language: a space, or nothing in Japanese."""
    return " " if translations.spaced() else ""
