"""The shipped home page on a phone: every start card and the abolition notice on the first screen,
its detail one tap away. (The journey from the home page to a finished checklist, by touch and by
keyboard, on the fixture sites in both languages: tests/browser/test_home_journey.py.)"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from waits import goto

START_KINDS = ["checklist", "quiz", "video", "pamphlet"]


def test_home_starts_people_above_the_fold_on_a_phone(mobile_page: Page, site_url: str) -> None:
    page = mobile_page
    goto(page, site_url)
    cards = page.locator("[data-home-start]")
    expect(cards).to_have_count(len(START_KINDS))
    assert [c.get_attribute("data-home-start") for c in cards.all()] == START_KINDS
    expect(cards.first).to_be_in_viewport(ratio=1)  # the self-check whole on the first screen
    for card in cards.all():
        expect(card).to_be_in_viewport(ratio=0.5)  # and every other start at least half of it
    # The abolition notice is one line of the first screen, with its detail one tap away.
    notice = page.locator("details.tebiki-notice")
    expect(notice.locator("summary")).to_contain_text("2017年5月30日に廃止")
    detail = notice.get_by_text("個人情報保護委員会", exact=False)
    expect(detail).to_be_hidden()
    notice.locator("summary").tap()
    expect(detail).to_be_visible()
