"""The results of the automated accessibility run, as the test-results page reads them.

`tebiki a11y` (checks/a11y.py) writes them; the next build loads them with the rest of the data.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, TypeAdapter, ValidationError

from .problems import DataError, Problem, display_path
from .types import Strict

DEFAULT_RESULTS = ".tebiki/a11y-results.json"


class Violation(Strict):
    rule: str
    impact: str | None = None
    help: str
    nodes: int = Field(ge=1)


class PageResult(Strict):
    url: str  # relative to the site root, e.g. "guideline/point1/"
    title: str
    violations: list[Violation] = Field(default_factory=list)
    passed_rules: int = Field(ge=0)
    incomplete_rules: int = Field(ge=0, description="Rules axe could not decide: checked by hand.")


class Rule(Strict):
    id: str
    help: str


class Run(Strict):
    """One automated run, as written by `tebiki a11y`."""

    date: dt.datetime
    commit: str | None = None
    tool: str  # e.g. "axe-core 4.10.2"
    browser: str
    tags: list[str]
    pages: Annotated[list[PageResult], Field(min_length=1)]
    rules: list[Rule]

    @property
    def violations(self) -> int:
        return sum(len(p.violations) for p in self.pages)


def current_commit(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def load(path: Path, root: Path) -> Run | None:
    """The last run's results, or None if there has been none here; a damaged file is an error."""
    if not path.exists():
        return None
    try:
        return TypeAdapter(Run).validate_json(path.read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataError(
            [Problem(display_path(path, root), 0, where, first["msg"], "run `tebiki a11y` again to rewrite this file")]
        ) from None


@dataclass(frozen=True)
class Results:
    """What the results page shows: the last run here, and the commit being built now."""

    run: Run | None
    building: str | None  # commit of the sources being built, if this is a git checkout

    @property
    def stale(self) -> bool:
        """The run tested another commit than the one being built: the page must say so."""
        return self.run is not None and self.building is not None and self.run.commit != self.building


def results(path: Path, root: Path) -> Results:
    return Results(run=load(path, root), building=current_commit(root))
