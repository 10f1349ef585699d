"""The pamphlet: one page per section, each item an anchored section."""

from __future__ import annotations

from collections.abc import Iterator

from ..data.guideline.model import Guideline, Section
from ..data.project import Project
from .paths import SECTION_DIR, section_path
from .printed import PrintPart
from .quiz import questions_by_item
from .render import render

__all__ = ["SECTION_DIR", "pages", "section_path"]


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    guideline = project.guideline
    index = guideline.item_index()
    rules = guideline.rule_index()
    # Worked out once for all pages: per page, they made generation grow with sections × items.
    sources = {s.id: s for s in guideline.sources}
    solved_by = _solved_by(guideline)
    videos = project.seminars.chapters_by_item()
    briefings = project.seminars.series_by_item()
    quizzes = questions_by_item(project)
    for section in guideline.sections:
        yield (
            section_path(section),
            render(
                "section.md.j2",
                meta=guideline.meta,
                section=section,
                index=index,
                rules=rules,
                sources=sources,
                path_of=section_path,
                solved_by=solved_by,
                videos=videos,
                briefings=briefings,
                quizzes=quizzes,
            ),
            f"guideline/sections/{section.id}.yml",
        )


def part_title(section: Section) -> str:
    return f"({section.point}) {section.title}" if section.point else section.title


def print_parts(project: Project) -> Iterator[PrintPart]:
    """One part of the printed pamphlet per section, in navigation order."""
    guideline = project.guideline
    context = {
        "index": guideline.item_index(),
        "rules": guideline.rule_index(),
        "sources": {s.id: s for s in guideline.sources},
        "solved_by": _solved_by(guideline),
    }
    for section in guideline.sections:
        yield PrintPart(
            id=f"part-{section.id}",
            title=part_title(section),
            template="print/section.html.j2",
            context={"section": section, **context},
            lead=section.description,
        )


def _solved_by(guideline: Guideline) -> dict[str, list[str]]:
    """Problem ID -> the measures that answer it (the reverse of `answers`)."""
    out: dict[str, list[str]] = {}
    for item in guideline.items():
        for problem in item.answers:
            out.setdefault(problem, []).append(item.id)
    return out
