"""Deterministic identifiers: slugs of labels, hashes of texts, IRIs under ``id/``.

Loading the same article twice mints the same IRIs, and two sources that
name the same topic or actor meet on the same node.

Examples:
    >>> slug("Ølgaard & U.S. <Ties>")
    'ølgaard-u-s-ties'
    >>> str(topic_iri("arms-control"))
    'https://w3id.org/summit-kg/id/topic/arms-control'
    >>> content_hash("a\\n")[:12]
    '87428fc52280'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.namespaces import ID

__all__ = [
    "INVISIBLE_CHARACTERS",
    "content_hash",
    "document_iri",
    "entity_iri",
    "focus_area_iri",
    "slug",
    "strip_invisible",
    "summit_iri",
    "topic_iri",
]

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


def _safe(key: str) -> str:
    return slug(key) or "x" + content_hash(key)[:12]


def document_iri(text_hash: str) -> URIRef:
    """``id/doc/<first 16 hex digits of the content hash>``."""
    return ID[f"doc/{text_hash[:16]}"]


def topic_iri(key: str) -> URIRef:
    """``id/topic/<key>``."""
    return ID[f"topic/{_safe(key)}"]


def focus_area_iri(key: str) -> URIRef:
    """``id/focus-area/<key>``."""
    return ID[f"focus-area/{_safe(key)}"]


def entity_iri(entity_id: str) -> URIRef:
    """A gazetteer id such as ``actor/donald-trump`` as an IRI."""
    kind, _, name = entity_id.partition("/")
    return ID[f"{kind}/{_safe(name)}"]


def summit_iri(place_id: str | None, participant_ids: list[str]) -> URIRef:
    """``id/summit/<place>-<participants>``, participants sorted, so any source agrees."""
    parts = [place_id.partition("/")[2]] if place_id else []
    parts += sorted(p.partition("/")[2] for p in participant_ids)
    return ID["summit/" + _safe("-".join(parts))]
