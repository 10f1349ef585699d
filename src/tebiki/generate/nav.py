"""Expand `tebiki:<kind>` placeholders in the mkdocs.yml nav into generated pages.

The nav stays in mkdocs.yml where a maintainer expects it, while the list of
section pages follows the data: a new section file appears without a nav edit.
"""

from __future__ import annotations

from typing import Any

from ..data.project import Project
from . import checklist, quiz, trainer
from .pamphlet import section_path
from .seminars import nav_entries

PREFIX = "tebiki:"


def placeholders(project: Project) -> dict[str, list[dict[str, str]]]:
    out = {"sections": [{s.nav_title or s.title: section_path(s)} for s in project.guideline.sections]}
    if project.checklist is not None:
        out["checklists"] = [
            {project.checklist.spec.nav_title: checklist.INTERACTIVE},
            *({t.nav_title: checklist.track_path(t.id)} for t in project.checklist.tracks),
        ]
    out["seminars"] = nav_entries(project.seminars)
    out["quizzes"] = quiz.nav(project)
    out["trainers"] = trainer.nav(project)
    return out


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
