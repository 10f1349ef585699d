"""Localisation: tebiki's own words follow theme.language; no text of the shipped guideline is in the engine.

The English and Japanese sites are the samples `tebiki new` writes (their data is in the
site's language), built for real; any Japanese character on the English site is then a
string tebiki forgot to translate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from site_text import page_texts
from tebiki import translations
from tebiki.data.guideline.load import SourceText
from tebiki.data.seminars import storyboard
from tebiki.text import normalise

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.fixture(scope="session")
def sample_site(new_site):
    """The built sample site for a language and status (each built once for the run, tests/conftest.py)."""
    return lambda language, status: new_site(language, status) / "site"


@pytest.mark.parametrize("status", ["superseded", "in-force"])
def test_english_site_has_no_japanese_outside_its_data(sample_site, status: str) -> None:
    texts = page_texts(sample_site("en", status))
    leaks = {path: JAPANESE.findall(text)[:5] for path, text in texts.items() if JAPANESE.search(text)}
    assert not leaks, f"untranslated interface strings on the English site: {leaks}"
    home = (sample_site("en", status) / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    assert "Introduction" in texts["index.html"]  # tebiki's nav label, from the English catalog


def test_english_dates_and_words_come_from_the_catalog(sample_site) -> None:
    texts = page_texts(sample_site("en", "superseded"))
    section = next(text for path, text in texts.items() if path.startswith("guideline/"))
    assert "This guideline was abolished on March 31, 2020." in section
    assert "Under today's rules" in section
    assert '"Clear all answers"' not in texts["assets/i18n.js"]  # the script catalog holds only script messages
    assert '"Score by area": "Score by area"' in texts["assets/i18n.js"]


def test_pdfs_and_handouts_say_their_language(sample_site) -> None:
    site = sample_site("en", "superseded")
    for pdf in sorted(site.rglob("*.pdf")):
        assert PdfReader(pdf).pdf_header  # a real PDF
    from tebiki.generate.printed import document

    for language in ("en", "ja"):
        with translations.using(language):
            html = document(translations_meta(), [], site_name="S", site_url=None, issued=dt.date(2020, 1, 1))
        assert f'<html lang="{language}">' in html


def translations_meta():
    from tebiki.data.guideline.model import Meta

    return Meta(title="T", short_title="T", status="in-force", coverage={})


def test_in_force_site_has_no_abolition_or_todays_rules(sample_site) -> None:
    texts = page_texts(sample_site("ja", "in-force"))
    assert not [p for p, t in texts.items() if "廃止" in t or "今のルールでは" in t]


def test_dates_are_written_the_languages_way() -> None:
    day = dt.date(2019, 4, 1)
    with translations.using("ja"):
        assert translations.date(day) == "2019年4月1日"
    with translations.using("en"):
        assert translations.date(day) == "April 1, 2019"


def test_a_language_without_a_catalog_falls_back_to_english() -> None:
    assert translations.resolve("fr") == "en"
    assert translations.resolve("ja-JP") == "ja"
    with translations.using("fr"):
        assert translations.gettext("Under today's rules") == "Under today's rules"


def test_quote_check_keeps_word_spaces_in_english() -> None:
    source = "Every laptop must be\nlocked away at night.\n"
    with translations.using("en"):
        text = SourceText(source)
        assert normalise("Every  laptop must be locked") in text.whole
        assert normalise("Everylaptop must be locked") not in text.whole
        assert normalise("must be locked away") in text.window(1)  # a line break is a space
    with translations.using("ja"):
        assert normalise("パソコンは 夜に\n施錠する") in SourceText("パソコンは夜に施錠する。\n").whole


def test_first_sentence_and_caption_cues_follow_the_language() -> None:
    with translations.using("en"):
        assert translations.first_sentence("Lock it away. Then check it! Done?") == "Lock it away."
        assert translations.first_sentence("Who holds the key? Ask.") == "Who holds the key?"
        sentence = "Every laptop that leaves the office is locked with a password, and its disk is encrypted"
        cues = storyboard.split_cues(sentence)
        assert len(cues) > 1 and all(len(c) <= storyboard.cue_chars() for c in cues)
        assert " ".join(cues).split() == sentence.split()  # words are never cut
    with translations.using("ja"):
        assert translations.first_sentence("鍵をかけます。毎晩です。") == "鍵をかけます。"
        # ". " ends no Japanese sentence
        assert translations.first_sentence("Ver. 2 を使います。") == "Ver. 2 を使います。"


def english_short_pamphlet(*, point: bool = False):
    """The English fixture's project with a short pamphlet described; with `point`, its first
    section is a numbered point and so has a page of its own."""
    from tebiki.data.guideline.model import Contact, FirstStep, Pamphlet
    from tebiki.data.project import Paths, load_project

    project = load_project(Paths.under(Path(__file__).parent / "fixtures" / "sites" / "en"))
    meta = project.guideline.meta
    item = project.guideline.sections[0].items()[0]
    pamphlet = Pamphlet(
        message="Look after the records you keep.",
        lead="For small teams. What to do first, and where to ask.",
        first_steps=[FirstStep(text="Lock the cabinet.", items=[item.id]), FirstStep(text="Name one person.")],
        contacts=[
            Contact(name="The help line", phone="0000-000-000", hours="Weekdays 9 to 5", url="https://example.org/help")
        ],
    )
    sections = project.guideline.sections
    if point:
        sections = [sections[0].model_copy(update={"point": 1}), *sections[1:]]
    update = {"meta": meta.model_copy(update={"pamphlet": pamphlet}), "sections": sections}
    return dataclasses.replace(project, guideline=project.guideline.model_copy(update=update))


def test_the_short_pamphlet_speaks_the_sites_language() -> None:
    """Every word the short pamphlet adds comes from the catalogs: an English site's has no Japanese."""
    from tebiki.generate import short_pamphlet

    with translations.using("en"):
        html = short_pamphlet.document(
            english_short_pamphlet(point=True), site_name="Records", site_url=None, issued=dt.date(2020, 1, 1)
        )
    assert '<html lang="en">' in html
    assert "Start with these 2." in html and "Where to ask" in html and "Point 1" in html
    assert not JAPANESE.findall(html)


def test_the_english_short_pamphlet_reads_cleanly_on_paper() -> None:
    """Typeset: each printed label stands apart from its value however long the label is in the
    site's language ("Website" ran into its address), and a guideline with no numbered points
    gets no "The 0 points" heading on its cover."""
    import pypdfium2

    from tebiki.generate import short_pamphlet
    from tebiki.publish import typeset

    with translations.using("en"):
        html = short_pamphlet.document(
            english_short_pamphlet(), site_name="Records", site_url="https://example.org/r/", issued=dt.date(2020, 1, 1)
        )
        data = typeset.pamphlet_pdf(html, short=True)
    assert "point" not in html.lower()
    document = pypdfium2.PdfDocument(data)
    labels = {"Issued": "January", "On the web": "Records", "Phone": "0000", "Hours": "Weekdays", "Website": "https"}
    found = set()
    for page in document:
        text = page.get_textpage()
        for label, value in labels.items():
            at = text.search(label, match_case=True, match_whole_word=True).get_next()
            then = text.search(value, match_case=True).get_next()
            if not at or not then:
                continue
            found.add(label)
            label_right = text.get_charbox(at[0] + at[1] - 1)[2]
            value_left = text.get_charbox(then[0])[0]
            assert value_left - label_right > 2, f"“{label}” runs into its value"  # points: about 0.7 mm
    assert found == set(labels)


def test_the_download_page_describes_the_short_pamphlet_the_data_describes() -> None:
    """Sheet by sheet, from the data: a point page only when a section is a point, the tick sheet
    with the number of required entries, and both documents offered."""
    from tebiki.generate import download

    for point in (False, True):
        project = english_short_pamphlet(point=point)
        with translations.using("en"):
            part = download.printed_part(project, *download.printed_files(project, "p.pdf", "r.pdf"))
        assert "“Look after the records you keep.”" in part and "what to do now, in 2 steps" in part
        assert ("a page for its point, “" in part) is point
        required = [e for e in project.checklist.entries() if e.level.value == "required"]
        assert f"a sheet to tick the {len(required)} required checklist entries" in part
        assert "(p.pdf)" in part and "(r.pdf)" in part
        assert not JAPANESE.findall(part)
    # A site that publishes no PDF (`pdf: ""`, `reference_pdf: ""`) links none: its strict build passes.
    assert not download.printed_part(project, "", "").strip()
