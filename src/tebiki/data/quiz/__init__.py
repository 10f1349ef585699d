"""Self-check quizzes: question banks (model, load).

Banks live in `quizzes/*.yml` and refer to guideline items by ID only. The quiz
pages themselves are generated in `generate/quiz.py` and rendered by mkdocs-quiz.
"""
