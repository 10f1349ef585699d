"""Helpers shared by the tests (imported by name; conftest.py files cannot be)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Project sites on GitHub Pages live under a sub-path; the tests serve the site the same way.
SUB_PATH = "/tebiki/"


def mkdocs_build(
    project: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    cmd = [str(BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)


def copy_project(dest: Path) -> Path:
    """A scratch copy of the site sources, so a test may break them freely."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "guideline", "quizzes"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as URL paths relative to the site root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        pages.append(rel.removesuffix("index.html"))
    return pages


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as a real host serves them: quietly, and with byte ranges.

    Browsers fetch video in ranges and can only seek in a file served that way
    (Python's plain handler ignores `Range`, so a video there cannot be seeked).
    """

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        wanted = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", "").strip())
        path = self.translate_path(self.path)
        if not wanted or not any(wanted.groups()) or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        first, last = wanted.groups()
        start = int(first) if first else max(0, size - int(last))
        end = min(int(last), size - 1) if first and last else size - 1
        if start > end:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        with open(path, "rb") as f:
            f.seek(start)
            body = f.read(end - start + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path, webroot: Path, sub_path: str = SUB_PATH) -> Iterator[str]:
    """Serve a built site at http://127.0.0.1:<port><sub_path>, like a GitHub Pages project site.

    `webroot` is an empty scratch folder that gets a link named after the sub-path.
    """
    webroot.mkdir(parents=True, exist_ok=True)
    (webroot / sub_path.strip("/")).symlink_to(site, target_is_directory=True)
    handler = functools.partial(SiteRequestHandler, directory=str(webroot))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()


def tebiki(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The `tebiki` command of this checkout, run as a maintainer would."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    cmd = [sys.executable, "-m", "tebiki.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=full_env, check=False)


def edit(path: Path, old: str, new: str) -> None:
    """Change a scratch copy of fixture data; fail loudly if the fixture drifted."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
