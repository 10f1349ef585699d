"""Content-Security-Policy: every page says it may load only the site itself, and nothing on
any page (the theme's, tebiki's or mkdocs-quiz's code) needs more than its policy allows."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from browsers import QUERY, axe_violations, describe
from support import site_pages

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
REFERRER_META = re.compile(r'<meta name="referrer" content="([^"]*)">')
# What a source list may hold: the site, nothing, an inline block by its hash, data: images and
# captions, and the two keywords whose reason is written in tebiki/publish/csp.py.
LOCAL_SOURCES = re.compile(r"^('self'|'none'|'sha256-[A-Za-z0-9+/]+=*'|'wasm-unsafe-eval'|'unsafe-hashes'|data:)$")
VIDEO_PLAYERS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}

# Collected in the page from its first script on, before any of the page's own code runs.
WATCH_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""


def _html_files(site: Path) -> list[Path]:
    return [site / p if p.endswith(".html") else site / p / "index.html" for p in site_pages(site)]


def _policy(text: str) -> dict[str, list[str]]:
    metas = CSP_META.findall(text)
    assert len(metas) == 1, f"{len(metas)} Content-Security-Policy metas"
    head = text[: text.index("<script")] if "<script" in text else text
    assert metas[0] in head, "the policy must come before the first script"
    directives = [d.split() for d in metas[0].replace("&#x27;", "'").split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def test_every_page_has_a_policy_that_allows_only_the_site(built_site: Path) -> None:
    problems = []
    for html in _html_files(built_site):
        text = html.read_text(encoding="utf-8")
        name = str(html.relative_to(built_site))
        policy = _policy(text)
        assert policy.get("default-src") == ["'self'"], name
        assert REFERRER_META.findall(text) == ["same-origin"], name
        for directive, sources in policy.items():
            for source in sources:
                if directive == "frame-src" and source in VIDEO_PLAYERS and 'data-player="' in text:
                    continue  # a video facade, which loads its player after the click
                if not LOCAL_SOURCES.match(source):
                    problems.append(f"{name}: {directive} {source}")
        for required in ("script-src", "style-src", "object-src", "base-uri", "form-action", "frame-src"):
            if required not in policy:
                problems.append(f"{name}: no {required}")
    assert not problems, "\n".join(problems)


def _watch(page: Page, console: list[str]) -> None:
    page.add_init_script(WATCH_VIOLATIONS)

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            console.append(message.text)

    page.on("console", on_console)


def test_nothing_on_any_page_violates_its_policy(browser: Browser, built_site: Path, site_url: str) -> None:
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    console: list[str] = []
    _watch(page, console)
    violations: list[str] = []
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        if page.locator(".quiz form").count():
            # Answer the first question: mkdocs-quiz's script shows its feedback and explanation.
            quiz = page.locator(".quiz:not(.quiz-fill-blank)").first
            quiz.locator("input").first.check()
            quiz.locator("button[type=submit]").click()
            expect(quiz.locator(".quiz-feedback")).not_to_have_class(re.compile(r"\bhidden\b"))
        violations += [f"{path or '/'}: {v}" for v in page.evaluate("window.__csp")]
    # Search runs Pagefind's WebAssembly and fetches its index.
    page.goto(site_url + f"search/?q={QUERY}", wait_until="load")
    expect(page.locator("#tebiki-search .pagefind-ui__result").first).to_be_visible(timeout=15_000)
    violations += [f"search: {v}" for v in page.evaluate("window.__csp")]
    context.close()
    assert not violations, "\n".join(violations[:30])
    assert not console, "\n".join(console[:30])


def test_the_404_page_at_a_mistyped_address_passes_axe_within_its_policy(
    browser: Browser, built_site: Path, site_url: str
) -> None:
    """GitHub Pages answers any unknown address with 404.html: there, too, it must work."""
    body = (built_site / "404.html").read_text(encoding="utf-8")
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = browser.new_context(locale="ja-JP", viewport=viewport)
        page = context.new_page()
        console: list[str] = []
        _watch(page, console)
        page.route("**/guideline/no-such-page/", lambda r: r.fulfill(status=404, body=body, content_type="text/html"))
        page.goto(site_url + "guideline/no-such-page/", wait_until="load")
        page.wait_for_load_state("networkidle")
        expect(page.locator("h1")).to_have_text("ページが見つかりません（404）")
        expect(page.locator(".md-header")).to_be_visible()  # the theme's assets loaded at that depth
        violations = axe_violations(page)
        assert not violations, describe(f"404 at {viewport['width']}px", violations)
        assert page.evaluate("window.__csp") == [] and console == []
        context.close()
