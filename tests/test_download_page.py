"""The download page's offline part: under the offline heading, saying what this copy of the site
has (a package to download, none, or being the offline edition itself), in the site's language."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from tebiki.publish import offline

NO_PACKAGE = "data-tebiki-no-offline"
LINK = 'href="../tebiki-offline.zip"'


def offline_section(page: str) -> str:
    """The page's HTML from the offline heading up to the next heading of its level."""
    start = page.index('id="offline"')
    end = page.find("<h2", start)
    return page[start : end if end != -1 else len(page)]


def steps(section: str) -> int:
    return section.index("<ol")


def download_page(site: Path) -> str:
    return (site / "download" / "index.html").read_text(encoding="utf-8")


def test_without_the_package_the_note_says_so_before_the_steps(built_site: Path) -> None:
    section = offline_section(download_page(built_site))
    assert NO_PACKAGE in section and "tebiki-offline.zip" not in section
    assert section.index(NO_PACKAGE) < steps(section)  # read before "download the ZIP and unpack it"
    assert "オフライン版（ZIP）が一緒に公開されていません" in section


def test_the_published_site_links_the_package_under_its_heading(published_site: Path) -> None:
    section = offline_section(download_page(published_site))
    assert LINK in section and NO_PACKAGE not in section
    assert section.index(LINK) < steps(section)


def test_the_offline_edition_says_it_is_one_under_the_heading(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as package:
        page = package.read(f"{offline.FOLDER}/download.html").decode("utf-8")  # no directory URLs offline
    section = offline_section(page)
    assert "tebiki-offline.zip" not in page and NO_PACKAGE not in page
    assert re.search(r'class="tebiki-notice" role="note">[^<]*オフライン版', section), section


def test_an_english_site_says_it_in_english(new_site: Callable[[str, str], Path]) -> None:
    section = offline_section(download_page(new_site("en", "superseded") / "site"))
    assert "No offline edition was published with this copy of the site." in section


def test_a_download_page_of_the_sites_own_gets_the_part_at_its_end(tmp_path: Path) -> None:
    """A site's own download.md without the line still tells the reader (at the end, as before)."""
    from tebiki.mkdocs_plugin.plugin import _put

    page = "# Downloads\n\nAsk us for a copy.\n"
    assert _put(page, "<!-- tebiki:offline -->", "PART") == "# Downloads\n\nAsk us for a copy.\n\nPART"
    assert _put("a\n\n<!-- tebiki:offline -->\n\nb", "<!-- tebiki:offline -->", "PART") == "a\n\nPART\n\nb"
