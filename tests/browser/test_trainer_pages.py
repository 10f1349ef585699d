"""The trainers' pages in Chromium: the live quiz and the slides driven by the keyboard,
offline once loaded, axe-clean in every state, and nothing requested from other hosts."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect
from test_a11y import axe_violations, describe
from waits import settle

from support import ROOT
from tebiki.project import Paths, load_project

PROJECT = load_project(Paths.under(ROOT))
KIT = PROJECT.trainer.kits[0] if PROJECT.trainer else None
LIVE = f"trainers/{KIT.id}/live/" if KIT else ""
SLIDES = f"trainers/{KIT.id}/slides/" if KIT else ""
QUESTIONS = (
    [q for bank_id in KIT.banks() for b in PROJECT.quizzes if b.id == bank_id for q in b.questions] if KIT else []
)
pytestmark = pytest.mark.skipif(KIT is None, reason="the site has no trainer kit")


def visible_frames(page: Page) -> list[str]:
    return page.eval_on_selector_all(".tebiki-frame", "fs => fs.filter(f => f.offsetParent !== null).map(f => f.id)")


def go_offline(page: Page) -> None:
    """After the page has loaded, every further request fails, as on a laptop with no network."""
    page.context.set_offline(True)
    page.route("**/*", lambda route: route.abort())


def test_live_quiz_runs_by_keyboard_offline_one_question_at_a_time(page: Page, site_url: str) -> None:
    page.goto(site_url + LIVE)
    go_offline(page)
    assert visible_frames(page) == ["live-start"]
    status = page.locator(".tebiki-controls__status")
    page.keyboard.press("ArrowRight")
    first = QUESTIONS[0]
    assert visible_frames(page) == [first.id]
    frame = page.locator(f"#{first.id}")
    expect(frame.locator(".tebiki-live__question")).to_be_visible()
    answer = frame.locator(".tebiki-live__answer")
    expect(answer).to_be_hidden()  # the room answers first
    expect(status).to_contain_text(f"2 / {len(QUESTIONS) + 2}")
    page.keyboard.press("a")
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("正解")
    expect(answer).to_contain_text(first.explanation.split("。")[0])
    expect(status).to_contain_text("答えを表示しています")
    expect(page.locator('[data-action="reveal"]')).to_have_attribute("aria-pressed", "true")
    page.keyboard.press(" ")  # Space moves on, and the next answer starts hidden
    second = QUESTIONS[1]
    assert visible_frames(page) == [second.id]
    expect(page.locator(f"#{second.id} .tebiki-live__answer")).to_be_hidden()
    page.keyboard.press("ArrowLeft")
    assert visible_frames(page) == [first.id]
    expect(answer).to_be_hidden()
    page.keyboard.press("End")
    assert visible_frames(page) == ["live-end"]
    page.keyboard.press("Home")
    assert visible_frames(page) == ["live-start"]
    assert urlsplit(page.url).fragment == "live-start"


def test_live_quiz_buttons_work_from_the_keyboard_too(page: Page, site_url: str) -> None:
    page.goto(site_url + LIVE)
    next_button = page.locator('[data-action="next"]')
    next_button.focus()
    page.keyboard.press("Enter")  # Enter on a button presses that button only
    assert visible_frames(page) == [QUESTIONS[0].id]
    page.locator('[data-action="reveal"]').focus()
    page.keyboard.press("Space")
    expect(page.locator(f"#{QUESTIONS[0].id} .tebiki-live__answer")).to_be_visible()
    assert visible_frames(page) == [QUESTIONS[0].id]


def test_a_link_to_a_bank_opens_the_live_quiz_at_its_first_question(page: Page, site_url: str) -> None:
    bank = KIT.banks()[1]
    first = next(b for b in PROJECT.quizzes if b.id == bank).questions[0]
    page.goto(site_url + LIVE + f"#bank-{bank}")
    assert visible_frames(page) == [first.id]


def test_slides_run_by_keyboard_with_notes_on_s(page: Page, site_url: str) -> None:
    page.goto(site_url + SLIDES)
    go_offline(page)
    total = page.locator(".tebiki-frame").count()
    assert visible_frames(page) == ["slide-1"]
    expect(page.locator("#slide-1 h1")).to_have_text(KIT.title)
    notes = page.locator("#slide-1 .tebiki-slide__notes")
    expect(notes).to_be_hidden()
    page.keyboard.press("s")
    expect(notes).to_be_visible()
    expect(page.locator('[data-action="notes"]')).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("PageDown")
    assert visible_frames(page) == ["slide-3"]
    page.keyboard.press("PageUp")
    assert visible_frames(page) == ["slide-2"]
    expect(page.locator(".tebiki-controls__status")).to_contain_text(f"スライド 2 / {total}")
    page.keyboard.press("End")
    assert visible_frames(page) == [f"slide-{total}"]
    # The closing slide's QR codes were loaded with the page: they show offline.
    for img in page.locator(f"#slide-{total} .tebiki-slide__qr img").all():
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    page.keyboard.press("Home")
    assert visible_frames(page) == ["slide-1"]


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__shifts.push(
  {value: e.value, moved: e.sources.map(s => s.node ? s.node.nodeName + "." + s.node.className : "?")})))
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("path", [SLIDES, LIVE])
def test_the_first_frame_is_laid_out_from_the_first_paint(page: Page, site_url: str, path: str) -> None:
    """No deck drawn whole and then cut to one frame: on a phone that jump was a layout shift of 0.15."""
    page.set_viewport_size({"width": 412, "height": 823})
    page.add_init_script(LAYOUT_SHIFTS)
    page.goto(site_url + path, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    settle(page)  # layout shifts are recorded once the frames after load are painted
    assert page.evaluate("window.__shifts") == []
    assert len(visible_frames(page)) == 1


def test_the_whole_deck_shows_when_its_script_fails_to_load(page: Page, site_url: str) -> None:
    page.route("**/assets/presenter.js", lambda route: route.abort())
    page.goto(site_url + SLIDES, wait_until="load")
    assert len(visible_frames(page)) == page.locator(".tebiki-frame").count() > 3
    expect(page.locator(".tebiki-slide__notes").first).to_be_visible()
    expect(page.locator(".tebiki-controls")).to_be_hidden()  # buttons that would do nothing


def test_slides_print_one_slide_per_landscape_page(page: Page, site_url: str) -> None:
    page.goto(site_url + f"trainers/slides/{KIT.sections()[1]}/")
    page.emulate_media(media="print")
    frames = page.locator(".tebiki-frame")
    assert frames.count() > 3
    for i in range(frames.count()):
        expect(frames.nth(i)).to_be_visible()
        assert frames.nth(i).evaluate("f => getComputedStyle(f).breakAfter") == "page"
    expect(page.locator(".tebiki-controls")).to_be_hidden()
    expect(page.locator(".tebiki-slide__notes").first).to_be_hidden()
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("state", ["kit", "index", "slides-notes", "live-revealed"])
def test_trainers_pages_are_axe_clean_in_every_state(page: Page, site_url: str, state: str) -> None:
    if state == "kit":
        page.goto(site_url + f"trainers/{KIT.id}/")
    elif state == "index":
        page.goto(site_url + "trainers/")
    elif state == "slides-notes":
        page.goto(site_url + SLIDES + "#slide-2")
        page.keyboard.press("s")
    else:
        page.goto(site_url + LIVE + f"#{QUESTIONS[0].id}")
        page.keyboard.press("a")
        expect(page.locator(f"#{QUESTIONS[0].id} .tebiki-live__answer")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, describe(state, violations)


def test_trainers_pages_request_nothing_from_other_hosts(page: Page, site_url: str) -> None:
    host = urlsplit(site_url).hostname
    elsewhere: list[str] = []

    def check(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname != host:
            elsewhere.append(url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", check)
    for path in ("trainers/", f"trainers/{KIT.id}/", SLIDES, LIVE):
        page.goto(site_url + path, wait_until="networkidle")
        page.keyboard.press("End")
        page.keyboard.press("a")
    assert not elsewhere, elsewhere


def test_kit_page_links_every_download(page: Page, site_url: str, built_site: Path) -> None:
    page.goto(site_url + f"trainers/{KIT.id}/")
    hrefs = page.eval_on_selector_all("main a[href]", "as => as.map(a => a.href)")
    wanted = ["slides/", "live/", "quiz-sheet.pdf", "answer-key.pdf", "handout-checklist.pdf", "qti12.zip", "qti21.zip"]
    for end in wanted:
        assert any(h.split("#")[0].endswith(end) for h in hrefs), end
    for href in hrefs:
        if href.startswith(site_url) and href.split("#")[0].endswith((".pdf", ".zip")):
            rel = href.removeprefix(site_url)
            assert (built_site / rel).is_file(), rel
