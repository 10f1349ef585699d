"""From the home page to a finished checklist on both fixture sites (ja, en), by touch on a phone and
by keyboard on a desktop; the start cards and the navigation on every kind of page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from browsers import MOBILE, Site, new_context, shows_its_language, tap_choice
from tebiki.data.checklist import conditions
from waits import goto

PROFILE = {"size": "small", "entrusts": "no"}  # the fixture's small organisation (profile.yml)
# Every tool a fixture site has, in the order the home page offers them: each has a recording, a checklist,
# quizzes and the pamphlet.
START_KINDS = ["checklist", "quiz", "video", "pamphlet"]
ON_SCREEN_NAV = """() => [...document.querySelectorAll(".md-sidebar--primary :is(a, button).md-nav__link")]
  .filter(e => {
    const r = e.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + 2, r.top + r.height / 2);
    return getComputedStyle(e).visibility === "visible" && r.width > 0 && r.left >= 0 && r.right <= innerWidth
      && r.top >= 0 && r.bottom <= innerHeight && top && top.closest(".md-nav__link") === e;
  }).length >= 3"""


def entries_for(site: Site) -> int:
    checklist = site.checklist
    eff = conditions.effective(checklist.questions, PROFILE)
    return len([e for e in checklist.entries() if conditions.holds(e.applies_if, eff)])


def best_band(site: Site) -> str:
    band = site.checklist.spec.bands[0]
    return f"{band.symbol} {band.label}"


def test_home_starts_people_above_the_fold_on_a_phone(site_mobile_page: Page, site: Site) -> None:
    page = site_mobile_page
    goto(page, site.url)
    cards = page.locator("[data-home-start]")
    expect(cards).to_have_count(len(START_KINDS))
    assert [c.get_attribute("data-home-start") for c in cards.all()] == START_KINDS
    expect(cards.first).to_be_in_viewport(ratio=1)  # the self-check whole on the first screen
    for card in cards.all():
        expect(card).to_be_in_viewport(ratio=0.5)  # and every other start at least half of it
    shows_its_language(page, site)


def test_every_start_card_opens_its_page(site_page: Page, site: Site) -> None:
    page = site_page
    goto(page, site.url)
    hrefs = [c.get_attribute("href") or "" for c in page.locator("[data-home-start]").all()]
    wanted = {"checklist": "[data-cl-question]", "quiz": "h1", "video": "video", "pamphlet": "a[href$='.pdf']"}
    for kind, href in zip(START_KINDS, hrefs, strict=True):
        response = goto(page, site.url + href)
        assert response and response.ok, (kind, href)
        expect(page.locator(wanted[kind]).first).to_be_attached()
        shows_its_language(page, site)


def test_from_home_to_a_finished_checklist_by_touch(site_mobile_page: Page, site: Site) -> None:
    page = site_mobile_page
    goto(page, site.url)
    page.locator('[data-home-start="checklist"]').tap()  # one tap from the home page
    expect(page.locator("#tebiki-cl-form")).to_be_visible()
    for question, value in PROFILE.items():
        tap_choice(page, question, value)
    bar = page.locator("[data-cl-bar]")
    expect(bar).to_be_visible()
    entries = page.locator("[data-cl-entry]:visible")
    total = entries_for(site)
    expect(entries).to_have_count(total)
    for n, entry in enumerate(entries.all(), start=1):
        entry.locator("label").first.tap()
        expect(bar).to_contain_text(site.t("Answered {answered} of {total}", answered=n, total=total))
        expect(bar).to_be_in_viewport()
    expect(page.locator("[data-cl-status]")).to_contain_text(best_band(site))
    page.locator(".tebiki-cl-bar-link").tap()
    expect(page.locator("[data-cl-headline]")).to_be_in_viewport()
    expect(page.locator("[data-cl-next-empty]")).to_be_visible()
    shows_its_language(page, site)


def focused_is(page: Page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page: Page, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_is(page, selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_from_home_to_a_finished_checklist_by_keyboard(site_page: Page, site: Site) -> None:
    page = site_page
    goto(page, site.url)
    tab_to(page, '[data-home-start="checklist"]')
    page.keyboard.press("Enter")
    expect(page.locator("#tebiki-cl-form")).to_be_visible()
    for question, value in PROFILE.items():
        tab_to(page, f'input[name="{question}"]')
        # In a radio group, arrows move the choice; press until the wanted option is checked.
        for _ in range(5):
            if page.locator(f'input[name="{question}"][value="{value}"]').is_checked():
                break
            page.keyboard.press("ArrowDown" if focused_is(page, ":checked") else "Space")
        expect(page.locator(f'input[name="{question}"][value="{value}"]')).to_be_checked()
    tab_to(page, "#tebiki-cl-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-cl-track-result]")).to_be_focused()
    total = entries_for(site)
    expect(page.locator("[data-cl-entry]:visible")).to_have_count(total)
    for n in range(1, total + 1):
        tab_to(page, "[data-cl-answer] input:not(:checked)", limit=40)
        page.keyboard.press("Space")  # the first option: done
        expect(page.locator("[data-cl-bar]")).to_contain_text(
            site.t("Answered {answered} of {total}", answered=n, total=total)
        )
    expect(page.locator("[data-cl-status]")).to_contain_text(best_band(site))


@pytest.mark.parametrize("path", ["", "checklist/", "quiz/", "search/", "download/"])
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_navigation_is_reachable_on_every_page(browser: Browser, site: Site, path: str, viewport: str) -> None:
    phone = viewport == "phone"
    kwargs = {"viewport": MOBILE, "is_mobile": True, "has_touch": True} if phone else {}
    context = new_context(browser, locale=site.locale, **kwargs)
    try:
        page = context.new_page()
        goto(page, site.url + path)
        if phone:
            menu = page.locator('.md-header [for="__drawer"], .md-header .tebiki-drawer-button').first
            expect(menu).to_be_visible()
            menu.click()
        # The site's navigation is on screen: links or panel buttons one can press (on a phone the
        # drawer opens on the current page's section, whose title button leads back to the rest).
        page.wait_for_function(ON_SCREEN_NAV)
    finally:
        context.close()
