"""Tests of the shipped guideline's content, moved from test_pamphlet_pdf.py: they name its IDs, wording or counts."""

from __future__ import annotations

from pypdf import PdfReader

from tebiki.generate import print_parts

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


def test_pages_have_running_headers_and_numbers(reader: PdfReader) -> None:
    total = len(reader.pages)
    for number in (3, total):
        page = reader.pages[number - 1].extract_text()
        assert f"{number} / {total}" in page
        assert "個人情報保護 改訂ガイドラインの手引き" in page
    assert "(1) 社内の安全管理措置の強化" in reader.pages[9].extract_text()  # the part on that page
