"""Make the generated briefing videos: slides drawn from the items, captions from the same text.

For every recording marked `generated: true` in seminars.yml this writes, under docs/:
the MP4 video (H.264, no sound, 2 frames a second: a slide show stays small),
its poster image, and its WebVTT captions, which carry a fingerprint of the data
they were made from (see `storyboard.source_hash`).

There is no narration: espeak-ng's Japanese voice reads kana only and spells
kanji out as "Chinese letter", so the text is given as captions shown by default.

Needs Pillow (`pip install -e .[video]`), FFmpeg and the Noto CJK fonts (both
installed by scripts/setup.sh). `scripts/make-briefing-video.py` (`make video`) is the entry point.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tebiki import translations
from tebiki.data.guideline.load import load_guideline
from tebiki.data.guideline.model import Guideline
from tebiki.data.problems import DataError
from tebiki.data.project import Paths
from tebiki.data.seminars import captions, storyboard
from tebiki.data.seminars.load import load_seminars
from tebiki.data.seminars.model import Recording
from tebiki.generate.render import kind_label
from tebiki.text import clock
from tebiki.translations import _

WIDTH, HEIGHT = 960, 540
FPS = 2  # slides change at most a few times a minute; 2 fps keeps slide changes within half a second
CAPTION_SPACE = 150  # the bottom of each slide stays empty: the browser draws the captions there
INK, PAPER, BRAND, MUTED = "#111827", "#ffffff", "#1e3a8a", "#374151"
# Characters that must not begin a line in Japanese (kinsoku).
_NO_LINE_START = set("、。，．）」』】〕ー・：；？！ぁぃぅぇぉっゃゅょァィゥェォッャュョ")


class VideoError(Exception):
    pass


@dataclass(frozen=True)
class Made:
    recording: Recording
    files: list[Path]


@cache
def _font_file(bold: bool) -> tuple[str, int]:
    pattern = "Noto Sans CJK JP:bold" if bold else "Noto Sans CJK JP"
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}\t%{index}\t%{family}", pattern], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise VideoError(f"cannot look up fonts with fc-match ({exc}); install fontconfig") from None
    file, index, family = out.split("\t", 2)
    if "CJK JP" not in family:
        raise VideoError("the Noto CJK fonts are missing: install Debian's fonts-noto-cjk (scripts/setup.sh)")
    return file, int(index)


def _font(size: int, bold: bool = False):
    from PIL import ImageFont

    file, index = _font_file(bold)
    return ImageFont.truetype(file, size, index=index)


def wrap(text: str, font, width: int) -> list[str]:
    """Break text into lines that fit `width`: by words where words are spaced (English), else by
    characters, never starting a line with 、。 and the like (Japanese kinsoku)."""
    if translations.spaced():
        return _wrap_words(text, font, width)
    return _wrap_chars(text, font, width)


def _wrap_chars(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and font.getlength(line + ch) > width and ch not in _NO_LINE_START:
            lines.append(line)
            line = ch
        else:
            line += ch
    if line:
        lines.append(line)
    return lines


def _wrap_words(text: str, font, width: int) -> list[str]:
    """Greedy, a word at a time; only a word wider than a whole line is cut by characters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if font.getlength(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        pieces = _wrap_chars(word, font, width) if font.getlength(word) > width else [word]
        lines += pieces[:-1]
        line = pieces[-1]
    if line:
        lines.append(line)
    return lines


def _draw_lines(draw, xy: tuple[int, int], lines: list[str], font, fill: str, spacing: float = 1.45) -> int:
    x, y = xy
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += round(font.size * spacing)
    return y


def _header(draw, title: str, notice: str) -> int:
    draw.rectangle((0, 0, WIDTH, 106), fill=BRAND)
    draw.text((32, 12), title, font=_font(24, bold=True), fill=PAPER)
    y = 54
    for line in wrap(notice, _font(15), WIDTH - 64)[:2]:
        draw.text((32, y), line, font=_font(15), fill=PAPER)
        y += 22
    return 106


def _canvas():
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    return image, ImageDraw.Draw(image)


def draw_slide(recording: Recording, slide: storyboard.Slide, notice: str, credit: str):
    """One item on screen: chapter, kind and ID, and the item's title in large type."""
    image, draw = _canvas()
    y = _header(draw, recording.title, notice) + 28
    chapter = recording.chapters[slide.chapter]
    draw.text((48, y), f"{slide.chapter + 1}. {chapter.title}", font=_font(28, bold=True), fill=BRAND)
    y += 56
    label = kind_label(slide.item.kind.value) + _("   ") + slide.item.id
    box = draw.textbbox((48, y), label, font=_font(20))
    draw.rectangle((box[0] - 8, box[1] - 6, box[2] + 8, box[3] + 6), outline=MUTED, width=2)
    draw.text((48, y), label, font=_font(20), fill=MUTED)
    y += 52
    title_font = _font(38, bold=True)
    lines = wrap(slide.item.title, title_font, WIDTH - 96)[:3]
    _draw_lines(draw, (48, y), lines, title_font, INK, spacing=1.35)
    draw.text((WIDTH - 32, HEIGHT - CAPTION_SPACE - 8), credit, font=_font(14), fill=MUTED, anchor="rb")
    return image


def draw_poster(recording: Recording, notice: str, credit: str):
    """The still shown before playing: the title and the chapters with their start times."""
    image, draw = _canvas()
    y = _header(draw, _("Video"), notice) + 28
    title_font = _font(36, bold=True)
    y = _draw_lines(draw, (48, y), wrap(recording.title, title_font, WIDTH - 96)[:2], title_font, INK, 1.3) + 10
    draw.text(
        (48, y),
        _("%(duration)s · with captions (no sound)", duration=clock(recording.duration)),
        font=_font(18),
        fill=MUTED,
    )
    y += 40
    body = _font(22)
    # The player's controls cover the bottom of the poster: keep text above them.
    for number, chapter in enumerate(recording.chapters, start=1):
        if y > HEIGHT - 110:
            break
        draw.text((64, y), clock(chapter.start) + _("   ") + f"{number}. {chapter.title}", font=body, fill=INK)
        y += 36
    draw.text((WIDTH - 32, 120), credit, font=_font(14), fill=MUTED, anchor="ra")
    return image


def make(recording: Recording, guideline: Guideline, docs: Path) -> Made:
    """Draw, assemble and write the video, poster and captions of one generated recording."""
    if shutil.which("ffmpeg") is None:
        raise VideoError("ffmpeg not found: install Debian's ffmpeg package (scripts/setup.sh)")
    if len(recording.captions) != 1:
        raise VideoError(f"{recording.id}: a generated recording has exactly one caption track (its own text)")
    items = {item.id: item for item in guideline.items()}
    notice = storyboard.notice_line(guideline.meta)
    credit = storyboard.credit_line(guideline)
    slides = storyboard.storyboard(recording, items)
    assert recording.file is not None
    video, poster, vtt = docs / recording.file, docs / recording.poster, docs / recording.captions[0].file
    with tempfile.TemporaryDirectory(prefix="tebiki-video-") as tmp:
        work = Path(tmp)
        entries = ["ffconcat version 1.0"]
        for number, slide in enumerate(slides, start=1):
            name = f"slide-{number:03d}.png"
            draw_slide(recording, slide, notice, credit).save(work / name)
            entries += [f"file '{name}'", f"duration {slide.end - slide.start:.3f}"]
        entries.append(f"file 'slide-{len(slides):03d}.png'")  # the concat demuxer needs the last frame twice
        (work / "slides.txt").write_text("\n".join(entries) + "\n", encoding="utf-8")
        out = work / video.name
        _ffmpeg(work / "slides.txt", out, recording.duration)
        for path in (video, poster, vtt):
            path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(out, video)
    draw_poster(recording, notice, credit).save(poster, optimize=True)
    cues = [cue for slide in slides for cue in slide.cues]
    digest = storyboard.source_hash(recording, items, notice)
    vtt.write_text(captions.write(cues, [storyboard.hash_note(digest)]), encoding="utf-8")
    return Made(recording, [video, poster, vtt])


def _ffmpeg(playlist: Path, out: Path, duration: float) -> None:
    cmd = [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "concat", "-safe", "0", "-i", str(playlist),
        "-vf", f"fps={FPS},format=yuv420p", "-t", f"{duration:.3f}",
        "-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "30",
        "-g", str(FPS * 60),  # browsers decode forward from a key frame: few are needed at 2 fps
        "-an", "-movflags", "+faststart",
        # Same data, same bytes: no encoder strings or dates that would change on every run.
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
        str(out),
    ]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not out.exists():
        raise VideoError(f"ffmpeg failed (exit {result.returncode}):\n{result.stderr}")


def make_all(paths: Paths, only: list[str] | None = None) -> list[Made]:
    """Remake every generated recording (or those named in `only`)."""
    guideline = load_guideline(paths.data, paths.root)
    seminars = load_seminars(paths.data, paths.docs_dir, guideline, paths.root, check_generated=False)
    wanted = [rec for _, rec in seminars.recordings() if rec.generated and (not only or rec.id in only)]
    missing = set(only or ()) - {rec.id for rec in wanted}
    if missing:
        raise VideoError(f"no generated recording with ID {', '.join(sorted(missing))} in seminars.yml")
    return [make(rec, guideline, paths.docs_dir) for rec in wanted]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Remake the generated briefing videos from the guideline data.")
    p.add_argument("--root", default=".", help="project root holding mkdocs.yml (default: .)")
    p.add_argument("--data", default="guideline", help="data folder under the root")
    p.add_argument("--docs", default="docs", help="docs folder under the root, where the media go")
    p.add_argument("ids", nargs="*", help="recording IDs to remake (default: every generated one)")
    args = p.parse_args(argv)
    from tebiki.mkdocs_plugin.config import site_language  # the video speaks the site's language

    language = site_language(Path(args.root))
    if language:  # without a mkdocs.yml, tebiki's default language
        translations.activate(language)
    try:
        made = make_all(Paths.under(Path(args.root), args.data, docs=args.docs), args.ids)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    except (VideoError, ImportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for m in made:
        print(f"{m.recording.id}: " + ", ".join(f"{f} ({f.stat().st_size // 1024} KiB)" for f in m.files))
    if not made:
        print("No recording is marked `generated: true` in seminars.yml.")
    return 0
