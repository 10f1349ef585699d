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


@dataclass(frozen=True)
class KnownThemeError:
    """A Nu checker error in markup that a third party writes (Material for MkDocs' templates,
    the mkdocs-quiz plugin's injected code) and tebiki cannot change without copying a whole
    template or patching the plugin. Matched on the message *and* the element, so the same
    mistake in tebiki's own markup is still reported."""

    message: str
    element: str  # a substring of the highlighted element
    why: str


# -- Material 9.8.2 and mkdocs-quiz 1.7.1: Nu checker errors in their markup, set aside by check-site ------
KNOWN_THEME_ERRORS = (
    KnownThemeError(
        "Attribute “autocomplete” is only allowed when the input type is",
        'data-md-toggle="',
        "Material's base.html puts autocomplete=off on its two hidden drawer/search toggles "
        "(a Firefox state workaround); harmless, and base.html has no block to override.",
    ),
    KnownThemeError(
        "Bad value “” for attribute “tabindex” on element “label”",
        'class="md-nav__link',
        'Material\'s nav-item.html writes tabindex="" on section labels with navigation.sections; '
        "browsers ignore an empty tabindex.",
    ),
    KnownThemeError(
        "A “style” element in “body” must be the first child of its parent",
        '<style type="text/css">',
        "mkdocs-quiz 1.7 inlines its stylesheet in the body of quiz pages (only they enable it).",
    ),
    KnownThemeError(
        "must not have a “defer” attribute",
        '<script type="text/javascript" defer>',
        "mkdocs-quiz 1.7 inlines its script with `defer`, which browsers ignore on inline scripts.",
    ),
    KnownThemeError(
        "The “aria-label” attribute must not be specified on any “div” element",
        'id="quiz-progress-',
        "mkdocs-quiz 1.7's progress panel is a <div> with aria-label and no role; the panel's "
        "own text carries the same information.",
    ),
)


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
        "Nu checker messages about Material's and mkdocs-quiz's markup",
        f"Material {MATERIAL_VERIFIED_VERSION}, mkdocs-quiz {QUIZ_VERIFIED_VERSION}",
        "KNOWN_THEME_ERRORS, set aside by checks/sitecheck.py",
        "matched on message and element, so tebiki's own markup is still reported",
    ),
)
