"""File helpers every stage shares: atomic writes, and the one walk over a built site's pages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Pagefind's own files in a built site: HTML fragments, not pages.
NOT_PAGES = ("pagefind/",)


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary path beside `out`; on success it replaces `out` in one step, on failure it is removed.

    Readers never see a half-written file, and builds running at once never share a temporary file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(out: Path, data: bytes) -> Path:
    with replacing(out) as tmp:
        tmp.write_bytes(data)
    return out


def html_files(site_dir: Path) -> list[tuple[str, Path]]:
    """Every HTML file of a built site in a stable order: (path relative to the site, file)."""
    return [(path.relative_to(site_dir).as_posix(), path) for path in sorted(site_dir.rglob("*.html"))]


def html_pages(site_dir: Path) -> list[tuple[str, Path]]:
    """The site's pages: its HTML files but Pagefind's."""
    return [(rel, path) for rel, path in html_files(site_dir) if not rel.startswith(NOT_PAGES)]
