"""Typeset the printed pamphlet to an A4 PDF with WeasyPrint.

WeasyPrint (PyPI, through tebiki.typeset) lays out HTML and CSS for paper:
running headers, page numbers, a table of contents whose page numbers come from
the targets, PDF bookmarks from headings. Japanese text uses Debian's Noto CJK
fonts, subset and embedded. Any WeasyPrint warning is an error.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from pathlib import Path

from .generate import print_parts
from .generate.printed import document
from .project import Project
from .publish import build_date
from .typeset import TypesetError, html_to_pdf

FILENAME = "tebiki-pamphlet.pdf"


PdfError = TypesetError  # what a failed typesetting raises


def pamphlet_html(project: Project, *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    return document(project.guideline.meta, print_parts(project), site_name=site_name, site_url=site_url, issued=issued)


def render_pdf(html: str, cache: Path | None = None) -> bytes:
    """HTML in, PDF bytes out; identical input gives identical bytes (see typeset for `cache`)."""
    css = (files("tebiki") / "theme" / "templates" / "print" / "pamphlet.css").read_text(encoding="utf-8")
    return html_to_pdf(html, css, what="the printed pamphlet", cache=cache, name=FILENAME)


def write(project: Project, out: Path, *, site_name: str, site_url: str | None, issued: dt.date | None = None) -> Path:
    html = pamphlet_html(project, site_name=site_name, site_url=site_url, issued=issued or build_date())
    data = render_pdf(html)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return out
