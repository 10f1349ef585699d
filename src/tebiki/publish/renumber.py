"""The right page numbers written into a document WeasyPrint has laid out with guessed ones.

A part of a long document (publish/parts_pdf.py) is laid out before the pages of the parts
around it are known, so its cross-references (`attr(data-page)`), page numbers
(`counter(page)`) and total (`counter(tebiki-pages)`) print guesses. Where the right number
has the same width as the guess (the same count of digits, in a font whose digits are all
as wide), nothing else on the page can move: the text is replaced in the laid-out boxes and
the document is written as it stands, instead of being laid out a second time. Anything
that cannot be shown to stay in place (another width, content this does not recognise, a
number that is not found exactly once) returns False, and the caller lays the part out
again with the right numbers.

This relies on WeasyPrint's box tree (boxes.TextBox text and its deactivated Pango layout,
which is re-shaped from its `text` when drawn), verified with WeasyPrint 70
(seams.WEASYPRINT_VERIFIED_VERSIONS): with any other version nothing is replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

from ..seams import WEASYPRINT_VERIFIED_VERSIONS

TOTAL_COUNTER = "tebiki-pages"  # stands for counter(pages) in a part: parts_pdf.stylesheet_of
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Renumbering:
    """The numbers a document was laid out with and the ones it must print."""

    start_used: int
    start: int
    total_used: int
    total: int
    pages: dict[str, int]  # anchor -> page number (cross-references)


def supported() -> bool:
    return version("weasyprint").startswith(WEASYPRINT_VERIFIED_VERSIONS)


def renumber(document: Any, change: Renumbering) -> bool:
    """Write `change`'s numbers into `document` (a weasyprint Document); False if it may not be
    done in place (the document may then be half changed: it is to be laid out again)."""
    if not supported():
        return False
    from weasyprint.formatting_structure import boxes

    edits: list[tuple[Any, str]] = []
    found: dict[tuple[int, str], int] = {}  # (element, pseudo-element) -> numbers replaced
    for index, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            if isinstance(box, boxes.MarginBox):
                if not _margin(box, change.start_used + index, change.start + index, change, edits):
                    return False
            elif (box.element_tag or "").endswith(("::before", "::after")) and _shows_data_page(box.style["content"]):
                key = (id(box.element), box.element_tag)
                found[key] = found.get(key, 0) + _xref(box, change.pages, edits)
    if any(count != 1 for count in found.values()):
        return False  # a number split between boxes, or printed twice: not safe to replace
    for box, text in edits:
        if _width(box.text, box.style) != _width(text, box.style):
            return False
    for box, text in edits:
        box.text = text
        box.pango_layout.text = text  # what WeasyPrint shapes again when it draws the box
    return True


def _shows_data_page(content: object) -> bool:
    """Whether `content` is literal text without digits around one `attr(data-page)` (leaders allowed)."""
    if not isinstance(content, tuple):
        return False
    attrs = 0
    for kind, value in content:
        if kind == "attr()" and value[0] == "data-page":
            attrs += 1
        elif kind == "string" and not _DIGIT.search(value):
            continue
        elif kind == "leader()" and value[0] == "string" and not _DIGIT.search(value[1]):
            continue
        else:
            return False
    return attrs == 1


def _xref(box: Any, pages: dict[str, int], edits: list[tuple[Any, str]]) -> int:
    """Queue the replacement of the cross-reference's number in `box`; how many were found."""
    from weasyprint.formatting_structure import boxes

    element = box.element
    old = element.get("data-page")
    href = element.get("href") or ""
    if old is None or not href.startswith("#"):
        return 2  # not one of ours: counted as unsafe
    new = str(pages.get(href[1:], 0))
    pattern = re.compile(rf"(?<!\d){re.escape(old)}(?!\d)")
    count = 0
    for child in box.descendants():
        if isinstance(child, boxes.TextBox) and child is not box:
            text, n = pattern.subn(new, child.text)
            count += n
            if n and child.pango_layout.text == child.text:
                edits.append((child, text))
            elif n:
                return 2
    return count


def _margin(box: Any, used: int, page: int, change: Renumbering, edits: list[tuple[Any, str]]) -> bool:
    """Queue the new page number and total of a margin box; False if its content is not understood."""
    content = box.style["content"]
    if not isinstance(content, tuple):
        return True  # none, normal: nothing printed
    counters = [value[0] for kind, value in content if kind == "counter()"]
    if not any(name in ("page", TOTAL_COUNTER) for name in counters):
        return True  # no page number in it: it does not change
    values_used = {"page": used, TOTAL_COUNTER: change.total_used}
    values = {"page": page, TOTAL_COUNTER: change.total}
    old, new = [], []
    for kind, value in content:
        if kind == "string":
            old.append(value)
            new.append(value)
        elif kind == "counter()" and value[0] in values and value[1] == "decimal":
            old.append(str(values_used[value[0]]))
            new.append(str(values[value[0]]))
        else:
            return False
    from weasyprint.formatting_structure import boxes

    texts = [b for b in box.descendants() if isinstance(b, boxes.TextBox)]
    if len(texts) != 1 or texts[0].text != "".join(old) or texts[0].pango_layout.text != texts[0].text:
        return False
    if old != new:
        edits.append((texts[0], "".join(new)))
    return True


def _width(text: str, style: Any) -> float:
    from weasyprint.text.line_break import Layout, line_size

    layout = Layout(style)
    layout.set_text(text)
    line, _ = layout.get_first_line()
    return float(line_size(line, style)[0])
