"""Pure generators: guideline data in, Markdown pages out. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass

from ..project import Project
from . import checklist, pamphlet, quiz, seminars, sources


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs_dir, e.g. "guideline/point1.md"
    content: str
    origin: str  # data file the page comes from, relative to the project root


# Each page kind is a module with `pages(project)` yielding (path, content, origin).
PAGE_KINDS = (pamphlet, checklist, sources, seminars, quiz)


def generate(project: Project) -> list[Page]:
    """Every generated page, in a stable order."""
    return [Page(*args) for kind in PAGE_KINDS for args in kind.pages(project)]
