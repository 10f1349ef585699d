"""A real `mkdocs build --strict`, with assertions on the HTML a reader gets."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support import ROOT, add_page, copy_project, mkdocs_build, site_pages
from tebiki.checks import coverage
from tebiki.data.guideline.load import load_guideline


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_item_has_its_anchored_section(built_site: Path) -> None:
    guideline = load_guideline(ROOT / "guideline", ROOT)
    for section in guideline.sections:
        page = html(built_site, f"guideline/{section.id}")
        for item in section.items():
            assert re.search(rf'<h3[^>]*\bid="{item.id}"', page), f"{item.id} has no section on its page"
            assert item.today.summary.split()[0][:20] in page


def test_item_pages_carry_the_abolition_notice_and_todays_rule(built_site: Path) -> None:
    guideline = load_guideline(ROOT / "guideline", ROOT)
    for section in guideline.sections:
        if section.current:  # a page about today's law, not about the abolished guideline
            continue
        page = html(built_site, f"guideline/{section.id}")
        assert "2017年5月30日に廃止されました" in page
        assert page.count("今のルールでは") >= len(section.items())


def test_pages_are_japanese_with_title_and_description(built_site: Path) -> None:
    titles = set()
    for page in site_pages(built_site):
        text = (
            (built_site / page / "index.html").read_text(encoding="utf-8")
            if not page.endswith(".html")
            else (built_site / page).read_text(encoding="utf-8")
        )
        assert '<html lang="ja"' in text, page
        title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
        assert title not in titles, f"duplicate title {title!r}"
        titles.add(title)
        if page != "404.html":
            assert re.search(r'<meta name="description" content="[^"]{10,}"', text), page


def test_no_third_party_assets_in_html(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path
        tags = re.findall(r"<(?:script|link|img|iframe|video|source)\b[^>]*>", text)
        remote = [t for t in tags if re.search(r'(?:src|href)="(?:https?:)?//', t) and 'rel="canonical"' not in t]
        assert not remote, f"{path} loads assets from another host: {remote}"


def test_search_index_is_built_with_japanese(built_site: Path) -> None:
    assert (built_site / "pagefind" / "pagefind-ui.js").exists()
    assert list((built_site / "pagefind").glob("pagefind-entry.json"))
    entry = (built_site / "pagefind" / "pagefind-entry.json").read_text()
    assert '"ja"' in entry


def test_sources_page_credits_meti_and_lists_todays_rules(built_site: Path) -> None:
    page = html(built_site, "sources")
    assert "出典：経済産業省" in page and "政府標準利用規約" in page
    assert 'id="rule-law-art23"' in page


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    section = next((project / "guideline" / "sections").glob("*.yml"))
    section.write_text(section.read_text(encoding="utf-8").replace("kind: ", "knd: ", 1), encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "knd" in result.stdout + result.stderr and section.name in result.stdout + result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (tmp_path / "site.tebiki-new").exists()


def test_failed_output_check_also_leaves_previous_site(tmp_path: Path) -> None:
    """A failure found only after the HTML is written (coverage) must not publish either."""
    project = copy_project(tmp_path / "project")
    add_page(
        project,
        "stray",
        "迷子",
        '---\ndescription: 迷子の印を含むページです。\n---\n# 迷子\n\n<p data-tebiki-pamphlet="NOPE-99">x</p>\n',
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("old", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "unknown item 'NOPE-99'" in result.stdout + result.stderr
    assert [p.name for p in site.iterdir()] == ["keep.txt"]


def test_successful_build_replaces_previous_site(tmp_path: Path, built_site: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists() and (site / "index.html").exists()


def test_removing_a_section_makes_coverage_fail(built_site: Path, tmp_path: Path) -> None:
    guideline = load_guideline(ROOT / "guideline", ROOT)
    assert coverage.check(guideline, built_site).ok
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "guideline" / "point1" / "index.html"
    text = page.read_text(encoding="utf-8")
    text, n = re.subn(r'<h3[^>]*id="SEC-TEC-01"[^>]*>.*?</h3>', "", text, flags=re.S)
    assert n == 1
    page.write_text(text, encoding="utf-8")
    report = coverage.check(guideline, site)
    assert not report.ok
    assert report.gaps == ["SEC-TEC-01 (measure): no pamphlet section in the built site"]
