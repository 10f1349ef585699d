"""Content tests: what the site tells an SME is right under today's law.

Engine tests check that tebiki works; these check the shipped guideline data and the built
site: required vs recommended rests on the wording quoted, breach reporting reaches every
track, and nothing meant for paper carries a placeholder address.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_text import pdf_text
from support import ROOT, edit
from tebiki.data.checklist.load import load_checklist
from tebiki.data.checklist.model import Checklist, Level
from tebiki.data.deontic import MARKERS, Force, Markers, check_level
from tebiki.data.guideline.load import load_guideline
from tebiki.data.guideline.model import Guideline
from tebiki.data.problems import DataError
from tebiki.generate.siteurl import is_placeholder, printable

MINI = Path(__file__).parent.parent / "fixtures" / "mini"
JA = MARKERS["ja"]


@pytest.fixture(scope="module")
def guideline() -> Guideline:
    return load_guideline(ROOT / "guideline", ROOT)


@pytest.fixture(scope="module")
def checklist(guideline: Guideline) -> Checklist:
    result = load_checklist(ROOT / "guideline", guideline, ROOT)
    assert result is not None
    return result


# ---- the deontic rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "force"),
    [
        ("個人データの取扱状況を確認するための手段を整備しなければならない。", Force.required),
        ("偽りその他不正の手段により個人情報を取得してはならない。", Force.required),
        ("委託先に不当な負担を課すことがあってはならない。", Force.required),
        ("基本方針を策定することが重要である。", Force.recommended),
        ("定期的に監査を行うことが望ましい。", Force.recommended),
        ("記録の整備を通じて、検証を可能とすることが考えられる。", Force.recommended),
        ("適正な取扱いの確保に努めなければならない。", Force.recommended),  # 努める: not a duty
        ("入退室管理及び持ち込む機器等の制限等", Force.neutral),  # an item of an example list
    ],
)
def test_japanese_sentences_have_the_ppc_force(sentence: str, force: Force) -> None:
    assert JA.force(sentence) is force


@pytest.mark.parametrize(
    ("sentence", "force"),
    [
        ("Every organisation shall check its records.", Force.required),
        ("Staff must not take records home.", Force.required),
        ("The person in charge should review the list once a month.", Force.recommended),
        ("For example, keep a log of who opened the room.", Force.recommended),
        ("A mayoral office keeps records.", Force.neutral),  # "may" only as a whole word
    ],
)
def test_english_sentences_have_the_same_force(sentence: str, force: Force) -> None:
    assert MARKERS["en"].force(sentence) is force


def test_a_level_must_match_its_basis() -> None:
    quotes = {"duty": "措置を講じなければならない。", "example": "監査することが望ましい。", "bare": None}
    assert check_level("CL-A", "required", ["duty", "example"], quotes, JA) is None
    assert check_level("CL-B", "recommended", ["example"], quotes, JA) is None
    no_duty = check_level("CL-C", "required", ["example", "bare"], quotes, JA)
    assert no_duty is not None and "no rule in `basis` quotes a rule sentence" in no_duty.message
    a_duty = check_level("CL-D", "recommended", ["duty", "example"], quotes, JA)
    assert a_duty is not None and "duty quotes a rule sentence" in a_duty.message
    nothing = check_level("CL-E", "recommended", ["bare"], quotes, JA)
    assert nothing is not None and "has a `quote`" in nothing.hint + nothing.message


def test_a_mismatch_fails_validation_with_file_line_and_hint(tmp_path: Path) -> None:
    data = tmp_path / "guideline"
    shutil.copytree(MINI, data)
    edit(
        data / "checklist.yml",
        "        level: recommended\n        basis: [rule-b]",
        "        level: recommended\n        basis: [rule-a]",
    )
    with pytest.raises(DataError) as exc:
        load_checklist(data, load_guideline(data, data.parent), data.parent)
    (problem,) = exc.value.problems
    lines = (data / "checklist.yml").read_text(encoding="utf-8").splitlines()
    assert problem.file == "guideline/checklist.yml" and lines[problem.line - 1].strip() == "level: recommended"
    assert "CL-SUB is recommended (推奨) but rule-a quotes a rule sentence" in problem.message
    assert "make the entry required" in problem.hint


def test_a_guideline_in_english_uses_english_markers(tmp_path: Path) -> None:
    """The same data with `language: en` and English quotes: "shall" is the duty, "should" the example."""
    data = tmp_path / "guideline"
    shutil.copytree(MINI, data)
    edit(data / "guideline.yml", "title:", "language: en\ntitle:")
    for path in (data / "today.yml", data / "sources" / "rules.txt"):
        edit(
            path,
            "事業者は、必要かつ適切な措置を講じなければならない。",
            "An organisation shall take the measures needed.",
        )
        edit(
            path,
            "例えば、再委託先の状況を確かめることが望ましい。",
            "For example, it should ask how subcontractors work.",
        )
    checklist = load_checklist(data, load_guideline(data, data.parent), data.parent)
    assert checklist is not None
    edit(data / "guideline.yml", "language: en", "language: xx")
    with pytest.raises(DataError, match="no deontic markers for language 'xx'"):
        load_checklist(data, load_guideline(data, data.parent), data.parent)


def test_a_guideline_may_bring_its_own_markers() -> None:
    own = Markers(required=("is obligatory",), recommended=("is advisable",), words=True)
    assert own.force("Keeping a register is obligatory.") is Force.required
    assert own.force("A monthly review is advisable.") is Force.recommended


# ---- the shipped checklist -----------------------------------------------------------------


def test_every_required_entry_cites_a_rule_sentence(guideline: Guideline, checklist: Checklist) -> None:
    rules = guideline.rule_index()
    for entry in checklist.entries():
        if entry.level is Level.required:
            forces = [JA.force(rules[r].quote) for r in entry.basis if rules[r].quote]
            assert Force.required in forces, f"{entry.id} is 必須 without a しなければならない／してはならない sentence"


def test_every_recommended_entry_cites_an_example_and_no_duty(guideline: Guideline, checklist: Checklist) -> None:
    rules = guideline.rule_index()
    for entry in checklist.entries():
        if entry.level is Level.recommended:
            forces = [JA.force(rules[r].quote) for r in entry.basis if rules[r].quote]
            assert forces and Force.required not in forces, f"{entry.id} is 推奨 but cites a duty, or nothing"


def test_the_breach_reporting_entry_is_on_every_track(guideline: Guideline, checklist: Checklist) -> None:
    rules = guideline.rule_index()
    (entry,) = [e for e in checklist.entries() if "NOW-REPORT" in e.items]
    assert entry.level is Level.required and entry.applies_if is None  # every business, every size
    assert {"law-art26-1", "law-art26-2"} <= set(entry.basis)
    assert "報告しなければならない" in (rules["law-art26-1"].quote or "")
    for track in checklist.tracks:
        how = entry.how_for(track.id)
        for needed in ("責任者", "個人情報保護委員会", "報告フォーム", "3〜5日", "30日", "60日", "不正の目的"):
            assert needed in how, f"{entry.id} on the {track.id} track does not say {needed!r}"


def test_the_built_track_pages_carry_the_breach_entry(built_site: Path, checklist: Checklist) -> None:
    for track in checklist.tracks:
        page = (built_site / "checklist" / track.id / "index.html").read_text(encoding="utf-8")
        marker = re.search(r'<section[^>]*data-tebiki-checklist="([^"]*)"[^>]*id="CL-INCIDENT"', page)
        assert marker and "NOW-REPORT" in marker.group(1).split(), f"no breach entry on the {track.id} list"
        assert "個人情報保護委員会" in page


def test_the_home_page_says_to_report_a_leak(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    todo = home[home.index('id="what-to-do"') :]
    todo = todo[: todo.index("</ul>")]
    assert "個人情報保護委員会への報告" in todo and "本人への通知" in todo


# ---- printed and rendered text --------------------------------------------------------------


def _printed(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf"))


def test_no_doubled_year_anywhere(built_site: Path) -> None:
    doubled = re.compile(r"(\d{4}年)\1")
    for page in built_site.rglob("*.html"):
        match = doubled.search(page.read_text(encoding="utf-8"))
        assert match is None, f"{page.relative_to(built_site)}: {match.group(0) if match else ''}"
    for pdf in _printed(built_site):
        assert not doubled.search(pdf_text(pdf)), pdf.name


def test_no_placeholder_address_on_paper(built_site: Path) -> None:
    printed = _printed(built_site)
    assert any(p.name == "tebiki-pamphlet.pdf" for p in printed) and len(printed) > 1  # pamphlet and handouts
    for pdf in printed:
        text = "".join(pdf_text(pdf).split())  # addresses may be broken over lines
        for url in re.findall(r"https?://[\w.-]+", text):
            assert not is_placeholder(url), f"{pdf.relative_to(built_site)} prints {url}"
        assert "example.github.io" not in text


@pytest.mark.parametrize(
    ("url", "placeholder"),
    [
        ("https://tebiki.example.github.io/tebiki/", True),
        ("https://example.org/successor", True),
        ("http://localhost:8000/", True),
        ("https://site.test/", True),
        ("https://www.ppc.go.jp/personalinfo/", False),
        ("https://someone.github.io/tebiki/", False),
    ],
)
def test_placeholder_addresses_are_recognised(url: str, placeholder: bool) -> None:
    assert is_placeholder(url) is placeholder
    assert printable(url) == (None if placeholder else url)


# ---- the glossary ---------------------------------------------------------------------------


class _Segments(HTMLParser):
    """The article's text as (text, glossary anchor or None); headings, code and the text of
    other links left out (a term inside a link is not linked again)."""

    SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "nav", "label", "summary"}

    def __init__(self) -> None:
        super().__init__()
        self.segments: list[tuple[str, str | None]] = []
        self.depth = 0  # inside <article>
        self.skip = 0
        self.anchor: str | None = None
        self.other_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif tag in self.SKIP:
            self.skip += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.anchor = href.split("#", 1)[1] if "glossary/#" in href else None
            self.other_link = self.anchor is None

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif tag in self.SKIP:
            self.skip -= 1
        elif tag == "a":
            self.anchor = None
            self.other_link = False

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and not self.other_link:
            self.segments.append((data, self.anchor))


GLOSSED_PAGES = ["guideline/*/index.html", "checklist/*/index.html", "sources/index.html"]


def test_glossary_terms_are_linked_at_their_first_use(built_site: Path) -> None:
    from tebiki.data.glossary.load import load_glossary
    from tebiki.generate.glossary import find_word

    glossary = load_glossary(ROOT / "guideline", load_guideline(ROOT / "guideline", ROOT), ROOT)
    assert glossary is not None and len(glossary.terms) >= 13
    pages = [p for pattern in GLOSSED_PAGES for p in built_site.glob(pattern)]
    assert len(pages) > 8
    linked_somewhere: set[str] = set()
    for page in pages:
        parser = _Segments()
        parser.feed(page.read_text(encoding="utf-8"))
        for term in glossary.terms:
            first = next(
                (anchor for text, anchor in parser.segments if any(find_word(text, w) != -1 for w in term.spellings())),
                "absent",
            )
            if first == "absent":
                continue
            where = page.relative_to(built_site)
            assert first == term.id, f"{where}: the first {term.term!r} is not linked to the glossary"
            linked_somewhere.add(term.id)
    for needed in ("kojin-joho", "kojin-data", "itaku", "roei-to", "chusho-kibo-jigyosha", "tsusoku-hen", "betten"):
        assert needed in linked_somewhere


def test_the_glossary_page_explains_both_sme_terms(built_site: Path) -> None:
    page = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for anchor in (
        "kojin-joho",
        "kojin-data",
        "hoyu-kojin-data",
        "kojin-joho-db",
        "chusho-kibo-jigyosha",
        "chusho-kigyosha",
    ):
        assert f'id="{anchor}"' in page
    assert "中小企業基本法" in page and "従業員が100人以下" in page
