"""Which links the reader hands to the browser: web pages and mail addresses only.

A Markdown article can link to anything: `ssh:`, `smb:`, `file:`, a terminal emulator's own
scheme, a relative path that the browser would resolve against the current folder. Opening
those is running whatever the article's author chose; they are shown and copied, never opened.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

OPENED_SCHEMES = ("http", "https", "mailto")
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def link_problem(address: str) -> str | None:
    """Why `address` is not opened in the browser, or None if it may be."""
    if not address or _UNSAFE.search(address):
        return "it is empty or holds spaces or control characters"
    try:
        parts = urlsplit(address)
    except ValueError:
        return "it is not a well-formed address"
    scheme = parts.scheme.lower()
    if scheme not in OPENED_SCHEMES:
        shown = f"{scheme}:" if scheme else "a relative address"
        return f"only http, https and mailto links are opened, not {shown}"
    if scheme != "mailto" and not parts.hostname:
        return "it names no host"
    return None
