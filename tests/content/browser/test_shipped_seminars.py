"""The shipped site's own briefing video in Chromium: its Japanese caption track with the shipped
first line and length, an item's link to the moment that explains it, and axe on the seminar pages.
(The video facade and the player's behaviour, on the fixture sites in both languages:
tests/browser/test_seminars.py.) Every request that would leave 127.0.0.1 is recorded and aborted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from browsers import Requests, axe_violations, describe
from waits import goto


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, Requests]]:
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    requests = Requests(context)
    yield context.new_page(), requests
    context.close()


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


@pytest.mark.parametrize("path", ["seminars/", "seminars/overview/"])
def test_axe_finds_nothing_on_the_seminar_pages(page: Page, site_url: str, path: str) -> None:
    goto(page, site_url + path)
    assert not (found := axe_violations(page)), describe(path, found)
