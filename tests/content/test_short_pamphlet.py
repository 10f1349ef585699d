"""The short printed pamphlet, as an SME owner reads it: a few A4 pages in colour, each
sheet on one page with nothing running over its margins, fonts embedded, from the data."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdfium2
import pytest
from pypdf import PdfReader

from support import ROOT
from tebiki.data.project import Paths, load_project
from tebiki.generate import pamphlet_html, short_pamphlet
from tebiki.publish import typeset

A4 = (595.28, 841.89)  # points
MM = 72 / 25.4  # points per millimetre
MARGINS = {"top": 16, "right": 16, "bottom": 18, "left": 16}  # short.css @page, in mm
SHEETS = re.compile(r'<section class="sheet[ "]')


def squash(text: str) -> str:
    return "".join(text.split()).replace("\ufffe", "-")  # pdfium marks a hyphen at a line break


@pytest.fixture(scope="module")
def project():
    return load_project(Paths.under(ROOT))


@pytest.fixture(scope="module")
def html(project) -> str:
    return pamphlet_html(project, site_name="手引き", site_url="https://example.org/t/", issued=dt.date(2026, 4, 1))


@pytest.fixture(scope="module")
def data(html: str) -> bytes:
    return typeset.pamphlet_pdf(html, short=True)


@pytest.fixture(scope="module")
def pages(data: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(data)
    return [squash(document[i].get_textpage().get_text_range()) for i in range(len(document))]


def test_every_sheet_is_exactly_one_a4_page(html: str, data: bytes, pages: list[str]) -> None:
    """A sheet whose content overflowed would run onto a page of its own."""
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(SHEETS.findall(html)) <= 8  # short: read in five minutes
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4


def test_nothing_is_printed_in_the_margins(data: bytes) -> None:
    """Rendered to pixels: outside each page's content area only the page number appears."""
    document = pypdfium2.PdfDocument(data)
    scale = 2
    for i in range(len(document)):
        image = document[i].render(scale=scale).to_pil().convert("L")
        width, height = image.size
        px = scale * MM  # pixels per mm
        top, right, bottom, left = (round(MARGINS[k] * px) - 2 for k in ("top", "right", "bottom", "left"))
        footer = (round(width / 2 - 25 * px), round(width / 2 + 25 * px))  # the page number, centred
        strips = [
            (0, 0, width, top),
            (0, 0, left, height),
            (width - right, 0, width, height),
            (0, height - bottom, footer[0], height),
            (footer[1], height - bottom, width, height),
        ]
        for box in strips:
            darkest = image.crop(box).getextrema()[0]
            assert darkest > 245, f"page {i + 1}: ink in the margin {box}"


def test_fonts_are_embedded(data: bytes) -> None:
    reader = PdfReader(io.BytesIO(data))
    fonts = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            font = descendants[0].get_object() if descendants else font
            descriptor = font["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
            fonts += 1
    assert fonts


def test_cover_carries_the_one_message_and_the_three_points(project, pages: list[str]) -> None:
    pamphlet = project.guideline.meta.pamphlet
    assert squash(pamphlet.message) in pages[0]
    for section in (s for s in project.guideline.sections if s.point):
        assert squash(section.title) in pages[0]
    assert "2017年5月30日に廃止" in pages[0]  # honest about today's law from the first page


def test_what_to_do_first_has_every_step_and_where_to_read_more(project, pages: list[str]) -> None:
    index = project.guideline.item_index()
    assert pages[1].startswith("今やること")
    for step in project.guideline.meta.pamphlet.first_steps:
        assert squash(step.text) in pages[1]
        for ref in step.items:
            assert squash(index[ref][1].title) in pages[1] and ref in pages[1]


def test_one_page_per_revision_point_in_the_order_problem_measures_sme_today(project, pages) -> None:
    for point in short_pamphlet.points(project):
        page = next(p for p in pages if squash(point.section.title) in p and "何が問題だったか" in p)
        how = project.checklist.tracks[0].how_label
        order = [page.index(h) for h in ("何が問題だったか", "求められた対策", how, "今のルールでは")]
        assert order == sorted(order), point.section.id
        for item in point.problems + point.measures:
            assert squash(item.title) in page, item.id
        for label in point.rules:
            assert squash(label) in page


def test_the_self_check_is_a_one_page_tick_sheet_of_the_required_entries(project, pages) -> None:
    sheet = next(p for p in pages if p.startswith("自己点検"))
    required = [e for e in project.checklist.entries() if e.level.value == "required"]
    assert required and all(squash(e.title) in sheet for e in required)


def test_the_last_page_says_where_to_ask(project, pages) -> None:
    for contact in project.guideline.meta.pamphlet.contacts:
        assert squash(contact.name) in pages[-1]
        if contact.phone:
            assert contact.phone in pages[-1]


def test_the_steps_are_printed_in_their_colours(data: bytes, project) -> None:
    """Problem red, measures blue, the SME way green, today's rule purple (the words say it too)."""
    document = pypdfium2.PdfDocument(data)
    page = document[2].render(scale=1).to_pil().convert("RGB")
    colours = {colour for _, colour in page.getcolors(maxcolors=1 << 20)}
    for rgb in ((0xB7, 0x1C, 0x1C), (0x0D, 0x47, 0xA1), (0x1B, 0x5E, 0x20), (0x4A, 0x14, 0x8C)):
        assert any(all(abs(a - b) <= 12 for a, b in zip(c, rgb, strict=True)) for c in colours), rgb


def test_the_published_site_has_the_pamphlet_and_the_reference(built_site) -> None:
    short = PdfReader(built_site / typeset.PAMPHLET)
    reference = PdfReader(built_site / typeset.REFERENCE)
    assert len(short.pages) <= 8 < len(reference.pages)


def test_the_last_page_frames_the_pamphlet_and_gives_the_checked_help_line(project, pages) -> None:
    """Not official, not legal advice, and the PPC's help line with the page its number and hours
    were checked on (https://www.ppc.go.jp/personalinfo/pipldial/: 03-6457-9849, 9:30〜17:30,
    土日祝日及び年末年始を除く)."""
    back = pages[-1]
    assert squash("経済産業省や個人情報保護委員会が作ったものではなく、法律の助言でもありません") in back
    assert "03-6457-9849" in back and squash("9:30〜17:30（土日祝日と年末年始を除く）") in back
    assert "https://www.ppc.go.jp/personalinfo/pipldial/" in back
    assert squash("電話番号と受付時間は、2026年12月1日に上のサイトで確かめたものです") in back


def test_the_cover_says_what_applies_today_in_plain_words(pages) -> None:
    cover = pages[0]
    assert squash("今は、個人情報保護委員会「個人情報の保護に関する法律についてのガイドライン（通則編）」") in cover
    assert squash("が基本のルールです") in cover
    assert squash("このサイトでは「通則編」と呼びます") in cover
    assert "適用されます" not in cover
