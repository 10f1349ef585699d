"""The loaded project and its pages, kept between builds (see tebiki/memo.py).

Loading validates every file and generating renders every page: some 0.3 s of CPU on the
shipped guideline, the same result for the same input files. Only a load that succeeded is
kept, so bad data is reported by every build.
"""

from __future__ import annotations

import hashlib
from typing import Any, TypeGuard

from ..data.project import Paths, Project, load_project
from ..memo import Memo, add_file, add_tree
from . import Page, generate, quiz


def inputs_digest(paths: Paths) -> bytes:
    """Every file loading reads: the data, quiz and docs folders and the accessibility results."""
    digest = hashlib.sha256(repr(paths).encode())
    for folder in (paths.data, paths.quizzes, paths.docs_dir):
        add_tree(digest, folder)
    add_file(digest, paths.a11y_results)
    return digest.digest()


def scope(paths: Paths) -> str:
    """Part of an entry's kind: one project's entries never replace another's in a shared cache folder."""
    return hashlib.sha256(str(paths.root.resolve()).encode()).hexdigest()[:12]


def project_and_pages(paths: Paths, language: str, memo: Memo | None) -> tuple[Project, list[Page]]:
    """`load_project` and `generate`, read from `memo` when the same files were loaded before in
    `language`. Raises DataError like `load_project`.

    Pages are a function of the project, the language and the code alone, so an edit that leaves
    the loaded project as it was (a comment, the layout of a file, a media file's bytes) only
    loads again: the last entry's pages are reused when its project is equal to the new one."""
    if memo is None:
        project = load_project(paths)
        return project, generate(project)
    before = inputs_digest(paths)
    # The quiz intros quote the buttons' labels, which a site's mkdocs-quiz catalog may set.
    labels = repr(sorted(quiz.quiz_buttons().items()))
    made_with = memo.key("pages", language, labels)  # everything but the input files
    kind, key = f"pages-{scope(paths)}", memo.key("pages", language, labels, before)
    kept = memo.get(kind, key)
    if _is_kept(kept):
        return kept[1], kept[2]
    project = load_project(paths)
    last = memo.newest(kind)
    if _is_kept(last) and last[0] == made_with and last[1] == project:
        pages = last[2]
    else:
        pages = generate(project)
    if inputs_digest(paths) == before:  # not kept if a file changed while it was read
        memo.put(kind, key, (made_with, project, pages))
    return project, pages


def _is_kept(entry: Any) -> TypeGuard[tuple[str, Project, list[Page]]]:
    """An entry as `project_and_pages` writes it: (what it was made with, the project, its pages)."""
    return isinstance(entry, tuple) and len(entry) == 3
