"""Debian's Chromium, as every tebiki tool and test drives it (Playwright's own browsers cannot be downloaded here)."""

CHROMIUM = "/usr/bin/chromium"
# Headless in containers, and quiet: no update checks, sync or other calls home that would
# muddy the privacy tests' request logs and the benchmark's timings.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
