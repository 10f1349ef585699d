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


def test_the_short_pamphlet_speaks_the_sites_language() -> None:
    """Every word the short pamphlet adds comes from the catalogs: an English site's has no Japanese."""
    from tebiki.data.guideline.model import Contact, FirstStep, Pamphlet
    from tebiki.data.project import Paths, load_project
    from tebiki.generate import short_pamphlet

    project = load_project(Paths.under(Path(__file__).parent / "fixtures" / "sites" / "en"))
    meta = project.guideline.meta
    item = project.guideline.sections[0].items()[0]
    pamphlet = Pamphlet(
        message="Look after the records you keep.",
        lead="For small teams. What to do first, and where to ask.",
        first_steps=[FirstStep(text="Lock the cabinet.", items=[item.id]), FirstStep(text="Name one person.")],
        contacts=[Contact(name="The help line", phone="0000-000-000", hours="Weekdays 9 to 5")],
    )
    guideline = project.guideline.model_copy(update={"meta": meta.model_copy(update={"pamphlet": pamphlet})})
    project = dataclasses.replace(project, guideline=guideline)
    with translations.using("en"):
        html = short_pamphlet.document(project, site_name="Records", site_url=None, issued=dt.date(2020, 1, 1))
    assert '<html lang="en">' in html
    assert "Start with these 2." in html and "Where to ask" in html
    assert not JAPANESE.findall(html)
