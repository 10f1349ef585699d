"""The interactive checklist in Chromium on both fixture sites (ja, en): keyboard use, tailoring,
score, storage, sharing, export, print, no JS, axe; every word checked in the site's language.

Expected entries, tracks, scores and bands come from the fixture's data (profile.yml,
checklist.yml) and the interface words from tebiki's catalogs, never from the page itself.
(That the shipped guideline's profiles get the shipped lists: tests/content/browser/.)"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pypdfium2
import pytest
from playwright.sync_api import Browser, Page, Request, Route, expect

from browsers import Site, axe_violations, describe, new_context, rules_in_page, shows_its_language
from support import ROOT, every_profile
from tebiki.data.checklist import conditions
from tebiki.data.checklist.model import Checklist, Entry, Level
from tebiki.text import oneline
from waits import goto, loaded, reload

# Answers to the fixture's profile questions (the same IDs in tests/fixtures/sites/{ja,en}/guideline/profile.yml).
SMALL = {"size": "small", "entrusts": "no"}  # the small organisation's list
LARGE = {"size": "large", "entrusts": "no"}  # same answers but bigger: the standard list
ENTRUSTING = {"size": "small", "entrusts": "yes", "remote": "yes"}  # the follow-up question brings entries in

VISIBLE_ENTRIES = "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
STATUS = "[data-cl-status]"
STATUS_MESSAGE = (
    "Score: {score} out of 100. Rating: {symbol} {band}. Answered: {answered} of {total} entries."
    " Required entries not done: {gaps}."
)


def applicable(checklist: Checklist, profile: dict[str, str]) -> list[str]:
    eff = conditions.effective(checklist.questions, profile)
    return [e.id for e in checklist.entries() if conditions.holds(e.applies_if, eff)]


def track_of(checklist: Checklist, profile: dict[str, str]) -> str:
    return conditions.track_of(checklist.tracks, conditions.effective(checklist.questions, profile))


def track_label(checklist: Checklist, profile: dict[str, str]) -> str:
    return next(t.label for t in checklist.tracks if t.id == track_of(checklist, profile))


def entry(checklist: Checklist, entry_id: str) -> Entry:
    return next(e for e in checklist.entries() if e.id == entry_id)


def of_level(checklist: Checklist, ids: list[str], level: Level) -> list[str]:
    return [i for i in ids if entry(checklist, i).level == level]


def scale_label(checklist: Checklist, value: str) -> str:
    return next(p.label for p in checklist.spec.scale if p.value == value)


def percent(got: int, most: int) -> int:
    """The page's score: rounded half up, as JavaScript's Math.round does."""
    return int(100 * got / most + 0.5)


def status_text(site: Site, ids: list[str], answers: dict[str, str]) -> str:
    """What the status line must say for these answers: the score worked out from checklist.yml's
    scale and bands (unanswered counts 0; 'does not apply' leaves a recommended entry out)."""
    checklist = site.checklist
    points = {p.value: p.points for p in checklist.spec.scale}
    top = max(p for p in points.values() if p is not None)
    got = most = answered = gaps = 0
    for entry_id in ids:
        value = answers.get(entry_id)
        if value is not None:
            answered += 1
            if points[value] is None:
                continue
        most += top
        earned = points[value] if value is not None else 0
        got += earned or 0
        if entry(checklist, entry_id).level == Level.required and earned != top:
            gaps += 1
    shown = percent(got, most) if most else 100
    band = next(
        b
        for b in checklist.spec.bands
        if shown >= b.min_score and (b.max_required_gaps is None or gaps <= b.max_required_gaps)
    )
    return site.t(
        STATUS_MESSAGE, score=shown, symbol=band.symbol, band=band.label, answered=answered, total=len(ids), gaps=gaps
    )


def open_checklist(page: Page, site: Site, profile: dict[str, str] | None = None) -> None:
    """The checklist, with a profile as a shared link carries it: in the fragment."""
    goto(page, site.url + "checklist/" + ("#" + urlencode(profile) if profile else ""))


def url_profile(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).fragment))


def visible_entries(page: Page) -> list[str]:
    return page.eval_on_selector_all("[data-cl-entry]", VISIBLE_ENTRIES)


def answer(page: Page, entry_id: str, value: str) -> None:
    page.check(f'input[name="answer-{entry_id}"][value="{value}"]')


def focused(page: Page) -> dict[str, str | None]:
    return page.evaluate(
        "() => ({name: document.activeElement.name || null, value: document.activeElement.value || null,"
        " tag: document.activeElement.tagName, cl: document.activeElement.className || null})"
    )


def test_the_fixture_profiles_reach_different_lists(site: Site) -> None:
    """What the tests below rely on in the fixture data, so a changed fixture fails here, plainly."""
    checklist = site.checklist
    assert track_of(checklist, SMALL) != track_of(checklist, LARGE) == track_of(checklist, ENTRUSTING)
    assert set(applicable(checklist, SMALL)) < set(applicable(checklist, ENTRUSTING))
    assert len(checklist.spec.groups) >= 2 and len(checklist.spec.bands) >= 3
    ids = applicable(checklist, SMALL)
    assert len(of_level(checklist, ids, Level.required)) >= 2 and len(of_level(checklist, ids, Level.recommended)) >= 2
    assert all(isinstance(entry(checklist, i).how, dict) for i in ids)


# ---- keyboard only ------------------------------------------------------------------------


def test_profile_and_answers_with_the_keyboard_only(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    open_checklist(page, site)
    first = checklist.questions[0].id
    for _ in range(150):
        page.keyboard.press("Tab")
        if focused(page)["name"] == first:
            break
    else:
        pytest.fail("Tab never reached the first profile question")
    # In a radio group, Space picks the focused (first) option and ↓ moves to and picks the next one.
    for question in checklist.questions:
        if question.id not in SMALL:
            continue  # not asked for this profile
        assert focused(page)["name"] == question.id, f"expected focus in {question.id}, got {focused(page)}"
        index = question.values().index(SMALL[question.id])
        for key in ["Space"] if index == 0 else ["ArrowDown"] * index:
            page.keyboard.press(key)
        page.keyboard.press("Tab")
    assert focused(page)["tag"] == "BUTTON"
    page.keyboard.press("Enter")
    assert "tebiki-cl-track" in (focused(page)["cl"] or "").split(), "focus did not move to the result"
    expect(page.locator("[data-cl-track-result]")).to_contain_text(
        site.t("Your {reader} uses the “{track}” list.", **site.reader, track=track_label(checklist, SMALL))
    )
    assert url_profile(page.url) == SMALL
    ids = applicable(checklist, SMALL)
    assert visible_entries(page) == ids

    # Answer the first three entries from the keyboard: Tab to each answer group, Space picks the first answer.
    done = []
    for _ in range(3):
        for _ in range(40):
            page.keyboard.press("Tab")
            name = focused(page)["name"] or ""
            if name.startswith("answer-") and name.removeprefix("answer-") not in done:
                break
        else:
            pytest.fail("Tab never reached the next answer group")
        page.keyboard.press("Space")
        done.append(name.removeprefix("answer-"))
    assert done == ids[:3]
    first_value = checklist.spec.scale[0].value
    for entry_id in done:
        expect(page.locator(f'input[name="answer-{entry_id}"][value="{first_value}"]')).to_be_checked()
    expect(page.locator(STATUS)).to_contain_text(status_text(site, ids, dict.fromkeys(done, first_value)))
    shows_its_language(page, site)


# ---- tailoring ----------------------------------------------------------------------------


def test_each_profile_gets_its_own_list_and_its_tracks_way(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    for profile in (SMALL, LARGE, ENTRUSTING):
        open_checklist(page, site, profile)
        track = track_of(checklist, profile)
        summary = oneline(next(t.summary for t in checklist.tracks if t.id == track))
        # Two sentences, with the language's gap between them: a space in English, none in Japanese.
        expect(page.locator("[data-cl-track-result]")).to_have_text(
            site.t("Your {reader} uses the “{track}” list.", **site.reader, track=track_label(checklist, profile))
            + site.gap
            + summary
        )
        ids = applicable(checklist, profile)
        assert visible_entries(page) == ids
        for entry_id in ids:
            hows = entry(checklist, entry_id).how
            assert isinstance(hows, dict)
            how = page.locator(f"#{entry_id} .tebiki-cl-how")
            for other, text in hows.items():
                shown = how.filter(has_text=oneline(text)[:20])
                expect(shown).to_be_visible() if other == track else expect(shown).to_be_hidden()
        shows_its_language(page, site)


def test_follow_up_question_appears_only_when_it_applies(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    follow_up = next(q for q in checklist.questions if q.ask_if)
    open_checklist(page, site, SMALL)
    expect(page.locator(f'[data-cl-question="{follow_up.id}"]')).to_be_hidden()
    page.check('input[name="entrusts"][value="yes"]')
    expect(page.locator(f'[data-cl-question="{follow_up.id}"]')).to_be_visible()
    expect(page.locator("[data-cl-waiting]")).to_be_visible()  # one more question to answer
    assert visible_entries(page) == []
    page.check(f'input[name="{follow_up.id}"][value="yes"]')
    expect(page.locator("[data-cl-waiting]")).to_be_hidden()
    assert visible_entries(page) == applicable(checklist, ENTRUSTING)
    assert set(visible_entries(page)) - set(applicable(checklist, SMALL)), "the follow-up answer brought entries in"


# ---- score, band, next steps --------------------------------------------------------------


def test_marking_entries_announces_score_and_band(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    open_checklist(page, site, SMALL)
    status = page.locator(STATUS)
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    ids = applicable(checklist, SMALL)
    required, recommended = of_level(checklist, ids, Level.required), of_level(checklist, ids, Level.recommended)
    answers: dict[str, str] = {}
    expect(status).to_contain_text(status_text(site, ids, answers))
    best, worst = checklist.spec.bands[0], checklist.spec.bands[-1]
    expect(status).to_contain_text(f"{worst.symbol} {worst.label}")
    for entry_id in ids:
        answer(page, entry_id, "done")
        answers[entry_id] = "done"
    expect(status).to_contain_text(status_text(site, ids, answers))
    expect(status).to_contain_text(f"{best.symbol} {best.label}")
    expect(page.locator("[data-cl-next-empty]")).to_be_visible()
    # One required entry not done: a high score, but a required gap keeps it out of the best band.
    gap = required[-1]
    answer(page, gap, "notyet")
    answers[gap] = "notyet"
    expect(status).to_contain_text(status_text(site, ids, answers))
    expect(status).not_to_contain_text(f"{best.symbol} {best.label}")
    first = page.locator("[data-cl-next] li").first
    expect(first).to_contain_text(oneline(entry(checklist, gap).title))
    expect(first.locator("a")).to_have_attribute("href", f"#{gap}")
    # What to do first: required before recommended, and among those the bigger gap first.
    partly, open_ = recommended[0], recommended[1]
    answer(page, partly, "partly")
    answer(page, open_, "notyet")
    answers |= {partly: "partly", open_: "notyet"}
    expect(page.locator("[data-cl-next] li a")).to_have_text(
        [oneline(entry(checklist, i).title) for i in (gap, open_, partly)]
    )
    expect(status).to_contain_text(status_text(site, ids, answers))
    # 'Does not apply' leaves a recommended entry out of the score and of its maximum.
    answer(page, gap, "done")
    answer(page, partly, "done")
    answer(page, open_, "partly")
    answers |= {gap: "done", partly: "done", open_: "partly"}
    expect(status).to_contain_text(status_text(site, ids, answers))
    answer(page, open_, "na")
    answers[open_] = "na"
    expect(status).to_contain_text(status_text(site, ids, answers))
    # ... and is not offered on a required entry, whose profile rule already decides whether it applies.
    expect(page.locator(f'input[name="answer-{gap}"]')).to_have_count(len(checklist.spec.scale) - 1)
    expect(page.locator(f'input[name="answer-{gap}"][value="na"]')).to_have_count(0)
    expect(page.locator("#scoring")).to_be_visible()
    na, zero = scale_label(checklist, "na"), scale_label(checklist, "notyet")
    rule = site._(
        "Entries answered “%(na)s” count neither in the points nor in the most they could earn (the score"
        " neither rises nor falls). Required entries have no “%(na)s”: whether they apply is decided by your"
        " answers about your %(reader)s. Entries not answered yet count 0 points, like “%(zero)s”.",
        **site.reader,
        na=na,
        zero=zero,
    )
    expect(page.locator(".md-content")).to_contain_text(rule)
    shows_its_language(page, site)


def test_each_rating_shows_in_words_shape_and_colour(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    ids = applicable(checklist, SMALL)
    recommended = of_level(checklist, ids, Level.recommended)
    picked = {ids[0]: "done", ids[1]: "partly", ids[2]: "notyet", recommended[-1]: "na"}
    assert len(picked) == 4, picked
    open_checklist(page, site, SMALL)
    for entry_id, value in picked.items():
        answer(page, entry_id, value)
    symbols = {"done": "◎", "partly": "△", "notyet": "✕", "na": site.t("–")}
    expected = {i: (symbols[v], scale_label(checklist, v)) for i, v in picked.items()}
    unanswered = next(i for i in ids if i not in picked)
    expected[unanswered] = (site.t("?"), re.sub(r"[（）()]", "", site.t("(not answered)")))
    colours = set()
    for entry_id, (symbol, words) in expected.items():
        rating = page.locator(f"#{entry_id} [data-cl-rating] .tebiki-cl-rating")
        expect(rating).to_be_visible()
        expect(rating).to_contain_text(symbol)
        expect(rating).to_contain_text(site.t("Answer: ") + words)
        colours.add(rating.evaluate("e => getComputedStyle(e).backgroundColor"))
    assert len(colours) == len(expected), "each rating has its own colour as well as its own words and symbol"
    worst = checklist.spec.bands[-1]
    band = page.locator("[data-cl-headline] .tebiki-cl-rating")
    expect(band).to_contain_text(worst.symbol)
    expect(band).to_contain_text(worst.label)


def contrast(page: Page, selector: str) -> float:
    """WCAG contrast ratio between an element's text colour and its background colour."""
    return page.eval_on_selector(
        selector,
        """e => {
            const lum = c => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map(v => {
                v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const s = getComputedStyle(e), a = lum(s.color), b = lum(s.backgroundColor);
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }""",
    )


def test_ratings_meet_aa_contrast(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    ids = applicable(checklist, SMALL)
    na_entry = of_level(checklist, ids, Level.recommended)[-1]
    open_checklist(page, site, SMALL)
    for value, entry_id in [("done", ids[0]), ("partly", ids[1]), ("notyet", ids[2]), ("na", na_entry)]:
        answer(page, entry_id, value)
        assert contrast(page, f"#{entry_id} .tebiki-cl-rating") >= 4.5, entry_id


def test_summary_stays_in_view_while_answering_on_a_phone(site_mobile_page: Page, site: Site) -> None:
    page, checklist = site_mobile_page, site.checklist
    open_checklist(page, site, SMALL)
    ids = applicable(checklist, SMALL)
    bar = page.locator("[data-cl-bar]")
    answers = {}
    for n, entry_id in enumerate(ids, start=1):
        option = page.locator(f'input[name="answer-{entry_id}"][value="done"]')
        option.scroll_into_view_if_needed()
        page.locator(f'label:has(input[name="answer-{entry_id}"][value="done"])').tap()
        expect(option).to_be_checked()
        answers[entry_id] = "done"
        expect(bar).to_be_in_viewport()
        expect(bar).to_contain_text(site.t("Answered {answered} of {total}", answered=n, total=len(ids)))
        expect(page.locator("[data-cl-progress]")).to_have_attribute("value", str(n))
        # The bar does not cover what is being answered.
        box, covered = option.bounding_box(), bar.bounding_box()
        assert box and covered and box["y"] + box["height"] <= covered["y"], (box, covered)
        if n == 2:
            expect(bar).to_contain_text(site.t("{score} points", score=percent(4, 2 * len(ids))))
            expect(bar.locator(".tebiki-cl-rating")).to_contain_text(checklist.spec.bands[-1].label)
    best = checklist.spec.bands[0]
    expect(bar).to_contain_text(site.t("{score} points", score=100))
    expect(bar.locator(".tebiki-cl-rating")).to_contain_text(f"{best.symbol} {best.label}")
    shows_its_language(page, site)


def test_per_area_summary_is_a_chart_with_a_table(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    ids = applicable(checklist, SMALL)
    open_checklist(page, site, SMALL)
    groups = [g for g in checklist.spec.groups if any(e.id in ids for e in g.entries)]
    assert len(groups) >= 2
    first = groups[0]
    for e in first.entries:
        if e.id in ids:
            answer(page, e.id, "done")
    best, worst = checklist.spec.bands[0], checklist.spec.bands[-1]
    rows = page.locator("[data-cl-areas] tr")
    expect(rows).to_have_count(len(groups))
    expect(rows.first.locator("th")).to_have_text(first.title)
    expect(rows.first).to_contain_text(site.t("{score} points", score=100))
    expect(rows.first).to_contain_text(f"{best.symbol} {best.label}")
    expect(rows.nth(1)).to_contain_text(site.t("{score} points", score=0))
    expect(rows.nth(1)).to_contain_text(f"{worst.symbol} {worst.label}")
    chart = page.locator("[data-cl-chart] svg")
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("desc")).to_contain_text(site.t("{area}: {score}", area=first.title, score=100))
    expect(chart.locator(".tebiki-cl-chart-row")).to_have_count(len(groups))
    widths = chart.locator(".tebiki-cl-chart-bar").evaluate_all("rs => rs.map(r => +r.getAttribute('width'))")
    assert widths[0] > 10 * widths[1], widths


# ---- storage, reset, sharing --------------------------------------------------------------


def test_progress_is_kept_on_reload_and_reset_clears_it(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    one, two = applicable(checklist, SMALL)[:2]
    open_checklist(page, site, SMALL)
    answer(page, one, "done")
    answer(page, two, "partly")
    stored = page.evaluate("() => Object.entries(localStorage)")
    assert len(stored) == 1
    key, value = stored[0]
    assert key.startswith("tebiki-checklist:")
    saved = json.loads(value)
    assert saved["version"] == 2
    assert {k: v["value"] for k, v in saved["answers"].items()} == {one: "done", two: "partly"}
    assert saved["profile"] == SMALL

    goto(page, site.url + "checklist/")  # no profile in the URL: it comes from storage
    expect(page.locator(f'input[name="answer-{one}"][value="done"]')).to_be_checked()
    expect(page.locator(f'input[name="answer-{two}"][value="partly"]')).to_be_checked()
    for question, value in SMALL.items():
        expect(page.locator(f'input[name="{question}"][value="{value}"]')).to_be_checked()
    ids = applicable(checklist, SMALL)
    expect(page.locator(STATUS)).to_contain_text(status_text(site, ids, {one: "done", two: "partly"}))

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-cl-reset]")
    expect(page.locator(STATUS)).to_contain_text(site.t("All answers cleared."))
    assert page.evaluate("() => Object.keys(localStorage)") == []
    assert urlsplit(page.url).query == "" and urlsplit(page.url).fragment == ""
    checked = "#tebiki-cl-form input:checked, [data-cl-answer] input:checked"
    assert page.locator(checked).count() == 0
    expect(page.locator("[data-cl-waiting]")).to_be_visible()
    reload(page)
    assert page.locator(checked).count() == 0


def store(page: Page, saved: object) -> None:
    key = page.evaluate("() => 'tebiki-checklist:' + location.pathname")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])


def test_saved_answers_of_an_unknown_version_are_ignored(site_page: Page, site: Site) -> None:
    page, first = site_page, applicable(site.checklist, SMALL)[0]
    open_checklist(page, site, SMALL)
    store(page, {"version": 0, "profile": SMALL, "answers": {first: "done"}})
    open_checklist(page, site, SMALL)
    expect(page.locator(f'input[name="answer-{first}"][value="done"]')).not_to_be_checked()


def test_answers_saved_by_the_first_version_are_migrated(site_page: Page, site: Site) -> None:
    page = site_page
    one, two, three = applicable(site.checklist, SMALL)[:3]
    open_checklist(page, site)
    saved = {"version": 1, "profile": SMALL, "answers": {one: "done", two: "partly"}}
    store(page, {**saved, "updated": "2025-03-04T05:06:07.000Z"})
    goto(page, site.url + "checklist/")
    expect(page.locator(f'input[name="answer-{one}"][value="done"]')).to_be_checked()
    expect(page.locator(f'input[name="answer-{two}"][value="partly"]')).to_be_checked()
    expect(page.locator("[data-cl-date]")).to_contain_text(
        site.t("Last updated: {date}", date=site.date(dt.date(2025, 3, 4)))
    )
    answer(page, three, "done")
    saved = json.loads(page.evaluate("() => Object.values(localStorage)[0]"))
    assert saved["version"] == 2
    assert {k: v["value"] for k, v in saved["answers"].items()} == {one: "done", two: "partly", three: "done"}


def test_a_newer_version_is_never_overwritten_and_the_reader_is_told(site_page: Page, site: Site) -> None:
    page = site_page
    open_checklist(page, site)
    newer = {"version": 99, "anything": ["the future"]}
    store(page, newer)
    open_checklist(page, site, SMALL)
    answer(page, applicable(site.checklist, SMALL)[0], "done")
    expect(page.locator("[data-cl-storage]")).to_contain_text(
        site.t("Answers saved by a newer version of this page exist, so changes here are not saved. Reload the page.")
    )
    assert json.loads(page.evaluate("() => Object.values(localStorage)[0]")) == newer


def test_a_bad_saved_date_never_shows_as_nan(site_page: Page, site: Site) -> None:
    page, first = site_page, applicable(site.checklist, SMALL)[0]
    open_checklist(page, site)
    store(
        page,
        {
            "version": 2,
            "profile": SMALL,
            "profileAt": "soon",
            "answers": {first: {"value": "done", "at": "yesterday"}},
            "updated": "2024-13-45",
        },
    )
    goto(page, site.url + "checklist/")
    expect(page.locator(f'input[name="answer-{first}"][value="done"]')).to_be_checked()
    expect(page.locator("[data-cl-date]")).to_contain_text(site.t("Printed: {date}", date="").strip())
    expect(page.locator("[data-cl-date]")).not_to_contain_text(site.t("Last updated: {date}", date="").strip())
    expect(page.locator("article")).not_to_contain_text("NaN")


def test_two_tabs_merge_their_answers(browser: Browser, site: Site) -> None:
    one_id, two_id = applicable(site.checklist, SMALL)[:2]
    context = new_context(browser, locale=site.locale)
    try:
        one, two = context.new_page(), context.new_page()
        # The reader answers in the tab in front: a tab behind draws no frames, and a click waits
        # for frames (as the page's own scripts may), so acting on it is slow and unlike a reader.
        one.bring_to_front()
        open_checklist(one, site, SMALL)
        open_checklist(two, site, SMALL)
        answer(one, one_id, "done")
        # The other tab hears of it at once (the storage event) and shows it ...
        expect(two.locator(f'input[name="answer-{one_id}"][value="done"]')).to_be_checked()
        expect(two.locator("[data-cl-storage]")).to_contain_text(site.t("Answers from another tab were taken in."))
        # ... and its own answer adds to it rather than overwriting it.
        two.bring_to_front()
        answer(two, two_id, "partly")
        expect(one.locator(f'input[name="answer-{two_id}"][value="partly"]')).to_be_checked()
        # The later answer to the same entry wins in both.
        one.bring_to_front()
        answer(one, two_id, "notyet")
        expect(two.locator(f'input[name="answer-{two_id}"][value="notyet"]')).to_be_checked()
        third = context.new_page()
        goto(third, site.url + "checklist/")
        expect(third.locator(f'input[name="answer-{one_id}"][value="done"]')).to_be_checked()
        expect(third.locator(f'input[name="answer-{two_id}"][value="notyet"]')).to_be_checked()
        # A reset in one tab empties the other, so it cannot bring the answers back.
        one.bring_to_front()
        one.once("dialog", lambda dialog: dialog.accept())
        one.click("[data-cl-reset]")
        expect(two.locator("[data-cl-answer] input:checked")).to_have_count(0)
        expect(two.locator("[data-cl-storage]")).to_contain_text(site.t("All answers were cleared in another tab."))
    finally:
        context.close()


@pytest.mark.parametrize("failure", ["unavailable", "full"])
def test_the_reader_is_told_when_nothing_can_be_saved(browser: Browser, site: Site, failure: str) -> None:
    context = new_context(browser, locale=site.locale)
    # Private modes make setItem throw always; a full storage throws for anything bigger than the probe.
    fails = "true" if failure == "unavailable" else "!k.endsWith(':probe')"
    context.add_init_script(
        "(() => { const real = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {"
        f" if ({fails}) throw new DOMException('full', 'QuotaExceededError'); return real.call(this, k, v); }}; }})()"
    )
    unavailable = site.t(
        "This browser cannot keep your answers (in private mode, or when its storage is full, for example)."
        " They are lost when the page closes: print them or save a CSV file."
    )
    full = site.t(
        "Your answers could not be saved (this browser's storage is full). The last answers are lost when"
        " the page closes: print them or save a CSV file."
    )
    ids = applicable(site.checklist, SMALL)
    try:
        page = context.new_page()
        open_checklist(page, site, SMALL)
        notice = page.locator("[data-cl-storage]")
        if failure == "unavailable":
            expect(notice).to_contain_text(unavailable)
        answer(page, ids[0], "done")
        answer(page, ids[1], "done")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(unavailable if failure == "unavailable" else full)
        # The page still works for this visit.
        expect(page.locator(STATUS)).to_contain_text(status_text(site, ids, {ids[0]: "done", ids[1]: "done"}))
    finally:
        context.close()


def test_shared_url_restores_the_profile_but_never_the_answers(browser: Browser, site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    open_checklist(page, site)
    for question, value in LARGE.items():
        page.check(f'input[name="{question}"][value="{value}"]')
    first = applicable(checklist, LARGE)[0]
    answer(page, first, "done")
    share = page.locator("[data-cl-share-url]").input_value()
    assert urlsplit(share).path.endswith("/checklist/")
    assert urlsplit(share).query == ""  # the profile is in the fragment, which is never sent to the host
    assert url_profile(share) == LARGE  # the profile only: no entry, no answer
    assert "CL-" not in share and "done" not in share

    other = new_context(browser, locale=site.locale)
    try:
        fresh = other.new_page()
        requests: list[Request] = []
        fresh.on("request", lambda request: requests.append(request))
        goto(fresh, share)
        for question, value in LARGE.items():
            expect(fresh.locator(f'input[name="{question}"][value="{value}"]')).to_be_checked()
        expect(fresh.locator("[data-cl-track-result]")).to_contain_text(
            site.t("Your {reader} uses the “{track}” list.", **site.reader, track=track_label(checklist, LARGE))
        )
        expect(fresh.locator(STATUS)).to_contain_text(status_text(site, applicable(checklist, LARGE), {}))
        assert fresh.locator("[data-cl-answer] input:checked").count() == 0
        # No request carries the profile: not in its address, not in its Referer.
        answer(fresh, first, "done")
        loaded(fresh)
        assert requests
        for request in requests:
            sent = request.url + " " + (request.header_value("referer") or "")
            assert not any(f"{q}=" in sent for q in LARGE), sent
    finally:
        other.close()


def test_an_old_link_with_the_profile_in_the_query_still_works(site_page: Page, site: Site) -> None:
    page = site_page
    goto(page, site.url + "checklist/?" + urlencode(SMALL))
    expect(page.locator("[data-cl-track-result]")).to_contain_text(
        site.t("Your {reader} uses the “{track}” list.", **site.reader, track=track_label(site.checklist, SMALL))
    )
    # Moved to the fragment at once, so later requests and a copied address no longer carry it.
    assert urlsplit(page.url).query == ""
    assert url_profile(page.url) == SMALL


# ---- links into the list ------------------------------------------------------------------


@pytest.mark.parametrize("profile", [None, SMALL], ids=["no profile", "small"])
def test_a_link_to_an_entry_opens_it_even_before_the_profile(
    site_mobile_page: Page, site: Site, profile: dict[str, str] | None
) -> None:
    """A search hit points at an entry's heading: it must land there, not on the page's top."""
    page, checklist = site_mobile_page, site.checklist
    # The last entry only the follow-up question brings in: not on the small organisation's list.
    target = [i for i in applicable(checklist, ENTRUSTING) if i not in applicable(checklist, SMALL)][-1]
    if profile:
        open_checklist(page, site, profile)
    goto(page, site.url + f"checklist/#{target}-title")
    if profile:
        reload(page)
    heading = page.locator(f"#{target}-title")
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    note = page.locator(f"#{target} [data-cl-outside]")
    expect(note).to_be_visible()
    outside = "With your answers about your {reader}, this entry is not on your list (no need to answer it)."
    not_asked = "Answer all the questions above to see whether this entry applies to your {reader}."
    expect(note).to_contain_text(site.t(outside if profile else not_asked, **site.reader))
    expect(page.locator(f"#{target} [data-cl-answer]")).to_be_hidden()


# ---- export -------------------------------------------------------------------------------


def download_csv(page: Page) -> list[list[str]]:
    with page.expect_download() as info:
        page.click("[data-cl-csv]")
    download = info.value
    assert re.fullmatch(r"checklist-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark: spreadsheet software would garble the text"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_download_has_the_score_areas_profile_and_answers(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    ids = applicable(checklist, SMALL)
    done, partly, unanswered = ids[0], ids[1], ids[2]
    na = of_level(checklist, ids, Level.recommended)[-1]
    answers = {done: "done", partly: "partly", na: "na"}
    open_checklist(page, site, SMALL)
    for entry_id, value in answers.items():
        answer(page, entry_id, value)
    rows = download_csv(page)
    track = next(t for t in checklist.tracks if t.id == track_of(checklist, SMALL))
    header = ["Kind", "Entry ID", "Group", "Checklist entry", "Required or recommended", "How ({track})"]
    header += ["Answer", "Points", "Next step"]
    assert rows[0] == [site.t(h, track=track.label) for h in header]
    assert all(len(row) == len(rows[0]) for row in rows), "one header row, every row the same columns"
    by_kind: dict[str, list[list[str]]] = {}
    for row in rows[1:]:
        by_kind.setdefault(row[0], []).append(row)
    recorded = by_kind[site.t("Recorded on")]
    assert recorded[0][3] == site.t("Date recorded")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", recorded[0][6])
    total = by_kind[site.t("Total")][0]
    worst = checklist.spec.bands[-1]
    counted = len(ids) - 1  # the 'does not apply' entry is left out
    assert total[3] == site.t("Total score (out of 100)")
    assert total[6] == f"{worst.symbol} {worst.label}" and total[7] == str(percent(3, 2 * counted))
    areas = {r[3]: r for r in by_kind[site.t("Area")]}
    first = checklist.spec.groups[0]
    in_first = [e.id for e in first.entries if e.id in ids and e.id != na]
    got = sum({done: 2, partly: 1}.get(i, 0) for i in in_first)
    assert areas[first.title][7] == str(percent(got, 2 * len(in_first)))
    # The file calls the reader what the site does (the fixtures' data names no company).
    assert not re.search(r"(?i)business|compan|会社|自社|企業", "\n".join(",".join(row) for row in rows))
    profile = {r[3]: r[6] for r in by_kind[site.t("About the {reader}", **site.reader)]}
    for question in checklist.questions:
        if question.id in SMALL:
            assert profile[question.text] == next(o.label for o in question.options if o.value == SMALL[question.id])
    assert len(profile) == len(SMALL)
    by_id = {row[1]: row for row in by_kind[site.t("Entry")]}
    assert list(by_id) == ids
    group_of = {e.id: g.title for g in checklist.spec.groups for e in g.entries}
    levels = {Level.required: site._("Required"), Level.recommended: site._("Recommended")}
    first_entry = entry(checklist, done)
    assert by_id[done][2:8] == [
        group_of[done],
        oneline(first_entry.title),
        levels[first_entry.level],
        oneline(first_entry.how_for(track.id)),
        scale_label(checklist, "done"),
        "2",
    ]
    assert by_id[na][4] == levels[Level.recommended] != levels[Level.required]
    assert by_id[partly][6:8] == [scale_label(checklist, "partly"), "1"]
    assert by_id[na][6] == scale_label(checklist, "na") and by_id[na][7] == ""
    assert by_id[unanswered][6] == site.t("not answered")
    assert by_id[unanswered][8] == oneline(entry(checklist, unanswered).next)


def test_csv_cells_never_run_as_formulas(site_page: Page, site: Site) -> None:
    """Data text that starts like a formula (=, +, -, @) is exported as text, not run by a spreadsheet."""
    page = site_page
    payloads = ['=HYPERLINK("https://example.com")', "+1+1", "-2+3", "@SUM(A1)"]

    def poisoned(route: Route) -> None:
        body = route.fetch().text()
        data_start = body.index('id="tebiki-checklist-data">') + len('id="tebiki-checklist-data">')
        data_end = body.index("</script>", data_start)
        data = json.loads(body[data_start:data_end])
        for item, payload in zip(data["entries"], payloads * 10, strict=False):
            item["title"] = payload
            item["next"] = payload
        route.fulfill(response=route.fetch(), body=body[:data_start] + json.dumps(data) + body[data_end:])

    page.route("**/checklist/", poisoned)
    assert applicable(site.checklist, ENTRUSTING) == [e.id for e in site.checklist.entries()], "every entry exported"
    open_checklist(page, site, ENTRUSTING)
    rows = download_csv(page)
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c and c[0] in "=+-@"], "a cell would run as a formula"
    for payload in payloads:
        assert "'" + payload in cells


def pdf_first_page(page: Page) -> str:
    pdf = pypdfium2.PdfDocument(page.pdf(format="A4", print_background=True))
    return pdf[0].get_textpage().get_text_range()


def test_print_puts_the_report_on_the_first_page(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    ids = applicable(checklist, SMALL)
    done, notyet, unanswered = ids[:3]
    outside = next(i for i in applicable(checklist, ENTRUSTING) if i not in ids)
    open_checklist(page, site, SMALL)
    answer(page, done, "done")
    answer(page, notyet, "notyet")
    page.emulate_media(media="print")
    for hidden in [
        "#tebiki-cl-form",
        "[data-cl-answer] >> nth=0",
        "[data-cl-print]",
        "[data-cl-csv]",
        "[data-cl-reset]",
        "[data-cl-bar]",
    ]:
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    prefix = site.t("Answer: ")
    expect(page.locator(f"#{done} [data-cl-rating]")).to_contain_text(prefix + scale_label(checklist, "done"))
    expect(page.locator(f"#{notyet} [data-cl-rating]")).to_contain_text(prefix + scale_label(checklist, "notyet"))
    expect(page.locator(f"#{unanswered} [data-cl-rating]")).to_contain_text(
        prefix + re.sub(r"[（）()]", "", site.t("(not answered)"))
    )
    expect(page.locator(f"#{outside}")).to_be_hidden()  # not applicable: not printed
    first = " ".join(pdf_first_page(page).split())
    track = next(t for t in checklist.tracks if t.id == track_of(checklist, SMALL))
    size = checklist.questions[0]
    wanted = [
        status_text(site, ids, {done: "done", notyet: "notyet"}).split(site.t("Answered: {answered}", answered=0))[0],
        site._("Result by area"),
        checklist.spec.groups[0].title,
        track.nav_title,
        size.text,
        next(o.label for o in size.options if o.value == SMALL[size.id]),
    ]
    for text in wanted:
        assert " ".join(text.split()) in first, f"{text!r} is not on the first printed page:\n{first}"
    printed = site.t("Printed: {date}", date=site.date(dt.datetime.now().astimezone().date()))
    assert printed in first, first
    # On screen again, the answers show as controls.
    page.emulate_media(media="screen")
    expect(page.locator(f"#{done} [data-cl-answer]")).to_be_visible()


# ---- without JavaScript -------------------------------------------------------------------


def shown_without_script(page: Page) -> list[str]:
    """Visible entries, found through locators (page.evaluate needs the page's JavaScript)."""
    entries = page.locator(".tebiki-cl-entry")
    return [e.get_attribute("id") or "" for e in entries.all() if e.is_visible()]


def test_without_javascript_every_track_list_is_readable(browser: Browser, site: Site) -> None:
    checklist = site.checklist
    every = [e.id for e in checklist.entries()]
    first = every[0]
    context = new_context(browser, locale=site.locale, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + "checklist/")
        expect(page.locator("[data-cl-nojs]")).to_be_visible()
        expect(page.locator(".tebiki-cl-profile")).to_be_hidden()
        assert shown_without_script(page) == every
        hows = page.locator(f"#{first} .tebiki-cl-how")
        expect(hows).to_have_count(len(checklist.tracks))
        for how in hows.all():
            expect(how).to_be_visible()
        expect(page.locator("[data-cl-answer]").first).to_be_hidden()
        for track in checklist.tracks:
            page.goto(site.url + f"checklist/{track.id}/")
            assert shown_without_script(page) == every
            expect(page.locator(f"#{first} .tebiki-cl-how")).to_contain_text(track.how_label)
    finally:
        context.close()


def test_the_whole_list_appears_when_the_checklist_script_fails_to_load(browser: Browser, site: Site) -> None:
    """JavaScript on but checklist.js lost (a flaky connection): the page must not stay an empty form."""
    context = new_context(browser, locale=site.locale)
    try:
        page = context.new_page()
        page.route("**/assets/checklist.js", lambda route: route.abort())
        page.goto(site.url + "checklist/")
        expect(page.locator("[data-cl-nojs]")).to_be_visible()
        assert shown_without_script(page) == [e.id for e in site.checklist.entries()]
    finally:
        context.close()


def test_the_form_sent_before_the_script_has_run_is_answered_by_it_and_not_sent_to_the_host(
    site_page: Page, site: Site
) -> None:
    """On a slow connection the questions show before checklist.js has run. Answers picked and the form
    sent meanwhile wait for the script, which shows their list with focus on the result; sent as a
    plain GET form they would reach the host in the address, and the result would not be focused."""
    page, checklist = site_page, site.checklist
    held: list[Route] = []
    page.route("**/assets/checklist.js", lambda route: held.append(route))
    documents: list[str] = []
    page.on("request", lambda request: documents.append(request.url) if request.resource_type == "document" else None)
    with page.expect_request("**/assets/checklist.js"):
        page.goto(site.url + "checklist/", wait_until="commit")
    for question, value in SMALL.items():
        page.check(f'input[name="{question}"][value="{value}"]')
    page.click("#tebiki-cl-form button[type=submit]")
    assert len(held) == 1
    held[0].continue_()
    result = page.locator("[data-cl-track-result]")
    expect(result).to_be_focused()
    expect(result).to_contain_text(
        site.t("Your {reader} uses the “{track}” list.", **site.reader, track=track_label(checklist, SMALL))
    )
    assert visible_entries(page) == applicable(checklist, SMALL)
    assert url_profile(page.url) == SMALL and not urlsplit(page.url).query
    assert documents == [site.url + "checklist/"], "the form was sent to the host"


def test_with_javascript_the_page_starts_on_the_questions_without_the_whole_list(site_page: Page, site: Site) -> None:
    """What the script shows first is what is laid out first: no list that it would hide at once."""
    page = site_page
    # Look at the page from the script that runs just before checklist.js.
    page.route(
        "**/assets/checklist-rules.js",
        lambda route: route.fulfill(
            status=200,
            content_type="application/javascript",
            body=(
                Path(ROOT, "src/tebiki/theme/assets/checklist-rules.js").read_text(encoding="utf-8")
                + "\nwindow.shownEarly = [...document.querySelectorAll('.tebiki-cl-entry, [data-cl-nojs]')]"
                + ".filter(e => e.offsetParent !== null).length;"
                + "\nwindow.profileEarly = document.querySelector('.tebiki-cl-profile').offsetParent !== null;"
            ),
        ),
    )
    page.goto(site.url + "checklist/")
    assert page.evaluate("window.shownEarly") == 0, "the whole list was laid out before the script hid it"
    assert page.evaluate("window.profileEarly"), "the questions were not shown from the start"
    expect(page.locator(".tebiki-cl-profile")).to_be_visible()
    expect(page.locator(".tebiki-cl-waiting")).to_be_visible()
    assert page.evaluate("document.documentElement.classList.contains('tebiki-cl-pending')") is False


# ---- accessibility and privacy ------------------------------------------------------------


def test_axe_finds_no_violations_in_any_state(site_page: Page, site: Site) -> None:
    page = site_page
    ids = applicable(site.checklist, ENTRUSTING)
    reports = []
    open_checklist(page, site)
    reports.append(describe("empty", axe_violations(page)))
    open_checklist(page, site, ENTRUSTING)
    answer(page, ids[0], "done")
    answer(page, ids[1], "partly")
    answer(page, ids[-1], "notyet")
    reports.append(describe("answered", axe_violations(page)))
    shows_its_language(page, site)
    page.emulate_media(media="print")
    reports.append(describe("print", axe_violations(page)))
    reports = [r for r in reports if r]
    assert not reports, "axe-core found WCAG A/AA violations:\n" + "\n".join(reports)


def test_axe_finds_no_violations_on_a_phone(site_mobile_page: Page, site: Site) -> None:
    open_checklist(site_mobile_page, site, ENTRUSTING)
    answer(site_mobile_page, applicable(site.checklist, ENTRUSTING)[0], "done")
    assert not (violations := axe_violations(site_mobile_page)), describe("phone", violations)


def test_nothing_leaves_the_browser_while_answering(site_page: Page, site: Site) -> None:
    page = site_page
    ids = applicable(site.checklist, ENTRUSTING)
    requests: list[str] = []
    open_checklist(page, site)

    def record(request: Request) -> None:
        requests.append(request.url)

    page.on("request", record)
    for question, value in ENTRUSTING.items():
        page.check(f'input[name="{question}"][value="{value}"]')
    page.click("#tebiki-cl-form button[type=submit]")
    answer(page, ids[0], "done")
    answer(page, ids[-1], "partly")
    with page.expect_download():
        page.click("[data-cl-csv]")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-cl-reset]")
    loaded(page)
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in requests), requests
    # Chromium asks for the favicon again whenever the address changes (the profile is kept in it);
    # answering, exporting and resetting request nothing else.
    assert {urlsplit(url).path for url in requests} <= {"/tebiki/assets/images/favicon.png"}, requests


# ---- the same rules in Python and in the browser -------------------------------------------


def test_python_and_javascript_rules_agree_on_every_profile(site_page: Page, site: Site) -> None:
    page, checklist = site_page, site.checklist
    full = every_profile(checklist)
    # Also half-answered profiles, stale answers to questions no longer asked, and values that are no option.
    profiles = list(full)
    for profile in full:
        profiles += [{k: v for k, v in profile.items() if k != q.id} for q in checklist.questions]
        profiles.append({**profile, "remote": "yes", "size": "lots"})
        profiles.append({**profile, "entrusts": "no", "remote": "yes"})
    open_checklist(page, site)
    from_js = rules_in_page(page, profiles)
    assert len(from_js) == len(profiles) > 20
    tracks = set()
    for profile, js in zip(profiles, from_js, strict=True):
        eff = conditions.effective(checklist.questions, profile)
        complete = conditions.complete(checklist.questions, profile)
        python = {
            "eff": eff,
            "complete": complete,
            "track": conditions.track_of(checklist.tracks, eff) if complete else None,
            "entries": [e.id for e in checklist.entries() if conditions.holds(e.applies_if, eff)],
            "asked": [q.id for q in checklist.questions if conditions.holds(q.ask_if, eff)],
        }
        assert js == python, profile
        tracks.add(js["track"])
    assert len(tracks) == len(checklist.tracks) + 1, "every track (and no track yet) is among the profiles"
