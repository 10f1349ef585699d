"""Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA) on every page, page structure, and keyboard use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from browsers import (
    BEST_PRACTICE_TAGS,
    DESKTOP,
    FOCUS_STATE,
    JAPANESE,
    MOBILE,
    QUERY,
    Site,
    axe_violations,
    describe,
    new_context,
)
from support import ENGINE_SITE, site_pages
from tebiki.data.project import Paths, load_project
from waits import goto, loaded, search_done, settle

_PROJECT = load_project(Paths.under(ENGINE_SITE))
SECTION = f"guideline/{_PROJECT.guideline.sections[0].id}/"  # a guideline page, in the drawer's sub-panel
QUIZ = f"quiz/{_PROJECT.quizzes[0].id}/"


# A word of each fixture site's data that its search finds.
WORD = {"ja": QUERY, "en": "records"}


def show_search_results(page: Page, site_url: str, query: str = QUERY) -> None:
    """The search page once every result it shows is drawn: axe must not meet a placeholder."""
    page.goto(site_url + "search/?q=" + query)
    loaded(page)
    search_done(page, query)


def test_axe_finds_no_violations_on_any_page(site_page: Page, site: Site) -> None:
    """Every page of each fixture site (ja, en)."""
    page = site_page
    reports = []
    for path in site_pages(site.built):
        goto(page, site.url + path)
        if violations := axe_violations(page):
            reports.append(describe(path or "/", violations))
    # The search page once it shows results (Pagefind UI draws them).
    show_search_results(page, site.url, WORD[site.language])
    if violations := axe_violations(page):
        reports.append(describe(f"search/?q={WORD[site.language]}", violations))
    assert not reports, "axe-core found WCAG A/AA violations:\n" + "\n".join(reports)


def test_a_link_under_the_pointer_keeps_its_contrast(site_page: Page, site: Site) -> None:
    """Material colours a hovered link with its accent, which failed AA: in the text and in the menu."""
    page, path = site_page, f"guideline/{site.data.guideline.sections[0].id}/"
    goto(page, site.url + path)
    for link in (page.locator("article a[href]:not(.headerlink)").first, page.locator(".md-nav__link[href]").last):
        link.hover()
        contrast = [v for v in axe_violations(page, ["wcag2aa"]) if v["id"] == "color-contrast"]
        assert not contrast, describe(f"{path} with the pointer on {link.inner_text()!r}", contrast)


@pytest.mark.parametrize("path", ["", SECTION, f"search/?q={QUERY}"])
def test_axe_finds_no_violations_on_a_phone(mobile_page: Page, site_url: str, path: str) -> None:
    if path.startswith("search/"):
        show_search_results(mobile_page, site_url)
    else:
        goto(mobile_page, site_url + path)
    violations = axe_violations(mobile_page)
    assert not violations, "axe-core found WCAG A/AA violations:\n" + describe(path or "/", violations)


# What sticks out past the viewport's right edge and is not held by a box that scrolls or clips on
# its own (Material's table wrapper, code blocks): the reader would have to scroll the page sideways.
STICKING_OUT = """() => {
  const root = document.documentElement, width = root.clientWidth, out = [];
  if (root.scrollWidth > width) out.push(`the page is ${root.scrollWidth} px wide`);
  const holds = (box) => /auto|scroll|hidden|clip/.test(getComputedStyle(box).overflowX)
    && box.getBoundingClientRect().right <= width + 1;
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || box.right <= width + 1 || box.left >= width) continue;
    let held = false;
    for (let up = el.parentElement; up && up !== document.body && !held; up = up.parentElement) held = holds(up);
    const text = el.textContent.trim().slice(0, 40);
    if (!held) out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ends at ${box.right | 0}: ${text}`);
  }
  return out.slice(0, 5);
}"""


def test_no_page_scrolls_sideways_on_a_320_pixel_screen(browser: Browser, site: Site) -> None:
    """WCAG 1.4.10 (reflow): every page of each fixture site (ja, en) read at 320 CSS pixels wide, as
    on a small phone or a desktop zoomed to 400%, needs no scrolling sideways."""
    context = new_context(browser, viewport={"width": 320, "height": 640}, locale=site.locale, is_mobile=True)
    page = context.new_page()
    problems = []
    for path in site_pages(site.built):
        goto(page, site.url + path)  # the checklist lays itself out on load
        problems.extend(f"{path or '/'}: {p}" for p in page.evaluate(STICKING_OUT))
    context.close()
    assert not problems, "\n".join(problems)


def test_every_page_has_language_one_h1_and_a_main_landmark(site_page: Page, site: Site) -> None:
    """Every page of each fixture site (ja, en); an English page shows no Japanese character."""
    page = site_page
    problems = []
    for path in site_pages(site.built):
        page.goto(site.url + path)
        facts = page.evaluate(
            """() => ({
                lang: document.documentElement.getAttribute("lang"),
                h1: document.querySelectorAll("h1").length,
                main: document.querySelectorAll("main, [role=main]").length,
                title: document.title.trim(),
                text: document.title + " " + document.body.innerText,
            })"""
        )
        where = path or "/"
        if facts["lang"] != site.language:
            problems.append(f"{where}: <html lang={facts['lang']!r}>, expected {site.language!r}")
        if site.language == "en" and (japanese := sorted(set(JAPANESE.findall(facts["text"])))):
            problems.append(f"{where}: Japanese characters on an English page: {japanese[:10]}")
        if facts["h1"] != 1:
            problems.append(f"{where}: {facts['h1']} <h1> elements, expected exactly one")
        if facts["main"] != 1:
            problems.append(f"{where}: {facts['main']} main landmarks, expected exactly one")
        if not facts["title"]:
            problems.append(f"{where}: empty <title>")
    assert not problems, "\n".join(problems)


def test_every_page_starts_with_a_working_skip_link(page: Page, built_site: Path, site_url: str) -> None:
    """The first Tab stop skips the header and navigation: Enter on it, and the next Tab is in the content."""
    problems = []
    for path in site_pages(built_site):
        where = path or "/"
        page.goto(site_url + path)
        if page.evaluate("() => !!document.activeElement.closest('main')"):
            continue  # the page puts focus in its content at once (the search box's autofocus)
        page.keyboard.press("Tab")
        skip = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || !el.matches("a.md-skip[href^='#']")) {
                    return {ok: false, what: el && el.outerHTML.slice(0, 80)};
                }
                const target = document.getElementById(decodeURIComponent(el.getAttribute("href").slice(1)));
                return {ok: true, text: el.textContent.trim(), inMain: !!(target && target.closest("main"))};
            }"""
        )
        if not skip["ok"]:
            problems.append(f"{where}: first Tab stop is not a skip link but {skip['what']}")
            continue
        if not skip["text"] or not skip["inMain"]:
            problems.append(f"{where}: skip link {skip} has no text or does not lead into <main>")
            continue
        state = page.evaluate(FOCUS_STATE)
        if not (state["visible"] and (state["outline"] or state["shadow"])):
            problems.append(f"{where}: the focused skip link is not visible: {state}")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if not state or not page.evaluate("() => !!document.activeElement.closest('.md-content')"):
            problems.append(f"{where}: after the skip link, Tab went to {state and state['what']}, not the content")
    assert not problems, "\n".join(problems)


def is_focused(page: Page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement?.matches(s) ?? false", selector)


def tab_through(page: Page, count: int) -> list[dict[str, Any]]:
    states = []
    for _ in range(count):
        page.keyboard.press("Tab")
        settle(page)
        state = page.evaluate(FOCUS_STATE)
        if state:
            states.append(state)
    return states


def invisible_focus(states: list[dict[str, Any]]) -> list[str]:
    bad = []
    for state in states:
        if not (state["outline"] or state["shadow"]):
            bad.append(f"no focus indicator (outline or box-shadow) on {state['what']}")
        elif not state["visible"]:
            bad.append(f"focus on an element that cannot be seen: {state['what']}")
    return bad


def test_keyboard_focus_is_visible_on_the_home_page(page: Page, site_url: str) -> None:
    page.goto(site_url)
    states = tab_through(page, 14)
    assert len(states) >= 10, f"only {len(states)} Tab stops on the home page"
    assert not invisible_focus(states), "\n".join(invisible_focus(states))
    assert any(s["inMain"] for s in states), "Tab never reached the page content"


def test_keyboard_focus_is_visible_on_a_phone(mobile_page: Page, site_url: str) -> None:
    """On a phone the navigation is a closed off-screen drawer: Tab must not wander into it."""
    page = mobile_page
    page.goto(site_url)
    states = tab_through(page, 14)
    assert len(states) >= 10, f"only {len(states)} Tab stops on the home page"
    assert not invisible_focus(states), "\n".join(invisible_focus(states))


def test_navigation_drawer_works_from_the_keyboard_on_a_phone(mobile_page: Page, site_url: str) -> None:
    page = mobile_page
    page.goto(site_url)
    menu = page.get_by_role("button", name="メニュー")
    for _ in range(5):
        page.keyboard.press("Tab")
        if menu.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the menu button cannot be reached with the Tab key")
    assert menu.evaluate("el => el.tagName") == "BUTTON", "the menu button is not a real <button>"
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    settle(page)  # the drawer slides in
    in_drawer = "() => !!document.activeElement.closest('.md-sidebar--primary')"
    assert page.evaluate(in_drawer), "focus did not move into the menu"
    states = [page.evaluate(FOCUS_STATE)]

    # Tab to the "ガイドラインの内容" section, open its sub-panel with the keyboard and reach its pages.
    section = page.get_by_role("button", name="ガイドラインの内容", expanded=False)
    for _ in range(5):
        page.keyboard.press("Tab")
        states.append(page.evaluate(FOCUS_STATE))
        if section.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab never reached the section in the menu: {[s['what'] for s in states]}")
    assert not invisible_focus(states), "\n".join(invisible_focus(states))
    page.keyboard.press("Enter")
    settle(page)
    # The opener is now covered by the sub-panel; its back button is the only one with that name.
    back = page.get_by_role("button", name="ガイドラインの内容")
    expect(back).to_have_attribute("aria-expanded", "true")
    expect(back).to_be_focused()
    # Tab (at most 3 times, and no further: a short section has few links) reaches a guideline page.
    states, href = [page.evaluate(FOCUS_STATE)], ""
    for _ in range(3):
        states += tab_through(page, 1)
        href = page.evaluate("() => document.activeElement.getAttribute('href')") or ""
        if "guideline/" in href:
            break
    assert not invisible_focus(states), "\n".join(invisible_focus(states))
    assert "guideline/" in href, f"Tab did not reach the guideline pages: {[s['what'] for s in states]}"

    # Its back button (Space, as for any button) returns to the first level, focus on the section again.
    back.focus()
    page.keyboard.press(" ")
    settle(page)
    section = page.get_by_role("button", name="ガイドラインの内容", expanded=False)
    expect(section).to_be_focused()
    state = page.evaluate(FOCUS_STATE)
    assert not invisible_focus([state]), invisible_focus([state])

    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_the_menu_and_its_panels_are_buttons_on_a_phone_and_pass_axe_best_practices(
    mobile_page: Page, site_url: str
) -> None:
    """A role on a <label> is not allowed (axe `aria-allowed-role`, Lighthouse's accessibility score):
    the drawer's controls must be real buttons, whether the drawer is closed, open or in a sub-panel."""
    page = mobile_page
    reports = []
    for path in ("", SECTION, "checklist/", QUIZ):
        goto(page, site_url + path)
        reports.append(describe(f"{path or '/'} (menu closed)", axe_violations(page, BEST_PRACTICE_TAGS)))
        page.get_by_role("button", name="メニュー").click()
        reports.append(describe(f"{path or '/'} (menu open)", axe_violations(page, BEST_PRACTICE_TAGS)))
        roles = page.evaluate("() => [...document.querySelectorAll('label[role]')].map(l => l.outerHTML.slice(0, 80))")
        reports.extend(f"{path or '/'}: a <label> with a role: {html}" for html in roles)
    # On an item page the drawer opens on its section's sub-panel, whose back button closes it.
    page.goto(site_url + SECTION)
    page.get_by_role("button", name="メニュー").click()
    back = page.get_by_role("button", name="ガイドラインの内容", expanded=True)
    expect(back).to_be_visible()
    back.click()
    settle(page)  # the sub-panel slides out
    expect(page.get_by_role("button", name="ガイドラインの内容", expanded=False)).to_be_visible()
    reports = [r for r in reports if r]
    assert not reports, "axe-core (best practices included) on a phone:\n" + "\n".join(reports)


def test_wide_screens_keep_the_sidebar_headings_and_the_drawer_works_without_javascript(
    browser: Browser, site_url: str
) -> None:
    # With the sidebar always shown, the section headings are no buttons: nothing to open or close.
    wide = new_context(browser)
    page = wide.new_page()
    page.goto(site_url)
    expect(page.locator(".md-nav--primary label[for='__nav_2']")).to_have_count(2)  # the heading and its title
    assert page.locator(".tebiki-drawer-button").count() == 0
    # Narrowed to a phone's width, the same page turns them into buttons (and back).
    page.set_viewport_size(MOBILE)
    expect(page.get_by_role("button", name="メニュー")).to_be_visible()
    page.set_viewport_size(DESKTOP)
    expect(page.get_by_role("button", name="メニュー")).to_have_count(0)
    wide.close()

    # Without JavaScript Material's labels still open the drawer and its sub-panels by touch.
    phone = new_context(browser, viewport=MOBILE, is_mobile=True, has_touch=True, java_script_enabled=False)
    page = phone.new_page()
    page.goto(site_url)
    # No script runs here, so no settle(): click() itself waits until its target stops moving.
    page.locator(".md-header label[for='__drawer']").click()
    page.locator(".md-nav--primary label.md-nav__link", has_text="ガイドラインの内容").click()
    expect(page.locator(f".md-sidebar--primary a[href*='{SECTION}']").first).to_be_visible()
    phone.close()
