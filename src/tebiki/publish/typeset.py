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

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from ..data.project import Project
from ..files import write_atomic
from ..generate import handouts, has_short, pamphlet_html
from ..generate.paths import UrlOf
from .reproducible import build_date

PAMPHLET = "tebiki-pamphlet.pdf"  # the short pamphlet (the reference, if the data describes none)
REFERENCE = "tebiki-reference.pdf"  # the item-by-item reference


class TypesetError(Exception):
    pass


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass(frozen=True)
class PrintJob:
    """One document to typeset: its path in the site, HTML, stylesheet and what to call it."""

    name: str
    html: str
    stylesheet: str
    what: str = "document"

    @property
    def key(self) -> str:
        return hashlib.sha256("\0".join((version("weasyprint"), self.stylesheet, self.html)).encode()).hexdigest()[:32]

    def _entry(self, cache: Path) -> Path:
        return cache / f"{self._prefix}{self.key}.pdf"

    @property
    def _prefix(self) -> str:
        return self.name.removesuffix(".pdf").replace("/", "__") + "-"

    def cached(self, cache: Path | None) -> bytes | None:
        """The PDF typeset before from the same input, if the cache holds it."""
        if cache is None:
            return None
        entry = self._entry(cache)
        return entry.read_bytes() if entry.is_file() else None

    def typeset(self, cache: Path | None = None) -> bytes:
        """Typeset now; with `cache`, the result replaces this document's entry there."""
        pdf = _typeset(self.html, self.stylesheet, self.what)
        if cache is not None:
            entry = self._entry(cache)
            cache.mkdir(parents=True, exist_ok=True)
            for old in cache.glob(f"{self._prefix}*.pdf"):
                if len(old.name) == len(entry.name):  # this document's, not one whose name only starts the same
                    old.unlink(missing_ok=True)
            write_atomic(entry, pdf)
        return pdf


def html_to_pdf(
    html: str, stylesheet: str, *, what: str = "document", cache: Path | None = None, name: str = "document"
) -> bytes:
    """Typeset `html` with `stylesheet` (CSS text); raise TypesetError naming `what` on any warning.

    With `cache` (a folder), a PDF typeset before from the same input is read from there; a new
    one replaces the entry of the same `name` (the document's path), so the folder holds one
    PDF per document."""
    job = PrintJob(name, html, stylesheet, what)
    cached = job.cached(cache)
    return cached if cached is not None else job.typeset(cache)


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


def replace_name(job: PrintJob, name: str) -> PrintJob:
    return dataclasses.replace(job, name=name)


def pamphlet_job(html: str, *, short: bool = False) -> PrintJob:
    """The short pamphlet (generate/short_pamphlet.py, its own stylesheet), or the item-by-item
    reference printed under the pamphlet's name."""
    css = _stylesheet("print", "short.css" if short else "pamphlet.css")
    return PrintJob(PAMPHLET, html, css, "the printed pamphlet")


def reference_job(html: str) -> PrintJob:
    return PrintJob(REFERENCE, html, _stylesheet("print", "pamphlet.css"), "the printed reference")


def _made(job: PrintJob, cache: Path | None) -> bytes:
    cached = job.cached(cache)
    return cached if cached is not None else job.typeset(cache)


def pamphlet_pdf(html: str, cache: Path | None = None, *, short: bool = False) -> bytes:
    """The printed pamphlet (A4): HTML in, PDF bytes out; identical input gives identical bytes."""
    return _made(pamphlet_job(html, short=short), cache)


def reference_pdf(html: str, cache: Path | None = None) -> bytes:
    """The item-by-item reference (A4), from generate.reference_html."""
    return _made(reference_job(html), cache)


def write_pamphlet(
    project: Project, out: Path, *, site_name: str, site_url: str | None, issued: dt.date | None = None
) -> Path:
    html = pamphlet_html(project, site_name=site_name, site_url=site_url, issued=issued or build_date())
    return write_atomic(out, pamphlet_pdf(html, short=has_short(project)))


def handout_jobs(project: Project, url_of: UrlOf, *, site_name: str) -> list[PrintJob]:
    """Every trainers' handout, named by its docs path."""
    css = _stylesheet("handout", "handout.css")
    return [
        PrintJob(path, html, css, f"the handout {title!r}")
        for path, title, html in handouts.documents(project, url_of, site_name=site_name)
    ]


def handout_pdfs(
    project: Project, url_of: UrlOf, *, site_name: str, cache: Path | None = None
) -> Iterator[tuple[str, bytes]]:
    """(docs path, PDF bytes) of every trainers' handout."""
    for job in handout_jobs(project, url_of, site_name=site_name):
        cached = job.cached(cache)
        yield job.name, cached if cached is not None else job.typeset(cache)
