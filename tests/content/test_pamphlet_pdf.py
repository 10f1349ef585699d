"""The printed pamphlet: an A4 PDF typeset from the data, as a trainer prints it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from support import ROOT
from tebiki.data.checklist import conditions
from tebiki.data.project import Paths, load_project
from tebiki.generate import print_parts, reference_html
from tebiki.generate.printed import PrintPart, document
from tebiki.generate.siteurl import printable
from tebiki.mkdocs_plugin.config import site_config
from tebiki.publish import typeset
from tebiki.publish.reproducible import build_date

A4 = (595.28, 841.89)  # points
# Text that only makes sense on a screen: controls, permalinks, prompts to click.
INTERACTIVE = [
    "¶",
    "クリック",
    "タップ",
    "ボタン",
    "送信",
    "答え合わせ",
    "回答する",
    "再生",
    "サイト内検索",
    "キーワードを入力",
    "JavaScript",
    "ページの先頭へ",
]


@pytest.fixture(scope="module")
def project():
    return load_project(Paths.under(ROOT))


@pytest.fixture(scope="module")
def reader(built_site: Path) -> PdfReader:
    path = built_site / typeset.REFERENCE
    assert path.exists(), "the build did not put the item-by-item reference into the site"
    return PdfReader(path)


@pytest.fixture(scope="module")
def text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_is_a4_with_cover_and_table_of_contents(reader: PdfReader, project) -> None:
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == (round(A4[0], 1), round(A4[1], 1))
    cover = reader.pages[0].extract_text()
    assert "個人情報保護 改訂ガイドラインの手引き" in cover and "2017年5月30日に廃止" in cover
    toc = reader.pages[1].extract_text()
    assert "目次" in toc
    for part in print_parts(project):
        assert part.title in toc


def test_the_cover_frames_the_reference_and_gives_the_help_line(reader: PdfReader) -> None:
    """Not official, not legal advice; the PPC's help line as checked on its page."""
    cover = "".join(reader.pages[0].extract_text().split())
    assert "経済産業省や個人情報保護委員会が作ったものではなく、法律の助言でもありません" in cover
    assert "個人情報保護法相談ダイヤル" in cover and "03-6457-9849" in cover
    assert "9:30〜17:30（土日祝日と年末年始を除く）" in cover and "ppc.go.jp/personalinfo/pipldial/" in cover
    assert "このサイトでは「通則編」と呼びます" in cover and "適用されます" not in cover


def test_pdf_has_one_bookmarked_section_per_part(reader: PdfReader, project) -> None:
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    sections = [s.title if not s.point else f"({s.point}) {s.title}" for s in project.guideline.sections]
    checklist = [project.checklist.spec.title] if project.checklist else []
    assert top == [*sections, *checklist, "出典と今のルール"]


def test_checklists_for_both_tracks_are_printed_as_tick_boxes(text: str, project) -> None:
    if project.checklist is None:
        pytest.skip("this guideline has no checklist data")
    html = reference_html(project, site_name="手引き", site_url=None, issued=dt.date(2024, 4, 1))
    checklist = project.checklist
    entries = checklist.entries()
    assert len(checklist.tracks) == 2
    # Each track's list leaves out what can never apply on it (contractors are never small businesses).
    possible = [
        (e, t)
        for t in checklist.tracks
        for e in entries
        if conditions.possible_on(e.applies_if, t.id, checklist.questions, checklist.tracks)
    ]
    assert html.count('class="box"') == len(possible)
    assert "<input" not in html and "<button" not in html and "<script" not in html
    flat = re.sub(r"\s+", "", text)
    for track in project.checklist.tracks:
        assert re.sub(r"\s+", "", track.title) in flat
    for entry in entries:
        assert re.sub(r"\s+", "", entry.title) in flat, entry.id


def test_every_item_is_printed_with_its_measures_and_todays_rule(text: str, project) -> None:
    flat = re.sub(r"\s+", "", text)
    for item in project.guideline.items():
        assert item.id in flat, f"{item.id} missing from the PDF"
        assert re.sub(r"\s+", "", item.title) in flat, item.title
    boxes = [line for line in text.splitlines() if line.strip() == "今のルールでは"]
    assert len(boxes) == len(project.guideline.items())
    assert "この対策が防ぐ問題" in flat and "この問題への対策" in flat
    for source in project.guideline.sources:
        assert re.sub(r"\s+", "", source.credit) in flat


def test_pages_have_running_headers_and_numbers(reader: PdfReader) -> None:
    total = len(reader.pages)
    for number in (3, total):
        page = reader.pages[number - 1].extract_text()
        assert f"{number} / {total}" in page
        assert "個人情報保護 改訂ガイドラインの手引き" in page
    assert "(1) 社内の安全管理措置の強化" in reader.pages[9].extract_text()  # the part on that page


def test_japanese_fonts_are_embedded(reader: PdfReader) -> None:
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                embedded.add(str(font["/BaseFont"]).split("+", 1)[-1])
    assert "Noto-Sans-CJK-JP" in embedded and "Noto-Sans-CJK-JP-Bold" in embedded


def test_nothing_interactive_is_left(reader: PdfReader, text: str) -> None:
    for word in INTERACTIVE:
        # A control's label stands alone; inside a longer word (誤送信, 再生医療) it is ordinary text.
        standalone = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
        assert not standalone, f"{word!r} makes no sense on paper"
    root = reader.trailer["/Root"]
    assert (
        "/AcroForm" not in root
        and "/OpenAction" not in root
        and "/Names" not in root
        or ("/JavaScript" not in root["/Names"])
    )
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            assert annot["/Subtype"] == "/Link" and "/URI" not in annot.get("/A", {}), "only in-document references"


def test_same_data_gives_the_same_bytes(project, built_site: Path) -> None:
    """Typeset here, without a cache, from the data, names and day the run's build typeset its
    reference from in another process: the same bytes."""
    site = site_config(ROOT / "mkdocs.yml")
    html = reference_html(project, site_name=site.name, site_url=printable(site.url), issued=build_date())
    assert typeset.reference_pdf(html) == (built_site / typeset.REFERENCE).read_bytes()


def test_a_checklist_part_prints_tick_boxes_for_both_tracks(project) -> None:
    """The checklist page kind prints through print/checklist.html.j2; this is its contract."""
    index = project.guideline.item_index()
    item = next(iter(index))
    tracks = [
        {
            "id": track,
            "title": title,
            "groups": [
                {
                    "title": "社内の安全管理",
                    "entries": [{"id": f"{track}-1", "text": "ログを確かめる", "level": "required", "items": [item]}],
                }
            ],
        }
        for track, title in (("standard", "標準の手法"), ("sme", "中小規模事業者の手法"))
    ]
    part = PrintPart("part-checklists", "チェックリスト", "print/checklist.html.j2", {"tracks": tracks, "index": index})
    html = document(
        project.guideline.meta,
        [*(p for p in print_parts(project) if p.template != part.template), part],
        site_name="手引き",
        site_url=None,
        issued=dt.date(2024, 4, 1),
    )
    assert html.count('class="box"') == 2 and "<input" not in html and "<button" not in html
    assert html.index("チェックリスト</h1>") < html.index("出典と今のルール</h1>"), "sources stay at the back"
    reader = PdfReader(__import__("io").BytesIO(typeset.pamphlet_pdf(html)))
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top[-2:] == ["チェックリスト", "出典と今のルール"]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "標準の手法" in text and "中小規模事業者の手法" in text and "必須" in text


def test_part_ids_must_be_unique(project) -> None:
    part = PrintPart("part-sources", "重複", "print/checklist.html.j2", {"tracks": [], "index": {}})
    with pytest.raises(ValueError, match="part-sources"):
        document(
            project.guideline.meta, [*print_parts(project), part], site_name="x", site_url=None, issued=dt.date.today()
        )


def test_site_links_to_the_pamphlet(built_site: Path) -> None:
    page = (built_site / "download" / "index.html").read_text(encoding="utf-8")
    assert f'href="../{typeset.PAMPHLET}"' in page and f'href="../{typeset.REFERENCE}"' in page
    assert 'href="download/"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_tebiki_pdf_writes_the_pamphlet_alone(tmp_path: Path) -> None:
    from support import tebiki

    out = tmp_path / "p.pdf"
    result = tebiki("pdf", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert PdfReader(out).outline
