"""The coverage rules that the data alone decides, for `tebiki validate`.

`tebiki coverage` proves from the built HTML that each item reaches the reader. Most of
that follows from the data: an item no checklist entry, question or video chapter names
cannot be on those pages. Checking it here tells a maintainer before a build that would
fail. What only the build can show (a template that drops an item) stays with coverage.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .guideline.model import Dimension
from .problems import Problem
from .project import Project
from .yaml_lines import line_of, load_with_lines


def _named(project: Project, dimension: Dimension) -> set[str] | None:
    """The items the data puts on the pages of `dimension`; None: every item, or not decidable."""
    if dimension is Dimension.checklist:
        # The interactive checklist shows every entry for every track.
        return {i for e in project.checklist.entries() for i in e.items} if project.checklist else set()
    if dimension is Dimension.quiz:
        return {i for bank in project.quizzes for q in bank.questions for i in q.items}
    if dimension is Dimension.video:
        return {i for _, rec in project.seminars.recordings() for c in rec.chapters for i in c.items}
    if dimension is Dimension.slides:
        # With trainer kits, every section has a deck with a slide per item.
        return None if project.trainer is not None else set()
    return None  # pamphlet: every item has its section page


_WHERE: dict[Dimension, str] = {
    Dimension.checklist: "add it to the `items` of an entry in checklist.yml",
    Dimension.quiz: "add a question naming it to a bank in quizzes/",
    Dimension.video: "name it in a chapter of a recording in seminars.yml",
    Dimension.slides: "add trainer.yml: its section decks show every item",
}


def unreached(project: Project) -> list[Problem]:
    """Items a required coverage rule asks for that the data puts on no page of that dimension."""
    guideline = project.guideline
    path = project.paths.data / "guideline.yml"
    lines: Callable[[], dict] = _lazy_lines(path)
    shown = path.relative_to(project.paths.root).as_posix() if path.is_relative_to(project.paths.root) else str(path)
    problems = []
    for dimension, rule in guideline.meta.coverage.items():
        named = _named(project, dimension)
        if named is None or not rule.required:
            continue
        for item in guideline.items():
            if item.kind in rule.kinds and item.id not in named:
                problems.append(
                    Problem(
                        shown,
                        line_of(lines(), ("coverage", dimension.value)),
                        f"coverage.{dimension.value}",
                        f"{item.id} ({item.kind.value}) is on no {dimension.value} page, which this rule requires",
                        f"{_WHERE[dimension]}, or change coverage.{dimension.value}",
                    )
                )
    return problems


def _lazy_lines(path: Path) -> Callable[[], dict]:
    """guideline.yml's line marks, read only if a problem is reported."""
    cache: list[dict] = []

    def lines() -> dict:
        if not cache:
            cache.append(dict(load_with_lines(path.read_text(encoding="utf-8"))[1]))
        return cache[0]

    return lines
