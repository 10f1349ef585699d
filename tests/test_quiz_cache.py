"""While serving, a quiz mkdocs-quiz converted in the last rebuild is not converted again, and the
site comes out exactly as if it had been: the same HTML, and the same warnings about its links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counted_build import RENDER_CACHE_HOOKS, Built
from tebiki.mkdocs_plugin import quiz_cache, render_cache

# The plugin's use of both caches, as a hook file (`serving` as `mkdocs serve` sets it).
HOOKS = (
    RENDER_CACHE_HOOKS
    + """
import os
from tebiki.mkdocs_plugin import quiz_cache

def on_config(config):
    quiz_cache.install(serving=os.environ["QUIZ_CACHE_SERVING"] == "1")
"""
)

QUIZZES = """# Quizzes

<quiz>
Which one is kept?
- [x] The [kept answer](other.md)
- [ ] A [lost answer](lost.md)

Explained once.
</quiz>

<quiz>
Which two are right?
- [x] The second answer
- [x] Another right one
- [ ] Not this one
</quiz>
"""


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(QUIZZES, encoding="utf-8")
    (tmp_path / "docs" / "other.md").write_text("# Other\n", encoding="utf-8")
    (tmp_path / "hooks.py").write_text(HOOKS, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nhooks: [hooks.py]\nplugins: [mkdocs_quiz]\nmarkdown_extensions: [toc, attr_list]\n",
        encoding="utf-8",
    )
    render_cache.forget()
    yield tmp_path
    render_cache.forget()
    quiz_cache.install(serving=False)


def built(project: Path, monkeypatch: pytest.MonkeyPatch, *, serving: bool = True, language: str = "en") -> Built:
    """A build as `mkdocs serve` (`serving`) or `mkdocs build` makes it, in `language`."""
    monkeypatch.setenv("QUIZ_CACHE_SERVING", "1" if serving else "0")
    return Built(project, monkeypatch, lambda config: config.theme.__setitem__("language", language))


def test_unchanged_quizzes_are_not_converted_again_and_come_out_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = built(project, monkeypatch)
    again = built(project, monkeypatch)
    assert first.converted > 2 and again.converted == 0  # no page rendered, no quiz converted
    assert again.pages["index.html"] == first.pages["index.html"]
    # The answer's broken link is reported by every rebuild, not only the first.
    assert len(first.warnings("lost.md")) == 1, first.warnings("lost.md")
    assert again.warnings("lost.md") == first.warnings("lost.md")


def test_only_the_edited_quiz_is_converted_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = built(project, monkeypatch)
    page = project / "docs" / "index.md"
    page.write_text(QUIZZES.replace("The second answer", "The edited second answer"), encoding="utf-8")
    edited = built(project, monkeypatch)
    # The second quiz's question and three answers; the page's own Markdown holds mkdocs-quiz's
    # placeholders, not the quizzes, so render_cache keeps it (the first quiz has four conversions).
    assert edited.converted == 4, edited.converted
    assert "The edited second answer" in edited.pages["index.html"]
    assert (
        edited.pages["index.html"].replace("The edited second answer", "The second answer") == first.pages["index.html"]
    )
    assert edited.warnings("lost.md") == first.warnings("lost.md")


def test_a_one_off_build_converts_every_quiz(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = built(project, monkeypatch, serving=False)
    again = built(project, monkeypatch, serving=False)
    assert again.converted == first.converted - 2  # the two pages are kept by render_cache alone


def test_the_quiz_catalog_is_in_the_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english = built(project, monkeypatch)
    french = built(project, monkeypatch, language="fr")
    assert ">Submit</button>" in english.pages["index.html"]  # the two-answer quiz's button
    assert ">Submit</button>" not in french.pages["index.html"]
