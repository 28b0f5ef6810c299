"""The curated-table loader: one outcome per row, filled in by hand (``.csv``, ``.tsv``).

An analyst keeps a spreadsheet of what the coverage expects; this loader reads
it into the same model as articles. The first row names the columns, in any
order and any case (``focus_area``, ``Focus area`` and ``focus-area`` are the
same):

=============  =========  ==============================================================
column         required   meaning
=============  =========  ==============================================================
topic          yes        the topic, merged with the articles' topics by its key
outcome        yes        the outcome as the source words it
likelihood     no         ``possible``, ``likely``, ``anticipated`` (or ``expected``),
                          ``projected``, ``agreed``, ``unlikely``, ``unstated``, or any
                          hedge word of the articles ("potential", "signed"…); kept
                          as ``skg:hedge``
focus area     no         focus areas, several separated by ``;``
summit         no         the summit's name; who meets where is read from it with
                          the gazetteer ("Trump–Putin summit in Alaska")
source         no         where the analyst read it (a title or URL): ``dcterms:source``
significance   no         why it matters
anything else  no         kept as a raw cell of the row
=============  =========  ==============================================================

The header names and the likelihood words are those of :mod:`kg.text.lexicon`
(:data:`~kg.text.lexicon.COLUMN_ROLES`), the vocabulary of articles' tables too.
Blank lines and lines starting with ``#`` are skipped. A ``.csv`` file whose
header has semicolons and no commas is read with ``;`` (a spreadsheet in a
European locale). Every row is a table row of the document (with its line,
offsets and exact text), so provenance works as for articles. A bad row stops
the file with an error naming ``file:line``; nothing of it is loaded.

Examples:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "curated.csv"
    >>> _ = path.write_text("topic,outcome,likelihood\\nTrade,Lower tariffs,likely\\n")
    >>> claims = read_claims(path)
    >>> [(o.topic.label, o.label, o.likelihood.term, o.hedge) for o in claims.outcomes]
    [('Trade', 'Lower tariffs', 'Likely', 'likely')]
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import LoaderError
from kg.loaders import Loaded
from kg.loaders.sources import read_text
from kg.rdf.iris import document_iri
from kg.rdf.mapping import to_graph, to_triples
from kg.text.claims import Claims, ConceptClaim, Entity, Likelihood, OutcomeClaim, SummitClaim
from kg.text.document import Block, Document, Row, Section, Table, clean_text
from kg.text.gazetteer import Gazetteer
from kg.text.lexicon import (
    COLUMN_ROLES,
    HEDGES,
    LIKELIHOOD_TERMS,
    ColumnRole,
    concept_key,
    curated_role,
    focus_key,
    likelihood_named,
)
from kg.text.normalize import content_hash
from kg.text.parse import normalise_text

__all__ = ["COLUMNS", "identify", "load", "read", "read_claims"]

COLUMNS: dict[ColumnRole, tuple[str, ...]] = {
    role: cues.headers for role, cues in COLUMN_ROLES.items() if cues.headers
}
"""Column role → the header names that select it (compared lower-case, ``_``/``-`` as spaces).

Read from :data:`kg.text.lexicon.COLUMN_ROLES`, the vocabulary of articles' tables too.
"""

_REQUIRED: tuple[ColumnRole, ...] = ("topic", "outcome")
_NEWLINE = re.compile("\n")


def _likelihood(value: str, path: Path, line: int) -> tuple[Likelihood, str | None]:
    word = value.strip()
    if not word:
        return Likelihood.UNSTATED, None
    found = likelihood_named(word)
    if found is None:
        known = ", ".join(sorted({*LIKELIHOOD_TERMS, *HEDGES}))
        raise LoaderError(
            f"unknown likelihood '{word}'; use one of: {known} (or leave it empty)",
            path=path,
            line=line,
        )
    return found, None if found is Likelihood.UNSTATED else word


def _delimiter(path: Path, header_line: str) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    if ";" in header_line and "," not in header_line:
        return ";"
    return ","


def _records(text: str, delimiter: str, path: Path) -> Iterator[tuple[int, int, list[str]]]:
    """``(first line, last line, fields)`` of every record that is not blank or a comment."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous = 0
    try:
        for fields in reader:
            first, last = previous + 1, reader.line_num
            previous = last
            if not fields or all(not f.strip() for f in fields):
                continue
            if fields[0].lstrip().startswith("#"):
                continue
            yield first, last, fields
    except csv.Error as exc:
        raise LoaderError(
            f"malformed {delimiter!r}-separated line: {exc}", path=path, line=reader.line_num
        ) from exc


class _Reader:
    def __init__(self, path: Path, gazetteer: Gazetteer):
        self.path = path
        self.gaz = gazetteer
        self.text = normalise_text(read_text(path))
        if not self.text.strip():
            raise LoaderError("empty table: no header row", path=path)
        self.starts = [0, *(match.end() for match in _NEWLINE.finditer(self.text))]

    def span(self, first: int, last: int) -> tuple[int, int]:
        start = self.starts[first - 1]
        end = self.starts[last] - 1 if last < len(self.starts) else len(self.text)
        return start, end

    def read(self) -> Claims:
        delimiter = _delimiter(self.path, self.text.split("\n", 1)[0])
        records = list(_records(self.text, delimiter, self.path))
        if not records:
            raise LoaderError("empty table: no header row", path=self.path)
        header_first, header_last, header = records[0]
        header = [clean_text(h) for h in header]
        roles: list[ColumnRole | None] = [curated_role(h) for h in header]
        for required in _REQUIRED:
            if required not in roles:
                raise LoaderError(
                    f"no '{required}' column (columns: {', '.join(header)}); a curated table "
                    f"needs {' and '.join(_REQUIRED)}, and may have "
                    f"{', '.join(r for r in COLUMNS if r not in _REQUIRED)}",
                    path=self.path,
                    line=header_first,
                )
        seen: dict[ColumnRole, str] = {}
        for name, role in zip(header, roles, strict=True):
            if role is not None and role in seen:
                raise LoaderError(
                    f"columns '{seen[role]}' and '{name}' both give the {role}",
                    path=self.path,
                    line=header_first,
                )
            if role is not None:
                seen[role] = name
        rows: list[Row] = []
        outcomes: list[OutcomeClaim] = []
        topics: list[ConceptClaim] = []
        extra: dict[Row, tuple[tuple[int, str, str], ...]] = {}
        mentions: dict[Block, tuple[Entity, ...]] = {}
        summits: dict[str, list[Row]] = {}
        for first, last, fields in records[1:]:
            if len(fields) > len(header):
                raise LoaderError(
                    f"row has {len(fields)} fields, the header has {len(header)} "
                    f"(quote a value that contains '{delimiter}')",
                    path=self.path,
                    line=first,
                )
            cells = [clean_text(f) for f in fields] + [""] * (len(header) - len(fields))
            start, end = self.span(first, last)
            row = Row(start, end, first, self.text[start:end], cells=tuple(cells))
            rows.append(row)
            value = {role: cells[i] for i, role in enumerate(roles) if role is not None}
            for required in _REQUIRED:
                if not value.get(required):
                    raise LoaderError(f"empty {required}", path=self.path, line=first)
            found = self.gaz.entities_in(row.plain)
            if found:
                mentions[row] = found
            likelihood, hedge = _likelihood(value.get("likelihood", ""), self.path, first)
            focus = []
            for item in re.split(r"\s*;\s*", value.get("focus", "")):
                if item:
                    key, pref = focus_key(item)
                    focus.append(ConceptClaim(key, pref, item, row))
            key, pref = concept_key(value["topic"])
            topic = ConceptClaim(key, pref, value["topic"], row, focus=tuple(focus))
            topics.append(topic)
            outcomes.append(
                OutcomeClaim(
                    label=value["outcome"],
                    topic=topic,
                    source=row,
                    likelihood=likelihood,
                    hedge=hedge,
                    focus_areas=tuple(focus),
                    significance=value.get("significance") or None,
                    mentions=found,
                    cited=value.get("source") or None,
                    column=roles.index("outcome") + 1,
                )
            )
            raw = tuple(
                (i + 1, header[i], cells[i])
                for i, role in enumerate(roles)
                if role is None and cells[i]
            )
            if raw:
                extra[row] = raw
            if value.get("summit"):
                summits.setdefault(value["summit"], []).append(row)
        table_start, table_end = self.span(header_first, header_last)
        table_end = rows[-1].end if rows else table_end
        table = Table(
            table_start,
            table_end,
            header_first,
            self.text[table_start:table_end],
            header=tuple(header),
            rows=tuple(rows),
            header_line=header_first,
        )
        warnings: list[tuple[int, str]] = []
        summit_claims = [
            claim
            for name, named in summits.items()
            if (claim := self.summit(name, named, warnings)) is not None
        ]
        document = Document(
            source=str(self.path),
            text=self.text,
            title=self.path.name,
            headlines=(),
            sections=(Section(None, (table,)),),
            warnings=tuple(warnings),
        )
        return Claims(
            document=document,
            summit=summit_claims[0] if summit_claims else None,
            other_summits=tuple(summit_claims[1:]),
            topics=tuple(topics),
            outcomes=tuple(outcomes),
            mentions=mentions,
            extra_cells=extra,
        )

    def summit(
        self, name: str, rows: list[Row], warnings: list[tuple[int, str]]
    ) -> SummitClaim | None:
        """The summit a name describes: its people (else states or bodies) and its place."""
        found = self.gaz.entities_in(name)
        participants = tuple(e for e in found if e.kind == "Person") or tuple(
            e for e in found if e.kind in ("State", "Organization")
        )
        if not participants:
            warnings.append(
                (
                    rows[0].line,
                    f"summit '{name}' names no known participant: its outcomes are not "
                    "linked to a summit (name a leader, state or body, e.g. "
                    "'Trump–Putin summit in Alaska')",
                )
            )
            return None
        places = self.gaz.places_in(name)
        place = places[0] if places else None
        participants = tuple(sorted(participants, key=lambda p: p.label))
        names = " and ".join(p.label for p in participants)
        return SummitClaim(
            participants=participants,
            place=place,
            status=None,
            label=f"Summit of {names}" + (f" in {place.label}" if place else ""),
            source=rows[0],
            name=name,
            sources=tuple(rows[1:]),
            scope=frozenset(rows),
        )


def read_claims(path: Path, gazetteer: Gazetteer | None = None) -> Claims:
    """Read a curated table into claims.

    Raises:
        LoaderError: not UTF-8, empty, a missing or doubled column, a row with too many
            fields, an empty topic or outcome, or an unknown likelihood (names file:line).
    """
    return _Reader(path, gazetteer or Gazetteer.bundled()).read()


def identify(path: Path) -> tuple[URIRef, ...]:
    """The document IRI of a curated table: the hash of its normalised text, no parsing.

    So an ingest skips a table already in the store, as it skips an unchanged article.

    Raises:
        LoaderError: the file is not UTF-8 text.
    """
    return (document_iri(content_hash(normalise_text(read_text(path)))),)


def read(path: Path) -> Loaded:
    """Read a curated table into its named graph, with its warnings (see :func:`read_claims`)."""
    claims = read_claims(path)
    return Loaded(path, (to_triples(claims),), claims.document.warnings)


def load(path: Path) -> Iterator[tuple[URIRef, Graph]]:
    """Read a curated table into its named graph, as an rdflib Graph (see :func:`read`)."""
    yield to_graph(read_claims(path))
