"""The trainer kit in a real strict build: handouts whose QR codes decode to the configured
site_url's pages, QR images for the closing slide, decks kept out of search, slides coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from builds import FIXTURE_ENV
from support import ENGINE_SITE
from tebiki.checks import coverage
from tebiki.data.project import Paths, load_project
from tebiki.generate.siteurl import is_placeholder
from test_trainer import pdf_text, qr_urls

PROJECT = load_project(Paths.under(ENGINE_SITE))
SITE_URL = FIXTURE_ENV["TEBIKI_SITE_URL"]  # the placeholder address the fixture site is built with
pytestmark = pytest.mark.skipif(PROJECT.trainer is None, reason="the site has no trainer kit")


def test_handouts_are_published_without_the_placeholder_address(built_site: Path) -> None:
    """The tests build with a placeholder site_url: paper then carries no QR code and no
    address (a real address is printed and encoded: tests/test_trainer.py checks that)."""
    assert is_placeholder(SITE_URL)
    pdfs = [built_site / "trainers" / "handout-checklist.pdf"]
    for kit in PROJECT.trainer.kits:
        pdfs += [built_site / "trainers" / kit.id / name for name in ("quiz-sheet.pdf", "answer-key.pdf")]
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert qr_urls(data) == [], pdf
        assert SITE_URL.removeprefix("https://") not in pdf_text(data), pdf


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


def test_every_deck_is_published_as_one_pdf_of_landscape_pages_one_per_slide(built_site: Path) -> None:
    import io
    import re

    import pypdfium2
    from pypdf import PdfReader

    from tebiki.generate import trainer

    decks = trainer.deck_paths(PROJECT)
    assert decks
    for deck in decks:
        page = (built_site / deck.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        data = (built_site / (deck.removesuffix(".md") + ".pdf")).read_bytes()
        frames = len(re.findall(r'<section[^>]*class="tebiki-frame', page))
        document = pypdfium2.PdfDocument(data)
        assert len(document) == frames, deck
        width, height = document[0].get_size()
        assert (round(width), round(height)) == (842, 595), deck  # A4 landscape
        titles = re.findall(r'class="tebiki-slide__title"[^>]*>([^<]+)<', page)
        text = "".join("".join(document[i].get_textpage().get_text_range().split()) for i in range(len(document)))
        assert all("".join(t.split()) in text for t in titles), deck
        assert "ノート" not in text and "全画面" not in text  # neither notes nor controls
        for font in PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"] or "/FontFile3" in descendant["/FontDescriptor"]
    kit = PROJECT.trainer.kits[0]
    closing = (built_site / "trainers" / kit.id / "slides.pdf").read_bytes()
    assert sorted(qr_urls(closing)) == [SITE_URL + "checklist/", SITE_URL + "quiz/"]
    kit_page = (built_site / "trainers" / kit.id / "index.html").read_text(encoding="utf-8")
    assert 'href="../slides.pdf"' in kit_page or 'href="slides.pdf"' in kit_page
