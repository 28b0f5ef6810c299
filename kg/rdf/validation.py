"""SHACL validation of summit data against ``ontology/shapes.ttl`` or a user's own shapes.

Data (an rdflib graph) and optionally the ontology and a shapes file in; a
:class:`ValidationReport` out: whether the data conforms, each violation, and
the W3C SHACL validation report as a graph (to write as Turtle or JSON-LD).

Examples:
    >>> from rdflib import Graph
    >>> validate(Graph()).conforms
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SH

from kg.errors import UsageError
from kg.resources import resource_file

__all__ = ["ValidationReport", "Violation", "read_shapes", "validate"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the focus node, the path, the message."""

    focus: str
    path: str
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    """Whether the data conforms, every violation found, and the SHACL report graph."""

    conforms: bool
    violations: tuple[Violation, ...] = field(default=())
    text: str = ""
    graph: Graph | None = field(default=None, compare=False, repr=False)
    """The ``sh:ValidationReport`` pySHACL wrote (W3C SHACL vocabulary)."""

    def _repr_html_(self) -> str:
        """The report as a notebook shows it: conforms or not, then each violation.

        >>> "conforms" in ValidationReport(conforms=True)._repr_html_()
        True
        """
        from kg.display import html_table

        if self.conforms:
            return "<p>SHACL: the data <strong>conforms</strong>.</p>"
        count = len(self.violations)
        return html_table(
            ["severity", "focus node", "path", "message"],
            ((v.severity, v.focus, v.path, v.message) for v in self.violations),
            caption=f"SHACL: {count:,} violation{'' if count == 1 else 's'}",
        )


def _shapes() -> Graph:
    shapes = Graph()
    shapes.parse(
        data=resource_file("ontology", "shapes.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    return shapes


def read_shapes(path: str | Path) -> Graph:
    """A user's shapes file, in any RDF format summit-kg reads (told by its suffix).

    Raises:
        UsageError: a missing file, an unknown suffix, a file that does not parse,
            or one that declares no shape.

    Examples:
        >>> read_shapes("nowhere.ttl")
        Traceback (most recent call last):
        ...
        kg.errors.UsageError: nowhere.ttl: no such shapes file
    """
    from kg.rdf.formats import RDF_FORMATS, suffix_format

    where = Path(path)
    fmt = suffix_format(where)
    if fmt is None:
        suffixes = ", ".join(f.suffix for f in RDF_FORMATS.values())
        raise UsageError(
            f"cannot tell the RDF format of the shapes from the suffix ({suffixes})", path=where
        )
    if fmt.name == "json-ld":  # a JSON-LD @context could name a remote document
        raise UsageError("shapes are read from Turtle, N-Triples, N-Quads or TriG", path=where)
    if not where.is_file():
        raise UsageError("no such shapes file", path=where)
    try:
        text = where.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the shapes: {exc}", path=where) from exc
    shapes = Graph()
    try:
        shapes.parse(data=text, format=fmt.rdflib)
    except Exception as exc:  # rdflib's parsers raise many kinds of error
        message = " ".join(str(exc).split())[:200]
        raise UsageError(f"cannot parse the shapes as {fmt.name}: {message}", path=where) from exc
    kinds = (SH.NodeShape, SH.PropertyShape)
    declared = any((None, RDF.type, kind) in shapes for kind in kinds)
    if not declared and (None, SH.targetClass, None) not in shapes:
        raise UsageError("declares no SHACL shape (sh:NodeShape or sh:PropertyShape)", path=where)
    return shapes


def validate(
    data: Graph, ontology: Graph | None = None, shapes: Graph | str | Path | None = None
) -> ValidationReport:
    """Validate ``data`` with ``shapes`` (default: the bundled ones); ``ontology`` gives subclasses.

    ``shapes`` is a graph or the path of a shapes file (:func:`read_shapes`).
    Only the ``rdfs:subClassOf`` axioms of the ontology are mixed in: that is
    all class targets need, and the whole ontology makes pySHACL thousands of
    times slower (0.07 s against 250 s on the embedded default).
    """
    from pyshacl import validate as shacl_validate

    if shapes is None:
        shapes = _shapes()
    elif not isinstance(shapes, Graph):
        shapes = read_shapes(shapes)
    hierarchy = None
    if ontology is not None:
        hierarchy = Graph()
        for triple in ontology.triples((None, RDFS.subClassOf, None)):
            hierarchy.add(triple)
    conforms, report, text = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=hierarchy,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = []
    for result in report.subjects(SH.resultSeverity, None):
        violations.append(
            Violation(
                focus=str(report.value(result, SH.focusNode)),
                path=str(report.value(result, SH.resultPath) or ""),
                message=str(report.value(result, SH.resultMessage) or ""),
                severity=str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), tuple(violations), str(text), report)
