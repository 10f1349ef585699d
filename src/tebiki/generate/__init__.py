"""Stage 2, pure generators: validated data in, Markdown, HTML and bytes out. No MkDocs, no files written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..data.project import Project
from . import (
    accessibility,
    checklist,
    glossary,
    pamphlet,
    quiz,
    seminars,
    short_pamphlet,
    sources,
    traceability,
    trainer,
)
from .printed import PrintPart, document


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs_dir, e.g. "guideline/point1.md"
    content: str
    origin: str  # data file the page comes from, relative to the project root
    listed: bool = True  # False: reached by links only, not from the navigation (slide decks)


# Each page kind is a module with `pages(project)` yielding (path, content, origin[, listed]).
PAGE_KINDS = (pamphlet, checklist, sources, glossary, seminars, quiz, trainer, accessibility, traceability)
# Pages that link the glossary's terms at their first use: the reader's pages (not the glossary
# itself, nor slide decks and live quizzes, which are shown on a screen and not read).
_GLOSSED = (pamphlet, checklist, sources, seminars, quiz)


# The glossed pages of the last generate(): `mkdocs serve` regenerates after every edit, and
# linking terms is the slowest step of a page that did not change.
_glossed: dict[tuple[str, tuple[glossary.Link, ...], str], str] = {}


def generate(project: Project) -> list[Page]:
    """Every generated page, in a stable order."""
    global _glossed
    terms = tuple(glossary.links(project))
    pages = []
    glossed: dict[tuple[str, tuple[glossary.Link, ...], str], str] = {}
    for kind in PAGE_KINDS:
        for args in kind.pages(project):
            page = Page(*args)
            if terms and kind in _GLOSSED and page.listed:
                key = (page.content, terms, glossary.relative_href(page.path))
                linked = _glossed.get(key)
                if linked is None:
                    linked = glossary.link_first_uses(page.content, terms, key[2])
                glossed[key] = linked
                page = replace(page, content=linked)
            pages.append(page)
    _glossed = glossed
    return pages


def print_parts(project: Project) -> list[PrintPart]:
    """The parts of the printed pamphlet: each page kind that defines `print_parts` adds its own."""
    return [part for kind in PAGE_KINDS if hasattr(kind, "print_parts") for part in kind.print_parts(project)]


def reference_html(project: Project, *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    """The item-by-item reference as one HTML document (every page kind's print parts)."""
    return document(project.guideline.meta, print_parts(project), site_name=site_name, site_url=site_url, issued=issued)


def has_short(project: Project) -> bool:
    """The data describes a short pamphlet (`pamphlet` in guideline.yml): it is printed first."""
    return project.guideline.meta.pamphlet is not None


def pamphlet_html(project: Project, *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    """The printed pamphlet people read, for publish/typeset.py: the short one, or the reference."""
    if has_short(project):
        return short_pamphlet.document(project, site_name=site_name, site_url=site_url, issued=issued)
    return reference_html(project, site_name=site_name, site_url=site_url, issued=issued)
