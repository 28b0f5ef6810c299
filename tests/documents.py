"""Helpers that look into parsed documents and their graphs, shared by the parser tests."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS

from kg.document import Block, Document, ListBlock, Table, clean_text
from kg.namespaces import ID, SKG

LEAD = "Leaders Meet in Oslo\nThe talks begin today.\n"
"""A two-line lead (headline + prose) so that what follows is body text."""


def all_blocks(doc: Document) -> list[Block]:
    """Every block, including list items and table rows."""
    found: list[Block] = []
    for block in doc.blocks():
        found.append(block)
        if isinstance(block, ListBlock):
            found.extend(block.items)
        if isinstance(block, Table):
            found.extend(block.rows)
    return found


def body_blocks(doc: Document) -> list[Block]:
    """The blocks of every section, in order (no headlines, no items or rows)."""
    return [b for section in doc.sections for b in section.blocks]


def only_table(doc: Document) -> Table:
    """The document's one table (fails when there are none or several)."""
    tables = [b for b in body_blocks(doc) if isinstance(b, Table)]
    assert len(tables) == 1, tables
    return tables[0]


def only_list(doc: Document) -> ListBlock:
    """The document's one list (fails when there are none or several)."""
    lists = [b for b in body_blocks(doc) if isinstance(b, ListBlock)]
    assert len(lists) == 1, lists
    return lists[0]


def shape(doc: Document) -> list[tuple[str, int, str, tuple[int, int]]]:
    """A comparable summary of every block: type, line, text (and header) and span."""
    out = []
    for block in all_blocks(doc):
        extra = ""
        if isinstance(block, Table):
            extra = repr(block.header)
        out.append((type(block).__name__, block.line, block.text + extra, block.span))
    return out


def assert_labels_in_source(graph: Graph, doc: Document) -> int:
    """Every claim, topic, focus-area and minted-entity label occurs in the source's clean text."""
    clean = clean_text(doc.text).casefold()
    gazetteer_ids = set(_gazetteer_ids())
    checked = 0
    for klass in (
        SKG.Outcome,
        SKG.Concern,
        SKG.Recommendation,
        SKG.Position,
        SKG.Topic,
        SKG.FocusArea,
    ):
        for node in graph.subjects(RDF.type, klass):
            for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
                for label in graph.objects(node, prop):
                    assert str(label).casefold() in clean, (node, label)
                    checked += 1
    for klass in (SKG.Person, SKG.State, SKG.Organization, SKG.Place):
        for node in graph.subjects(RDF.type, klass):
            if str(node) in gazetteer_ids:
                continue  # known entities carry the gazetteer's names
            for label in graph.objects(node, SKOS.prefLabel):
                assert str(label).casefold() in clean, (node, label)
                checked += 1
    return checked


def _gazetteer_ids() -> Iterator[str]:
    from kg.gazetteer import Gazetteer

    for key in Gazetteer.bundled().entities:
        yield str(ID[key])
