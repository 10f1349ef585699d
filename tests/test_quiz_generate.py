"""Quiz pages and QTI packages generated from the fixture banks (see also the golden files)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tebiki.data.project import Paths, load_project
from tebiki.generate import generate, qti
from tebiki.generate.nav import expand_nav

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def project():
    return load_project(Paths(root=MINI.parent, data=MINI, quizzes=MINI / "quizzes"))


@pytest.fixture(scope="module")
def pages(project):
    return {p.path: p.content for p in generate(project)}


def test_quiz_pages_opt_in_to_mkdocs_quiz_and_load_tebikis_additions(pages) -> None:
    for path in ("quiz/one.md", "quiz/selftest.md"):
        front = pages[path].split("---\n")[1]
        assert "template: quiz.html\nquiz:\n  enabled: true\n" in front, path
    assert "disable_after_submit: false" in pages["quiz/one.md"]  # readers may try again
    assert "disable_after_submit: true" in pages["quiz/selftest.md"]  # a test is answered once
    for path in ("quiz/index.md", "quiz/trainers.md", "quiz/answers.md", "guideline/one.md"):
        assert "enabled: true" not in pages[path] and "<quiz>" not in pages[path], path


def test_every_question_is_marked_anchored_and_kept_out_of_search(pages, project) -> None:
    text = pages["quiz/one.md"]
    for question in project.quizzes[0].questions:
        heading = re.search(rf"^## 第\d問 \{{#{question.id} (.*)\}}$", text, re.M)
        assert heading, question.id
        assert f'data-tebiki-quiz="{" ".join(question.items)}"' in heading.group(1)
    assert text.count('<div class="tebiki-question" data-pagefind-ignore>') == 3
    assert text.count("<quiz>") == text.count("</quiz>") == 3
    assert "<!-- mkdocs-quiz intro -->" in text and "<!-- mkdocs-quiz results -->" in text


def test_explanations_link_back_to_the_items_sections(pages) -> None:
    text = pages["quiz/one.md"]
    assert (
        "詳しくは：[監視を確かめる](../guideline/one.md#T-MEA-01)、[監視がなかった](../guideline/one.md#T-PRB-01)"
        in text
    )


def test_self_test_draws_the_flagged_questions(pages) -> None:
    text = pages["quiz/selftest.md"]
    assert "{#Q-T-01 " in text and "Q-T-02" not in text and "Q-T-03" not in text
    assert "全部で1問" in text


def test_answer_key_shows_answers_but_is_not_indexed_or_counted(pages) -> None:
    text = pages["quiz/answers.md"]
    assert '<div class="tebiki-answer-key" data-pagefind-ignore="all" markdown>' in text
    assert "data-tebiki-quiz" not in text  # the key does not count as quiz coverage
    assert "1. **【正解】**定期的に動いているか確かめる<br>そのとおりです。" in text
    assert "従業員が（　　　　）人以下の会社の例です。" in text and "**答え：**100" in text


def test_trainers_page_links_every_qti_package(pages) -> None:
    text = pages["quiz/trainers.md"]
    for name in ("one", "selftest"):
        for version in ("12", "21"):
            assert f"(qti/tebiki-{name}-qti{version}.zip)" in text
    assert "(answers.md)" in text


def test_item_sections_link_to_their_questions(pages) -> None:
    text = pages["guideline/one.md"]
    assert (
        "**確認クイズ：**[安全管理 第2問](../quiz/one.md#Q-T-02)、[安全管理 第3問](../quiz/one.md#Q-T-03)\n"
        '{: .tebiki-quiz-links data-pagefind-ignore="index" }\n'  # navigation, not content to search
    ) in text


def test_nav_placeholder_lists_the_quiz_pages(project) -> None:
    assert expand_nav([{"理解度チェック": "tebiki:quizzes"}], project) == [
        {
            "理解度チェック": [
                {"理解度チェックについて": "quiz/index.md"},
                {"安全管理": "quiz/one.md"},
                {"総合テスト": "quiz/selftest.md"},
                {"研修担当の方へ": "quiz/trainers.md"},
                {"解答と解説（印刷用）": "quiz/answers.md"},
            ]
        }
    ]


def test_without_banks_there_are_no_quiz_pages(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "data")
    shutil.rmtree(tmp_path / "data" / "quizzes")
    project = load_project(Paths(root=tmp_path, data=tmp_path / "data", quizzes=tmp_path / "data" / "quizzes"))
    assert not [p for p in generate(project) if p.path.startswith("quiz/")]
    assert expand_nav([{"x": "tebiki:quizzes"}], project) == [{"x": []}]


def url_of(path: str) -> str:
    return "https://example.invalid/site/" + path.removesuffix(".md") + "/"


def unzip(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name).decode("utf-8") for name in zf.namelist()}


def test_qti_packages_for_every_bank_and_version_are_reproducible(project) -> None:
    first = dict(qti.packages(project, url_of))
    assert sorted(first) == [
        "quiz/qti/tebiki-one-qti12.zip",
        "quiz/qti/tebiki-one-qti21.zip",
        "quiz/qti/tebiki-selftest-qti12.zip",
        "quiz/qti/tebiki-selftest-qti21.zip",
    ]
    assert dict(qti.packages(project, url_of)) == first  # same banks, same bytes
    for path, data in first.items():
        files = unzip(data)
        assert {"imsmanifest.xml", "assessment.xml"} <= set(files), path
        for xml in files.values():
            ElementTree.fromstring(xml.encode("utf-8"))  # well-formed


def test_qti_items_carry_ids_answers_and_explanations_with_site_links(project) -> None:
    files = unzip(dict(qti.packages(project, url_of))["quiz/qti/tebiki-one-qti12.zip"])
    assert sorted(files) == [
        "assessment.xml",
        "imsmanifest.xml",
        "items/Q-T-01.xml",
        "items/Q-T-02.xml",
        "items/Q-T-03.xml",
    ]
    single = files["items/Q-T-01.xml"]
    assert '<varequal respident="response1">Q-T-01-1</varequal>' in single  # the first choice is correct
    assert "正解「定期的に動いているか確かめる」：そのとおりです。" in single  # per-choice feedback kept
    assert '<a href="https://example.invalid/site/guideline/one/#T-MEA-01">監視を確かめる</a>' in single
    assert 'rcardinality="Multiple"' in files["items/Q-T-02.xml"]
    fill = files["items/Q-T-03.xml"]
    assert "fill_in_multiple_blanks_question" in fill and ">100</varequal>" in fill
    assert "従業員が" in fill and "人以下の会社の例です。" in fill


def test_qti_without_a_site_url_names_the_sections_without_links(project) -> None:
    files = unzip(dict(qti.packages(project, lambda path: None))["quiz/qti/tebiki-one-qti21.zip"])
    assert "「監視を確かめる」" in files["items/Q-T-01.xml"] and "href=" not in files["items/Q-T-01.xml"]
