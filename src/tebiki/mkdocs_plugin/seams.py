"""Where tebiki depends on other projects' markup or internals."""

from __future__ import annotations

# What mkdocs-quiz writes into a page besides the questions (which tebiki wraps in
# `data-pagefind-ignore` itself): progress widgets, the intro and results panels,
# and any quiz a hand-written page might hold. None of it belongs in search results.
SEARCH_EXCLUDE = ("#quiz-progress-sidebar", "#quiz-progress-mobile", ".quiz-intro", "#quiz-results", ".quiz")
