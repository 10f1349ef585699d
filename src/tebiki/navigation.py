"""Expand `tebiki:<kind>` placeholders in the mkdocs.yml nav into generated pages.

The nav stays in mkdocs.yml where a maintainer expects it, while the list of
section pages follows the data: a new section file appears without a nav edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .generate import checklist, quiz, trainer
from .generate.pamphlet import section_path
from .generate.seminars import nav_entries
from .project import Project

PREFIX = "tebiki:"


def placeholders(project: Project) -> dict[str, list[dict[str, str]]]:
    out = {"sections": [{s.nav_title or s.title: section_path(s)} for s in project.guideline.sections]}
    if project.checklist is not None:
        out["checklists"] = [
            {project.checklist.spec.nav_title: checklist.INTERACTIVE},
            *({t.nav_title: checklist.track_path(t.id)} for t in project.checklist.tracks),
        ]
    out["seminars"] = nav_entries(project.seminars)
    out["quizzes"] = quiz.nav(project)
    out["trainers"] = trainer.nav(project)
    return out


def expand_nav(nav: Any, project: Project) -> Any:
    if nav is None:
        return None
    known = placeholders(project)

    def expand(entry: Any) -> Any:
        if isinstance(entry, list):
            return [expand(e) for e in entry]
        if isinstance(entry, dict):
            return {title: expand(value) for title, value in entry.items()}
        if isinstance(entry, str) and entry.startswith(PREFIX):
            name = entry.removeprefix(PREFIX)
            if name not in known:
                raise ValueError(
                    f"unknown nav placeholder {entry!r}; use one of: " + ", ".join(PREFIX + k for k in known)
                )
            return known[name]
        return entry

    return expand(nav)


# Group labels of the default nav, by theme.language (English for any other language).
# TODO(l10n): move into the message catalogs once they are on main.
NAV_LABELS = {
    "ja": {
        "home": "はじめに",
        "sections": "ガイドラインの内容",
        "checklists": "自社チェック",
        "seminars": "説明会と解説動画",
        "quizzes": "理解度チェック",
        "trainers": "説明会キット",
        "search": "検索",
        "sources": "出典と今のルール",
        "download": "印刷・オフライン用",
        "accessibility": "ウェブアクセシビリティ",
        "policy": "ウェブアクセシビリティ方針",
        "results": "試験結果",
    },
    "en": {
        "home": "Introduction",
        "sections": "The guideline",
        "checklists": "Self-check",
        "seminars": "Briefings and videos",
        "quizzes": "Quizzes",
        "trainers": "Trainer kits",
        "search": "Search",
        "sources": "Sources",
        "download": "Print and offline",
        "accessibility": "Accessibility",
        "policy": "Accessibility policy",
        "results": "Test results",
    },
}


def default_nav(project: Project, language: str, own_pages: Iterable[str] = ()) -> list[Any]:
    """The nav of a site whose mkdocs.yml has none: home, every kind of generated page the
    data has (as `tebiki:` placeholders, expanded later), the site's own pages (`own_pages`,
    titled by their heading), then the default pages."""
    label = NAV_LABELS.get(language.split("-")[0].lower(), NAV_LABELS["en"])
    known = placeholders(project)
    nav: list[Any] = [{label["home"]: "index.md"}]
    nav += [
        {label[kind]: PREFIX + kind}
        for kind in ("sections", "checklists", "seminars", "quizzes", "trainers")
        if known.get(kind)
    ]
    listed = {"index.md", "search.md", "download.md", "accessibility/index.md"}
    nav += [page for page in own_pages if page not in listed]
    nav += [
        {label["search"]: "search.md"},
        {label["sources"]: "sources.md"},
        {label["download"]: "download.md"},
        {
            label["accessibility"]: [
                {label["policy"]: "accessibility/index.md"},
                {label["results"]: "accessibility/results.md"},
            ]
        },
    ]
    return nav
