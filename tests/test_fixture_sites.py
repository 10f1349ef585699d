"""Engine tests on the fixture sites (tests/fixtures/sites/<language>/): small guidelines
that are not the shipped one, in Japanese and English, with every kind of data (a profile
with `ask_if`, `all` and `any`, a checklist, a quiz bank, a trainer kit, held and planned
seminars). Each is built once, strict, as a maintainer would build their own site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

import builds
from builds import once_per_run
from support import ROOT, every_profile, tebiki
from tebiki.data.checklist import conditions
from tebiki.data.project import Paths, load_project

FIXTURES = ROOT / "tests" / "fixtures" / "sites"
LANGUAGES = ["ja", "en"]


@pytest.fixture(scope="module", params=LANGUAGES)
def fixture_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of one fixture site, built with --strict into its site/ (once per run: the engine tests share it)."""
    language = request.param
    return once_per_run(
        tmp_path_factory, f"fixture-{language}", lambda dest: builds.fixture_site(dest, FIXTURES / language)
    )


def page(project: Path, path: str) -> str:
    return (project / "site" / path / "index.html").read_text(encoding="utf-8")


def test_the_site_is_in_its_language_and_passes_coverage(fixture_site: Path) -> None:
    language = fixture_site.name.removeprefix("fixture-")
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
        for item in section.items():
            assert re.search(rf'<h3[^>]*\bid="{item.id}"', html), item.id
            assert item.plain in html, item.id


def test_the_checklist_page_carries_the_profile_rules_for_its_script(fixture_site: Path) -> None:
    html = page(fixture_site, "checklist")
    assert "checklist-rules.js" in html and "CL-REC-03" in html
    assert '"all"' in html and '"any"' in html  # the track and entry conditions, as data for the script
    for track in ("small", "standard"):
        assert (fixture_site / "site" / "checklist" / track / "index.html").is_file()


def test_quiz_trainer_and_seminar_pages_are_built(fixture_site: Path) -> None:
    quiz = page(fixture_site, "quiz/records")
    assert len(re.findall(r'<div class="quiz[^"]*" [^>]*id="quiz-\d+">', quiz)) == 2
    kit = page(fixture_site, "trainers/records")
    assert 'href="slides/"' in kit and 'href="live/"' in kit
    project = load_project(Paths.under(fixture_site))
    deck = page(fixture_site, "trainers/records/slides")
    for item in project.guideline.sections[0].items():
        assert item.title in deck, item.id  # each item of the agenda's section is on a slide
    for session in ("records-first", "records-online"):
        assert (fixture_site / "site" / "seminars" / session / "index.html").is_file(), session


def test_full_width_typing_is_mentioned_only_where_it_is_typed(fixture_site: Path) -> None:
    """Full-width digits and letters are a thing of Japanese input; on the English site a note
    about them would only puzzle. On the Japanese site it stands where a question is typed."""
    pages = {
        path: page(fixture_site, path) for path in ("quiz/practice", "quiz/records", "quiz/trainers", "quiz/answers")
    }
    if fixture_site.name.endswith("-en"):
        for path, html in pages.items():
            assert not re.search(r"(?i)full.width|half.width", html), path
    else:
        assert "全角" in pages["quiz/practice"] and "全角" in pages["quiz/answers"] and "全角" in pages["quiz/trainers"]
        assert "全角" not in pages["quiz/records"]  # no question to type in


def test_the_download_page_offers_the_printed_documents_the_data_makes(fixture_site: Path) -> None:
    """Without a short pamphlet in the data, one PDF (the reference) is typeset and offered once,
    and the page promises no five-minute pamphlet: every PDF it links is in the site."""
    from tebiki import translations

    project = load_project(Paths.under(fixture_site))
    assert project.guideline.meta.pamphlet is None  # what this test is about
    html = page(fixture_site, "download")
    linked = set(re.findall(r'href="\.\./([^"]+\.pdf)"', html))
    assert linked == {"tebiki-pamphlet.pdf"}
    assert sorted(p.name for p in (fixture_site / "site").glob("*.pdf")) == ["tebiki-pamphlet.pdf"]
    with translations.using(project.guideline.meta.language):
        assert translations._("An A4 pamphlet to read in a few minutes. It holds:") not in html


class _Run(HTMLParser):
    """A page's text as a reader sees it run: inline elements join without a space, blocks break."""

    BLOCKS = {"p", "div", "li", "td", "th", "tr", "br", "dd", "dt", "ul", "ol", "table", "button", "label", "title"}
    BLOCKS |= {f"h{n}" for n in range(1, 7)} | {"section", "nav", "header", "footer", "figcaption", "summary"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")
        self.parts += ["\n"] if tag in self.BLOCKS else []

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")
        self.parts += ["\n"] if tag in self.BLOCKS else []

    def handle_data(self, data: str) -> None:
        self.parts += [data] if not self._skip else []


# "Related items:Check the records": a label run into its text, where English puts a space.
_LABEL_RUN_IN = re.compile(r"[a-z)”]:[A-Z“]")


def test_english_labels_stand_apart_from_their_text(tmp_path_factory: pytest.TempPathFactory) -> None:
    """On every page and in every PDF of the English site (the gap Japanese does without)."""
    site = builds.english_project(tmp_path_factory) / "site"
    found = []
    for path in sorted(site.rglob("*.html")):
        if "pagefind" not in path.parts:
            parser = _Run()
            parser.feed(path.read_text(encoding="utf-8"))
            found += [(path.name, m.group()) for m in _LABEL_RUN_IN.finditer("".join(parser.parts))]
    for path in sorted(site.rglob("*.pdf")):
        text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
        found += [(path.name, text[m.start() - 20 : m.end() + 10]) for m in _LABEL_RUN_IN.finditer(text)]
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
@pytest.mark.parametrize("language", LANGUAGES)
def test_python_and_javascript_rules_agree_on_every_profile_with_all_and_any(language: str) -> None:
    """The browser's interpreter and the Python one, on the fixture's conditions (which use
    `ask_if`, `all` and `any`, unlike the shipped data), for every profile a visitor can give."""
    checklist = load_project(Paths.under(FIXTURES / language)).checklist
    assert checklist is not None
    profiles = every_profile(checklist)
    partial = [{k: v for k, v in p.items() if k != "remote"} for p in profiles]  # incomplete answers too
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
    assert {r["track"] for r in expected} == {"small", "standard"}  # the `all`/`any` track rule decides both ways
    assert len({tuple(r["entries"]) for r in expected}) > 1  # and the `any` entry rule too
