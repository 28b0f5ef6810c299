"""Normalised article text → blocks → a :class:`~kg.text.document.Document`.

The block reader walks the :class:`~kg.text.parse.cursor.Cursor` and, at each
line, asks the readers in :data:`READERS` in turn; the first that moves the
cursor has read the line (and maybe more). In order:

1. a blank line or a thematic break: skipped;
2. a pipe line over a separator row: a GFM table (:mod:`.tables`);
3. a widget title glued to a line ("More ShortsSecurity guarantees"): the title
   skipped with a warning, the rest read as a heading or a paragraph;
   page furniture (:mod:`.noise`, captions and agency credits judged on the
   source line): skipped with a warning naming the line and its kind;
4. a separator row without a header: skipped with a warning;
5. three or more pipe lines with the same number of cells: a bare table;
6. a list marker (unless it numbers a heading): a list (:mod:`.lists`);
7. after an intro that asks for one, a list without markers;
8. anything else: a heading (:mod:`.headings`, also a short sentence-case
   line with prose after it) or a paragraph; a hard-wrapped line goes on with the
   paragraph above it (:mod:`.wrapping`).

The document then takes its headlines from the first blocks and groups the
rest into sections, one per heading.

Examples:
    >>> doc = read_document(Cursor("Leaders Meet\\nThe talks began.\\n\\nShare this", "<text>"))
    >>> doc.title, [type(b).__name__ for b in doc.sections[0].blocks], doc.warnings
    ('Leaders Meet', ['Paragraph'], ((4, 'skipped as noise (share bar): Share this'),))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.errors import LoaderError
from kg.text.budget import check_budget
from kg.text.document import Block, Document, Heading, Paragraph, Section, clean_text
from kg.text.parse.cursor import Cursor, Line
from kg.text.parse.headings import (
    MAX_HEADING_WORDS,
    MAX_HEADLINE_WORDS,
    MEMO_FIELD,
    document_title,
    heading_of,
    heading_title,
    is_caps,
    is_subject_field,
    numbered_heading,
    read_headlines,
    sentence_heading,
)
from kg.text.parse.lists import expects_list, read_list, read_unmarked_list
from kg.text.parse.noise import credit_kind, glued_widget, noise_kind
from kg.text.parse.tables import has_pipe, is_separator, read_bare_table, read_gfm_table
from kg.text.parse.wrapping import joined, wrapped_here, wraps

__all__ = ["READERS", "Reader", "group_sections", "memo_subject", "read_blocks", "read_document"]

Reader = Callable[[Cursor, Sequence[Block]], Block | None]
"""A reader: looks at the cursor's line (and the blocks read so far) and either leaves
the cursor where it was (not its construct) or moves it past what it read, returning
the block it made, if any."""


def read_document(cursor: Cursor) -> Document:
    """The document of the cursor's text: headlines, title, sections and warnings.

    Raises:
        LoaderError: the text holds no block (noise only).
    """
    blocks = read_blocks(cursor)
    if not blocks:
        raise LoaderError("no article text found (empty or noise only)", path=cursor.source)
    headlines, index = read_headlines(cursor, blocks)
    title = document_title(headlines) if headlines else _first_words(blocks[0].plain)
    subject = memo_subject(blocks[index : index + _MEMO_FIELDS])
    masthead = all(is_caps(h.title) or MEMO_FIELD.match(h.title) for h in headlines)
    if subject is not None and masthead:
        # "BRIEFING NOTE" (or the header's first field, "To: …") … "Subject: IGAD summit on
        # Sudan": the subject
        title = subject
    return Document(
        source=cursor.source,
        text=cursor.text,
        title=title,
        headlines=headlines,
        sections=tuple(group_sections(blocks[index:])),
        warnings=tuple(sorted(cursor.warnings, key=lambda w: w[0])),
    )


_MEMO_FIELDS = 8
"""How many blocks after the headlines a memo's header fields may take."""


def memo_subject(blocks: Sequence[Block]) -> str | None:
    """The subject a memo's header gives ("Subject: IGAD summit on Sudan, Djibouti"), if any.

    Examples:
        >>> memo_subject([Paragraph(0, 9, 1, "To: Unit"), Paragraph(10, 30, 2, "Re: Oslo talks")])
        'Oslo talks'
    """
    for block in blocks:
        if not isinstance(block, Paragraph):
            return None
        field = MEMO_FIELD.match(block.plain)
        if field is None:
            return None
        if is_subject_field(field):
            return field.group("value").strip()
    return None


def read_blocks(cursor: Cursor) -> list[Block]:
    """Every block of the text from the cursor on, in order.

    Examples:
        >>> [type(b).__name__ for b in read_blocks(Cursor("Talks\\n---\\n- Trade", "<text>"))]
        ['Heading', 'ListBlock']
    """
    blocks: list[Block] = []
    while not cursor.done:
        check_budget()
        start = cursor.pos
        for reader in READERS:
            block = reader(cursor, blocks)
            if block is not None:
                if type(block) is Paragraph and blocks and wraps(cursor, blocks[-1], block):
                    blocks[-1] = joined(cursor, blocks[-1], block)
                else:
                    blocks.append(block)
            if cursor.pos != start:
                break
    return blocks


# --- the readers, in the order they are asked ---------------------------------------------


def _skip_blank(cursor: Cursor, blocks: Sequence[Block]) -> None:
    """A blank line or a thematic break (markup, not content)."""
    if cursor.line.blank or cursor.line.rule:
        cursor.pos += 1


def _gfm_table(cursor: Cursor, blocks: Sequence[Block]) -> Block | None:
    """A pipe line over a separator row: a GFM table."""
    following = cursor.peek()
    if has_pipe(cursor.line.text) and following is not None and is_separator(following.text):
        return read_gfm_table(cursor, blocks)
    return None


def _glued_widget(cursor: Cursor, blocks: Sequence[Block]) -> Block | None:
    """A widget title glued to a line: the title skipped (warned), the rest read on its own."""
    line = cursor.line
    title = glued_widget(line.text)
    if title is None:
        return None
    cut = line.indent + len(title)
    cursor.warn(line.number, f"skipped as noise (widget title glued to the next line): {title}")
    rest = line.text[cut:]
    return _heading_or_paragraph_of(
        cursor, Line(line.number, line.start + cut, rest, clean_text(rest)), blocks
    )


def _skip_noise(cursor: Cursor, blocks: Sequence[Block]) -> None:
    """A byline, share bar, advert, caption…: skipped with a warning naming the line."""
    line = cursor.line
    kind = noise_kind(line.clean) or credit_kind(line.text)
    if kind is not None:
        cursor.warn(line.number, f"skipped as noise ({kind}): {_preview(line.clean)}")
        cursor.pos += 1
        if kind == "related" and len(line.clean.split()) <= _RELATED_TITLE_WORDS:
            _skip_related_links(cursor)


_RELATED_TITLE_WORDS = 4
"""The longest "Related coverage" title whose following list is a list of links."""


def _skip_related_links(cursor: Cursor) -> None:
    """The list of links under a "Related coverage" title: each item skipped, warned."""
    while not cursor.done and cursor.line.bullet:
        line = cursor.line
        cursor.warn(line.number, f"skipped as noise (related link): {_preview(line.clean)}")
        cursor.pos += 1


def _skip_stray_separator(cursor: Cursor, blocks: Sequence[Block]) -> None:
    """A separator row with no header line above it."""
    line = cursor.line
    if is_separator(line.text) and has_pipe(line.text):
        cursor.warn(line.number, "table separator row without a header above it: skipped")
        cursor.pos += 1


def _bare_table(cursor: Cursor, blocks: Sequence[Block]) -> Block | None:
    """Pipe lines without a separator row: a table when three or more agree."""
    return read_bare_table(cursor, blocks) if has_pipe(cursor.line.text) else None


def _marked_list(cursor: Cursor, blocks: Sequence[Block]) -> Block | None:
    """A line with a list marker, unless it numbers a heading."""
    if cursor.line.bullet and not numbered_heading(cursor, cursor.pos):
        return read_list(cursor, blocks)
    return None


def _unmarked_list(cursor: Cursor, blocks: Sequence[Block]) -> Block | None:
    """Lines without markers after an intro that asks for a list."""
    if not cursor.line.bullet and blocks and expects_list(blocks[-1]):
        return read_unmarked_list(cursor, blocks)
    return None


def _heading_or_paragraph(cursor: Cursor, blocks: Sequence[Block]) -> Block:
    """The line as a heading when it reads as one, else as a paragraph.

    The first block is a heading whatever it looks like (the headline rules
    decide later), and a numbered line that reached here heads prose.
    """
    return _heading_or_paragraph_of(cursor, cursor.line, blocks)


def _heading_or_paragraph_of(cursor: Cursor, line: Line, blocks: Sequence[Block]) -> Block:
    """Line ``line`` (at the cursor, maybe a part of it) as a heading or a paragraph."""
    index = cursor.pos
    cursor.pos += 1
    bullet = line.bullet
    heading: tuple[str, str, int] | None
    if blocks and not bullet and wrapped_here(cursor, index, blocks):
        return Paragraph(line.start, line.end, line.number, line.text)  # hard-wrapped prose
    if bullet:  # "1. Financial Coverage Alignment" followed by prose
        heading = (heading_title(bullet.group("body") or ""), "numbered", 2)
    else:
        max_words = MAX_HEADLINE_WORDS if not blocks else MAX_HEADING_WORDS
        heading = heading_of(line, max_words=max_words)
        if heading is None and blocks:
            heading = sentence_heading(cursor, index, line)
    if heading is None and not blocks:
        heading = (line.clean, "plain", 1)
    if heading is not None:
        title, style, level = heading
        return Heading(line.start, line.end, line.number, line.text, title, level, style=style)
    if has_pipe(line.text):
        cursor.warn(
            line.number,
            "line has pipes but is not a table (no separator row and fewer than "
            "three lines with the same number of cells): read as a paragraph",
        )
    return Paragraph(line.start, line.end, line.number, line.text)


READERS: tuple[Reader, ...] = (
    _skip_blank,
    _gfm_table,
    _glued_widget,
    _skip_noise,
    _skip_stray_separator,
    _bare_table,
    _marked_list,
    _unmarked_list,
    _heading_or_paragraph,
)
"""The block readers, in the order they are asked at each line."""


# --- sections -----------------------------------------------------------------------------


def group_sections(blocks: Sequence[Block]) -> list[Section]:
    """The blocks grouped under their headings (a first section may have none)."""
    sections: list[Section] = []
    heading: Heading | None = None
    current: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            if heading is not None or current:
                sections.append(Section(heading, tuple(current)))
            heading, current = block, []
        else:
            current.append(block)
    if heading is not None or current:
        sections.append(Section(heading, tuple(current)))
    return sections


def _preview(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _first_words(text: str, count: int = 12) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
