"""Hard-wrapped prose: when a line goes on with the paragraph above it.

Wire copy and hand-written Markdown are often wrapped at a fixed width, so a paragraph
arrives as several lines and a wrapped line can look like a heading. The block reader
(:mod:`.blocks`) asks :func:`wrapped_here` before it reads a line as a heading, and joins a
paragraph to the one above when :func:`wraps` says it goes on with it. A text wrapped
throughout is told by :attr:`~kg.text.parse.cursor.Cursor.wrap_width`.

Examples:
    >>> from kg.text.parse.blocks import read_blocks
    >>> text = "Talks\\n\\nNiger wants a binding schedule for the releases from the dam\\nand"
    >>> text += " rejects new irrigation.\\n"
    >>> [b.plain for b in read_blocks(Cursor(text, "<t>"))][1:]
    ['Niger wants a binding schedule for the releases from the dam and rejects new irrigation.']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.text.document import Block, Paragraph
from kg.text.parse.cursor import Cursor, Line
from kg.text.parse.headings import is_caps

__all__ = ["joined", "wrapped_here", "wraps"]

_SENTENCE_END = frozenset('.!?:;"”…')
_FIELD = re.compile(r"^[\w*][\w *]{0,30}:\s")
_WRAPPED_LINE = 60
"""A line at least this long that stops mid-sentence was wrapped: the next line goes on with
its paragraph."""
_WRAP_SLACK = 25
"""How much shorter than a hard-wrapped text's width a line it wrapped may be."""
_MARKED_HEADING = re.compile(r"\s{0,3}#{1,6}\s")


def wraps(cursor: Cursor, previous: Block, paragraph: Paragraph) -> bool:
    """Whether ``paragraph`` (one line) goes on with the paragraph just before it: the line
    above stops mid-sentence and is long enough to have been wrapped, or the new line opens in
    lower case; never after a field ("Subject: …")."""
    if type(previous) is not Paragraph:
        return False
    last = cursor.lines[previous.line - 1 + previous.text.count("\n")]
    if last.number + 1 != paragraph.line or not last.clean:
        return False
    if _FIELD.match(last.clean) or _FIELD.match(previous.plain):
        return False
    width = cursor.wrap_width
    if width is not None:  # a hard-wrapped text: a line of nearly its width goes on
        return _stops_mid_sentence(last) or len(last.clean) >= width - _WRAP_SLACK
    return _stops_mid_sentence(last) and (
        len(last.clean) >= _WRAPPED_LINE or paragraph.plain[:1].islower()
    )


def _stops_mid_sentence(line: Line) -> bool:
    """Whether a line ends where no sentence ends."""
    return bool(line.clean) and line.clean[-1] not in _SENTENCE_END


def wrapped_here(cursor: Cursor, index: int, blocks: Sequence[Block]) -> bool:
    """Whether line ``index`` is a hard-wrapped line of prose, not a heading: it goes on
    with the paragraph above (:func:`wraps`), or it is long, stops mid-sentence and the next
    line, right below it, goes on in lower case."""
    line = cursor.lines[index]
    if _MARKED_HEADING.match(line.text) or is_caps(line.clean) or "|" in line.text:
        return False  # "# Real Heading", "NIAMEY HOLDS ITS LINE", a row: not a wrapped line
    if blocks and type(blocks[-1]) is Paragraph:
        probe = Paragraph(line.start, line.end, line.number, line.text)
        if wraps(cursor, blocks[-1], probe):
            return True
    if not _stops_mid_sentence(line) or _FIELD.match(line.clean):
        return False
    below = cursor.lines[index + 1] if index + 1 < len(cursor.lines) else None
    if below is None or below.blank:
        return False
    width = cursor.wrap_width
    if width is not None:  # a hard-wrapped text: a line of nearly its width with prose below
        return len(line.clean) >= width - _WRAP_SLACK
    return len(line.clean) >= _WRAPPED_LINE and below.clean[:1].islower()


def joined(cursor: Cursor, previous: Block, paragraph: Paragraph) -> Paragraph:
    """One paragraph of two runs of lines."""
    return Paragraph(
        previous.start,
        paragraph.end,
        previous.line,
        cursor.block_text(previous.start, paragraph.end),
    )
