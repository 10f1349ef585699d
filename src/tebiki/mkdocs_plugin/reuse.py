"""The data loaded once per state of its files.

`mkdocs serve` reloads mkdocs.yml and makes new plugins for every rebuild, so what a rebuild
can reuse lives here, at module level: the project and its generated pages, kept while no
file they are read from changed (path, modification time and size of every file under the
data, quiz and docs folders, and the accessibility results). The files are looked at before
loading, so an edit made while loading shows as a change on the next rebuild.
"""

from __future__ import annotations

import stat

from ..data.project import Paths, Project
from ..generate import Page, quiz
from ..generate.kept import project_and_pages
from ..memo import Memo

Stamp = tuple[tuple[str, int, int], ...]

_last: dict[tuple[Paths, str, tuple[tuple[str, str], ...]], tuple[Stamp, Project, list[Page]]] = {}


def stamp(paths: Paths) -> Stamp:
    """Every input file's path, modification time and size."""
    found: list[tuple[str, int, int]] = []
    folders = (paths.data, paths.quizzes, paths.docs_dir)
    files = [p for folder in folders if folder.is_dir() for p in folder.rglob("*")]
    if paths.a11y_results is not None:
        files.append(paths.a11y_results)
    for path in files:
        try:
            st = path.stat()
        except OSError:  # gone (or never there): absent from the stamp, which is a change too
            continue
        if stat.S_ISREG(st.st_mode):
            found.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(sorted(found))


def load(paths: Paths, language: str, memo: Memo | None = None) -> tuple[Project, list[Page]]:
    """The project and its pages, loaded and generated again only if an input file changed
    (kept in memory while serving, and in `memo` between builds). Raises DataError like `load_project`."""
    key = (paths, language, tuple(sorted(quiz.quiz_buttons().items())))  # the quiz intros quote these labels
    now = stamp(paths)
    kept = _last.get(key)
    if kept is not None and kept[0] == now:
        return kept[1], kept[2]
    _last.pop(key, None)  # a failed load keeps nothing
    project, pages = project_and_pages(paths, language, memo)
    _last.clear()  # one project at a time: the one being served
    _last[key] = (now, project, pages)
    return project, pages


def forget() -> None:
    _last.clear()
