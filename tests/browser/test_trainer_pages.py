"""The trainers' pages in Chromium: the live quiz and the slides driven by the keyboard,
offline once loaded, axe-clean in every state, and nothing requested from other hosts."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect
from pypdf import PdfReader

from browsers import axe_violations, describe
from support import ENGINE_SITE
from tebiki.data.project import Paths, load_project
from waits import goto, settle

PROJECT = load_project(Paths.under(ENGINE_SITE))
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


def test_slides_run_by_keyboard_and_never_show_notes_to_the_room(page: Page, site_url: str) -> None:
    page.goto(site_url + SLIDES)
    go_offline(page)
    total = page.locator(".tebiki-frame").count()
    assert visible_frames(page) == ["slide-1"]
    expect(page.locator("#slide-1 h1")).to_have_text(KIT.title)
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
    assert page.locator(".tebiki-slide__notes:visible").count() == 0


def test_full_screen_shows_the_frame_alone(page: Page, site_url: str) -> None:
    page.goto(site_url + SLIDES + "#slide-4")
    expect(page.locator(".tebiki-controls")).to_be_visible()
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement !== null")
    expect(page.locator(".tebiki-controls")).to_be_hidden()
    expect(page.locator(".tebiki-presenter__back")).to_be_hidden()
    assert visible_frames(page) == ["slide-4"]
    assert page.locator(".tebiki-slide__notes:visible").count() == 0
    page.keyboard.press("ArrowRight")  # the keys still work without the buttons
    assert visible_frames(page) == ["slide-5"]


def test_presenter_view_and_room_stay_in_step_from_either_window(context: BrowserContext, site_url: str) -> None:
    room = context.new_page()
    room.goto(site_url + SLIDES + "#slide-3")
    with context.expect_page() as opened:
        room.keyboard.press("p")  # P opens the presenter view in a second window
    speaker = opened.value
    expect(speaker).to_have_url(re.compile(r"\?presenter#slide-3$"))
    # It starts where the room is, with what the room never sees.
    expect(speaker.locator(".tebiki-controls__status")).to_contain_text("発表者画面：スライド 3 /")
    current = speaker.locator("#tebiki-deck")
    expect(current).to_have_attribute("aria-label", "現在のスライド")
    notes = speaker.get_by_role("region", name="ノート")
    divider = KIT.agenda[0]
    expect(notes).to_contain_text(divider.note or "ノートはありません")
    upcoming = speaker.get_by_role("region", name=re.compile("^次："))
    slide4 = room.locator("#slide-4 .tebiki-slide__title").text_content() or ""
    expect(upcoming).to_contain_text(slide4.strip())
    expect(speaker.get_by_role("timer", name="経過")).to_have_text(re.compile(r"^\d+:\d\d$"))
    time = speaker.get_by_role("region", name="時間")
    expect(time).to_contain_text(f"予定 {KIT.minutes()}分")
    expect(time).to_contain_text(f"{divider.title}（予定 {divider.minutes}分）")
    # The speaker moves on: the room follows.
    speaker.keyboard.press("ArrowRight")
    expect(room.locator("#slide-4")).to_be_visible()
    expect(room.locator("#slide-3")).to_be_hidden()
    # The room's keyboard (a clicker on the projector's laptop) moves the speaker's view too.
    room.keyboard.press("ArrowRight")
    expect(speaker.locator("#slide-5")).to_be_visible()
    expect(speaker.locator(".tebiki-controls__status")).to_contain_text("スライド 5 /")
    room.keyboard.press("End")
    expect(upcoming).to_contain_text("最後のスライドです")
    speaker.keyboard.press("Home")
    expect(room.locator("#slide-1")).to_be_visible()
    # Neither window shows notes inside the frame; the room has no notes at all.
    assert room.locator(".tebiki-slide__notes:visible").count() == 0
    assert room.get_by_role("region", name="ノート").count() == 0


def test_the_live_quiz_presenter_view_shows_the_answer_first(context: BrowserContext, site_url: str) -> None:
    first = QUESTIONS[0]
    room = context.new_page()
    room.goto(site_url + LIVE + f"#{first.id}")
    speaker = context.new_page()  # the presenter view opened by hand, as on a second screen
    speaker.goto(site_url + LIVE + f"?presenter#{first.id}")
    expect(speaker.get_by_role("region", name="答えと解説")).to_contain_text(first.explanation.split("。")[0])
    expect(room.locator(f"#{first.id} .tebiki-live__answer")).to_be_hidden()
    speaker.keyboard.press("a")
    expect(room.locator(f"#{first.id} .tebiki-live__answer")).to_be_visible()
    room.keyboard.press("a")
    expect(speaker.locator('[data-action="reveal"]')).to_have_attribute("aria-pressed", "false")


def test_a_malformed_hash_opens_the_first_frame(page: Page, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in (SLIDES, LIVE):
        page.goto(site_url + path + "#%E0%A4%A")
        expect(page.locator(".tebiki-controls")).to_be_visible()
        expect(page.locator(".tebiki-controls__status")).not_to_be_empty()
        assert len(visible_frames(page)) == 1
    assert not errors


def test_the_live_quiz_counts_down_when_the_kit_sets_a_time(page: Page, site_url: str) -> None:
    entry = next(e for e in KIT.agenda if e.quiz and e.countdown)
    first = next(b for b in PROJECT.quizzes if b.id == entry.quiz).questions[0]
    page.clock.install()
    page.goto(site_url + LIVE + f"#{first.id}")
    clock = page.locator(f"#{first.id} .tebiki-live__countdown")
    expect(clock).to_have_text(f"残り時間 {entry.countdown}秒")
    expect(clock).to_have_attribute("role", "timer")
    page.clock.run_for(entry.countdown * 1000)
    expect(clock).to_have_text("時間です")
    page.keyboard.press("a")  # the answer ends the question: the clock goes
    expect(clock).to_be_hidden()


OVERFLOW = """() => {
  const frame = [...document.querySelectorAll('.tebiki-frame')].find(f => !f.hidden);
  const bar = document.querySelector('.tebiki-controls').getBoundingClientRect();
  const box = frame.getBoundingClientRect();
  const problems = [];
  if (frame.scrollHeight > frame.clientHeight) problems.push(`height ${frame.scrollHeight} > ${frame.clientHeight}`);
  if (frame.scrollWidth > frame.clientWidth) problems.push(`width ${frame.scrollWidth} > ${frame.clientWidth}`);
  if (box.bottom > bar.top + 0.5) problems.push(`frame ends at ${box.bottom}, under the control bar at ${bar.top}`);
  for (const el of frame.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (!r.height || getComputedStyle(el).visibility === 'hidden') continue;
    if (r.bottom > Math.min(box.bottom, bar.top) + 0.5 || r.top < box.top - 0.5 || r.right > innerWidth + 0.5)
      problems.push(`${el.tagName}.${el.className} at ${Math.round(r.top)}..${Math.round(r.bottom)}`);
  }
  return problems.length ? frame.id + ': ' + problems.slice(0, 3).join('; ') : null;
}"""


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)], ids="{0[0]}x{0[1]}".format)
def test_no_slide_or_revealed_answer_overflows(page: Page, site_url: str, size: tuple[int, int]) -> None:
    """At the usual projector sizes, every slide and every live-quiz question with its answer shown."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    problems = []
    for path, reveal in ((SLIDES, False), (LIVE, True)):
        page.goto(site_url + path)
        total = page.locator(".tebiki-frame").count()
        for i in range(total):
            if i:
                page.keyboard.press("ArrowRight")
            if reveal and page.locator(".tebiki-frame:visible .tebiki-live__answer").count():
                page.keyboard.press("a")
                expect(page.locator(".tebiki-frame:visible .tebiki-live__answer")).to_be_visible()
            problem = page.evaluate(OVERFLOW)
            if problem:
                problems.append(f"{path} {problem}")
    assert not problems, "\n".join(problems)


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


PAGE_HEIGHT = """(() => {
  const probe = document.createElement('div');
  probe.style.height = '185mm';  // A4 landscape less the @page margins of presenter.css
  document.body.append(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  return height;
})()"""


@pytest.mark.parametrize("path", [f"trainers/slides/{KIT.sections()[-1]}/" if KIT else "", LIVE], ids=["deck", "live"])
def test_slides_print_one_slide_per_landscape_page(page: Page, site_url: str, path: str) -> None:
    """Every frame fills its page, the live quiz's answers included (printed, every answer shows)."""
    page.goto(site_url + path)
    page.emulate_media(media="print")
    frames = page.locator(".tebiki-frame")
    assert frames.count() > 3
    for i in range(frames.count()):
        expect(frames.nth(i)).to_be_visible()
        assert frames.nth(i).evaluate("f => getComputedStyle(f).breakAfter") == "page"
    expect(page.locator(".tebiki-controls")).to_be_hidden()
    expect(page.locator(".tebiki-slide__notes").first).to_be_hidden()
    if path == LIVE:
        expect(page.locator(".tebiki-live__answer").last).to_be_visible()
    # Each slide fills its page: as high as the page's content area, and its text inside it.
    heights = frames.evaluate_all(
        "fs => fs.map(f => [f.getBoundingClientRect().height, f.scrollHeight, f.clientHeight])"
    )
    page_height = page.evaluate(PAGE_HEIGHT)
    for height, scroll, client in heights:
        assert abs(height - page_height) < 1 and scroll <= client
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == frames.count()


@pytest.mark.parametrize("state", ["kit", "index", "presenter-view", "live-revealed"])
def test_trainers_pages_are_axe_clean_in_every_state(page: Page, site_url: str, state: str) -> None:
    if state == "kit":
        page.goto(site_url + f"trainers/{KIT.id}/")
    elif state == "index":
        page.goto(site_url + "trainers/")
    elif state == "presenter-view":
        page.goto(site_url + SLIDES + "?presenter#slide-2")
        expect(page.get_by_role("region", name="ノート")).to_be_visible()
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
        goto(page, site_url + path)
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
