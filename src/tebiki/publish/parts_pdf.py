"""A long printed document typeset part by part, then merged into one PDF with pypdf.

WeasyPrint holds a whole document's boxes in memory and lays a page out again whenever a
`target-counter` it points to moves: a 10,000-item reference needed gigabytes, and every
page of a 1,000-item one was laid out two or three times. Here the front matter (cover and
contents) is a document of its own, and so are the parts, consecutive small ones joined
(`GROUP_CHARS`), so memory is bounded by the largest document and what a process keeps laid
out (`HOLD_CHARS`); documents are typeset on every core, the largest first.

What WeasyPrint would carry from one page to the next is given to each part instead:
its first page number (`@page :first { counter-reset }`), the total (a counter of its own,
for `counter(pages)`), the running header's site name, and every cross-reference's page
number (`data-page`, printed by `attr(data-page)` where the single document printed
`target-counter`). Each part is laid out once, with the numbers of the previous build if
known, else estimated from the characters before each anchor, and kept by the process that
laid it out; once every part's page count is known, the right numbers are written into the
laid-out boxes where they have the width of the guess, which moves nothing
(publish/renumber.py: the same bytes as a layout with the right numbers), and only a part
whose numbers change width is laid out again. A part whose own page numbers, or the earlier
pages it points to, could change their count of digits (around page 10, 100, 1000) waits
for the parts before it and guesses from them (`prerequisites`), so that the guesses, and so
the output, never depend on which process was quicker. A link to an anchor in another part
is taken out before WeasyPrint sees it (it would drop it with an error) and put back in the
merged PDF, pointing at the named destination WeasyPrint wrote for the anchor, so contents
and cross-references stay clickable.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import html as html_lib
import io
import json
import multiprocessing
import multiprocessing.connection
import os
import pickle
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .renumber import TOTAL_COUNTER, Renumbering, renumber
from .renumber import supported as renumber_supported

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


def stylesheet_of(stylesheet: str, s: Split, index: int, numbers: Numbers | None, *, margins: bool = True) -> str:
    """The stylesheet with what one document cannot know by itself: its first page, the total, the site name.

    The total is a counter of its own (renumber.TOTAL_COUNTER), so that the margin boxes that
    print it can be told from any other text when the guessed total is replaced."""
    start = numbers.starts[index] if numbers else 1
    total = numbers.total if numbers else 0
    css = stylesheet.replace(_TARGET_COUNTER, "attr(data-page)").replace("counter(pages)", f"counter({TOTAL_COUNTER})")
    css += f"\n@page :first {{ counter-reset: page {start} {TOTAL_COUNTER} {total}; }}\n"
    if index > 0:  # the cover, which sets it, is in the front document
        css += f"body {{ string-set: site-name {json.dumps(s.site_name, ensure_ascii=False)}; }}\n"
    if not margins:
        css += _NO_MARGIN_BOXES
    return css


# A layout that only finds the numbers (a document that will not be kept) prints nothing, and what
# the page margins hold (running headers, page numbers) cannot move the text inside them: it is
# left out (about 6% of the work).
_NO_MARGIN_BOXES = (
    "@page { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }\n"
)


# Documents a worker process keeps laid out until their numbers are known, in characters of HTML
# (the boxes take about 250 bytes a character): the rest are laid out again once the numbers are known.
HOLD_CHARS = 700_000
_HELD: dict[int, Any] = {}  # in each process laying documents out: the documents kept, by index


def lay_out(html: str, stylesheet: str, identifier: bytes, want_pdf: bool, keep: int | None = None) -> Laid:
    """Typeset one document; links to anchors it does not hold are returned, not kept. With `keep`,
    the laid-out document stays in this process under that index, for `finish`."""
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
    if keep is not None and not warnings:
        _HELD[keep] = document
        # The collector would go through every kept box at each full collection while later documents
        # are laid out (a third more time with two kept): kept documents are left out of it until the
        # pool is done (freed documents are still freed, but for reference cycles). What the layout left
        # in cycles (half the objects it made) is collected first, or it would be kept with them.
        gc.collect()
        gc.freeze()
    return Laid(len(document.pages), anchors, foreign, bookmarks, pdf, list(warnings))


def finish(keep: int, change: Renumbering, identifier: bytes) -> tuple[bytes | None, list[str]]:
    """The PDF of the document kept under `keep`, its guessed numbers replaced by `change`'s;
    None if they cannot be replaced without moving anything (it must be laid out again)."""
    import logging

    from .typeset import collect_warnings

    document = _HELD.pop(keep)
    if not renumber(document, change):
        return None, []
    with collect_warnings(logging.getLogger("weasyprint")) as warnings:
        pdf = document.write_pdf(pdf_identifier=identifier)
    return pdf, list(warnings)


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
    """The merged PDF and its numbers; None if the numbers did not settle (typeset whole instead).

    Every document is laid out once with the best numbers known when it starts (the previous
    build's, or an estimate from the characters before each anchor), and kept; once every page
    count is known, the right numbers are written into the kept documents where that moves
    nothing (publish/renumber.py) and only the others are laid out again."""
    s = grouped(s, GROUP_CHARS)
    if guess is not None and len(guess.starts) != len(s.bodies):
        guess = None  # numbers of documents grouped otherwise
    size = sum(len(b) for b in s.bodies)
    workers = min(os.cpu_count() or 1, len(s.bodies)) if size >= PARALLEL_FROM_CHARS else 1
    with _Workers(workers) as pool:
        laid, held = _first_round(pool, s, stylesheet, identifier, guess)
        found = numbers_of(laid)
        final = _second_round(pool, s, stylesheet, identifier, laid, held, found)
        if all(a.count == b.count and a.anchors == b.anchors for a, b in zip(final, laid, strict=True)):
            return merge(final, found), found
        # A part laid out again took other pages: every number may have moved.
        numbers = numbers_of(final)
        for _ in range(MAX_ROUNDS):
            final = _round(pool, s, stylesheet, identifier, numbers)
            found = numbers_of(final)
            if found == _used(numbers, found):
                return merge(final, found), found
            numbers = found
        return None


def _round(pool: _Workers, s: Split, stylesheet: str, identifier: bytes, numbers: Numbers) -> list[Laid]:
    """Every document laid out and written with `numbers`, the largest first."""
    waiting = sorted(range(len(s.bodies)), key=lambda i: -len(s.bodies[i]))
    results: dict[int, Laid] = {}
    busy: dict[int, int] = {}
    while len(results) < len(s.bodies):
        for w in pool.idle(busy):
            if not waiting:
                break
            i = waiting.pop(0)
            busy[w] = i
            pool.submit(
                w, lay_out, document_of(s, i, numbers), stylesheet_of(stylesheet, s, i, numbers), identifier, True
            )
        w, result = pool.result()
        results[busy.pop(w)] = _checked(result)
    return [results[i] for i in range(len(s.bodies))]


def _first_round(
    pool: _Workers, s: Split, stylesheet: str, identifier: bytes, guess: Numbers | None
) -> tuple[list[Laid], dict[int, tuple[int, Numbers]]]:
    """Every document laid out once, the largest ready one first; kept by its worker while its
    memory allows. A document whose numbers could change their count of digits with the pages
    before it waits for those (prerequisites); its guess is made from them alone, so that the
    guesses, and so the output, do not depend on which worker was quicker."""
    n = len(s.bodies)
    need = [0] * n if guess is not None else prerequisites(s)
    waiting = sorted(range(n), key=lambda i: -len(s.bodies[i]))
    done: dict[int, Laid] = {}
    held: dict[int, tuple[int, Numbers]] = {}  # document -> (worker keeping it, numbers it was laid out with)
    load = [0] * pool.size
    busy: dict[int, int] = {}
    while len(done) < n:
        for w in pool.idle(busy):
            ready = [i for i in waiting if all(j in done for j in range(need[i]))]
            if not ready:
                break
            # What other documents wait for first, then the largest.
            needed = max((need[j] for j in waiting), default=0)
            i = min(ready, key=lambda i: (i >= needed, -len(s.bodies[i])))
            waiting.remove(i)
            numbers = guess or estimate(s, [done[j] for j in range(need[i])])
            keep = renumber_supported() and load[w] + len(s.bodies[i]) <= HOLD_CHARS
            if keep:
                load[w] += len(s.bodies[i])
                held[i] = (w, numbers)
            busy[w] = i
            html = document_of(s, i, numbers)
            css = stylesheet_of(stylesheet, s, i, numbers, margins=keep)
            pool.submit(w, lay_out, html, css, identifier, False, i if keep else None)
        w, result = pool.result()
        done[busy.pop(w)] = _checked(result)
    return [done[i] for i in range(n)], held


def _second_round(
    pool: _Workers,
    s: Split,
    stylesheet: str,
    identifier: bytes,
    laid: list[Laid],
    held: dict[int, tuple[int, Numbers]],
    found: Numbers,
) -> list[Laid]:
    """Every document's PDF with the numbers `found`: a kept document renumbered in place where
    that moves nothing, any other laid out again with them."""
    finishing = {w: [i for i, (k, _) in held.items() if k == w] for w in range(pool.size)}
    again = sorted((i for i in range(len(s.bodies)) if i not in held), key=lambda i: -len(s.bodies[i]))
    final: dict[int, Laid] = {}
    busy: dict[int, tuple[int, bool]] = {}  # worker -> (document, renumbering it)
    while len(final) < len(s.bodies):
        for w in pool.idle(busy):
            if finishing[w]:
                i = finishing[w].pop(0)
                used = held[i][1]
                change = Renumbering(used.starts[i], found.starts[i], used.total, found.total, found.pages)
                pool.submit(w, finish, i, change, identifier)
                busy[w] = (i, True)
            elif again:
                i = again.pop(0)
                html = document_of(s, i, found)
                pool.submit(w, lay_out, html, stylesheet_of(stylesheet, s, i, found), identifier, True)
                busy[w] = (i, False)
        w, result = pool.result()
        i, renumbered = busy.pop(w)
        if not renumbered:
            final[i] = _checked(result)
            continue
        pdf, warnings = result
        if warnings:
            _checked(dataclasses.replace(laid[i], warnings=warnings))
        if pdf is None:
            again.append(i)  # numbers of another width: laid out again
            again.sort(key=lambda i: -len(s.bodies[i]))
        else:
            final[i] = dataclasses.replace(laid[i], pdf=pdf)
    return [final[i] for i in range(len(s.bodies))]


def _checked(result: Laid) -> Laid:
    if result.warnings:
        from .typeset import TypesetError

        raise TypesetError("\n  ".join(dict.fromkeys(result.warnings)))
    return result


# An estimate of a page's number is trusted to have the right count of digits only this far
# (a fraction of the pages not yet laid out before it, and a few pages) from 10, 100, 1000….
ESTIMATE_SPREAD = 0.2
ESTIMATE_SLACK = 2
CHARS_PER_PAGE = 1750  # of the reference's HTML, before any part is laid out (Japanese, 1,000 items)
_ID = re.compile(r'\sid="([^"]+)"')


def estimate(s: Split, known: Sequence[Laid]) -> Numbers:
    """The numbers of every document, exact for the first len(known) (laid out), estimated after
    them from the characters before each anchor, at the rate of the parts laid out."""
    measured = [(len(s.bodies[j]), r.count) for j, r in enumerate(known) if j > 0]
    rate = sum(c for c, _ in measured) / sum(p for _, p in measured) if measured else CHARS_PER_PAGE
    starts, page = [], 1
    pages: dict[str, int] = {}
    for j, body in enumerate(s.bodies):
        starts.append(page)
        if j < len(known):
            for name, index in known[j].anchors.items():
                pages.setdefault(name, page + index)
            page += known[j].count
        else:
            for match in _ID.finditer(body):
                pages.setdefault(html_lib.unescape(match.group(1)), page + int(match.start() / rate))
            page += max(1, round(len(body) / rate))
    return Numbers(tuple(starts), page - 1, pages)


def prerequisites(s: Split) -> list[int]:
    """For each document, how many documents before it must be laid out before it starts: the
    fewest after which its page numbers, and those of the earlier pages it points to, are far
    enough from a change in their count of digits (or, if none is, all before it)."""
    guess = estimate(s, [])
    home: dict[str, int] = {}  # anchor -> document
    for j, body in enumerate(s.bodies):
        for match in _ID.finditer(body):
            home.setdefault(html_lib.unescape(match.group(1)), j)
    need = []
    for k, body in enumerate(s.bodies):
        targets = {html_lib.unescape(m.group(2)) for m in _LINK.finditer(body)}
        earlier = [(home[t], guess.pages[t]) for t in targets if t in home and home[t] < k]
        need.append(next((p for p in range(k) if _safe(guess, k, p, earlier)), k))
    return need


def _safe(guess: Numbers, k: int, p: int, earlier: list[tuple[int, int]]) -> bool:
    """Whether document `k`'s numbers keep their count of digits once the first `p` documents are
    laid out: its own page numbers and the pages it points to in the documents before it."""

    def spread(page: int) -> float:
        return ESTIMATE_SPREAD * (page - guess.starts[p]) + ESTIMATE_SLACK

    start = guess.starts[k]
    end = guess.starts[k + 1] - 1 if k + 1 < len(guess.starts) else guess.total
    if p < k and _crosses(start - spread(start), end + spread(end)):
        return False
    return not any(j >= p and _crosses(page - spread(page), page + spread(page)) for j, page in earlier)


def _crosses(low: float, high: float) -> bool:
    """Whether page numbers between `low` and `high` can have different counts of digits."""
    return len(str(max(1, int(low)))) != len(str(max(1, int(high))))


class _Workers:
    """Processes that lay documents out and keep them until their numbers are known, each given
    its own work (a kept document can only be finished where it was laid out); or, for one,
    this process itself."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._local: list[tuple[int, Any]] = []
        self._pipes: list[Any] = []
        self._processes: list[Any] = []
        if size > 1:
            context = multiprocessing.get_context("spawn")
            for _ in range(size):
                parent, child = context.Pipe()
                process = context.Process(target=_serve, args=(child,), daemon=True)
                process.start()
                child.close()
                self._pipes.append(parent)
                self._processes.append(process)

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for pipe in self._pipes:
            with contextlib.suppress(OSError):
                pipe.send(None)
            pipe.close()
        for process in self._processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
        _HELD.clear()
        gc.unfreeze()  # a full collection each time would cost seconds: once, when the pool is done

    def idle(self, busy: dict[int, Any]) -> list[int]:
        return [w for w in range(self.size) if w not in busy]

    def submit(self, worker: int, fn: Callable[..., Any], *args: Any) -> None:
        if not self._pipes:
            try:
                self._local.append((worker, ("ok", fn(*args))))
            except Exception as exc:  # raised by result(), as a worker's would be
                self._local.append((worker, ("error", exc)))
            return
        self._pipes[worker].send((fn, args))

    def result(self) -> tuple[int, Any]:
        """The next result of any worker (the worker and what its function returned)."""
        if self._pipes:
            worker = self._pipes.index(multiprocessing.connection.wait(self._pipes)[0])
            try:
                outcome = self._pipes[worker].recv()
            except EOFError:
                raise RuntimeError("a process typesetting part of the document ended unexpectedly") from None
        else:
            worker, outcome = self._local.pop(0)
        kind, value = outcome
        if kind == "error":
            assert isinstance(value, BaseException)
            raise value
        return worker, value


def _serve(pipe: Any) -> None:
    """A worker process: run the functions it is sent, one at a time, until it is sent None."""
    while True:
        try:
            message = pipe.recv()
        except EOFError:
            return
        if message is None:
            return
        fn, args = message
        try:
            outcome: tuple[str, Any] = ("ok", fn(*args))
        except Exception as exc:
            try:
                pickle.dumps(exc)
            except Exception:
                exc = RuntimeError(f"{type(exc).__name__}: {exc}")
            outcome = ("error", exc)
        pipe.send(outcome)


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
