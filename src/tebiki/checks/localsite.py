"""A built site served on 127.0.0.1 as a static host serves it, for the browser checks, the tests and the benchmark."""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..files import html_pages


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a URL path relative to its root (the 404 page included)."""
    return [rel.removesuffix("index.html") for rel, _ in html_pages(site_dir)]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files without a log line per request, and with byte ranges.

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


@contextmanager
def serve(
    site_dir: Path, sub_path: str = "/", handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """The site at http://127.0.0.1:<port><sub_path>; yields that URL (ending in /).

    GitHub Pages serves a project site under /<repository>/, so links that climb above the
    site root break there and nowhere else: serve it the same way to catch them.
    """
    inner = sub_path.strip("/")
    with tempfile.TemporaryDirectory(prefix="tebiki-serve-") as web:
        if inner:
            mount = Path(web) / inner
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(site_dir.resolve(), target_is_directory=True)
        else:  # a site at the root of its host (a custom domain)
            web = str(site_dir.resolve())
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=web))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/" + (f"{inner}/" if inner else "")
        finally:
            server.shutdown()
            server.server_close()
