"""Everything one site is built from, loaded and cross-checked together.

The guideline is the core; each page kind (checklists, quizzes, seminars) adds
its own validated data beside it, and refers to guideline items by ID only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checklist.load import load_checklist
from .checklist.load import schemas as checklist_schemas
from .checklist.model import Checklist
from .load import load_guideline
from .load import schemas as guideline_schemas
from .model import Guideline
from .problems import DataError, Problem
from .quiz.load import load_banks
from .quiz.load import schemas as quiz_schemas
from .quiz.model import Bank


@dataclass(frozen=True)
class Paths:
    root: Path  # the project root, holding mkdocs.yml; error messages are relative to it
    data: Path  # guideline/
    quizzes: Path  # quizzes/

    @classmethod
    def under(cls, root: Path, data: str = "guideline", quizzes: str = "quizzes") -> Paths:
        return cls(root=root, data=root / data, quizzes=root / quizzes)


@dataclass(frozen=True)
class Project:
    paths: Paths
    guideline: Guideline
    checklist: Checklist | None = None  # profile.yml + checklist.yml, if the guideline has them
    quizzes: list[Bank] = field(default_factory=list)  # question banks, in `order`


def load_project(paths: Paths) -> Project:
    """Load and validate all data; raise DataError listing every problem."""
    problems: list[Problem] = []
    guideline: Guideline | None = None
    checklist: Checklist | None = None
    quizzes: list[Bank] = []
    try:
        guideline = load_guideline(paths.data, paths.root)
    except DataError as exc:
        problems += exc.problems
    if guideline is not None:
        try:
            checklist = load_checklist(paths.data, guideline, paths.root)
        except DataError as exc:
            problems += exc.problems
    try:
        # Without a guideline the banks are still checked, minus their item references.
        quizzes = load_banks(paths.quizzes, paths.root, guideline)
    except DataError as exc:
        problems += exc.problems
    if problems or guideline is None:
        raise DataError(problems)
    return Project(paths=paths, guideline=guideline, checklist=checklist, quizzes=quizzes)


def schemas() -> dict[str, dict]:
    """JSON Schemas for editors, one per kind of data file."""
    return {**guideline_schemas(), **checklist_schemas(), **quiz_schemas()}
