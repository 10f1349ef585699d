"""HTML and CSS to PDF with WeasyPrint, for anything tebiki prints: the pamphlet and the handouts.

WeasyPrint lays out HTML for paper; Japanese text uses the system's Noto CJK fonts
(Debian fonts-noto-cjk), subset and embedded. Any warning WeasyPrint logs (bad CSS, a
missing image) is an error: a broken print must not ship silently. The PDF identifier
follows the content, so the same input gives the same bytes.

Typesetting is most of a build's time (seconds per document, and a second and a half
just to import WeasyPrint), so PDFs are kept in a cache folder keyed by everything that
shapes them: the HTML, the stylesheet and WeasyPrint's version. A rebuild whose printed
content did not change reads them back. Fonts are not in the key: after changing the
system's fonts, delete the cache folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterator
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from ..data.project import Project
from ..files import write_atomic
from ..generate import handouts, pamphlet_html
from ..generate.paths import UrlOf
from .reproducible import build_date

PAMPHLET = "tebiki-pamphlet.pdf"


class TypesetError(Exception):
    pass


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def html_to_pdf(
    html: str, stylesheet: str, *, what: str = "document", cache: Path | None = None, name: str = "document"
) -> bytes:
    """Typeset `html` with `stylesheet` (CSS text); raise TypesetError naming `what` on any warning.

    With `cache` (a folder), a PDF typeset before from the same input is read from there; a new
    one replaces the entry of the same `name` (the document's path), so the folder holds one
    PDF per document."""
    if cache is None:
        return _typeset(html, stylesheet, what)
    key = hashlib.sha256("\0".join((version("weasyprint"), stylesheet, html)).encode()).hexdigest()[:32]
    prefix = name.removesuffix(".pdf").replace("/", "__") + "-"
    entry = cache / f"{prefix}{key}.pdf"
    if entry.is_file():
        return entry.read_bytes()
    pdf = _typeset(html, stylesheet, what)
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob(f"{prefix}*.pdf"):
        if len(old.name) == len(entry.name):  # this document's, not one whose name only starts the same
            old.unlink(missing_ok=True)
    write_atomic(entry, pdf)
    return pdf


def _typeset(html: str, stylesheet: str, what: str) -> bytes:
    from weasyprint import CSS, HTML  # imported late: loading Pango costs time every command would pay

    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        pdf = HTML(string=html).write_pdf(
            stylesheets=[CSS(string=stylesheet)],
            pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
        )
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise TypesetError(f"WeasyPrint reported problems in {what}:\n  " + "\n  ".join(collect.messages))
    assert pdf is not None
    return pdf


def _stylesheet(*parts: str) -> str:
    return files("tebiki").joinpath("theme", "templates", *parts).read_text(encoding="utf-8")


def pamphlet_pdf(html: str, cache: Path | None = None) -> bytes:
    """The printed pamphlet (A4): HTML in, PDF bytes out; identical input gives identical bytes."""
    return html_to_pdf(
        html, _stylesheet("print", "pamphlet.css"), what="the printed pamphlet", cache=cache, name=PAMPHLET
    )


def write_pamphlet(
    project: Project, out: Path, *, site_name: str, site_url: str | None, issued: dt.date | None = None
) -> Path:
    html = pamphlet_html(project, site_name=site_name, site_url=site_url, issued=issued or build_date())
    return write_atomic(out, pamphlet_pdf(html))


def handout_pdfs(
    project: Project, url_of: UrlOf, *, site_name: str, cache: Path | None = None
) -> Iterator[tuple[str, bytes]]:
    """(docs path, PDF bytes) of every trainers' handout."""
    css = _stylesheet("handout", "handout.css")
    for path, title, html in handouts.documents(project, url_of, site_name=site_name):
        yield path, html_to_pdf(html, css, what=f"the handout {title!r}", cache=cache, name=path)
