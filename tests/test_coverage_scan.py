"""Reading coverage markers back from HTML: only real start tags count."""

from __future__ import annotations

from pathlib import Path

from tebiki.coverage import marked_tags, scan_site


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
