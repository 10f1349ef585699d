"""Checks on the built site, as a reader and a search engine get it.

Each check returns a list of problems (one line each, naming the page) so that
`tebiki check-site` can report everything at once and fail once:

- links:   every internal link, script, stylesheet, image and form target exists,
           and every `#anchor` names an element on the target page;
- titles:  every page has a title no other page has, and a description;
- sitemap: every URL in sitemap.xml (and canonical link) is under the configured
           site_url, and every page is listed;
- html:    the Nu HTML checker (vnu.jar from npm, run with Java) finds no error.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from ..files import html_pages

# Folders of generated assets that are not pages (Pagefind's bundle).

_URL_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "track": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "iframe": ("src",),
    "form": ("action",),
}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []  # (tag, url)
        self.canonical: str | None = None
        self.title: str | None = None
        self.description: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        elif tag == "meta" and values.get("name") == "description":
            self.description = values.get("content", "")
        elif tag == "title" and self.title is None:
            self._in_title, self.title = True, ""
        for attr in _URL_ATTRS.get(tag, ()):
            if attr in values and not (tag == "link" and values.get("rel") == "canonical"):
                self.refs.append((tag, values[attr]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data


@dataclass
class Page:
    path: str  # relative to the site root, e.g. "guideline/point1/index.html"
    parsed: _PageParser


def pages(site_dir: Path) -> dict[str, Page]:
    """Every page of the built site, parsed once; pass the result to the checks to share it."""
    out = {}
    for rel, file in html_pages(site_dir):
        parser = _PageParser()
        parser.feed(file.read_text(encoding="utf-8"))
        out[rel] = Page(rel, parser)
    return out


def _target(site_dir: Path, page: str, url: str, site_url: str | None) -> tuple[str, str] | None:
    """(file path relative to the site, fragment) for an internal URL; None for an external one."""
    base = posixpath.dirname(page)
    if site_url and url.startswith(site_url):
        url, base = url.removeprefix(site_url), ""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # another host (or mailto:, tel:, data:): not checked here
    path = unquote(parts.path)
    if path.startswith("/"):
        # Root-relative (404.html uses these): the site lives under site_url's path.
        prefix = urlsplit(site_url or "/").path or "/"
        if not path.startswith(prefix):
            return path, ""  # outside the site: reported as missing
        path, base = path.removeprefix(prefix), ""
    if not path:
        return page, parts.fragment  # "#anchor" on the same page
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined == ".." or joined.startswith("../"):
        return joined, ""  # above the site's root: reported as leading outside it
    joined = joined.removeprefix("./") if joined != "." else ""
    if path.endswith("/") or (site_dir / joined).is_dir():
        joined = posixpath.join(joined, "index.html") if joined not in ("", ".") else "index.html"
    return joined, parts.fragment


def check_links(site_dir: Path, site_url: str | None = None, found: dict[str, Page] | None = None) -> list[str]:
    found = found if found is not None else pages(site_dir)
    problems = []
    for page in found.values():
        for tag, url in page.parsed.refs:
            target = _target(site_dir, page.path, url, site_url)
            if target is None:
                continue
            path, fragment = target
            if path.startswith(".."):
                problems.append(f"{page.path}: <{tag}> points to {url!r}, above the root of the site")
            elif not (site_dir / path).is_file():
                problems.append(f"{page.path}: <{tag}> points to {url!r}, but {path} does not exist")
            elif fragment and path in found and fragment not in found[path].parsed.ids:
                problems.append(f"{page.path}: link {url!r} names #{fragment}, which {path} does not have")
    return problems


def check_titles(site_dir: Path, found: dict[str, Page] | None = None) -> list[str]:
    problems = []
    seen: dict[str, str] = {}
    for page in (found if found is not None else pages(site_dir)).values():
        title = " ".join((page.parsed.title or "").split())
        if not title:
            problems.append(f"{page.path}: no <title>")
        elif title in seen:
            problems.append(f"{page.path}: title {title!r} is also the title of {seen[title]}")
        else:
            seen[title] = page.path
        if not (page.parsed.description or "").strip():
            problems.append(f'{page.path}: no <meta name="description"> (add `description:` to the page front matter)')
    return problems


def _page_urls(path: str, site_url: str) -> set[str]:
    """The URL of a page with and without directory URLs (the offline variant has none)."""
    return {site_url + path.removesuffix("index.html"), site_url + path}


def check_sitemap(site_dir: Path, site_url: str, found: dict[str, Page] | None = None) -> list[str]:
    if not site_url.endswith("/"):
        site_url += "/"
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.exists():
        return ["sitemap.xml is missing (set site_url in mkdocs.yml)"]
    problems = []
    raw = sitemap.read_bytes()
    packed = site_dir / "sitemap.xml.gz"
    if packed.exists() and gzip.decompress(packed.read_bytes()) != raw:
        problems.append("sitemap.xml.gz does not hold the same text as sitemap.xml")
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text or "" for el in ElementTree.fromstring(raw).iterfind("sm:url/sm:loc", ns)]
    for loc in locs:
        if not loc.startswith(site_url):
            problems.append(f"sitemap.xml lists {loc}, which is not under site_url {site_url}")
            continue
        rel = unquote(loc.removeprefix(site_url))
        if not (site_dir / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)).is_file():
            problems.append(f"sitemap.xml lists {loc}, which is not a page of the site")
    for page in (found if found is not None else pages(site_dir)).values():
        if page.path == "404.html":
            continue
        urls = _page_urls(page.path, site_url)
        if not urls & set(locs):
            problems.append(f"sitemap.xml does not list {page.path}")
        # Pages written from their own template (the trainers' slide decks) may have none.
        if page.parsed.canonical is not None and page.parsed.canonical not in urls:
            problems.append(f"{page.path}: canonical link {page.parsed.canonical!r} is not its URL under {site_url}")
    return problems


class CheckerMissing(Exception):
    pass


def vnu_jar(root: Path) -> Path:
    jar = root / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.exists():
        raise CheckerMissing(
            f"the Nu HTML checker is not installed ({jar} is missing)\n→ install it in {root}: npm install vnu-jar"
        )
    if shutil.which("java") is None:
        raise CheckerMissing(
            "the Nu HTML checker needs Java\n→ install a Java runtime, e.g. apt-get install default-jre-headless"
        )
    return jar


# One short run: the JVM's quick compiler alone checks a site in half the CPU (and two thirds of
# the time) of its default two-stage compilation, which pays off only on longer runs. Its code
# needs a bigger thread stack than the default for the checker's schema (a StackOverflowError
# otherwise; the checker asks for at least 512k).
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-Xss4m")


def check_html(site_dir: Path, jar: Path, found: dict[str, Page] | None = None) -> list[str]:
    """Every Nu HTML checker error: none is set aside, the theme's and plugins' included."""
    files = [site_dir / p for p in (found if found is not None else pages(site_dir))]
    cmd = ["java", *JAVA_OPTIONS, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        return [f"the Nu HTML checker did not run (exit {result.returncode}):\n{result.stderr}"]
    problems = []
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        extract = m.get("extract", "")
        start = m.get("hiliteStart", 0)
        element = extract[start : start + m.get("hiliteLength", len(extract))]
        page = Path(re.sub(r"^file:", "", m.get("url", ""))).as_posix()
        page = page.removeprefix(site_dir.resolve().as_posix() + "/").removeprefix(site_dir.as_posix() + "/")
        problems.append(f"{page}:{m.get('lastLine', '?')}: {m['message']} [{element.strip()}]")
    return problems
