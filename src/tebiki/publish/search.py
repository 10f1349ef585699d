"""Full-text search with Pagefind's extended build, which segments Japanese."""

from __future__ import annotations

import asyncio
import base64
import bisect
import contextlib
import gzip
import itertools
import json
import re
import threading
from collections.abc import Sequence
from pathlib import Path

import cbor2

# Imported here, not on the service thread: a module imported on two threads at once can be seen
# half-initialised (WeasyPrint failed so while the thread imported Pagefind's client).
from pagefind.index import IndexConfig, PagefindIndex
from pagefind.service import PagefindService


class SearchIndexError(Exception):
    pass


# The longest answer read from the service: far above any bundle (the shipped one is 1 MiB as base64).
_MESSAGE_LIMIT = 1 << 30

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
        # The bundle comes back as one message (see _write), read with a 2 MiB limit that a big
        # guideline's bundle exceeds; past it the client's reader would stop and the build hang.
        reader = self._service._backend.stdout
        assert reader is not None
        reader._limit = max(reader._limit, _MESSAGE_LIMIT)  # type: ignore[attr-defined]
        scratch = await self._service.create_index(IndexConfig())
        await scratch.add_html_file(content=_WARM_UP, url="/")
        await scratch.delete_index()
        # Created now so that the build waits only for reading the site and writing the bundle.
        return await self._service.create_index(IndexConfig(exclude_selectors=self.exclude))

    async def _write(self, index: PagefindIndex, site_dir: Path) -> int:
        result = await index.add_directory(str(site_dir))
        if not result["page_count"]:
            return 0
        # The bundle's files are asked for and written here, not by the service's WriteFiles:
        # Pagefind 1.5.2 acknowledges that before its last bytes reach the disk (Pagefind issue
        # #1271, fixed upstream by #1272 but not released), so a file read at once, or a service
        # closed at once, can be a prefix of itself. CI once shipped such an index.
        bundle = site_dir / "pagefind"
        for file in await index.get_files():
            path = bundle / file["path"]
            path.parent.mkdir(parents=True, exist_ok=True)
            content = file["content"]
            if file["path"] == "pagefind-ui.js":
                content = hook_ui(content.decode("utf-8")).encode("utf-8")
            path.write_bytes(content)
        write_words(bundle)
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


# The words of the index, for assets/search.js to split a Japanese query into: Pagefind's
# dictionary segments the pages, the browser's the query, and they disagree on compounds.
WORDS = "tebiki-words.js"
_WORDS_HEADER = b"pagefind_dcd"  # what each decompressed chunk starts with


def index_words(bundle: Path) -> dict[str, list[int]]:
    """Each word of the Pagefind index in `bundle` that is not plain ASCII (those need no
    splitting), with the pages (by index number) that Pagefind finds for it: it matches a query
    word against every index word it begins, so the pages of all words starting with it."""
    pages: dict[str, set[int]] = {}
    for chunk in sorted((bundle / "index").glob("*.pf_index")):
        data = gzip.decompress(chunk.read_bytes())
        if not data.startswith(_WORDS_HEADER):
            raise SearchIndexError(f"{chunk}: not a Pagefind index chunk tebiki can read (Pagefind changed?)")
        try:
            # [[word, hits, [[variant, hits], …]], …]; hits: [[page, positions…], …], pages delta-coded
            for word, found, variants in cbor2.loads(data[len(_WORDS_HEADER) :])[0]:
                held = pages.setdefault(word, set())
                for hits in (found, *(v[1] for v in variants)):
                    held.update(itertools.accumulate(hit[0] for hit in hits))
        except (cbor2.CBORDecodeError, IndexError, TypeError, ValueError) as exc:
            raise SearchIndexError(f"{chunk}: unexpected layout of a Pagefind index chunk ({exc})") from exc
    ordered = sorted(pages)
    found_by: dict[str, list[int]] = {}
    for at, word in enumerate(ordered):
        if word.isascii():
            continue
        found = set(pages[word])
        end = bisect.bisect_left(ordered, word + "\U0010ffff", lo=at)
        for longer in ordered[at + 1 : end]:  # the words that begin with it, next in sorted order
            found |= pages[longer]
        found_by[word] = sorted(found)
    return found_by


def write_words(bundle: Path) -> Path:
    out = bundle / WORDS
    data = json.dumps(index_words(bundle), ensure_ascii=False, separators=(",", ":"))
    out.write_text(f"window.tebikiSearchWords = {data};\n", encoding="utf-8")
    return out


# The interface hands the Pagefind module it loads to `window.tebikiSearchModule` (assets/search.js),
# which puts the pages holding the exact phrase first; Pagefind's ranking ignores word order.
_UI_IMPORT = "import(`${r}pagefind.js`)"
_UI_HOOK = "(m=>window.tebikiSearchModule?window.tebikiSearchModule(m):m)"


def hook_ui(source: str) -> str:
    """pagefind-ui.js's source, made to hand its module to the hook."""
    if source.count(_UI_IMPORT) != 1:
        raise SearchIndexError("pagefind-ui.js does not import pagefind.js as tebiki expects (Pagefind changed?)")
    return source.replace(_UI_IMPORT, f"{_UI_IMPORT}.then({_UI_HOOK})")


# Offline package: from file:// Chromium refuses Pagefind's ES module, its import() and every
# fetch() of its index. The same bundle is shipped instead as classic scripts: pagefind.js
# wrapped in a function (its `fetch` shadowed by a loader that adds one <script> per file),
# pagefind-ui.js handed that module instead of importing it, and each index file as a script
# that registers its bytes. Same index, same ranking, loaded the way file:// allows.
_EXPORTS = re.compile(r"export\s*\{([^{}]*)\};?\s*$")
# Files the offline search page never loads (other interfaces, the worker Chromium refuses from disk).
_UNUSED = (
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)

_LOADER = """(function () {
var files = {};
window.tebikiPagefindFile = function (name, data) { files[name] = data; };
var base = document.currentScript.src.replace(/[^/]*$/, "");
function respond(name) {
  var text = atob(files[name]), bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Response(bytes);
}
// Pagefind's own fetch(url), for the files below base: a <script> per file, as file:// allows.
function fetch(url) {
  // Pagefind may hand it "file:/…" or a path from the root: resolved first, then made relative.
  var name = new URL(String(url), base).href.split("?")[0].slice(base.length);
  return new Promise(function (resolve, reject) {
    if (name in files) return resolve(respond(name));
    var script = document.createElement("script");
    script.src = base + name + ".js";
    script.onload = function () {
      script.remove();
      if (name in files) resolve(respond(name)); else reject(new Error("Pagefind: " + name + " holds no data"));
    };
    script.onerror = function () { reject(new Error("Pagefind could not load " + script.src)); };
    document.head.appendChild(script);
  });
}
var importMetaUrl = document.currentScript.src;
"""


def _classic_module(source: str) -> str:
    """pagefind.js (an ES module) as a classic script that sets `window.tebikiPagefind`."""
    exports = _EXPORTS.search(source)
    if not exports or "import.meta.url" not in source:
        raise SearchIndexError("pagefind.js is not the module tebiki knows how to load offline (Pagefind changed?)")
    names = []
    for item in exports.group(1).split(","):
        local, _, public = item.strip().partition(" as ")
        names.append(f"{(public or local).strip()}:{local.strip()}")
    body = source[: exports.start()].replace("import.meta.url", "importMetaUrl")
    return f"{_LOADER}window.tebikiPagefind = (function () {{\n{body}\nreturn {{{','.join(names)}}};\n}})();\n}})();\n"


def embed_bundle(site_dir: Path) -> int:
    """Rewrite `site_dir/pagefind` for pages opened from disk; returns how many data files it embeds."""
    bundle = site_dir / "pagefind"
    module = bundle / "pagefind.js"
    ui = bundle / "pagefind-ui.js"
    ui_source = ui.read_text(encoding="utf-8")
    if ui_source.count(_UI_IMPORT) != 1:
        raise SearchIndexError("pagefind-ui.js does not import pagefind.js as tebiki expects (Pagefind changed?)")
    module.write_text(_classic_module(module.read_text(encoding="utf-8")), encoding="utf-8")
    ui.write_text(ui_source.replace(_UI_IMPORT, "Promise.resolve(window.tebikiPagefind)"), encoding="utf-8")
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    data = [p for p in sorted(bundle.rglob("*")) if p.is_file() and p.suffix not in {".js", ".css"}]
    for path in data:
        name = path.relative_to(bundle).as_posix()
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
        path.with_name(path.name + ".js").write_text(
            f'tebikiPagefindFile({json.dumps(name)},"{encoded}");\n', encoding="ascii"
        )
        path.unlink()
    return len(data)
