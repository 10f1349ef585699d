"""Prove from the built HTML that every item reaches the reader.

Generators mark what they render with `data-tebiki-<dimension>="ID ..."`.
Coverage reads those markers back from the *built site*, so an item that the
data promises but the HTML lost (a template bug, a dropped plugin, a page
removed) is a gap. Each page kind adds a `Dimension`; which item kinds need it
is data (`coverage:` in guideline.yml).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .model import Guideline


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str
    anchored: bool = False  # the marked element must also carry id="<item ID>"
    # Attribute on the marked element naming the variants it counts for (space-separated),
    # e.g. the checklist tracks; the coverage rule lists the variants each item must reach.
    variant_attr: str | None = None

    @property
    def attribute(self) -> str:
        return f"data-tebiki-{self.name}"


DIMENSIONS: dict[str, Dimension] = {
    d.name: d
    for d in (
        Dimension("pamphlet", "pamphlet section", anchored=True),
        Dimension("checklist", "checklist entry", variant_attr="data-track"),
        Dimension("video", "video chapter"),  # marked on each chapter of a seminar recording
        Dimension("quiz", "quiz question"),
        Dimension("slides", "briefing slide"),  # marked on each slide of the trainers' decks
    )
}


@dataclass
class Marker:
    page: str  # URL path of the page, relative to the site root
    anchor: str | None
    attrs: dict[str, str | None] = field(default_factory=dict)  # all attributes of the marked element


class _MarkerParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, dict[str, str | None]]] = []  # (dimension, item ID, element attributes)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("data-tebiki-") and value:
                dimension = name.removeprefix("data-tebiki-")
                for item_id in value.split():
                    self.found.append((dimension, item_id, values))


MARKER = "data-tebiki-"
# Page text that is not markup: a marker-like string in it marks nothing.
_NOT_MARKUP = re.compile(r"<!--.*?-->|<(script|style|textarea|title)\b.*?</\1\s*>", re.S | re.I)
# One start tag, by the HTML tokenizer's rules: a quoted attribute value may hold `>`.
_START_TAG = re.compile(
    r"<[a-zA-Z][^\s/>]*"  # name
    r"""(?:[\s/]+(?:[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?))*"""  # attributes
    r"[\s/]*>"
)


def marked_tags(html: str) -> list[str]:
    """The start tags of `html` that carry a coverage marker.

    Only these tags are handed to the HTML parser: parsing every tag of every page
    took seconds on a large guideline, while finding the few marked ones is a
    string search.
    """
    if MARKER not in html:
        return []
    html = _NOT_MARKUP.sub(" ", html)
    tags = []
    pos = html.find(MARKER)
    while pos != -1:
        tag = _START_TAG.match(html, html.rfind("<", 0, pos))
        if tag and tag.end() > pos:
            tags.append(tag.group())
            pos = html.find(MARKER, tag.end())
        else:  # in text, not in a tag
            pos = html.find(MARKER, pos + len(MARKER))
    return tags


def scan_site(site_dir: Path) -> dict[str, dict[str, list[Marker]]]:
    """dimension -> item ID -> where it is marked, for every HTML page of the site."""
    found: dict[str, dict[str, list[Marker]]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        parser = _MarkerParser()
        parser.feed("".join(marked_tags(path.read_text(encoding="utf-8"))))
        parser.close()
        for dimension, item_id, attrs in parser.found:
            marker = Marker(page, attrs.get("id"), attrs)
            found.setdefault(dimension, {}).setdefault(item_id, []).append(marker)
    return found


@dataclass
class Report:
    dimensions: list[str]
    rows: list[dict] = field(default_factory=list)  # one per item
    gaps: list[str] = field(default_factory=list)  # human-readable, one per gap
    unknown: list[str] = field(default_factory=list)  # markers naming no item

    @property
    def ok(self) -> bool:
        return not self.gaps and not self.unknown

    def to_json(self) -> str:
        return json.dumps(
            {
                "ok": self.ok,
                "dimensions": self.dimensions,
                "items": self.rows,
                "gaps": self.gaps,
                "unknown": self.unknown,
            },
            ensure_ascii=False,
            indent=2,
        )

    def table(self) -> str:
        head = ["item", "kind", *self.dimensions]
        body = []
        for row in self.rows:
            cells = [row["id"], row["kind"]]
            for name in self.dimensions:
                cell = row["coverage"][name]
                mark = str(len(cell["where"])) if cell["where"] else ("MISSING" if cell["required"] else "-")
                cells.append(mark)
            body.append(cells)
        widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [head, *body]]
        lines.insert(1, "  ".join("-" * w for w in widths))
        covered = sum(1 for r in self.rows if all(c["where"] or not c["required"] for c in r["coverage"].values()))
        lines.append(f"\n{covered}/{len(self.rows)} items fully covered; {len(self.gaps)} gap(s).")
        return "\n".join(lines)


def check(guideline: Guideline, site_dir: Path) -> Report:
    found = scan_site(site_dir)
    rules = guideline.meta.coverage
    names = [name for name in DIMENSIONS if name in rules]
    report = Report(dimensions=names)
    items = guideline.item_index()
    for section, item in items.values():
        cells: dict[str, dict] = {}
        for name in names:
            dim, rule = DIMENSIONS[name], rules[name]
            required = rule.required and item.kind in rule.kinds
            where = [m for m in found.get(name, {}).get(item.id, []) if not dim.anchored or m.anchor == item.id]
            cells[name] = {
                "required": required,
                "where": [m.page + (f"#{m.anchor}" if m.anchor else "") for m in where],
            }
            if required and not where:
                report.gaps.append(f"{item.id} ({item.kind.value}): no {dim.label} in the built site")
            elif required and dim.variant_attr:
                reached = {v for m in where for v in (m.attrs.get(dim.variant_attr) or "").split()}
                for variant in rule.variants:
                    if variant not in reached:
                        report.gaps.append(
                            f"{item.id} ({item.kind.value}): no {dim.label} for {variant!r} in the built site"
                        )
        report.rows.append({"id": item.id, "kind": item.kind.value, "section": section.id, "coverage": cells})
    for name, by_item in found.items():
        for item_id, markers in by_item.items():
            if item_id not in items:
                pages = ", ".join(sorted({m.page for m in markers}))
                report.unknown.append(f"{name} marker names unknown item {item_id!r} on {pages}")
    return report
