"""`tebiki new`: the sample site builds strict and passes coverage as written, in each
language and status; and a site needs nothing but `plugins: [tebiki]` (item 1 of issue 18),
with its own choices winning and impossible set-ups refused."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from support import mkdocs_build, tebiki
from tebiki.scaffold import LANGUAGES, STATUSES

STATUSES_BUILT = list(STATUSES)


def new(tmp_path: Path, *args: str) -> Path:
    site = tmp_path / "mysite"
    result = tebiki("new", str(site), *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("status", STATUSES_BUILT)
@pytest.mark.parametrize("language", LANGUAGES)
def test_new_site_builds_strict_and_passes_coverage(new_site, tmp_path: Path, language: str, status: str) -> None:
    site = new_site(language, status)  # written by `tebiki new` and built with --strict (the build must pass)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert set(config) == {"site_name", "site_url", "theme", "plugins"} and config["plugins"] == ["tebiki"]
    assert tebiki("validate", cwd=site).returncode == 0
    coverage = tebiki("coverage", "--json", str(tmp_path / "coverage.json"), cwd=site)  # the shared site stays as built
    assert coverage.returncode == 0, coverage.stdout + coverage.stderr
    assert "0 gap(s)" in coverage.stdout
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in home
    # What the plugin contributes is really there: scripts, styles, default pages, quizzes.
    for path in ("assets/tebiki.css", "assets/checklist.js", "search/index.html", "download/index.html"):
        assert (site / "site" / path).is_file(), path
    assert 'href="assets/tebiki.css"' in home
    quiz = (site / "site" / "quiz" / "records" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="quiz[^"]*" [^>]*id="quiz-\d+">', quiz)  # mkdocs-quiz ran, unlisted
    assert "<quiz>" not in quiz.lower()
    if language == "en":
        assert "Keeping records" in home and "記録" not in home.split("<main", 1)[1].split("</main>", 1)[0]
    # The checklist's basis links lead to the rules on the sources page, in force or superseded.
    checklist = (site / "site" / "checklist" / "index.html").read_text(encoding="utf-8")
    sources = (site / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'href="\.\./sources/#(rule-[^"]+)"', checklist))
    assert anchors and all(f'id="{anchor}"' in sources for anchor in anchors), anchors
    labels = {"en": ("Basis (today's rules):", "Basis:"), "ja": ("根拠（今のルール）：", "根拠：")}
    today_basis, basis = labels[language]
    shown = html.unescape(checklist)
    assert (today_basis in shown) == (status == "superseded") and (basis in shown or status == "superseded")
    # The sample's planned online briefing is a live session, not a video (it has no recording).
    session = (site / "site" / "seminars" / "records-online" / "index.html").read_text(encoding="utf-8")
    assert "Online (video)" not in session and "オンライン（動画）" not in session
    assert {"en": "Online", "ja": "オンライン"}[language] in session
    # The trainer kit tells the slides' order from the data: the first track's way, and today's rules
    # only for a superseded guideline (no one guideline's "small-business way").
    kit = html.unescape((site / "site" / "trainers" / "records" / "index.html").read_text(encoding="utf-8"))
    order = {
        "en": "Each section's slides go: problems, measures, “How small organisations do it”",
        "ja": "各章のスライドは、問題点、対策、「小規模の組織のやり方」",
    }[language]
    today = {"en": "today's rules.", "ja": "今のルールの順"}[language]
    assert order + ({"en": ", ", "ja": "、"}[language] + today if status == "superseded" else "") in kit
    assert "small-business" not in kit and "中小企業" not in kit
    # A superseded guideline says so on the home page too, under the title, from guideline.yml.
    notice = re.search(r"<details [^>]*data-tebiki-home-notice>.*?</details>", home, re.S)
    assert (notice is not None) == (status == "superseded")
    if notice:
        abolished = {"ja": "このガイドラインは2020年3月31日に廃止されました。", "en": "abolished on March 31, 2020."}
        assert abolished[language] in notice[0].split("</summary>")[0]
        assert 'href="https://example.org/successor"' in notice[0]
        assert home.index("</h1>") < notice.start() < home.index("<h2")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "mysite").mkdir()
    (tmp_path / "mysite" / "notes.txt").write_text("mine", encoding="utf-8")
    result = tebiki("new", "mysite", cwd=tmp_path)
    assert result.returncode == 3  # Exit.USAGE
    assert "is not an empty folder" in result.stderr and "overwrites nothing" in result.stderr
    assert sorted(p.name for p in (tmp_path / "mysite").iterdir()) == ["notes.txt"]


def test_a_sites_own_template_page_and_stylesheet_win(tmp_path: Path) -> None:
    site = new(tmp_path, "--language", "en")
    (site / "overrides").mkdir()
    (site / "overrides" / "404.html").write_text(
        '{% extends "main.html" %}{% block content %}<p id="own-404">Our own 404</p>{% endblock %}', encoding="utf-8"
    )
    (site / "docs" / "search.md").write_text("---\ntitle: Our search\n---\n# Our own search page\n", encoding="utf-8")
    (site / "docs" / "extra.css").write_text("body{}", encoding="utf-8")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  language: en\n", "  language: en\n  custom_dir: overrides\n")
    config.write_text(text + "extra_css: [extra.css]\n", encoding="utf-8")
    built = mkdocs_build(site, site / "site")
    assert built.returncode == 0, built.stderr
    assert 'id="own-404"' in (site / "site" / "404.html").read_text(encoding="utf-8")
    assert "Our own search page" in (site / "site" / "search" / "index.html").read_text(encoding="utf-8")
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert home.index('href="assets/tebiki.css"') < home.index('href="extra.css"')  # the site's CSS comes last


@pytest.mark.parametrize(
    ("theme", "message"),
    [
        ("  name: readthedocs\n", "tebiki's pages are made for Material for MkDocs"),
        ("  name: material\n  font:\n    text: Roboto\n", "theme.font makes every page load fonts from Google"),
    ],
)
def test_a_theme_tebiki_cannot_work_with_is_refused(tmp_path: Path, theme: str, message: str) -> None:
    site = new(tmp_path, "--language", "en")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n", theme), encoding="utf-8")
    built = mkdocs_build(site, site / "site")
    assert built.returncode != 0
    assert message in built.stdout + built.stderr
    assert "make setup" not in built.stdout + built.stderr
    assert not (site / "site").exists()


def test_a_site_without_a_home_page_is_refused(tmp_path: Path) -> None:
    site = new(tmp_path, "--language", "en")
    (site / "docs" / "index.md").unlink()
    built = mkdocs_build(site, site / "site")
    assert built.returncode != 0
    assert "the home page is missing" in built.stdout + built.stderr and "write docs/index.md" in built.stderr


def test_links_the_theme_builds_escape_the_sites_address(tmp_path: Path) -> None:
    # The 404 page's links carry the path of site_url, the maintainer's text: a quote or an
    # ampersand in it is escaped, never cut the attribute short; the links stay real links.
    site = new(tmp_path, "--language", "en", "--status", "in-force")
    built = mkdocs_build(site, site / "site", env={"TEBIKI_SITE_URL": 'https://example.org/a"b&c<d/'})
    assert built.returncode == 0, built.stderr
    page = (site / "site" / "404.html").read_text(encoding="utf-8")
    body = page.split('id="tebiki-content"', 1)[1].split("</article>", 1)[0]  # Material's own head is its own
    assert '<a href="/a&#34;b&amp;c&lt;d/search/">site search</a>' in body
    assert '<a href="/a&#34;b&amp;c&lt;d/.">Introduction</a>' in body
    assert 'a"b' not in body and "&amp;lt;" not in body and "&lt;a href" not in body
    quiz = (site / "site" / "quiz" / "records" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../answers/">Answers and explanations (to print)</a>' in quiz
    assert ">Material for MkDocs</a>" in quiz
