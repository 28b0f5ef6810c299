"""Stage 2, claims to triples and RDF out: :class:`~kg.text.claims.Claims` in, rdflib terms out.

* :mod:`kg.rdf.namespaces` — the ontology namespace (typos raise), the prefix map and
  :func:`~kg.rdf.namespaces.bind_prefixes`;
* :mod:`kg.rdf.iris` — deterministic IRIs for documents, concepts, actors and summits;
* :mod:`kg.rdf.mapping` — claims → one named graph of triples per source document;
* :mod:`kg.rdf.formats` — the RDF serialization formats, by name and file suffix;
* :mod:`kg.rdf.validation` — SHACL validation against ``ontology/shapes.ttl``.

Nothing here reads article text: mapping knows claims, not sentences.

rdflib logs a warning with a traceback for every literal whose text does not
fit its datatype (``"abc"^^xsd:integer``): summit-kg keeps such literals as
written and reports them itself (the RDF loader's warnings), so that one log
message is dropped here, once, for every use of rdflib.
"""

import logging


class _IllTypedLiterals(logging.Filter):
    """Drops rdflib's "Failed to convert Literal lexical form" records (tracebacks included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Failed to convert Literal lexical form")


logging.getLogger("rdflib.term").addFilter(_IllTypedLiterals())
