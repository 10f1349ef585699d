"""The loaded project and its pages, kept between builds (see tebiki/memo.py).

Loading validates every file and generating renders every page: some 0.3 s of CPU on the
shipped guideline, the same result for the same input files. Only a load that succeeded is
kept, so bad data is reported by every build.
"""

from __future__ import annotations

import hashlib

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
    `language`. Raises DataError like `load_project`."""
    if memo is None:
        project = load_project(paths)
        return project, generate(project)
    before = inputs_digest(paths)
    # The quiz intros quote the buttons' labels, which a site's mkdocs-quiz catalog may set.
    labels = repr(sorted(quiz.quiz_buttons().items()))
    kind, key = f"pages-{scope(paths)}", Memo.key("pages", language, labels, before)
    kept = memo.get(kind, key)
    if kept is not None:
        return kept
    project = load_project(paths)
    pages = generate(project)
    if inputs_digest(paths) == before:  # not kept if a file changed while it was read
        memo.put(kind, key, (project, pages))
    return project, pages
