"""Article text → :class:`~kg.document.Document` (headings, paragraphs, lists, tables).

The parser reads the plain-text/markdown shape of summit coverage: headline
lines, headings as plain Title-Case lines or ``#`` lines, ``-``/``*``/``•``/
``1.`` lists, and pipe tables with or without outer pipes (GFM rules: the
separator row must have as many cells as the header). It knows nothing of
RDF. Lines are split on ``\\n`` only, never with ``str.splitlines()`` (which
also splits on U+2028, U+0085 and friends inside a cell).

Examples:
    >>> doc = parse_article("Leaders Meet in Oslo\\nThe agenda covers:\\n- Trade: tariffs\\n")
    >>> doc.title
    'Leaders Meet in Oslo'
    >>> [type(b).__name__ for b in doc.sections[0].blocks]
    ['Paragraph', 'ListBlock']
    >>> doc.sections[0].blocks[1].items[0].label
    'Trade'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from kg.document import (
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
)
from kg.errors import LoaderError

__all__ = ["MINOR_WORDS", "normalise_text", "parse_article", "split_cells"]

_BULLET = re.compile(r"^[ \t]*(?:[-*+•▪◦‣]\ufe0f?|\d{1,2}[.)])[ \t]+(?P<body>\S.*)$")
_ATX_HEADING = re.compile(r"^[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<title>.+?)[ \t#]*$")
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")
_LABEL_SPLIT = re.compile(r"^(?P<label>[^:]{1,80}?):\s+(?P<desc>\S.*)$")
_SENTENCE_END = (".", "!", "?", ";", ",", ":", "…")
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "amid",
        "ahead",
        "about",
        "after",
        "among",
        "between",
    ]
)
_NOISE_PREFIXES = (
    "stay tuned",
    "stay connected",
    "skip to content",
    "share this",
    "related posts",
    "read the full article",
    "leave a reply",
    "©",
)
MAX_HEADING_WORDS = 15
MAX_HEADLINE_WORDS = 24


def normalise_text(text: str) -> str:
    """Drop a BOM, turn CRLF and lone CR into LF, and compose to Unicode NFC.

    Examples:
        >>> normalise_text("\\ufeffA\\r\\nB\\rC")
        'A\\nB\\nC'
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def split_cells(line: str) -> list[str]:
    """Split a pipe-table line into trimmed cells; ``\\|`` is a literal pipe.

    One optional leading and one optional trailing pipe are dropped.

    Examples:
        >>> split_cells("Topic | Focus |")
        ['Topic', 'Focus']
        >>> split_cells("| a \\\\| b | c |")
        ['a | b', 'c']
    """
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\" and i + 1 < len(line) and line[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    cells.append("".join(current))
    stripped = line.strip()
    if stripped.startswith("|"):
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        cells = cells[:-1]
    return [_clean_cell(cell) for cell in cells]


def _clean_cell(cell: str) -> str:
    return cell.replace("\u00a0", " ").strip()


def _has_pipe(line: str) -> bool:
    return "|" in line.replace("\\|", "")


def _is_separator(line: str) -> bool:
    if not _has_pipe(line) and not line.strip().startswith("-"):
        return False
    cells = split_cells(line)
    return bool(cells) and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in cells)


def _words(text: str) -> list[str]:
    return text.split()


def looks_like_heading(line: str, *, max_words: int = MAX_HEADING_WORDS) -> bool:
    """Whether a plain line reads as a heading: short, Title Case, no closing punctuation.

    Examples:
        >>> looks_like_heading("Summary and Outlook")
        True
        >>> looks_like_heading("The talks will cover trade.")
        False
    """
    stripped = line.strip()
    if not stripped or stripped.endswith(_SENTENCE_END) or _has_pipe(stripped):
        return False
    words = _words(stripped)
    if len(words) > max_words:
        return False
    significant = [w for w in words if w[0].isalpha() and w.lower() not in MINOR_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised / len(significant) >= 0.75


def _is_noise(line: str) -> bool:
    lowered = line.strip().lower()
    return lowered.startswith(_NOISE_PREFIXES)


@dataclass
class _Line:
    number: int
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class _Parser:
    def __init__(self, text: str, source: str):
        self.text = text
        self.source = source
        self.lines: list[_Line] = []
        offset = 0
        for number, raw in enumerate(text.split("\n"), start=1):
            self.lines.append(_Line(number, offset, raw))
            offset += len(raw) + 1
        self.warnings: list[tuple[int, str]] = []

    def block_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def parse(self) -> Document:
        blocks = self._blocks()
        if not blocks:
            raise LoaderError("no article text found (empty or noise only)", path=self.source)
        headlines: list[Heading] = []
        index = 0
        while index < len(blocks) and isinstance(blocks[index], Heading):
            heading = blocks[index]
            assert isinstance(heading, Heading)
            is_first = index == 0
            if not is_first and not _plain_heading_allowed_as_headline(blocks, index):
                break
            headlines.append(replace(heading, level=1))
            index += 1
        if not headlines:
            first = blocks[0]
            if isinstance(first, Paragraph) and len(_words(first.text)) <= MAX_HEADLINE_WORDS:
                headlines.append(
                    Heading(first.start, first.end, first.line, first.text, first.text, 1)
                )
                index = 1
        title = headlines[0].title if headlines else _first_words(blocks[0].text)
        sections = self._sections(blocks[index:])
        return Document(
            source=self.source,
            text=self.text,
            title=title,
            headlines=tuple(headlines),
            sections=tuple(sections),
            warnings=tuple(self.warnings),
        )

    def _sections(self, blocks: list[Block]) -> list[Section]:
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

    def _blocks(self) -> list[Block]:
        blocks: list[Block] = []
        i = 0
        lines = self.lines
        while i < len(lines):
            line = lines[i]
            stripped = line.text.strip()
            if not stripped:
                i += 1
                continue
            if _is_noise(stripped):
                i += 1
                continue
            if _has_pipe(line.text) and i + 1 < len(lines) and _is_separator(lines[i + 1].text):
                table, i = self._table(i, blocks)
                if table is not None:
                    blocks.append(table)
                continue
            if _BULLET.match(line.text):
                list_block, i = self._list(i, blocks)
                blocks.append(list_block)
                continue
            atx = _ATX_HEADING.match(line.text)
            if atx:
                blocks.append(
                    Heading(
                        line.start,
                        line.end,
                        line.number,
                        line.text,
                        title=atx.group("title").strip(),
                        level=len(atx.group("marks")),
                    )
                )
                i += 1
                continue
            max_words = MAX_HEADLINE_WORDS if not blocks else MAX_HEADING_WORDS
            if looks_like_heading(stripped, max_words=max_words) or not blocks:
                blocks.append(Heading(line.start, line.end, line.number, line.text, title=stripped))
            else:
                blocks.append(Paragraph(line.start, line.end, line.number, line.text))
            i += 1
        return blocks

    def _table(self, i: int, blocks: list[Block]) -> tuple[Table | None, int]:
        header_line = self.lines[i]
        header = split_cells(header_line.text)
        separator = split_cells(self.lines[i + 1].text)
        if len(separator) != len(header):
            self.warnings.append(
                (
                    header_line.number,
                    f"pipe line without a matching separator row ({len(header)} header cells, "
                    f"{len(separator)} separator cells): read as a paragraph",
                )
            )
            paragraph = Paragraph(
                header_line.start, header_line.end, header_line.number, header_line.text
            )
            blocks.append(paragraph)
            return None, i + 1
        rows: list[Row] = []
        j = i + 2
        while j < len(self.lines) and self.lines[j].text.strip() and _has_pipe(self.lines[j].text):
            line = self.lines[j]
            cells = split_cells(line.text)
            if len(cells) < len(header):
                self.warnings.append(
                    (line.number, f"table row has {len(cells)} cells, header has {len(header)}")
                )
                cells += [""] * (len(header) - len(cells))
            elif len(cells) > len(header):
                self.warnings.append(
                    (
                        line.number,
                        f"table row has {len(cells)} cells, header has {len(header)}: "
                        "extra cells ignored",
                    )
                )
                cells = cells[: len(header)]
            if not any(cells):
                self.warnings.append((line.number, "empty table row skipped"))
            else:
                rows.append(Row(line.start, line.end, line.number, line.text, cells=tuple(cells)))
            j += 1
        last = self.lines[j - 1]
        intro = blocks[-1] if blocks and isinstance(blocks[-1], Paragraph) else None
        table = Table(
            header_line.start,
            last.end,
            header_line.number,
            self.block_text(header_line.start, last.end),
            header=tuple(header),
            rows=tuple(rows),
            header_line=header_line.number,
            intro=intro,
        )
        return table, j

    def _list(self, i: int, blocks: list[Block]) -> tuple[ListBlock, int]:
        items: list[ListItem] = []
        j = i
        while j < len(self.lines):
            line = self.lines[j]
            match = _BULLET.match(line.text)
            if not match:
                break
            body = match.group("body").strip()
            content_start = line.start + match.start("body")
            content = self.text[content_start : line.end].rstrip()
            label, description = _split_label(body)
            items.append(
                ListItem(
                    line.start,
                    line.end,
                    line.number,
                    line.text,
                    content=content,
                    label=label,
                    description=description,
                )
            )
            j += 1
        first, last = self.lines[i], self.lines[j - 1]
        intro = blocks[-1] if blocks and isinstance(blocks[-1], Paragraph) else None
        return (
            ListBlock(
                first.start,
                last.end,
                first.number,
                self.block_text(first.start, last.end),
                items=tuple(items),
                intro=intro,
            ),
            j,
        )


def _plain_heading_allowed_as_headline(blocks: list[Block], index: int) -> bool:
    """A second heading line right after the headline is a sub-headline when prose follows."""
    heading = blocks[index]
    if heading.text.lstrip().startswith("#"):
        return False
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return isinstance(following, Paragraph)


def _split_label(body: str) -> tuple[str | None, str | None]:
    """``"Trade: tariffs"`` → ``("Trade", "tariffs")``; plain sentences give ``(None, None)``."""
    match = _LABEL_SPLIT.match(body)
    if not match:
        return None, None
    label = match.group("label").strip()
    if not 1 <= len(label.split()) <= 6 or label.endswith("."):
        return None, None
    return label, match.group("desc").strip()


def _first_words(text: str, count: int = 12) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def parse_article(text: str, *, source: str = "<text>") -> Document:
    """Parse article text into a :class:`Document`.

    The text is normalised first (:func:`normalise_text`); offsets index the
    normalised text.

    Raises:
        LoaderError: the text holds no article (empty, whitespace or noise only).
    """
    normalised = normalise_text(text)
    if not normalised.strip():
        raise LoaderError("empty article: no text to read", path=source)
    return _Parser(normalised, source).parse()
