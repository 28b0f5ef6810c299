"""Normalised article text → :class:`Line` objects and the :class:`Cursor` the readers share.

Every reader of the parser looks at the same lines: their number, their
offset into the normalised text, their exact source text and its clean view
(:func:`kg.text.document.clean_text`). The cursor holds those lines, the
position the block reader has reached, and the warnings the readers raise.
It also knows the two marks every reader tests first: a list marker at the
start of a line and a thematic break (``---``, ``***``).

Lines are split on ``\\n`` only, never with ``str.splitlines()`` (which also
splits on U+2028, U+0085 and friends inside a cell).

Examples:
    >>> cursor = Cursor("Talks\\n\\n- Trade", "<text>")
    >>> [(line.number, line.start, line.blank) for line in cursor.lines]
    [(1, 0, False), (2, 6, True), (3, 7, False)]
    >>> cursor.next_nonblank(1), cursor.lines[2].bullet is not None
    (2, True)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from kg.text.document import clean_text

__all__ = [
    "BULLET",
    "DASHED_HEADING",
    "HRULE",
    "NUMERIC_MARKER",
    "TIGHT_BULLET",
    "Cursor",
    "Line",
    "normalise_text",
    "words",
]

_BULLET_MARKS = "-*+•◦‣▪▫●○■□►▶➤–✓✔✅☑→➡👉🔹🔸🔷🔶"
_MARKER = rf"(?:[{re.escape(_BULLET_MARKS)}]\ufe0f?|\d{{1,2}}[.):]|\(\d{{1,2}}\)|\([a-z]\)|[a-z]\))"
#: A list marker (bullet, ``1.``, ``1)``, ``(a)``…) at the start of a line, with its body.
BULLET = re.compile(rf"^(?P<indent>[ \t]*)(?P<marker>{_MARKER})(?:[ \t]+(?P<body>\S.*))?$")
#: A star or bullet glued to a label item (``*Label: text``): an item, not emphasis (a line
#: the star's twin ends is italic: ``*Background note: …*``).
TIGHT_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[*•▪])(?P<body>[^\W\d_][^*:\n]{0,80}:[ \t]+\S.*)(?<!\*)$"
)
#: A heading between dashes, as wires write a question heading: ``- What does X want? -``.
DASHED_HEADING = re.compile(r"^[ \t]*[-–—][ \t]+(?P<title>\S(?:.*\S)?)[ \t]+[-–—][ \t]*$")
#: A numbered marker (``1.``, ``(2)``), as opposed to a bullet.
NUMERIC_MARKER = re.compile(r"^\(?\d{1,2}[.):]?\)?$")
#: A thematic break: three or more of one of ``-*_=``, spaces allowed between.
HRULE = re.compile(r"^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$")


def normalise_text(text: str) -> str:
    """The normalised text every offset indexes.

    Drops a BOM, turns CRLF and lone CR into LF, composes to Unicode NFC, and
    drops whitespace at the ends of lines and blank lines at the end, so a
    re-saved article with other line endings or trailing spaces is the same
    document. Line numbers are unchanged.

    Examples:
        >>> normalise_text("\\ufeffA  \\r\\nB\\t\\rC\\n\\n")
        'A\\nB\\nC'
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip(" \t\u00a0") for line in text.split("\n"))
    return text.rstrip("\n")


def words(text: str) -> list[str]:
    """The whitespace-separated words of ``text``.

    Examples:
        >>> words(" Key  Facts ")
        ['Key', 'Facts']
    """
    return text.split()


@dataclass
class Line:
    """One line of the normalised text: number (from 1), offset, source text, clean view."""

    number: int
    start: int
    text: str
    clean: str

    @property
    def end(self) -> int:
        """The offset just past the line's last character (its newline excluded)."""
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        """Nothing is left of the line once cleaned."""
        return not self.clean

    @property
    def indent(self) -> int:
        """The number of spaces and tabs before the first other character."""
        return len(self.text) - len(self.text.lstrip(" \t"))

    @property
    def bullet(self) -> re.Match[str] | None:
        """The line's list marker and body (:data:`BULLET`, :data:`TIGHT_BULLET`), or ``None``.

        A heading between dashes (:data:`DASHED_HEADING`) has no marker.
        """
        if DASHED_HEADING.match(self.text):
            return None
        return BULLET.match(self.text) or TIGHT_BULLET.match(self.text)

    @property
    def rule(self) -> bool:
        """The line is a thematic break (:data:`HRULE`): markup, not content."""
        return HRULE.match(self.text) is not None


WRAPPED_PAIRS = 6
"""Lines of prose followed by another, at least, for a text to be read as hard-wrapped."""
MAX_WRAP_WIDTH = 100
"""The widest hard wrap read as one: a longer line followed by another is a paragraph."""
MIN_WRAPPED_LINE = 45
"""The median length of a hard-wrapped text's inner lines, at least."""
_MARKUP = frozenset("|#>!*-=_+<")
"""What opens a line of markup (a table, heading, quote, image, list, rule, tag), not prose."""


def _prose(line: Line) -> bool:
    """Whether a line may be a line of a paragraph: not blank, a list item, markup or a row."""
    return (
        not line.blank
        and not line.bullet
        and line.text.lstrip()[:1] not in _MARKUP
        and "|" not in line.text  # a table's row, with or without its outer pipes
    )


class Cursor:
    """The lines of a normalised text, the reader's position and the warnings raised so far."""

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.lines: list[Line] = []
        offset = 0
        for number, raw in enumerate(text.split("\n"), start=1):
            self.lines.append(Line(number, offset, raw, clean_text(raw)))
            offset += len(raw) + 1
        self.pos = 0
        self.warnings: list[tuple[int, str]] = []

    @property
    def done(self) -> bool:
        """Every line has been read."""
        return self.pos >= len(self.lines)

    @property
    def line(self) -> Line:
        """The line at the current position."""
        return self.lines[self.pos]

    def peek(self, offset: int = 1) -> Line | None:
        """The line ``offset`` lines after the current one, or ``None`` past the end."""
        j = self.pos + offset
        return self.lines[j] if j < len(self.lines) else None

    def next_nonblank(self, j: int) -> int | None:
        """The index of the first non-blank line at or after ``j``, or ``None``."""
        while j < len(self.lines) and self.lines[j].blank:
            j += 1
        return j if j < len(self.lines) else None

    def previous_nonblank(self, j: int) -> int | None:
        """The index of the last non-blank line at or before ``j``, or ``None``."""
        while j >= 0 and self.lines[j].blank:
            j -= 1
        return j if j >= 0 else None

    @functools.cached_property
    def wrap_width(self) -> int | None:
        """The width the text's prose is hard-wrapped at, or ``None`` where each line is a
        paragraph: the longest line that another line of prose follows, when there are at
        least :data:`WRAPPED_PAIRS` such lines, none longer than :data:`MAX_WRAP_WIDTH`
        characters and half of them :data:`MIN_WRAPPED_LINE` or longer (a memo's short fields
        are not wrapping).

        Examples:
            >>> text = "Title\\n\\n" + "\\n".join(["word " * 12] * 7)
            >>> Cursor(text, "<t>").wrap_width, Cursor("A\\n\\nB", "<t>").wrap_width
            (59, None)
        """
        inner = sorted(
            len(line.clean)
            for line, below in zip(self.lines, self.lines[1:], strict=False)
            if _prose(line) and _prose(below)
        )
        if len(inner) < WRAPPED_PAIRS or inner[-1] > MAX_WRAP_WIDTH:
            return None
        return inner[-1] if inner[len(inner) // 2] >= MIN_WRAPPED_LINE else None

    def warn(self, line: int, message: str) -> None:
        """Record a warning about line number ``line``."""
        self.warnings.append((line, message))

    def block_text(self, start: int, end: int) -> str:
        """The exact source text between two offsets."""
        return self.text[start:end]
