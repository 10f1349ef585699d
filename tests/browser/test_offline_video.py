"""The fixture sites' self-hosted captioned video (a 12-second webm) from the offline package,
as at a venue without network, on both fixture sites (ja, en)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from browsers import Site


def test_self_hosted_video_plays_from_disk_with_its_captions(site_page: Page, site: Site, site_unpacked: Path) -> None:
    page = site_page
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    videos = [p for p in site_unpacked.rglob("*.html") if "<video" in p.read_text(encoding="utf-8")]
    assert videos, "the fixture site has a self-hosted video"
    page.goto(videos[0].as_uri())
    ready = page.evaluate(
        "() => new Promise(done => { const v = document.querySelector('video');"
        " if (v.readyState >= 1) return done(v.duration);"
        " v.addEventListener('loadedmetadata', () => done(v.duration)); v.load(); })"
    )
    assert ready > 0
    # Captions too: from file:// a <track> file would be refused, so the package carries them inline.
    cues = page.evaluate(
        "() => new Promise(done => { const t = document.querySelector('video track');"
        " t.track.mode = 'hidden'; const n = () => t.track.cues && t.track.cues.length;"
        " if (n()) return done(n()); t.addEventListener('load', () => done(n()));"
        " t.addEventListener('error', () => done(-1)); })"
    )
    recording = next(r for _, r in site.data.seminars.recordings() if r.provider == "file")
    vtt = (site.project / "docs" / recording.captions[0].file).read_text(encoding="utf-8")
    assert cues == vtt.count(" --> ")
    assert page.evaluate("document.documentElement.lang") == site.language
    assert errors == []
    assert all(url.startswith("file://") or url.startswith("data:") for url in requests)
