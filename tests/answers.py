"""Compare query answers by meaning, whatever engine or store gave them."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from rdflib import Literal

import kg


def value(term: Any) -> Any:
    """A term compared by meaning: numbers by value, GROUP_CONCAT parts as a set."""
    if term is None:
        return None
    if isinstance(term, Literal):
        python = term.toPython()
        if isinstance(python, int | float | Decimal) and not isinstance(python, bool):
            return ("number", Decimal(str(python)))
        text = str(term)
        return ("text", tuple(sorted(text.split("; "))) if "; " in text else text)
    return ("iri", str(term))


def result_set(result: kg.QueryResult) -> Any:
    """An answer as something ``==`` compares: a boolean, a multiset of rows, or a graph."""
    if result.type == "ASK":
        return result.boolean
    if result.type == "SELECT":
        return Counter(tuple(value(row.get(v)) for v in result.vars) for row in result.rows)
    assert result.graph is not None
    return result.graph
