"""Full-text search with Pagefind's extended build, which segments Japanese."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path


class SearchIndexError(Exception):
    pass


def index_site(site_dir: Path, exclude: Sequence[str] = ()) -> None:
    """Write the Pagefind bundle into `site_dir/pagefind/`, leaving out elements matching `exclude`
    (for markup that third-party plugins write and that cannot carry `data-pagefind-ignore`)."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    for selector in exclude:
        cmd += ["--exclude-selectors", selector]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").exists():
        raise SearchIndexError(
            f"Pagefind failed to index {site_dir} (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}\n"
            "→ check that `pagefind[extended]` is installed (make setup)."
        )


# Offline package: Pagefind loads its index with fetch() and an ES module import, which
# browsers refuse for pages opened from file://. The offline variant instead ships the text
# of every page section in a classic script (`<script src>` works from disk) that
# docs/assets/offline-search.js searches by substring, which suits Japanese without spaces.
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
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
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
