"""What every loader shares: one collector of problems, a reporter per file, and the check that IDs are unique."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from .problems import Problem, display_path
from .yaml_lines import DuplicateKey, YamlSyntaxError, dotted, line_of, load_with_lines

T = TypeVar("T")

_HINTS = {
    "missing": "add this field (see the JSON Schema in schema/ for what it holds)",
    "extra_forbidden": "remove this field or correct its spelling; unknown fields are not allowed",
    "string_pattern_mismatch": "use the ID format shown in the message",
    "enum": "use one of the values listed in the message",
    "too_short": "add at least one entry",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
    "date_parsing": "write the date as YYYY-MM-DD",
}


class Collector:
    """Accumulates problems against one data root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def add(self, path: Path, line: int, field: str, message: str, hint: str) -> None:
        self.problems.append(Problem(display_path(path, self.root), line, field, message, hint))

    def reporter(self, path: Path, lines: Mapping) -> Reporter:
        """Report problems in the file at `path`, whose line marks are `lines`."""
        return Reporter(self, path, lines)

    def load(self, path: Path, adapter: TypeAdapter[T]) -> tuple[T | None, Mapping]:
        """Parse and validate one file; on failure record why and return None."""
        try:
            data, lines = load_with_lines(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.add(path, 0, "", "file is missing", "create it; see README.md for the data layout")
            return None, {}
        except (YamlSyntaxError, DuplicateKey) as exc:
            self.add(path, exc.line, "", f"YAML error: {exc}", "fix the YAML syntax at this line")
            return None, {}
        try:
            return adapter.validate_python(data), lines
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                # Validators on a model report at the model; drop pydantic's own labels.
                loc = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
                hint = _HINTS.get(err["type"], "correct the value")
                self.add(path, line_of(lines, loc), dotted(loc), err["msg"], hint)
            return None, lines


@dataclass(frozen=True)
class Reporter:
    """Problems in one data file, each reported at the line of the field it is about."""

    collector: Collector
    path: Path
    lines: Mapping
    base: tuple[Any, ...] = ()  # where in the file the locations passed to `at` start

    def at(self, loc: tuple[Any, ...], message: str, hint: str) -> None:
        full = self.base + loc
        self.collector.add(self.path, line_of(self.lines, full), dotted(full), message, hint)

    def within(self, *loc: Any) -> Reporter:
        """A reporter for the part of the file at `loc` (a list entry, a mapping)."""
        return replace(self, base=self.base + loc)


def check_unique(c: Collector, entries: list, what: str) -> None:
    """Report every ID of `entries` (path, lines, ID, location) seen before, pointing at its first use."""
    first: dict[str, tuple[Path, Mapping, tuple]] = {}
    for path, lines, key, loc in entries:
        if key in first:
            # Lines are looked up only here: finding them costs a second parse of the file.
            other_path, other_lines, other_loc = first[key]
            other = f"{display_path(other_path, c.root)}:{line_of(other_lines, other_loc)}"
            c.add(
                path,
                line_of(lines, loc),
                dotted(loc),
                f"duplicate {what} ID {key!r}",
                f"IDs must be unique; {other} uses it already",
            )
        else:
            first[key] = (path, lines, loc)
