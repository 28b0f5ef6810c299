"""Tables to claims: a table (with its section) in, topics, outcomes, positions, concerns,
recommendations and raw cells out, put in the :class:`~kg.text.extract.sink.ClaimSink`.

* A table's first column is the row's subject: its topic, whatever its header
  says ("Area of Focus" holds topics), unless the header names actors
  ("Country", "Delegation", "Stakeholder": the rows are about those actors),
  dates ("Date", "Timeline") or keys (a two-column key/value table, read by
  :func:`read_key_value` as the summit's name, host, dates, venue and participants).
* Other columns get a role from their header (:func:`kg.text.lexicon.column_role`),
  and each role has one handler in :data:`kg.text.extract.cells.HANDLERS`. Any column without a
  role is kept as a raw cell, never dropped.
* An outcome's likelihood comes from its cell when the cell opens with a hedge
  ("Possible relaxation…") or states one as a verb ("Contact group expected to be
  endorsed"), else from a likelihood or status column of the row, else from the column
  header ("Likely Outcome"), else from the table's intro sentence; the header's hedge is
  recorded too when it differs. A cell of clauses ("Likely to stay away; could reject the
  communiqué") gives one outcome per clause, each with its own hedge. In a row that names
  no topic (an actor-first table under a heading that names no issue) an outcome takes
  the issue it names. "—", "TBD" and "N/A" cells state no outcome (kept as raw cells).

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> doc = parse_article("# Talks\\n\\nTopic | Likely Outcome | Key Risk\\n---|---|---\\n"
    ...                     "Trade | Lower tariffs | Retaliation\\n")
    >>> sink = ClaimSink(doc, Gazetteer.bundled())
    >>> read_table(sink, doc.sections[0].blocks[0], doc.sections[0], ())
    >>> [(o.topic.label, o.label, o.likelihood.term) for o in sink.outcomes]
    [('Trade', 'Lower tariffs', 'Likely')]
    >>> [c.label for c in sink.concerns]
    ['Retaliation']
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.text.claims import ConceptClaim, Entity, Likelihood, OutcomeClaim
from kg.text.document import Block, Row, Section, Table
from kg.text.extract.actors import actor_values, header_actors
from kg.text.extract.blocks import heading_topic, intro_sentence, is_key_value, pairs
from kg.text.extract.cells import HANDLERS, Column, Layout, RowRead
from kg.text.extract.prose.topics import own_issue
from kg.text.extract.sink import ClaimSink
from kg.text.lexicon import column_role, hedge_of, intro_hedge, is_empty, meta_field, split_values

__all__ = ["read_key_value", "read_table"]

_HEDGE_WORDS = re.compile(r"^\s*(?:likely|unlikely|possible|expected|probably)\s+(?:to\s+)?", re.I)
_HEDGE_REST = re.compile(
    r"\s(?:(?:is|are|was|were)\s+)?(?:expected|likely|unlikely|possible|could|may|might|would"
    r"|will|to\s+be)\b",
    re.I,
)


def read_table(
    sink: ClaimSink, table: Table, section: Section, section_actors: tuple[Entity, ...]
) -> None:
    """Read a table of ``section`` (whose heading names ``section_actors``) into ``sink``."""
    if is_key_value(table):
        read_key_value(sink, table)
    else:
        _TableReader(sink, table, section, section_actors).read()


def read_key_value(sink: ClaimSink, table: Table) -> None:
    """A key/value table: the summit's name, host, dates, venue; other keys as cells."""
    for key, value, row in pairs(table):
        block: Block = table if row is None else row
        if row is not None:
            sink.entities(row)
        found = meta_field(key)
        if found is None or is_empty(value):
            if row is not None and not is_empty(value):
                sink.keep(row, [(2, key, value)])  # the key names the value
            continue
        sink.meta.setdefault(found, (value, block))
        sink.meta_rows.append(block)
        if found in ("host", "participants"):
            sink.add_mentions(block, actor_values(sink, value, "state"))
        elif found == "agenda":
            for item in split_values(value):
                sink.agenda.append(sink.concept(item, block, item))


def _later_hedge(cell: str, *, clauses: bool) -> tuple[Likelihood, str] | None:
    """A hedge later in an outcome cell, where it is the cell's: in one of its clauses, or as
    a verb ("Contact group expected to be endorsed"); not an adjective of a later noun
    ("Improved security with potential mistrust": the cell states no likelihood).

    Examples:
        >>> _later_hedge("Contact group expected to be endorsed", clauses=False)[1]
        'expected'
        >>> _later_hedge("Improved security with potential mistrust", clauses=False) is None
        True
    """
    later = hedge_of(cell, anywhere=True)
    if later is None or clauses or _VERBAL_HEDGE.search(cell):
        return later
    return None


_VERBAL_HEDGE = re.compile(
    r"\b(?:expected|likely|unlikely|set|due)\s+to\b|\b(?:could|may|might|will|would)\s+\w", re.I
)


class _TableReader:
    """The rows of one table (not a key/value table), in order."""

    def __init__(self, sink: ClaimSink, table: Table, section: Section, actors: tuple[Entity, ...]):
        self.sink = sink
        self.table = table
        self.section_actors = actors
        columns = tuple(self.column(index, header) for index, header in enumerate(table.header))
        outcomes = [c for c in columns[1:] if c.role == "outcome"]
        self.layout = Layout(columns, columns[0].role, outcomes[0] if outcomes else None)
        outcome = self.layout.outcome
        self.header_hedge = hedge_of(outcome.header, anywhere=True) if outcome else None
        self.intro_hedge = intro_hedge(intro_sentence(table.intro))
        self.heading_topic = heading_topic(section)

    def column(self, index: int, header: str) -> Column:
        """Column ``index``: its role, and the actor its header names."""
        role = column_role(header, index)
        actors: tuple[Entity, ...] = ()
        if index:
            actors = header_actors(self.sink, header, mint=True)
            if actors and role == "focus":
                role = "position"  # "Washington's Aim": that actor's aim
        return Column(index, header, role, actors)

    def read(self) -> None:
        for row in self.table.rows:
            mentioned = self.sink.entities(row)
            read = self.subject_of(row)
            if read is None:
                continue
            self.sink.add_mentions(row, read.actors)
            for column in self.layout.columns[1:]:
                cell = row.cells[column.index]
                if is_empty(cell):
                    if any(c.isalpha() for c in cell) and column is self.layout.outcome:
                        read.extra.append(column.cell(cell))  # "TBD", "N/A"
                    continue
                HANDLERS[column.role](self.sink, read, column, cell)
            if read.topic is not None:
                topic = replace(read.topic, focus=tuple(read.focus)) if read.focus else read.topic
                read.topic = topic
                self.sink.topics.append(topic)
            self.outcome(read, mentioned)

    def subject_of(self, row: Row) -> RowRead | None:
        """The row's topic and actors, from its subject column and its topic and actor columns.

        ``None`` for a row without a topic in a topic-first table (warned).
        """
        cells, subject = row.cells, self.layout.columns[0]
        read = RowRead(self.layout, row, list(self.section_actors))
        if subject.role == "topic":
            if is_empty(cells[0]):
                message = f"row without a subject in column 1 ({subject.header}): skipped"
                self.sink.warn(row.line, message)
                return None
            read.topic = self.sink.concept(cells[0], row, row.plain)
        elif subject.role == "actor":
            named = actor_values(self.sink, cells[0], subject.header)
            if not named and not is_empty(cells[0]):
                read.extra.append(subject.cell(cells[0]))  # no name to resolve: kept
            read.actors = list(named) or read.actors
        else:
            read.extra.append(subject.cell(cells[0]))
        for column in self.layout.columns[1:]:
            cell = cells[column.index]
            if is_empty(cell):
                continue
            if column.role == "topic" and read.topic is None:
                read.topic = self.sink.concept(cell, row, row.plain)
            elif column.role == "actor":
                named = actor_values(self.sink, cell, column.header)
                if not named:
                    read.extra.append(column.cell(cell))
                read.actors.extend(a for a in named if a not in read.actors)
        if read.topic is None and self.heading_topic is not None and subject.role != "timeline":
            title, heading = self.heading_topic
            read.topic = self.sink.concept(title, heading, heading.plain)
        return read

    def outcome(self, read: RowRead, mentioned: tuple[Entity, ...]) -> None:
        """The row's outcome, with its likelihood; or only its raw cells when it states none."""
        row, column = read.row, self.layout.outcome
        text = row.cells[column.index] if column else ""
        if column is None or is_empty(text):
            if read.significance is not None:
                read.extra.append(self.layout.first("significance").cell(read.significance))
            if read.timeframe is not None:
                read.extra.append(self.layout.first("timeline").cell(read.timeframe))
            self.sink.keep(row, read.extra)
            return
        self.sink.keep(row, read.extra)
        header = self.header_hedge
        header_level = header or (None if read.level else self.intro_hedge)
        parts = [p.strip() for p in text.split(";") if p.strip()]
        for part in parts if len(parts) > 1 else [text]:  # "Likely to stay away; could reject …"
            own = hedge_of(part) or _later_hedge(part, clauses=len(parts) > 1)
            chosen = own or read.level or header_level
            likelihood, hedge = chosen if chosen else (Likelihood.UNSTATED, None)
            disagree = header is not None and chosen is not None and chosen[0] != header[0]
            self.sink.outcomes.append(
                OutcomeClaim(
                    label=part,
                    topic=read.topic or self.own_topic(row, part),
                    source=row,
                    likelihood=likelihood,
                    hedge=hedge,
                    focus_areas=tuple(read.focus),
                    header_likelihood=header[0] if disagree and header else None,
                    header_hedge=header[1] if disagree and header else None,
                    significance=read.significance,
                    mentions=mentioned,
                    actors=column.actors or tuple(read.actors),
                    timeframe=read.timeframe,
                    column=column.index + 1,
                )
            )

    def own_topic(self, row: Row, label: str) -> ConceptClaim:
        """The topic of an outcome in a row that names none (an actor-first table under a
        heading that names no issue): the issue the outcome names ("Contact group expected to
        be endorsed" → contact group), kept only where the document treats it as one."""
        bare = _HEDGE_WORDS.sub(" ", f" {label} ").strip()
        phrase = _HEDGE_REST.split(bare, maxsplit=1)[0].strip() or label
        topic = self.sink.concept(own_issue(phrase, row.plain), row, row.plain)
        self.sink.own_topics.add(topic)
        return topic
