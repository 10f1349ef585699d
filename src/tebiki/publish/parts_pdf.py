"""A long printed document typeset part by part, then merged into one PDF with pypdf.

WeasyPrint holds a whole document's boxes in memory and lays a page out again whenever a
`target-counter` it points to moves: a 10,000-item reference needed gigabytes, and every
page of a 1,000-item one was laid out two or three times. Here the front matter (cover and
contents) is a document of its own, and so are the parts, consecutive small ones joined
(`GROUP_CHARS`), so memory is bounded by the largest document; documents are typeset on
every core, the largest first.

What WeasyPrint would carry from one page to the next is given to each part instead:
its first page number (`@page :first { counter-reset }`), the total (`counter(pages)`),
the running header's site name, and every cross-reference's page number (`data-page`,
printed by `attr(data-page)` where the single document printed `target-counter`). Those
numbers come from the layout itself: the parts are typeset with the numbers of the last
round until the page count and every target's page stop changing (two rounds from
scratch; one when the numbers are known, e.g. from the previous build). A link to an
anchor in another part is taken out before WeasyPrint sees it (it would drop it with an
error) and put back in the merged PDF, pointing at the named destination WeasyPrint wrote
for the anchor, so contents and cross-references stay clickable.
"""

from __future__ import annotations

import functools
import html as html_lib
import io
import json
import multiprocessing
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

PART_MARK = "<!--tebiki:part-->"  # written by print/pamphlet.html.j2 before each part
CUT_MARK = "<!--tebiki:cut-->"  # where a part's own template allows a very long part to be cut
_END_MARK = "<!--tebiki:end-->"  # and after the last one
_LINK = re.compile(r'<a\b([^>]*?)\shref="#([^"]+)"')
_COVER_TITLE = re.compile(r'<h1 class="cover-title">(.*?)</h1>', re.S)
_TAG = re.compile(r"<[^>]+>")
_TARGET_COUNTER = "target-counter(attr(href), page)"
MAX_ROUNDS = 4  # numbers that still move after this many rounds: typeset as one document
# Below this size a document is typeset whole: one WeasyPrint run is quicker than two rounds.
SPLIT_FROM_CHARS = 400_000
# Parts are typeset in parallel from this size: a worker process takes seconds to import WeasyPrint.
PARALLEL_FROM_CHARS = 1_000_000
# A part longer than this is typeset in pieces, cut at its template's marks, each piece starting
# a new page: WeasyPrint's boxes for a document take about 250 bytes per character of HTML (the
# 10,000-item checklist part, 3.4 million characters, needed 1.7 GiB in one process).
PIECE_CHARS = 400_000
# Consecutive parts are typeset together up to this size. Each WeasyPrint document has a fixed
# cost (parsing the stylesheet, subsetting and embedding the fonts: about 0.5 s of CPU), which
# twenty sections of fifty items paid twenty times; a few documents per worker still balance the
# load, and the size still bounds the memory.
GROUP_CHARS = 200_000


class NoParts(Exception):
    """The document has no part marks: it is typeset whole."""


@dataclass(frozen=True)
class Split:
    head: str  # from <!DOCTYPE to <body> inclusive
    front: str  # cover and contents
    parts: list[str]
    tail: str  # </body></html>
    site_name: str  # the cover title, which names every page's running header

    @property
    def bodies(self) -> list[str]:
        return [self.front, *self.parts]


def split(html: str) -> Split:
    body = html.find("<body>")
    end = html.find(_END_MARK)
    if body < 0 or end < 0 or PART_MARK not in html:
        raise NoParts
    body += len("<body>")
    front, *parts = html[body:end].split(PART_MARK)
    title = _COVER_TITLE.search(front)
    name = html_lib.unescape(_TAG.sub("", title.group(1))).strip() if title else ""
    return Split(html[:body], front, [piece for part in parts for piece in pieces(part)], html[end:], name)


_PART_OPEN = re.compile(r'<section class="part" id="[^"]*">\s*<h1 class="part-title">(.*?)</h1>', re.S)


def pieces(part: str) -> list[str]:
    """The part itself, or if it is longer than PIECE_CHARS and marked where it may be cut, its
    pieces: each up to PIECE_CHARS where the marks allow, the later ones in a section of their
    own that names the part for the running header (pamphlet.css, `.part-continued`)."""
    opening = _PART_OPEN.search(part)
    if len(part) <= PIECE_CHARS or CUT_MARK not in part or opening is None:
        return [part]
    title = html_lib.escape(html_lib.unescape(_TAG.sub("", opening.group(1))).strip())
    chunks: list[str] = []
    for chunk in part.split(CUT_MARK):
        if chunks and len(chunks[-1]) + len(chunk) <= PIECE_CHARS:
            chunks[-1] += chunk
        else:
            chunks.append(chunk)
    reopen = f'<section class="part part-continued" data-part-title="{title}">'
    return [
        (reopen if i else "") + chunk + ("</section>" if i < len(chunks) - 1 else "") for i, chunk in enumerate(chunks)
    ]


def grouped(s: Split, chars: int) -> Split:
    """The same document with consecutive parts joined into documents of up to `chars` characters
    (a larger part stays alone). Each part starts on a page of its own, so nothing moves."""
    groups: list[str] = []
    size = chars + 1
    for part in s.parts:
        if groups and size + len(part) <= chars:
            groups[-1] += PART_MARK + part
            size += len(part)
        else:
            groups.append(part)
            size = len(part)
    return Split(s.head, s.front, groups, s.tail, s.site_name)


@dataclass(frozen=True)
class Numbers:
    """Page numbers of one round: where each document starts, the total, every anchor's page."""

    starts: tuple[int, ...]  # first page number of each document (front first)
    total: int
    pages: dict[str, int] = field(default_factory=dict)  # anchor -> page number


@dataclass(frozen=True)
class Laid:
    """What typesetting one document gave."""

    count: int  # pages
    anchors: dict[str, int]  # anchor -> page index in this document (first occurrence)
    links: list[tuple[int, tuple[float, float, float, float], str]]  # (page index, rect in pt, anchor): to other parts
    bookmarks: list[tuple[int, int, str, tuple[float, float], str]]  # (page index, level, label, point in pt, state)
    pdf: bytes | None
    warnings: list[str]


def document_of(s: Split, index: int, numbers: Numbers | None) -> str:
    """The HTML of document `index` (0: front) with the page numbers of `numbers` written in."""
    body = s.bodies[index]

    def number(match: re.Match[str]) -> str:
        anchor = html_lib.unescape(match.group(2))
        page = numbers.pages.get(anchor, 0) if numbers else 0
        return f'<a{match.group(1)} data-page="{page}" href="#{match.group(2)}"'

    return s.head.replace(_TARGET_COUNTER, "attr(data-page)") + _LINK.sub(number, body) + s.tail


def stylesheet_of(stylesheet: str, s: Split, index: int, numbers: Numbers | None) -> str:
    """The stylesheet with what one document cannot know by itself: its first page, the total, the site name."""
    start = numbers.starts[index] if numbers else 1
    total = numbers.total if numbers else 0
    css = stylesheet.replace(_TARGET_COUNTER, "attr(data-page)").replace("counter(pages)", f'"{total}"')
    css += f"\n@page :first {{ counter-reset: page {start}; }}\n"
    if index > 0:  # the cover, which sets it, is in the front document
        css += f"body {{ string-set: site-name {json.dumps(s.site_name, ensure_ascii=False)}; }}\n"
    if numbers is None:
        css += _NO_MARGIN_BOXES
    return css


# A round that only finds the numbers prints nothing, and what the page margins hold (running
# headers, page numbers) cannot move the text inside them: it is left out (about 6% of the work).
_NO_MARGIN_BOXES = (
    "@page { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }\n"
)


def lay_out(html: str, stylesheet: str, identifier: bytes, want_pdf: bool) -> Laid:
    """Typeset one document; links to anchors it does not hold are returned, not kept."""
    import logging

    from weasyprint import CSS, HTML  # imported late: loading Pango costs time every command would pay

    from .typeset import collect_warnings

    with collect_warnings(logging.getLogger("weasyprint")) as warnings:
        document = HTML(string=html).render(stylesheets=[CSS(string=stylesheet)])
        anchors: dict[str, int] = {}
        for i, page in enumerate(document.pages):
            for name in page.anchors:
                anchors.setdefault(name, i)
        foreign = []
        bookmarks = []
        for i, page in enumerate(document.pages):
            height = page.height * 0.75
            for level, label, (x, y), state in page.bookmarks:
                bookmarks.append((i, level, label, (x * 0.75, height - y * 0.75), state))
            kept = []
            for link in page.links:
                kind, target, rect, _ = link
                if kind == "internal" and target not in anchors:
                    # PDF user space: points, from the bottom left (WeasyPrint's own transform).
                    x1, y1, x2, y2 = (v * 0.75 for v in rect)
                    foreign.append((i, (x1, height - y1, x2, height - y2), target))
                else:
                    kept.append(link)
            page.links[:] = kept
        pdf = document.write_pdf(pdf_identifier=identifier) if want_pdf else None
    return Laid(len(document.pages), anchors, foreign, bookmarks, pdf, list(warnings))


def numbers_of(laid: Sequence[Laid]) -> Numbers:
    starts, page = [], 1
    pages: dict[str, int] = {}
    for result in laid:
        starts.append(page)
        for name, index in result.anchors.items():
            pages.setdefault(name, page + index)
        page += result.count
    return Numbers(tuple(starts), page - 1, pages)


def typeset_parts(
    s: Split, stylesheet: str, identifier: bytes, guess: Numbers | None = None
) -> tuple[bytes, Numbers] | None:
    """The merged PDF and its numbers; None if the numbers did not settle (typeset whole instead)."""
    s = grouped(s, GROUP_CHARS)
    if guess is not None and len(guess.starts) != len(s.bodies):
        guess = None  # numbers of documents grouped otherwise
    size = sum(len(b) for b in s.bodies)
    workers = min(os.cpu_count() or 1, len(s.bodies)) if size >= PARALLEL_FROM_CHARS else 1
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) if workers > 1 else None
    run: Callable[..., list[Laid]]
    if pool is None:
        run = lambda *args: list(map(lay_out, *args))  # noqa: E731
    else:
        run = functools.partial(_largest_first, pool)
    try:
        numbers = guess
        for _ in range(MAX_ROUNDS):
            indices = range(len(s.bodies))
            laid = run(
                [document_of(s, i, numbers) for i in indices],
                [stylesheet_of(stylesheet, s, i, numbers) for i in indices],
                [identifier] * len(s.bodies),
                [numbers is not None] * len(s.bodies),
            )
            warnings = [w for result in laid for w in result.warnings]
            if warnings:
                from .typeset import TypesetError

                raise TypesetError("\n  ".join(dict.fromkeys(warnings)))
            found = numbers_of(laid)
            if numbers is not None and found == _used(numbers, found):
                return merge(laid, found), found
            numbers = found
        return None
    finally:
        if pool is not None:
            pool.shutdown()


def _largest_first(pool: ProcessPoolExecutor, htmls: list[str], *args: list) -> list[Laid]:
    """`lay_out` over the documents, the largest started first so that no worker is left with a
    long one at the end while the others wait (the checklist part is a third of the reference)."""
    order = sorted(range(len(htmls)), key=lambda i: -len(htmls[i]))
    futures = {i: pool.submit(lay_out, htmls[i], *(a[i] for a in args)) for i in order}
    return [futures[i].result() for i in range(len(htmls))]


def _used(numbers: Numbers, found: Numbers) -> Numbers:
    """The numbers a round printed, for the anchors it found (a guess may name anchors no longer there)."""
    return Numbers(numbers.starts, numbers.total, {k: numbers.pages.get(k, 0) for k in found.pages})


def merge(laid: Sequence[Laid], numbers: Numbers) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        Fit,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter()
    for result in laid:
        assert result.pdf is not None
        writer.append(PdfReader(io.BytesIO(result.pdf)), import_outline=False)
    # One outline over all documents, nested by level as WeasyPrint nests one document's: a piece
    # of a part may start with a heading that belongs under the previous piece's.
    parents: list[tuple[int, Any]] = []
    for doc, result in enumerate(laid):
        for index, level, label, (x, y), state in result.bookmarks:
            while parents and parents[-1][0] >= level:
                parents.pop()
            item = writer.add_outline_item(
                title=label,
                page_number=numbers.starts[doc] - 1 + index,
                parent=parents[-1][1] if parents else None,
                fit=Fit.xyz(round(x, 6), round(y, 6), 0),
                is_open=state == "open",
            )
            parents.append((level, item))
    # The front document's title, author, dates and producer, as the single document had them.
    front = PdfReader(io.BytesIO(laid[0].pdf or b"")).metadata
    writer.add_metadata(dict(front or {}))
    for doc, result in enumerate(laid):
        for index, rect, target in result.links:
            page = writer.pages[numbers.starts[doc] - 1 + index]
            annotation = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Link"),
                    NameObject("/Rect"): ArrayObject(FloatObject(round(v, 6)) for v in rect),
                    NameObject("/BS"): DictionaryObject({NameObject("/W"): NumberObject(0)}),
                    NameObject("/Dest"): TextStringObject(target),
                }
            )
            writer.add_annotation(page, annotation)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
