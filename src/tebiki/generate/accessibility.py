"""The accessibility test-results page, from the last automated run (checks/a11y.py).

The policy itself is prose and lives in docs/accessibility/index.md; this page is
generated so that what it reports is always the file the pipeline just wrote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from babel.dates import format_time, get_timezone_name
from markupsafe import Markup

from .. import translations
from ..data.a11y_results import DEFAULT_RESULTS
from ..data.project import Project
from ..translations import _
from .render import render, text

PATH = "accessibility/results.md"


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


def local_time(moment: dt.datetime, zone: str) -> str:
    """A moment in the site's time zone (meta.time_zone), the zone named as it was then
    (日本標準時, British Summer Time): a reader elsewhere knows which clock it is."""
    local = moment.astimezone(ZoneInfo(zone))
    return _(
        "%(date)s %(time)s (%(zone)s)",
        date=translations.date(local.date()),
        time=format_time(local, "short", locale=translations.locale()),
        zone=get_timezone_name(local, "long", locale=translations.locale()),
    )


def _command(results: str) -> Markup:
    # Code as HTML, not a Markdown code span: a backtick in the configured path cannot end it.
    return Markup("<code>") + text(f"tebiki a11y --out {results}") + Markup("</code>")


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
            tested_on=local_time(results.run.date, project.guideline.meta.time_zone) if results.run else None,
            command=_command(_origin(project)),
            tag_labels=tag_labels(),
        ),
        _origin(project),
    )
