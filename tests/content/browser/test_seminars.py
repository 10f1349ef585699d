"""Seminar pages in Chromium: nothing reaches a video host before a click, the facade works from
the keyboard, the site's own video loads its captions and starts where a chapter link says, and axe
finds nothing to fix.

The default site has no hosted recording (no real video ID exists: FACTS §6), so the facade is
tested on a copy of the project with a YouTube and a Vimeo recording added. Every request that
would leave 127.0.0.1 is recorded and aborted: the tests need no network, yet see what the page
tried to fetch and when.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from browsers import FOCUS_STATE, MOBILE, axe_violations, describe, new_context
from support import copy_project, mkdocs_build, serve
from waits import settle

HOSTED = """
  - id: test-hosted
    title: テスト用の外部動画
    about: ブラウザのテスト用に、外部の動画サービスにある録画を加えたものです。
    organisers: [テスト]
    sessions:
      - id: hosted
        title: 外部動画のテスト
        format: online
        status: recorded
        recordings:
          - id: yt
            title: YouTubeのテスト動画
            provider: youtube
            video_id: aBcDeFgHiJk
            poster: media/briefings/overview-poster.png
            duration: "2:44"
            captions: [{file: media/briefings/overview.ja.vtt}]
            chapters:
              - {start: "0:00", title: 改訂のねらい, items: [OV-01]}
              - {start: "1:14", title: 委託先の監督, items: [ENT-CON-01]}
          - id: vm
            title: Vimeoのテスト動画
            provider: vimeo
            video_id: "123456789"
            poster: media/briefings/overview-poster.png
            duration: "2:44"
            captions: [{file: media/briefings/overview.ja.vtt}]
"""
YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1&rel=0"
VIMEO_EMBED = "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1"


@pytest.fixture(scope="module")
def hosted_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of the facade test page, in a strict build of a project copy with hosted recordings."""
    work = tmp_path_factory.mktemp("hosted")
    project = copy_project(work / "project")
    seminars = project / "guideline" / "seminars.yml"
    seminars.write_text(seminars.read_text(encoding="utf-8") + HOSTED, encoding="utf-8")
    site = work / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.rmtree(project)
    with serve(site) as url:
        yield url + "seminars/hosted/"


class Requests:
    """Every request the page makes; those leaving 127.0.0.1 are aborted, so no network is needed."""

    def __init__(self, context: BrowserContext):
        self.urls: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route: Route) -> None:
        self.urls.append(route.request.url)
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    def external(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname != "127.0.0.1"]


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, Requests]]:
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    requests = Requests(context)
    yield context.new_page(), requests
    context.close()


def open_quietly(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    settle(page)


def tab_to(page: Page, selector: str, limit: int = 80) -> list[dict]:
    """Press Tab until `selector` has focus; return the focus states passed on the way."""
    states = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return states
        states.append(page.evaluate(FOCUS_STATE))
    pytest.fail(f"Tab never reached {selector}: {[s and s['what'] for s in states[-10:]]}")


# --- the facade -------------------------------------------------------------------------------


def test_nothing_reaches_youtube_before_the_click_and_the_nocookie_player_after(watched, hosted_url: str) -> None:
    page, requests = watched
    open_quietly(page, hosted_url)
    assert requests.external() == [], "a video host was contacted before anyone pressed play"
    player = page.locator("#player-yt")
    expect(player.locator("iframe")).to_have_count(0)
    expect(player.locator("img.tebiki-video__poster")).to_have_attribute(
        "src", "../../media/briefings/overview-poster.png"
    )
    expect(player.locator(".tebiki-video__note")).to_contain_text(
        "再生ボタンを押すと、YouTubeのサーバーから動画を読み込みます"
    )

    with page.expect_request(lambda r: r.url.startswith("https://www.youtube-nocookie.com/")):
        page.get_by_role("button", name="「YouTubeのテスト動画」を再生（YouTube）").click()
    frame = player.locator("iframe")
    expect(frame).to_have_attribute("src", YOUTUBE_EMBED)
    expect(frame).to_have_attribute("title", "動画：YouTubeのテスト動画（YouTube）")
    expect(frame).to_be_focused()
    expect(player.get_by_role("status")).to_have_text("YouTubeの動画を読み込みました。")
    hosts = {urlsplit(u).hostname for u in requests.external()}
    assert hosts == {"www.youtube-nocookie.com"}, f"the click should load only the privacy-enhanced player: {hosts}"
    expect(page.locator("#player-vm iframe")).to_have_count(0)  # the other video stays a facade


def test_the_play_button_works_from_the_keyboard_with_enter(watched, hosted_url: str) -> None:
    page, requests = watched
    open_quietly(page, hosted_url)
    page.evaluate("window.scrollTo(0, 0)")
    on_the_way = tab_to(page, "#player-yt .tebiki-video__play")
    assert requests.external() == [], "tabbing past links and buttons must not load anything"
    state = page.evaluate(FOCUS_STATE)
    assert state["outline"] and state["visible"], f"the focused play button is not visibly focused: {state}"
    assert all(s is None or s["visible"] for s in on_the_way)
    page.keyboard.press("Enter")
    expect(page.locator("#player-yt iframe")).to_have_attribute("src", YOUTUBE_EMBED)
    expect(page.locator("#player-yt iframe")).to_be_focused()


def test_the_vimeo_facade_starts_with_space_and_do_not_track(watched, hosted_url: str) -> None:
    page, requests = watched
    open_quietly(page, hosted_url)
    page.locator("#player-vm .tebiki-video__play").focus()
    assert requests.external() == []
    with page.expect_request(lambda r: r.url.startswith("https://player.vimeo.com/")):
        page.keyboard.press("Space")
    frame = page.locator("#player-vm iframe")
    expect(frame).to_have_attribute("src", VIMEO_EMBED)
    expect(frame).to_have_attribute("title", "動画：Vimeoのテスト動画（Vimeo）")
    assert {urlsplit(u).hostname for u in requests.external()} == {"player.vimeo.com"}


def test_a_chapter_button_sets_the_start_but_waits_for_play(watched, hosted_url: str) -> None:
    page, requests = watched
    open_quietly(page, hosted_url)
    page.get_by_role("button", name="「委託先の監督」を1:14から再生").click()
    play = page.locator("#player-yt .tebiki-video__play")
    expect(play).to_be_focused()
    expect(play).to_have_accessible_name("「YouTubeのテスト動画」を1:14から再生（YouTube）")
    expect(page.locator("#player-yt").get_by_role("status")).to_contain_text("1:14から再生します")
    assert requests.external() == [], "choosing a chapter must not load the provider by itself"
    page.keyboard.press("Enter")
    expect(page.locator("#player-yt iframe")).to_have_attribute("src", YOUTUBE_EMBED + "&start=74")


def test_a_link_to_a_chapter_prepares_the_facade_at_that_time(watched, hosted_url: str) -> None:
    page, requests = watched
    open_quietly(page, hosted_url + "#chapter-yt-2")
    expect(page.locator("#player-yt .tebiki-video__play")).to_have_accessible_name(
        "「YouTubeのテスト動画」を1:14から再生（YouTube）"
    )
    assert requests.external() == []


def test_axe_finds_nothing_on_the_facade_before_and_after_play(watched, hosted_url: str) -> None:
    page, _ = watched
    open_quietly(page, hosted_url)
    assert not (found := axe_violations(page)), describe("seminars/hosted/", found)
    page.locator("#player-yt .tebiki-video__play").click()
    expect(page.locator("#player-yt iframe")).to_have_count(1)
    settle(page)
    assert not (found := axe_violations(page)), describe("seminars/hosted/ after play", found)


# --- the site's own video ------------------------------------------------------------------------


def test_the_sites_video_loads_its_japanese_caption_track(watched, site_url: str, built_site: Path) -> None:
    page, requests = watched
    page.goto(site_url + "seminars/overview/", wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('#player-overview track').readyState === 2", timeout=10_000)
    facts = page.evaluate(
        """() => {
            const video = document.querySelector('#player-overview video');
            const track = video.textTracks[0];
            return {
                tracks: video.textTracks.length, kind: track.kind, lang: track.language, mode: track.mode,
                cues: track.cues.length, first: track.cues[0].text, ready: video.readyState, duration: video.duration,
            };
        }"""
    )
    vtt = (built_site / "media" / "briefings" / "overview.ja.vtt").read_text(encoding="utf-8")
    # "hidden": the cues load and run, but video.js draws them under the picture instead of over the slide.
    assert facts["tracks"] == 1 and (facts["kind"], facts["lang"], facts["mode"]) == ("captions", "ja", "hidden")
    assert facts["cues"] == len(re.findall(r"^\d\d:\d\d:\d\d\.\d{3} --> ", vtt, re.M)) > 10
    assert facts["first"] == "改訂では、法律に新しい義務を加えたのではなく、"
    assert facts["ready"] >= 1 and facts["duration"] == pytest.approx(164, abs=0.6)
    assert requests.external() == []


def test_an_item_links_to_the_moment_of_the_video_that_explains_it(watched, site_url: str) -> None:
    page, requests = watched
    page.goto(site_url + "guideline/point1/")
    page.locator("#SEC-TEC-01 ~ p").get_by_role(
        "link", name="「改訂の3つのポイント」2. 社内の安全管理措置の強化（0:24から）"
    ).first.click()
    expect(page).to_have_url(re.compile(r"/seminars/overview/#chapter-overview-2$"))
    # The URL changes when navigation commits, before the new page's player exists: wait for the player.
    page.wait_for_function("() => document.querySelector('#player-overview video')?.currentTime >= 24", timeout=10_000)
    assert page.evaluate("document.querySelector('#player-overview video').currentTime") == pytest.approx(24, abs=0.1)
    # What a viewer sees at that moment: the first caption of the chapter, and only that.
    page.wait_for_function(
        "() => document.querySelector('#player-overview video')?.textTracks[0]?.activeCues?.length > 0"
    )
    shown = page.evaluate(
        "[...document.querySelector('#player-overview video').textTracks[0].activeCues].map(c => c.text)"
    )
    assert shown == ["個人情報が大量にダウンロードされても、"]
    # The player itself is on screen, cued, focused and paused: one press plays it.
    player = page.locator("#player-overview video")
    expect(player).to_be_in_viewport(ratio=1)
    expect(player).to_be_focused()
    assert page.evaluate("document.querySelector('#player-overview video').paused")
    captions = page.locator("#player-overview .tebiki-video__captions")
    expect(captions).to_have_text("個人情報が大量にダウンロードされても、")
    assert requests.external() == []


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_captions_never_cover_the_slide(browser: Browser, site_url: str, viewport: str) -> None:
    """The captions are drawn under the picture, so no line of a slide's headline is hidden by them."""
    phone = viewport == "phone"
    kwargs = {"viewport": MOBILE, "is_mobile": True, "has_touch": True} if phone else {}
    context = new_context(browser, **kwargs)
    try:
        page = context.new_page()
        page.goto(site_url + "seminars/overview/#t=20", wait_until="networkidle")
        captions = page.locator("#player-overview .tebiki-video__captions")
        expect(captions).not_to_be_empty()
        video, box = page.locator("#player-overview video").bounding_box(), captions.bounding_box()
        assert video and box and box["y"] >= video["y"] + video["height"] - 1, (video, box)
        expect(captions).to_be_in_viewport()
    finally:
        context.close()


def test_chapter_buttons_seek_the_sites_video_from_the_keyboard(watched, site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + "seminars/overview/", wait_until="networkidle")
    tab_to(page, "[data-seek='74']")
    expect(page.locator(":focus")).to_have_accessible_name("「委託先等の監督の強化」を1:14から再生")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#player-overview video').currentTime >= 74", timeout=10_000)
    expect(page.locator("#player-overview video")).to_be_focused()


def test_a_time_in_the_address_starts_the_only_video_there(watched, site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + "seminars/overview/#t=114", wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('#player-overview video').currentTime >= 114", timeout=10_000)
    assert page.evaluate("document.querySelector('#player-overview video').paused"), "a link must not start playing"


@pytest.mark.parametrize("path", ["seminars/", "seminars/overview/"])
def test_axe_finds_nothing_on_the_seminar_pages(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path, wait_until="networkidle")
    assert not (found := axe_violations(page)), describe(path, found)


@pytest.mark.parametrize("path", ["seminars/", "seminars/overview/"])
def test_axe_finds_nothing_on_the_seminar_pages_on_a_phone(mobile_page: Page, site_url: str, path: str) -> None:
    mobile_page.goto(site_url + path, wait_until="networkidle")
    assert not (found := axe_violations(mobile_page)), describe(path, found)
