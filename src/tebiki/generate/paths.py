"""Where generated pages live, relative to docs_dir. Page kinds link to each other
through these functions, so they live apart from the generators that import them."""

from __future__ import annotations

from collections.abc import Callable

from ..data.guideline.model import Section

# A docs path (e.g. guideline/point1.md) -> its absolute URL on the published site, if known.
UrlOf = Callable[[str], str | None]

SECTION_DIR = "guideline"
QUIZ_DIR = "quiz"


def section_path(section: Section) -> str:
    return f"{SECTION_DIR}/{section.id}.md"


def bank_path(bank_id: str) -> str:
    """The quiz page of a question bank."""
    return f"{QUIZ_DIR}/{bank_id}.md"
