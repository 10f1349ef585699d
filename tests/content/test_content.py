"""The content is faithful and complete: every passage of the seed reaches the site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import ROOT
from tebiki.data.guideline.load import load_guideline
from tebiki.data.guideline.model import Kind
from tebiki.text import normalise

SEED = ROOT / "guideline" / "sources" / "meti-2014-revision-slides.txt"
# A passage starts with a bullet, a note, an SME clause or an article, and runs to its full stop.
START = re.compile(r"^\s*(○|•|（※）|特に、|優越的地位|第[０-９0-9]+条)")


def seed_passages() -> list[tuple[int, str]]:
    passages: list[tuple[int, str]] = []
    current: list[str] | None = None
    for number, line in enumerate(SEED.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if START.match(line):
            current = [text]
            passages.append((number, ""))
        elif current is None or not text:
            continue
        else:
            current.append(text)
        passages[-1] = (passages[-1][0], "".join(current))
        if text.endswith("。"):
            current = None
    # The article number is held apart from the article text in the data.
    return [(n, re.sub(r"^(○|•|第[０-９0-9]+条)\s*", "", p)) for n, p in passages]


def covered(passage: str, quotes: list[str]) -> bool:
    """True if the item quotes together cover every character of the passage but punctuation."""
    target = normalise(passage)
    marks = [False] * len(target)
    for quote in quotes:
        start = target.find(quote)
        while quote and start != -1:
            marks[start : start + len(quote)] = [True] * len(quote)
            start = target.find(quote, start + 1)
    return all(m or ch in "、。（）()※" for m, ch in zip(marks, target, strict=True))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_the_seed_has_the_expected_passages() -> None:
    # Guards the extractor itself: 39 bullets, one note, three SME clauses, three articles.
    assert len(seed_passages()) == 46


@pytest.mark.parametrize(("line", "passage"), seed_passages(), ids=[f"line{n}" for n, _ in seed_passages()])
def test_every_seed_passage_is_quoted_by_items_or_on_the_site(line: int, passage: str, built_site: Path) -> None:
    guideline = load_guideline(ROOT / "guideline", ROOT)
    quotes = [normalise(i.text) for i in guideline.items()]
    quotes += [normalise(i.article.text) for i in guideline.items() if i.article]
    if covered(passage, quotes):
        return
    # A lead-in such as 「第三者から個人情報を取得する場合（※）には、」 may be quoted in a group intro.
    parser = _Text()
    for page in built_site.glob("guideline/*/index.html"):
        parser.feed(page.read_text(encoding="utf-8"))
    assert normalise(passage) in normalise("".join(parser.parts)), f"seed line {line} is not on the site: {passage}"


def test_revision_points_quote_their_articles() -> None:
    guideline = load_guideline(ROOT / "guideline", ROOT)
    articles = {s.point: [i.article.number for i in s.items() if i.article] for s in guideline.sections if s.point}
    assert articles == {1: ["第20条"], 2: ["第22条"], 3: ["第17条"]}


def test_every_item_points_to_today() -> None:
    guideline = load_guideline(ROOT / "guideline", ROOT)
    for item in guideline.items():
        assert item.today.summary
        if item.kind in (Kind.requirement, Kind.measure):
            assert item.today.rules, f"{item.id}: a requirement or measure must name today's rule"


def test_the_site_never_invents_briefing_cities() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "guideline").rglob("*.yml"))
    for city in ("札幌", "仙台", "東京都内", "名古屋", "大阪", "広島", "高松", "福岡", "那覇"):
        assert city not in text, f"{city}: the seed names no cities (FACTS §6)"
