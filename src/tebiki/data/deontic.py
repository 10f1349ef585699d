"""Deontic force of quoted rule text, and the check that a checklist level matches its basis.

A 必須 (required) entry must rest on a rule sentence (「しなければならない」「してはならない」,
"must", "shall"); a 推奨 (recommended) one on an example or a 「望ましい」 sentence ("should",
"for example"), never on a rule sentence: otherwise a reader is told a duty is optional, or
an example is a duty. The markers are a per-language table; a guideline names its language in
guideline.yml and may replace the table there (`deontic:`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Force(StrEnum):
    required = "required"  # a rule sentence: not following it may breach the law
    recommended = "recommended"  # 「望ましい」, an example method, a matter of good practice
    neutral = "neutral"  # neither: a definition, a list item of examples, a penalty


@dataclass(frozen=True)
class Markers:
    """Phrases that give a sentence its force. `recommended` is looked for first and masked, so
    that a softer phrase containing a required one (「努めなければならない」) is not read as a duty."""

    required: tuple[str, ...]
    recommended: tuple[str, ...]
    words: bool = False  # match whole words (languages written with spaces)

    def force(self, text: str) -> Force:
        return _force(self, text)


@functools.lru_cache(maxsize=4096)
def _force(markers: Markers, text: str) -> Force:
    """Cached: checklist entries cite the same few rule quotes over and over."""
    rest, softened = _mask(text, markers.recommended, markers.words)
    if _find(rest, markers.required, markers.words):
        return Force.required
    return Force.recommended if softened else Force.neutral


# The PPC's own key (通則編 1-1) and its usual example wording; English as in RFC 2119 and
# guidance documents.
MARKERS: dict[str, Markers] = {
    "ja": Markers(
        required=("なければならない", "てはならない", "あってはならない"),
        recommended=("努めなければならない", "望ましい", "望まれる", "重要である", "考えられる", "期待される"),
    ),
    "en": Markers(
        required=("must", "shall", "is required to", "are required to"),
        recommended=("should", "may", "for example", "e.g.", "is recommended", "is desirable", "could"),
        words=True,
    ),
}


@functools.cache
def _pattern(phrase: str, words: bool) -> re.Pattern[str]:
    body = re.escape(phrase)
    return re.compile(rf"(?<!\w){body}(?!\w)" if words else body, re.IGNORECASE)


def _find(text: str, phrases: Iterable[str], words: bool) -> bool:
    return any(_pattern(p, words).search(text) for p in phrases)


def _mask(text: str, phrases: Iterable[str], words: bool) -> tuple[str, bool]:
    found = False
    for phrase in phrases:
        text, n = _pattern(phrase, words).subn(" ", text)
        found = found or n > 0
    return text, found


@dataclass(frozen=True)
class Mismatch:
    entry: str
    message: str
    hint: str


def check_level(
    entry_id: str, level: str, basis: Iterable[str], quotes: Mapping[str, str | None], markers: Markers
) -> Mismatch | None:
    """Whether an entry's level (`required` or `recommended`) matches the force of its basis quotes."""
    forces = {rule: markers.force(quote) for rule in basis if (quote := quotes.get(rule))}
    if level == "required":
        if Force.required not in forces.values():
            return Mismatch(
                entry_id,
                f"{entry_id} is required (必須) but no rule in `basis` quotes a rule sentence",
                "cite a rule whose `quote` in today.yml is a duty (it has one of: "
                f"{', '.join(markers.required)}), or make the entry recommended; if your rules word a duty "
                "otherwise (e.g. 「…とする」), add it to guideline.yml `deontic:` (its `required` and `recommended` "
                "lists replace the built-in ones)",
            )
        return None
    duties = [rule for rule, force in forces.items() if force is Force.required]
    if duties:
        return Mismatch(
            entry_id,
            f"{entry_id} is recommended (推奨) but {', '.join(duties)} quotes a rule sentence",
            "cite the example or 望ましい sentence instead (add it to today.yml as its own rule), "
            "or make the entry required",
        )
    if not forces:
        return Mismatch(
            entry_id,
            f"{entry_id} is recommended (推奨) but no rule in `basis` has a `quote`",
            "cite a rule whose `quote` is the example or 望ましい sentence the entry rests on",
        )
    return None
