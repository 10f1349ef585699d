"""Read the guideline data from disk and validate it, collecting every problem.

Layout under the data directory (default `guideline/`):

    guideline.yml        meta: title, status (in force or superseded), coverage rules
    sections/*.yml       one pamphlet page each, with its items
    today.yml            today's rules that items point to (optional while in force)
    sources.yml          documents quoted or relied on
    sources/*.txt        local copies of those documents, for quote checks
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from itertools import accumulate
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from . import translations
from .coverage import DIMENSIONS
from .model import Guideline, Item, Kind, Meta, Rule, Section, Source
from .problems import DataError, Problem, display_path
from .yaml_lines import DuplicateKey, YamlSyntaxError, dotted, line_of, load_with_lines

T = TypeVar("T")

# How far below `source.line` a quoted passage may start and still count as "there".
QUOTE_WINDOW = 15

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

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def add(self, path: Path, line: int, field: str, message: str, hint: str) -> None:
        self.problems.append(Problem(display_path(path, self.root), line, field, message, hint))

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


def normalise(text: str) -> str:
    """Compare quotes ignoring layout: NFKC, and no whitespace at all in Japanese; in a language
    written with spaces, every run of whitespace is one space ("Everylaptop" is not "Every laptop")."""
    return _word_gap().join(unicodedata.normalize("NFKC", text).split())


def _word_gap() -> str:
    return " " if translations.spaced() else ""


def load_guideline(data_dir: Path, root: Path | None = None) -> Guideline:
    """Load and validate everything under `data_dir`; raise DataError listing all problems."""
    root = root or data_dir.parent
    c = Collector(root)
    meta, meta_lines = c.load(data_dir / "guideline.yml", TypeAdapter(Meta))
    rules: list[Rule] | None
    rule_lines: Mapping
    if meta is not None and not meta.superseded and not (data_dir / "today.yml").exists():
        rules, rule_lines = [], {}  # a guideline in force may have no rules of its own to point to
    else:
        rules, rule_lines = c.load(data_dir / "today.yml", TypeAdapter(list[Rule]))
    sources, source_lines = c.load(data_dir / "sources.yml", TypeAdapter(list[Source]))
    section_files = sorted((data_dir / "sections").glob("*.yml"))
    if not section_files:
        c.add(data_dir / "sections", 0, "", "no section files", "add sections/<name>.yml files")
    sections: list[tuple[Path, Section, Mapping]] = []
    for path in section_files:
        section, lines = c.load(path, TypeAdapter(Section))
        if section is not None:
            sections.append((path, section, lines))
    if meta is None or rules is None or sources is None or len(sections) != len(section_files):
        raise DataError(c.problems)

    for path, lines, ids, what in (
        (data_dir / "today.yml", rule_lines, [r.id for r in rules], "rule"),
        (data_dir / "sources.yml", source_lines, [s.id for s in sources], "source"),
    ):
        _check_unique(c, path, lines, [(key, (i, "id")) for i, key in enumerate(ids)], what)
    _check_unique_across(c, [(path, lines, s.id, ("id",)) for path, s, lines in sections], "section")
    _check_unique_across(
        c,
        [(path, lines, item.id, loc + ("id",)) for path, s, lines in sections for loc, item in _items_with_loc(s)],
        "item",
    )
    for name in meta.coverage:
        if name not in DIMENSIONS:
            c.add(
                data_dir / "guideline.yml",
                line_of(meta_lines, ("coverage", name)),
                f"coverage.{name}",
                f"unknown coverage dimension {name!r}",
                f"use one of: {', '.join(DIMENSIONS)}",
            )
    source_by_id = {s.id: s for s in sources}
    texts = _source_texts(c, data_dir, sources, source_lines)
    _check_rules(c, data_dir / "today.yml", rules, rule_lines, source_by_id, texts)
    kinds = {item.id: item.kind for _, s, _ in sections for item in s.items()}
    rule_ids = {r.id for r in rules}
    for path, section, lines in sections:
        for loc, item in _items_with_loc(section):
            _check_item(c, path, lines, loc, item, meta.superseded, rule_ids, kinds, source_by_id, texts)
    if c.problems:
        raise DataError(c.problems)
    ordered = sorted((s for _, s, _ in sections), key=lambda s: (s.order, s.id))
    return Guideline(meta=meta, sections=ordered, rules=rules, sources=sources)


def _items_with_loc(section: Section) -> Iterable[tuple[tuple[Any, ...], Item]]:
    for g, group in enumerate(section.groups):
        for i, item in enumerate(group.items):
            yield ("groups", g, "items", i), item


def _check_unique(c: Collector, path: Path, lines: Mapping, entries: list, what: str) -> None:
    _check_unique_across(c, [(path, lines, key, loc) for key, loc in entries], what)


def _check_unique_across(c: Collector, entries: list, what: str) -> None:
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


class SourceText:
    """A source's local copy, normalised once, line by line.

    Every quote of every item and rule is looked up in it. Normalising the text
    per quote made loading grow with items × source length; now each lookup is a
    slice of `whole` between precomputed line offsets.
    """

    def __init__(self, text: str):
        # NFKC once for the whole text: it leaves line breaks alone, and nothing composes across them.
        # A line break is a word break in a language written with spaces: it becomes one space there.
        gap = _word_gap()
        parts = [gap.join(line.split()) for line in unicodedata.normalize("NFKC", text).splitlines()]
        parts = [p + gap if p else p for p in parts]
        self.whole = "".join(parts)
        self._starts = list(accumulate((len(p) for p in parts), initial=0))  # offset of each line in `whole`

    def window(self, line: int) -> str:
        """The normalised passage from `line` (1-based) over QUOTE_WINDOW lines."""
        last = len(self._starts) - 1
        return self.whole[self._starts[min(line - 1, last)] : self._starts[min(line - 1 + QUOTE_WINDOW, last)]]


def _source_texts(c: Collector, data_dir: Path, sources: list[Source], lines: Mapping) -> dict[str, SourceText]:
    texts: dict[str, SourceText] = {}
    for i, source in enumerate(sources):
        if source.file is None:
            continue
        path = data_dir / "sources" / source.file
        try:
            texts[source.id] = SourceText(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            c.add(
                data_dir / "sources.yml",
                line_of(lines, (i, "file")),
                dotted((i, "file")),
                f"local copy {source.file!r} not found",
                f"put the text at {display_path(path, c.root)}",
            )
    return texts


def _check_rules(c, path, rules, lines, source_by_id, texts) -> None:
    for i, rule in enumerate(rules):
        if rule.source not in source_by_id:
            c.add(
                path,
                line_of(lines, (i, "source")),
                dotted((i, "source")),
                f"unknown source {rule.source!r}",
                "use an ID from sources.yml",
            )
        elif rule.quote and rule.source in texts:
            if normalise(rule.quote) not in texts[rule.source].whole:
                c.add(
                    path,
                    line_of(lines, (i, "quote")),
                    dotted((i, "quote")),
                    "quote not found word for word in the source's local copy",
                    "copy the wording exactly from guideline/sources/, or drop `quote`",
                )


def _check_item(c, path, lines, loc, item: Item, superseded: bool, rule_ids, kinds, source_by_id, texts) -> None:
    def add(field: tuple, message: str, hint: str) -> None:
        c.add(path, line_of(lines, loc + field), dotted(loc + field), message, hint)

    if item.today is None and superseded:
        add(
            (),
            f"item {item.id} has no `today`",
            "a superseded guideline maps every item to today's rules: add `today` (equivalence, rules, summary)",
        )
    elif item.today is not None and not superseded:
        add(
            ("today",),
            "`today` is only for a superseded guideline",
            "remove `today`, or set `status: superseded` with `abolished`, `successor` and `successor_url`"
            " in guideline.yml",
        )
    for j, rule in enumerate(item.today.rules if item.today else []):
        if rule not in rule_ids:
            add(("today", "rules", j), f"unknown rule {rule!r}", "add it to guideline/today.yml or fix the ID")
    for j, ref in enumerate(item.answers):
        if ref not in kinds:
            add(("answers", j), f"unknown item {ref!r}", "use the ID of a problem item")
        elif kinds[ref] is not Kind.problem:
            add(("answers", j), f"{ref!r} is a {kinds[ref].value}, not a problem", "list problem items only")
    if item.answers and item.kind is not Kind.measure:
        add(("answers",), "only measures answer problems", "remove `answers` or change `kind`")
    if (item.article is not None) != (item.kind is Kind.requirement):
        add(("article",), "requirements, and only they, quote an article", "add or remove `article`")
    if item.kind is Kind.event and item.date is None and item.date_label is None:
        add(("date",), "an event needs `date` or `date_label`", "add the day it happened, e.g. 2014-12-12")
    doc = item.source.document
    if doc not in source_by_id:
        add(("source", "document"), f"unknown source {doc!r}", "use an ID from sources.yml")
        return
    if doc in texts:
        text = texts[doc]
        quote = normalise(item.text)
        window = text.window(item.source.line)
        if quote not in window:
            where = "anywhere in" if quote not in text.whole else "near that line of"
            add(
                ("text",),
                f"text not found {where} the source (line {item.source.line})",
                "quote the source exactly and set source.line to where the passage starts",
            )
        if item.article:
            # The article may be quoted anywhere in the source; usually it is beside the item,
            # and the window is part of the whole text, so the whole is searched only if need be.
            article = normalise(item.article.text)
            if article not in window and article not in text.whole:
                add(("article", "text"), "article text not found in the source", "quote the article exactly")


def schemas() -> dict[str, dict]:
    """JSON Schemas for editors, one per kind of data file."""
    return {
        "guideline": TypeAdapter(Meta).json_schema(),
        "section": TypeAdapter(Section).json_schema(),
        "today": TypeAdapter(list[Rule]).json_schema(),
        "sources": TypeAdapter(list[Source]).json_schema(),
    }
