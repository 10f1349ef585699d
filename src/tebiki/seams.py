"""Every place tebiki depends on another project's internals, with the version it was verified against.

Upgrading one of these projects means re-checking its entries here. Each seam is checked
where it can be: the mkdocs-quiz script patch stops the build when the installed script is
not the one verified (mkdocs_plugin/quiz_patch.py); the tests diff the copied header
partial against the installed Material's and compare the drawer breakpoint with Material's
CSS (tests/test_seams.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Seam:
    upstream: str  # the project, and the file or markup relied on
    verified: str  # the version it was verified against
    where: str  # what in tebiki depends on it
    checked_by: str


# -- mkdocs-quiz: the fill-in feedback script, corrected on every page ---------------------------------
QUIZ_VERIFIED_VERSION = "1.7.1"
QUIZ_SCRIPT_SHA256 = "59ec2c4332094f5d220469f36d1d055b3f022e695912e2b7346c520bd7b1f645"  # mkdocs_quiz/js/quiz.js

# -- mkdocs-quiz: markup Pagefind must not index ---------------------------------------------------------
# What mkdocs-quiz writes into a page besides the questions (which tebiki wraps in
# `data-pagefind-ignore` itself): progress widgets, the intro and results panels,
# and any quiz a hand-written page might hold. None of it belongs in search results.
SEARCH_EXCLUDE = ("#quiz-progress-sidebar", "#quiz-progress-mobile", ".quiz-intro", "#quiz-results", ".quiz")

# -- Material for MkDocs: the header partial tebiki copies (theme/overrides/partials/header.html) ---------
MATERIAL_VERIFIED_VERSION = "9.8.2"
# The lines of Material's partials/header.html the copy replaces; every other line must match.
MATERIAL_HEADER_REPLACED = (
    (  # the drawer's menu button gets a Japanese title
        '    <label class="md-header__button md-icon" for="__drawer">',
    ),
    (  # Material's search (it cannot segment Japanese) becomes a link to the Pagefind page
        '    {% if "material/search" in config.plugins %}',
        '      {% set search = config.plugins["material/search"] | attr("config") %}',
        "      {% if search.enabled %}",
        '        <label class="md-header__button md-icon" for="__search">',
        '          {% set icon = config.theme.icon.search or "material/magnify" %}',
        '          {% include ".icons/" ~ icon ~ ".svg" %}',
        "        </label>",
        '        {% include "partials/search.html" %}',
        "      {% endif %}",
        "    {% endif %}",
    ),
)

# -- Material for MkDocs: the width below which the navigation is a drawer -------------------------------
# keyboard-nav.js swaps the drawer's labels for buttons below it (theme/assets/keyboard-nav.js).
MATERIAL_DRAWER_BREAKPOINT = "76.234375em"

# -- WeasyPrint: the laid-out box tree, renumbered in place (publish/renumber.py) -----------------------
WEASYPRINT_VERIFIED_VERSION = "70.0"
# Releases with the same box tree (any other: every part is laid out with its numbers).
WEASYPRINT_VERIFIED_VERSIONS = ("70.",)


SEAMS = (
    Seam(
        "mkdocs-quiz mkdocs_quiz/js/quiz.js (fill-in feedback written with innerHTML)",
        f"mkdocs-quiz {QUIZ_VERIFIED_VERSION}, sha256 {QUIZ_SCRIPT_SHA256[:12]}…",
        "mkdocs_plugin/quiz_patch.py escapes the typed answer on every page",
        "the build: version and hash in on_config, no unescaped use of the answer after patching",
    ),
    Seam(
        "mkdocs-quiz markup ids and classes",
        f"mkdocs-quiz {QUIZ_VERIFIED_VERSION}",
        "SEARCH_EXCLUDE: what Pagefind leaves out of the index",
        "tests/test_quiz_build.py (the index holds no answers)",
    ),
    Seam(
        "Material partials/header.html",
        f"Material for MkDocs {MATERIAL_VERIFIED_VERSION}",
        "theme/overrides/partials/header.html, a copy with MATERIAL_HEADER_REPLACED changed",
        "tests/test_seams.py diffs it against the installed Material's",
    ),
    Seam(
        "Material's drawer breakpoint and the drawer's ids and classes",
        f"Material for MkDocs {MATERIAL_VERIFIED_VERSION}",
        "theme/assets/keyboard-nav.js",
        "tests/test_seams.py (the breakpoint in Material's CSS and in the script); the browser tests",
    ),
    Seam(
        "Invalid markup in Material's nav-item.html and base.html and mkdocs-quiz's progress panel",
        f"Material {MATERIAL_VERIFIED_VERSION}, mkdocs-quiz {QUIZ_VERIFIED_VERSION}",
        "mkdocs_plugin/markup_fixes.py (three exact replacements); quiz_patch.externalise (style and scripts)",
        "tebiki check-site: the Nu checker, with no error set aside; tests/test_markup_fixes.py",
    ),
    Seam(
        "mkdocs-quiz's QTI exporters (mkdocs_quiz/qti/): the XML layout, title attributes escaped without `\"`",
        f"mkdocs-quiz {QUIZ_VERIFIED_VERSION}",
        "generate/qti_xml.py: item titles rewritten (`retitle`), XHTML content, feedback; generate/qti.py: bank title",
        "generate/qti.py parses every entry before packaging; tests/test_qti_xml.py",
    ),
    Seam(
        "mkdocs-quiz's TranslationManager._parse_po_file (a .po file in, its translated messages out)",
        f"mkdocs-quiz {QUIZ_VERIFIED_VERSION}",
        "mkdocs_plugin/quiz_catalogs.py parses each catalog once per state of the file",
        "the version check in on_config; the quiz pages' translated words (tests/browser/test_quiz.py)",
    ),
    Seam(
        "mkdocs-quiz's MkDocsQuizPlugin._process_quiz(quiz, quiz_id, options, t, config, page, files), "
        "a function of its arguments (t: TranslationManager with .language and .translations)",
        f"mkdocs-quiz {QUIZ_VERIFIED_VERSION}",
        "mkdocs_plugin/quiz_cache.py keeps each quiz's HTML between `serve` rebuilds",
        "the version check in on_config; tests/test_quiz_cache.py",
    ),
    Seam(
        "MkDocs' live-reload script (mkdocs/livereload/__init__.py): inline `livereload(epoch, id)`, polls",
        "MkDocs 1.6.1",
        "mkdocs_plugin/live_reload.py: the same poll from a script file, since the page's CSP blocks the inline one",
        "tests/browser/test_serve_checks.py (the open tab reloads by itself)",
    ),
    Seam(
        "WeasyPrint's box tree after layout (boxes.TextBox text and its Pango layout, re-shaped when drawn)",
        f"WeasyPrint {WEASYPRINT_VERIFIED_VERSION}",
        "publish/renumber.py writes the right page numbers into a laid-out part of a long reference",
        "renumber.supported() (nothing is replaced with another version); tests/test_parts_pdf.py compares "
        "the bytes with a part laid out with its numbers",
    ),
)
