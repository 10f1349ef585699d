"""The glossary page, and links from each generated page to it at a term's first use.

`link_first_uses` is a pure function over Markdown: it links the first occurrence of each
term in running text, and never inside front matter, code, headings, links, HTML tags,
attribute lists, admonition titles, quiz blocks or scripts, where a link would break the
page or mean nothing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..data.project import Project
from .render import render

PATH = "glossary.md"


@dataclass(frozen=True)
class Link:
    text: str  # the spelling to find
    anchor: str  # the term's ID on the glossary page


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    if project.glossary is None:
        return
    sources = {s.id: s for s in project.guideline.sources}
    content = render("glossary.md.j2", glossary=project.glossary, sources=sources, rules=project.guideline.rule_index())
    yield PATH, content, "guideline/glossary.yml"


def links(project: Project) -> list[Link]:
    if project.glossary is None:
        return []
    return [Link(word, t.id) for t in project.glossary.terms for word in t.spellings()]


# Blocks skipped whole: (start, end) line patterns.
_BLOCKS = (
    (re.compile(r"^\s*(```|~~~)"), re.compile(r"^\s*(```|~~~)")),
    (re.compile(r"^\s*<quiz\b"), re.compile(r"</quiz>")),
    (re.compile(r"^\s*<script\b"), re.compile(r"</script>")),
    (re.compile(r"^\s*<style\b"), re.compile(r"</style>")),
)
# Lines skipped: headings, admonition titles, attribute-list lines, tables' separator rows.
_SKIP_LINE = re.compile(r"^\s*(#|!!!|\?\?\?|\{:|\|?\s*:?-{3,})")
# Spans inside a line where a link must not go: inline code, links and images, HTML tags,
# attribute lists, and text already inside an <a> element.
_PROTECTED = re.compile(
    r"`[^`]*`"
    r"|!?\[[^\]]*\]\([^)]*\)"
    r"|<a\b[^>]*>.*?</a>"
    r"|<[^>]+>"
    r"|\{[#.:][^}]*\}"
)


def link_first_uses(markdown: str, terms: Iterable[Link], href: str) -> str:
    """Link the first use of each term in `markdown` to `href#anchor` (href: the glossary
    page relative to this page). A term is linked once per page, under any of its spellings."""
    pending = sorted(terms, key=lambda t: -len(t.text))
    done: set[str] = set()
    out: list[str] = []
    lines = markdown.split("\n")
    i = 0
    if lines and lines[0].strip() == "---":  # front matter
        end = next((j for j in range(1, len(lines)) if lines[j].strip() == "---"), 0)
        out.extend(lines[: end + 1])
        i = end + 1
    block_end: re.Pattern[str] | None = None
    opened: re.Match[str] | None = None
    while i < len(lines):
        line = lines[i]
        i += 1
        if block_end is not None:
            out.append(line)
            if block_end.search(line):
                block_end = None
            continue
        for opener, closer in _BLOCKS:
            opened = opener.search(line)
            if opened:
                # A fence closes on a later line; a tag may close on its own line.
                if opener.pattern == closer.pattern or not closer.search(line, opened.end()):
                    block_end = closer
                break
        if opened:
            out.append(line)
            continue
        if _SKIP_LINE.match(line) or not pending:
            out.append(line)
            continue
        out.append(_link_line(line, pending, done, href))
    return "\n".join(out)


def _link_line(line: str, pending: list[Link], done: set[str], href: str) -> str:
    # Split the line into free text and protected spans; link only in free text.
    parts: list[tuple[bool, str]] = []
    last = 0
    for m in _PROTECTED.finditer(line):
        parts.append((True, line[last : m.start()]))
        parts.append((False, m.group(0)))
        last = m.end()
    parts.append((True, line[last:]))
    result = []
    for free, text in parts:
        if free:
            text = _link_text(text, pending, done, href)
        result.append(text)
    return "".join(result)


def _joins(ch: str) -> bool:
    """A neighbour that makes the match part of a longer word: a letter, but not hiragana
    (particles and okurigana follow terms in Japanese: 個人データを, 委託する)."""
    return ch.isalpha() and not "\u3040" <= ch <= "\u309f"


def find_word(text: str, word: str) -> int:
    """The first occurrence of `word` that is a word of its own, not part of a compound
    (個人情報 in 個人情報保護委員会, 個人データ in 保有個人データ, 委託 in 委託先)."""
    at = text.find(word)
    while at != -1:
        before = text[at - 1] if at else ""
        after = text[at + len(word)] if at + len(word) < len(text) else ""
        if not (before and _joins(before)) and not (after and _joins(after)):
            return at
        at = text.find(word, at + 1)
    return -1


def _link_text(text: str, pending: list[Link], done: set[str], href: str) -> str:
    # Link the earliest first use among terms not linked yet, then look again after it.
    out = []
    while True:
        best: tuple[int, Link] | None = None
        for term in pending:
            if term.anchor in done:
                continue
            at = find_word(text, term.text)
            if at != -1 and (best is None or at < best[0] or (at == best[0] and len(term.text) > len(best[1].text))):
                best = (at, term)
        if best is None:
            out.append(text)
            return "".join(out)
        at, term = best
        done.add(term.anchor)
        out.append(text[:at])
        out.append(f"[{term.text}]({href}#{term.anchor})")
        text = text[at + len(term.text) :]


def relative_href(page: str) -> str:
    """The glossary page as seen from `page` (both relative to docs_dir)."""
    return posixpath.relpath(PATH, posixpath.dirname(page) or ".")
