"""`text.nfkc` is `unicodedata.normalize("NFKC", …)` by another route: the quote checks rely on it."""

from __future__ import annotations

import random
import sys
import unicodedata

import pytest

from tebiki.data.guideline.load import SourceText
from tebiki.text import nfkc

# Texts where replacing characters one by one is not NFKC: marks composing with a replaced
# character, reordered marks, Hangul jamo, compatibility forms expanding to several characters.
CASES = [
    "",
    "合成項目0番：事業者は、確認を定期的に行うこと（第0項）。",
    "Ａ\u0300",  # full-width A then a combining grave: NFKC composes them into À
    "ｅ\u0301\u0323",  # marks after a replaced character, in the wrong canonical order
    "ｶﾞｷﾞ",  # half-width katakana and voiced marks: one character each after NFKC
    "\u1100\u1161\u11a8",  # Hangul jamo compose into one syllable
    "㍻の㌔と①、ﬁ、½",  # one character expanding to several
    "\u3000全角　スペース\uff5e",
    "e\u0301 and é",
]


@pytest.mark.parametrize("text", CASES)
def test_nfkc_equals_the_normaliser(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_equals_the_normaliser_on_random_text() -> None:
    # Japanese text, full-width and half-width forms, combining marks and compatibility characters, mixed.
    pool = (
        [chr(c) for c in range(0x3040, 0x30FF)]
        + [chr(c) for c in range(0xFF01, 0xFFEF)]
        + [chr(c) for c in range(0x0300, 0x0370)]
        + [chr(c) for c in range(0x3300, 0x3400)]
        + list("abcAZ09 \n\t。、")
    )
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))
        assert nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)


def test_nfkc_equals_the_normaliser_on_every_character_then_a_mark() -> None:
    for code in range(0x20, 0x30000, 7):
        if 0xD800 <= code < 0xE000:
            continue
        text = chr(code) + "\u0301\u0323"
        assert nfkc(text) == unicodedata.normalize("NFKC", text), (hex(code), sys.version)


def test_a_source_copy_is_normalised_as_before() -> None:
    # SourceText takes nfkc; what it searches must be what the normaliser gave it line by line.
    text = "第1条（目的）\n  Ａ\u0300の　項目：\n\nｶﾞ ｷﾞ①\n"
    expected = "".join("".join(line.split()) for line in unicodedata.normalize("NFKC", text).splitlines())
    assert SourceText(text).whole == expected
