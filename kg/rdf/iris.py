"""Deterministic IRIs under ``id/`` for documents, concepts, actors, places and summits.

Loading the same article twice mints the same IRIs, and two sources that
name the same topic or actor meet on the same node.

Examples:
    >>> str(topic_iri("arms-control"))
    'https://w3id.org/summit-kg/id/topic/arms-control'
"""

from __future__ import annotations

from rdflib import URIRef

from kg.rdf.namespaces import ID
from kg.text.normalize import content_hash, slug

__all__ = ["document_iri", "entity_iri", "focus_area_iri", "summit_iri", "topic_iri"]


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
