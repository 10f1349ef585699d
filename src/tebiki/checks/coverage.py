"""Prove from the built HTML that every item reaches the reader.

Generators mark what they render with `data-tebiki-<dimension>="ID ..."`.
Coverage reads those markers back from the *built site*, so an item that the
data promises but the HTML lost (a template bug, a dropped plugin, a page
removed) is a gap. Each page kind adds a `Dimension`; which item kinds need it
is data (`coverage:` in guideline.yml).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..data.guideline.model import CoverageRule, Guideline, Item
from ..data.guideline.model import Dimension as Name
from ..files import html_files


@dataclass(frozen=True)
class Dimension:
    name: Name
    label: str
    anchored: bool = False  # the marked element must also carry id="<item ID>"
    # Attribute on the marked element naming the variants it counts for (space-separated),
    # e.g. the checklist tracks; the coverage rule lists the variants each item must reach.
    variant_attr: str | None = None

    @property
    def attribute(self) -> str:
        return f"data-tebiki-{self.name}"


DIMENSIONS: dict[Name, Dimension] = {
    d.name: d
    for d in (
        Dimension(Name.pamphlet, "pamphlet section", anchored=True),
        Dimension(Name.checklist, "checklist entry", variant_attr="data-track"),
        Dimension(Name.video, "video chapter"),  # marked on each chapter of a seminar recording
        Dimension(Name.quiz, "quiz question"),
        Dimension(Name.slides, "briefing slide"),  # marked on each slide of the trainers' decks
    )
}


@dataclass
class Marker:
    page: str  # URL path of the page, relative to the site root
    anchor: str | None
    attrs: dict[str, str | None] = field(default_factory=dict)  # all attributes of the marked element


MARKER = "data-tebiki-"
_MARKER = MARKER.encode()
# Page text that is not markup: a marker-like string in it marks nothing. Found in the
# lower-cased page: comments, and elements whose content is not parsed as tags.
_COMMENT = (b"<!--", b"-->")
_SPACE = (b" ", b"\t", b"\n", b"\r", b"\f", b"\v")
_RAW_TEXT = (b"script", b"style", b"textarea", b"title")
_NAME_END = (b" ", b"\t", b"\n", b"\r", b"\f", b"/", b">")  # what ends a tag name
_OPENER = re.compile(b"|".join(re.escape(opener) for opener in (_COMMENT[0], *(b"<" + name for name in _RAW_TEXT))))
# One start tag, by the HTML tokenizer's rules: a quoted attribute value may hold `>`.
_START_TAG = re.compile(
    rb"<[a-zA-Z][^\s/>]*"  # name
    rb"""(?:[\s/]+(?:[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?))*"""  # attributes
    rb"[\s/]*>"
)
_TAG_NAME = re.compile(r"<[^\s/>]*")
_ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*(=)\s*("[^"]*"|'[^']*'|[^\s>]*))?""")


def _not_markup(low: bytes, until: int) -> list[tuple[int, int]]:
    """(start, end) of the comments and raw-text elements of a lower-cased page that
    start before `until`, in order.

    One regular expression finds the next opener of any kind: a string search per kind
    went through the page once for each kind, though most pages hold few of them.
    """
    spans: list[tuple[int, int]] = []
    opener = _OPENER.search(low, 0, until)
    while opener:
        start = opener.start()
        end = _span_end(low, opener.group(), start)
        if end is None:  # not a comment or element after all (e.g. <scripts>, or never closed)
            opener = _OPENER.search(low, start + 1, until)
            continue
        spans.append((start, end))
        opener = _OPENER.search(low, end, until)
    return spans


def _span_end(low: bytes, opener: bytes, start: int) -> int | None:
    if opener == _COMMENT[0]:
        close = low.find(_COMMENT[1], start + len(opener))
        return None if close == -1 else close + len(_COMMENT[1])
    after = start + len(opener)
    if low[after : after + 1] not in _NAME_END:  # `<scripts>` is another element
        return None
    closing = b"</" + opener[1:]
    at = low.find(closing, after)
    while at != -1:
        end = at + len(closing)
        while low[end : end + 1] in _SPACE:
            end += 1
        if end < len(low) and low[end] == ord(">"):
            return end + 1
        at = low.find(closing, at + 1)
    return None


def marked_tags(page: bytes | str) -> list[str]:
    """The start tags of `page` (its UTF-8 bytes) that carry a coverage marker.

    Only these tags are read: parsing every tag of every page took seconds on a
    large guideline, while finding the few marked ones is a string search. The page
    stays bytes: decoding a site's worth of Japanese HTML cost more than the search.
    """
    data = page.encode() if isinstance(page, str) else page
    if _MARKER not in data:
        return []
    skipped = _not_markup(data.lower(), data.rfind(_MARKER))  # what starts after the last marker cannot hide it
    tags = []
    span = 0  # the first skipped span that does not end before the marker
    pos = data.find(_MARKER)
    while pos != -1:
        while span < len(skipped) and skipped[span][1] <= pos:
            span += 1
        if span < len(skipped) and skipped[span][0] <= pos:  # in a comment, script…: not markup
            pos = data.find(_MARKER, skipped[span][1])
            continue
        # The tag it may sit in starts at the last `<` before it, outside what was skipped.
        start = data.rfind(b"<", skipped[span - 1][1] if span else 0, pos)
        tag = _START_TAG.match(data, start) if start != -1 else None
        if tag and tag.end() > pos:
            tags.append(tag.group().decode("utf-8", "replace"))
            pos = data.find(_MARKER, tag.end())
        else:  # in text, not in a tag
            pos = data.find(_MARKER, pos + len(_MARKER))
    return tags


def attributes(tag: str) -> list[tuple[str, str | None]]:
    """The attributes of one start tag, as the HTML parser gives them: names lower-cased,
    values unquoted with character references decoded, None for a name alone."""
    name = _TAG_NAME.match(tag)
    assert name is not None
    # findall, not a match object per attribute: a site has tens of thousands of marked tags.
    # The `=` has a group of its own, so that a name alone (None) differs from `name=` ("").
    attrs: list[tuple[str, str | None]] = []
    for key, equals, value in _ATTRIBUTE.findall(tag, name.end(), len(tag) - 1):
        if not equals:
            attrs.append((key.lower(), None))
            continue
        if value[:1] == value[-1:] and value[:1] in ("'", '"') and len(value) >= 2:
            value = value[1:-1]
        if "&" in value:
            value = html.unescape(value)
        attrs.append((key.lower(), value))
    return attrs


def scan_site(site_dir: Path) -> dict[str, dict[str, list[Marker]]]:
    """dimension -> item ID -> where it is marked, for every HTML page of the site."""
    found: dict[str, dict[str, list[Marker]]] = {}
    for page, path in html_files(site_dir):
        tags = marked_tags(path.read_bytes())
        if not tags:
            continue
        for tag in tags:
            attrs = attributes(tag)
            values = dict(attrs)
            anchor = values.get("id")
            for name, value in attrs:
                if value and name.startswith(MARKER):
                    by_item = found.setdefault(name.removeprefix(MARKER), {})
                    for item_id in value.split():
                        by_item.setdefault(item_id, []).append(Marker(page, anchor, values))
    return found


@dataclass
class Report:
    dimensions: list[Name]
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
    # What each dimension needs, looked up once rather than once per item.
    wanted = [(name, DIMENSIONS[name], rules[name], found.get(name, {})) for name in names]
    for section, item in items.values():
        cells: dict[str, dict] = {}
        for name, dim, rule, by_item in wanted:
            cells[name], gaps = _cell(item, dim, rule, by_item.get(item.id, _NONE))
            if gaps:
                report.gaps += gaps
        report.rows.append({"id": item.id, "kind": item.kind.value, "section": section.id, "coverage": cells})
    for marked, by_item in found.items():
        for item_id, markers in by_item.items():
            if item_id not in items:
                pages = ", ".join(sorted({m.page for m in markers}))
                report.unknown.append(f"{marked} marker names unknown item {item_id!r} on {pages}")
    return report


_NONE: list[Marker] = []  # an item marked nowhere in a dimension (only read, never appended to)


def _cell(item: Item, dim: Dimension, rule: CoverageRule, markers: list[Marker]) -> tuple[dict, list[str]]:
    """Where one item was found for one dimension, and its gaps there."""
    required = rule.required and item.kind in rule.kinds
    where = [m for m in markers if m.anchor == item.id] if dim.anchored else markers
    cell = {"required": required, "where": [m.page + "#" + m.anchor if m.anchor else m.page for m in where]}
    if not required:
        return cell, []
    if not where:
        return cell, [f"{item.id} ({item.kind.value}): no {dim.label} in the built site"]
    if not dim.variant_attr:
        return cell, []
    reached = {v for m in where for v in (m.attrs.get(dim.variant_attr) or "").split()}
    return cell, [
        f"{item.id} ({item.kind.value}): no {dim.label} for {variant!r} in the built site"
        for variant in rule.variants
        if variant not in reached
    ]
