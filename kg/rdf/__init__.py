"""Stage 2, claims to triples and RDF out: :class:`~kg.text.claims.Claims` in, rdflib terms out.

* :mod:`kg.rdf.namespaces` — the ontology namespace (typos raise), the prefix map and
  :func:`~kg.rdf.namespaces.bind_prefixes`;
* :mod:`kg.rdf.iris` — deterministic IRIs for documents, concepts, actors and summits;
* :mod:`kg.rdf.mapping` — claims → one named graph of triples per source document;
* :mod:`kg.rdf.formats` — the RDF serialization formats, by name and file suffix;
* :mod:`kg.rdf.validation` — SHACL validation against ``ontology/shapes.ttl``.

Nothing here reads article text: mapping knows claims, not sentences.
"""
