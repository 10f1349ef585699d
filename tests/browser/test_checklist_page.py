"""The interactive checklist in Chromium: keyboard use, tailoring, score, storage, sharing, export, print, no JS."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, expect
from test_a11y import axe_violations, describe

from conftest import new_context
from support import ROOT, every_profile
from tebiki.checklist import conditions
from tebiki.checklist.model import Checklist
from tebiki.generate.render import oneline
from tebiki.project import Paths, load_project

SHOP = {
    "employees": "upto100",
    "over5000": "no",
    "contractor": "no",
    "entrusts": "no",
    "acquires": "no",
    "it": "yes",
    "room": "no",
    "abroad": "no",
}
BIG_LIST = {**SHOP, "over5000": "yes"}  # same size, but more than 5,000 people: the standard track
CONTRACTOR = {**SHOP, "contractor": "yes"}  # same size, processing a client's data: the standard track
ENTRUSTING = {**SHOP, "entrusts": "yes", "recontract": "unknown", "acquires": "yes", "room": "yes"}

VISIBLE_ENTRIES = "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
STATUS = "[data-cl-status]"


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    loaded = load_project(Paths.under(ROOT)).checklist
    assert loaded is not None
    return loaded


def applicable(checklist: Checklist, profile: dict[str, str]) -> list[str]:
    eff = conditions.effective(checklist.questions, profile)
    return [e.id for e in checklist.entries() if conditions.holds(e.applies_if, eff)]


def open_checklist(page: Page, site_url: str, profile: dict[str, str] | None = None) -> None:
    page.goto(site_url + "checklist/" + ("?" + urlencode(profile) if profile else ""), wait_until="networkidle")


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
    assert dict(parse_qsl(urlsplit(page.url).query)) == SHOP
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
    # One required entry not done: 28 of 30 points is 93, but a required gap keeps it out of 良好.
    answer(page, "CL-LOCK", "notyet")
    expect(status).to_contain_text("点数：93点")
    expect(status).to_contain_text("△ もう一歩")
    expect(status).to_contain_text("済んでいない必須の項目：1件")
    first = page.locator("[data-cl-next] li").first
    expect(first).to_contain_text("必須")
    expect(first).to_contain_text("書類や機器を、鍵のかかる場所にしまう")
    expect(first.locator("a")).to_have_attribute("href", "#CL-LOCK")
    # 当てはまらない is not counted at all.
    answer(page, "CL-LOCK", "na")
    expect(status).to_contain_text("点数：100点")


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
    assert saved["version"] == 1 and saved["answers"] == {"CL-RULES": "done", "CL-OWNER": "partly"}
    assert saved["profile"] == SHOP

    page.goto(site_url + "checklist/", wait_until="networkidle")  # no query: the profile comes from storage
    expect(page.locator('input[name="answer-CL-RULES"][value="done"]')).to_be_checked()
    expect(page.locator('input[name="answer-CL-OWNER"][value="partly"]')).to_be_checked()
    expect(page.locator('input[name="employees"][value="upto100"]')).to_be_checked()
    expect(page.locator(STATUS)).to_contain_text("回答済み：2／")

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-cl-reset]")
    expect(page.locator(STATUS)).to_contain_text("答えをすべて消しました")
    assert page.evaluate("() => Object.keys(localStorage)") == []
    assert urlsplit(page.url).query == ""
    checked = "#tebiki-cl-form input:checked, [data-cl-answer] input:checked"
    assert page.locator(checked).count() == 0
    expect(page.locator("[data-cl-waiting]")).to_be_visible()
    page.reload(wait_until="networkidle")
    assert page.locator(checked).count() == 0


def test_saved_answers_of_another_version_are_ignored(page: Page, site_url: str) -> None:
    open_checklist(page, site_url, SHOP)
    key = page.evaluate("() => Object.keys(localStorage)[0] || 'tebiki-checklist:' + location.pathname")
    old = {"version": 0, "profile": SHOP, "answers": {"CL-RULES": "done"}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(old)])
    open_checklist(page, site_url, SHOP)
    expect(page.locator('input[name="answer-CL-RULES"][value="done"]')).not_to_be_checked()


def test_shared_url_restores_the_profile_but_never_the_answers(browser: Browser, page: Page, site_url: str) -> None:
    open_checklist(page, site_url)
    for question, value in CONTRACTOR.items():
        page.check(f'input[name="{question}"][value="{value}"]')
    answer(page, "CL-RULES", "done")
    share = page.locator("[data-cl-share-url]").input_value()
    assert urlsplit(share).path.endswith("/checklist/")
    assert dict(parse_qsl(urlsplit(share).query)) == CONTRACTOR  # the profile only: no entry, no answer
    assert "CL-" not in share and "done" not in share

    other = new_context(browser)
    try:
        fresh = other.new_page()
        fresh.goto(share, wait_until="networkidle")
        for question, value in CONTRACTOR.items():
            expect(fresh.locator(f'input[name="{question}"][value="{value}"]')).to_be_checked()
        expect(fresh.locator("[data-cl-track-result]")).to_contain_text("「標準」の一覧を使います")
        expect(fresh.locator(STATUS)).to_contain_text("回答済み：0／")
        assert fresh.locator("[data-cl-answer] input:checked").count() == 0
    finally:
        other.close()


# ---- export -------------------------------------------------------------------------------


def test_csv_download_has_the_tailored_list_and_answers(page: Page, site_url: str, checklist: Checklist) -> None:
    open_checklist(page, site_url, SHOP)
    answer(page, "CL-RULES", "done")
    answer(page, "CL-OWNER", "partly")
    answer(page, "CL-POLICY", "na")
    with page.expect_download() as info:
        page.click("[data-cl-csv]")
    download = info.value
    assert re.fullmatch(r"checklist-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark: spreadsheet software would garble Japanese"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [
        "項目ID",
        "分類",
        "チェック項目",
        "必須・推奨",
        "やり方（中小規模事業者）",
        "回答",
        "次にやること",
    ]
    by_id = {row[0]: row for row in rows[1:]}
    assert list(by_id) == applicable(checklist, SHOP)
    entries = {e.id: e for e in checklist.entries()}
    assert by_id["CL-RULES"][1:6] == [
        "基本のルールと体制",
        entries["CL-RULES"].title,
        "必須",
        oneline(entries["CL-RULES"].how_for("sme")),
        "実施している",
    ]
    assert by_id["CL-OWNER"][5] == "一部だけ実施している"
    assert by_id["CL-POLICY"][3:6:2] == ["推奨", "当てはまらない"]
    assert by_id["CL-LOCK"][5] == "未回答"
    assert by_id["CL-LOCK"][6] == oneline(entries["CL-LOCK"].next)


def test_print_hides_controls_and_shows_answers_and_date(page: Page, site_url: str) -> None:
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
    ]:
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("#CL-RULES [data-cl-printed]")).to_have_text("回答：実施している")
    expect(page.locator("#CL-OWNER [data-cl-printed]")).to_have_text("回答：まだ実施していない")
    expect(page.locator("#CL-LOCK [data-cl-printed]")).to_have_text("回答：（未回答）")
    expect(page.locator("[data-cl-date]")).to_be_visible()
    expect(page.locator("[data-cl-date]")).to_contain_text(re.compile(r"印刷日：\d{4}年\d{1,2}月\d{1,2}日"))
    summary = page.locator("[data-cl-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("中小規模事業者の一覧")
    expect(summary).to_contain_text("従業員は何人ですか。100人以下")
    expect(page.locator("#CL-ROOM")).to_be_hidden()  # not applicable: not printed
    expect(page.locator(STATUS)).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    # On screen again, the answers show as controls, not as printed text.
    page.emulate_media(media="screen")
    expect(page.locator("#CL-RULES [data-cl-printed]")).to_be_hidden()
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
                Path(ROOT, "docs/assets/checklist-rules.js").read_text(encoding="utf-8")
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
