"""Pure generators: guideline data in, Markdown pages out. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Guideline
from . import pamphlet, sources


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs_dir, e.g. "guideline/point1.md"
    content: str
    origin: str  # data file the page comes from, relative to the project root


def generate(guideline: Guideline) -> list[Page]:
    """Every generated page; each page kind contributes its own."""
    return [Page(*args) for module in (pamphlet, sources) for args in module.pages(guideline)]
