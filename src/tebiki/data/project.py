"""Everything one site is built from, loaded and cross-checked together.

The guideline is the core; each page kind (checklists, quizzes, seminars) adds
its own validated data beside it, and refers to guideline items by ID only.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .a11y_results import DEFAULT_RESULTS as A11Y_RESULTS
from .a11y_results import Results as A11yResults
from .a11y_results import results as load_a11y_results
from .checklist.load import load_checklist
from .checklist.load import schemas as checklist_schemas
from .checklist.model import Checklist
from .glossary.load import load_glossary
from .glossary.load import schemas as glossary_schemas
from .glossary.model import GlossaryFile
from .guideline.load import read_guideline
from .guideline.load import schemas as guideline_schemas
from .guideline.model import Guideline
from .problems import DataError, Problem, display_path
from .quiz.load import load_banks
from .quiz.load import schemas as quiz_schemas
from .quiz.model import Bank
from .seminars.load import Seminars, load_seminars
from .seminars.load import schemas as seminar_schemas
from .trainer.load import load_trainer
from .trainer.load import schemas as trainer_schemas
from .trainer.model import TrainerFile

T = TypeVar("T")


@dataclass(frozen=True)
class Paths:
    root: Path  # the project root, holding mkdocs.yml; error messages are relative to it
    data: Path  # guideline/
    quizzes: Path  # quizzes/
    docs: Path | None = None  # docs/ (default root/docs): media that seminars.yml points to
    a11y_results: Path | None = None  # the last automated accessibility run (written by `tebiki a11y`)

    @classmethod
    def under(
        cls,
        root: Path,
        data: str = "guideline",
        quizzes: str = "quizzes",
        docs: str = "docs",
        a11y_results: str = A11Y_RESULTS,
    ) -> Paths:
        return cls(
            root=root, data=root / data, quizzes=root / quizzes, docs=root / docs, a11y_results=root / a11y_results
        )

    @property
    def docs_dir(self) -> Path:
        return self.docs if self.docs is not None else self.root / "docs"


@dataclass(frozen=True)
class Project:
    paths: Paths
    guideline: Guideline
    checklist: Checklist | None = None  # profile.yml + checklist.yml, if the guideline has them
    seminars: Seminars = field(default_factory=Seminars)
    quizzes: list[Bank] = field(default_factory=list)  # question banks, in `order`
    trainer: TrainerFile | None = None  # trainer.yml: kits for briefing sessions, if any
    a11y: A11yResults = field(default_factory=lambda: A11yResults(None, None))  # for the test-results page
    glossary: GlossaryFile | None = None  # glossary.yml: terms linked at their first use on each page
    warnings: list[Problem] = field(default_factory=list)  # what could not be checked (e.g. quotes without a copy)


def load_project(paths: Paths) -> Project:
    """Load and validate all data; raise DataError listing every problem."""
    if not paths.data.is_dir():  # not a site's folder: one problem, not one per file it would hold
        raise DataError(
            [
                Problem(
                    display_path(paths.data, paths.root),
                    0,
                    "",
                    f"there is no guideline data folder in {paths.root.resolve()}",
                    "run tebiki in your site's folder (the one with mkdocs.yml and guideline/), or give --root; "
                    "to start a site, run: tebiki new DIR",
                )
            ]
        )
    with _gc_paused():
        return _load(paths)


class _Steps:
    """Runs each loading step, keeping its problems: every file is checked, then all are reported."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def run(self, load: Callable[[], T], fallback: T) -> tuple[T, bool]:
        """`load()`, or `fallback` and False if it found problems."""
        try:
            return load(), True
        except DataError as exc:
            self.problems += exc.problems
            return fallback, False


def _load(paths: Paths) -> Project:
    steps = _Steps()
    # A guideline whose cross-references failed still serves to check the other files against.
    guideline, steps.problems, warnings = read_guideline(paths.data, paths.root)
    # Every file is checked even if the guideline failed to load: then without their references to it.
    checklist, _ = steps.run(lambda: load_checklist(paths.data, guideline, paths.root), None)
    seminars, seminars_ok = steps.run(
        lambda: load_seminars(paths.data, paths.docs_dir, guideline, paths.root), Seminars()
    )
    glossary: GlossaryFile | None = None
    if guideline is not None:
        glossary, _ = steps.run(lambda: load_glossary(paths.data, guideline, paths.root), None)
    no_banks: list[Bank] = []
    quizzes, banks_ok = steps.run(lambda: load_banks(paths.quizzes, paths.root, guideline), no_banks)
    # Kits refer to sections, banks and seminars: references into data that failed are not checked.
    banks = quizzes if banks_ok else None
    trainer, _ = steps.run(
        lambda: load_trainer(paths.data, guideline, banks, seminars if seminars_ok else None, paths.root), None
    )
    a11y, _ = steps.run(lambda: _a11y_results(paths), A11yResults(None, None))
    if steps.problems or guideline is None:
        raise DataError(steps.problems)
    return Project(
        paths=paths,
        guideline=guideline,
        checklist=checklist,
        seminars=seminars,
        quizzes=quizzes,
        trainer=trainer,
        a11y=a11y,
        glossary=glossary,
        warnings=[*warnings, *seminars.stale.values()],
    )


def _a11y_results(paths: Paths) -> A11yResults:
    return load_a11y_results(paths.a11y_results, paths.root) if paths.a11y_results else A11yResults(None, None)


def schemas() -> dict[str, dict]:
    """JSON Schemas for editors, one per kind of data file."""
    return {
        **guideline_schemas(),
        **checklist_schemas(),
        **seminar_schemas(),
        **quiz_schemas(),
        **trainer_schemas(),
        **glossary_schemas(),
    }


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector off the data while it loads, and after.

    Loading allocates a large tree of objects that holds no cycles. With the
    collector on, it rescanned that tree over and over while it grew (half the
    load time at 10,000 items), then once more in full. The loaded project lives
    as long as the build, so it is frozen: later collections skip it. The next
    load (a rebuild in `mkdocs serve`) unfreezes it first, so that what the
    previous build left behind is collected as usual.
    """
    enabled = gc.isenabled()
    gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
