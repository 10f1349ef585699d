"""The accessibility test-results page, from the last automated run (checks/a11y.py).

The policy itself is prose and lives in docs/accessibility/index.md; this page is
generated so that what it reports is always the file the pipeline just wrote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import translations
from ..data.a11y_results import DEFAULT_RESULTS
from ..data.project import Project
from ..translations import _
from .render import render

PATH = "accessibility/results.md"
JST = dt.timezone(dt.timedelta(hours=9), "JST")  # Japan keeps no daylight saving time


def tag_labels() -> dict[str, str]:
    return {
        tag: _("WCAG %(version)s level %(level)s", version=version, level=level)
        for tag, version, level in (
            ("wcag2a", "2.0", "A"),
            ("wcag2aa", "2.0", "AA"),
            ("wcag21a", "2.1", "A"),
            ("wcag21aa", "2.1", "AA"),
            ("wcag22aa", "2.2", "AA"),
        )
    }


def jst(moment: dt.datetime) -> str:
    local = moment.astimezone(JST)
    return _("%(date)s %(time)s (Japan time)", date=translations.date(local.date()), time=local.strftime("%H:%M"))


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
            tag_labels=tag_labels(),
        ),
        _origin(project),
    )
