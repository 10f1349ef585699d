"""Typeset the printed pamphlet to an A4 PDF with WeasyPrint.

WeasyPrint (PyPI) lays out HTML and CSS for paper: running headers, page
numbers, a table of contents whose page numbers come from the targets, PDF
bookmarks from headings. Japanese text uses Debian's Noto CJK fonts through
fontconfig, subset and embedded in the file. Any CSS or layout warning from
WeasyPrint is an error, so a broken print stylesheet cannot ship silently.
"""

from __future__ import annotations

import datetime as dt
import logging
from importlib.resources import files
from pathlib import Path

from .generate import print_parts
from .generate.printed import document
from .project import Project
from .publish import build_date

FILENAME = "tebiki-pamphlet.pdf"


class PdfError(Exception):
    pass


def pamphlet_html(project: Project, *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    return document(project.guideline.meta, print_parts(project), site_name=site_name, site_url=site_url, issued=issued)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_pdf(html: str) -> bytes:
    """HTML in, PDF bytes out; identical input gives identical bytes."""
    import hashlib

    from weasyprint import CSS, HTML

    css = CSS(string=(files("tebiki") / "templates" / "print" / "pamphlet.css").read_text(encoding="utf-8"))
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        pdf = HTML(string=html).write_pdf(
            stylesheets=[css],
            # The file identifier follows the content, not the clock: rebuilds stay byte-identical.
            pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
        )
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise PdfError("WeasyPrint reported problems in the printed pamphlet:\n  " + "\n  ".join(collect.messages))
    assert pdf is not None
    return pdf


def write(project: Project, out: Path, *, site_name: str, site_url: str | None, issued: dt.date | None = None) -> Path:
    html = pamphlet_html(project, site_name=site_name, site_url=site_url, issued=issued or build_date())
    data = render_pdf(html)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return out
