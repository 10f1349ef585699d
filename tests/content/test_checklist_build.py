"""The checklist pages in a real strict build: what the HTML carries, and checklist coverage."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from support import ROOT
from tebiki.checks import coverage
from tebiki.data.checklist.model import Checklist
from tebiki.data.guideline.load import load_guideline
from tebiki.data.project import Paths, load_project


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    loaded = load_project(Paths.under(ROOT)).checklist
    assert loaded is not None
    return loaded


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def entry_sections(text: str) -> dict[str, str]:
    """Entry ID -> the HTML of its <section>."""
    return {
        m.group(1): m.group(0)
        for m in re.finditer(r'<section[^>]*class="tebiki-cl-entry"[^>]*id="(CL-[A-Z0-9-]+)".*?</section>', text, re.S)
    }


def test_interactive_page_embeds_the_rules_and_lists_every_entry(built_site: Path, checklist: Checklist) -> None:
    page = html(built_site, "checklist")
    raw = re.search(r'<script type="application/json" id="tebiki-checklist-data">(.*?)</script>', page, re.S)
    assert raw, "the checklist data is not embedded in the page"
    data = json.loads(raw.group(1))
    assert [e["id"] for e in data["entries"]] == [e.id for e in checklist.entries()]
    assert data["tracks"][0]["when"] == {"employees": "upto100", "over5000": "no", "contractor": "no"}
    sections = entry_sections(page)
    assert list(sections) == [e.id for e in checklist.entries()]
    for entry in checklist.entries():
        section = sections[entry.id]
        assert f'data-tebiki-checklist="{" ".join(entry.items)}"' in section
        assert 'data-track="sme standard"' in section
        # Without JavaScript every track's way is there, and the answer controls stay hidden.
        if isinstance(entry.how, dict):
            assert "中小規模事業者のやり方：" in section and "標準のやり方：" in section
        assert re.search(r'<fieldset[^>]*class="tebiki-cl-answer"[^>]*hidden', section)
    # The profile form is in the page, one fieldset with a legend per question, hidden until the script runs.
    assert re.search(r'<section[^>]*class="tebiki-cl-profile"[^>]*hidden', page)
    assert page.count('<fieldset class="tebiki-cl-question"') == len(checklist.questions)
    assert page.count("<legend>") == len(checklist.questions) + len(checklist.entries())
    assert 'role="status"' in page and 'aria-live="polite"' in page


def test_each_track_page_lists_every_entry_with_its_own_way(built_site: Path, checklist: Checklist) -> None:
    for track in checklist.tracks:
        page = html(built_site, f"checklist/{track.id}")
        assert re.search(rf"<h1[^>]*>{re.escape(track.title)}</h1>", page)
        sections = entry_sections(page)
        assert list(sections) == [e.id for e in checklist.entries()]
        for entry in checklist.entries():
            section = unescape(sections[entry.id])
            assert f'data-track="{track.id}"' in section
            assert entry.how_for(track.id).split()[0][:30] in section
            others = [t.id for t in checklist.tracks if t.id != track.id]
            if isinstance(entry.how, dict):
                for other in others:
                    if entry.how[other] != entry.how[track.id]:
                        assert entry.how[other].split()[0][:30] not in section
            assert "☐ 実施している" in section


def test_script_only_on_the_interactive_page(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(built_site).as_posix()
        assert ("assets/checklist.js" in text) == (rel == "checklist/index.html"), rel
        assert ("assets/checklist.css" in text) == rel.startswith("checklist/"), rel


def test_nav_has_the_checklist_pages(built_site: Path) -> None:
    home = html(built_site, "")
    for href, title in [
        ("checklist/", "質問に答えて確かめる"),
        ("checklist/sme/", "中小規模事業者向けの一覧"),
        ("checklist/standard/", "標準の一覧"),
    ]:
        assert re.search(rf'href="{href}"[^>]*>\s*<span class="md-ellipsis">\s*{title}', home), title


def test_checklist_coverage_per_track(built_site: Path, tmp_path: Path) -> None:
    guideline = load_guideline(ROOT / "guideline", ROOT)
    report = coverage.check(guideline, built_site)
    assert report.ok and "checklist" in report.dimensions
    row = next(r for r in report.rows if r["id"] == "SEC-TEC-01")
    assert sorted(row["coverage"]["checklist"]["where"]) == [
        "checklist/index.html#CL-LOG",
        "checklist/sme/index.html#CL-LOG",
        "checklist/standard/index.html#CL-LOG",
    ]
    # The interactive page shows every track, so drop the entry there and on one track page.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    for page in ("checklist/index.html", "checklist/sme/index.html"):
        path = site / page
        text, n = re.subn(r'<section[^>]*id="CL-LOG".*?</section>', "", path.read_text(encoding="utf-8"), flags=re.S)
        assert n == 1
        path.write_text(text, encoding="utf-8")
    report = coverage.check(guideline, site)
    assert sorted(report.gaps) == [
        "SEC-TEC-01 (measure): no checklist entry for 'sme' in the built site",
        "SEC-TEC-02 (measure): no checklist entry for 'sme' in the built site",
    ]


def test_only_the_interactive_checklist_is_indexed_for_search(built_site: Path) -> None:
    assert "data-pagefind-body" in html(built_site, "checklist")
    for track in ("sme", "standard"):
        assert "data-pagefind-body" not in html(built_site, f"checklist/{track}")
