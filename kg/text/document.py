"""The parsed-document model: typed blocks with character offsets, and the text policy.

Parsing produces a :class:`Document`; extraction reads it. Nothing here knows
about RDF.

Offsets and cleaning, the policy in one place:

* :attr:`Document.text` is the *normalised* text: UTF-8 decoded, BOM dropped,
  CRLF/CR turned into LF, Unicode NFC, whitespace at the ends of lines and
  blank lines at the end dropped. Every offset indexes it, so
  ``doc.text[block.start:block.end] == block.text`` always holds, and
  ``block.text`` is the exact source text kept as provenance (``skg:quote``).
* What extraction reads is the *clean* view of a block (:func:`clean_text`):
  HTML entities decoded, ``<br>`` and other HTML tags removed, NBSP and other
  spaces made plain spaces, U+FE0F dropped, markdown escapes (``\\"``,
  ``\\$``), emphasis (``**bold**``) and links undone, citation markers
  (``[1]``) and photo credits removed, common mojibake repaired, runs of
  whitespace collapsed. Curly quotes, dashes, guillemets and letters are kept.
  Cleaning is per block, so it never moves an offset; every label extraction
  gives occurs in the clean view of the block it comes from (and, where
  cleaning changed nothing, in the source text itself). Invisible characters
  (zero-width, bidi controls) stay in labels and quotes, byte for byte; only
  match keys, IRIs and the preferred labels built from keys drop them.

Examples:
    >>> p = Paragraph(start=0, end=5, line=1, text="Hello")
    >>> p.span
    (0, 5)
    >>> clean_text("**Arms&nbsp;control** &amp; trade[1]<br>talks")
    'Arms control & trade talks'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from kg.text.normalize import INVISIBLE_CHARACTERS

__all__ = [
    "Block",
    "Document",
    "Heading",
    "ListBlock",
    "ListItem",
    "Metadata",
    "Paragraph",
    "Row",
    "Section",
    "Sentence",
    "Table",
    "clean_text",
]

_MOJIBAKE = {
    "â€™": "’",
    "â€˜": "‘",
    "â€œ": "“",
    "â€\u009d": "”",
    "â€“": "–",
    "â€”": "—",
    "â€¦": "…",
}
_MOJIBAKE_RE = re.compile("|".join(re.escape(k) for k in _MOJIBAKE))
# Mac Roman's "’" read as Latin-1: "RussiaÕs" → "Russia’s" (only before a clitic)
_MAC_APOSTROPHE = re.compile(r"(?<=[a-z])Õ(?=(?:s|t|ll|re|ve|d|m)\b)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BR = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|center|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|"
    r"li|mark|ol|p|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
# Links and bold spans are undone by scanners (below), not by one regular expression: a
# pattern such as ``!?\[([^\]\n]*)\]\([^)\s]*\)`` rescans the rest of the line from every
# ``[`` it tries, quadratic on "[[[[…" or "[a]([a](…". The scanners find the same spans.
_LINK_LABEL_END = re.compile(r"[\]\n]")
_LINK_TARGET_END = re.compile(r"[)\s]")
_BOLD_OPEN = re.compile(r"\*\*(?=\S)|(?<!\w)__(?=\S)")
_BOLD_CLOSE = (re.compile(r"(?<=\S)\*\*"), re.compile(r"(?<=\S)__(?!\w)"))
_NEWLINE = re.compile("\n")
_ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CITATION = re.compile(r"(?:\[(?:\d{1,3}|[a-z]|citation needed|edit)\])+")
_CAPTION = re.compile(
    r"\(\s*(?:(?:AP|AFP|Reuters|Getty|EPA|file)\s+)?(?:photo|image|picture|credit|"
    r"photo credit|image credit)s?\s*[:/][^()]*\)",
    re.IGNORECASE,
)
_VARIATION = re.compile("[\ufe0e\ufe0f]")
_SPACE = re.compile(rf"\s(?:[{INVISIBLE_CHARACTERS}]*\s)*")
"""A run of white space, with the invisible characters inside it ("A\u2028\u200b B" is "A B")."""


def clean_text(text: str, *, cell: bool = False) -> str:
    """The clean view of a piece of source text (see the module docstring).

    ``cell`` makes ``<br>`` a value separator (``"; "``) rather than a space:
    inside a table cell it separates values.

    Examples:
        >>> clean_text('Moscow’s \\\\"red lines\\\\" cost \\\\$5bn')
        'Moscow’s "red lines" cost $5bn'
        >>> clean_text("Trade<br/>Energy", cell=True)
        'Trade; Energy'
        >>> clean_text("▪️ RussiaÕs view (Photo: Reuters) [3][5]")
        '▪ Russia’s view'
    """
    if _MOJIBAKE_RE.search(text):
        text = _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE[m.group(0)], text)
    if "Õ" in text:
        text = _MAC_APOSTROPHE.sub("’", text)
    if "<" in text:
        text = _BR.sub("; " if cell else " ", text)
        text = _HTML_TAG.sub(" ", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = _VARIATION.sub("", text)
    if "[" in text:
        text = _undo_links(text)
        text = _CITATION.sub("", text)
    if "*" in text or "__" in text:
        text = _undo_bold(text)
        text = _ITALIC.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    if "(" in text:
        text = _CAPTION.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    if cell:
        text = text.strip(" ;")
    return text


class _NextMatch:
    """Where ``pattern`` next matches in ``text`` at or after a position, asked in increasing order.

    The answer for one position holds for every position up to it, so a scan that asks
    again and again never reads a stretch of text twice: linear in ``text`` overall.

    Examples:
        >>> after = _NextMatch(re.compile("x"), "abxcdx")
        >>> after(0), after(1), after(3), after(6)
        (2, 2, 5, 6)
    """

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.asked = 0
        self.found = -1

    def __call__(self, position: int) -> int:
        """The start of the first match at or after ``position`` (``len(text)`` when none)."""
        if not self.asked <= position <= self.found:
            match = self.pattern.search(self.text, position)
            self.asked = position
            self.found = len(self.text) if match is None else match.start()
        return self.found


def _undo_links(text: str) -> str:
    """``[label](url)`` and ``![label](url)`` → ``label``: one pass, linear in ``text``.

    The label holds no ``]`` and no line break, the URL no ``)`` and no white space; spans
    are found leftmost first, as ``re.sub`` finds them.

    Examples:
        >>> _undo_links("See [the text](https://x.org/a) and ![photo](p.jpg) [1] [[a](b)")
        'See the text and photo [1] [a'
    """
    label_end = _NextMatch(_LINK_LABEL_END, text)
    target_end = _NextMatch(_LINK_TARGET_END, text)
    size = len(text)
    parts: list[str] = []
    done = position = 0
    while (bracket := text.find("[", position)) >= 0:
        close = label_end(bracket + 1)
        if close + 1 < size and text[close] == "]" and text[close + 1] == "(":
            end = target_end(close + 2)
            if end < size and text[end] == ")":
                start = bracket - 1 if bracket > position and text[bracket - 1] == "!" else bracket
                parts += (text[done:start], text[bracket + 1 : close])
                done = position = end + 1
                continue
        # every "[" before ``close`` ends its label there too, and fails the same way
        position = close
    parts.append(text[done:])
    return "".join(parts)


def _undo_bold(text: str) -> str:
    """``**bold**`` and ``__bold__`` → ``bold``: one pass, linear in ``text``.

    A span opens with ``**`` (or ``__`` not after a word character) before a non-space,
    and closes at the first ``**`` (``__`` not before a word character) after a non-space,
    at least one character later on the same line; spans are found leftmost first, as
    ``re.sub`` finds them.

    Examples:
        >>> _undo_bold("**Arms control** and __trade__ **a **b** snake_case_name__")
        'Arms control and trade a **b snake_case_name__'
    """
    opener = _NextMatch(_BOLD_OPEN, text)
    closers = [_NextMatch(pattern, text) for pattern in _BOLD_CLOSE]
    newline = _NextMatch(_NEWLINE, text)
    size = len(text)
    parts: list[str] = []
    done = position = 0
    while (start := opener(position)) < size:
        close = closers[text[start] == "_"](start + 3)
        if close < newline(start + 2):  # the span holds no line break
            parts += (text[done:start], text[start + 2 : close])
            done = position = close + 2
        else:
            position = start + 1
    parts.append(text[done:])
    return "".join(parts)


@dataclass(frozen=True)
class Block:
    """A run of source text: ``text == document.text[start:end]``; ``line`` is 1-based."""

    start: int
    end: int
    line: int
    text: str

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` character offsets into the normalised text."""
        return (self.start, self.end)

    @cached_property
    def plain(self) -> str:
        """The clean view of :attr:`text` (:func:`clean_text`): what extraction reads."""
        return clean_text(self.text)


@dataclass(frozen=True)
class Heading(Block):
    """A section heading; ``title`` is its clean text without markers.

    ``style`` says how it was recognised: ``atx`` (``#``), ``wiki`` (``== x ==``),
    ``bold``, ``caps`` (ALL CAPS), ``colon`` (ends in ``:``), ``question``,
    ``numbered`` (``1. Title`` followed by prose), ``emoji`` (an emoji prefix)
    or ``plain`` (a short Title Case line).
    """

    title: str = ""
    level: int = 2
    style: str = "plain"


@dataclass(frozen=True)
class Paragraph(Block):
    """A paragraph of prose: one source line, or a run of hard-wrapped lines."""


@dataclass(frozen=True)
class ListItem(Block):
    """One list item.

    ``content`` is the clean text of the item without its marker (continuation
    lines joined); ``label`` and ``description`` are set for ``Label: description``
    items (also ``**Label**:``, ``Label – description``…). ``marker`` is the
    source marker (``""`` for a list without markers) and ``depth`` the nesting
    level (0 for top-level items).
    """

    content: str = ""
    label: str | None = None
    description: str | None = None
    marker: str = ""
    depth: int = 0


@dataclass(frozen=True)
class ListBlock(Block):
    """A list and the sentence that introduces it (the paragraph just before, if any)."""

    items: tuple[ListItem, ...] = ()
    intro: Paragraph | None = None


@dataclass(frozen=True)
class Sentence(Block):
    """One sentence of a paragraph or list item (:mod:`kg.text.parse.sentences`).

    ``parent`` is the block it is part of and ``index`` its number there, from 1.
    """

    parent: Block | None = None
    index: int = 1


@dataclass(frozen=True)
class Row(Block):
    """A table row: its clean cell texts, padded to the header's width."""

    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table(Block):
    """A pipe table: header cells and body rows; ``intro`` is the paragraph before it.

    ``separator`` is false for a table recognised without a separator row
    (three or more pipe lines with the same number of cells).
    """

    header: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    header_line: int = 0
    intro: Paragraph | None = None
    separator: bool = True


@dataclass(frozen=True)
class Section:
    """A heading and the blocks under it (the lead section has no heading)."""

    heading: Heading | None
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str | None:
        """The heading's title, or ``None`` for the lead section."""
        return None if self.heading is None else self.heading.title


@dataclass(frozen=True)
class Metadata:
    """What a page says about itself (a saved web page's ``<meta>`` tags); all optional.

    ``authors`` as the page names them; ``date`` is ISO ``YYYY-MM-DD``; ``url`` is the
    page's canonical address.
    """

    authors: tuple[str, ...] = ()
    date: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Document:
    """A parsed article.

    ``title`` is the headline; ``headlines`` holds it and any further
    headline lines above the first paragraph; ``sections`` hold the body.
    ``warnings`` are ``(line, message)`` pairs for every input line that was
    skipped (noise, duplicate headlines) or read other than as written
    (ragged table rows, pipe lines that are not tables, nested list items).
    ``metadata`` is what the source says about itself (author, date, publisher, URL).
    """

    source: str
    text: str
    title: str
    headlines: tuple[Heading, ...]
    sections: tuple[Section, ...]
    warnings: tuple[tuple[int, str], ...] = field(default=())
    metadata: Metadata = field(default=Metadata())

    def blocks(self) -> Iterator[Block]:
        """All blocks in reading order, headlines first."""
        yield from self.headlines
        for section in self.sections:
            if section.heading is not None:
                yield section.heading
            yield from section.blocks
