"""Pages rendered again only when their Markdown changed, while serving.

`mkdocs serve` renders every page's Markdown on every rebuild (on the default site about 0.5 s of
a 1.0-1.7 s rebuild), although an edit of one item's text changes one or two pages. Rendering is a
function of the page's Markdown (after every plugin's `on_page_markdown`), where the page and
every other file are (links are made relative and checked), and the Markdown configuration; so
a page whose key is unchanged gets back what the last rebuild's rendering gave: its HTML, table
of contents, title, anchors and the messages MkDocs logged about it (a broken link is reported
by every rebuild, as before). Only while serving, and only when every Markdown extension is one
that reads nothing but the page (`PURE_EXTENSIONS`): `pymdownx.snippets`, for one, pulls in
other files, whose edits the key would not see. `Kept`, `page_key`, `captured` and `replay` serve
quiz_cache.py too.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

# Python-Markdown's, PyMdown's and Material's extensions whose output depends on the page alone.
PURE_EXTENSIONS = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "fenced_code",
        "footnotes",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
        "markdown.extensions.abbr",
        "markdown.extensions.admonition",
        "markdown.extensions.attr_list",
        "markdown.extensions.codehilite",
        "markdown.extensions.def_list",
        "markdown.extensions.fenced_code",
        "markdown.extensions.footnotes",
        "markdown.extensions.md_in_html",
        "markdown.extensions.tables",
        "markdown.extensions.toc",
        "pymdownx.arithmatex",
        "pymdownx.betterem",
        "pymdownx.caret",
        "pymdownx.critic",
        "pymdownx.details",
        "pymdownx.emoji",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.keys",
        "pymdownx.mark",
        "pymdownx.smartsymbols",
        "pymdownx.superfences",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
        "pymdownx.tilde",
        "material.extensions.emoji",
    }
)


@dataclass(frozen=True)
class _Rendered:
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    messages: tuple[logging.LogRecord, ...]


class Kept:
    """What the last rebuild made, by key, and what this one uses: a rebuild that completes drops
    what it did not use (a failed one adds to the last one's)."""

    def __init__(self) -> None:
        self.last: dict[str, Any] = {}
        self.now: dict[str, Any] = {}
        _STORES.append(self)

    def get(self, key: str) -> Any:
        found = self.now.get(key) or self.last.get(key)
        if found is not None:
            self.now[key] = found
        return found

    def put(self, key: str, value: Any) -> None:
        self.now[key] = value


_STORES: list[Kept] = []
_pages = Kept()
_files_digest: tuple[Files, bytes] | None = None  # this rebuild's files, digested once


def usable(config: MkDocsConfig) -> bool:
    return all(isinstance(name, str) and name in PURE_EXTENSIONS for name in config.markdown_extensions)


def keep_rendering(page: Page) -> None:
    """Have `page` rendered from the last rebuild's result when its key is the same."""
    page.render = lambda config, files: _render(page, config, files)  # type: ignore[method-assign]


def rebuilt() -> None:
    """A rebuild rendered every page: what it did not use is dropped."""
    global _files_digest
    for store in _STORES:
        store.last, store.now = store.now, {}
    _files_digest = None


def forget() -> None:
    global _files_digest
    for store in _STORES:
        store.last, store.now = {}, {}
    _files_digest = None


def replay(messages: tuple[logging.LogRecord, ...]) -> None:
    """Log again what was logged when a kept result was made."""
    for record in messages:
        logging.getLogger(record.name).handle(record)


@contextlib.contextmanager
def captured() -> Iterator[list[logging.LogRecord]]:
    """What is logged inside the block, from this thread, to `replay` when the result is reused."""
    messages = _Messages()
    loggers = (logging.getLogger(), logging.getLogger("mkdocs"))  # MkDocs' own does not propagate
    for logger in loggers:
        logger.addHandler(messages)
    try:
        yield messages.records
    finally:
        for logger in loggers:
            logger.removeHandler(messages)


def _render(page: Page, config: MkDocsConfig, files: Files) -> None:
    key = page_key(page, config, files, page.markdown or "")
    found = _pages.get(key)
    if found is None:
        found = _render_now(page, config, files)
        _pages.put(key, found)
    else:
        replay(found.messages)
    page.content = found.content
    page.toc = copy.deepcopy(found.toc)
    page._title_from_render = found.title
    page.present_anchor_ids = set(found.anchors) if found.anchors is not None else None
    if found.links_to_anchors is not None:
        page.links_to_anchors = {}
        for src_uri, links in found.links_to_anchors.items():
            target = files.get_file_from_path(src_uri)
            if target is not None:
                page.links_to_anchors[target] = dict(links)


def _render_now(page: Page, config: MkDocsConfig, files: Files) -> _Rendered:
    with captured() as messages:
        Page.render(page, config, files)
    assert page.content is not None
    links: dict[File, dict[str, str]] | None = getattr(page, "links_to_anchors", None)
    return _Rendered(
        page.content,
        copy.deepcopy(page.toc),
        page._title_from_render,
        set(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
        {file.src_uri: dict(found) for file, found in links.items()} if links is not None else None,
        tuple(messages),
    )


def page_key(page: Page, config: MkDocsConfig, files: Files, *parts: str) -> str:
    """A key of what Markdown made on `page` from `parts`: the Markdown settings, where the page
    and every other file are (links are made relative and checked), and `parts`."""
    digest = hashlib.sha256(_files_key(files))
    settings = (config.markdown_extensions, config.mdx_configs, config.use_directory_urls, config.validation)
    for part in (repr(settings), page.file.src_uri, page.file.dest_uri, page.file.url, *parts):
        data = part.encode()
        digest.update(str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()


def _files_key(files: Files) -> bytes:
    """Where every file is: the links a page's rendering makes and checks depend on it."""
    global _files_digest
    if _files_digest is None or _files_digest[0] is not files:
        digest = hashlib.sha256()
        for file in files:
            digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{file.inclusion}\n".encode())
        _files_digest = (files, digest.digest())
    return _files_digest[1]


class _Messages(logging.Handler):
    """What is logged while a page renders, from the rendering thread only (the background
    worker and the checks log from threads of their own meanwhile)."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.thread = threading.get_ident()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and not any(r is record for r in self.records):
            self.records.append(record)
