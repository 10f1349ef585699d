"""Full-text search with Pagefind's extended build, which segments Japanese."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

# Imported here, not on the service thread: a module imported on two threads at once can be seen
# half-initialised (WeasyPrint failed so while the thread imported Pagefind's client).
from pagefind.index import IndexConfig, PagefindIndex
from pagefind.service import PagefindService

from ..files import html_files


class SearchIndexError(Exception):
    pass


# Enough Japanese for Pagefind to load its segmentation dictionary.
_WARM_UP = '<html lang="ja"><body><p data-pagefind-body>個人情報の安全管理</p></body></html>'


class Indexer:
    """Pagefind's extended build, started as the build starts.

    Loading its Japanese dictionary takes about a second, once per process and before the first
    page is read. Started early, as a service in a background thread, that load overlaps MkDocs
    rendering the pages; `index` then only reads the built site and writes the bundle (the same
    files as `pagefind --site`). Every Indexer must end with `index` or `close`.
    """

    def __init__(self, exclude: Sequence[str] = ()) -> None:
        self.exclude = list(exclude)
        self._service: PagefindService | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="tebiki-pagefind", daemon=True)
        self._thread.start()
        self._ready = asyncio.run_coroutine_threadsafe(self._launch(), self._loop)

    async def _launch(self) -> PagefindIndex:
        self._service = await PagefindService().launch()  # it binds to the running loop: create it here
        scratch = await self._service.create_index(IndexConfig())
        await scratch.add_html_file(content=_WARM_UP, url="/")
        await scratch.delete_index()
        # Created now so that the build waits only for reading the site and writing the bundle.
        return await self._service.create_index(IndexConfig(exclude_selectors=self.exclude))

    async def _write(self, index: PagefindIndex, site_dir: Path) -> int:
        result = await index.add_directory(str(site_dir))
        await index.write_files(output_path=str(site_dir / "pagefind"))
        return result["page_count"]

    def index(self, site_dir: Path) -> None:
        """Write the Pagefind bundle into `site_dir/pagefind/`, leaving out elements matching
        `exclude` (markup that third-party plugins write and that cannot carry `data-pagefind-ignore`)."""
        try:
            index = self._ready.result()
            pages = asyncio.run_coroutine_threadsafe(self._write(index, site_dir), self._loop).result()
        except Exception as exc:  # the service reports failures as bare Exceptions
            raise SearchIndexError(
                f"Pagefind failed to index {site_dir}: {exc}\n"
                "→ check that `pagefind[extended]` is installed: pip install 'pagefind[extended]>=1.5,<2'."
            ) from exc
        finally:
            self.close()
        if not pages or not (site_dir / "pagefind" / "pagefind.js").exists():
            raise SearchIndexError(f"Pagefind found no page to index in {site_dir}.")

    def close(self) -> None:
        """Stop the service and its thread; safe to call more than once."""
        if self._loop.is_closed():
            return
        # Let a launch under way finish (or fail), so that its Pagefind child is stopped and
        # reaped here rather than orphaned as a zombie when the build is interrupted.
        with contextlib.suppress(Exception):
            self._ready.result()
        if self._service is not None:
            asyncio.run_coroutine_threadsafe(self._service.close(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()


def index_site(site_dir: Path, exclude: Sequence[str] = ()) -> None:
    """Index a built site in one go (no overlap with a build)."""
    Indexer(exclude).index(site_dir)


# Offline package: Pagefind loads its index with fetch() and an ES module import, which
# browsers refuse for pages opened from file://. The offline variant instead ships the text
# of every page section in a classic script (`<script src>` works from disk) that
# src/tebiki/theme/assets/offline-search.js searches by substring, which suits Japanese without spaces.
OFFLINE_INDEX = "assets/tebiki-offline-index.js"

_HEADINGS = {"h1", "h2", "h3"}
_SKIP = {"script", "style", "noscript", "template", "svg"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _SectionParser(HTMLParser):
    """Splits the indexed part of a page (`data-pagefind-body`) into sections at headings."""

    def __init__(self, exclude: Sequence[str] = ()) -> None:
        super().__init__(convert_charrefs=True)
        self.ids = {s[1:] for s in exclude if s.startswith("#")}
        self.classes = {s[1:] for s in exclude if s.startswith(".")}
        self.depth = 0  # open elements inside the body; 0 = outside
        self.skip = 0  # depth inside an element whose text is not content
        self.heading: str | None = None  # tag of the heading being read
        self.sections: list[dict[str, str]] = []  # {"id", "h", "t"}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.depth == 0:
            if "data-pagefind-body" in values:
                self.depth = 1
                self.sections.append({"id": "", "h": "", "t": ""})
            return
        if tag in _VOID:
            return
        self.depth += 1
        excluded = values.get("id") in self.ids or bool(self.classes & set((values.get("class") or "").split()))
        if self.skip or tag in _SKIP or "data-pagefind-ignore" in values or excluded:
            self.skip += 1
        elif tag in _HEADINGS:
            self.heading = tag
            self.sections.append({"id": values.get("id") or "", "h": "", "t": ""})

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0 or tag in _VOID:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
        elif tag == self.heading:
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.sections[-1]["h" if self.heading else "t"] += data


def offline_index(site_dir: Path, exclude: Sequence[str] = ()) -> list[dict[str, str]]:
    """One entry per section of every page: URL with anchor, page title, heading, text.
    `exclude` takes the selectors given to Pagefind; only `#id` and `.class` are understood."""
    unknown = [s for s in exclude if not (s[:1] in "#." and s[1:].replace("-", "").replace("_", "").isalnum())]
    if unknown:
        raise ValueError(f"the offline index understands only #id and .class selectors, not {unknown}")
    entries = []
    for page, path in html_files(site_dir):
        parser = _SectionParser(exclude)
        parser.feed(path.read_text(encoding="utf-8"))
        sections = [{k: " ".join(v.split()) for k, v in s.items()} for s in parser.sections]
        if not sections:
            continue
        title = next((s["h"] for s in sections if s["h"]), page)
        for section in sections:
            if section["h"] or section["t"]:
                url = page + (f"#{section['id']}" if section["id"] else "")
                entries.append({"u": url, "p": title, "h": section["h"], "t": section["t"]})
    return entries


def write_offline_index(site_dir: Path, exclude: Sequence[str] = ()) -> Path:
    out = site_dir / OFFLINE_INDEX
    out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(offline_index(site_dir, exclude), ensure_ascii=False, separators=(",", ":"))
    out.write_text(f"window.tebikiSearchIndex = {data};\n", encoding="utf-8")
    return out
