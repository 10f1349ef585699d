"""Everything one site is built from, loaded and cross-checked together.

The guideline is the core; each page kind (checklists, quizzes, seminars) adds
its own validated data beside it, and refers to guideline items by ID only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import a11y
from .load import load_guideline
from .model import Guideline


@dataclass(frozen=True)
class Paths:
    root: Path  # the project root, holding mkdocs.yml; error messages are relative to it
    data: Path  # guideline/
    quizzes: Path  # quizzes/
    a11y_results: Path | None = None  # the last automated accessibility run (written by `tebiki a11y`)

    @classmethod
    def under(
        cls, root: Path, data: str = "guideline", quizzes: str = "quizzes", a11y_results: str = a11y.DEFAULT_RESULTS
    ) -> Paths:
        return cls(root=root, data=root / data, quizzes=root / quizzes, a11y_results=root / a11y_results)


@dataclass(frozen=True)
class Project:
    paths: Paths
    guideline: Guideline
    a11y: a11y.Results  # rendered on the accessibility test-results page


def load_project(paths: Paths) -> Project:
    """Load and validate all data; raise DataError listing every problem."""
    return Project(
        paths=paths,
        guideline=load_guideline(paths.data, paths.root),
        a11y=a11y.results(paths.a11y_results, paths.root) if paths.a11y_results else a11y.Results(None, None),
    )
