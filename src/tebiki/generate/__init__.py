"""Pure generators: guideline data in, Markdown pages out. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass

from ..project import Project
from . import accessibility, checklist, pamphlet, quiz, seminars, sources, trainer
from .printed import PrintPart


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs_dir, e.g. "guideline/point1.md"
    content: str
    origin: str  # data file the page comes from, relative to the project root
    listed: bool = True  # False: reached by links only, not from the navigation (slide decks)


# Each page kind is a module with `pages(project)` yielding (path, content, origin[, listed]).
PAGE_KINDS = (pamphlet, checklist, sources, seminars, quiz, trainer, accessibility)


def generate(project: Project) -> list[Page]:
    """Every generated page, in a stable order."""
    return [Page(*args) for kind in PAGE_KINDS for args in kind.pages(project)]


def print_parts(project: Project) -> list[PrintPart]:
    """The parts of the printed pamphlet: each page kind that defines `print_parts` adds its own."""
    return [part for kind in PAGE_KINDS if hasattr(kind, "print_parts") for part in kind.print_parts(project)]
