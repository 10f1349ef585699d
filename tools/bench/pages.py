"""Which pages of a built site the page-weight and Lighthouse parts measure.

The list follows the built site rather than a fixed set of paths: the home page,
an item page, and for every other coverage dimension found in the HTML
(checklist, quiz, video…) the page that carries most of its markers. A page kind
that has not landed yet is simply not measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tebiki.checks.coverage import scan_site

ITEM_PAGE = "guideline/point1/"


@dataclass(frozen=True)
class SitePage:
    label: str  # e.g. "home", "item", "quiz page"
    path: str  # URL path relative to the site root: "" or "guideline/point1/"


def url_path(html_file: str) -> str:
    """`guideline/point1/index.html` -> `guideline/point1/`."""
    return html_file.removesuffix("index.html")


def site_pages(site: Path) -> list[SitePage]:
    pages = [SitePage("home", "")]
    found = scan_site(site)
    if (site / ITEM_PAGE / "index.html").exists():
        pages.append(SitePage("item", ITEM_PAGE))
    elif found.get("pamphlet"):
        pages.append(SitePage("item", _busiest(found["pamphlet"])))
    for dimension, markers in sorted(found.items()):
        if dimension != "pamphlet":
            pages.append(SitePage(f"{dimension} page", _busiest(markers)))
    return pages


def _busiest(markers: dict) -> str:
    counts: dict[str, int] = {}
    for where in markers.values():
        for marker in where:
            counts[marker.page] = counts.get(marker.page, 0) + 1
    return url_path(min(counts, key=lambda page: (-counts[page], page)))
