"""The interactive checklist in Chromium: keyboard use, tailoring, score, storage, sharing, export, print, no JS."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pypdfium2
import pytest
from playwright.sync_api import Browser, Page, Request, Route, expect
from shipped_profiles import SHOP, shipped_checklist

from browsers import axe_violations, describe, new_context
from support import ROOT, every_profile
from tebiki.data.checklist import conditions
from tebiki.data.checklist.model import Checklist
from tebiki.text import oneline

BIG_LIST = {**SHOP, "over5000": "yes"}  # same size, but more than 5,000 people: the standard track
CONTRACTOR = {**SHOP, "contractor": "yes"}  # same size, processing a client's data: the standard track
ENTRUSTING = {**SHOP, "entrusts": "yes", "recontract": "unknown", "acquires": "yes", "room": "yes"}

VISIBLE_ENTRIES = "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
STATUS = "[data-cl-status]"


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return shipped_checklist()


def applicable(checklist: Checklist, profile: dict[str, str]) -> list[str]:
    eff = conditions.effective(checklist.questions, profile)
    return [e.id for e in checklist.entries() if conditions.holds(e.applies_if, eff)]


def open_checklist(page: Page, site_url: str, profile: dict[str, str] | None = None) -> None:
    """The checklist, with a profile as a shared link carries it: in the fragment."""
    page.goto(site_url + "checklist/" + ("#" + urlencode(profile) if profile else ""), wait_until="networkidle")


def url_profile(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).fragment))


def percent(got: int, most: int) -> int:
    """The page's score: rounded half up, as JavaScript's Math.round does."""
    return int(100 * got / most + 0.5)


def visible_entries(page: Page) -> list[str]:
    return page.eval_on_selector_all("[data-cl-entry]", VISIBLE_ENTRIES)


def answer(page: Page, entry_id: str, value: str) -> None:
    page.check(f'input[name="answer-{entry_id}"][value="{value}"]')


def focused(page: Page) -> dict[str, str | None]:
    return page.evaluate(
        "() => ({name: document.activeElement.name || null, value: document.activeElement.value || null,"
        " tag: document.activeElement.tagName, cl: document.activeElement.className || null})"
    )


# ---- keyboard only ------------------------------------------------------------------------


def test_profile_and_answers_with_the_keyboard_only(page: Page, site_url: str, checklist: Checklist) -> None:
    open_checklist(page, site_url)
    for _ in range(150):
        page.keyboard.press("Tab")
        if focused(page)["name"] == "employees":
            break
    else:
        pytest.fail("Tab never reached the first profile question")
    # In a radio group, Space picks the focused (first) option and ↓ moves to and picks the next one.
    keys = {"employees": "Space", "over5000": "ArrowDown", "contractor": "ArrowDown", "entrusts": "ArrowDown"}
    keys |= {"acquires": "ArrowDown", "it": "Space", "room": "ArrowDown", "abroad": "ArrowDown"}
    for question, key in keys.items():
        assert focused(page)["name"] == question, f"expected focus in {question}, got {focused(page)}"
        page.keyboard.press(key)
        page.keyboard.press("Tab")
    assert focused(page)["tag"] == "BUTTON"
    page.keyboard.press("Enter")
    assert "tebiki-cl-track" in (focused(page)["cl"] or "").split(), "focus did not move to the result"
    expect(page.locator("[data-cl-track-result]")).to_contain_text("「中小規模事業者」の一覧を使います")
    assert url_profile(page.url) == SHOP
    assert visible_entries(page) == applicable(checklist, SHOP)

    # Answer the first three entries from the keyboard: Tab to each answer group, Space picks 実施している.
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
    assert done == applicable(checklist, SHOP)[:3]
    for entry_id in done:
        expect(page.locator(f'input[name="answer-{entry_id}"][value="done"]')).to_be_checked()
    expect(page.locator(STATUS)).to_contain_text(f"回答済み：3／{len(applicable(checklist, SHOP))}項目")


# ---- tailoring ----------------------------------------------------------------------------


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


# ---- score, band, next steps --------------------------------------------------------------


def test_marking_entries_announces_score_and_band(page: Page, site_url: str, checklist: Checklist) -> None:
    open_checklist(page, site_url, SHOP)
    status = page.locator(STATUS)
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    ids = applicable(checklist, SHOP)
    expect(status).to_contain_text("点数：0点")
    expect(status).to_contain_text("✕ 要改善")
    for entry_id in ids:
        answer(page, entry_id, "done")
    expect(status).to_contain_text("点数：100点（100点満点）。判定：◎ 良好")
    expect(page.locator("[data-cl-next-empty]")).to_be_visible()
    full = 2 * len(ids)  # points when every entry is done
    # One required entry not done: over 90 points, but a required gap keeps it out of 良好.
    answer(page, "CL-LOCK", "notyet")
    expect(status).to_contain_text(f"点数：{percent(full - 2, full)}点")
    expect(status).to_contain_text("△ もう一歩")
    expect(status).to_contain_text("まだの必須項目：1件")
    first = page.locator("[data-cl-next] li").first
    expect(first).to_contain_text("必須")
    expect(first).to_contain_text("書類や機器を、鍵のかかる場所にしまう")
    expect(first.locator("a")).to_have_attribute("href", "#CL-LOCK")
    # What to do first: required before recommended, and among those the bigger gap first.
    answer(page, "CL-VIEW", "partly")
    answer(page, "CL-POLICY", "notyet")
    assert ids.index("CL-VIEW") < ids.index("CL-LOCK")
    expect(page.locator("[data-cl-next] li a")).to_have_text(
        [entry_title(checklist, "CL-LOCK"), entry_title(checklist, "CL-VIEW"), entry_title(checklist, "CL-POLICY")]
    )
    # 当てはまらない leaves a recommended entry out of the score and of its maximum.
    answer(page, "CL-LOCK", "done")
    answer(page, "CL-VIEW", "done")
    answer(page, "CL-POLICY", "partly")
    expect(status).to_contain_text(f"点数：{percent(full - 1, full)}点")
    answer(page, "CL-POLICY", "na")
    expect(status).to_contain_text("点数：100点")  # 当てはまらない: out of the maximum too
    # ... and is not offered on a required entry, whose profile rule already decides whether it applies.
    expect(page.locator('input[name="answer-CL-LOCK"]')).to_have_count(3)
    expect(page.locator('input[name="answer-CL-LOCK"][value="na"]')).to_have_count(0)
    expect(page.locator("#scoring")).to_be_visible()
    expect(page.locator(".md-content")).to_contain_text("ただし必須の項目には「当てはまらない」はありません")


def entry_title(checklist: Checklist, entry_id: str) -> str:
    return oneline(next(e.title for e in checklist.entries() if e.id == entry_id))


def test_each_rating_shows_in_words_shape_and_colour(page: Page, site_url: str) -> None:
    open_checklist(page, site_url, SHOP)
    answer(page, "CL-RULES", "done")
    answer(page, "CL-OWNER", "partly")
    answer(page, "CL-TRAINING", "notyet")
    answer(page, "CL-POLICY", "na")
    expected = {
        "CL-RULES": ("◎", "実施している"),
        "CL-OWNER": ("△", "一部だけ実施している"),
        "CL-TRAINING": ("✕", "まだ実施していない"),
        "CL-POLICY": ("－", "当てはまらない"),
        "CL-CHECKUP": ("？", "未回答"),
    }
    colours = set()
    for entry_id, (symbol, words) in expected.items():
        rating = page.locator(f"#{entry_id} [data-cl-rating] .tebiki-cl-rating")
        expect(rating).to_be_visible()
        expect(rating).to_contain_text(symbol)
        expect(rating).to_contain_text("回答：" + words)
        colours.add(rating.evaluate("e => getComputedStyle(e).backgroundColor"))
    assert len(colours) == len(expected), "each rating has its own colour as well as its own words and symbol"
    band = page.locator("[data-cl-headline] .tebiki-cl-rating")
    expect(band).to_contain_text("✕")
    expect(band).to_contain_text("要改善")


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


def test_ratings_meet_aa_contrast(page: Page, site_url: str) -> None:
    open_checklist(page, site_url, SHOP)
    for value, entry_id in [
        ("done", "CL-RULES"),
        ("partly", "CL-OWNER"),
        ("notyet", "CL-TRAINING"),
        ("na", "CL-POLICY"),
    ]:
        answer(page, entry_id, value)
        assert contrast(page, f"#{entry_id} .tebiki-cl-rating") >= 4.5, entry_id


def test_summary_stays_in_view_while_answering_on_a_phone(
    mobile_page: Page, site_url: str, checklist: Checklist
) -> None:
    page = mobile_page
    open_checklist(page, site_url, SHOP)
    ids = applicable(checklist, SHOP)
    bar = page.locator("[data-cl-bar]")
    for n, entry_id in enumerate(ids[:6], start=1):
        option = page.locator(f'input[name="answer-{entry_id}"][value="done"]')
        option.scroll_into_view_if_needed()
        page.locator(f'label:has(input[name="answer-{entry_id}"][value="done"])').tap()
        expect(option).to_be_checked()
        expect(bar).to_be_in_viewport()
        expect(bar).to_contain_text(f"回答済み {n}／{len(ids)}")
        expect(page.locator("[data-cl-progress]")).to_have_attribute("value", str(n))
        # The bar does not cover what is being answered.
        box, covered = option.bounding_box(), bar.bounding_box()
        assert box and covered and box["y"] + box["height"] <= covered["y"], (box, covered)
    expect(bar).to_contain_text(f"{percent(12, 2 * len(ids))}点")  # 6 entries done
    expect(bar.locator(".tebiki-cl-rating")).to_contain_text("✕ 要改善")


def test_per_area_summary_is_a_chart_with_a_table(page: Page, site_url: str, checklist: Checklist) -> None:
    open_checklist(page, site_url, SHOP)
    groups = [g for g in checklist.spec.groups if any(e.id in applicable(checklist, SHOP) for e in g.entries)]
    basics = groups[0]
    for entry in basics.entries:
        if entry.id in applicable(checklist, SHOP):
            answer(page, entry.id, "done")
    rows = page.locator("[data-cl-areas] tr")
    expect(rows).to_have_count(len(groups))
    expect(rows.first.locator("th")).to_have_text(basics.title)
    expect(rows.first).to_contain_text("100点")
    expect(rows.first).to_contain_text("◎ 良好")
    expect(rows.nth(1)).to_contain_text("0点")
    chart = page.locator("[data-cl-chart] svg")
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("desc")).to_contain_text(f"{basics.title}：100点")
    expect(chart.locator(".tebiki-cl-chart-row")).to_have_count(len(groups))
    widths = chart.locator(".tebiki-cl-chart-bar").evaluate_all("rs => rs.map(r => +r.getAttribute('width'))")
    assert widths[0] > 10 * widths[1], widths


# ---- storage, reset, sharing --------------------------------------------------------------


def test_progress_is_kept_on_reload_and_reset_clears_it(page: Page, site_url: str) -> None:
    open_checklist(page, site_url, SHOP)
    answer(page, "CL-RULES", "done")
    answer(page, "CL-OWNER", "partly")
    stored = page.evaluate("() => Object.entries(localStorage)")
    assert len(stored) == 1
    key, value = stored[0]
    assert key.startswith("tebiki-checklist:")
    saved = json.loads(value)
    assert saved["version"] == 2
    assert {k: v["value"] for k, v in saved["answers"].items()} == {"CL-RULES": "done", "CL-OWNER": "partly"}
    assert saved["profile"] == SHOP

    page.goto(site_url + "checklist/", wait_until="networkidle")  # no profile in the URL: it comes from storage
    expect(page.locator('input[name="answer-CL-RULES"][value="done"]')).to_be_checked()
    expect(page.locator('input[name="answer-CL-OWNER"][value="partly"]')).to_be_checked()
    expect(page.locator('input[name="employees"][value="upto100"]')).to_be_checked()
    expect(page.locator(STATUS)).to_contain_text("回答済み：2／")

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-cl-reset]")
    expect(page.locator(STATUS)).to_contain_text("答えをすべて消しました")
    assert page.evaluate("() => Object.keys(localStorage)") == []
    assert urlsplit(page.url).query == "" and urlsplit(page.url).fragment == ""
    checked = "#tebiki-cl-form input:checked, [data-cl-answer] input:checked"
    assert page.locator(checked).count() == 0
    expect(page.locator("[data-cl-waiting]")).to_be_visible()
    page.reload(wait_until="networkidle")
    assert page.locator(checked).count() == 0


def store(page: Page, saved: object) -> None:
    key = page.evaluate("() => 'tebiki-checklist:' + location.pathname")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])


def test_saved_answers_of_an_unknown_version_are_ignored(page: Page, site_url: str) -> None:
    open_checklist(page, site_url, SHOP)
    store(page, {"version": 0, "profile": SHOP, "answers": {"CL-RULES": "done"}})
    open_checklist(page, site_url, SHOP)
    expect(page.locator('input[name="answer-CL-RULES"][value="done"]')).not_to_be_checked()


def test_answers_saved_by_the_first_version_are_migrated(page: Page, site_url: str) -> None:
    open_checklist(page, site_url)
    store(
        page,
        {
            "version": 1,
            "profile": SHOP,
            "answers": {"CL-RULES": "done", "CL-OWNER": "partly"},
            "updated": "2025-03-04T05:06:07.000Z",
        },
    )
    page.goto(site_url + "checklist/", wait_until="networkidle")
    expect(page.locator('input[name="answer-CL-RULES"][value="done"]')).to_be_checked()
    expect(page.locator('input[name="answer-CL-OWNER"][value="partly"]')).to_be_checked()
    expect(page.locator("[data-cl-date]")).to_contain_text("最終更新：2025年3月4日")
    answer(page, "CL-LOCK", "done")
    saved = json.loads(page.evaluate("() => Object.values(localStorage)[0]"))
    assert saved["version"] == 2
    assert {k: v["value"] for k, v in saved["answers"].items()} == {
        "CL-RULES": "done",
        "CL-OWNER": "partly",
        "CL-LOCK": "done",
    }


def test_a_newer_version_is_never_overwritten_and_the_reader_is_told(page: Page, site_url: str) -> None:
    open_checklist(page, site_url)
    newer = {"version": 99, "anything": ["the future"]}
    store(page, newer)
    open_checklist(page, site_url, SHOP)
    answer(page, "CL-RULES", "done")
    expect(page.locator("[data-cl-storage]")).to_contain_text("新しい版で保存された答え")
    assert json.loads(page.evaluate("() => Object.values(localStorage)[0]")) == newer


def test_a_bad_saved_date_never_shows_as_nan(page: Page, site_url: str) -> None:
    open_checklist(page, site_url)
    store(
        page,
        {
            "version": 2,
            "profile": SHOP,
            "profileAt": "soon",
            "answers": {"CL-RULES": {"value": "done", "at": "yesterday"}},
            "updated": "2024-13-45",
        },
    )
    page.goto(site_url + "checklist/", wait_until="networkidle")
    expect(page.locator('input[name="answer-CL-RULES"][value="done"]')).to_be_checked()
    expect(page.locator("[data-cl-date]")).to_contain_text("印刷日：")
    expect(page.locator("[data-cl-date]")).not_to_contain_text("最終更新")
    expect(page.locator("article")).not_to_contain_text("NaN")


def test_two_tabs_merge_their_answers(browser: Browser, site_url: str) -> None:
    context = new_context(browser)
    try:
        one, two = context.new_page(), context.new_page()
        open_checklist(one, site_url, SHOP)
        open_checklist(two, site_url, SHOP)
        answer(one, "CL-RULES", "done")
        # The other tab hears of it at once (the storage event) and shows it ...
        expect(two.locator('input[name="answer-CL-RULES"][value="done"]')).to_be_checked()
        expect(two.locator("[data-cl-storage]")).to_contain_text("別のタブでの答えを取り込みました")
        # ... and its own answer adds to it rather than overwriting it.
        answer(two, "CL-OWNER", "partly")
        expect(one.locator('input[name="answer-CL-OWNER"][value="partly"]')).to_be_checked()
        # The later answer to the same entry wins in both.
        answer(one, "CL-OWNER", "notyet")
        expect(two.locator('input[name="answer-CL-OWNER"][value="notyet"]')).to_be_checked()
        third = context.new_page()
        third.goto(site_url + "checklist/", wait_until="networkidle")
        expect(third.locator('input[name="answer-CL-RULES"][value="done"]')).to_be_checked()
        expect(third.locator('input[name="answer-CL-OWNER"][value="notyet"]')).to_be_checked()
        # A reset in one tab empties the other, so it cannot bring the answers back.
        one.once("dialog", lambda dialog: dialog.accept())
        one.click("[data-cl-reset]")
        expect(two.locator("[data-cl-answer] input:checked")).to_have_count(0)
        expect(two.locator("[data-cl-storage]")).to_contain_text("別のタブで答えがすべて消されました")
    finally:
        context.close()


@pytest.mark.parametrize("failure", ["unavailable", "full"])
def test_the_reader_is_told_when_nothing_can_be_saved(browser: Browser, site_url: str, failure: str) -> None:
    context = new_context(browser)
    # Private modes and full disks make setItem throw; a full one still has what was saved before.
    # Private modes make setItem throw always; a full storage throws for anything bigger than the probe.
    fails = "true" if failure == "unavailable" else "!k.endsWith(':probe')"
    context.add_init_script(
        "(() => { const real = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {"
        f" if ({fails}) throw new DOMException('full', 'QuotaExceededError'); return real.call(this, k, v); }}; }})()"
    )
    try:
        page = context.new_page()
        open_checklist(page, site_url, SHOP)
        notice = page.locator("[data-cl-storage]")
        if failure == "unavailable":
            expect(notice).to_contain_text("このブラウザーでは答えを保存できません")
        answer(page, "CL-RULES", "done")
        answer(page, "CL-OWNER", "done")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("印刷かCSVファイルで残してください")
        expect(page.locator(STATUS)).to_contain_text("回答済み：2／")  # the page still works for this visit
    finally:
        context.close()


def test_shared_url_restores_the_profile_but_never_the_answers(browser: Browser, page: Page, site_url: str) -> None:
    open_checklist(page, site_url)
    for question, value in CONTRACTOR.items():
        page.check(f'input[name="{question}"][value="{value}"]')
    answer(page, "CL-RULES", "done")
    share = page.locator("[data-cl-share-url]").input_value()
    assert urlsplit(share).path.endswith("/checklist/")
    assert urlsplit(share).query == ""  # the profile is in the fragment, which is never sent to the host
    assert url_profile(share) == CONTRACTOR  # the profile only: no entry, no answer
    assert "CL-" not in share and "done" not in share

    other = new_context(browser)
    try:
        fresh = other.new_page()
        requests: list[Request] = []
        fresh.on("request", lambda request: requests.append(request))
        fresh.goto(share, wait_until="networkidle")
        for question, value in CONTRACTOR.items():
            expect(fresh.locator(f'input[name="{question}"][value="{value}"]')).to_be_checked()
        expect(fresh.locator("[data-cl-track-result]")).to_contain_text("「標準」の一覧を使います")
        expect(fresh.locator(STATUS)).to_contain_text("回答済み：0／")
        assert fresh.locator("[data-cl-answer] input:checked").count() == 0
        # No request carries the profile: not in its address, not in its Referer.
        answer(fresh, "CL-RULES", "done")
        fresh.wait_for_load_state("networkidle")
        assert requests
        for request in requests:
            sent = request.url + " " + (request.header_value("referer") or "")
            assert not any(f"{q}=" in sent for q in CONTRACTOR), sent
    finally:
        other.close()


def test_an_old_link_with_the_profile_in_the_query_still_works(page: Page, site_url: str) -> None:
    page.goto(site_url + "checklist/?" + urlencode(SHOP), wait_until="networkidle")
    expect(page.locator("[data-cl-track-result]")).to_contain_text("「中小規模事業者」の一覧を使います")
    # Moved to the fragment at once, so later requests and a copied address no longer carry it.
    assert urlsplit(page.url).query == ""
    assert url_profile(page.url) == SHOP


# ---- links into the list ------------------------------------------------------------------


@pytest.mark.parametrize("profile", [None, SHOP])
def test_a_link_to_an_entry_opens_it_even_before_the_profile(
    mobile_page: Page, site_url: str, checklist: Checklist, profile: dict[str, str] | None
) -> None:
    """A search hit points at an entry's heading: it must land there, not on the page's top."""
    page = mobile_page
    target = "CL-SUBCHECK"  # only for businesses that entrust: not on the small shop's list either
    assert target not in applicable(checklist, SHOP)
    if profile:
        open_checklist(page, site_url, profile)
    page.goto(site_url + f"checklist/#{target}-title", wait_until="networkidle")
    if profile:
        page.reload(wait_until="networkidle")
    heading = page.locator(f"#{target}-title")
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    note = page.locator(f"#{target} [data-cl-outside]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("一覧に入っていません" if profile else "上の質問にすべて答えると")
    expect(page.locator(f"#{target} [data-cl-answer]")).to_be_hidden()


# ---- export -------------------------------------------------------------------------------


def download_csv(page: Page) -> list[list[str]]:
    with page.expect_download() as info:
        page.click("[data-cl-csv]")
    download = info.value
    assert re.fullmatch(r"checklist-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark: spreadsheet software would garble Japanese"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_download_has_the_score_areas_profile_and_answers(page: Page, site_url: str, checklist: Checklist) -> None:
    open_checklist(page, site_url, SHOP)
    answer(page, "CL-RULES", "done")
    answer(page, "CL-OWNER", "partly")
    answer(page, "CL-POLICY", "na")
    rows = download_csv(page)
    assert rows[0] == [
        "区分",
        "項目ID",
        "分類",
        "チェック項目",
        "必須・推奨",
        "やり方（中小規模事業者）",
        "回答",
        "点数",
        "次にやること",
    ]
    assert all(len(row) == len(rows[0]) for row in rows), "one header row, every row the same columns"
    by_kind: dict[str, list[list[str]]] = {}
    for row in rows[1:]:
        by_kind.setdefault(row[0], []).append(row)
    assert [r[3] for r in by_kind["記録日"]][0] == "記録した日"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", by_kind["記録日"][0][6])
    total = by_kind["総合"][0]
    ids = applicable(checklist, SHOP)
    counted = len(ids) - 1  # CL-POLICY does not apply
    assert total[3] == "総合点（100点満点）" and total[6] == "✕ 要改善" and total[7] == str(percent(3, 2 * counted))
    areas = {r[3]: r for r in by_kind["分野"]}
    basics = checklist.spec.groups[0]
    in_basics = len([e for e in basics.entries if e.id in ids]) - 1
    assert areas[basics.title][7] == str(percent(3, 2 * in_basics)) and areas[basics.title][6] == "✕ 要改善"
    profile = {r[3]: r[6] for r in by_kind["会社について"]}
    assert profile["従業員は何人ですか。"] == "100人以下"
    assert len(profile) == len(SHOP)
    by_id = {row[1]: row for row in by_kind["項目"]}
    assert list(by_id) == applicable(checklist, SHOP)
    entries = {e.id: e for e in checklist.entries()}
    assert by_id["CL-RULES"][2:8] == [
        "基本のルールと体制",
        entries["CL-RULES"].title,
        "必須",
        oneline(entries["CL-RULES"].how_for("sme")),
        "実施している",
        "2",
    ]
    assert by_id["CL-OWNER"][6:8] == ["一部だけ実施している", "1"]
    assert by_id["CL-POLICY"][4:8:2] == ["推奨", "当てはまらない"] and by_id["CL-POLICY"][7] == ""
    assert by_id["CL-LOCK"][6] == "未回答"
    assert by_id["CL-LOCK"][8] == oneline(entries["CL-LOCK"].next)


def test_csv_cells_never_run_as_formulas(page: Page, site_url: str) -> None:
    """Data text that starts like a formula (=, +, -, @) is exported as text, not run by a spreadsheet."""
    payloads = ['=HYPERLINK("https://example.com")', "+1+1", "-2+3", "@SUM(A1)"]

    def poisoned(route: Route) -> None:
        body = route.fetch().text()
        data_start = body.index('id="tebiki-checklist-data">') + len('id="tebiki-checklist-data">')
        data_end = body.index("</script>", data_start)
        data = json.loads(body[data_start:data_end])
        for entry, payload in zip(data["entries"], payloads * 10, strict=False):
            entry["title"] = payload
            entry["next"] = payload
        route.fulfill(response=route.fetch(), body=body[:data_start] + json.dumps(data) + body[data_end:])

    page.route("**/checklist/", poisoned)
    open_checklist(page, site_url, SHOP)
    rows = download_csv(page)
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c and c[0] in "=+-@"], "a cell would run as a formula"
    for payload in payloads:
        assert "'" + payload in cells


def pdf_first_page(page: Page) -> str:
    pdf = pypdfium2.PdfDocument(page.pdf(format="A4", print_background=True))
    return pdf[0].get_textpage().get_text_range()


def test_print_puts_the_report_on_the_first_page(page: Page, site_url: str, checklist: Checklist) -> None:
    ids = applicable(checklist, SHOP)
    open_checklist(page, site_url, SHOP)
    answer(page, "CL-RULES", "done")
    answer(page, "CL-OWNER", "notyet")
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
    expect(page.locator("#CL-RULES [data-cl-rating]")).to_contain_text("回答：実施している")
    expect(page.locator("#CL-OWNER [data-cl-rating]")).to_contain_text("回答：まだ実施していない")
    expect(page.locator("#CL-LOCK [data-cl-rating]")).to_contain_text("回答：未回答")
    expect(page.locator("#CL-ROOM")).to_be_hidden()  # not applicable: not printed
    first = pdf_first_page(page)
    for wanted in [
        f"点数：{percent(2, 2 * len(ids))}点（100点満点）。判定：✕ 要改善",
        "分野ごとの結果",
        "基本のルールと体制",
        "中小規模事業者の一覧",
        "従業員は何人ですか。",
        "100人以下",
    ]:
        assert wanted in first, f"{wanted!r} is not on the first printed page:\n{first}"
    assert re.search(r"印刷日：\d{4}年\d{1,2}月\d{1,2}日", first), first
    # On screen again, the answers show as controls.
    page.emulate_media(media="screen")
    expect(page.locator("#CL-RULES [data-cl-answer]")).to_be_visible()


# ---- without JavaScript -------------------------------------------------------------------


def shown_without_script(page: Page) -> list[str]:
    """Visible entries, found through locators (page.evaluate needs the page's JavaScript)."""
    entries = page.locator(".tebiki-cl-entry")
    return [e.get_attribute("id") or "" for e in entries.all() if e.is_visible()]


def test_without_javascript_every_track_list_is_readable(browser: Browser, site_url: str, checklist: Checklist) -> None:
    context = new_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "checklist/")
        expect(page.locator("[data-cl-nojs]")).to_be_visible()
        expect(page.locator(".tebiki-cl-profile")).to_be_hidden()
        assert shown_without_script(page) == [e.id for e in checklist.entries()]
        expect(page.locator("#CL-RULES .tebiki-cl-how")).to_have_count(2)
        for how in page.locator("#CL-RULES .tebiki-cl-how").all():
            expect(how).to_be_visible()
        expect(page.locator("[data-cl-answer]").first).to_be_hidden()
        for track in checklist.tracks:
            page.goto(site_url + f"checklist/{track.id}/")
            assert shown_without_script(page) == [e.id for e in checklist.entries()]
            expect(page.locator("#CL-RULES .tebiki-cl-how")).to_contain_text(track.how_label)
    finally:
        context.close()


def test_the_whole_list_appears_when_the_checklist_script_fails_to_load(
    browser: Browser, site_url: str, checklist: Checklist
) -> None:
    """JavaScript on but checklist.js lost (a flaky connection): the page must not stay an empty form."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.route("**/assets/checklist.js", lambda route: route.abort())
        page.goto(site_url + "checklist/")
        expect(page.locator("[data-cl-nojs]")).to_be_visible()
        assert shown_without_script(page) == [e.id for e in checklist.entries()]
    finally:
        context.close()


def test_with_javascript_the_page_starts_on_the_questions_without_the_whole_list(page: Page, site_url: str) -> None:
    """What the script shows first is what is laid out first: no list that it would hide at once."""
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
    page.goto(site_url + "checklist/")
    assert page.evaluate("window.shownEarly") == 0, "the whole list was laid out before the script hid it"
    assert page.evaluate("window.profileEarly"), "the questions were not shown from the start"
    expect(page.locator(".tebiki-cl-profile")).to_be_visible()
    expect(page.locator(".tebiki-cl-waiting")).to_be_visible()
    assert page.evaluate("document.documentElement.classList.contains('tebiki-cl-pending')") is False


# ---- accessibility and privacy ------------------------------------------------------------


def test_axe_finds_no_violations_in_any_state(page: Page, site_url: str) -> None:
    reports = []
    open_checklist(page, site_url)
    reports.append(describe("empty", axe_violations(page)))
    open_checklist(page, site_url, ENTRUSTING)
    answer(page, "CL-RULES", "done")
    answer(page, "CL-OWNER", "partly")
    answer(page, "CL-SELECT", "notyet")
    reports.append(describe("answered", axe_violations(page)))
    page.emulate_media(media="print")
    reports.append(describe("print", axe_violations(page)))
    reports = [r for r in reports if r]
    assert not reports, "axe-core found WCAG A/AA violations:\n" + "\n".join(reports)


def test_axe_finds_no_violations_on_a_phone(mobile_page: Page, site_url: str) -> None:
    open_checklist(mobile_page, site_url, ENTRUSTING)
    answer(mobile_page, "CL-RULES", "done")
    assert not (violations := axe_violations(mobile_page)), describe("phone", violations)


def test_nothing_leaves_the_browser_while_answering(page: Page, site_url: str) -> None:
    requests: list[str] = []
    open_checklist(page, site_url)

    def record(request: Request) -> None:
        requests.append(request.url)

    page.on("request", record)
    for question, value in ENTRUSTING.items():
        page.check(f'input[name="{question}"][value="{value}"]')
    page.click("#tebiki-cl-form button[type=submit]")
    answer(page, "CL-RULES", "done")
    answer(page, "CL-SUBCHECK", "partly")
    with page.expect_download():
        page.click("[data-cl-csv]")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-cl-reset]")
    page.wait_for_load_state("networkidle")
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in requests), requests
    # Chromium asks for the favicon again whenever the address changes (the profile is kept in it);
    # answering, exporting and resetting request nothing else.
    assert {urlsplit(url).path for url in requests} <= {"/tebiki/assets/images/favicon.png"}, requests


# ---- the same rules in Python and in the browser -------------------------------------------


def test_python_and_javascript_rules_agree_on_every_profile(page: Page, site_url: str, checklist: Checklist) -> None:
    full = every_profile(checklist)
    # Also half-answered profiles, stale answers to questions no longer asked, and values that are no option.
    profiles = list(full)
    for profile in full[::7]:
        profiles += [{k: v for k, v in profile.items() if k != q.id} for q in checklist.questions]
        profiles.append({**profile, "recontract": "yes", "employees": "lots"})
    open_checklist(page, site_url)
    from_js = page.evaluate(
        """profiles => {
            const data = JSON.parse(document.getElementById("tebiki-checklist-data").textContent);
            const R = window.TebikiRules;
            return profiles.map(p => {
                const eff = R.effective(data.questions, p);
                const complete = R.complete(data.questions, p);
                return {
                    eff, complete,
                    track: complete ? R.trackOf(data.tracks, eff) : null,
                    entries: data.entries.filter(e => R.holds(e.applies_if, eff)).map(e => e.id),
                    asked: data.questions.filter(q => R.holds(q.ask_if, eff)).map(q => q.id),
                };
            });
        }""",
        profiles,
    )
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
