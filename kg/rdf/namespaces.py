"""Namespaces of the summit-kg model and the prefix map bound everywhere.

``SKG`` is a :class:`rdflib.namespace.DefinedNamespace`: a typo in a term
raises ``AttributeError`` instead of minting a wrong IRI.

Examples:
    >>> str(SKG.Outcome)
    'https://w3id.org/summit-kg/ontology#Outcome'
    >>> str(ID)
    'https://w3id.org/summit-kg/id/'
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "CSVW",
    "DCTERMS",
    "EXPORT_PREFIXES",
    "ID",
    "OA",
    "ONTOLOGY_GRAPH",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SKG",
    "SKOS",
    "WD",
    "XSD",
    "bind_prefixes",
]


class SKG(DefinedNamespace):
    """The summit-kg ontology (``ontology/summit.ttl``)."""

    _NS = Namespace("https://w3id.org/summit-kg/ontology#")
    _fail = True

    # classes: the summit and who/what/where
    Summit: URIRef
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Group: URIRef
    Place: URIRef
    Topic: URIRef
    FocusArea: URIRef
    Outcome: URIRef
    Concern: URIRef
    Recommendation: URIRef
    Position: URIRef
    Likelihood: URIRef
    Stance: URIRef
    SummitStatus: URIRef
    # classes: provenance structure
    SourceDocument: URIRef
    Segment: URIRef
    Section: URIRef
    Heading: URIRef
    Paragraph: URIRef
    List: URIRef
    ListItem: URIRef
    Sentence: URIRef
    Table: URIRef
    TableRow: URIRef
    Cell: URIRef

    # concept schemes
    TopicScheme: URIRef
    FocusAreaScheme: URIRef
    LikelihoodScheme: URIRef
    StanceScheme: URIRef
    SummitStatusScheme: URIRef

    # likelihood values, in order of increasing certainty
    Unstated: URIRef
    Unlikely: URIRef
    Possible: URIRef
    Likely: URIRef
    Projected: URIRef
    Anticipated: URIRef
    Agreed: URIRef
    Refused: URIRef  # a result, not ranked

    # stance values
    Seeks: URIRef
    Demands: URIRef
    Rejects: URIRef
    Offers: URIRef
    Proposes: URIRef
    Supports: URIRef
    Opposes: URIRef

    # summit status values
    Scheduled: URIRef
    Held: URIRef

    # object properties
    addressesTopic: URIRef
    hasOutcome: URIRef
    hasConcern: URIRef
    hasRecommendation: URIRef
    status: URIRef
    topic: URIRef
    focusArea: URIRef
    hasFocusArea: URIRef
    likelihood: URIRef
    headerLikelihood: URIRef
    relatedPlace: URIRef
    relatedActor: URIRef
    mentions: URIRef
    addressedTo: URIRef
    actor: URIRef
    stance: URIRef
    inDocument: URIRef
    statedIn: URIRef

    # datatype properties
    hedge: URIRef
    cue: URIRef
    objectQuote: URIRef
    headerHedge: URIRef
    significance: URIRef
    timeframe: URIRef
    dates: URIRef
    rank: URIRef
    contentHash: URIRef
    readerVersion: URIRef
    fileName: URIRef
    start: URIRef
    end: URIRef
    line: URIRef
    quote: URIRef
    position: URIRef
    column: URIRef
    header: URIRef


# Each term is made once: a DefinedNamespace makes a new URIRef on every attribute access
# (about 1 µs; mapping one article asks for hundreds). Undeclared names still fail.
for _term in SKG.__annotations__:
    setattr(SKG, _term, SKG._NS[_term])

ID = Namespace("https://w3id.org/summit-kg/id/")
"""Instance data: ``id/topic/…``, ``id/actor/…``, ``id/doc/<hash>/…``."""

ONTOLOGY_GRAPH = URIRef("https://w3id.org/summit-kg/ontology")
"""The ontology's IRI, also the named graph the ontology is loaded into."""

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = SDO
OA = Namespace("http://www.w3.org/ns/oa#")
CSVW = Namespace("http://www.w3.org/ns/csvw#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    prefix: Namespace(str(namespace))
    for prefix, namespace in [
        ("csvw", CSVW),
        ("dcterms", DCTERMS),
        ("id", ID),
        ("oa", OA),
        ("owl", OWL),
        ("prov", PROV),
        ("rdf", RDF),
        ("rdfs", RDFS),
        ("schema", SCHEMA),
        ("sem", SEM),
        ("skg", SKG),
        ("skos", SKOS),
        ("wd", WD),
        ("xsd", XSD),
    ]
}
"""Prefix → namespace, bound on every graph and declared in every query file."""

EXPORT_PREFIXES: dict[str, str] = {
    **{prefix: str(namespace) for prefix, namespace in PREFIXES.items()},
    **{
        kind: str(ID[kind + "/"])
        for kind in ("actor", "doc", "focus-area", "place", "summit", "topic")
    },
}
"""The prefixes of Turtle and TriG exports: :data:`PREFIXES` and one per kind of node under
``id/``, since a ``/`` in a prefixed name must be escaped (``actor:donald-trump``, not
``id:actor\\/donald-trump``)."""


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefix map on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
