"""The printed pamphlet as one HTML document: parts contributed by the page kinds.

A page-kind module (generate/<kind>.py) takes part in the printed pamphlet by
defining `print_parts(project)` that yields `PrintPart`s: a title and a
template under theme/templates/print/ with its context. The document shell (cover,
table of contents, running headers) is shared. Everything here is pure: data in,
HTML out; typesetting to PDF is `publish/typeset.py`. Print templates contain no
buttons, forms or scripts: what is printed must make sense on paper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..data.guideline.model import Meta
from .render import render_html


@dataclass(frozen=True)
class PrintPart:
    id: str  # anchor of the part; also its PDF bookmark
    title: str  # heading, table-of-contents entry and running header
    template: str  # e.g. "print/section.html.j2"
    context: dict[str, Any] = field(default_factory=dict)
    lead: str | None = None  # one line under the title in the table of contents
    appendix: bool = False  # printed after every other part, like the sources at the back of a book


def document(meta: Meta, parts: Iterable[PrintPart], *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    """The whole pamphlet as an HTML string for WeasyPrint."""
    parts = sorted(parts, key=lambda p: p.appendix)  # stable: page-kind order within each group
    ids = [p.id for p in parts]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"print parts share an id: {', '.join(duplicates)}")
    # Each body is HTML already escaped by its own template.
    bodies = [(part, Markup(render_html(part.template, part=part, meta=meta, **part.context))) for part in parts]
    return render_html(
        "print/pamphlet.html.j2",
        meta=meta,
        parts=bodies,
        site_name=site_name,
        site_url=site_url,
        issued=issued,
    )
