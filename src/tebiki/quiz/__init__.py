"""Self-check quizzes: question banks (model, load), their QTI packages, and the raw-syntax guard.

Banks live in `quizzes/*.yml` and refer to guideline items by ID only. The quiz
pages themselves are generated in `generate/quiz.py` and rendered by mkdocs-quiz.
"""

# What mkdocs-quiz writes into a page besides the questions (which tebiki wraps in
# `data-pagefind-ignore` itself): progress widgets, the intro and results panels,
# and any quiz a hand-written page might hold. None of it belongs in search results.
SEARCH_EXCLUDE = ("#quiz-progress-sidebar", "#quiz-progress-mobile", ".quiz-intro", "#quiz-results", ".quiz")
