"""While serving, a page whose Markdown did not change is not rendered again, and the site comes
out exactly as if it had been: the same HTML, and the same warnings about its links."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tebiki.mkdocs_plugin import render_cache

# The plugin's use of it, as a hook: every page kept while serving, the rebuild's pages kept after.
HOOKS = """
from tebiki.mkdocs_plugin import render_cache

def on_page_markdown(markdown, page, config, files):
    if render_cache.usable(config):
        render_cache.keep_rendering(page)
    return markdown

def on_post_build(config):
    render_cache.rebuilt()
"""

PAGES = {
    "index.md": "# Home\n\nSee [the part](b.md#part), [nothing](b.md#nowhere) and [a lost page](lost.md).\n",
    "b.md": "# B\n\n## Part\n\nText of B.\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "docs").mkdir()
    for name, text in PAGES.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "hooks.py").write_text(HOOKS, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nhooks: [hooks.py]\nvalidation:\n  anchors: warn\n"
        "markdown_extensions: [toc, attr_list, admonition]\n",
        encoding="utf-8",
    )
    render_cache.forget()
    yield tmp_path
    render_cache.forget()


class Built:
    """One build in this process: how many pages Markdown rendered, what MkDocs said, the pages."""

    def __init__(self, project: Path, monkeypatch: pytest.MonkeyPatch, extensions: str | None = None) -> None:
        self.rendered = 0
        real = markdown.Markdown.convert

        def convert(md: markdown.Markdown, source: str) -> str:
            self.rendered += 1
            return real(md, source)

        messages: list[str] = []
        handler = logging.Handler()
        handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
        logger = logging.getLogger("mkdocs")
        with monkeypatch.context() as mp:
            mp.setattr(markdown.Markdown, "convert", convert)
            logger.addHandler(handler)
            try:
                config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
                if extensions is not None:
                    config.markdown_extensions.append(extensions)
                build(config)
            finally:
                logger.removeHandler(handler)
        self.warnings = sorted(m for m in messages if "lost.md" in m or "nowhere" in m)
        site = project / "site"
        self.pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_unchanged_pages_are_not_rendered_again_and_come_out_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Built(project, monkeypatch)
    again = Built(project, monkeypatch)
    assert first.rendered == len(PAGES) and again.rendered == 0
    assert again.pages == first.pages
    # The broken link and the missing anchor are reported by every rebuild, not only the first.
    assert len(first.warnings) == 2, first.warnings
    assert again.warnings == first.warnings


def test_an_edited_page_alone_is_rendered_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Built(project, monkeypatch)
    page = project / "docs" / "b.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Text of B.", "New text of B."), encoding="utf-8")
    edited = Built(project, monkeypatch)
    assert edited.rendered == 1
    assert "New text of B." in edited.pages["b/index.html"]
    assert edited.pages["index.html"] == first.pages["index.html"]


def test_a_new_page_renders_every_page_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Links are made and checked against every file: the link to lost.md now leads somewhere."""
    first = Built(project, monkeypatch)
    (project / "docs" / "lost.md").write_text("# Found\n", encoding="utf-8")
    added = Built(project, monkeypatch)
    assert added.rendered == len(PAGES) + 1
    assert 'href="lost/"' in added.pages["index.html"] and 'href="lost/"' not in first.pages["index.html"]
    assert not any("lost.md" in w for w in added.warnings)


def test_an_extension_that_reads_other_files_renders_every_page(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pymdownx.snippets pulls other files into a page: an edit of one would not change the key."""
    Built(project, monkeypatch, extensions="pymdownx.snippets")
    again = Built(project, monkeypatch, extensions="pymdownx.snippets")
    assert again.rendered == len(PAGES)
