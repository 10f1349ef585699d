"""Expand `tebiki:<kind>` placeholders in the mkdocs.yml nav into generated pages.

The nav stays in mkdocs.yml where a maintainer expects it, while the list of
section pages follows the data: a new section file appears without a nav edit.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from ..data.project import Project
from ..translations import _
from . import checklist, glossary, quiz, trainer
from .pamphlet import section_path
from .seminars import nav_entries

PREFIX = "tebiki:"


def _escaped(entries: Any) -> Any:
    """Nav titles from the data, HTML-escaped: the theme prints a title unescaped."""
    if isinstance(entries, list):
        return [_escaped(e) for e in entries]
    if isinstance(entries, dict):
        return {html.escape(title): _escaped(value) for title, value in entries.items()}
    return entries


def placeholders(project: Project) -> dict[str, list[dict[str, str]]]:
    out: dict[str, Any] = {"sections": [{s.nav_title or s.title: section_path(s)} for s in project.guideline.sections]}
    if project.checklist is not None:
        out["checklists"] = [
            {project.checklist.spec.nav_title: checklist.INTERACTIVE},
            *({t.nav_title: checklist.track_path(t.id)} for t in project.checklist.tracks),
        ]
    out["seminars"] = nav_entries(project.seminars)
    out["quizzes"] = quiz.nav(project)
    out["trainers"] = trainer.nav(project)
    return {kind: _escaped(entries) for kind, entries in out.items()}


def expand_nav(nav: Any, project: Project) -> Any:
    if nav is None:
        return None
    known = placeholders(project)

    def expand(entry: Any) -> Any:
        if isinstance(entry, list):
            return [expand(e) for e in entry]
        if isinstance(entry, dict):
            return {title: expand(value) for title, value in entry.items()}
        if isinstance(entry, str) and entry.startswith(PREFIX):
            name = entry.removeprefix(PREFIX)
            if name not in known:
                raise ValueError(
                    f"unknown nav placeholder {entry!r}; use one of: " + ", ".join(PREFIX + k for k in known)
                )
            return known[name]
        return entry

    return expand(nav)


def nav_labels(superseded: bool = True) -> dict[str, str]:
    """Group labels of the default nav, in the site's language."""
    return {
        "home": _("Introduction"),
        "sections": _("The guideline"),
        "checklists": _("Self-check"),
        "seminars": _("Briefings and videos"),
        "quizzes": _("Quizzes"),
        "trainers": _("Trainer kits"),
        "search": _("Search"),
        "sources": _("Sources and today's rules") if superseded else _("Sources"),
        "glossary": _("Glossary"),
        "traceability": _("Traceability"),
        "download": _("Print and offline"),
        "accessibility": _("Web accessibility"),
        "policy": _("Web accessibility policy"),
        "results": _("Test results"),
    }


def default_nav(project: Project, own_pages: Iterable[str] = ()) -> list[Any]:
    """The nav of a site whose mkdocs.yml has none: home, every kind of generated page the
    data has (as `tebiki:` placeholders, expanded later), the site's own pages (`own_pages`,
    titled by their heading), then the default pages."""
    label = nav_labels(project.guideline.meta.superseded)
    known = placeholders(project)
    nav: list[Any] = [{label["home"]: "index.md"}]
    nav += [
        {label[kind]: PREFIX + kind}
        for kind in ("sections", "checklists", "seminars", "quizzes", "trainers")
        if known.get(kind)
    ]
    listed = {"index.md", "search.md", "download.md", "accessibility/index.md", "coverage.md"}
    nav += [page for page in own_pages if page not in listed]
    nav += [
        {label["search"]: "search.md"},
        {label["sources"]: "sources.md"},
        *([{label["glossary"]: glossary.PATH}] if project.glossary is not None else []),
        {label["traceability"]: "coverage.md"},
        {label["download"]: "download.md"},
        {
            label["accessibility"]: [
                {label["policy"]: "accessibility/index.md"},
                {label["results"]: "accessibility/results.md"},
            ]
        },
    ]
    return nav
