"""Golden tests: the Markdown generated from the fixture data, byte for byte.

Set TEBIKI_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change,
then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import assert_matches_golden
from tebiki.data.project import Paths, load_project
from tebiki.generate import generate
from tebiki.generate.nav import expand_nav

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"
GOLDEN = HERE / "golden" / "mini"


@pytest.fixture(scope="module")
def pages():
    project = load_project(Paths(root=MINI.parent, data=MINI, quizzes=MINI / "quizzes"))
    return {p.path: p for p in generate(project)}


def test_generated_paths_and_origins(pages) -> None:
    assert sorted(pages) == [
        "accessibility/results.md",
        "checklist/index.md",
        "checklist/sme.md",
        "checklist/standard.md",
        "guideline/one.md",
        "quiz/answers.md",
        "quiz/index.md",
        "quiz/one.md",
        "quiz/selftest.md",
        "quiz/trainers.md",
        "sources.md",
    ]
    assert pages["guideline/one.md"].origin == "guideline/sections/one.yml"
    assert pages["checklist/sme.md"].origin == "guideline/checklist.yml"
    assert pages["quiz/one.md"].origin == "mini/quizzes/one.yml"


@pytest.mark.parametrize(
    "path",
    [
        "guideline/one.md",
        "sources.md",
        "checklist/index.md",
        "checklist/sme.md",
        "checklist/standard.md",
        "quiz/index.md",
        "quiz/one.md",
        "quiz/selftest.md",
        "quiz/trainers.md",
        "quiz/answers.md",
    ],
)
def test_matches_golden(pages, path: str) -> None:
    assert_matches_golden(pages[path].content, GOLDEN / path)


def test_item_sections_are_anchored_and_marked(pages) -> None:
    text = pages["guideline/one.md"].content
    assert '### 監視を確かめる {#T-MEA-01 .tebiki-item data-tebiki-pamphlet="T-MEA-01"}' in text
    assert '!!! tebiki-today "今のルールでは"' in text
    assert "2017年5月30日に廃止" in text
    # Measures link to the problems they answer, and problems back to their measures.
    assert "[監視がなかった](#T-PRB-01)" in text
    assert "[監視を確かめる](#T-MEA-01)" in text


def test_nav_placeholder_expands_to_section_pages() -> None:
    project = load_project(Paths(root=MINI.parent, data=MINI, quizzes=MINI / "quizzes"))
    nav = [{"はじめに": "index.md"}, {"内容": "tebiki:sections"}, {"チェック": "tebiki:checklists"}]
    assert expand_nav(nav, project) == [
        {"はじめに": "index.md"},
        {"内容": [{"安全管理": "guideline/one.md"}]},
        {
            "チェック": [
                {"質問に答える": "checklist/index.md"},
                {"小規模の一覧": "checklist/sme.md"},
                {"標準の一覧": "checklist/standard.md"},
            ]
        },
    ]
    with pytest.raises(ValueError, match="tebiki:sections"):
        expand_nav([{"x": "tebiki:nope"}], project)
