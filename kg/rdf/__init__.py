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

rdflib also turns the text of every number literal into a Python number as the
literal is made, and writes a decimal back out in full: ``"1E999999999"^^xsd:decimal``,
11 characters, would become a billion digits, whether it comes from a file, a query
or a SPARQL server's answer. Importing this package (every part of summit-kg does)
re-binds the conversion of ``xsd:decimal``, ``xsd:integer`` and the integer types
derived from it, ``xsd:double`` and ``xsd:float``: a text longer than
:data:`MAX_NUMBER_LENGTH` characters, or a decimal whose exponent is beyond
:data:`MAX_DECIMAL_EXPONENT`, has no value, so the literal stays ill-typed and is kept
as written, like ``"abc"^^xsd:integer``. Other numbers convert as before (a double
too large for a float is infinite, which costs nothing).

Examples:
    >>> from rdflib import Literal
    >>> from rdflib.namespace import XSD
    >>> big = Literal("1E999999999", datatype=XSD.decimal)
    >>> str(big), big.value, big.ill_typed
    ('1E999999999', None, True)
    >>> Literal("1.50", datatype=XSD.decimal).value, Literal("007", datatype=XSD.integer).value
    (Decimal('1.50'), 7)
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import rdflib.term
from rdflib import URIRef
from rdflib.namespace import XSD

__all__ = ["MAX_DECIMAL_EXPONENT", "MAX_NUMBER_LENGTH", "bound_numbers"]

MAX_NUMBER_LENGTH = 128
"""Characters of a number literal's text beyond which it gets no value (stays ill-typed).

Seven times the 17 digits that write any double exactly, and far beyond what
Oxigraph computes with (64-bit integers, decimals of 128 bits).
"""

MAX_DECIMAL_EXPONENT = 1000
"""Largest power of ten (either sign) an ``xsd:decimal`` may have to get a value.

rdflib writes decimals without an exponent, so ``"1E1000"^^xsd:decimal`` becomes
a thousand and one digits; the decimal lexical space of XSD has no exponent at all.
"""


class _IllTypedLiterals(logging.Filter):
    """Drops rdflib's "Failed to convert Literal lexical form" records (tracebacks included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Failed to convert Literal lexical form")


logging.getLogger("rdflib.term").addFilter(_IllTypedLiterals())


def _bounded(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """``convert`` for texts of at most :data:`MAX_NUMBER_LENGTH` characters, else ValueError."""

    def bounded(lexical: str) -> Any:
        if len(lexical) > MAX_NUMBER_LENGTH:
            raise ValueError(f"number literal of {len(lexical)} characters")
        return convert(lexical)

    return bounded


def _decimal(lexical: str) -> Decimal:
    """``Decimal(lexical)``, refused (``ValueError``) beyond :data:`MAX_DECIMAL_EXPONENT`.

    Examples:
        >>> _decimal("1.50"), _decimal("-1E1000")
        (Decimal('1.50'), Decimal('-1E+1000'))
        >>> _decimal("1E1001")
        Traceback (most recent call last):
        ValueError: decimal exponent out of range: 1E1001
    """
    value = Decimal(lexical)
    if value.is_finite() and abs(value.adjusted()) > MAX_DECIMAL_EXPONENT:
        raise ValueError(f"decimal exponent out of range: {lexical}")
    return value


_INTEGER_TYPES = (
    "integer",
    "nonPositiveInteger",
    "negativeInteger",
    "nonNegativeInteger",
    "positiveInteger",
    "long",
    "int",
    "short",
    "byte",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
)

_NUMBER_CONVERTERS: dict[URIRef, tuple[type, Callable[[str], Any]]] = {
    XSD.decimal: (Decimal, _bounded(_decimal)),
    **{XSD[name]: (int, _bounded(int)) for name in _INTEGER_TYPES},
    XSD.double: (float, _bounded(float)),
    XSD.float: (float, _bounded(float)),
}
"""Datatype IRI → (Python type, bounded conversion of its text), bound on import."""


@contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """Drop every record of ``logger`` meanwhile (rdflib warns on each re-bound datatype)."""

    def drop(record: logging.LogRecord) -> bool:
        return False

    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)


def bound_numbers() -> None:
    """(Re-)bind the bounded number conversions; cheap, and safe to call again.

    Done on import, and again where untrusted RDF or queries are read (the RDF
    loader, the query runner): a library that resets rdflib's conversion table
    (owlrl, behind pySHACL's RDFS and OWL inference, does) must not undo it.
    """
    mapping = rdflib.term._toPythonMapping
    if all(mapping.get(datatype) is convert for datatype, (_, convert) in _CONVERTERS):
        return
    with _quiet(logging.getLogger("rdflib.term")):
        for datatype, (python_type, convert) in _CONVERTERS:
            rdflib.term.bind(datatype, python_type, constructor=convert)


_CONVERTERS = tuple(_NUMBER_CONVERTERS.items())
bound_numbers()
