"""While serving, a quiz mkdocs-quiz turned into HTML in the last rebuild is not converted again.

mkdocs-quiz converts every quiz's question, answers and explanation on every rebuild, with a
Markdown instance of its own per quiz (about 330 conversions on the default site: a tenth of a
rebuild after a data edit), although an edit changes one quiz or none. What it makes of a quiz
depends on the quiz's source, its number on the page, the page's quiz options and catalog, and,
through the links, on what a page's rendering depends on (render_cache.page_key); so, under the
same conditions as the page cache, a quiz with the same key gets back the last rebuild's HTML
and the warnings logged while it was made. A seam on mkdocs-quiz 1.7.1's private
`MkDocsQuizPlugin._process_quiz` (tebiki/seams.py; the version is checked in on_config).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs_quiz.plugin import MkDocsQuizPlugin

from . import render_cache

_quizzes = render_cache.Kept()
_serving = False


def install(*, serving: bool) -> None:
    """Put the caching method in place (once per process); it keeps quizzes only while serving."""
    global _serving
    _serving = serving
    process: Callable[..., str] = MkDocsQuizPlugin._process_quiz
    if getattr(process, "tebiki_cached", False):
        return

    def cached(
        plugin: Any, quiz: str, quiz_id: int, options: dict[str, bool], t: Any, config: Any, page: Any, files: Any
    ) -> str:
        if not (_serving and render_cache.usable(config)):
            return process(plugin, quiz, quiz_id, options, t, config, page, files)
        catalog = repr((t.language, sorted(t.translations.items())))
        key = render_cache.page_key(page, config, files, quiz, str(quiz_id), repr(sorted(options.items())), catalog)
        found = _quizzes.get(key)
        if found is None:
            with render_cache.captured() as messages:
                html = process(plugin, quiz, quiz_id, options, t, config, page, files)
            found = (html, tuple(messages))
            _quizzes.put(key, found)
        else:
            render_cache.replay(found[1])
        return str(found[0])

    cached.tebiki_cached = True  # type: ignore[attr-defined]
    setattr(MkDocsQuizPlugin, "_process_quiz", cached)  # noqa: B010  (a method, replaced on the class)
