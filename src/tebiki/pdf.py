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

from .generate import print_parts, short_pamphlet
from .generate.printed import document
from .project import Project
from .publish import build_date
from .typeset import TypesetError, html_to_pdf

FILENAME = "tebiki-pamphlet.pdf"  # the short pamphlet (the reference, if the data has none)
REFERENCE = "tebiki-reference.pdf"  # the item-by-item reference


PdfError = TypesetError  # what a failed typesetting raises


def reference_html(project: Project, *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    """The item-by-item reference: every part of every page kind."""
    return document(project.guideline.meta, print_parts(project), site_name=site_name, site_url=site_url, issued=issued)


def has_short(project: Project) -> bool:
    """The data describes a short pamphlet: it is printed, and the reference beside it."""
    return project.guideline.meta.pamphlet is not None


def pamphlet_html(project: Project, *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    """The pamphlet people read: the short one, or the reference when the data has none."""
    if has_short(project):
        return short_pamphlet.document(project, site_name=site_name, site_url=site_url, issued=issued)
    return reference_html(project, site_name=site_name, site_url=site_url, issued=issued)


def _css(name: str) -> str:
    return (files("tebiki") / "theme" / "templates" / "print" / name).read_text(encoding="utf-8")


def render_pdf(html: str, cache: Path | None = None) -> bytes:
    """The reference: HTML in, PDF bytes out; identical input gives identical bytes (see typeset for `cache`)."""
    return html_to_pdf(html, _css("pamphlet.css"), what="the printed reference", cache=cache, name=REFERENCE)


def render_pamphlet_pdf(project: Project, html: str, cache: Path | None = None) -> bytes:
    """The pamphlet of `pamphlet_html`, typeset with its own stylesheet."""
    if not has_short(project):
        return render_pdf(html, cache)
    return html_to_pdf(html, _css("short.css"), what="the printed pamphlet", cache=cache, name=FILENAME)


def write(project: Project, out: Path, *, site_name: str, site_url: str | None, issued: dt.date | None = None) -> Path:
    html = pamphlet_html(project, site_name=site_name, site_url=site_url, issued=issued or build_date())
    data = render_pamphlet_pdf(project, html)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return out
