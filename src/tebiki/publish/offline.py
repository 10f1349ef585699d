"""The offline package: the whole site as a zip that works opened from disk (file://).

It is a second build of the same sources with the plugin's `offline` option on
(TEBIKI_OFFLINE=true): page links end in `.html`, and search is the site's Pagefind index and
interface, rewritten into classic scripts that load from disk (search.embed_bundle).
The zip is reproducible: entries sorted, one timestamp (the build date), fixed modes.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from markupsafe import Markup

from ..files import html_files, replacing
from ..generate.render import render
from .reproducible import build_date

FILENAME = "tebiki-offline.zip"
FOLDER = "tebiki-offline"  # what unpacking the zip creates
# Files for a web server and search engines only; from disk the 404 page's root-relative
# links would lead nowhere.
SERVER_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


class OfflineError(Exception):
    pass


def build_site(root: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` of the offline variant into `site_dir`."""
    env = {**os.environ, "TEBIKI_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise OfflineError(f"the offline build failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")


def write_zip(
    site_dir: Path, out: Path, *, site_name: str, site_url: str | None, issued: dt.date, pdf: str = ""
) -> Path:
    """Zip `site_dir` under FOLDER/ with a README; written beside `out` and renamed into place."""
    stamp = (max(issued.year, 1980), issued.month, issued.day, 0, 0, 0)  # zip dates start in 1980
    # Plain text, not Markdown: the values go in as they are (Markup), or "Our charity's site" would
    # read "Our charity&#39;s site" in the README.
    values = {"site_name": site_name, "site_url": site_url, "folder": FOLDER, "pdf": pdf}
    readme = render("offline-readme.txt.j2", issued=issued, **{k: Markup(v) if v else v for k, v in values.items()})
    with replacing(out) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        entries = [("README.txt", ("\ufeff" + readme).encode("utf-8"))]
        entries += [
            (path.relative_to(site_dir).as_posix(), path.read_bytes())
            for path in sorted(site_dir.rglob("*"))
            if path.is_file() and path.relative_to(site_dir).as_posix() not in SERVER_ONLY
        ]
        for name, data in entries:
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--, whoever builds it
            info.create_system = 3  # Unix, so that the mode above is honoured
            zf.writestr(info, data)
    return out


def package(root: Path, out: Path, *, site_name: str, site_url: str | None, pdf: str = "") -> Path:
    """Build the offline variant in a scratch folder and zip it to `out`."""
    with tempfile.TemporaryDirectory(prefix="tebiki-offline-") as scratch:
        site = Path(scratch) / "site"
        build_site(root, site)
        pdf = pdf if pdf and (site / pdf).exists() else ""
        return write_zip(site, out, site_name=site_name, site_url=site_url, issued=build_date(), pdf=pdf)


# <track src="captions.vtt">: from file:// every file is an origin of its own, and browsers load
# captions only from the page's origin, so the offline variant carries them in data: URLs.
_TRACK_SRC = re.compile(r'(<track\b[^>]*?\bsrc=")([^":]+\.vtt)(")')


def inline_captions(site_dir: Path) -> int:
    """Put each caption file referenced by a <track> into the page as a data: URL; how many."""
    count = 0
    for _, page in html_files(site_dir):
        text = page.read_text(encoding="utf-8")

        def data_url(match: re.Match[str], page: Path = page) -> str:
            nonlocal count
            target = page.parent / html.unescape(match.group(2))
            if not target.is_file():
                return match.group(0)  # left for the link check to report
            count += 1
            encoded = base64.b64encode(target.read_bytes()).decode("ascii")
            return f"{match.group(1)}data:text/vtt;base64,{encoded}{match.group(3)}"

        new = _TRACK_SRC.sub(data_url, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return count
