"""Self-check quizzes: question banks (model, load), their QTI packages, and the raw-syntax guard.

Banks live in `quizzes/*.yml` and refer to guideline items by ID only. The quiz
pages themselves are generated in `generate/quiz.py` and rendered by mkdocs-quiz.
"""
