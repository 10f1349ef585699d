"""The traceability page: every item and where the built site proves it is covered.

The page is generated with an empty table; after the build, the coverage check reads
the markers back from the built HTML (checks/coverage.py) and checks/traceability.py
writes that very report into the table, so what the page shows is what was proven.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from ..data.project import Project
from .render import render

PATH = "coverage.md"
# The element the coverage report is written into after the build.
SLOT = '<div id="tebiki-traceability" data-pagefind-ignore="all"></div>'


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    yield PATH, render("traceability.md.j2", meta=project.guideline.meta, slot=Markup(SLOT)), "guideline/guideline.yml"
