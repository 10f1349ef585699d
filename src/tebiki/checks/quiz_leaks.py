"""Refuse to publish raw quiz syntax.

If mkdocs-quiz does not run on a page holding quizzes (a page that did not opt
in, a plugin left out of mkdocs.yml, or an engine such as Zensical that ignores
MkDocs plugins), the `<quiz>` blocks reach the HTML as they are, with the
correct answers marked `[x]` and fill-in answers in `[[…]]`, in plain sight.
This check reads the built HTML and reports every such leak; comments (where
mkdocs-quiz may keep its source), scripts, styles and code samples are ignored.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..files import html_files

_FILL_BLANK = re.compile(r"\[\[[^\]\n]+\]\]")
_QUIZ_TAG = re.compile(r"</?quiz>", re.IGNORECASE)
# What any leak leaves in a page once its character references are decoded: a quiz
# start tag, a quiz tag as text, or the brackets of a fill-in answer.
_TRACE = re.compile(r"<quiz|quiz>|\[\[", re.IGNORECASE)
_MARKS = ("<q", "<Q", "z>", "Z>")
# Text in these elements is not prose: a code sample may show quiz syntax on purpose.
_SKIP = {"script", "style", "pre", "code", "template", "textarea"}


@dataclass(frozen=True)
class Leak:
    page: str  # relative to the site root
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.what}"


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "quiz":
            self.found.append((self.getpos()[0], "raw <quiz> element (mkdocs-quiz did not render this page)"))
        elif tag in _SKIP:
            self.skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        for pattern, what in ((_QUIZ_TAG, "quiz tag as text"), (_FILL_BLANK, "fill-in answer [[…]] as text")):
            match = pattern.search(data)
            if match:
                line = self.getpos()[0] + data.count("\n", 0, match.start())
                self.found.append((line, f"{what}: {match.group(0)!r}"))


def may_leak(page: str) -> bool:
    """Whether `page` holds anything the parser below could report.

    The parser sees text with its character references decoded, so the page is
    searched decoded too: every leak it can find leaves `<quiz`, `quiz>` or `[[`
    there. Most pages hold none, and a string search costs far less than parsing
    every tag of every page, which this check did on every build.
    """
    text = html.unescape(page)
    if "[[" in text:
        return True
    # `_TRACE` ignores case, which makes the regular expression engine step through the whole
    # page (60 ms a build for 43 pages); each of its matches holds `<q`, `<Q`, `z>` or `Z>`
    # (no other character folds to q or z), found by plain string search. Most pages hold none.
    return any(mark in text for mark in _MARKS) and bool(_TRACE.search(text))


def find_leaks(site_dir: Path) -> list[Leak]:
    """Every place in the built site where quiz syntax survived as HTML or text."""
    leaks: list[Leak] = []
    for page, path in html_files(site_dir):
        text = path.read_text(encoding="utf-8")
        if not may_leak(text):
            continue
        finder = _Finder()
        finder.feed(text)
        finder.close()
        leaks += [Leak(page, line, what) for line, what in finder.found]
    return leaks
