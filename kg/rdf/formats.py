"""The RDF serialization formats: one table, read by the RDF loader and by exports.

In: a format name (``"turtle"``) or a file path. Out: its :class:`RdfFormat`
row — file suffix, whether it holds quads (one named graph per source),
whether exports write the union instead (JSON-LD, compacted with the
``@context`` of :func:`jsonld_context`), the name rdflib's parsers and
serializers take, and the name of its ``pyoxigraph.RdfFormat`` constant.
The RDF loader (:mod:`kg.loaders.rdf`) reads these suffixes;
:meth:`kg.SummitGraph.serialize` and ``summit-kg build --format`` write these names.

Examples:
    >>> list(RDF_FORMATS)
    ['turtle', 'nt', 'nquads', 'trig', 'json-ld']
    >>> format_for_path("summit.TriG")
    'trig'
    >>> [name for name, fmt in RDF_FORMATS.items() if fmt.quads]
    ['nquads', 'trig', 'json-ld']
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg._io import format_for_suffix
from kg.errors import UsageError
from kg.resources import resource_file

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "RDF_FORMATS",
    "RdfFormat",
    "format_for_path",
    "format_named",
    "jsonld_context",
    "suffix_format",
]


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialization format.

    Examples:
        >>> RDF_FORMATS["nt"].suffix, RDF_FORMATS["nt"].quads
        ('.nt', False)
        >>> RDF_FORMATS["nt"].oxigraph_format().name
        'N-Triples'
    """

    name: str
    """The name summit-kg uses (``--format``)."""
    suffix: str
    """The file suffix, lower case with its dot."""
    quads: bool
    """Whether the format keeps named graphs (else it holds the union of all graphs)."""
    rdflib: str
    """The format name rdflib's ``parse`` and ``serialize`` take."""
    oxigraph: str
    """The name of the ``pyoxigraph.RdfFormat`` constant."""
    union: bool = False
    """Whether exports write the union of the graphs (compacted, for JSON-LD), though the
    format can hold named graphs and is read with them."""

    @property
    def exports_graphs(self) -> bool:
        """Whether exports in this format keep one named graph per source (and the ontology's).

        Examples:
            >>> [name for name, fmt in RDF_FORMATS.items() if fmt.exports_graphs]
            ['nquads', 'trig']
        """
        return self.quads and not self.union

    def oxigraph_format(self) -> pyoxigraph.RdfFormat:
        """The ``pyoxigraph.RdfFormat`` (pyoxigraph is imported on first use)."""
        import pyoxigraph

        fmt: pyoxigraph.RdfFormat = getattr(pyoxigraph.RdfFormat, self.oxigraph)
        return fmt


RDF_FORMATS: dict[str, RdfFormat] = {
    fmt.name: fmt
    for fmt in (
        RdfFormat("turtle", ".ttl", quads=False, rdflib="turtle", oxigraph="TURTLE"),
        RdfFormat("nt", ".nt", quads=False, rdflib="nt", oxigraph="N_TRIPLES"),
        RdfFormat("nquads", ".nq", quads=True, rdflib="nquads", oxigraph="N_QUADS"),
        RdfFormat("trig", ".trig", quads=True, rdflib="trig", oxigraph="TRIG"),
        RdfFormat(
            "json-ld", ".jsonld", quads=True, rdflib="json-ld", oxigraph="JSON_LD", union=True
        ),
    )
}
"""Every RDF format summit-kg reads and writes, by name, in the order help lists them."""

_SUFFIXES = {fmt.name: fmt.suffix for fmt in RDF_FORMATS.values()}


def format_named(name: str) -> RdfFormat:
    """The format called ``name``.

    Examples:
        >>> format_named("json-ld").suffix
        '.jsonld'

    Raises:
        UsageError: no format has that name.
    """
    try:
        return RDF_FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format '{name}'. Known: {', '.join(RDF_FORMATS)}") from None


def format_for_path(path: str | Path) -> str:
    """The name of the format a file suffix implies (``.ttl`` → ``turtle``), for writing.

    Examples:
        >>> format_for_path("out/summit.nq")
        'nquads'

    Raises:
        UsageError: an unknown suffix (the message names ``--format``).
    """
    return format_for_suffix(path, _SUFFIXES, "--format")


def suffix_format(path: str | Path) -> RdfFormat | None:
    """The format of a file by its suffix, or ``None`` when no RDF format has it (for reading).

    Examples:
        >>> suffix_format("data/A.TTL").name, suffix_format("notes.md")
        ('turtle', None)
    """
    suffix = Path(path).suffix.lower()
    for fmt in RDF_FORMATS.values():
        if fmt.suffix == suffix:
            return fmt
    return None


@functools.cache
def _context_text() -> str:
    return resource_file("ontology", "context.jsonld").read_text(encoding="utf-8")


def jsonld_context() -> dict[str, str]:
    """The JSON-LD ``@context`` summit-kg ships (``ontology/context.jsonld``): its prefixes.

    JSON-LD exports inline it, so a reader never has to fetch it.

    Examples:
        >>> jsonld_context()["skg"]
        'https://w3id.org/summit-kg/ontology#'
    """
    context: dict[str, str] = json.loads(_context_text())["@context"]
    return dict(context)
