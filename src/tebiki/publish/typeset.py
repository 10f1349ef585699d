"""HTML and CSS to PDF with WeasyPrint, for anything tebiki prints: the pamphlet and the handouts.

WeasyPrint lays out HTML for paper; Japanese text uses the system's Noto CJK fonts
(Debian fonts-noto-cjk), subset and embedded. Any warning WeasyPrint logs (bad CSS, a
missing image) is an error: a broken print must not ship silently. The PDF identifier
follows the content, so the same input gives the same bytes.

Typesetting is most of a build's time (seconds per document, and a second and a half
just to import WeasyPrint), so PDFs are kept in a cache folder keyed by everything that
shapes them: the HTML, the stylesheet, WeasyPrint's version and the fonts installed. A
rebuild whose printed content did not change reads them back. A long document (the
reference of a large guideline) is typeset part by part (publish/parts_pdf.py); the page
numbers its last typesetting found are kept beside its PDF, so that the next one starts
from them instead of an estimate.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from ..files import write_atomic
from . import parts_pdf

PAMPHLET = "tebiki-pamphlet.pdf"  # the short pamphlet (the reference, if the data describes none)
REFERENCE = "tebiki-reference.pdf"  # the item-by-item reference


class TypesetError(Exception):
    pass


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collect_warnings(logger: logging.Logger) -> Iterator[list[str]]:
    """The messages `logger` logs at WARNING or above while the block runs."""
    collect = _Collect()
    logger.addHandler(collect)
    try:
        yield collect.messages
    finally:
        logger.removeHandler(collect)


# Where fontconfig looks when `fc-list` is not installed (its default configuration on Linux).
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts")


@functools.cache
def fonts_fingerprint() -> str:
    """What changes when the installed fonts change: each font file's path, size and time.

    WeasyPrint finds fonts through fontconfig, so a font added, removed or updated may change
    every PDF; it is part of the cache key (asked once per process: about 50 ms)."""
    files: list[str] = []
    if shutil.which("fc-list"):
        listed = subprocess.run(["fc-list", "--format", "%{file}\\n"], capture_output=True, text=True, check=False)
        files = listed.stdout.splitlines()
    else:
        for folder in _FONT_DIRS:
            for dirpath, _, names in os.walk(os.path.expanduser(folder)):
                files += [os.path.join(dirpath, n) for n in names]
    described = []
    for path in sorted(set(files)):
        try:
            stat = os.stat(path)
        except OSError:
            continue
        described.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(described).encode()).hexdigest()


@dataclass(frozen=True)
class PrintJob:
    """One document to typeset: its path in the site, HTML, stylesheet and what to call it."""

    name: str
    html: str
    stylesheet: str
    what: str = "document"

    @property
    def key(self) -> str:
        parts = (version("weasyprint"), fonts_fingerprint(), self.stylesheet, self.html)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]

    def _entry(self, cache: Path) -> Path:
        return cache / f"{self._prefix}{self.key}.pdf"

    @property
    def _prefix(self) -> str:
        return self.name.removesuffix(".pdf").replace("/", "__") + "-"

    def cached(self, cache: Path | None) -> bytes | None:
        """The PDF typeset before from the same input, if the cache holds it."""
        if cache is None:
            return None
        try:
            return self._entry(cache).read_bytes()
        except FileNotFoundError:  # never typeset, or replaced by another build meanwhile
            return None

    def pdf(self, cache: Path | None) -> bytes:
        """The PDF: the cache's, or typeset now."""
        cached = self.cached(cache)
        return cached if cached is not None else self.typeset(cache)

    def _numbers_entry(self, cache: Path) -> Path:
        return cache / f"{self._prefix}numbers.json"

    def typeset(self, cache: Path | None = None) -> bytes:
        """Typeset now; with `cache`, the result replaces this document's entry there."""
        guess = _read_numbers(self._numbers_entry(cache)) if cache is not None else None
        pdf, numbers = _typeset(self.html, self.stylesheet, self.what, guess)
        if cache is not None:
            entry = self._entry(cache)
            cache.mkdir(parents=True, exist_ok=True)
            for old in cache.glob(f"{self._prefix}*.pdf"):
                if len(old.name) == len(entry.name):  # this document's, not one whose name only starts the same
                    old.unlink(missing_ok=True)
            write_atomic(entry, pdf)
            if numbers is not None:
                write_atomic(self._numbers_entry(cache), json.dumps(numbers.__dict__).encode())
        return pdf


def _read_numbers(path: Path) -> parts_pdf.Numbers | None:
    """The page numbers of a document's last typesetting, if a readable record of them is there."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return parts_pdf.Numbers(tuple(data["starts"]), int(data["total"]), dict(data["pages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def html_to_pdf(
    html: str, stylesheet: str, *, what: str = "document", cache: Path | None = None, name: str = "document"
) -> bytes:
    """Typeset `html` with `stylesheet` (CSS text); raise TypesetError naming `what` on any warning.

    With `cache` (a folder), a PDF typeset before from the same input is read from there; a new
    one replaces the entry of the same `name` (the document's path), so the folder holds one
    PDF per document."""
    return PrintJob(name, html, stylesheet, what).pdf(cache)


def _typeset(
    html: str, stylesheet: str, what: str, guess: parts_pdf.Numbers | None = None
) -> tuple[bytes, parts_pdf.Numbers | None]:
    """The PDF, and the page numbers of its parts if it was typeset part by part."""
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    if len(html) >= parts_pdf.SPLIT_FROM_CHARS:
        try:
            made = parts_pdf.typeset_parts(parts_pdf.split(html), stylesheet, identifier, guess)
        except parts_pdf.NoParts:
            made = None
        except TypesetError as exc:
            raise TypesetError(f"WeasyPrint reported problems in {what}:\n  {exc}") from None
        if made is not None:
            return made
    from weasyprint import CSS, HTML  # imported late: loading Pango costs time every command would pay

    with collect_warnings(logging.getLogger("weasyprint")) as messages:
        pdf = HTML(string=html).write_pdf(stylesheets=[CSS(string=stylesheet)], pdf_identifier=identifier)
    if messages:
        raise TypesetError(f"WeasyPrint reported problems in {what}:\n  " + "\n  ".join(messages))
    assert pdf is not None
    return pdf, None


def template_css(*parts: str) -> str:
    return files("tebiki").joinpath("theme", "templates", *parts).read_text(encoding="utf-8")


def replace_name(job: PrintJob, name: str) -> PrintJob:
    return dataclasses.replace(job, name=name)


def pamphlet_job(html: str, *, short: bool = False) -> PrintJob:
    """The short pamphlet (generate/short_pamphlet.py, its own stylesheet), or the item-by-item
    reference printed under the pamphlet's name."""
    css = template_css("print", "short.css" if short else "pamphlet.css")
    return PrintJob(PAMPHLET, html, css, "the printed pamphlet")


def reference_job(html: str) -> PrintJob:
    return PrintJob(REFERENCE, html, template_css("print", "pamphlet.css"), "the printed reference")


def pamphlet_pdf(html: str, cache: Path | None = None, *, short: bool = False) -> bytes:
    """The printed pamphlet (A4): HTML in, PDF bytes out; identical input gives identical bytes."""
    return pamphlet_job(html, short=short).pdf(cache)


def reference_pdf(html: str, cache: Path | None = None) -> bytes:
    """The item-by-item reference (A4), from generate.reference_html."""
    return reference_job(html).pdf(cache)
