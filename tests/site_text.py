"""What a reader meets in a built site: the text of its pages and PDFs, for tests that look for words."""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader


class _Text(HTMLParser):
    """What a reader meets on a page: text and the attributes read out or shown, not scripts or styles."""

    SHOWN = {"title", "alt", "aria-label", "placeholder", "content", "label", "data-placeholder", "data-frame-title"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [value for name, value in attrs if name in self.SHOWN and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


@functools.cache  # the sites are read-only, and pypdf reads a CJK PDF's text slowly (seconds)
def pdf_text(pdf: Path) -> str:
    """The text of a built site's PDF, read once per worker however many tests look in it."""
    return "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


@functools.cache  # the sites are read-only; several tests read the same one
def page_texts(site: Path) -> dict[str, str]:
    out = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        out[rel] = " ".join(parser.parts)
    for generated in ("assets/i18n.js", "assets/i18n.css"):
        out[generated] = (site / generated).read_text(encoding="utf-8")
    for pdf in sorted(site.rglob("*.pdf")):
        out[pdf.relative_to(site).as_posix()] = pdf_text(pdf)
    return out
