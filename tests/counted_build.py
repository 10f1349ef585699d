"""One MkDocs build in this process, counting the Markdown conversions it makes: for the tests
of what `serve` keeps between rebuilds (test_render_cache.py, test_quiz_cache.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

# The plugin's use of render_cache, as a hook file: every page kept while serving, the rebuild's
# pages kept after.
RENDER_CACHE_HOOKS = """
from tebiki.mkdocs_plugin import render_cache

def on_page_markdown(markdown, page, config, files):
    if render_cache.usable(config):
        render_cache.keep_rendering(page)
    return markdown

def on_post_build(config):
    render_cache.rebuilt()
"""


class Built:
    """How many times Markdown converted a text, what MkDocs logged, and the built HTML pages."""

    def __init__(
        self, project: Path, monkeypatch: pytest.MonkeyPatch, adjust: Callable[[MkDocsConfig], None] | None = None
    ) -> None:
        self.converted = 0
        real = markdown.Markdown.convert

        def convert(md: markdown.Markdown, source: str) -> str:
            self.converted += 1
            return real(md, source)

        self.messages: list[str] = []
        handler = logging.Handler()
        handler.emit = lambda record: self.messages.append(record.getMessage())  # type: ignore[method-assign]
        logger = logging.getLogger("mkdocs")
        with monkeypatch.context() as mp:
            mp.setattr(markdown.Markdown, "convert", convert)
            logger.addHandler(handler)
            try:
                config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
                if adjust is not None:
                    adjust(config)
                build(config)
            finally:
                logger.removeHandler(handler)
        site = project / "site"
        self.pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}

    def warnings(self, *about: str) -> list[str]:
        """What MkDocs logged that names any of `about`, sorted."""
        return sorted(m for m in self.messages if any(word in m for word in about))
