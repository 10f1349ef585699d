"""Whether a configured site address is a real one, fit to be printed.

mkdocs.yml falls back to a placeholder address when TEBIKI_SITE_URL is unset. A web page can
carry it harmlessly (its links are relative), but paper cannot be corrected later: the printed
pamphlet and the handouts leave the address and QR codes out rather than print a dead one.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# RFC 2606 / RFC 6761 names reserved for examples and tests, and the loopback host.
_RESERVED_TLDS = {"example", "invalid", "test", "localhost"}
_RESERVED_DOMAINS = {"example.com", "example.net", "example.org"}


def is_placeholder(url: str) -> bool:
    """True for an address on a reserved example name (also as a label, e.g. tebiki.example.github.io)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    labels = host.split(".") if host else []
    if not labels:
        return True
    if labels[-1] in _RESERVED_TLDS or "example" in labels:
        return True
    return any(host == d or host.endswith("." + d) for d in _RESERVED_DOMAINS)


def printable(url: str | None) -> str | None:
    """The address to print, or None when there is none or it is a placeholder."""
    return url if url and not is_placeholder(url) else None
