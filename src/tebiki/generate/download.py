"""The download page's parts: what this guideline's data makes of the printed documents, and
whether this copy of the site comes with an offline edition.

The page itself is a default page (theme/pages/<language>/download.md, or the site's own); where
it holds `MARK`, the plugin puts the printed part. A guideline with a short pamphlet gets it
described sheet by sheet beside the item-by-item reference; one without gets one document, the
reference, published once under the pamphlet's name. Where it holds `OFFLINE_MARK` (under the
offline heading), the plugin puts the offline part; a page without that line gets it at its end."""

from __future__ import annotations

from typing import Literal

from ..data.project import Project
from . import has_short
from .render import render
from .short_pamphlet import points, required_entries

MARK = "<!-- tebiki:printed -->"
OFFLINE_MARK = "<!-- tebiki:offline -->"


def printed_files(project: Project, pdf: str, reference: str) -> tuple[str, str]:
    """The (pamphlet, reference) file names a build publishes, "" for one it leaves out: without
    a short pamphlet the two would be the same document, so only the pamphlet's name is kept."""
    if pdf and reference and not has_short(project):
        return pdf, ""
    return pdf, reference


def printed_part(project: Project, pdf: str, reference: str) -> str:
    """The Markdown that replaces `MARK` (the names as `printed_files` returns them)."""
    meta = project.guideline.meta
    return render(
        "download-printed.md.j2",
        pamphlet=meta.pamphlet,
        points=points(project) if meta.pamphlet else [],
        required=required_entries(project),
        pdf=pdf,
        reference=reference,
    )


# This copy is the offline edition / one is published beside it / neither.
Offline = Literal["this", "published", "none"]


def offline_part(offline: Offline, *, package_href: str, site_url: str | None) -> str:
    """What replaces `OFFLINE_MARK`: the package's link only when the build says it is published
    (no link to a file the build did not write), else a note saying why there is none."""
    return render("download-offline.md.j2", offline=offline, href=package_href, site_url=site_url or "")
