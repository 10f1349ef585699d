"""The briefing video's frames wrap text as its language is written: English by words, Japanese
by characters with kinsoku (no line starts with 、。 and the like)."""

from __future__ import annotations

import contextvars
from collections.abc import Callable

import pytest
from tools import briefing_video

from tebiki import translations


def _in(language: str, run: Callable[[], None]) -> None:
    """Run with `language` active, leaving the tests' own language as it was."""

    def activated() -> None:
        translations.activate(language)
        run()

    contextvars.copy_context().run(activated)


@pytest.fixture(scope="module")
def font():  # type: ignore[no-untyped-def]
    return briefing_video._font(28)


def test_english_lines_break_between_words_and_fit(font) -> None:  # type: ignore[no-untyped-def]
    text = "Keep a record of who looked at the customer list, and check it once a month for anything unusual."
    width = 360

    def check() -> None:
        lines = briefing_video.wrap(text, font, width)
        assert len(lines) >= 3
        assert " ".join(lines) == text  # every break is at a space, no word cut in two
        assert all(font.getlength(line) <= width for line in lines)
        # Greedy: the next word would not have fitted on the line before.
        for line, after in zip(lines, lines[1:], strict=False):
            assert font.getlength(line + " " + after.split()[0]) > width

    _in("en", check)


def test_an_english_word_wider_than_the_line_is_cut_by_characters(font) -> None:  # type: ignore[no-untyped-def]
    word = "Pseudonymisation" * 3

    def check() -> None:
        lines = briefing_video.wrap(f"Use {word} here", font, 300)
        assert lines[0] == "Use" and len(lines) >= 3
        assert "".join(lines).replace(" ", "") == f"Use{word}here"
        assert all(font.getlength(line) <= 300 for line in lines)

    _in("en", check)


def test_japanese_wraps_by_characters_and_no_line_starts_with_a_comma_or_stop(font) -> None:  # type: ignore[no-untyped-def]
    text = "個人データを扱う人を決め、だれが、いつ、どのデータを見たかを記録し、月に一度は確かめます。"

    def check() -> None:
        for width in range(150, 400, 7):  # at some width a line would otherwise start with 、 or 。
            lines = briefing_video.wrap(text, font, width)
            assert "".join(lines) == text
            assert not any(line[0] in "、。" for line in lines[1:])
            assert len(lines) > 1

    _in("ja", check)
