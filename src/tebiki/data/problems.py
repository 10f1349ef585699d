"""Problems found in the data, collected so that all are reported at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    hint: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {readable(self.field)}:" if self.field else ""
        return f"{where}:{field} {self.message}\n    → {self.hint}"


def readable(field: str) -> str:
    """A field path as people count: `groups[1].items[0].text` -> `groups #2 › items #1 › text`."""
    parts = re.split(r"\.|(?=\[)", field)
    out = [f"#{int(p[1:-1]) + 1}" if re.fullmatch(r"\[\d+\]", p) else p for p in parts if p]
    return " › ".join(out).replace(" › #", " #")


class DataError(Exception):
    """Raised once with every problem found; nothing has been written when it is."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the tebiki data:"
        return "\n".join([head, *(str(p) for p in self.problems)])


def display_path(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
