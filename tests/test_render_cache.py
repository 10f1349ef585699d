"""While serving, a page whose Markdown did not change is not rendered again, and the site comes
out exactly as if it had been: the same HTML, and the same warnings about its links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counted_build import RENDER_CACHE_HOOKS, Built
from tebiki.mkdocs_plugin import render_cache

PAGES = {
    "index.md": "# Home\n\nSee [the part](b.md#part), [nothing](b.md#nowhere) and [a lost page](lost.md).\n",
    "b.md": "# B\n\n## Part\n\nText of B.\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "docs").mkdir()
    for name, text in PAGES.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "hooks.py").write_text(RENDER_CACHE_HOOKS, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nhooks: [hooks.py]\nvalidation:\n  anchors: warn\n"
        "markdown_extensions: [toc, attr_list, admonition]\n",
        encoding="utf-8",
    )
    render_cache.forget()
    yield tmp_path
    render_cache.forget()


def built(project: Path, monkeypatch: pytest.MonkeyPatch, extension: str | None = None) -> Built:
    """A build with `extension` added to the site's Markdown extensions."""
    return Built(
        project, monkeypatch, (lambda config: config.markdown_extensions.append(extension)) if extension else None
    )


def warned(result: Built) -> list[str]:
    return result.warnings("lost.md", "nowhere")


def test_unchanged_pages_are_not_rendered_again_and_come_out_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = built(project, monkeypatch)
    again = built(project, monkeypatch)
    assert first.converted == len(PAGES) and again.converted == 0
    assert again.pages == first.pages
    # The broken link and the missing anchor are reported by every rebuild, not only the first.
    assert len(warned(first)) == 2, warned(first)
    assert warned(again) == warned(first)


def test_an_edited_page_alone_is_rendered_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = built(project, monkeypatch)
    page = project / "docs" / "b.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Text of B.", "New text of B."), encoding="utf-8")
    edited = built(project, monkeypatch)
    assert edited.converted == 1
    assert "New text of B." in edited.pages["b/index.html"]
    assert edited.pages["index.html"] == first.pages["index.html"]


def test_a_new_page_renders_every_page_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Links are made and checked against every file: the link to lost.md now leads somewhere."""
    first = built(project, monkeypatch)
    (project / "docs" / "lost.md").write_text("# Found\n", encoding="utf-8")
    added = built(project, monkeypatch)
    assert added.converted == len(PAGES) + 1
    assert 'href="lost/"' in added.pages["index.html"] and 'href="lost/"' not in first.pages["index.html"]
    assert not any("lost.md" in w for w in warned(added))


def test_an_extension_that_reads_other_files_renders_every_page(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pymdownx.snippets pulls other files into a page: an edit of one would not change the key."""
    built(project, monkeypatch, extension="pymdownx.snippets")
    again = built(project, monkeypatch, extension="pymdownx.snippets")
    assert again.converted == len(PAGES)
