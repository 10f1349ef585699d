"""The correction to mkdocs-quiz's fill-in feedback: it must find every place it is needed, or stop the build."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from support import ROOT
from tebiki.mkdocs_plugin import quiz_patch
from tebiki.mkdocs_plugin.plugin import TebikiPlugin
from tebiki.mkdocs_plugin.quiz_patch import QuizScriptChanged, escape_typed_answers, installed_script, verify_installed


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


@pytest.mark.parametrize(
    "rewrite",
    ['"<li><del>" + userAnswer + "</del>', "`<li><del>${userAnswer}</del>"],
    ids=["concatenated", "template-literal"],
)
def test_an_upstream_rewrite_that_echoes_the_answer_unescaped_stops_the_build(rewrite: str) -> None:
    script = installed_script()
    for unsafe in (
        '"<li><del>" + (userAnswer || "(empty)") + "</del>',
        '"<li><del>" + (userAnswer || t("(empty)")) + "</del>',
    ):
        assert unsafe in script
        script = script.replace(unsafe, rewrite)
    with pytest.raises(QuizScriptChanged, match="may not be escaped"):
        escape_typed_answers(script)


def test_the_build_stops_when_the_installed_script_is_not_the_one_verified(monkeypatch: pytest.MonkeyPatch) -> None:
    verify_installed()  # the installed mkdocs-quiz is the verified one
    monkeypatch.setattr(quiz_patch, "QUIZ_SCRIPT_SHA256", "0" * 64)
    with pytest.raises(QuizScriptChanged, match=r"verified for mkdocs-quiz 1\.7\.1"):
        verify_installed()


def test_a_strict_build_with_a_changed_quiz_script_fails_before_writing_the_site(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(quiz_patch, "QUIZ_VERIFIED_VERSION", "1.6.0")
    plugin = TebikiPlugin()
    with pytest.raises(PluginError, match="installed is 1.7.1"):
        plugin.on_config(load_config(str(ROOT / "mkdocs.yml")))
