"""Waits on a condition of the page, never on the clock: the suite runs on a busy two-core machine."""

from __future__ import annotations

from playwright.sync_api import Page, Response

# True once nothing has moved for two painted frames: no CSS transition or animation running and the
# page not scrolling. The drawer and its sub-panels slide; a finished quiz smooth-scrolls to its score
# (not an Animation), and the header's title fades as the scroll passes the page's heading.
_SETTLED = """() => new Promise(done => {
    let last = "";
    const moving = () => {
        const at = `${scrollX},${scrollY}`, scrolled = at !== last;
        last = at;
        return scrolled || document.getAnimations().some(a => a.playState === "running");
    };
    const check = () => moving()
        ? requestAnimationFrame(check)
        : requestAnimationFrame(() => requestAnimationFrame(() => moving() ? check() : done(true)));
    check();
})"""


def settle(page: Page) -> None:
    """Wait until the page has stopped moving (transitions and animations finished, layout painted)."""
    page.wait_for_function(_SETTLED)


def loaded(page: Page) -> None:
    """Wait until the page is ready to be read: its load event (every script, stylesheet and image
    it names), its fonts, and no movement. tebiki's pages request nothing after load but what the
    reader asks for (the search page's index: `search_done`), so this replaces Playwright's
    "networkidle", which waits for half a second of network quiet on every page. The tests of what
    a page requests (privacy, CSP, data as text, the video facade) still wait for that quiet."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => document.fonts.ready.then(() => true)")
    settle(page)


def goto(page: Page, url: str) -> Response | None:
    """`page.goto(url)`, returned once the page is `loaded`."""
    response = page.goto(url)
    loaded(page)
    return response


def reload(page: Page) -> None:
    page.reload()
    loaded(page)


# Resolves once Pagefind has finished searching for `q` and every result it shows is filled in.
_SEARCH_DONE = """
q => {
    const box = document.querySelector('#tebiki-search');
    const input = document.querySelector('#tebiki-search input');
    const message = document.querySelector('#tebiki-search .pagefind-ui__message');
    if (!input || input.value !== q || !message) return false;
    // The messages are tebiki's (data-translations), with the query as typed.
    const say = key => JSON.parse(box.dataset.translations)[key].replace('[SEARCH_TERM]', q);
    const text = message.textContent.trim();
    if (text === say('searching') || !text.includes(q)) return false;
    const results = [...document.querySelectorAll('#tebiki-search li.pagefind-ui__result')];
    if (text === say('zero_results')) return results.length === 0;
    // Every result drawn: Pagefind shows a grey placeholder until a result's own data arrives.
    return results.length > 0 && !box.querySelector('.pagefind-ui__loading')
        && results.every(r => r.querySelector('.pagefind-ui__result-title a.pagefind-ui__result-link'));
}
"""


def search_done(page: Page, query: str) -> None:
    """Wait until the site search has answered `query` (no results, or every result it shows drawn)."""
    page.wait_for_function(_SEARCH_DONE, arg=query, timeout=10_000)
