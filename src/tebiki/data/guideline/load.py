"""Read the guideline data from disk and validate it, collecting every problem.

Layout under the data directory (default `guideline/`):

    guideline.yml        meta: title, status (in force or superseded), coverage rules
    sections/*.yml       one pamphlet page each, with its items
    today.yml            today's rules that items point to (optional while in force)
    sources.yml          documents quoted or relied on
    sources/*.txt        local copies of those documents, for quote checks
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter

from ...text import nfkc, normalise, word_gap
from ..collect import Collector, Reporter, adapter, check_unique
from ..problems import DataError, Problem, display_path
from ..yaml_lines import dotted, line_of
from .model import Guideline, Item, Kind, Meta, Rule, Section, Source

T = TypeVar("T")

# How far below `source.line` a quoted passage may start and still count as "there".
QUOTE_WINDOW = 15


def load_guideline(data_dir: Path, root: Path | None = None) -> Guideline:
    """Load and validate everything under `data_dir`; raise DataError listing all problems."""
    guideline, problems, _ = read_guideline(data_dir, root)
    if guideline is None or problems:
        raise DataError(problems)
    return guideline


def read_guideline(data_dir: Path, root: Path | None = None) -> tuple[Guideline | None, list[Problem], list[Problem]]:
    """The guideline, every problem found in it, and warnings (what could not be checked).

    The guideline is None only if a file could not be read or validated; with problems of
    cross-references alone it is returned, so that the files referring to it are checked too."""
    root = root or data_dir.parent
    c = Collector(root)
    meta, meta_lines = c.load(data_dir / "guideline.yml", adapter(Meta))
    rules: list[Rule] | None
    rule_lines: Mapping
    if meta is not None and not meta.superseded and not (data_dir / "today.yml").exists():
        rules, rule_lines = [], {}  # a guideline in force may have no rules of its own to point to
    else:
        rules, rule_lines = c.load(data_dir / "today.yml", adapter(list[Rule]))
    sources, source_lines = c.load(data_dir / "sources.yml", adapter(list[Source]))
    section_files = sorted((data_dir / "sections").glob("*.yml"))
    if not section_files:
        c.add(data_dir / "sections", 0, "", "no section files", "add sections/<name>.yml files")
    sections: list[tuple[Path, Section, Mapping]] = []
    for path in section_files:
        section, lines = c.load(path, adapter(Section))
        if section is not None:
            sections.append((path, section, lines))
    if meta is None or rules is None or sources is None or len(sections) != len(section_files):
        return None, c.problems, []

    for path, lines, ids, what in (
        (data_dir / "today.yml", rule_lines, [r.id for r in rules], "rule"),
        (data_dir / "sources.yml", source_lines, [s.id for s in sources], "source"),
    ):
        _check_unique(c, path, lines, [(key, (i, "id")) for i, key in enumerate(ids)], what)
    check_unique(c, [(path, lines, s.id, ("id",)) for path, s, lines in sections], "section")
    check_unique(
        c,
        [(path, lines, item.id, loc + ("id",)) for path, s, lines in sections for loc, item in _items_with_loc(s)],
        "item",
    )
    texts = _source_texts(c, data_dir, sources, source_lines)
    known = Known(
        superseded=meta.superseded,
        rule_ids={r.id for r in rules},
        kinds={item.id: item.kind for _, s, _ in sections for item in s.items()},
        sources={s.id: s for s in sources},
        texts=texts,
    )
    today = c.reporter(data_dir / "today.yml", rule_lines)
    for i, rule in enumerate(rules):
        check_rule_quote(rule, known, today.within(i))
    for path, section, lines in sections:
        in_section = c.reporter(path, lines)
        for loc, item in _items_with_loc(section):
            at_item = in_section.within(*loc)  # one reporter for all the item's rules (10,000 items)
            for rule_check in ITEM_RULES:
                rule_check(item, known, at_item)
    check_pamphlet_references(meta, known, c.reporter(data_dir / "guideline.yml", meta_lines))
    ordered = sorted((s for _, s, _ in sections), key=lambda s: (s.order, s.id))
    warnings = unchecked_quotes(
        sources, rules, [s for _, s, _ in sections], c.reporter(data_dir / "sources.yml", source_lines)
    )
    return Guideline(meta=meta, sections=ordered, rules=rules, sources=sources), c.problems, warnings


def _items_with_loc(section: Section) -> Iterable[tuple[tuple[Any, ...], Item]]:
    for g, group in enumerate(section.groups):
        for i, item in enumerate(group.items):
            yield ("groups", g, "items", i), item


def _check_unique(
    c: Collector, path: Path, lines: Mapping, entries: list[tuple[str, tuple[Any, ...]]], what: str
) -> None:
    check_unique(c, [(path, lines, key, loc) for key, loc in entries], what)


def _word_start(text: str, at: int) -> int:
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


class SourceText:
    """A source's local copy, normalised once, line by line.

    Every quote of every item and rule is looked up in it. Normalising the text
    per quote made loading grow with items × source length; now each lookup is a
    slice of `whole` between precomputed line offsets.
    """

    def __init__(self, text: str) -> None:
        # NFKC once for the whole text: it leaves line breaks alone, and nothing composes across them.
        # A line break is a word break in a language written with spaces: it becomes one space there.
        gap = word_gap()
        parts = [gap.join(line.split()) for line in nfkc(text).splitlines()]
        parts = [p + gap if p else p for p in parts]
        self.whole = "".join(parts)
        self._starts = list(accumulate((len(p) for p in parts), initial=0))  # offset of each line in `whole`
        self._text = text  # kept to show the closest line when a quote is not found

    def closest(self, quote: str) -> str:
        """Where the source comes closest to a (normalised) quote that is not in it, and how they differ."""
        match = SequenceMatcher(None, self.whole, quote, autojunk=False).find_longest_match()
        if match.size < 2:
            return "nothing in the source resembles it"
        start = max(match.a - match.b, 0)  # where the quote would begin in the source
        passage = self.whole[start : start + len(quote)]
        line = bisect_right(self._starts, start)
        shown = self._text.splitlines()[line - 1].strip()
        # Quotation marks of the source's language: English text in 「」 reads as noise.
        op, cl = ("“", "”") if word_gap() else ("「", "」")
        differ = SequenceMatcher(None, quote, passage, autojunk=False)
        if differ.ratio() < 0.5:  # a differing run between unrelated sentences explains nothing
            return (
                f"no passage of the source is close to it (the nearest, line {line}, is {op}{shown}{cl}); "
                "is the text in this source's local copy?"
            )
        for tag, i1, i2, j1, j2 in differ.get_opcodes():
            if tag != "equal":
                if word_gap():  # whole words: "keep" against "keeps", not "(nothing)" against "s"
                    i1, j1 = _word_start(quote, i1), _word_start(passage, j1)
                    i2, j2 = _word_end(quote, i2), _word_end(passage, j2)
                ours, theirs = quote[i1:i2] or "(nothing)", passage[j1:j2] or "(nothing)"
                return (
                    f"closest is line {line}: {op}{shown}{cl}; "
                    f"the quote has {op}{ours}{cl} where the source has {op}{theirs}{cl}"
                )
        return f"closest is line {line}: {op}{shown}{cl}"

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
        if path.is_file():
            text = c.read(path)
            if text is not None:
                texts[source.id] = SourceText(text)
        else:
            c.add(
                data_dir / "sources.yml",
                line_of(lines, (i, "file")),
                dotted((i, "file")),
                f"local copy {source.file!r} not found",
                f"put the text at {display_path(path, c.root)}",
            )
    return texts


@dataclass(frozen=True)
class Known:
    """What items and rules may refer to, gathered once from every file."""

    superseded: bool  # the guideline's status: then every item says how it maps to the rules of now
    rule_ids: set[str]
    kinds: dict[str, Kind]  # item ID -> kind
    sources: dict[str, Source]
    texts: dict[str, SourceText]  # source ID -> its local copy, where there is one


def check_rule_quote(rule: Rule, known: Known, r: Reporter) -> None:
    """today.yml: a rule names a known source, and its quote is word for word in the local copy."""
    if rule.source not in known.sources:
        r.at(("source",), f"unknown source {rule.source!r}", "use an ID from sources.yml")
    elif rule.quote and rule.source in known.texts and normalise(rule.quote) not in known.texts[rule.source].whole:
        r.at(
            ("quote",),
            "quote not found word for word in the source's local copy; "
            + known.texts[rule.source].closest(normalise(rule.quote)),
            "copy the wording exactly from guideline/sources/, or drop `quote`",
        )


def check_item_today(item: Item, known: Known, r: Reporter) -> None:
    """An item of a superseded guideline says how it maps to the rules of now; one in force does not."""
    if known.superseded and item.today is None:
        r.at(
            ("today",),
            "the guideline is superseded, so each item says how it maps to the rules that apply now",
            "add `today: {equivalence: direct|changed|none, rules: [...], summary: ...}`",
        )
    if not known.superseded and item.today is not None:
        r.at(("today",), "the guideline is in force: items have no `today`", "remove `today`")


def check_item_references(item: Item, known: Known, r: Reporter) -> None:
    """An item's rules exist, and the items it answers are problems."""
    for j, rule in enumerate(item.today.rules if item.today else []):
        if rule not in known.rule_ids:
            r.at(("today", "rules", j), f"unknown rule {rule!r}", "add it to guideline/today.yml or fix the ID")
    for j, ref in enumerate(item.answers):
        if ref not in known.kinds:
            r.at(("answers", j), f"unknown item {ref!r}", "use the ID of a problem item")
        elif known.kinds[ref] is not Kind.problem:
            r.at(("answers", j), f"{ref!r} is a {known.kinds[ref].value}, not a problem", "list problem items only")


def check_pamphlet_references(meta: Meta, known: Known, r: Reporter) -> None:
    """guideline.yml: the items the short pamphlet's first steps send the reader to exist."""
    if meta.pamphlet is None:
        return
    for s, step in enumerate(meta.pamphlet.first_steps):
        for i, ref in enumerate(step.items):
            if ref not in known.kinds:
                r.at(
                    ("pamphlet", "first_steps", s, "items", i),
                    f"unknown item {ref!r}",
                    "use the ID of an item in sections/*.yml",
                )


def check_item_fields_for_kind(item: Item, known: Known, r: Reporter) -> None:
    """Fields that only some kinds have: answers (measures), article (requirements), a date (events)."""
    if item.answers and item.kind is not Kind.measure:
        r.at(("answers",), "only measures answer problems", "remove `answers` or change `kind`")
    if (item.article is not None) != (item.kind is Kind.requirement):
        r.at(("article",), "requirements, and only they, quote an article", "add or remove `article`")
    if item.kind is Kind.event and item.date is None and item.date_label is None:
        r.at(("date",), "an event needs `date` or `date_label`", "add the day it happened, e.g. 2020-04-01")


def check_item_quote(item: Item, known: Known, r: Reporter) -> None:
    """An item quotes a known source word for word, near `source.line`; so does its article."""
    doc = item.source.document
    if doc not in known.sources:
        r.at(("source", "document"), f"unknown source {doc!r}", "use an ID from sources.yml")
        return
    text = known.texts.get(doc)
    if text is None:
        return
    quote = normalise(item.text)
    window = text.window(item.source.line)
    if quote not in window:
        where = "anywhere in" if quote not in text.whole else "near that line of"
        r.at(
            ("text",),
            f"text not found {where} the source (line {item.source.line}); {text.closest(quote)}",
            "quote the source exactly and set source.line to where the passage starts",
        )
    if item.article:
        # The article may be quoted anywhere in the source; usually it is beside the item,
        # and the window is part of the whole text, so the whole is searched only if need be.
        article = normalise(item.article.text)
        if article not in window and article not in text.whole:
            r.at(
                ("article", "text"),
                f"article text not found in the source; {text.closest(article)}",
                "quote the article exactly",
            )


# The rules every item of sections/*.yml is checked against, in order.
ITEM_RULES: tuple[Callable[[Item, Known, Reporter], None], ...] = (
    check_item_today,
    check_item_references,
    check_item_fields_for_kind,
    check_item_quote,
)


def schemas() -> dict[str, dict]:
    """JSON Schemas for editors, one per kind of data file."""
    return {
        "guideline": TypeAdapter(Meta).json_schema(),
        "section": TypeAdapter(Section).json_schema(),
        "today": TypeAdapter(list[Rule]).json_schema(),
        "sources": TypeAdapter(list[Source]).json_schema(),
    }


def unchecked_quotes(sources: list[Source], rules: list[Rule], sections: list[Section], r: Reporter) -> list[Problem]:
    """Warnings, one per source without a local copy that items or rules quote: those quotes go unchecked."""
    quoting: dict[str, int] = {}
    for rule in rules:
        if rule.quote:
            quoting[rule.source] = quoting.get(rule.source, 0) + 1
    for section in sections:
        for item in section.items():
            quoting[item.source.document] = quoting.get(item.source.document, 0) + 1
    warnings = Collector(r.collector.root)
    found = r.to(warnings)
    for i, source in enumerate(sources):
        if source.file is None and quoting.get(source.id):
            found.at(
                (i, "id"),
                f"{quoting[source.id]} quote(s) cite {source.id!r}, which has no local copy: they are not checked",
                "put the text under guideline/sources/ and name it in `file`",
            )
    return warnings.problems
