"""A local static server that compresses like a static host (GitHub Pages: gzip).

Python's own http.server sends files as they are; page weight and Lighthouse
must see what a reader's phone would receive, so text is gzipped at level 9.
"""

from __future__ import annotations

import gzip
from contextlib import AbstractContextManager
from pathlib import Path

from tebiki.checks import localsite
from tebiki.checks.localsite import QuietHandler

# Types a static host compresses; images, fonts and Pagefind's own (already
# gzipped) index chunks are sent as they are.
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/manifest+json",
    "image/svg+xml",
)


class GzipHandler(QuietHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host
    _cache: dict[tuple[str, float], bytes] = {}

    def end_headers(self) -> None:
        # GitHub Pages sends ten minutes; the same here so the cache audits see a host's headers.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder URL
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not accepts or not ctype.startswith(COMPRESSIBLE):
            return super().send_head()
        key = (str(path), path.stat().st_mtime)
        body = self._cache.get(key)
        if body is None:
            body = self._cache[key] = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: a readable that copyfile streams to the client."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(site: Path) -> AbstractContextManager[str]:
    """Serve `site` at the root of 127.0.0.1, gzipped; yield its base URL (ending in /)."""
    return localsite.serve(site, handler=GzipHandler)
