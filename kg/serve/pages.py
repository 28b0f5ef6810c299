"""The server's HTML: one autoescaping Jinja2 environment, the templates, the result table.

Every page comes from ``kg/serve/templates/*.html.j2`` with autoescape on, so
a label such as ``<img src=x onerror=…>`` is shown as text; the pages carry no
script, and their stylesheet (``serve.css``) is served by the app itself.
Result rows are shown a page at a time, IRIs of the graph linked to their
entity pages.

Examples:
    >>> from rdflib import Literal, URIRef
    >>> from kg.sparql.runner import QueryResult
    >>> rows = [{"t": URIRef("https://w3id.org/summit-kg/id/topic/trade"), "n": Literal(2)}]
    >>> table = result_table(QueryResult("SELECT", ["t", "n"], rows), page=1)
    >>> table.rows[0][0].href, table.rows[0][1].text
    ('/id/topic/trade', '2')
    >>> "&lt;b&gt;" in render("error.html.j2", title="x", triples=0, message="<b>")
    True
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kg.serve.linked import local_path
from kg.sparql.results import short_term
from kg.sparql.runner import QueryResult

__all__ = ["PAGE_SIZE", "Cell", "Table", "css", "render", "result_table"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_SIZE = 50
"""Rows per page of a result table."""


@functools.cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: Any) -> str:
    """A page from ``templates/{template}``, every value autoescaped."""
    return _environment().get_template(template).render(**context)


@functools.cache
def css() -> str:
    """The pages' stylesheet."""
    return (TEMPLATES / "serve.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, and the page it links to (entities of the graph only)."""

    text: str
    href: str | None = None


@dataclass
class Table:
    """One page of a SELECT answer."""

    vars: list[str]
    rows: list[list[Cell]]
    page: int
    pages: int
    nav: list[tuple[str, int]] = field(default_factory=list)
    """(button label, page number) for the pages around this one."""


def _cell(term: object) -> Cell:
    if term is None:
        return Cell("")
    text = str(term)
    from rdflib import URIRef

    if isinstance(term, URIRef):
        href = local_path(text)
        return Cell(short_term(term), href if href and href.startswith("/id/") else None)
    return Cell(text)


def result_table(result: QueryResult, page: int, size: int = PAGE_SIZE) -> Table:
    """Page ``page`` (from 1; clamped) of a SELECT answer as linked cells."""
    pages = max(1, math.ceil(len(result.rows) / size))
    page = min(max(1, page), pages)
    shown = result.rows[(page - 1) * size : page * size]
    rows = [[_cell(row.get(v)) for v in result.vars] for row in shown]
    nav = []
    if page > 1:
        nav += [("first", 1), ("previous", page - 1)]
    if page < pages:
        nav += [("next", page + 1), ("last", pages)]
    return Table(list(result.vars), rows, page, pages, nav)
