"""The accessibility test-results page, from the last automated run (checks/a11y.py).

The policy itself is prose and lives in docs/accessibility/index.md; this page is
generated so that what it reports is always the file the pipeline just wrote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..data.a11y_results import DEFAULT_RESULTS
from ..data.project import Project
from ..text import japanese_date
from .render import render

PATH = "accessibility/results.md"
JST = dt.timezone(dt.timedelta(hours=9), "JST")  # Japan keeps no daylight saving time

TAG_LABELS = {
    "wcag2a": "WCAG 2.0 レベルA",
    "wcag2aa": "WCAG 2.0 レベルAA",
    "wcag21a": "WCAG 2.1 レベルA",
    "wcag21aa": "WCAG 2.1 レベルAA",
    "wcag22aa": "WCAG 2.2 レベルAA",
}


def jst(moment: dt.datetime) -> str:
    local = moment.astimezone(JST)
    return f"{japanese_date(local)} {local:%H:%M}（日本時間）"


def _origin(project: Project) -> str:
    path = project.paths.a11y_results
    return path.relative_to(project.paths.root).as_posix() if path else DEFAULT_RESULTS


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    results = project.a11y
    yield (
        PATH,
        render(
            "a11y-results.md.j2",
            run=results.run,
            stale=results.stale,
            building=results.building,
            jst=jst,
            tag_labels=TAG_LABELS,
        ),
        _origin(project),
    )
