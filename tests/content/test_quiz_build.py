"""A real `mkdocs build --strict` with the quiz pages: the HTML readers get, the search index,
the QTI downloads, coverage, and the guard against publishing raw quiz syntax."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import polib
import pytest

from support import ROOT, add_page, copy_project, mkdocs_build
from tebiki.checks import coverage
from tebiki.checks import quiz_leaks as guard
from tebiki.data.project import Paths, load_project

PROJECT = load_project(Paths.under(ROOT))
BANKS = PROJECT.quizzes
QUIZ_PAGES = [f"quiz/{b.id}" for b in BANKS] + ["quiz/selftest"]
# A phrase that the site writes only in a quiz explanation (quizzes/point3.yml, Q-ACQ-06).
EXPLANATION_ONLY = "値引き"


def html(site: Path, page: str) -> str:
    """A page with the mkdocs-quiz scripts it loads (moved out of the page into assets/quiz/)."""
    text = (site / page / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="(?:\.\./)*(assets/quiz/[0-9a-f]+\.js)">', text)
    return text + "".join((site / s).read_text(encoding="utf-8") for s in scripts)


def quiz_tags(page: str) -> list[str]:
    """The opening tag of every rendered quiz on a page."""
    return re.findall(r'<div class="quiz(?: quiz-fill-blank)?" [^>]*id="quiz-\d+">', page)


def test_quiz_pages_render_every_question_with_mkdocs_quiz(built_site: Path) -> None:
    for bank in BANKS:
        page = html(built_site, f"quiz/{bank.id}")
        assert len(quiz_tags(page)) == len(bank.questions), bank.id
        for n, question in enumerate(bank.questions, 1):
            heading = re.search(rf'<h2 [^>]*id="{question.id}"[^>]*>第{n}問</h2>', page)
            assert heading, question.id
            assert f'data-tebiki-quiz="{" ".join(question.items)}"' in heading.group(0)
        assert "<quiz>" not in page and "[[" not in page
        assert 'id="quiz-results"' in page and 'class="quiz-intro"' in page


def test_answers_are_checked_only_on_submit(built_site: Path) -> None:
    for path in QUIZ_PAGES:
        page = html(built_site, path)
        tags = quiz_tags(page)
        assert tags and not [t for t in tags if "data-auto-submit" in t], path  # ↓ on a radio must not submit
        assert page.count('<button type="submit" class="quiz-button">答え合わせ</button>') == len(tags), path


def test_fill_in_answers_are_stored_in_canonical_form(built_site: Path) -> None:
    page = html(built_site, "quiz/sme")
    assert re.findall(r'data-answer="([^"]*)"', page) == ["100", "5000"]
    assert 'aria-label="答えを入力"' in page


def test_no_answers_leak_through_source_comments_and_no_confetti(built_site: Path) -> None:
    for path in QUIZ_PAGES:
        page = html(built_site, path)
        assert "<!-- mkdocs-quiz-source" not in page and "- [x]" not in page, path
        assert "var JSConfetti=" not in page and "confetti: false" in page, path


def test_mkdocs_quiz_and_tebiki_additions_load_only_on_quiz_pages(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        rel = path.relative_to(built_site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        on_quiz_page = rel.removesuffix("index.html").rstrip("/") in QUIZ_PAGES
        text = html(built_site, rel.removesuffix("index.html")) if rel.endswith("index.html") else path.read_text()
        assert ("mkdocsQuizConfig" in text) == on_quiz_page, rel
        assert ("tebiki-quiz.js" in text) == (on_quiz_page or rel == "quiz/answers/index.html"), rel


def test_reviewed_japanese_strings_are_used(built_site: Path) -> None:
    page = html(built_site, "quiz/point1")
    translations = json.loads(re.search(r"window\.mkdocsQuizTranslations = (\{.*?\});", page).group(1))
    assert translations["Submit"] == "答え合わせ"
    assert translations["Try Again"] == "もう一度答える"
    assert "ローカルストレージ" not in page and "セッション間" not in page  # the machine translation


def test_every_mkdocs_quiz_string_has_a_reviewed_translation() -> None:
    import mkdocs_quiz

    template = polib.pofile(str(Path(mkdocs_quiz.__file__).parent / "locales" / "mkdocs_quiz.pot"))
    po = ROOT / "src" / "tebiki" / "theme" / "locales" / "mkdocs-quiz" / "ja.po"
    ours = {e.msgid: e.msgstr for e in polib.pofile(str(po))}
    missing = [e.msgid for e in template if e.msgid and not ours.get(e.msgid)]
    assert not missing, f"add these to src/tebiki/theme/locales/mkdocs-quiz/ja.po: {missing}"


def test_explanations_link_to_the_items_and_items_link_back(built_site: Path) -> None:
    index = PROJECT.guideline.item_index()
    for bank in BANKS:
        page = html(built_site, f"quiz/{bank.id}")
        for question in bank.questions:
            for item in question.items:
                section = index[item][0].id
                assert f'href="../../guideline/{section}/#{item}"' in page, (question.id, item)
                assert f'href="../../quiz/{bank.id}/#{question.id}"' in html(built_site, f"guideline/{section}")


def fragments(site: Path) -> dict[str, str]:
    """Page URL -> the text Pagefind indexed for it (its fragments are gzipped JSON).
    Pagefind marks the Japanese word breaks it found with zero-width spaces: they are removed."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        out[fragment["url"]] = fragment["content"].replace("\u200b", "")
    return out


def test_search_index_holds_no_answers_or_explanations(built_site: Path) -> None:
    indexed = fragments(built_site)
    text = "\n".join(indexed.values())
    assert EXPLANATION_ONLY in html(built_site, "quiz/point3")  # the phrase is on the site…
    assert EXPLANATION_ONLY not in text  # …but not in the index
    # Quiz pages and the answer key are left out of the index altogether; the quiz list leads to them.
    quiz_urls = sorted(url.split("/quiz/", 1)[1] for url in indexed if "/quiz/" in url)
    assert quiz_urls == ["", "trainers/"]
    # Links from item sections to their questions are navigation, not content.
    assert "第1問" not in indexed[next(url for url in indexed if url.endswith("/guideline/point1/"))]


def test_qti_packages_are_published_and_linked_from_the_trainers_page(built_site: Path) -> None:
    page = html(built_site, "quiz/trainers")
    links = re.findall(r'href="(\.\./qti/[^"]+\.zip)"', page)
    assert len(links) == 2 * (len(BANKS) + 1)
    for link in links:
        zip_path = (built_site / "quiz" / "trainers" / link).resolve()
        assert zip_path.is_file(), link
    assert zip_path.read_bytes()[:2] == b"PK"
    assert 'href="../answers/"' in page


def test_answer_key_lists_every_question_and_stays_out_of_search(built_site: Path) -> None:
    page = html(built_site, "quiz/answers")
    assert 'data-pagefind-ignore="all"' in page and "data-tebiki-quiz" not in page
    for bank in BANKS:
        for question in bank.questions:
            assert f'id="key-{question.id}"' in page, question.id
    assert page.count("【正解】") == sum(c.correct for b in BANKS for q in b.questions for c in q.choices)


def test_coverage_has_a_quiz_dimension_that_the_built_site_satisfies(built_site: Path) -> None:
    report = coverage.check(PROJECT.guideline, built_site)
    assert "quiz" in report.dimensions and report.ok, report.gaps
    required = {r["id"] for r in report.rows if r["coverage"]["quiz"]["required"]}
    kinds = {r["kind"] for r in report.rows if r["id"] in required}
    assert {"requirement", "measure"} <= kinds


def test_a_question_lost_from_the_html_is_a_coverage_gap(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    page = site / "quiz" / "point3" / "index.html"
    text, n = re.subn(r' data-tebiki-quiz="ACQ-CAU-01"', "", page.read_text(encoding="utf-8"))
    assert n == 1
    page.write_text(text, encoding="utf-8")
    text = (site / "quiz" / "selftest" / "index.html").read_text(encoding="utf-8")
    (site / "quiz" / "selftest" / "index.html").write_text(text.replace('"ACQ-CAU-01"', '""'), encoding="utf-8")
    report = coverage.check(PROJECT.guideline, site)
    assert report.gaps == ["ACQ-CAU-01 (caution): no quiz question in the built site"]


@pytest.mark.parametrize(
    ("html_text", "found"),
    [
        ("<p>ok</p><!-- <quiz>\n- [x] a\n[[b]]</quiz> -->", []),
        ("<pre><code>&lt;quiz&gt; [[30]]</code></pre><script>x=[[1]]</script>", []),
        ("<p>a</p>\n<quiz>\n<p>Q?</p>\n<ul><li>[x] yes</li></ul></quiz>", ["page.html:2: raw <quiz> element"]),
        ("<p>\n\n答えは[[30]]です</p>", ["page.html:3: fill-in answer [[…]] as text: '[[30]]'"]),
        ("<p>&lt;quiz&gt;</p>", ["page.html:1: quiz tag as text: '<quiz>'"]),
        # Written with character references: the pre-filter reads the page decoded, as the parser does.
        ("<p>&#91;&#x5b;30&rsqb;]</p>", ["page.html:1: fill-in answer [[…]] as text: '[[30]]'"]),
        ("<p>&lt;/QUIZ&#62;</p>", ["page.html:1: quiz tag as text: '</QUIZ>'"]),
        ('<p><a href="../quiz/selftest/">クイズ</a> [x] [ ]</p>', []),
    ],
)
def test_guard_finds_raw_quiz_syntax_outside_comments_and_code(tmp_path: Path, html_text: str, found: list) -> None:
    (tmp_path / "page.html").write_text(html_text, encoding="utf-8")
    leaks = [str(leak) for leak in guard.find_leaks(tmp_path)]
    assert [leak[: len(f)] for leak, f in zip(leaks, found, strict=False)] == found
    assert len(leaks) >= len(found) and (leaks == [] or found)


def test_guard_skips_only_pages_that_cannot_leak(tmp_path: Path) -> None:
    """The guard parses only pages its string pre-filter lets through; a leak is still caught."""
    clean = '<nav><a href="/quiz/selftest/">自己診断クイズ</a></nav><p>答えは [x] で選びます</p>'
    leaking = "<p>\n<Quiz>\n- [x] 正しい答え\n</Quiz></p>"
    assert not guard.may_leak(clean)
    assert guard.may_leak(leaking)
    (tmp_path / "clean.html").write_text(clean, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "leaking.html").write_text(leaking, encoding="utf-8")
    leaks = [str(leak) for leak in guard.find_leaks(tmp_path)]
    assert leaks and all(leak.startswith("sub/leaking.html:2: raw <quiz> element") for leak in leaks[:1])


@pytest.mark.parametrize(
    ("escaped", "reported"),
    [
        ("<p>&lt;QUIZ&gt; 答えは？</p>", True),
        ("<p>&#91;&#91;答え]]</p>", True),
        ("<p>&lt;/qu&#x130;z&gt;</p>", True),  # İ folds to i, as the parser's search has it
        ("<p>&#x3C;quiz のタグ</p>", False),  # a trace the parser then finds harmless
    ],
)
def test_guard_pre_filter_lets_through_syntax_in_any_case_or_spelling(
    tmp_path: Path, escaped: str, reported: bool
) -> None:
    """Character references and letters that fold to `quiz` still reach the parser."""
    assert guard.may_leak(escaped)
    (tmp_path / "page.html").write_text(escaped, encoding="utf-8")
    assert bool(guard.find_leaks(tmp_path)) == reported


def test_build_fails_when_a_page_holds_quizzes_without_the_quiz_plugin(tmp_path: Path) -> None:
    """A hand-written page with a quiz that did not opt in: mkdocs-quiz leaves it alone."""
    project = copy_project(tmp_path / "project")
    add_page(
        project,
        "stray",
        "忘れもの",
        "---\ndescription: クイズの有効化を忘れたページです。\n---\n# 忘れもの\n\n"
        "<quiz>\n答えは？\n- [x] 正しい答え\n- [ ] 違う答え\n</quiz>\n",
    )
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Raw quiz syntax in the built HTML" in output and "stray/index.html" in output
    assert not site.exists()  # nothing was published


def test_a_site_listing_mkdocs_quiz_with_embedded_answers_is_refused(tmp_path: Path) -> None:
    """tebiki registers mkdocs-quiz itself; a site that lists it may not turn on embed_source,
    which would carry every answer into the page source. The previous site stays."""
    project = copy_project(tmp_path / "project")
    mkdocs_yml = project / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(
        text.replace("\nplugins:\n", "\nplugins:\n  - mkdocs_quiz:\n      embed_source: true\n"), encoding="utf-8"
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "embed_source: true would publish every answer" in output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
