"""The glossary: its loader, and the pure function that links a term's first use on a page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import edit
from tebiki.data.glossary.load import load_glossary
from tebiki.data.guideline.load import load_guideline
from tebiki.data.problems import DataError
from tebiki.generate.glossary import Link, link_first_uses, relative_href

MINI = Path(__file__).parent / "fixtures" / "mini"
TERMS = [
    Link("個人データ", "kojin-data"),
    Link("保有個人データ", "hoyu"),
    Link("委託", "itaku"),
    Link("委託先", "itaku"),
    Link("個人情報", "kojin-joho"),
]
G = "../glossary.md"


def test_only_the_first_use_is_linked() -> None:
    out = link_first_uses("個人データを守る。個人データは大切です。", TERMS, G)
    assert out == "[個人データ](../glossary.md#kojin-data)を守る。個人データは大切です。"


def test_a_term_is_linked_once_under_any_spelling() -> None:
    out = link_first_uses("委託先を選ぶ。委託するときは、委託先を監督する。", TERMS, G)
    assert out == "[委託先](../glossary.md#itaku)を選ぶ。委託するときは、委託先を監督する。"


def test_a_term_inside_a_longer_word_is_not_linked() -> None:
    out = link_first_uses("保有個人データと、個人情報保護委員会と、個人情報。", TERMS, G)
    assert "保有[個人データ]" not in out and "[個人情報]保護委員会" not in out
    assert "[保有個人データ](../glossary.md#hoyu)" in out and "[個人情報](../glossary.md#kojin-joho)。" in out


@pytest.mark.parametrize(
    "markdown",
    [
        "---\ntitle: 個人データ\n---\n",  # front matter
        "# 個人データの扱い\n",  # heading
        "### 個人データ {#X .tebiki-item}\n",
        '!!! tebiki-today "個人データ"\n',  # admonition title
        "`個人データ`\n",  # inline code
        "```\n個人データ\n```\n",  # fenced code
        "[個人データの話](other.md)\n",  # already a link
        '<span title="個人データ">x</span>\n',  # inside a tag
        "<quiz>\n個人データを選ぶ\n- [x] 個人データ\n</quiz>\n",  # quiz markup must stay as it is
        "<script>var a = '個人データ';</script>\n",
        '{: .class data-x="個人データ" }\n',  # attribute list
    ],
)
def test_no_link_where_markdown_or_html_would_break(markdown: str) -> None:
    assert link_first_uses(markdown, TERMS, G) == markdown


def test_text_after_a_skipped_block_is_linked() -> None:
    out = link_first_uses("```\n個人データ\n```\n\n# 個人データ\n\n本文の個人データ。", TERMS, G)
    assert out.endswith("本文の[個人データ](../glossary.md#kojin-data)。")
    assert out.count("](../glossary.md") == 1


def test_the_glossary_link_is_relative_to_the_page() -> None:
    assert relative_href("guideline/point1.md") == "../glossary.md"
    assert relative_href("sources.md") == "glossary.md"
    assert relative_href("quiz/point1/index.md") == "../../glossary.md"


def test_no_glossary_file_means_no_glossary(tmp_path: Path) -> None:
    data = tmp_path / "guideline"
    shutil.copytree(MINI, data)
    assert load_glossary(data, load_guideline(data, data.parent), data.parent) is None


def test_glossary_problems_are_reported_with_line_and_hint(tmp_path: Path) -> None:
    data = tmp_path / "guideline"
    shutil.copytree(MINI, data)
    (data / "glossary.yml").write_text(
        "title: 用語集\nintro: 言葉の説明です。\nterms:\n"
        "  - {id: a, term: 規定, definition: 決まり。, source: rules}\n"
        "  - {id: b, term: 措置, also: [規定], definition: 対策。, source: nowhere}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as exc:
        load_glossary(data, load_guideline(data, data.parent), data.parent)
    found = {(p.line, p.field): p for p in exc.value.problems}
    assert "'規定' is also a spelling of 'a'" in found[(5, "terms[1].term")].message
    assert "unknown source 'nowhere'" in found[(5, "terms[1].source")].message
    edit(data / "glossary.yml", "source: nowhere", "source: rules")
    edit(data / "glossary.yml", "also: [規定]", "also: [対応]")
    glossary = load_glossary(data, load_guideline(data, data.parent), data.parent)
    assert glossary is not None and [t.spellings() for t in glossary.terms] == [["規定"], ["措置", "対応"]]
