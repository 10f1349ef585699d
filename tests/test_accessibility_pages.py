"""The accessibility policy and the test-results page generated from the last automated run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from support import ENGINE_SITE
from tebiki import translations
from tebiki.checks import a11y
from tebiki.data import a11y_results
from tebiki.data.problems import DataError
from tebiki.data.project import Paths, load_project
from tebiki.generate import accessibility

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _run(**changes) -> a11y_results.Run:
    run = a11y_results.Run(
        date=dt.datetime(2024, 6, 10, 3, 4, tzinfo=dt.UTC),
        commit=COMMIT,
        tool="axe-core 4.10.0",
        browser="Chromium 130",
        tags=a11y.TAGS,
        pages=[
            a11y_results.PageResult(url="", title="はじめに", passed_rules=28, incomplete_rules=0),
            a11y_results.PageResult(
                url="guideline/point1/", title="社内の安全管理", passed_rules=25, incomplete_rules=1
            ),
        ],
        rules=[
            a11y_results.Rule(id="color-contrast", help="Elements must meet minimum color contrast ratio thresholds")
        ],
    )
    return run.model_copy(update=changes)


def _page(run: a11y_results.Run | None, building: str | None = COMMIT) -> str:
    project = load_project(Paths.under(ENGINE_SITE))
    project = dataclasses.replace(project, a11y=a11y_results.Results(run=run, building=building))
    [(path, text, origin)] = accessibility.pages(project)
    assert path == "accessibility/results.md" and origin == ".tebiki/a11y-results.json"
    return text


def test_results_page_reports_date_commit_tool_rules_and_every_page() -> None:
    text = _page_in("Asia/Tokyo", "ja", _run())
    assert "2024年6月10日 12:04（日本標準時）" in text  # in the time zone of the data (Asia/Tokyo), named
    assert "`0123456789ab`" in text and "axe-core 4.10.0" in text and "Chromium 130" in text
    assert "WCAG 2.0 レベルAA" in text and "WCAG 2.2 レベルAA" in text
    assert "2ページ" in text and "| 社内の安全管理 | `guideline/point1/` | 0 | 25 | 1 |" in text
    assert "問題はありませんでした" in text
    assert "`color-contrast`" in text
    assert "別の版" not in text


def test_results_page_lists_violations_when_there_are_some() -> None:
    page = a11y_results.PageResult(
        url="search/",
        title="検索",
        violations=[
            a11y_results.Violation(rule="label", impact="critical", help="Form elements must have labels", nodes=2)
        ],
        passed_rules=20,
        incomplete_rules=0,
    )
    text = _page(_run(pages=[page]))
    assert "1件の問題が見つかりました" in text
    assert "- `label`（critical、2か所）：Form elements must have labels" in text


def test_results_page_says_when_results_belong_to_another_version() -> None:
    text = _page(_run(), building="fedcba9876543210fedcba9876543210fedcba98")
    assert "別の版（0123456）で測定したもの" in text and "いまの版（fedcba9）" in text


def test_results_page_says_when_no_run_has_been_made() -> None:
    text = _page(None)
    assert "まだ自動試験を実施していません" in text
    assert "試験日時" not in text


def test_a_damaged_results_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / ".tebiki" / "a11y-results.json"
    path.parent.mkdir()
    path.write_text('{"date": "yesterday"}', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        a11y_results.load(path, tmp_path)
    assert ".tebiki/a11y-results.json" in str(caught.value) and "tebiki a11y" in str(caught.value)


def test_results_round_trip_through_the_file(tmp_path: Path) -> None:
    out = a11y.write(_run(), tmp_path / "r.json")
    assert a11y_results.load(out, tmp_path) == _run()


def test_policy_page_states_target_scope_exceptions_and_links_results(built_site: Path) -> None:
    page = (built_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "JIS X 8341-3:2016" in page and "適合レベルAA" in page
    for heading in ("目標とする適合レベル", "対象範囲", "例外", "試験の方法", "見直し"):
        assert f">{heading}</h2>" in page, heading
    assert 'href="results/"' in page
    assert "印刷用パンフレット（PDF）" in page
    results = (built_site / "accessibility" / "results" / "index.html").read_text(encoding="utf-8")
    assert "ウェブアクセシビリティ試験結果" in results


def test_tool_texts_are_shown_as_text_not_markup() -> None:
    """axe's rule names quote HTML ("<title>"): left raw, they would swallow the rest of the page."""
    text = _page(_run(rules=[a11y_results.Rule(id="document-title", help="Documents must have <title> element")]))
    assert "Documents must have &lt;title&gt; element" in text and "<title>" not in text


def _page_in(zone: str | None, language: str, run: a11y_results.Run) -> str:
    project = load_project(Paths.under(ENGINE_SITE))
    meta = project.guideline.meta
    meta = (
        meta.model_copy(update={"time_zone": zone})
        if zone
        else type(meta).model_validate(meta.model_dump(exclude={"time_zone"}))
    )
    project = dataclasses.replace(
        project,
        guideline=project.guideline.model_copy(update={"meta": meta}),
        a11y=a11y_results.Results(run=run, building=COMMIT),
    )
    with translations.using(language):
        [(_, text, _)] = accessibility.pages(project)
    return text


@pytest.mark.parametrize(
    ("zone", "language", "shown"),
    [
        (None, "en", "June 10, 2024 3:04\u202fAM (Coordinated Universal Time)"),  # the default: UTC
        (None, "ja", "2024年6月10日 3:04（協定世界時）"),
        ("Europe/London", "en", "June 10, 2024 4:04\u202fAM (British Summer Time)"),  # daylight saving, named
        ("America/New_York", "ja", "2024年6月9日 23:04（米国東部夏時間）"),  # the day before, there
    ],
)
def test_the_time_of_the_run_is_shown_in_the_sites_time_zone_with_the_zone_named(
    zone: str | None, language: str, shown: str
) -> None:
    assert shown in _page_in(zone, language, _run())


def test_an_unknown_time_zone_is_a_data_problem_with_an_example(tmp_path: Path) -> None:
    data = tmp_path / "guideline"
    shutil.copytree(Path(__file__).parent / "fixtures" / "mini", data)
    meta = data / "guideline.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "time_zone: Mars/Olympus\n", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_project(Paths(root=tmp_path, data=data, quizzes=data / "quizzes"))
    [problem] = exc.value.problems
    assert problem.file == "guideline/guideline.yml" and problem.line > 0
    assert problem.field == "time_zone" and "'Mars/Olympus' is not the name of a time zone" in problem.message
    assert "Asia/Tokyo" in problem.hint
