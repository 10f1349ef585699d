"""While serving, a quiz mkdocs-quiz converted in the last rebuild is not converted again, and the
site comes out exactly as if it had been: the same HTML, and the same warnings about its links."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tebiki.mkdocs_plugin import quiz_cache, render_cache

# The plugin's use of both caches, as a hook (`serving` as `mkdocs serve` sets it).
HOOKS = """
import os
from tebiki.mkdocs_plugin import quiz_cache, render_cache

def on_config(config):
    quiz_cache.install(serving=os.environ["QUIZ_CACHE_SERVING"] == "1")

def on_page_markdown(markdown, page, config, files):
    if render_cache.usable(config):
        render_cache.keep_rendering(page)
    return markdown

def on_post_build(config):
    render_cache.rebuilt()
"""

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


class Built:
    """One build in this process: how many Markdown conversions it made, its warnings, its home page."""

    def __init__(
        self, project: Path, monkeypatch: pytest.MonkeyPatch, *, serving: bool = True, language: str = "en"
    ) -> None:
        self.converted = 0
        real = markdown.Markdown.convert

        def convert(md: markdown.Markdown, source: str) -> str:
            self.converted += 1
            return real(md, source)

        messages: list[str] = []
        handler = logging.Handler()
        handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
        logger = logging.getLogger("mkdocs")
        with monkeypatch.context() as mp:
            mp.setattr(markdown.Markdown, "convert", convert)
            mp.setenv("QUIZ_CACHE_SERVING", "1" if serving else "0")
            logger.addHandler(handler)
            try:
                config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
                config.theme["language"] = language
                build(config)
            finally:
                logger.removeHandler(handler)
        self.warnings = sorted(m for m in messages if "lost.md" in m)
        self.home = (project / "site" / "index.html").read_text(encoding="utf-8")


def test_unchanged_quizzes_are_not_converted_again_and_come_out_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Built(project, monkeypatch)
    again = Built(project, monkeypatch)
    assert first.converted > 2 and again.converted == 0  # no page rendered, no quiz converted
    assert again.home == first.home
    # The answer's broken link is reported by every rebuild, not only the first.
    assert len(first.warnings) == 1, first.warnings
    assert again.warnings == first.warnings


def test_only_the_edited_quiz_is_converted_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Built(project, monkeypatch)
    page = project / "docs" / "index.md"
    page.write_text(QUIZZES.replace("The second answer", "The edited second answer"), encoding="utf-8")
    edited = Built(project, monkeypatch)
    # The second quiz's question and three answers; the page's own Markdown holds mkdocs-quiz's
    # placeholders, not the quizzes, so render_cache keeps it (the first quiz has four conversions).
    assert edited.converted == 4, edited.converted
    assert "The edited second answer" in edited.home
    assert edited.home.replace("The edited second answer", "The second answer") == first.home
    assert edited.warnings == first.warnings


def test_a_one_off_build_converts_every_quiz(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Built(project, monkeypatch, serving=False)
    again = Built(project, monkeypatch, serving=False)
    assert again.converted == first.converted - 2  # the two pages are kept by render_cache alone


def test_the_quiz_catalog_is_in_the_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english = Built(project, monkeypatch)
    french = Built(project, monkeypatch, language="fr")
    assert ">Submit</button>" in english.home  # the two-answer quiz's button
    assert ">Submit</button>" not in french.home
