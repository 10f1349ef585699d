"""What the checklist calls its reader: no company unless the data says so.

tebiki is for any guideline, so the checklist's own words call the one answering an
“organisation” (「組織」) unless profile.yml names it (`reader`). The Japanese fixture names no
reader; the English one calls it a school. Both sites are built once per run (the engine
tests share the builds), and read back: the checklist pages, the data the interactive page
passes to checklist.js, the script catalog, the printed reference and the checklist handout.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import builds
import site_text
from builds import once_per_run
from support import ROOT, edit
from tebiki import translations
from tebiki.data.checklist.load import load_checklist
from tebiki.data.checklist.model import Checklist, Reader
from tebiki.data.guideline.load import load_guideline
from tebiki.data.problems import DataError
from tebiki.data.project import Paths, load_project
from tebiki.generate.checklist import describe, reader_words

FIXTURES = ROOT / "tests" / "fixtures" / "sites"
# Words that assume a company, per language; none of them is in the fixtures' own data.
COMPANY = {"en": re.compile(r"(?i)business|compan"), "ja": re.compile(r"会社|自社|企業")}
# What each fixture's checklist calls its reader, in the forms its messages take.
NAMED = {
    "en": {"page": "About your school", "data": {"reader": "school", "readers": "schools"}},
    "ja": {"page": "組織について答える", "data": {"reader": "組織", "readers": "組織"}},
}
PRINTED = {"en": "What each school has to do", "ja": "組織としてやるべきこと"}
HANDOUT = {"en": "For: every school", "ja": "対象：すべての組織"}


@pytest.fixture(scope="module", params=["ja", "en"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    language = request.param
    project = once_per_run(
        tmp_path_factory, f"fixture-{language}", lambda dest: builds.fixture_site(dest, FIXTURES / language)
    )
    return language, project / "site"


def pdf_text(path: Path, language: str) -> str:
    """A PDF's text with its line breaks undone (a space in English, nothing in Japanese)."""
    return re.sub(r"\s+", " " if language == "en" else "", site_text.pdf_text(path))


def page_data(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="tebiki-checklist-data">(.*?)</script>', html, re.S)
    assert found, "the interactive page carries its script's data"
    return json.loads(found.group(1))


def test_the_checklist_pages_say_the_readers_name_and_no_company(built: tuple[str, Path]) -> None:
    language, site = built
    files = (site / "checklist").rglob("*.html")
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in files}
    assert len(pages) == 3, sorted(pages)  # the interactive page and one per track
    leaks = {path: COMPANY[language].findall(html) for path, html in pages.items() if COMPANY[language].search(html)}
    assert not leaks
    interactive = pages["checklist/index.html"]
    assert f'<h2 id="profile">{NAMED[language]["page"]}</h2>' in interactive
    assert page_data(interactive)["reader"] == NAMED[language]["data"]


def test_the_scripts_messages_take_the_reader_from_the_page(built: tuple[str, Path]) -> None:
    """checklist.js fills {reader} from the page's data: its catalog names no one itself."""
    language, site = built
    catalog = (site / "assets" / "i18n.js").read_text(encoding="utf-8")
    assert not COMPANY[language].search(catalog)
    with translations.using(language):
        uses = translations.gettext("Your {reader} uses the “{track}” list.")
    assert "{reader}" in uses and json.dumps(uses, ensure_ascii=False) in catalog


def test_the_printed_checklist_and_the_handout_say_the_readers_name(built: tuple[str, Path]) -> None:
    language, site = built
    # The fixtures describe no short pamphlet: the pamphlet is the reference, printed once.
    for pdf, words in (("tebiki-pamphlet.pdf", PRINTED), ("trainers/handout-checklist.pdf", HANDOUT)):
        text = pdf_text(site / pdf, language)
        assert words[language] in text, pdf
        assert not COMPANY[language].search(text), pdf


def _with_reader(checklist: Checklist, reader: Reader | None) -> Checklist:
    questionnaire = checklist.questionnaire.model_copy(update={"reader": reader})
    return Checklist(questionnaire=questionnaire, spec=checklist.spec)


@pytest.mark.parametrize(
    ("language", "reader", "every", "some"),
    [
        ("en", None, "every organisation", "organisations where others handle their records"),
        ("en", Reader(singular="practice", plural="practices"), "every practice", "practices where"),
        ("ja", Reader(singular="会社"), "すべての会社", "任せている会社"),  # as the shipped guideline names it
    ],
)
def test_describe_names_the_reader_or_the_neutral_word(
    language: str, reader: Reader | None, every: str, some: str
) -> None:
    with translations.using(language):
        checklist = load_project(Paths.under(FIXTURES / language)).checklist
        assert checklist is not None
        checklist = _with_reader(checklist, reader)
        assert describe(None, checklist) == every
        assert describe({"entrusts": "yes"}, checklist).startswith(some)
        words = reader_words(checklist)
    assert words["reader"] in every


def test_a_reader_in_english_needs_its_plural(tmp_path: Path) -> None:
    data = tmp_path / "guideline"
    shutil.copytree(FIXTURES / "en" / "guideline", data)
    edit(data / "profile.yml", "  plural: schools\n", "")
    guideline = load_guideline(data, tmp_path)
    with pytest.raises(DataError) as exc:
        load_checklist(data, guideline, tmp_path)
    (problem,) = exc.value.problems
    assert (problem.file, problem.field) == ("guideline/profile.yml", "reader")
    assert problem.line == 3 and "'school' has no `plural`" in problem.message and "plural: schools" in problem.hint


def test_a_reader_in_japanese_needs_no_plural(tmp_path: Path) -> None:
    data = tmp_path / "guideline"
    shutil.copytree(FIXTURES / "ja" / "guideline", data)
    edit(data / "profile.yml", "intro:", "reader: {singular: 学校}\nintro:")
    checklist = load_checklist(data, load_guideline(data, tmp_path), tmp_path)
    assert checklist is not None
    with translations.using("ja"):
        assert reader_words(checklist) == {"reader": "学校", "readers": "学校"}
