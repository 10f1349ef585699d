"""One word for one thing across the built site (content review §5, "Interface strings"): the old
variants are gone from every page and from the theme's scripts, Material's own words included.
(Pagefind's interface words belong to the search tests.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

# The old variant -> why it is wrong (and what the site says instead).
OLD = {
    "コンテンツにスキップ": "Material's skip link: the site says 本文へ移動",
    "Made with": "the footer left in English",
    "まだのときは": "the next step's label: 次にやること",
    "最初の一歩": "the next step's label on slides: 次にやること",
    "コース": "a checklist track is an 一覧",
    "済んでいない必須": "the status line says まだの必須項目",
    "かつ（": "conditions are joined in words",
    "」かつ「": "conditions are joined in words",
    "が適用されます": "the banner says 基本のルールです",
    "「「": "a quote inside 「」 is written 『』 (the transcript's 「画面：…」)",
    "おつかれさまでした": "a public briefing ends with ご参加ありがとうございました",
}
LONG_VOWEL = re.compile(r"ブラウザ(?!ー)")  # JIS / 公用文 spelling: ブラウザー


def _texts(site: Path) -> dict[str, str]:
    """Every page, and the theme's own scripts (not Material's or Pagefind's bundles)."""
    files = list(site.rglob("*.html")) + list((site / "assets").glob("*.js"))
    return {str(f.relative_to(site)): f.read_text(encoding="utf-8") for f in files}


@pytest.fixture(scope="module")
def texts(built_site: Path) -> dict[str, str]:
    return _texts(built_site)


def test_no_old_variant_is_left(texts: dict[str, str]) -> None:
    found = [f"{path}: {word!r} ({why})" for path, text in texts.items() for word, why in OLD.items() if word in text]
    found += [f"{path}: ブラウザ without ー" for path, text in texts.items() if LONG_VOWEL.search(text)]
    assert not found, "\n".join(found)


def test_every_page_has_the_one_skip_link(texts: dict[str, str]) -> None:
    pages = {path: text for path, text in texts.items() if path.endswith(".html")}
    assert len(pages) > 20
    skip = re.compile(r'<a [^>]*class="md-skip[^"]*"[^>]*>\s*本文へ移動\s*</a>')
    missing = [path for path, text in pages.items() if "<body" in text and not skip.search(text)]
    assert not missing, missing


def test_the_footer_speaks_japanese(texts: dict[str, str]) -> None:
    footer = texts["index.html"].split('class="md-copyright"', 1)[1]
    assert "Material for MkDocs</a>で作成しています" in footer


def test_the_next_step_has_one_label_on_web_and_slides(texts: dict[str, str]) -> None:
    track = next(text for path, text in texts.items() if path.startswith("checklist/sme"))
    assert "次にやること：" in track
    slides = [text for path, text in texts.items() if "slides" in path or "trainer" in path]
    assert any("次にやること：" in text for text in slides)
