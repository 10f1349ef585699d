"""The generated briefing video: captions, storyboard, and the script that makes the files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT
from tebiki.data.project import Paths, load_project
from tebiki.data.seminars import captions, storyboard

SEMINAR = Path(__file__).parent.parent / "fixtures" / "seminar"
SCRIPT = ROOT / "scripts" / "make-briefing-video.py"
MAX_VIDEO_BYTES = 1_500_000


def probe(video: Path) -> dict:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format", str(video)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def run_script(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False, env=env, cwd=ROOT
    )


# --- WebVTT -------------------------------------------------------------------------------


def test_captions_round_trip_through_write_and_parse() -> None:
    text = captions.write([(0, 2.5, "一つ目"), (2.5, 61.25, "二つ目")], ["tebiki-source sha256:abc"])
    parsed = captions.parse(text)
    assert [(c.start, c.end, c.text) for c in parsed.cues] == [(0, 2.5, "一つ目"), (2.5, 61.25, "二つ目")]
    assert parsed.notes == ["tebiki-source sha256:abc"]
    assert "00:01:01.250" in text


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("WEBVTT\n\n00:02.000 --> 00:01.000\nあ\n", 3, "end after it starts"),
        ("WEBVTT\n\n00:05.000 --> 00:06.000\nあ\n\n00:01.000 --> 00:02.000\nい\n", 6, "in order"),
        ("WEBVTT\n\nid-only\nno timing here\n", 3, "timing line"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n", 3, "no text"),
        ("WEBVTT\n\n00:61.000 --> 01:02.000\nあ\n", 3, "below 60"),
    ],
)
def test_bad_captions_say_which_line(text: str, line: int, message: str) -> None:
    with pytest.raises(captions.CaptionError, match=message) as exc:
        captions.parse(text)
    assert exc.value.line == line


# --- storyboard -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_project():
    return load_project(Paths.under(SEMINAR))


def clip(project):
    return next(rec for _, rec in project.seminars.recordings() if rec.id == "clip")


def test_cues_are_short_and_never_break_inside_brackets() -> None:
    text = "改訂では、個人情報を扱う事業者に「こうすることが望ましい」という新しい行動の目安を加えました。"
    cues = storyboard.split_cues(text)
    assert "".join(cues) == text
    assert all(len(c) <= storyboard.cue_chars() for c in cues)
    assert all(c.count("「") == c.count("」") for c in cues)


def test_slides_fill_each_chapter_in_proportion_to_their_text(fixture_project) -> None:
    items = {i.id: i for i in fixture_project.guideline.items()}
    slides = storyboard.storyboard(clip(fixture_project), items)
    assert [(s.chapter, s.item.id) for s in slides] == [(0, "T-PRB-01"), (0, "T-MEA-01"), (1, "T-ART")]
    assert [round(s.start, 3) for s in slides] == [0, 2.571, 6]  # 12 and 16 characters share 6 s
    assert slides[-1].end == 12
    for slide in slides:
        assert slide.cues[0][0] == pytest.approx(slide.start, abs=0.001)
        assert slide.cues[-1][1] == pytest.approx(slide.end, abs=0.001)


def test_the_fingerprint_follows_what_the_video_shows(fixture_project) -> None:
    rec = clip(fixture_project)
    items = {i.id: i for i in fixture_project.guideline.items()}
    base = storyboard.source_hash(rec, items, "notice")
    retitled = {**items, "T-ART": items["T-ART"].model_copy(update={"title": "別の見出し"})}
    assert storyboard.source_hash(rec, retitled, "notice") != base
    assert storyboard.source_hash(rec.model_copy(update={"duration": 13.0}), items, "notice") != base
    assert storyboard.source_hash(rec, items, "another notice") != base
    reworded_why = {**items, "T-MEA-01": items["T-MEA-01"].model_copy(update={"why": "別の理由"})}
    assert storyboard.source_hash(rec, reworded_why, "notice") == base  # `why` is not in the video


# --- the script -------------------------------------------------------------------------------


def test_the_script_makes_a_small_captioned_video_that_validates(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SEMINAR, project, symlinks=False)
    media = project / "docs" / "media"
    for name in ("clip.mp4", "clip.png", "clip.ja.vtt"):
        (media / name).unlink()

    result = run_script("--root", str(project))
    assert result.returncode == 0, result.stderr
    assert "clip:" in result.stdout and "clip.mp4" in result.stdout

    info = probe(media / "clip.mp4")
    kinds = [s["codec_type"] for s in info["streams"]]
    assert kinds == ["video"], "the generated video has no sound track"
    video = info["streams"][0]
    assert (video["codec_name"], video["width"], video["height"]) == ("h264", 960, 540)
    assert float(info["format"]["duration"]) == pytest.approx(12, abs=0.6)
    assert (media / "clip.mp4").stat().st_size < 200_000
    assert (media / "clip.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    vtt = captions.parse((media / "clip.ja.vtt").read_text(encoding="utf-8"))
    assert [c.text for c in vtt.cues] == [
        "見張りがいませんでした。",
        "定期的に動いているか確かめます。",
        "守る仕組みを作ります。",
    ]

    load_project(Paths.under(project))  # validation accepts the fresh files: the fingerprint matches
    first = (media / "clip.mp4").read_bytes()
    assert run_script("--root", str(project), "clip").returncode == 0
    assert (media / "clip.mp4").read_bytes() == first, "the same data must give the same video (no churn in git)"


def test_the_script_names_unknown_recordings_and_missing_ffmpeg(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SEMINAR, project, symlinks=False)
    result = run_script("--root", str(project), "nope")
    assert result.returncode == 1 and "no generated recording with ID nope" in result.stderr
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run_script("--root", str(project), env={**os.environ, "PATH": str(empty)})
    assert result.returncode == 1 and "ffmpeg not found" in result.stderr and "setup.sh" in result.stderr


def test_the_script_refuses_invalid_data(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SEMINAR, project, symlinks=False)
    yml = project / "guideline" / "seminars.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("items: [T-ART]}", "items: [T-NONE]}"), encoding="utf-8")
    result = run_script("--root", str(project))
    assert result.returncode == 2 and "unknown item 'T-NONE'" in result.stderr


# --- the committed video of the default site ----------------------------------------------------


def test_the_sites_briefing_video_is_small_and_matches_its_data() -> None:
    project = load_project(Paths.under(ROOT))
    # A stale video is only a warning for the maintainer's build; the shipped one must be current.
    assert not project.seminars.stale, "remake the video: make video\n" + "\n".join(
        map(str, project.seminars.stale.values())
    )
    generated = [(s, rec) for s, rec in project.seminars.recordings() if rec.generated]
    assert generated, "the default site ships at least one generated briefing video"
    items = {i.id: i for i in project.guideline.items()}
    for _, rec in generated:
        assert rec.file is not None
        video = ROOT / "docs" / rec.file
        assert video.stat().st_size < MAX_VIDEO_BYTES, f"{rec.file} is too big to commit"
        assert float(probe(video)["format"]["duration"]) == pytest.approx(rec.duration, abs=0.6)
        expected = [cue for slide in storyboard.storyboard(rec, items) for cue in slide.cues]
        cues = project.seminars.captions[rec.id].cues
        assert [(c.start, c.end, c.text) for c in cues] == [(s, e, t) for s, e, t in expected]
