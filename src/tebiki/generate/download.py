"""The download page's part on the printed documents: what this guideline's data makes of them.

The page itself is a default page (theme/pages/<language>/download.md, or the site's own); where
it holds `MARK`, the plugin puts this part. A guideline with a short pamphlet gets it described
sheet by sheet beside the item-by-item reference; one without gets one document, the reference,
published once under the pamphlet's name."""

from __future__ import annotations

from ..data.project import Project
from . import has_short
from .render import render
from .short_pamphlet import points, required_entries

MARK = "<!-- tebiki:printed -->"


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
