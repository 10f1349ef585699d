"""Engine tests on the fixture sites (tests/fixtures/sites/<language>/): small guidelines
that are not the shipped one, in Japanese and English, superseded, and one in force (English),
with every kind of data (a profile with `ask_if`, `all` and `any`, a checklist, a quiz bank,
a trainer kit, held and planned seminars). Each is built once, strict, as a maintainer would
build their own site. What a check expects comes from the fixture's data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

import builds
from builds import once_per_run
from site_text import pdf_text
from support import ROOT, every_profile, tebiki
from tebiki.data.checklist import conditions
from tebiki.data.project import Paths, load_project

FIXTURES = ROOT / "tests" / "fixtures" / "sites"
FIXTURE_NAMES = ["ja", "en", "in-force"]


@pytest.fixture(scope="module", params=FIXTURE_NAMES)
def fixture_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of one fixture site, built with --strict into its site/ (once per run: the engine tests share it)."""
    name = request.param
    return once_per_run(tmp_path_factory, f"fixture-{name}", lambda dest: builds.fixture_site(dest, FIXTURES / name))


def page(project: Path, path: str) -> str:
    return (project / "site" / path / "index.html").read_text(encoding="utf-8")


def test_the_site_is_in_its_language_and_passes_coverage(fixture_site: Path) -> None:
    language = load_project(Paths.under(fixture_site)).guideline.meta.language
    assert f'<html lang="{language}"' in page(fixture_site, "")
    result = tebiki("coverage", cwd=fixture_site)
    assert result.returncode == 0 and "0 gap(s)" in result.stdout, result.stdout + result.stderr


def test_the_home_page_leads_to_every_tool_the_guideline_has(fixture_site: Path) -> None:
    """No template named in docs/index.md: the home page still starts people at each tool."""
    assert "template:" not in (fixture_site / "docs" / "index.md").read_text(encoding="utf-8")
    home = page(fixture_site, "")
    starts = dict(re.findall(r'href="([^"]+)" data-home-start="(\w+)"', home))
    # Each tool the fixture has (a recorded session gives the video card).
    assert sorted(starts.values()) == ["checklist", "pamphlet", "quiz", "video"], starts
    for href in starts:
        assert (fixture_site / "site" / href / "index.html").exists() or (fixture_site / "site" / href).is_file(), href


def test_every_item_has_its_anchor_and_text_on_its_section_page(fixture_site: Path) -> None:
    project = load_project(Paths.under(fixture_site))
    for section in project.guideline.sections:
        html = page(fixture_site, f"guideline/{section.id}")
        text = " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
        for item in section.items():
            assert re.search(rf'<h3[^>]*\bid="{item.id}"', html), item.id
            assert item.plain in text, item.id  # as read: a glossary term in it is a link


def test_the_checklist_page_carries_the_profile_rules_for_its_script(fixture_site: Path) -> None:
    checklist = load_project(Paths.under(fixture_site)).checklist
    assert checklist is not None
    html = page(fixture_site, "checklist")
    conditional = [e.id for e in checklist.entries() if e.applies_if]
    assert "checklist-rules.js" in html and conditional and all(id in html for id in conditional)
    assert '"all"' in html and '"any"' in html  # the track and entry conditions, as data for the script
    for track in checklist.tracks:
        assert (fixture_site / "site" / "checklist" / track.id / "index.html").is_file()


def test_the_english_fixture_calls_its_reader_a_school_in_its_track_texts() -> None:
    """The checklist's messages call the reader by the profile's word (a school in the English
    fixture): the profile's intro and each track's summary (which readers it is for), shown
    beside those messages, say the same, not "organisations"."""
    checklist = load_project(Paths.under(FIXTURES / "en")).checklist
    assert checklist is not None and checklist.questionnaire.reader is not None
    reader = checklist.questionnaire.reader
    words = re.compile(rf"(?i)\b({re.escape(reader.singular)}|{re.escape(reader.plural or reader.singular)})\b")
    texts = [checklist.questionnaire.intro] + [t.summary for t in checklist.tracks]
    assert not [text for text in texts if not words.search(text)]


def test_quiz_trainer_and_seminar_pages_are_built(fixture_site: Path) -> None:
    project = load_project(Paths.under(fixture_site))
    assert project.quizzes and project.trainer is not None
    for bank in project.quizzes:
        quiz = page(fixture_site, f"quiz/{bank.id}")
        assert len(re.findall(r'<div class="quiz[^"]*" [^>]*id="quiz-\d+">', quiz)) == len(bank.questions), bank.id
    sections = {s.id: s for s in project.guideline.sections}
    for kit in project.trainer.kits:
        html = page(fixture_site, f"trainers/{kit.id}")
        assert 'href="slides/"' in html and 'href="live/"' in html
        deck = page(fixture_site, f"trainers/{kit.id}/slides")
        for block in (b for b in kit.agenda if b.section):
            for item in sections[block.section].items():
                assert item.title in deck, item.id  # each item of the agenda's sections is on a slide
    sessions = [session for _series, session in project.seminars.sessions()]
    assert {s.status.value for s in sessions} >= {"held", "planned", "recorded"}
    for session in sessions:
        assert (fixture_site / "site" / "seminars" / session.id / "index.html").is_file(), session.id


def test_full_width_typing_is_mentioned_only_where_it_is_typed(fixture_site: Path) -> None:
    """Full-width digits and letters are a thing of Japanese input; on an English site a note
    about them would only puzzle. On a Japanese site it stands where a question is typed."""
    project = load_project(Paths.under(fixture_site))
    typed = {bank.id: any(q.type == "fill" for q in bank.questions) for bank in project.quizzes}
    pages = {f"quiz/{bank}": page(fixture_site, f"quiz/{bank}") for bank in typed}
    pages |= {path: page(fixture_site, path) for path in ("quiz/trainers", "quiz/answers")}
    if project.guideline.meta.language == "en":
        assert not [path for path, html in pages.items() if re.search(r"(?i)full.width|half.width", html)]
    else:
        assert any(typed.values()), "the Japanese fixture has a question to type in"
        for bank, has_typed in typed.items():
            assert ("全角" in pages[f"quiz/{bank}"]) is has_typed, bank
        assert "全角" in pages["quiz/answers"] and "全角" in pages["quiz/trainers"]


def test_the_download_page_offers_the_printed_documents_the_data_makes(fixture_site: Path) -> None:
    """With a short pamphlet in the data, it and the reference are offered, the pamphlet described;
    without one, one PDF (the reference) is typeset and offered once, and the page promises no
    five-minute pamphlet. Every PDF the page links is in the site."""
    from tebiki import translations

    project = load_project(Paths.under(fixture_site))
    short = project.guideline.meta.pamphlet is not None
    html = page(fixture_site, "download")
    printed = {"tebiki-pamphlet.pdf", "tebiki-reference.pdf"} if short else {"tebiki-pamphlet.pdf"}
    assert set(re.findall(r'href="\.\./([^"]+\.pdf)"', html)) == printed
    assert {p.name for p in (fixture_site / "site").glob("*.pdf")} == printed
    with translations.using(project.guideline.meta.language):
        assert (translations._("An A4 pamphlet to read in a few minutes. It holds:") in html) is short


def test_the_quiz_intro_names_the_buttons_as_a_sites_own_quiz_catalog_labels_them(tmp_path: Path) -> None:
    """A site that gives mkdocs-quiz its own catalog (`custom_translations`) sees its own labels on
    the buttons: the intros quote those, not tebiki's (a label it leaves out stays mkdocs-quiz's)."""
    from support import copy_project, edit, mkdocs_build

    project = copy_project(tmp_path / "site", FIXTURES / "ja")
    (project / "locales").mkdir()
    (project / "locales" / "ja.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Submit"\nmsgstr "採点する"\n',
        encoding="utf-8",
    )
    edit(
        project / "mkdocs.yml",
        "  - tebiki\n",
        "  - tebiki\n  - mkdocs_quiz:\n      custom_translations: {ja: locales/ja.po}\n",
    )
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    records, selftest = page(project, "quiz/records"), page(project, "quiz/selftest")
    (submit,) = set(re.findall(r'<button type="submit" class="quiz-button">([^<]+)</button>', records))
    (reset,) = set(re.findall(r'<button type="button" class="md-button quiz-intro-reset">([^<]+)</button>', selftest))
    assert submit == "採点する"
    # The intros: the pages' own text, before the first question.
    assert f"「{submit}」" in records.split('class="quiz', 1)[0]
    assert f"「{reset}」" in selftest.split('class="quiz', 1)[0]


class _Run(HTMLParser):
    """A page's text as a reader sees it run: inline elements join without a space, blocks break."""

    BREAK = "\n"  # what stands for a block's edge in the text
    BLOCKS = {"p", "div", "li", "td", "th", "tr", "br", "dd", "dt", "ul", "ol", "table", "button", "label", "title"}
    BLOCKS |= {f"h{n}" for n in range(1, 7)} | {"section", "nav", "header", "footer", "figcaption", "summary"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")
        self.parts += [self.BREAK] if tag in self.BLOCKS else []

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")
        self.parts += [self.BREAK] if tag in self.BLOCKS else []

    def handle_data(self, data: str) -> None:
        self.parts += [data] if not self._skip else []


# "Related items:Check the records", "not counted.The score": a label or sentence run into the
# next, where English puts a space.
_LABEL_RUN_IN = re.compile(r"[a-z)”][:.?!][A-Z“]")


@pytest.mark.parametrize("fixture", ["en", "in-force"])
def test_english_labels_and_sentences_stand_apart(tmp_path_factory: pytest.TempPathFactory, fixture: str) -> None:
    """On every page and in every PDF of an English site (the gap Japanese does without)."""
    build = builds.english_project if fixture == "en" else builds.in_force_project
    site = build(tmp_path_factory) / "site"
    found = []
    for path in sorted(site.rglob("*.html")):
        if "pagefind" not in path.parts:
            parser = _Run()
            parser.feed(path.read_text(encoding="utf-8"))
            found += [(path.name, m.group()) for m in _LABEL_RUN_IN.finditer("".join(parser.parts))]
    for path in sorted(site.rglob("*.pdf")):
        text = pdf_text(path)
        found += [(path.name, text[m.start() - 20 : m.end() + 10]) for m in _LABEL_RUN_IN.finditer(text)]
    assert not found, found


class _Blocks(_Run):
    """As `_Run`, a block's edge marked apart from the line breaks inside a paragraph's source."""

    BREAK = "\x00"


# "数えません。 数えた", "なぜ： 決めて": a Japanese sentence or label, then a space or a line break
# inside the paragraph (which the browser shows as a space), then more Japanese. Full-width
# spaces are left alone: a form on paper writes its blanks with them (記入日：　　年).
_JAPANESE_SPACED = re.compile(r"[。！？：][ \t\n]+[\u3040-\u30ff\u3400-\u9fff「（]")


def test_japanese_sentences_and_labels_run_on_without_a_space(engine_project: Path) -> None:
    """Japanese puts no space after 「。」 or a label's 「：」: on every page of the Japanese site."""
    found = []
    for path in sorted((engine_project / "site").rglob("*.html")):
        if "pagefind" not in path.parts:
            parser = _Blocks()
            parser.feed(path.read_text(encoding="utf-8"))
            text = "".join(parser.parts)
            found += [(path.parent.name, text[m.start() - 20 : m.end() + 10]) for m in _JAPANESE_SPACED.finditer(text)]
    assert not found, found


JS_RULES = ROOT / "src" / "tebiki" / "theme" / "assets" / "checklist-rules.js"
# Runs checklist-rules.js in Node: the profile data and the answers come in on stdin.
NODE = """
globalThis.window = globalThis;
require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const R = window.TebikiRules;
console.log(JSON.stringify(input.profiles.map((answers) => ({
  effective: R.effective(input.questions, answers),
  complete: R.complete(input.questions, answers),
  track: R.trackOf(input.tracks, R.effective(input.questions, answers)),
  entries: input.entries.filter((e) => R.holds(e.applies_if, R.effective(input.questions, answers))).map((e) => e.id),
}))));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs checklist-rules.js")
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_python_and_javascript_rules_agree_on_every_profile_with_all_and_any(name: str) -> None:
    """The browser's interpreter and the Python one, on the fixture's conditions (which use
    `ask_if`, `all` and `any`, unlike the shipped data), for every profile a visitor can give."""
    checklist = load_project(Paths.under(FIXTURES / name)).checklist
    assert checklist is not None
    profiles = every_profile(checklist)
    last = checklist.questions[-1].id
    partial = [{k: v for k, v in p.items() if k != last} for p in profiles]  # incomplete answers too
    questions = [
        {"id": q.id, "ask_if": q.ask_if, "options": [{"value": v} for v in q.values()]} for q in checklist.questions
    ]
    data = {
        "questions": questions,
        "tracks": [{"id": t.id, "when": t.when} for t in checklist.tracks],
        "entries": [{"id": e.id, "applies_if": e.applies_if} for e in checklist.entries()],
        "profiles": profiles + partial,
    }
    out = subprocess.run(
        ["node", "-e", NODE, str(JS_RULES)], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    js = json.loads(out.stdout)
    expected = []
    for answers in data["profiles"]:
        eff = conditions.effective(checklist.questions, answers)
        expected.append(
            {
                "effective": eff,
                "complete": conditions.complete(checklist.questions, answers),
                "track": conditions.track_of(checklist.tracks, eff),
                "entries": [e.id for e in checklist.entries() if conditions.holds(e.applies_if, eff)],
            }
        )
    assert js == expected
    # The `all`/`any` track rule decides every way.
    assert {r["track"] for r in expected} == {t.id for t in checklist.tracks}
    assert len({tuple(r["entries"]) for r in expected}) > 1  # and the `any` entry rule too
