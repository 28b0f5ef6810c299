"""Helpers that look into parsed documents and their graphs, shared by the parser tests."""

from __future__ import annotations

from pathlib import Path

from kg.text.document import Block, Document, ListBlock, Table

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


def document_graphs(nquads: str | Path) -> dict[str, object]:
    """Every non-empty named graph of N-Quads (text or a file), comparable across stores:
    graph name -> its isomorphic form (blank nodes need not share labels)."""
    from rdflib import Dataset
    from rdflib.compare import to_isomorphic

    dataset = Dataset()
    if isinstance(nquads, Path):
        dataset.parse(nquads, format="nquads")
    else:
        dataset.parse(data=nquads, format="nquads")
    return {str(g.identifier): to_isomorphic(g) for g in dataset.graphs() if len(g)}
