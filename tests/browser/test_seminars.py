"""Seminar pages in Chromium on both fixture sites (ja, en): nothing reaches a video host before a
click, the facade works from the keyboard, the site's own captioned video (the fixture's 12-second
webm) loads its caption track and starts where a chapter link says, and axe finds nothing to fix.

No real hosted recording exists, so the facade is tested on a copy of each fixture site with a
YouTube and a Vimeo recording added. Every request that would leave 127.0.0.1 is recorded and
aborted: the tests need no network, yet see what the page tried to fetch and when."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from browsers import FOCUS_STATE, MOBILE, Requests, Site, axe_violations, describe, new_context, shows_its_language
from builds import FIXTURE_ENV, once_per_run, strict_build
from support import copy_project, serve
from tebiki.data.seminars.model import Recording
from waits import settle

HOSTED = {
    "ja": ("外部動画のテスト", "YouTubeのテスト動画", "Vimeoのテスト動画", "記録の確認", "担当者の決め方"),
    "en": ("A test of hosted videos", "A YouTube test video", "A Vimeo test video", "Checking records", "Naming who"),
}
YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1&rel=0"
VIMEO_EMBED = "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1"


def hosted_series(language: str) -> str:
    """A series with a YouTube and a Vimeo recording, in the fixture's language."""
    session, youtube, vimeo, first, second = HOSTED[language]
    captions = f"[{{file: media/records.{language}.vtt, lang: {language}}}]"
    return f"""
- id: test-hosted
  title: {session}
  about: {session}.
  organisers: [{session}]
  sessions:
  - id: hosted
    title: {session}
    format: online
    status: recorded
    recordings:
    - id: yt
      title: {youtube}
      provider: youtube
      video_id: aBcDeFgHiJk
      poster: media/records.png
      duration: "2:44"
      captions: {captions}
      chapters:
      - {{start: "0:00", title: {first}, items: [REC-MEA-01]}}
      - {{start: "1:14", title: {second}, items: [REC-REQ-01]}}
    - id: vm
      title: {vimeo}
      provider: vimeo
      video_id: "123456789"
      poster: media/records.png
      duration: "2:44"
      captions: {captions}
"""


@pytest.fixture(scope="module")
def hosted_url(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The facade test page, in a strict build (once per run) of a copy of the site with hosted recordings."""

    def make(folder: Path) -> None:
        project = copy_project(folder / "project", site.project)
        seminars = project / "guideline" / "seminars.yml"
        seminars.write_text(seminars.read_text(encoding="utf-8") + hosted_series(site.language), encoding="utf-8")
        strict_build(project, env=FIXTURE_ENV)(folder / "site")

    built = once_per_run(tmp_path_factory, f"fixture-{site.language}-hosted", make)
    with serve(built / "site") as url:
        yield url + "seminars/hosted/"


@pytest.fixture
def watched(browser: Browser, site: Site) -> Iterator[tuple[Page, Requests]]:
    context = new_context(browser, locale=site.locale)
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


def play_name(site: Site, title: str, provider: str, start: str | None = None) -> str:
    """The play button's name, as video.js writes it in the site's language."""
    start_words = site.t(" from {time}", time=start) if start else ""
    return site.t("Play “{title}”{from} ({provider})", title=title, provider=provider, **{"from": start_words})


# --- the facade -------------------------------------------------------------------------------


def test_nothing_reaches_youtube_before_the_click_and_the_nocookie_player_after(
    watched, site: Site, hosted_url
) -> None:
    page, requests = watched
    youtube = HOSTED[site.language][1]
    open_quietly(page, hosted_url)
    assert requests.external() == [], "a video host was contacted before anyone pressed play"
    player = page.locator("#player-yt")
    expect(player.locator("iframe")).to_have_count(0)
    expect(player.locator("img.tebiki-video__poster")).to_have_attribute("src", "../../media/records.png")
    expect(player.locator(".tebiki-video__note")).to_contain_text(
        site._(
            "Pressing play loads the video from %(provider)s's servers, which then receive your device's IP"
            " address and the like. Until you press it, nothing is sent to %(provider)s.",
            provider="YouTube",
        )
    )
    shows_its_language(page, site)

    with page.expect_request(lambda r: r.url.startswith("https://www.youtube-nocookie.com/")):
        page.get_by_role(
            "button", name=site._("Play “%(title)s” (%(provider)s)", title=youtube, provider="YouTube")
        ).click()
    frame = player.locator("iframe")
    expect(frame).to_have_attribute("src", YOUTUBE_EMBED)
    expect(frame).to_have_attribute(
        "title", site._("Video: %(title)s (%(provider)s)", title=youtube, provider="YouTube")
    )
    expect(frame).to_be_focused()
    expect(player.get_by_role("status")).to_have_text(site.t("The {provider} video is loaded.", provider="YouTube"))
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


def test_the_vimeo_facade_starts_with_space_and_do_not_track(watched, site: Site, hosted_url: str) -> None:
    page, requests = watched
    open_quietly(page, hosted_url)
    page.locator("#player-vm .tebiki-video__play").focus()
    assert requests.external() == []
    with page.expect_request(lambda r: r.url.startswith("https://player.vimeo.com/")):
        page.keyboard.press("Space")
    frame = page.locator("#player-vm iframe")
    expect(frame).to_have_attribute("src", VIMEO_EMBED)
    vimeo = HOSTED[site.language][2]
    expect(frame).to_have_attribute("title", site._("Video: %(title)s (%(provider)s)", title=vimeo, provider="Vimeo"))
    assert {urlsplit(u).hostname for u in requests.external()} == {"player.vimeo.com"}


def test_a_chapter_button_sets_the_start_but_waits_for_play(watched, site: Site, hosted_url: str) -> None:
    page, requests = watched
    _, youtube, _, _, second = HOSTED[site.language]
    open_quietly(page, hosted_url)
    page.get_by_role("button", name=site._("Play “%(title)s” from %(start)s", title=second, start="1:14")).click()
    play = page.locator("#player-yt .tebiki-video__play")
    expect(play).to_be_focused()
    expect(play).to_have_accessible_name(play_name(site, youtube, "YouTube", "1:14"))
    expect(page.locator("#player-yt").get_by_role("status")).to_contain_text(
        site.t("Plays from {time}. Pressing play loads it from {provider}.", time="1:14", provider="YouTube")
    )
    assert requests.external() == [], "choosing a chapter must not load the provider by itself"
    page.keyboard.press("Enter")
    expect(page.locator("#player-yt iframe")).to_have_attribute("src", YOUTUBE_EMBED + "&start=74")


def test_a_link_to_a_chapter_prepares_the_facade_at_that_time(watched, site: Site, hosted_url: str) -> None:
    page, requests = watched
    open_quietly(page, hosted_url + "#chapter-yt-2")
    expect(page.locator("#player-yt .tebiki-video__play")).to_have_accessible_name(
        play_name(site, HOSTED[site.language][1], "YouTube", "1:14")
    )
    assert requests.external() == []


def test_axe_finds_nothing_on_the_facade_before_and_after_play(watched, hosted_url: str) -> None:
    page, _ = watched
    open_quietly(page, hosted_url)
    assert not (found := axe_violations(page)), describe("seminars/hosted/", found)
    page.locator("#player-yt .tebiki-video__play").click()
    expect(page.locator("#player-yt iframe")).to_have_count(1)
    assert not (found := axe_violations(page)), describe("seminars/hosted/ after play", found)


# --- the site's own video ------------------------------------------------------------------------


def own_video(site: Site) -> tuple[str, Recording]:
    """The fixture's self-hosted recording and its session's ID."""
    for session, recording in site.data.seminars.recordings():
        if recording.provider == "file":
            return session.id, recording
    pytest.fail("the fixture site has no video file of its own")


def cues(vtt: str) -> list[tuple[float, str]]:
    """Each cue's start (seconds) and text, read from a WebVTT file."""
    found = []
    for h, m, s, text in re.findall(r"^(\d\d):(\d\d):(\d\d\.\d{3}) --> [^\n]*\n([^\n]+)", vtt, re.M):
        found.append((int(h) * 3600 + int(m) * 60 + float(s), text))
    return found


def test_the_sites_video_loads_its_caption_track_in_the_sites_language(watched, site: Site) -> None:
    page, requests = watched
    session, recording = own_video(site)
    player = f"#player-{recording.id}"
    page.goto(site.url + f"seminars/{session}/", wait_until="networkidle")
    page.wait_for_function(f"() => document.querySelector('{player} track').readyState === 2", timeout=10_000)
    facts = page.evaluate(
        """player => {
            const video = document.querySelector(player + ' video');
            const track = video.textTracks[0];
            return {
                tracks: video.textTracks.length, kind: track.kind, lang: track.language, mode: track.mode,
                cues: track.cues.length, first: track.cues[0].text, ready: video.readyState, duration: video.duration,
            };
        }""",
        player,
    )
    vtt = cues((site.built / recording.captions[0].file).read_text(encoding="utf-8"))
    # "hidden": the cues load and run, but video.js draws them under the picture instead of over the slide.
    assert facts["tracks"] == 1 and (facts["kind"], facts["mode"]) == ("captions", "hidden")
    assert facts["lang"] == recording.captions[0].lang == site.language
    assert facts["cues"] == len(vtt) >= 3
    assert facts["first"] == vtt[0][1]
    assert facts["ready"] >= 1 and facts["duration"] == pytest.approx(recording.duration, abs=0.6)
    assert requests.external() == []
    shows_its_language(page, site)


def test_an_item_links_to_the_moment_of_the_video_that_explains_it(watched, site: Site) -> None:
    page, requests = watched
    session, recording = own_video(site)
    number, chapter = next((n, c) for n, c in enumerate(recording.chapters, start=1) if c.start > 0)
    item = chapter.items[0]
    section = next(s.id for s in site.data.guideline.sections if any(i.id == item for i in s.items()))
    start = f"{int(chapter.start) // 60}:{int(chapter.start) % 60:02d}"
    player = f"#player-{recording.id}"
    page.goto(site.url + f"guideline/{section}/")
    name = site._(
        "“%(video)s” %(number)s. %(chapter)s (from %(start)s)",
        video=recording.title,
        number=number,
        chapter=chapter.title,
        start=start,
    )
    page.get_by_role("link", name=name).first.click()
    expect(page).to_have_url(re.compile(rf"/seminars/{session}/#chapter-{recording.id}-{number}$"))
    # The URL changes when navigation commits, before the new page's player exists: wait for the player.
    page.wait_for_function(
        f"() => document.querySelector('{player} video')?.currentTime >= {chapter.start}", timeout=10_000
    )
    assert page.evaluate(f"document.querySelector('{player} video').currentTime") == pytest.approx(
        chapter.start, abs=0.1
    )
    # What a viewer sees at that moment: the first caption of the chapter, and only that.
    page.wait_for_function(f"() => document.querySelector('{player} video')?.textTracks[0]?.activeCues?.length > 0")
    shown = page.evaluate(f"[...document.querySelector('{player} video').textTracks[0].activeCues].map(c => c.text)")
    vtt = cues((site.built / recording.captions[0].file).read_text(encoding="utf-8"))
    at_start = [text for begin, text in vtt if begin == chapter.start]
    assert shown == at_start
    # The player itself is on screen, cued, focused and paused: one press plays it.
    video = page.locator(f"{player} video")
    expect(video).to_be_in_viewport(ratio=1)
    expect(video).to_be_focused()
    assert page.evaluate(f"document.querySelector('{player} video').paused")
    expect(page.locator(f"{player} .tebiki-video__captions")).to_have_text(at_start[0])
    assert requests.external() == []


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_captions_never_cover_the_picture(browser: Browser, site: Site, viewport: str) -> None:
    """The captions are drawn under the picture, so no line of a slide's headline is hidden by them."""
    session, recording = own_video(site)
    phone = viewport == "phone"
    kwargs = {"viewport": MOBILE, "is_mobile": True, "has_touch": True} if phone else {}
    context = new_context(browser, locale=site.locale, **kwargs)
    try:
        page = context.new_page()
        page.goto(site.url + f"seminars/{session}/#t=5", wait_until="networkidle")
        captions = page.locator(f"#player-{recording.id} .tebiki-video__captions")
        expect(captions).not_to_be_empty()
        video, box = page.locator(f"#player-{recording.id} video").bounding_box(), captions.bounding_box()
        assert video and box and box["y"] >= video["y"] + video["height"] - 1, (video, box)
        expect(captions).to_be_in_viewport()
    finally:
        context.close()


def test_chapter_buttons_seek_the_sites_video_from_the_keyboard(watched, site: Site) -> None:
    page, _ = watched
    session, recording = own_video(site)
    chapter = recording.chapters[-1]
    start = f"{int(chapter.start) // 60}:{int(chapter.start) % 60:02d}"
    page.goto(site.url + f"seminars/{session}/", wait_until="networkidle")
    tab_to(page, f"[data-seek='{int(chapter.start)}']")
    expect(page.locator(":focus")).to_have_accessible_name(
        site._("Play “%(title)s” from %(start)s", title=chapter.title, start=start)
    )
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => document.querySelector('#player-{recording.id} video').currentTime >= {chapter.start}",
        timeout=10_000,
    )
    expect(page.locator(f"#player-{recording.id} video")).to_be_focused()


def test_a_time_in_the_address_starts_the_only_video_there(watched, site: Site) -> None:
    page, _ = watched
    session, recording = own_video(site)
    page.goto(site.url + f"seminars/{session}/#t=9", wait_until="networkidle")
    page.wait_for_function(
        f"() => document.querySelector('#player-{recording.id} video').currentTime >= 9", timeout=10_000
    )
    assert page.evaluate(f"document.querySelector('#player-{recording.id} video').paused"), "a link must not play"


def seminar_paths(site: Site) -> list[str]:
    return ["seminars/", f"seminars/{own_video(site)[0]}/"]


def test_axe_finds_nothing_on_the_seminar_pages(site_page: Page, site: Site) -> None:
    for path in seminar_paths(site):
        site_page.goto(site.url + path, wait_until="networkidle")
        assert not (found := axe_violations(site_page)), describe(path, found)
        shows_its_language(site_page, site)


def test_axe_finds_nothing_on_the_seminar_pages_on_a_phone(site_mobile_page: Page, site: Site) -> None:
    for path in seminar_paths(site):
        site_mobile_page.goto(site.url + path, wait_until="networkidle")
        assert not (found := axe_violations(site_mobile_page)), describe(path, found)
