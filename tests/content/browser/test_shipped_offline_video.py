"""The shipped site's self-hosted briefing video (H.264 MP4) from the offline package, as at a venue
without network. (The same on the fixture sites' small webm: tests/browser/test_offline_video.py.)"""

from __future__ import annotations

from pathlib import Path


def test_self_hosted_video_plays_from_disk(tab, unpacked: Path) -> None:
    videos = [p for p in unpacked.rglob("*.html") if "<video" in p.read_text(encoding="utf-8")]
    assert videos, "the shipped site has a self-hosted briefing video"
    tab.goto(videos[0].as_uri())
    ready = tab.evaluate(
        "() => new Promise(done => { const v = document.querySelector('video');"
        " if (v.readyState >= 1) return done(v.duration);"
        " v.addEventListener('loadedmetadata', () => done(v.duration)); v.load(); })"
    )
    assert ready > 0
    # Captions too: from file:// a <track> file would be refused, so the package carries them inline.
    cues = tab.evaluate(
        "() => new Promise(done => { const t = document.querySelector('video track');"
        " t.track.mode = 'hidden'; const n = () => t.track.cues && t.track.cues.length;"
        " if (n()) return done(n()); t.addEventListener('load', () => done(n()));"
        " t.addEventListener('error', () => done(-1)); })"
    )
    assert cues > 0
    assert tab.errors == []
    assert all(url.startswith("file://") or url.startswith("data:") for url in tab.requests)
