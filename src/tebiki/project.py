"""Everything one site is built from, loaded and cross-checked together.

The guideline is the core; each page kind (checklists, quizzes, seminars) adds
its own validated data beside it, and refers to guideline items by ID only.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .load import load_guideline
from .model import Guideline


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


def load_project(paths: Paths) -> Project:
    """Load and validate all data; raise DataError listing every problem."""
    with _gc_paused():
        return Project(paths=paths, guideline=load_guideline(paths.data, paths.root))


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
