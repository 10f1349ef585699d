"""The output checks while `mkdocs serve` runs: after the reload, not on its path.

A rebuild hands its written site, and the site lock, to a thread that runs the checks (raw quiz
syntax, coverage and the traceability page it fills), then indexes the pages and lets the next
rebuild in; meanwhile the reloaded page is already served. A failure is never a silent pass: it
is logged in the terminal, and every page carries a notice saying what failed, from the pages
of the checked build (rewritten in place) and every rebuild after it, until the checks pass.
When the result changes, the checker asks for a rebuild, so that an open tab reloads with it.

A one-off `mkdocs build` runs the same checks before the site is published and fails on any.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from ..files import html_files
from ..generate import notices

log = logging.getLogger("mkdocs.plugins.tebiki")

_START, _END = "<!-- tebiki-checks -->", "<!-- /tebiki-checks -->"
_CONTENT = re.compile(r'<article id="tebiki-content"[^>]*>')  # tebiki's main.html
_BODY = re.compile(r"<body[^>]*>")  # a template of the site's own


def with_notice(page: str, problems: Sequence[str], language: str) -> str:
    """`page` with the failed-checks notice at the top of its content, or without any notice
    when `problems` is empty."""
    start, end = page.find(_START), page.find(_END)
    if 0 <= start < end:
        page = page[:start] + page[end + len(_END) :]
    if not problems:
        return page
    match = _CONTENT.search(page) or _BODY.search(page)
    if match is None:
        return page
    notice = _START + notices.checks_failed(problems, language) + _END
    return page[: match.end()] + notice + page[match.end() :]


def mark(site_dir: Path, problems: Sequence[str], language: str) -> None:
    """Put the notice for `problems` on every built page (or take it off)."""
    for _, path in html_files(site_dir):
        before = path.read_text(encoding="utf-8")
        after = with_notice(before, problems, language)
        if after != before:
            path.write_text(after, encoding="utf-8")


def report(problems: Sequence[str], before: Sequence[str]) -> None:
    """Say in the terminal what the checks found, and when they pass again."""
    if problems:
        log.error(
            "A check of the built site failed (every page of the preview says so; `mkdocs build` would stop):\n%s",
            "\n".join(problems),
        )
    elif before:
        log.info("The checks of the built site pass again; the notice is gone from the pages.")


class Checker:
    """Runs each serve rebuild's output checks in a thread once its pages are written, one
    rebuild at a time, and keeps the newest result for the pages rendered next."""

    def __init__(self, problems: Sequence[str], on_change: Callable[[], None]) -> None:
        self.problems = tuple(problems)  # the newest result
        self._on_change = on_change
        self._thread: threading.Thread | None = None
        self._asked = False  # a rebuild was asked for to show a new result: it need not be told again

    def start(self, site_dir: Path, language: str, check: Callable[[], list[str]], then: Callable[[], None]) -> None:
        """Run `check` on the pages in `site_dir` (rendered with the current result's notice),
        then `then()` whatever happens (it indexes the pages and releases the site)."""
        self.join()
        self._thread = threading.Thread(
            target=self._run, args=(site_dir, language, check, then), name="tebiki-checks", daemon=True
        )
        self._thread.start()

    def _run(self, site_dir: Path, language: str, check: Callable[[], list[str]], then: Callable[[], None]) -> None:
        shown = problems = self.problems
        try:
            try:
                problems = tuple(check())
            except Exception as exc:  # a check that cannot run has not passed
                log.exception("tebiki: the checks of the built site could not run")
                problems = (f"The checks of the built site could not run: {exc!r}",)
            if problems != shown or not self._asked:
                report(problems, shown)
            self._asked = False
            self.problems = problems
            if problems != shown:
                try:
                    mark(site_dir, problems, language)
                except OSError as exc:  # a page removed meanwhile: the rebuild asked for below marks it
                    log.warning("tebiki: the pages could not be marked: %s", exc)
        finally:
            then()
        if problems != shown:
            self._asked = True
            self._on_change()  # rebuild, which only a rebuild's end makes an open tab reload

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
