"""The trainer kit in a real strict build: handouts whose QR codes decode to the configured
site_url's pages, QR images for the closing slide, decks kept out of search, slides coverage."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from support import ROOT
from tebiki.checks import coverage
from tebiki.data.project import Paths, load_project
from test_trainer import pdf_text, qr_urls

PROJECT = load_project(Paths.under(ROOT))
# MkDocs' own loader: it resolves `!ENV`, as the build does.
SITE_URL = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
pytestmark = pytest.mark.skipif(PROJECT.trainer is None, reason="the site has no trainer kit")


def test_handouts_are_published_and_their_qr_codes_open_the_published_site(built_site: Path) -> None:
    expected = [SITE_URL + "checklist/", SITE_URL + "quiz/"]
    pdfs = [built_site / "trainers" / "handout-checklist.pdf"]
    for kit in PROJECT.trainer.kits:
        pdfs += [built_site / "trainers" / kit.id / name for name in ("quiz-sheet.pdf", "answer-key.pdf")]
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert sorted(qr_urls(data)) == expected, pdf
        assert SITE_URL.removeprefix("https://") in pdf_text(data)  # the address is printed in words too


def test_the_closing_slide_shows_qr_codes_of_the_same_pages(built_site: Path) -> None:
    for name in ("checklist", "quiz"):
        svg = (built_site / "trainers" / "qr" / f"{name}.svg").read_text(encoding="utf-8")
        assert f"<title>{SITE_URL}{name}/</title>" in svg


def test_every_item_of_the_revision_points_is_on_a_slide(built_site: Path) -> None:
    report = coverage.check(PROJECT.guideline, built_site)
    assert "slides" in report.dimensions
    rule = PROJECT.guideline.meta.coverage["slides"]
    for row in report.rows:
        if row["kind"] in {k.value for k in rule.kinds}:
            assert row["coverage"]["slides"]["where"], row["id"]


def test_slides_and_the_live_quiz_stay_out_of_search(built_site: Path) -> None:
    for kit in PROJECT.trainer.kits:
        for page in (f"trainers/{kit.id}/slides", f"trainers/{kit.id}/live"):
            html = (built_site / page / "index.html").read_text(encoding="utf-8")
            assert "data-pagefind-body" not in html, page  # the site's pages have it; these are left out
    kit_page = (built_site / "trainers" / PROJECT.trainer.kits[0].id / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in kit_page
