"""The benchmark's figures, each beside its goal: a table for people, JSON for tools."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Figure:
    part: str  # which of the benchmark's parts, e.g. "overhead"
    name: str
    value: float | str | None  # None: could not be measured (see note)
    unit: str = ""
    goal: str = ""  # human-readable, e.g. "≤ 1.10"; empty for context figures
    ok: bool | None = None  # None: no goal, or not measured
    note: str = ""

    def shown(self) -> str:
        if self.value is None:
            return "n/a"
        if isinstance(self.value, float):
            text = f"{self.value:.3f}" if abs(self.value) < 10 else f"{self.value:.1f}"
        else:
            text = str(self.value)
        return f"{text} {self.unit}".strip()

    def status(self) -> str:
        return {True: "met", False: "MISSED", None: "" if not self.goal else "n/a"}[self.ok]


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # raw runs, per part
    meta: dict[str, Any] = field(default_factory=dict)

    def add(self, *figures: Figure) -> None:
        self.figures.extend(figures)

    @property
    def missed(self) -> list[Figure]:
        return [f for f in self.figures if f.ok is False]

    def table(self) -> str:
        head = ("part", "figure", "value", "goal", "status")
        rows = [(f.part, f.name, f.shown(), f.goal, f.status()) for f in self.figures]
        widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]

        def line(row: tuple[str, ...]) -> str:
            return "  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip()

        out = [line(head), "  ".join("-" * w for w in widths)]
        out += [line(r) for r in rows]
        notes = [f"  {f.part} / {f.name}: {f.note}" for f in self.figures if f.note]
        if notes:
            out += ["", "Notes:", *notes]
        met = sum(1 for f in self.figures if f.ok)
        goals = sum(1 for f in self.figures if f.goal)
        out.append(f"\n{met}/{goals} goals met; missed: {', '.join(f.name for f in self.missed) or 'none'}.")
        return "\n".join(out)

    def to_json(self) -> str:
        return json.dumps(
            {"meta": self.meta, "figures": [asdict(f) for f in self.figures], "details": self.details},
            ensure_ascii=False,
            indent=2,
        )


def _width(text: str) -> int:
    """Columns a string takes in a terminal: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
