"""Engine tests on a guideline still in force (tests/fixtures/sites/in-force, English).

Nothing of supersession may reach its readers: no abolition notice, no "Under today's rules"
box or slide, no wording about a successor, in any page, PDF, handout, QTI package or the
offline README. The phrases looked for are tebiki's own, taken from its English catalog (every
message about abolition, a successor or today's rules), so a catalog change keeps the test
honest; the same phrases and markers are found on the superseded English fixture, so the
checks can fail.
"""

from __future__ import annotations

import functools
import html
import re
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import builds
from site_text import page_texts
from support import ROOT, tebiki
from tebiki import translations
from tebiki.checks import sitecheck
from tebiki.data.project import Paths, load_project

CATALOG = ROOT / "src" / "tebiki" / "theme" / "locales" / "tebiki" / "en.po"
# Messages of supersession: the abolition, the successor and the rules that apply instead.
SUPERSESSION = re.compile(
    r"abolish|successor|supersed|today's rules?\b|rules? today|rules of today|today's guideline|today's Act", re.I
)
PLACEHOLDER = re.compile(r"%\(\w+\)s")
# Classes tebiki's templates give the boxes, slides and notices of a superseded guideline.
MARKERS = ("tebiki-today", "tebiki-slide--today", "tebiki-icon--today", "data-tebiki-home-notice")


@functools.cache
def supersession_phrases() -> frozenset[str]:
    """The fixed parts of every English message about supersession that themselves speak of it."""
    with CATALOG.open("rb") as fh:
        catalog = read_po(fh, locale="en")
    phrases = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if not message.id or not any(SUPERSESSION.search(i) for i in ids):
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            for part in PLACEHOLDER.split(string):
                part = " ".join(part.split()).strip(' “”"(),.:;')
                if SUPERSESSION.search(part):
                    phrases.add(part)
    return frozenset(phrases)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return builds.in_force_project(tmp_path_factory)


@pytest.fixture(scope="module")
def superseded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English fixture, superseded: where the same phrases and markers must be found."""
    return builds.english_project(tmp_path_factory)


def every_text(project: Path, offline_zip: Path | None = None) -> dict[str, str]:
    """Pages, PDFs (pamphlet, reference, handouts, slide decks), QTI packages and the offline README."""
    texts = dict(page_texts(project / "site"))
    for package in sorted((project / "site").rglob("*qti*.zip")):
        with zipfile.ZipFile(package) as zf:
            for name in zf.namelist():
                if name.endswith(".xml"):
                    xml = html.unescape(html.unescape(zf.read(name).decode("utf-8")))  # escaped in XHTML content
                    texts[f"{package.name}/{name}"] = re.sub(r"<[^>]+>", " ", xml)
    if offline_zip is not None:
        with zipfile.ZipFile(offline_zip) as zf:
            readme = next(n for n in zf.namelist() if n.endswith("README.txt"))
            texts["offline/README.txt"] = zf.read(readme).decode("utf-8-sig")
    return {path: " ".join(text.split()) for path, text in texts.items()}


def test_the_in_force_site_builds_strict_in_english_and_passes_coverage(project: Path) -> None:
    data = load_project(Paths.under(project))
    assert not data.guideline.meta.superseded and data.guideline.meta.abolished is None
    assert all(item.today is None for item in data.guideline.items())
    assert '<html lang="en"' in (project / "site" / "index.html").read_text(encoding="utf-8")
    result = tebiki("coverage", cwd=project)
    assert result.returncode == 0 and "0 gap(s)" in result.stdout, result.stdout + result.stderr


def test_the_catalog_gives_the_phrases_of_supersession() -> None:
    phrases = supersession_phrases()
    assert "This guideline was abolished on" in phrases and "Under today's rules" in phrases
    assert "Sources and today's rules" in phrases and "Read today's guideline" in phrases


def test_nothing_of_supersession_is_in_any_page_pdf_qti_package_or_readme(
    project: Path, superseded: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    texts = every_text(project, builds.in_force_offline_zip(tmp_path_factory))
    assert {"offline/README.txt", "tebiki-pamphlet.pdf", "tebiki-reference.pdf", "trainers/members/slides.pdf"} <= set(
        texts
    ) and any("qti21" in path for path in texts)
    phrases = supersession_phrases()
    found = {path: sorted(p for p in phrases if p in text) for path, text in texts.items()}
    assert not {path: hits for path, hits in found.items() if hits}
    words = re.compile(r"abolish|successor|supersed|today.s rule|rule today", re.I)
    assert not {path: words.findall(text) for path, text in texts.items() if words.search(text)}
    # The same check finds them on a superseded site: on its pages, its PDFs and its slides.
    on_superseded = {path for path, text in every_text(superseded).items() if any(p in text for p in phrases)}
    # (It describes no short pamphlet: tebiki-pamphlet.pdf is its reference.)
    assert {"index.html", "guideline/records/index.html", "tebiki-pamphlet.pdf"} <= on_superseded
    assert any(path.startswith("trainers/") for path in on_superseded)


def test_no_box_slide_or_notice_of_a_superseded_guideline(project: Path, superseded: Path) -> None:
    def marked(site: Path) -> dict[str, set[str]]:
        pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
        return {m: {path for path, text in pages.items() if m in text} for m in MARKERS}

    assert marked(project / "site") == {m: set() for m in MARKERS}
    assert all(marked(superseded / "site").values())  # each marker is still what the templates write


def test_the_sources_page_and_the_credits_are_neutral(project: Path) -> None:
    data = load_project(Paths.under(project))
    texts = page_texts(project / "site")
    sources = " ".join(texts["sources/index.html"].split())
    meta = data.guideline.meta
    assert meta.based_on is not None and meta.credit is not None
    assert f"This site retells {meta.based_on}" in sources
    for source in data.guideline.sources:
        assert source.credit in sources
    for rule in data.guideline.rules:  # the rules the checklist's levels rest on, listed without "today"
        assert rule.label in sources
    assert "List of the rules" in sources
    home = " ".join(texts["index.html"].split())
    assert meta.credit in home  # the footer's credit line, from the data


def test_no_template_syntax_reaches_a_page(project: Path) -> None:
    """A comment written in the wrong delimiters is printed as text (it was on every kit page)."""
    leaks = {
        path: re.findall(r"\{[#%{]|[#%}]\}", text)
        for path, text in page_texts(project / "site").items()
        if path.endswith(".html") and re.search(r"\{[#%{]|[#%}]\}", text)
    }
    assert not leaks


def test_events_show_their_day_or_label_and_every_kind_has_its_page(project: Path) -> None:
    data = load_project(Paths.under(project))
    texts = page_texts(project / "site")
    history = " ".join(texts["guideline/history/index.html"].split())
    assert "March 12, 2024" in history and "Each spring from 2025" in history
    assert data.glossary is not None
    glossary = texts["glossary/index.html"]
    assert all(term.definition in glossary for term in data.glossary.terms)
    planned = next(s for series in data.seminars.series for s in series.sessions if s.id == "briefing-autumn")
    assert planned.date is None and (project / "site" / "seminars" / planned.id / "index.html").is_file()


def test_the_home_page_and_the_pamphlets_cover_say_the_guideline_is_in_force(project: Path, superseded: Path) -> None:
    """Briefly, with the day it took effect (the data's in_force_since); a superseded site says
    nothing of the kind (its notice of abolition stands there)."""
    from pypdf import PdfReader

    meta = load_project(Paths.under(project)).guideline.meta
    assert meta.in_force_since is not None
    with translations.using(meta.language):
        status = translations._(
            "This guideline has been in force since %(date)s.", date=translations.date(meta.in_force_since)
        )
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    shown = re.search(r"<p [^>]*data-tebiki-home-status[^>]*>([^<]*)</p>", home)
    assert shown and html.unescape(shown.group(1)) == status
    cover = PdfReader(project / "site" / "tebiki-pamphlet.pdf").pages[0].extract_text() or ""
    assert status in " ".join(cover.split())
    assert "data-tebiki-home-status" not in (superseded / "site" / "index.html").read_text(encoding="utf-8")


def test_a_section_of_only_events_gets_no_slide_deck(project: Path) -> None:
    """A timeline (the history section: dated events, which no kit shows and the slides need not
    reach) has nothing to brief on: no deck page, no PDF, no link from the trainers' page. Every
    other section keeps its deck."""
    from tebiki.data.guideline.model import Kind

    sections = load_project(Paths.under(project)).guideline.sections
    timeline = [s.id for s in sections if {i.kind for i in s.items()} == {Kind.event}]
    assert timeline == ["history"]
    decks = project / "site" / "trainers" / "slides"
    trainers = (project / "site" / "trainers" / "index.html").read_text(encoding="utf-8")
    for section in sections:
        made = section.id not in timeline
        assert (decks / section.id / "index.html").is_file() is made, section.id
        assert (decks / f"{section.id}.pdf").is_file() is made, section.id
        assert (f'href="slides/{section.id}/"' in trainers) is made, section.id


def test_every_page_has_its_title_and_description_without_a_site_description(project: Path) -> None:
    """The fixture's mkdocs.yml has no site_description, as a `tebiki new` site: the 404 page says
    what it is itself, and a translated description with a colon no longer breaks a page's front matter."""
    assert "site_description" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
    site = project / "site"
    assert sitecheck.check_titles(site) == []
    results = sitecheck.pages(site)["accessibility/results/index.html"].parsed
    with translations.using("en"):
        assert results.description == translations.gettext(
            "The results of testing every page of this site with an automated tool (axe-core): date, version "
            "tested, standards and rules checked, and the result per page."
        )
