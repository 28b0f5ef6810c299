"""Compare query answers, whatever engine or store gave them: rows in order, terms by meaning."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

import kg
from kg.sparql.catalogue import catalogue


def value(term: Any) -> Any:
    """A term compared by meaning: numbers by value (engines type them their own way), text
    as written (list parts included: the runner sorts them on every engine)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        python = term.toPython()
        if isinstance(python, int | float | Decimal) and not isinstance(python, bool):
            return ("number", Decimal(str(python)))
        return ("text", str(term))
    return ("iri", str(term))


def result_set(result: kg.QueryResult) -> Any:
    """An answer as something ``==`` compares: a boolean, the rows in order, or a graph.

    Rows keep their order: every catalogue query orders its rows totally, so every
    engine gives them in one order.
    """
    if result.type == "ASK":
        return result.boolean
    if result.type == "SELECT":
        return [tuple(value(row.get(v)) for v in result.vars) for row in result.rows]
    assert result.graph is not None
    return result.graph


def catalogue_runs() -> Iterator[Any]:
    """``pytest.param(name, params)`` for every catalogue query, and again with its examples."""
    for name, query in catalogue().items():
        yield pytest.param(name, {}, id=name)
        example = {p.name: p.example for p in query.params if p.example}
        if example:
            yield pytest.param(name, example, id=f"{name}-example")


def assert_same_answer(
    reference: kg.SummitGraph, other: kg.SummitGraph, name: str, params: dict[str, str]
) -> None:
    """``other`` answers catalogue query ``name`` as ``reference`` does (by meaning)."""
    expected = result_set(reference.query(name, timeout=60, **params))
    got = result_set(other.query(name, timeout=60, **params))
    if isinstance(expected, Graph):
        assert isomorphic(expected, got)
    else:
        assert got == expected
