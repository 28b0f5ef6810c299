"""One handler per column role: a table cell (with its column and row) in, a claim or a
kept raw cell out.

:data:`HANDLERS` maps every :data:`~kg.text.lexicon.ColumnRole` to the handler
that reads a non-empty cell of that role; :mod:`kg.text.extract.tables` calls
them in column order after the row's topic and actors are known. A new column
role is one row of :data:`kg.text.lexicon.COLUMN_ROLES`, one handler here and
its ontology term.

Examples:
    >>> from kg.text.lexicon import COLUMN_ROLES
    >>> sorted(HANDLERS) == sorted(COLUMN_ROLES)
    True
    >>> HANDLERS["note"] is HANDLERS["other"]
    True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kg.text.claims import ConceptClaim, Entity, ItemClaim, Likelihood, PositionClaim
from kg.text.document import Row
from kg.text.extract.prose.positions import stated_positions
from kg.text.extract.sink import Cell, ClaimSink
from kg.text.lexicon import (
    ColumnRole,
    focus_key,
    header_stance,
    hedge_of,
    level_of,
    split_values,
)

__all__ = ["HANDLERS", "Column", "Handler", "Layout", "RowRead"]


@dataclass(frozen=True)
class Column:
    """A table column: its index (from 0), header, role and the actor its header names."""

    index: int
    header: str
    role: ColumnRole
    actors: tuple[Entity, ...] = ()

    def cell(self, text: str) -> Cell:
        """``text`` as a raw cell of this column."""
        return (self.index + 1, self.header, text)


@dataclass(frozen=True)
class Layout:
    """A table's columns, its subject (column 1's role) and the column its outcomes are in."""

    columns: tuple[Column, ...]
    subject: ColumnRole
    outcome: Column | None

    def first(self, role: ColumnRole) -> Column:
        """The first column of ``role``."""
        return next(c for c in self.columns if c.role == role)


@dataclass
class RowRead:
    """What one row of a table says so far."""

    layout: Layout
    row: Row
    actors: list[Entity]
    topic: ConceptClaim | None = None
    extra: list[Cell] = field(default_factory=list)
    focus: list[ConceptClaim] = field(default_factory=list)
    significance: str | None = None
    timeframe: str | None = None
    level: tuple[Likelihood, str] | None = None

    def owners(self, column: Column) -> tuple[Entity, ...]:
        """Whose a cell is: the actor its header names, else the row's actors."""
        return column.actors or tuple(self.actors)


Handler = Callable[[ClaimSink, RowRead, Column, str], None]
"""What a non-empty cell adds: to the row read so far, or as a claim to the sink."""


def _focus(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    for value in split_values(cell):
        key, pref = focus_key(value)
        read.focus.append(ConceptClaim(key, pref, value, read.row))


def _significance(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    read.significance = cell


def _timeline(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    if read.layout.subject == "timeline":
        read.extra.append(column.cell(cell))  # the rows are dates already
    else:
        read.timeframe = cell


def _likelihood(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    read.level = read.level or level_of(cell)
    read.extra.append(column.cell(cell))


def _status(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    read.level = read.level or hedge_of(cell, anywhere=True)
    read.extra.append(column.cell(cell))


def _position(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    """A position cell: one position per actor and stance verb when the cell is written as
    clauses ("Haiti seeks more troops; Jamaica offers police officers", read by the sentence
    reader) and its header names no actor; else the row's topic's, else (a row about an
    actor) one position on each value of the cell ("Binding treaty; dispute mechanism");
    its stance from the header."""
    owners = read.owners(column)
    if not column.actors:
        stated = stated_positions(sink, read.row, cell, read.topic)
        if stated:  # "Haiti seeks more troops; Jamaica offers police officers"
            for claim in stated:
                topic = read.topic or claim.topic
                sink.positions.append(
                    replace(
                        claim,
                        source=read.row,
                        column=column.index + 1,
                        topic=topic,
                        header=column.header,
                    )
                )
            return
    stance = header_stance(column.header)
    values = split_values(cell)
    if read.topic is not None or not owners or any(len(v.split()) < 2 for v in values):
        # the row's topic's, or an attitude ("Cautious", "Supportive"): no issue of its own
        claim = PositionClaim(
            cell, read.row, column.index + 1, owners, read.topic, column.header, stance
        )
        sink.positions.append(claim)
        return
    for value in values:
        topic = sink.concept(value, read.row, value)
        sink.positions.append(
            PositionClaim(value, read.row, column.index + 1, owners, topic, column.header, stance)
        )


def _concern(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    sink.concerns.append(
        ItemClaim(
            cell,
            read.row,
            sink.gaz.entities_in(cell),
            topic=read.topic,
            actors=read.owners(column),
            column=column.index + 1,
        )
    )


def _recommendation(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    sink.recommendations.append(
        ItemClaim(
            cell,
            read.row,
            sink.gaz.entities_in(cell),
            addressed_to=read.owners(column),
            topic=read.topic,
            column=column.index + 1,
        )
    )


def _topic(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    if read.topic is not None and read.topic.surface != cell:
        read.extra.append(column.cell(cell))  # not the row's topic: kept


def _actor(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    """Read before the other cells, with the row's subject."""


def _outcome(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    if column is not read.layout.outcome:
        read.extra.append(column.cell(cell))  # a second outcome column: kept


def _raw(sink: ClaimSink, read: RowRead, column: Column, cell: str) -> None:
    read.extra.append(column.cell(cell))


HANDLERS: dict[ColumnRole, Handler] = {
    "actor": _actor,
    "concern": _concern,
    "focus": _focus,
    "likelihood": _likelihood,
    "note": _raw,
    "other": _raw,
    "outcome": _outcome,
    "position": _position,
    "recommendation": _recommendation,
    "significance": _significance,
    "source": _raw,  # only a curated table's header has this role
    "status": _status,
    "summit": _raw,  # only a curated table's header has this role
    "timeline": _timeline,
    "topic": _topic,
}
"""Column role → the handler of its non-empty cells."""
