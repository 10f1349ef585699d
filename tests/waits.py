"""Waits on a condition of the page, never on the clock: the suite runs on a busy two-core machine."""

from __future__ import annotations

from playwright.sync_api import Page

# True once no CSS transition or animation is running and two frames have been painted since:
# the drawer and its sub-panels slide, and focus styles and layout settle after that.
_SETTLED = """() => new Promise(done => {
    const check = () => document.getAnimations().some(a => a.playState === "running")
        ? requestAnimationFrame(check)
        : requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
    check();
})"""


def settle(page: Page) -> None:
    """Wait until the page has stopped moving (transitions and animations finished, layout painted)."""
    page.wait_for_function(_SETTLED)
