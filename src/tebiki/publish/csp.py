"""Each page's Content-Security-Policy and referrer policy, from its final HTML.

GitHub Pages sends no headers a site can choose, so the policy is a <meta> at the top of
<head>. Inline code runs only if its SHA-256 is listed, computed here over the very text
the page ships; nothing but the site itself may be loaded, except the video players a
page's facade opens once the visitor presses play.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle=(?:"([^"]*)"|'([^']*)')""", re.I)
_DATA_TYPES = re.compile(r"""\btype=["']?application/(?:ld\+)?json""", re.I)
_HEAD = re.compile(r"<head\b[^>]*>\s*(<meta charset=[^>]*>)?", re.I)

# The players a video facade loads after the click (data/seminars/model.py, embed_url).
FRAME_SOURCES = {"youtube": "https://www.youtube-nocookie.com", "vimeo": "https://player.vimeo.com"}
# A link followed to another site tells it nothing about the page it came from.
REFERRER = "same-origin"


class PolicyError(Exception):
    pass


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(page: str) -> str:
    """The policy `page` needs: its own inline scripts and styles by hash, nothing foreign."""
    found = _SCRIPT.findall(page)
    scripts = {_hash(body) for attrs, body in found if "src=" not in attrs.lower()}
    scripts -= {_hash(body) for attrs, body in found if _DATA_TYPES.search(attrs)}
    styles = {_hash(body) for body in _STYLE.findall(page)}
    attributes = {_hash(html.unescape(a or b)) for a, b in _STYLE_ATTRIBUTE.findall(page)}
    frames = [host for player, host in FRAME_SOURCES.items() if f'data-player="{player}"' in page]
    style_src = ["'self'", *sorted(styles)]
    if attributes:  # style="…" in markup (the theme's and mkdocs-quiz's); each allowed by its hash
        style_src += ["'unsafe-hashes'", *sorted(attributes)]
    directives = {
        "default-src": ["'self'"],
        # Pagefind's search runs WebAssembly, which needs wasm-unsafe-eval (no eval of strings).
        "script-src": ["'self'", "'wasm-unsafe-eval'", *sorted(scripts)],
        "style-src": style_src,
        "img-src": ["'self'", "data:"],  # the theme's icons are data: URLs in its CSS
        "media-src": ["'self'", "data:"],  # the offline package carries captions as data: URLs
        "frame-src": frames or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def protect(page: str) -> str:
    """`page` with its policy and the referrer policy as the first elements of <head>."""
    if 'http-equiv="Content-Security-Policy"' in page:
        raise PolicyError("the page already has a Content-Security-Policy")
    head = _HEAD.search(page)
    if head is None:
        raise PolicyError("the page has no <head>")
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(page), quote=False)}">\n'
        f'<meta name="referrer" content="{REFERRER}">\n'
    )
    at = head.end()
    return f"{page[:at]}\n{meta}{page[at:].lstrip()}"
