"""Pipe lines at the cursor → a :class:`~kg.text.document.Table` (header, rows, intro).

Two readers, tried in this order by the block reader:

* :func:`read_gfm_table` — a header line followed by a separator row
  (``---|:---:|---:``), as GitHub-flavoured Markdown writes it; rows with too
  few cells are padded and rows with too many are cut, each with a warning;
* :func:`read_bare_table` — three or more pipe lines with the same number of
  cells and no separator row.

Outer pipes are optional on every line, ``\\|`` is a literal pipe, and a table
ends at the first line without a pipe or where another table starts.

Examples:
    >>> from kg.text.parse.cursor import Cursor
    >>> cursor = Cursor("A | B\\n---|---\\n1 | 2", "<text>")
    >>> table = read_gfm_table(cursor, [])
    >>> table.header, [row.cells for row in table.rows], cursor.pos
    (('A', 'B'), [('1', '2')], 3)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kg.text.document import Block, Paragraph, Row, Table, clean_text
from kg.text.parse.cursor import Cursor, Line

__all__ = [
    "has_pipe",
    "is_separator",
    "read_bare_table",
    "read_gfm_table",
    "split_cells",
]

_SEPARATOR_CELL = re.compile(r"^:?[-—–]+:?$")
_PIPE_OR_ESCAPE = re.compile(r"\\.|\|", re.DOTALL)


# --- cells --------------------------------------------------------------------------------


def split_cells(line: str) -> list[str]:
    """Split a pipe-table line into clean cells; ``\\|`` is a literal pipe.

    One optional leading and one optional trailing pipe are dropped.

    Examples:
        >>> split_cells("Topic | Focus |")
        ['Topic', 'Focus']
        >>> split_cells("| a \\\\| b | **c**&nbsp;d |")
        ['a | b', 'c d']
    """
    return list(_cells(line))


@lru_cache(maxsize=4096)
def _cells(line: str) -> tuple[str, ...]:
    """:func:`split_cells`, remembered: the table readers look at each row several times."""
    parts = _split_at_pipes(line)
    if len(parts) > 1:  # one outer pipe on each side is optional
        first_blank, last_blank = not parts[0].strip(), not parts[-1].strip()
        parts = parts[first_blank : len(parts) - last_blank]
    return tuple(clean_text(part.replace("\\|", "|"), cell=True) for part in parts)


def _split_at_pipes(line: str) -> list[str]:
    """``line`` split at its unescaped pipes, as GFM does.

    A backslash escapes the character after it, so a backslash-pipe is data
    and a doubled backslash before a pipe is an escaped backslash followed by
    a cell boundary. The parts keep their escapes.
    """
    parts, start = [], 0
    for match in _PIPE_OR_ESCAPE.finditer(line):
        if match.group() == "|":
            parts.append(line[start : match.start()])
            start = match.end()
    parts.append(line[start:])
    return parts


def has_pipe(line: str) -> bool:
    """Whether ``line`` has an unescaped pipe.

    Examples:
        >>> has_pipe("Trade | Deal"), has_pipe("EU \\\\| NATO")
        (True, False)
    """
    return "|" in line and len(_split_at_pipes(line)) > 1


@lru_cache(maxsize=4096)
def is_separator(line: str) -> bool:
    """Whether ``line`` is a table's separator row (``---|:---:|---:``).

    Examples:
        >>> is_separator("|:---|---:|"), is_separator("---")
        (True, True)
        >>> is_separator("Trade | Deal")
        False
    """
    stripped = line.strip()
    if not stripped or (not has_pipe(stripped) and not stripped.startswith(("-", ":"))):
        return False
    cells = _cells(stripped)
    return bool(cells) and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in cells)


# --- the readers --------------------------------------------------------------------------


def read_gfm_table(cursor: Cursor, blocks: Sequence[Block]) -> Table | Paragraph:
    """The table headed by the line at the cursor, whose next line is a separator row.

    A separator row with another number of cells than the header makes the
    header line a paragraph, with a warning. The cursor moves past what was read.
    """
    i = cursor.pos
    header_line = cursor.lines[i]
    header = split_cells(header_line.text)
    separator = split_cells(cursor.lines[i + 1].text)
    if len(separator) != len(header):
        cursor.warn(
            header_line.number,
            f"pipe line without a matching separator row ({len(header)} header cells, "
            f"{len(separator)} separator cells): read as a paragraph",
        )
        cursor.pos = i + 1
        return Paragraph(header_line.start, header_line.end, header_line.number, header_line.text)
    rows: list[Row] = []
    j = i + 2
    while j < len(cursor.lines) and not cursor.lines[j].blank and has_pipe(cursor.lines[j].text):
        line = cursor.lines[j]
        if _starts_next_table(cursor.lines, j, header_line):
            break
        j += 1
        if is_separator(line.text):
            cursor.warn(line.number, "second separator row inside a table: skipped")
            continue
        row = _row(cursor, line, _fitted(cursor, line, header), header)
        if row is not None:
            rows.append(row)
    cursor.pos = j
    return _table(cursor, header_line, cursor.lines[j - 1], header, rows, blocks, True)


def _fitted(cursor: Cursor, line: Line, header: list[str]) -> list[str]:
    """A GFM row's cells, padded or cut to the header's width (with a warning)."""
    cells = split_cells(line.text)
    if len(cells) < len(header):
        cursor.warn(line.number, f"table row has {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
    elif len(cells) > len(header):
        cursor.warn(
            line.number,
            f"table row has {len(cells)} cells, header has {len(header)}: extra cells ignored",
        )
        cells = cells[: len(header)]
    return cells


def read_bare_table(cursor: Cursor, blocks: Sequence[Block]) -> Table | None:
    """Three or more pipe lines with the same number of cells and no separator row.

    ``None``, with the cursor where it was, when the lines at the cursor are not one.

    Examples:
        >>> cursor = Cursor("Topic | Outcome\\nTrade | Deal\\nEnergy | Grid", "<text>")
        >>> [row.cells for row in read_bare_table(cursor, []).rows]
        [('Trade', 'Deal'), ('Energy', 'Grid')]
        >>> read_bare_table(Cursor("Topic | Outcome\\nTrade | Deal", "<text>"), []) is None
        True
    """
    i = cursor.pos
    header_line = cursor.lines[i]
    header = split_cells(header_line.text)
    if len(header) < 2:
        return None
    j = i + 1
    while j < len(cursor.lines):
        line = cursor.lines[j]
        if line.blank or not has_pipe(line.text) or is_separator(line.text):
            break
        if len(split_cells(line.text)) != len(header):
            break
        if _starts_next_table(cursor.lines, j, header_line):
            break
        j += 1
    if j - i < 3:
        return None
    rows = [
        row
        for line in cursor.lines[i + 1 : j]
        if (row := _row(cursor, line, split_cells(line.text), header)) is not None
    ]
    cursor.pos = j
    return _table(cursor, header_line, cursor.lines[j - 1], header, rows, blocks, False)


# --- rows and table boundaries ------------------------------------------------------------


def _row(cursor: Cursor, line: Line, cells: list[str], header: list[str]) -> Row | None:
    """A table row, or ``None`` (with a warning) for an empty or repeated header row."""
    if not any(cells):
        cursor.warn(line.number, "empty table row skipped")
        return None
    if [c.casefold() for c in cells] == [h.casefold() for h in header]:
        cursor.warn(line.number, "repeated header row skipped")
        return None
    return Row(line.start, line.end, line.number, line.text, cells=tuple(cells))


def _table(
    cursor: Cursor,
    header_line: Line,
    last: Line,
    header: list[str],
    rows: list[Row],
    blocks: Sequence[Block],
    separator: bool,
) -> Table:
    """The table from ``header_line`` to ``last``; a paragraph right before it is its intro."""
    intro = blocks[-1] if blocks and isinstance(blocks[-1], Paragraph) else None
    if not rows:
        cursor.warn(header_line.number, "table header without rows: no claims from it")
    return Table(
        header_line.start,
        last.end,
        header_line.number,
        cursor.block_text(header_line.start, last.end),
        header=tuple(header),
        rows=tuple(rows),
        header_line=header_line.number,
        intro=intro,
        separator=separator,
    )


def _leading_pipe(line: Line) -> bool:
    return line.text.lstrip().startswith("|")


def _starts_next_table(lines: list[Line], j: int, header: Line) -> bool:
    """Line ``j`` heads another table: a separator row follows it, or both its pipe
    style (a leading pipe or none) and its number of cells differ from the header's."""
    line = lines[j]
    if is_separator(line.text):
        return False
    if j + 1 < len(lines) and is_separator(lines[j + 1].text):
        return True
    return _leading_pipe(line) != _leading_pipe(header) and len(split_cells(line.text)) != len(
        split_cells(header.text)
    )
