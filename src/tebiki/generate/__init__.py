"""Stage 2, pure generators: validated data in, Markdown, HTML and bytes out. No MkDocs, no files written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..data.project import Project
from . import accessibility, checklist, pamphlet, quiz, seminars, sources, trainer
from .printed import PrintPart, document


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


def pamphlet_html(project: Project, *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    """The printed pamphlet as one HTML document, for publish/typeset.py."""
    return document(project.guideline.meta, print_parts(project), site_name=site_name, site_url=site_url, issued=issued)
