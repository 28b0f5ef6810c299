"""The RDF loader: Turtle, N-Triples, N-Quads, TriG and JSON-LD files in, named graphs out.

The format follows the file suffix (:data:`kg.rdf.formats.RDF_FORMATS`).

Bytes are read by summit-kg and handed to rdflib as data with an explicit
format, so no URL is ever fetched. Triples files become one named graph per
file (its IRI from the content hash); quad files keep their graphs. JSON-LD
with a remote or relative ``@context`` is refused. rdflib's parsers are
lenient, so every term is checked after parsing: an IRI that could not be
written back (``<a b>``, ``<x{y}>``), a literal as subject or a lone
surrogate from a ``\\uDCFF`` escape is refused, never exported half-broken.
The ontology's own named graph, which summit-kg's quad exports carry, is
skipped (every store holds the bundled ontology there already); any other
data in a graph of that name is refused.

Examples:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.ttl"
    >>> _ = path.write_text("<urn:a> <urn:b> <urn:c> .")
    >>> [len(graph) for _, graph in load(path)]
    [1]
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF
from rdflib.term import Node

from kg.errors import LoaderError
from kg.loaders import Loaded
from kg.loaders.sources import read_text
from kg.rdf import bound_numbers
from kg.rdf.formats import suffix_format
from kg.rdf.iris import document_iri
from kg.rdf.namespaces import ID, ONTOLOGY_GRAPH, SKG, bind_prefixes
from kg.sparql.engines import sparql_term
from kg.text.normalize import content_hash

__all__ = ["identify", "load"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_jsonld_context(value: object, path: Path) -> None:
    """Refuse any ``@context`` that is a string and any ``@import`` (URLs or files to fetch)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "@import":
                raise LoaderError(
                    "JSON-LD @import is refused (summit-kg never fetches); inline the context",
                    path=path,
                )
            if key == "@context" and (
                isinstance(inner, str)
                or (isinstance(inner, list) and any(isinstance(i, str) for i in inner))
            ):
                raise LoaderError(
                    "JSON-LD with a remote or file @context is refused (summit-kg never "
                    "fetches); inline the context",
                    path=path,
                )
            _check_jsonld_context(inner, path)
    elif isinstance(value, list):
        for inner in value:
            _check_jsonld_context(inner, path)


def _check_term(term: Node, position: str, path: Path) -> None:
    """Refuse a term that rdflib accepted but no strict RDF writer or reader would."""
    allowed = {
        "subject": (URIRef, BNode),
        "predicate": (URIRef,),
        "object": (URIRef, BNode, Literal),
        "graph name": (URIRef, BNode),
    }[position]
    shown = repr(str(term)[:80])
    if not isinstance(term, allowed):
        raise LoaderError(f"a {type(term).__name__} cannot be a {position}: {shown}", path=path)
    if isinstance(term, URIRef | Literal):
        if _SURROGATE.search(term):
            raise LoaderError(
                f"not valid Unicode: a lone surrogate in {position} {shown}", path=path
            )
        try:
            sparql_term(term)
        except ValueError as exc:
            raise LoaderError(f"invalid {position}: {exc}", path=path) from None


_DOCUMENT_SPACE = str(ID["doc/"])


def _check_document_graph(iri: URIRef, graph: Graph, path: Path) -> None:
    """A graph named in the articles' space must carry that article, or it could pose as it.

    An article's graph is ``id/doc/`` plus 16 hex digits of its text's hash
    (:func:`kg.rdf.iris.document_iri`) and holds the document's own node
    (``skg:SourceDocument`` with its ``skg:contentHash``): summit-kg's exports
    carry both. Other data under that name would replace the article's claims.
    """
    if not str(iri).startswith(_DOCUMENT_SPACE):
        return
    if (iri, RDF.type, SKG.SourceDocument) in graph and any(
        document_iri(str(digest)) == iri for digest in graph.objects(iri, SKG.contentHash)
    ):
        return
    raise LoaderError(
        f"names the graph <{iri}>, where an article's claims live, but does not carry that "
        "article (its skg:SourceDocument and the content hash the name is made of); "
        "load the data into another graph",
        path=path,
    )


def _file_graph(text: str) -> URIRef:
    """The graph of a triple file (and of a quad file's default graph): its content hash."""
    return ID[f"import/{content_hash(text)[:16]}"]


def identify(path: Path) -> tuple[URIRef, ...] | None:
    """The one graph a triple file gives (``None`` for quad files: they name their own).

    Raises:
        LoaderError: the file is not UTF-8 text.
    """
    fmt = suffix_format(path)
    if fmt is None or fmt.quads:
        return None
    return (_file_graph(read_text(path)),)


def read(path: Path) -> Loaded:
    """Read an RDF file into named graphs, with a warning for each ill-typed literal.

    A literal whose text does not fit its datatype (``"abc"^^xsd:integer``) is
    kept as written, and reported (queries compare it as text, not as a number).

    Raises:
        LoaderError: see :func:`load`.
    """
    graphs = tuple(load(path))
    ill_typed = sorted(
        {
            (str(o), str(o.datatype))
            for _, graph in graphs
            for o in graph.objects()
            if isinstance(o, Literal) and o.ill_typed
        }
    )
    warnings = tuple(
        (0, f"literal {text!r} is not a valid {datatype}; kept as written")
        for text, datatype in ill_typed[:_ILL_TYPED_SHOWN]
    )
    if len(ill_typed) > _ILL_TYPED_SHOWN:
        warnings += ((0, f"{len(ill_typed) - _ILL_TYPED_SHOWN} more ill-typed literals"),)
    return Loaded(path, graphs, warnings)


_ILL_TYPED_SHOWN = 5


def load(path: Path) -> Iterator[tuple[URIRef, Graph]]:
    """Read an RDF file into named graphs.

    Raises:
        LoaderError: the file is not UTF-8, not well-formed, or refers to a remote context.
    """
    bound_numbers()  # huge number literals stay as written
    fmt = suffix_format(path)
    if fmt is None:
        raise LoaderError(f"not an RDF file suffix: '{path.suffix}'", path=path)
    text = read_text(path)
    if fmt.name == "json-ld":
        try:
            _check_jsonld_context(json.loads(text), path)
        except json.JSONDecodeError as exc:
            raise LoaderError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from exc
        except RecursionError as exc:
            raise LoaderError("JSON-LD nested too deeply to read", path=path) from exc
    dataset = Dataset()
    file_graph = _file_graph(text)
    try:
        with warnings.catch_warnings():
            # rdflib's TriG and JSON-LD parsers call its own deprecated ConjunctiveGraph
            warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
            if fmt.quads:
                dataset.parse(data=text, format=fmt.rdflib, publicID=file_graph)
            else:
                dataset.graph(file_graph).parse(data=text, format=fmt.rdflib)
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        line = getattr(exc, "lines", None)  # 0-based in rdflib's Turtle parser
        line = line + 1 if isinstance(line, int) else None
        message = " ".join(str(exc).split())[:300]
        raise LoaderError(
            f"cannot parse as {fmt.name}: {message}",
            path=path,
            line=line,
        ) from exc
    graphs: list[tuple[URIRef, Graph]] = []
    for graph in dataset.graphs():
        if not len(graph) or not isinstance(graph.identifier, URIRef):
            continue
        if graph.identifier == ONTOLOGY_GRAPH:
            if (ONTOLOGY_GRAPH, RDF.type, OWL.Ontology) in graph:
                continue  # the ontology a quad export carries: the store holds its own
            raise LoaderError(
                f"names the graph <{ONTOLOGY_GRAPH}>, which holds summit-kg's ontology; "
                "load data into another graph",
                path=path,
            )
        graphs.append((graph.identifier, graph))
    for identifier, graph in graphs:
        _check_term(identifier, "graph name", path)
        _check_document_graph(identifier, graph, path)
        for s, p, o in graph:
            _check_term(s, "subject", path)
            _check_term(p, "predicate", path)
            _check_term(o, "object", path)
    for identifier, graph in graphs:
        iri = file_graph if identifier == DATASET_DEFAULT_GRAPH_ID else identifier
        named = bind_prefixes(Graph(identifier=iri))
        for triple in graph:
            named.add(triple)
        yield iri, named
