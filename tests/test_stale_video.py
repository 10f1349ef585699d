"""Editing the text a generated video was made from never stops the build: the site shows the
video with a notice, and the terminal says to remake it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support import ROOT, edit, mkdocs_build
from tebiki import translations
from tebiki.data.project import Paths, load_project
from tebiki.data.seminars import storyboard

SITE = ROOT / "tests" / "fixtures" / "sites" / "ja"
MEDIA = ROOT / "tests" / "fixtures" / "seminar" / "docs" / "media"
FIRST_SENTENCE = "月に一度、記録に目を通し、確かめた日と結果を書き残します。"
VIDEO_SESSION = """\
  - id: records-video
    title: 記録の管理の解説動画
    format: online
    status: recorded
    recordings:
    - id: records-clip
      title: 記録の確認
      provider: file
      file: media/clip.mp4
      poster: media/clip.png
      generated: true
      duration: "0:12"
      captions: [{file: media/clip.ja.vtt}]
      chapters:
      - {start: 0, title: 記録, items: [REC-MEA-01]}
"""


def _site_with_a_current_video(dest: Path) -> Path:
    """The ja fixture site with a generated video whose captions carry the fingerprint of the data
    as it is (what `make video` writes; the frames themselves do not matter here)."""
    shutil.copytree(SITE, dest, symlinks=False)
    # No PDF and no search index: this is about the video page and the build's messages, and
    # typesetting each build's PDFs cold took most of the test (indexing, some of the rest).
    edit(dest / "mkdocs.yml", "  - tebiki", '  - tebiki:\n      pdf: ""\n      reference_pdf: ""\n      search: false')
    (dest / "docs" / "media").mkdir(exist_ok=True)  # the fixture has media of its own
    for name in ("clip.mp4", "clip.png", "clip.ja.vtt"):
        shutil.copy2(MEDIA / name, dest / "docs" / "media" / name)
    seminars = dest / "guideline" / "seminars.yml"
    seminars.write_text(seminars.read_text(encoding="utf-8") + VIDEO_SESSION, encoding="utf-8")
    translations.activate("ja")
    project = load_project(Paths.under(dest))
    (rec,) = [rec for _, rec in project.seminars.recordings() if rec.generated]
    items = {item.id: item for item in project.guideline.items()}
    digest = storyboard.source_hash(rec, items, storyboard.notice_line(project.guideline.meta))
    vtt = dest / "docs" / "media" / "clip.ja.vtt"
    text = vtt.read_text(encoding="utf-8")
    vtt.write_text(re.sub(r"sha256:[0-9a-f]+", digest, text, count=1), encoding="utf-8")
    assert not load_project(Paths.under(dest)).seminars.stale
    return dest


def _video_page(site: Path) -> str:
    return (site / "seminars" / "records-video" / "index.html").read_text(encoding="utf-8")


def test_editing_a_first_sentence_keeps_the_build_passing_and_the_video_shows_as_stale(tmp_path: Path) -> None:
    project = _site_with_a_current_video(tmp_path / "project")
    current = mkdocs_build(project, tmp_path / "before")
    assert current.returncode == 0, current.stderr
    assert "data-tebiki-stale-video" not in _video_page(tmp_path / "before")

    section = next(p for p in (project / "guideline" / "sections").glob("*.yml") if FIRST_SENTENCE in p.read_text())
    edit(section, FIRST_SENTENCE, "月に一度は記録に目を通し、確かめた日と結果を書き残します。")
    built = mkdocs_build(project, tmp_path / "after")  # --strict, as CI builds
    assert built.returncode == 0, built.stderr
    page = _video_page(tmp_path / "after")
    assert "data-tebiki-stale-video" in page and "この動画は、以前の版の文章から作られています。" in page
    # The terminal says which video and how to remake it (as info in a strict build: it does not fail it).
    assert "older data" in built.stderr and "make video" in built.stderr and "seminars.yml" in built.stderr
    # Without --strict, the same is a warning.
    loose = mkdocs_build(project, tmp_path / "loose", "--no-strict")
    assert loose.returncode == 0 and re.search(r"WARNING\s+-\s+.*older data", loose.stderr)
