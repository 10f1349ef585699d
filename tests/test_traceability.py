"""The published traceability page: every item, and links to every place the build proved it is in."""

from __future__ import annotations

import re
from pathlib import Path

from support import ENGINE_SITE
from tebiki.checks import coverage
from tebiki.data.project import Paths, load_project

ROW = re.compile(r'<tr><th scope="row"><span class="tebiki-id">([A-Z0-9-]+)</span>.*?</tr>', re.S)
HREF = re.compile(r'<a href="\.\./([^"]*)">')


def test_the_page_lists_every_item_with_the_places_the_coverage_check_found(built_site: Path) -> None:
    page = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    guideline = load_project(Paths.under(ENGINE_SITE)).guideline
    report = coverage.check(guideline, built_site)
    rows = {m.group(1): m.group(0) for m in ROW.finditer(page)}
    assert sorted(rows) == sorted(guideline.item_index()), "one row per item"
    for row in report.rows:
        expected = sorted(w.replace("index.html#", "#") for c in row["coverage"].values() for w in c["where"])
        assert sorted(HREF.findall(rows[row["id"]])) == expected, row["id"]
    assert re.search(r"(\d+)／\1項目で", page), "every item proven"


def test_the_page_is_in_the_navigation_of_every_page(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="coverage/"[^>]*>\s*(<span[^>]*>)?\s*対応表', home)
