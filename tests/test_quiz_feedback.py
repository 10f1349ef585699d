"""The correction to mkdocs-quiz's fill-in feedback: it must find every place it is needed, or stop the build."""

from __future__ import annotations

from importlib.resources import files

import pytest

from tebiki.mkdocs_plugin.quiz_patch import QuizScriptChanged, escape_typed_answers


def installed_script() -> str:
    return (files("mkdocs_quiz") / "js" / "quiz.js").read_text(encoding="utf-8")


def test_every_place_the_installed_script_echoes_an_answer_is_escaped() -> None:
    script = installed_script()
    fixed = escape_typed_answers(script)
    assert '(userAnswer || "(empty)")' not in fixed and '(userAnswer || t("(empty)"))' not in fixed
    assert fixed.count("userAnswer.replace(") == script.count("+ (userAnswer") == 2


def test_pages_without_the_quiz_script_are_left_alone() -> None:
    page = "<html><body><p>委託先の監督 (empty)</p></body></html>"
    assert escape_typed_answers(page) == page


def test_an_unknown_way_of_echoing_the_answer_stops_the_build() -> None:
    changed = installed_script().replace('(userAnswer || "(empty)")', '(userAnswer || "(blank)")')
    with pytest.raises(QuizScriptChanged, match="quiz_patch.py"):
        escape_typed_answers(changed)
