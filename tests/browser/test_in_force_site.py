"""The in-force fixture site (tests/fixtures/sites/in-force, English) in Chromium on a phone: the
home journey to the item pages, the checklist and a quiz, and axe on a sample of page kinds.
Expected values come from the fixture's data and tebiki's catalogs. It is served on its own, not
as a third `site` of the shared fixture (that would run every shared browser test on it too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from browsers import Site, axe_violations, describe, phone_context, shows_its_language, tap_choice
from builds import in_force_project
from support import serve
from tebiki.data.checklist import conditions
from waits import goto

PROFILE = {"staff": "few", "delivery": "no"}  # a small shop that sends nothing (the fixture's profile.yml)
# One page of each kind the site has; the guideline pages are added from the data.
PAGE_KINDS = [
    "",
    "glossary/",
    "checklist/",
    "checklist/small/",
    "quiz/",
    "quiz/selftest/",
    "seminars/",
    "seminars/briefing-autumn/",  # planned, with no date or place yet
    "sources/",
    "trainers/members/",
    "trainers/members/slides/",
    "trainers/members/live/",
    "download/",
]


@pytest.fixture(scope="module")
def in_force_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = in_force_project(tmp_path_factory)
    with serve(project / "site") as url:
        yield Site("en", project, url)


@pytest.fixture
def phone(browser: Browser, in_force_site: Site) -> Iterator[Page]:
    context = phone_context(browser, in_force_site.locale)
    yield context.new_page()
    context.close()


def test_the_home_journey_reaches_the_items_the_checklist_and_a_quiz(phone: Page, in_force_site: Site) -> None:
    page, site = phone, in_force_site
    guideline = site.data.guideline
    goto(page, site.url)
    expect(page.locator("[data-tebiki-home-notice], .tebiki-notice")).to_have_count(0)  # nothing was abolished
    expect(page.locator('[data-home-start="checklist"]')).to_be_in_viewport(ratio=1)
    shows_its_language(page, site)

    # The home page's link to the first section leads to its items.
    first = guideline.sections[0]
    page.locator("article").get_by_role("link", name=first.title).tap()
    expect(page).to_have_url(site.url + f"guideline/{first.id}/")
    expect(page.locator("h1")).to_contain_text(first.title)  # after its point number, if any
    for item in first.items():
        expect(page.locator(f"h3#{item.id}")).to_contain_text(item.title)
    expect(page.locator(".tebiki-today")).to_have_count(0)
    expect(page.get_by_text(site._("Under today's rules"))).to_have_count(0)

    # The checklist, one tap from home, for a small shop to its best band.
    goto(page, site.url)
    page.locator('[data-home-start="checklist"]').tap()
    expect(page.locator("#tebiki-cl-form")).to_be_visible()
    for question, value in PROFILE.items():
        tap_choice(page, question, value)
    bar = page.locator("[data-cl-bar]")
    expect(bar).to_be_visible()  # the profile is complete: the list is the shop's
    checklist = site.checklist
    answers = conditions.effective(checklist.questions, PROFILE)
    total = len([e for e in checklist.entries() if conditions.holds(e.applies_if, answers)])
    assert 0 < total < len(checklist.entries())  # the entry about couriers is not asked of this shop
    entries = page.locator("[data-cl-entry]:visible")
    expect(entries).to_have_count(total)
    for n, entry in enumerate(entries.all(), start=1):
        entry.locator("label").first.tap()
        expect(bar).to_contain_text(site.t("Answered {answered} of {total}", answered=n, total=total))
    band = checklist.spec.bands[0]
    expect(page.locator("[data-cl-status]")).to_contain_text(f"{band.symbol} {band.label}")

    # A quiz from home: the first single-choice question answered right.
    goto(page, site.url)
    page.locator('[data-home-start="quiz"]').tap()
    bank = site.data.quizzes[0]
    page.locator("article").get_by_role("link", name=bank.nav_title or bank.title).first.tap()
    expect(page).to_have_url(site.url + f"quiz/{bank.id}/")
    data = next(q for q in bank.questions if q.type == "single")
    quiz = page.locator(f"h2#{data.id} + .tebiki-question .quiz")
    correct = next(i for i, c in enumerate(data.choices) if c.correct)
    quiz.locator("fieldset > div").nth(correct).locator("label").tap()
    quiz.locator("button[type=submit]").tap()
    expect(quiz.locator(".quiz-feedback .tebiki-verdict")).to_have_text(site._("Correct."))
    expect(quiz.locator("section.content")).to_contain_text(data.explanation)
    shows_its_language(page, site)


def test_axe_finds_no_violations_on_each_kind_of_page_on_a_phone(phone: Page, in_force_site: Site) -> None:
    page, site = phone, in_force_site
    paths = [f"guideline/{s.id}/" for s in site.data.guideline.sections] + PAGE_KINDS
    reports = []
    for path in paths:
        response = goto(page, site.url + path)
        assert response and response.ok, path
        if violations := axe_violations(page):
            reports.append(describe(path or "/", violations))
    assert not reports, "axe-core found WCAG A/AA violations:\n" + "\n".join(reports)
