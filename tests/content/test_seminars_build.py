"""The seminar pages in a real strict build, and the video coverage dimension read from its HTML."""

from __future__ import annotations

import re
from pathlib import Path

from support import ROOT
from tebiki.checks import coverage
from tebiki.data.guideline.model import CoverageRule
from tebiki.data.project import Paths, load_project


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_the_briefing_list_marks_every_unknown_city_and_date_as_undecided(built_site: Path) -> None:
    page = html(built_site, "seminars")
    table = re.search(r'<h2 id="series-regional-2014">.*?<table>(.*?)</table>', page, re.S).group(1)
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", table, re.S)
    assert len(rows) == 8, "the seed announces 8 regional briefings"
    assert all(row[1:3] == ("未定", "未定") for row in rows)
    assert "もとの資料には、どの都市でいつ開くかは書かれていません" in page
    assert "録画も見つかっていません" in page


def test_the_video_page_plays_the_sites_own_file_with_captions(built_site: Path) -> None:
    page = html(built_site, "seminars/overview")
    assert '<source src="../../media/briefings/overview.mp4" type="video/mp4">' in page
    assert 'src="../../media/briefings/overview.ja.vtt" default>' in page
    for name in ("overview.mp4", "overview.ja.vtt", "overview-poster.png"):
        assert (built_site / "media" / "briefings" / name).is_file()
    assert page.count('data-tebiki-video="') == 5
    assert '<h3 id="transcript-overview">文字起こし</h3>' in page


def test_item_pages_link_to_the_chapter_that_explains_them(built_site: Path) -> None:
    page = html(built_site, "guideline/point1")
    section = re.search(r'<h3[^>]*id="SEC-TEC-01".*?(?=<h3)', page, re.S).group(0)
    link = re.search(r'<a href="([^"]+)">「改訂の3つのポイント」2\. 社内の安全管理措置の強化（0:24から）</a>', section)
    assert link and link.group(1) == "../../seminars/overview/#chapter-overview-2"
    assert 'id="chapter-overview-2"' in html(built_site, "seminars/overview")
    outreach = html(built_site, "guideline/outreach")
    assert '<a href="../../seminars/#series-regional-2014">' in outreach


def test_coverage_reports_video_for_every_item_without_requiring_it(built_site: Path) -> None:
    guideline = load_project(Paths.under(ROOT)).guideline
    report = coverage.check(guideline, built_site)
    assert report.ok and "video" in report.dimensions
    rows = {row["id"]: row["coverage"]["video"] for row in report.rows}
    assert len(rows) == len(guideline.items())
    assert rows["SEC-TEC-01"] == {"required": False, "where": ["seminars/overview/index.html#chapter-overview-2"]}
    assert rows["OUT-BRIEF"] == {"required": False, "where": []}


def test_requiring_video_turns_items_without_a_chapter_into_gaps(built_site: Path) -> None:
    guideline = load_project(Paths.under(ROOT)).guideline
    rules = {**guideline.meta.coverage, "video": CoverageRule(kinds=["measure"], required=True)}
    strict = guideline.model_copy(update={"meta": guideline.meta.model_copy(update={"coverage": rules})})
    report = coverage.check(strict, built_site)
    assert not report.ok
    assert "SEC-TEC-02 (measure): no video chapter in the built site" in report.gaps
    assert not any(gap.startswith("SEC-TEC-01 ") for gap in report.gaps)
    assert not any("(problem)" in gap for gap in report.gaps), "only the kinds listed are required"


def test_player_assets_only_on_the_pages_of_a_briefing(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(built_site).as_posix()
        on_session_page = rel.startswith("seminars/") and rel != "seminars/index.html"
        assert ("assets/video.js" in text) == on_session_page, rel
        assert ("assets/video.css" in text) == on_session_page, rel
