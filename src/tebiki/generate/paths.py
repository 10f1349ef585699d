"""Where generated pages live, relative to docs_dir. Page kinds link to each other
through these functions, so they live apart from the generators that import them."""

from __future__ import annotations

from collections.abc import Callable

from ..data.guideline.model import Guideline, Section

# A docs path (e.g. guideline/point1.md) -> its absolute URL on the published site, if known.
UrlOf = Callable[[str], str | None]
# An item ID -> (its title, the link to it in its pamphlet section).
ItemLink = Callable[[str], tuple[str, str]]

SECTION_DIR = "guideline"
QUIZ_DIR = "quiz"


def section_path(section: Section) -> str:
    return f"{SECTION_DIR}/{section.id}.md"


def bank_path(bank_id: str) -> str:
    """The quiz page of a question bank."""
    return f"{QUIZ_DIR}/{bank_id}.md"


def item_link(guideline: Guideline, prefix: str = "../") -> ItemLink:
    """Links to items in their pamphlet sections; `prefix` leads from the linking page to the docs root."""
    index = guideline.item_index()

    def link(item_id: str) -> tuple[str, str]:
        section, item = index[item_id]
        return item.title, f"{prefix}{section_path(section)}#{item_id}"

    return link
