"""The shipped checklist in Chromium: the shipped profiles get the shipped lists, the follow-up
question brings in the shipped entries, and the shipped rules evaluate alike in Python and in the
browser. (The checklist's behaviour, on the fixture sites in both languages: tests/browser/.)"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect
from shipped_profiles import SHOP, shipped_checklist

from browsers import rules_in_page
from support import every_profile
from tebiki.data.checklist import conditions
from tebiki.data.checklist.model import Checklist
from tebiki.text import oneline
from waits import goto

BIG_LIST = {**SHOP, "over5000": "yes"}  # same size, but more than 5,000 people: the standard track
CONTRACTOR = {**SHOP, "contractor": "yes"}  # same size, processing a client's data: the standard track

VISIBLE_ENTRIES = "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return shipped_checklist()


def applicable(checklist: Checklist, profile: dict[str, str]) -> list[str]:
    eff = conditions.effective(checklist.questions, profile)
    return [e.id for e in checklist.entries() if conditions.holds(e.applies_if, eff)]


def open_checklist(page: Page, site_url: str, profile: dict[str, str] | None = None) -> None:
    """The checklist, with a profile as a shared link carries it: in the fragment."""
    goto(page, site_url + "checklist/" + ("#" + urlencode(profile) if profile else ""))


def visible_entries(page: Page) -> list[str]:
    return page.eval_on_selector_all("[data-cl-entry]", VISIBLE_ENTRIES)


def test_small_shop_and_big_list_and_contractor_get_their_own_lists(
    page: Page, site_url: str, checklist: Checklist
) -> None:
    entries = {e.id: e for e in checklist.entries()}
    rules = entries["CL-RULES"]
    assert isinstance(rules.how, dict)
    for profile, track in [(SHOP, "sme"), (BIG_LIST, "standard"), (CONTRACTOR, "standard")]:
        open_checklist(page, site_url, profile)
        label = "中小規模事業者" if track == "sme" else "標準"
        expect(page.locator("[data-cl-track-result]")).to_contain_text(f"「{label}」の一覧を使います")
        assert visible_entries(page) == applicable(checklist, profile)
        how = page.locator("#CL-RULES .tebiki-cl-how")
        expect(how.filter(has_text=oneline(rules.how[track])[:20])).to_be_visible()
        other = "standard" if track == "sme" else "sme"
        expect(how.filter(has_text=oneline(rules.how[other])[:20])).to_be_hidden()
    # The contractor's list has the contractor's entries; the shop's and the big list's do not.
    assert {"CL-ENTRUSTED", "CL-RESUB"} <= set(visible_entries(page))
    assert set(applicable(checklist, SHOP)) == set(applicable(checklist, BIG_LIST))


def test_follow_up_question_appears_only_when_entrusting(page: Page, site_url: str, checklist: Checklist) -> None:
    open_checklist(page, site_url, SHOP)
    expect(page.locator('[data-cl-question="recontract"]')).to_be_hidden()
    page.check('input[name="entrusts"][value="yes"]')
    expect(page.locator('[data-cl-question="recontract"]')).to_be_visible()
    expect(page.locator("[data-cl-waiting]")).to_be_visible()  # one more question to answer
    assert visible_entries(page) == []
    page.check('input[name="recontract"][value="unknown"]')
    assert "CL-SUBCHECK" in visible_entries(page)
    assert visible_entries(page) == applicable(checklist, {**SHOP, "entrusts": "yes", "recontract": "unknown"})


# ---- the same rules in Python and in the browser -------------------------------------------


def test_python_and_javascript_rules_agree_on_every_profile(page: Page, site_url: str, checklist: Checklist) -> None:
    full = every_profile(checklist)
    # Also half-answered profiles, stale answers to questions no longer asked, and values that are no option.
    profiles = list(full)
    for profile in full[::7]:
        profiles += [{k: v for k, v in profile.items() if k != q.id} for q in checklist.questions]
        profiles.append({**profile, "recontract": "yes", "employees": "lots"})
    open_checklist(page, site_url)
    from_js = rules_in_page(page, profiles)
    assert len(from_js) == len(profiles) > 300
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
