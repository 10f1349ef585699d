"""A slide deck as one PDF, typeset by WeasyPrint from the deck's built page.

The page is what MkDocs rendered (so the PDF shows exactly the slides of the site);
what only works on a screen is left out (scripts, the control bar, links back), and
its images (the closing slide's QR codes) are read from the built site and inlined,
since WeasyPrint is given no base URL and fetches nothing. Typeset with
theme/templates/print/slides.css and cached like the other PDFs (publish/typeset.py).
"""

from __future__ import annotations

import base64
import posixpath
import re
from importlib.resources import files
from pathlib import Path

from .typeset import PrintJob, html_to_pdf

_DROP = re.compile(r"<script\b.*?</script>|<link\b[^>]*>|<nav\b.*?</nav>", re.S | re.I)
_IMG = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(")', re.I)
_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


class SlidesPdfError(Exception):
    pass


def _inline_images(html: str, site_dir: Path, page_dir: str) -> str:
    def inline(match: re.Match[str]) -> str:
        src = match.group(2)
        if src.startswith("data:"):
            return match.group(0)
        if "://" in src or src.startswith("/"):
            raise SlidesPdfError(f"the slide image {src!r} is not a file of the site")
        path = site_dir / posixpath.normpath(posixpath.join(page_dir, src))
        kind = _TYPES.get(path.suffix.lower())
        if kind is None or not path.is_file():
            raise SlidesPdfError(f"the slide image {src!r} ({path}) is missing or of an unknown type")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"{match.group(1)}data:{kind};base64,{data}{match.group(3)}"

    return _IMG.sub(inline, html)


def job(html: str, *, site_dir: Path, page_dest: str, name: str) -> PrintJob:
    """What to typeset for the built deck page `html` (at `page_dest` in `site_dir`): its images
    are read now, so the job no longer needs the site (the preview typesets it later)."""
    printable = _inline_images(_DROP.sub("", html), site_dir, posixpath.dirname(page_dest))
    css = (files("tebiki") / "theme" / "templates" / "print" / "slides.css").read_text(encoding="utf-8")
    return PrintJob(name, printable, css, f"the slides PDF {name}")


def typeset(html: str, *, site_dir: Path, page_dest: str, cache: Path | None, name: str) -> bytes:
    """The built deck page `html` (at `page_dest` in `site_dir`) as a PDF."""
    deck = job(html, site_dir=site_dir, page_dest=page_dest, name=name)
    return html_to_pdf(deck.html, deck.stylesheet, what=deck.what, cache=cache, name=name)
