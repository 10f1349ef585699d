"""Browser fixtures (used through tests/conftest.py): one headless Chromium per worker, a fresh context per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tebiki.checks.chromium import CHROMIUM, CHROMIUM_ARGS

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def new_context(browser: Browser, viewport: dict[str, int] = DESKTOP, **kwargs: object) -> BrowserContext:
    return browser.new_context(locale="ja-JP", viewport=viewport, **kwargs)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = new_context(browser)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page in a fresh Japanese-locale context (desktop viewport)."""
    return context.new_page()


@pytest.fixture
def mobile_page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh Japanese-locale context with a phone-sized viewport."""
    ctx = new_context(browser, viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield ctx.new_page()
    ctx.close()
