"""Reading coverage markers back from HTML: only real start tags count."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tebiki.checks.coverage import attributes, marked_tags, scan_site


def test_markers_in_tags_are_found_with_the_element_id(tmp_path: Path) -> None:
    page = tmp_path / "guideline" / "one" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html><body><h3 id="A-1"\n    class="x" data-tebiki-pamphlet="A-1">見出し</h3>'
        "<div title='a > b' data-tebiki-quiz=\"A-1 A-2\"></div>"
        "<p data-tebiki-checklist=A-3>x</p></body></html>",
        encoding="utf-8",
    )
    found = scan_site(tmp_path)
    assert [(m.page, m.anchor) for m in found["pamphlet"]["A-1"]] == [("guideline/one/index.html", "A-1")]
    assert set(found["quiz"]) == {"A-1", "A-2"}
    assert set(found["checklist"]) == {"A-3"}


def test_marker_text_outside_tags_marks_nothing() -> None:
    html = (
        "<p>属性 data-tebiki-pamphlet=&quot;A-1&quot; の説明</p>"
        '<!-- <h3 id="A-2" data-tebiki-pamphlet="A-2"> -->'
        "<script>const t = '<b data-tebiki-quiz=\"A-3\">';</script>"
        '<pre><code>&lt;h3 data-tebiki-pamphlet="A-4"&gt;</code></pre>'
    )
    assert marked_tags(html) == []


def _parsed_by_html_parser(tag: str) -> list[tuple[str, str | None]]:
    found: list[list[tuple[str, str | None]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append(attrs)

    parser = Parser(convert_charrefs=True)
    parser.feed(tag)
    parser.close()
    return found[0]


@pytest.mark.parametrize(
    "tag",
    [
        '<h3 id="A-1" class="x" data-tebiki-pamphlet="A-1">',
        "<div TITLE='a > b' data-tebiki-quiz=\"A-1 A-2\" hidden>",
        "<p data-tebiki-checklist=A-3 data-track='a b'>",
        '<li data-tebiki-quiz="&#65;-4 &amp;x" data-x = "1" data-y=>',
        '<div\n  data-tebiki-video="A-5"\n/>',
        '<p data-x=\'\' data-y="" data-z="&lt;\'" data-tebiki-quiz=A-6&amp;7 data-w>',
    ],
)
def test_marked_tag_attributes_read_as_the_html_parser_reads_them(tag: str) -> None:
    """The scan reads only marked tags, without the HTML parser; it must see the same attributes."""
    assert marked_tags(tag.encode()) == [tag]
    assert attributes(tag) == _parsed_by_html_parser(tag)


def test_markers_in_raw_text_elements_count_only_outside_them(tmp_path: Path) -> None:
    page = (
        "<HTML><TITLE>data-tebiki-quiz=T</TITLE><SCRIPT>var s = '<b data-tebiki-quiz=\"S\">';</SCRIPT >"
        '<textarea><i data-tebiki-quiz="X"></textarea><style>a[data-tebiki-quiz="Y"] {}</style>'
        '<scripts data-tebiki-quiz="A-1"></scripts><!-- <b data-tebiki-quiz="C"> -->'
        '<b data-tebiki-quiz="A-2">after</b><script>never closed <u data-tebiki-quiz="A-3">'
    )
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert set(scan_site(tmp_path)["quiz"]) == {"A-1", "A-2", "A-3"}


def test_an_opener_that_opens_nothing_does_not_stop_the_search_for_the_next_one() -> None:
    """A never-closed <script> or a <scripts> element is no span, but a comment after it still is."""
    page = (
        '<scripts data-tebiki-quiz="A-1"></scripts><script>never closed'
        ' <!-- <b data-tebiki-quiz="C"> --> <b data-tebiki-quiz="A-2"><title>data-tebiki-quiz=T</title>'
        '<i data-tebiki-quiz="A-3">'
    )
    assert [dict(attributes(tag))["data-tebiki-quiz"] for tag in marked_tags(page)] == ["A-1", "A-2", "A-3"]
