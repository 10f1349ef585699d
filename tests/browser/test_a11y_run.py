"""`tebiki a11y`: the automated run behind the published test-results page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import ENGINE_SITE, copy_project, mkdocs_build, tebiki
from tebiki.checks import a11y
from tebiki.data import a11y_results

pytestmark = pytest.mark.browser


def test_a11y_run_writes_results_that_the_next_build_publishes(built_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = tebiki("a11y", "--site", str(built_site), "--out", str(out), "--page", "", "--page", "accessibility/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    /accessibility/" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    run = a11y_results.Run.model_validate(data)
    assert [p.url for p in run.pages] == ["", "accessibility/"]
    assert [p.title for p in run.pages] == [
        "サンプルガイドラインの手引き",
        "ウェブアクセシビリティ方針",
    ]  # the fixture site
    assert run.violations == 0 and run.tags == a11y.TAGS
    assert run.tool.startswith("axe-core ") and run.browser.startswith("Chromium ")
    assert "color-contrast" in {r.id for r in run.rules}
    assert run.commit == a11y_results.current_commit(Path(__file__).resolve().parents[2])

    project = copy_project(tmp_path / "project", ENGINE_SITE)
    (project / ".tebiki").mkdir()
    shutil.copy2(out, project / ".tebiki" / "a11y-results.json")
    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    page = (site / "accessibility" / "results" / "index.html").read_text(encoding="utf-8")
    assert "2ページ" in page and "問題はありませんでした" in page
    if run.commit:
        assert run.commit[:12] in page


def test_a11y_run_fails_on_a_violation(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "download" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1", '<img src="x.png"><h1', 1), encoding="utf-8")
    result = tebiki("a11y", "--site", str(site), "--page", "download/")
    assert result.returncode == 4
    assert "FAIL  /download/" in result.stdout and "image-alt" in result.stdout
