"""The site's printed documents made from its data: the pamphlet and the trainers' handouts.

Kept apart from `typeset` so that the processes typesetting a deck or a part of the reference
import WeasyPrint and nothing of the data or the page generation (a third of a second each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ..data.project import Project
from ..files import write_atomic
from ..generate import handouts, has_short, pamphlet_html
from ..generate.paths import UrlOf
from .reproducible import build_date
from .typeset import PAMPHLET, PrintJob, pamphlet_job, replace_name, template_css


def write_pamphlet(
    project: Project,
    out: Path,
    *,
    site_name: str,
    site_url: str | None,
    issued: dt.date | None = None,
    cache: Path | None = None,
    name: str = PAMPHLET,
) -> Path:
    """The printed pamphlet written to `out`. With `cache`, the entry a build keeps for the PDF
    `name` (the site's file name: the build keys its entry by it) is read, or filled."""
    html = pamphlet_html(project, site_name=site_name, site_url=site_url, issued=issued or build_date())
    return write_atomic(out, replace_name(pamphlet_job(html, short=has_short(project)), name).pdf(cache))


def handout_jobs(project: Project, url_of: UrlOf, *, site_name: str) -> list[PrintJob]:
    """Every trainers' handout, named by its docs path."""
    css = template_css("handout", "handout.css")
    return [
        PrintJob(path, html, css, f"the handout {title!r}")
        for path, title, html in handouts.documents(project, url_of, site_name=site_name)
    ]


def handout_pdfs(
    project: Project, url_of: UrlOf, *, site_name: str, cache: Path | None = None
) -> Iterator[tuple[str, bytes]]:
    """(docs path, PDF bytes) of every trainers' handout."""
    for job in handout_jobs(project, url_of, site_name=site_name):
        yield job.name, job.pdf(cache)
