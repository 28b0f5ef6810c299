"""Text normalisation shared by every stage: invisible characters, slugs, content hashes.

Examples:
    >>> slug("Ølgaard & U.S. <Ties>")
    'ølgaard-u-s-ties'
    >>> content_hash("a\\n")[:12]
    '87428fc52280'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["INVISIBLE_CHARACTERS", "content_hash", "slug", "strip_invisible"]

INVISIBLE_CHARACTERS = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Soft hyphen, bidi controls and marks, zero-width and other invisible characters."""
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")


def strip_invisible(text: str) -> str:
    """Remove zero-width, bidi-control and soft-hyphen characters.

    Examples:
        >>> strip_invisible("Tru\\u200bmp")
        'Trump'
    """
    return _INVISIBLE.sub("", text)


def slug(text: str) -> str:
    """A lower-case, IRI-safe slug that keeps the letters of every script."""
    clean = unicodedata.normalize("NFC", strip_invisible(text)).casefold()
    return "-".join(re.findall(r"[^\W_]+", clean))


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the (already normalised) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
