"""Text helpers every stage shares: one line of Markdown, clock times, Japanese dates, quote matching."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

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


def japanese_date(day: dt.date) -> str:
    """A date as Japanese text writes it: 2017年5月30日."""
    return f"{day.year}年{day.month}月{day.day}日"


def normalise(text: str) -> str:
    """Compare quotes ignoring layout: NFKC and no whitespace at all."""
    if not unicodedata.is_normalized("NFKC", text):  # a quick check, far cheaper than normalising
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split())
