"""Article text → :class:`~kg.text.document.Document` (headings, paragraphs, lists, tables).

The parser reads summit coverage as it is really written: one paragraph per
line, headings as plain Title Case lines, ``#``/``== x ==`` lines, whole bold
lines, ALL CAPS lines, lines ending in a colon, questions, emoji-prefixed
lines and numbered lines followed by prose;
lists with ``-``, ``*``, ``•``, ``▪️``, ``1.``, ``1)``, ``1:`` markers or none
(after an intro that ends in a colon), a marker alone on its line,
continuation lines and blank lines between items; pipe tables with or without
outer pipes, with a separator row (GFM) or without one when at least three
lines have the same number of cells. Noise (bylines, share bars, breadcrumbs,
adverts, "Related", footers) is skipped with a warning naming its line.

Classification reads each line's clean view (:func:`kg.text.document.clean_text`);
blocks keep the exact source text and its offsets into the normalised text.
Lines are split on ``\\n`` only, never with ``str.splitlines()`` (which also
splits on U+2028, U+0085 and friends inside a cell).

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

import difflib
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.errors import LoaderError
from kg.text.document import (
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
    clean_text,
)
from kg.text.lexicon import MINOR_WORDS

__all__ = [
    "looks_like_heading",
    "noise_kind",
    "normalise_text",
    "parse_article",
    "split_cells",
    "split_label",
]

_BULLET_MARKS = "-*+•◦‣▪▫●○■□►▶➤–✓✔✅☑→➡👉🔹🔸🔷🔶"
_MARKER = rf"(?:[{re.escape(_BULLET_MARKS)}]\ufe0f?|\d{{1,2}}[.):]|\(\d{{1,2}}\)|\([a-z]\)|[a-z]\))"
_BULLET = re.compile(rf"^(?P<indent>[ \t]*)(?P<marker>{_MARKER})(?:[ \t]+(?P<body>\S.*))?$")
_NUMERIC_MARKER = re.compile(r"^\(?\d{1,2}[.):]?\)?$")
_ATX_HEADING = re.compile(r"^[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<title>.+?)[ \t#]*$")
_WIKI_HEADING = re.compile(
    r"^[ \t]*(?P<marks>={2,6})[ \t]*(?P<title>[^=].*?)[ \t]*(?P=marks)[ \t]*$"
)
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*(?P<a>[^*]+?)\*\*|__(?P<b>[^_]+?)__)[ \t]*:?[ \t]*$")
_BOLD_LABEL = re.compile(
    r"^(?:\*\*(?P<a>[^*]{1,80}?)\*\*|__(?P<b>[^_]{1,80}?)__)[ \t]*(?P<rest>.*)$"
)
_HRULE = re.compile(r"^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_SEPARATOR_CELL = re.compile(r"^:?[-—–]+:?$")
_PIPE_OR_ESCAPE = re.compile(r"\\.|\|", re.DOTALL)
_COLON_SPLIT = re.compile(r"^(?P<label>[^:]{1,80}?):\s+(?P<desc>\S.*)$")
_DASH_SPLITS = (
    re.compile(r"^(?P<label>.{1,80}?)\s+–\s+(?P<desc>\S.*)$"),
    re.compile(r"^(?P<label>.{1,80}?)\s+—\s+(?P<desc>\S.*)$"),
    re.compile(r"^(?P<label>.{1,80}?)\s+-\s+(?P<desc>\S.*)$"),
)
_SENTENCE_END = (".", "!", "?", ";", ",", ":", "…")
# an item line ending like this runs on to the next line ("; and" and "," end items)
_CONNECTIVE_END = re.compile(
    r"(?:[(–—-]|(?<![;,])\s(?:and|or)|\b(?:of|the|to|for|with|in|on|a|an|by|from|between))$",
    re.IGNORECASE,
)
MAX_HEADING_WORDS = 15
MAX_HEADLINE_WORDS = 24
MAX_UNMARKED_ITEM_WORDS = 40
_LIST_HEADING_CUES = re.compile(
    r"\b(takeaways?|key points|highlights|key facts|quick facts|at a glance|in brief|"
    r"bullet points|main points|in short|tl;?dr)\b",
    re.IGNORECASE,
)
_TWO_SENTENCES = re.compile(r"[.!?]\s+[A-Z]")

# --- noise --------------------------------------------------------------------------------

_NOISE_EXACT = {
    "advertisement": "advert",
    "advertisements": "advert",
    "sponsored": "advert",
    "sponsored content": "advert",
    "ad": "advert",
    "comments": "comments",
    "latest": "navigation",
    "latest news": "navigation",
    "trending": "navigation",
    "hot posts": "navigation",
    "top stories": "navigation",
    "menu": "navigation",
    "search": "navigation",
    "home": "navigation",
    "share": "share bar",
    "share this": "share bar",
    "related": "related",
    "tags": "related",
    "print": "share bar",
    "listen": "share bar",
    "subscribe": "advert",
    "cancel reply": "comments",
    "website": "comments",
}
_NOISE_PREFIXES = (
    ("stay tuned", "footer"),
    ("stay connected", "footer"),
    ("skip to content", "navigation"),
    ("skip to main", "navigation"),
    ("jump to", "navigation"),
    ("browsing:", "navigation"),
    ("share this", "share bar"),
    ("share on ", "share bar"),
    ("share:", "share bar"),
    ("related:", "related"),
    ("related posts", "related"),
    ("related articles", "related"),
    ("related stories", "related"),
    ("related coverage", "related"),
    ("related news", "related"),
    ("related reading", "related"),
    ("read also", "related"),
    ("also read", "related"),
    ("read more", "related"),
    ("see also:", "related"),
    ("you may also like", "related"),
    ("recommended for you", "related"),
    ("more from ", "related"),
    ("read the full article", "footer"),
    ("read the full story", "footer"),
    ("leave a reply", "comments"),
    ("leave a comment", "comments"),
    ("your email address will not be published", "comments"),
    ("save my name, email", "comments"),
    ("reference:", "footer"),
    ("references:", "footer"),
    ("reference(s):", "footer"),
    ("source:", "footer"),
    ("sources:", "footer"),
    ("©", "footer"),
    ("(c) 20", "footer"),
    ("copyright", "footer"),
    ("all rights reserved", "footer"),
    ("tags:", "related"),
    ("filed under", "related"),
    ("follow us", "share bar"),
    ("sign up for", "advert"),
    ("subscribe to", "advert"),
    ("continue reading", "advert"),
    ("story continues below", "advert"),
    ("scroll to continue", "advert"),
    ("click here", "advert"),
    ("listen to this article", "share bar"),
    ("updated:", "byline"),
    ("published:", "byline"),
    ("posted on", "byline"),
    ("posted:", "byline"),
    ("last updated", "byline"),
    ("photo:", "caption"),
    ("photo credit", "caption"),
    ("image:", "caption"),
    ("image credit", "caption"),
    ("file photo", "caption"),
    ("(photo", "caption"),
    ("(image", "caption"),
    ("(ap photo", "caption"),
)
_NOISE_PREFIX_STRINGS = tuple(prefix for prefix, _ in _NOISE_PREFIXES)
_SHARE_SEPARATOR = re.compile(r"\s*[|•·,/]\s*|\s+")
_SOCIAL = frozenset(
    "facebook twitter x linkedin whatsapp telegram reddit email e-mail print pinterest "
    "tumblr messenger flipboard share copy link threads bluesky mastodon instagram youtube "
    "tiktok rss".split()
)
_BYLINE = re.compile(r"^by\s+\S+(?:\s+\S+){0,4}?\s*(?:$|[|•·]|[–—]\s*\w)", re.IGNORECASE)
_BYLINE_NAME = re.compile(r"^[Bb][Yy]\s+[A-Z]")
_READING_TIME = re.compile(r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_CRAWLER_DATE = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?:[\s,]+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
_BREADCRUMB_SEP = re.compile(r"\s*(?:›|»|→|>|/|\\)\s*")
_TICKER = re.compile(
    r"\b[A-Z]{2,6}(?:/[A-Z]{2,6})?\s*[$€£]?\d[\d,.]*\s*[▲▼+\-−]?\s*\d*[.,]?\d*\s*%"
)


def noise_kind(line: str) -> str | None:
    """What kind of page furniture a (clean) line is, or ``None`` for content.

    Examples:
        >>> noise_kind("By Jane Roe | Updated Aug 3, 2025 | 5 min read")
        'byline'
        >>> noise_kind("Facebook | X | LinkedIn")
        'share bar'
        >>> noise_kind("HOME › WORLD › EUROPE")
        'breadcrumb'
        >>> noise_kind("By Friday, the talks will have ended.") is None
        True
    """
    text = line.strip()
    if not text:
        return None
    lowered = text.lower()
    bare = lowered.strip(" .:!|•·-–—*#")
    if bare in _NOISE_EXACT:
        return _NOISE_EXACT[bare]
    if lowered.startswith(_NOISE_PREFIX_STRINGS):
        for prefix, kind in _NOISE_PREFIXES:
            if lowered.startswith(prefix):
                return kind
    words = text.split()
    if "all rights reserved" in lowered:
        return "footer"
    if len(words) <= 24 and _READING_TIME.search(text):
        return "byline"
    if _BYLINE_NAME.match(text) and len(words) <= 14 and _BYLINE.match(text):
        return "byline"
    if _CRAWLER_DATE.match(text) or _DATE_LINE.match(text):
        return "date line"
    tokens = [t for t in _SHARE_SEPARATOR.split(lowered) if t]
    if len(tokens) >= 2 and all(t.strip(":") in _SOCIAL for t in tokens):
        return "share bar"
    if len(words) <= 14 and ("›" in text or "»" in text):
        parts = [p for p in _BREADCRUMB_SEP.split(text) if p]
        if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts):
            return "breadcrumb"
    if len(words) <= 10 and lowered.startswith("home") and _BREADCRUMB_SEP.search(text):
        parts = [p for p in _BREADCRUMB_SEP.split(text) if p]
        if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts):
            return "breadcrumb"
    if len(_TICKER.findall(text)) >= 2:
        return "ticker"
    return None


# --- text and cells -----------------------------------------------------------------------


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


def _has_pipe(line: str) -> bool:
    return "|" in line and len(_split_at_pipes(line)) > 1


@lru_cache(maxsize=4096)
def _is_separator(line: str) -> bool:
    stripped = line.strip()
    if not stripped or (not _has_pipe(stripped) and not stripped.startswith(("-", ":"))):
        return False
    cells = _cells(stripped)
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


def _is_caps(text: str) -> bool:
    """At least four cased letters, none of them lower case (stops at the first that is)."""
    upper = 0
    for char in text:
        if char.isalpha():
            if char.islower():
                return False
            if char.isupper():
                upper += 1
    return upper >= 4


def _strip_symbol_prefix(text: str) -> tuple[str, bool]:
    """``"📌 Key Facts"`` → ``("Key Facts", True)``: drop leading emoji and symbols."""
    i = 0
    while i < len(text) and (
        unicodedata.category(text[i]) in ("So", "Sk", "Cf", "Mn") or text[i] in " \u200d"
    ):
        i += 1
    if i == 0 or i == len(text):
        return text, False
    return text[i:].strip(), True


def split_label(body: str) -> tuple[str | None, str | None]:
    """Split a list item into ``(label, description)``; plain sentences give ``(None, None)``.

    Tried in order: ``**L**:``/``**L:**`` (on the source), ``L: ``, ``L – ``,
    ``L — ``, ``L - ``. Only a label of 1–6 words without a final stop counts.

    Examples:
        >>> split_label("Trade: tariffs")
        ('Trade', 'tariffs')
        >>> split_label("**Energy security** – pipelines and grids")
        ('Energy security', 'pipelines and grids')
        >>> split_label("Declining cod stocks in the Barents Sea")
        (None, None)
    """
    bold = _BOLD_LABEL.match(body.strip())
    if bold:
        label = clean_text(bold.group("a") or bold.group("b") or "").rstrip(":").strip()
        rest = clean_text(bold.group("rest")).lstrip(":–—- ").strip()
        if label and rest and _label_ok(label):
            return label, rest
    clean = clean_text(body)
    for pattern in (_COLON_SPLIT, *_DASH_SPLITS):
        match = pattern.match(clean)
        if match:
            label = match.group("label").strip()
            if _label_ok(label):
                return label, match.group("desc").strip()
            if pattern is _COLON_SPLIT:
                return None, None
    return None, None


def _label_ok(label: str) -> bool:
    return 1 <= len(label.split()) <= 6 and not label.endswith(".")


@dataclass
class _Line:
    number: int
    start: int
    text: str
    clean: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.clean

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))


class _Parser:
    def __init__(self, text: str, source: str):
        self.text = text
        self.source = source
        self.lines: list[_Line] = []
        offset = 0
        for number, raw in enumerate(text.split("\n"), start=1):
            self.lines.append(_Line(number, offset, raw, clean_text(raw)))
            offset += len(raw) + 1
        self.warnings: list[tuple[int, str]] = []

    def warn(self, line: int, message: str) -> None:
        self.warnings.append((line, message))

    def block_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    # --- the document -----------------------------------------------------------------

    def parse(self) -> Document:
        blocks = self._blocks()
        if not blocks:
            raise LoaderError("no article text found (empty or noise only)", path=self.source)
        headlines: list[Heading] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if headlines and _is_duplicate_title(block, headlines):
                self.warn(block.line, "duplicate of the headline: skipped")
                index += 1
                continue
            if not isinstance(block, Heading):
                break
            if headlines and not _plain_heading_allowed_as_headline(blocks, index):
                break
            headlines.append(replace(block, level=1))
            index += 1
        if not headlines:
            first = blocks[0]
            if isinstance(first, Paragraph) and len(_words(first.text)) <= MAX_HEADLINE_WORDS:
                headlines.append(
                    Heading(first.start, first.end, first.line, first.text, first.plain, 1)
                )
                index = 1
        title = headlines[0].title if headlines else _first_words(blocks[0].plain)
        sections = self._sections(blocks[index:])
        return Document(
            source=self.source,
            text=self.text,
            title=title,
            headlines=tuple(headlines),
            sections=tuple(sections),
            warnings=tuple(sorted(self.warnings, key=lambda w: w[0])),
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

    # --- blocks ------------------------------------------------------------------------

    def _blocks(self) -> list[Block]:
        blocks: list[Block] = []
        i = 0
        lines = self.lines
        while i < len(lines):
            line = lines[i]
            if line.blank:
                i += 1
                continue
            if _HRULE.match(line.text):
                i += 1  # a thematic break is markup, not content
                continue
            if _has_pipe(line.text) and i + 1 < len(lines) and _is_separator(lines[i + 1].text):
                table, i = self._gfm_table(i, blocks)
                if table is not None:
                    blocks.append(table)
                continue
            kind = noise_kind(line.clean)
            if kind is not None:
                self.warn(line.number, f"skipped as noise ({kind}): {_preview(line.clean)}")
                i += 1
                continue
            if _is_separator(line.text) and _has_pipe(line.text):
                self.warn(line.number, "table separator row without a header above it: skipped")
                i += 1
                continue
            if _has_pipe(line.text):
                table, end = self._bare_table(i, blocks)
                if table is not None:
                    blocks.append(table)
                    i = end
                    continue
            bullet = _BULLET.match(line.text)
            if bullet and not self._numbered_heading(i):
                list_block, i = self._list(i, blocks)
                if list_block is not None:
                    blocks.append(list_block)
                continue
            if not bullet and blocks and self._expects_list(blocks[-1]):
                list_block, end = self._unmarked_list(i, blocks)
                if list_block is not None:
                    blocks.append(list_block)
                    i = end
                    continue
            max_words = MAX_HEADLINE_WORDS if not blocks else MAX_HEADING_WORDS
            if bullet:  # "1. Financial Coverage Alignment" followed by prose
                heading: tuple[str, str, int] | None = (
                    _heading_title(bullet.group("body") or ""),
                    "numbered",
                    2,
                )
            else:
                heading = _heading_of(line, max_words=max_words)
            if heading is None and not blocks:
                heading = (line.clean, "plain", 1)
            if heading is not None:
                title, style, level = heading
                blocks.append(
                    Heading(line.start, line.end, line.number, line.text, title, level, style=style)
                )
            else:
                if _has_pipe(line.text):
                    self.warn(
                        line.number,
                        "line has pipes but is not a table (no separator row and fewer than "
                        "three lines with the same number of cells): read as a paragraph",
                    )
                blocks.append(Paragraph(line.start, line.end, line.number, line.text))
            i += 1
        return blocks

    # --- tables ------------------------------------------------------------------------

    def _gfm_table(self, i: int, blocks: list[Block]) -> tuple[Table | None, int]:
        header_line = self.lines[i]
        header = split_cells(header_line.text)
        separator = split_cells(self.lines[i + 1].text)
        if len(separator) != len(header):
            self.warn(
                header_line.number,
                f"pipe line without a matching separator row ({len(header)} header cells, "
                f"{len(separator)} separator cells): read as a paragraph",
            )
            paragraph = Paragraph(
                header_line.start, header_line.end, header_line.number, header_line.text
            )
            blocks.append(paragraph)
            return None, i + 1
        rows: list[Row] = []
        j = i + 2
        while j < len(self.lines) and not self.lines[j].blank and _has_pipe(self.lines[j].text):
            line = self.lines[j]
            if _starts_next_table(self.lines, j, header_line):
                break
            j += 1
            if _is_separator(line.text):
                self.warn(line.number, "second separator row inside a table: skipped")
                continue
            cells = split_cells(line.text)
            if len(cells) < len(header):
                self.warn(
                    line.number, f"table row has {len(cells)} cells, header has {len(header)}"
                )
                cells += [""] * (len(header) - len(cells))
            elif len(cells) > len(header):
                self.warn(
                    line.number,
                    f"table row has {len(cells)} cells, header has {len(header)}: "
                    "extra cells ignored",
                )
                cells = cells[: len(header)]
            row = self._row(line, cells, header)
            if row is not None:
                rows.append(row)
        return self._make_table(header_line, self.lines[j - 1], header, rows, blocks, True), j

    def _bare_table(self, i: int, blocks: list[Block]) -> tuple[Table | None, int]:
        """Three or more pipe lines with the same number of cells and no separator row."""
        header_line = self.lines[i]
        header = split_cells(header_line.text)
        if len(header) < 2:
            return None, i
        j = i + 1
        while j < len(self.lines):
            line = self.lines[j]
            if line.blank or not _has_pipe(line.text) or _is_separator(line.text):
                break
            if len(split_cells(line.text)) != len(header):
                break
            if _starts_next_table(self.lines, j, header_line):
                break
            j += 1
        if j - i < 3:
            return None, i
        rows = [
            row
            for line in self.lines[i + 1 : j]
            if (row := self._row(line, split_cells(line.text), header)) is not None
        ]
        return self._make_table(header_line, self.lines[j - 1], header, rows, blocks, False), j

    def _row(self, line: _Line, cells: list[str], header: list[str]) -> Row | None:
        if not any(cells):
            self.warn(line.number, "empty table row skipped")
            return None
        if [c.casefold() for c in cells] == [h.casefold() for h in header]:
            self.warn(line.number, "repeated header row skipped")
            return None
        return Row(line.start, line.end, line.number, line.text, cells=tuple(cells))

    def _make_table(
        self,
        header_line: _Line,
        last: _Line,
        header: list[str],
        rows: list[Row],
        blocks: list[Block],
        separator: bool,
    ) -> Table:
        intro = blocks[-1] if blocks and isinstance(blocks[-1], Paragraph) else None
        if not rows:
            self.warn(header_line.number, "table header without rows: no claims from it")
        return Table(
            header_line.start,
            last.end,
            header_line.number,
            self.block_text(header_line.start, last.end),
            header=tuple(header),
            rows=tuple(rows),
            header_line=header_line.number,
            intro=intro,
            separator=separator,
        )

    # --- lists -------------------------------------------------------------------------

    def _next_nonblank(self, j: int) -> int | None:
        while j < len(self.lines) and self.lines[j].blank:
            j += 1
        return j if j < len(self.lines) else None

    def _numbered_heading(self, i: int) -> bool:
        """``1. Financial Coverage Alignment`` followed by prose is a heading, not an item."""
        match = _BULLET.match(self.lines[i].text)
        if not match or not match.group("body") or not _NUMERIC_MARKER.match(match.group("marker")):
            return False
        body = clean_text(match.group("body"))
        titled = looks_like_heading(body, max_words=12) or _is_caps(body)
        if not titled and not (body.endswith("?") and looks_like_heading(body[:-1], max_words=12)):
            return False
        previous = i - 1
        while previous >= 0 and self.lines[previous].blank:
            previous -= 1
        before = _BULLET.match(self.lines[previous].text) if previous >= 0 else None
        if (before and _NUMERIC_MARKER.match(before.group("marker"))) or (
            previous >= 0 and self.lines[previous].indent > 0 and not before
        ):
            return False  # the last item of a numbered list, not a heading
        following = self._next_nonblank(i + 1)
        if following is None:
            return False
        nxt = self.lines[following]
        if _BULLET.match(nxt.text) or _has_pipe(nxt.text) or noise_kind(nxt.clean):
            return False
        if following > i + 1 or nxt.indent == 0:
            return _heading_of(nxt, max_words=MAX_HEADING_WORDS) is None
        return False

    def _is_continuation(self, previous: _Line, line: _Line, item_indent: int) -> bool:
        if line.blank or _BULLET.match(line.text) or _has_pipe(line.text):
            return False
        if _HRULE.match(line.text) or noise_kind(line.clean):
            return False
        if line.indent > item_indent:
            return True
        first = line.clean[:1]
        if first.islower():
            return True
        return bool(_CONNECTIVE_END.search(previous.clean))

    def _list(self, i: int, blocks: list[Block]) -> tuple[ListBlock | None, int]:
        items: list[ListItem] = []
        base_indent: int | None = None
        j = i
        while j < len(self.lines):
            line = self.lines[j]
            match = _BULLET.match(line.text)
            if not match:
                if line.blank:
                    following = self._next_nonblank(j)
                    nxt = (
                        _BULLET.match(self.lines[following].text) if following is not None else None
                    )
                    if (
                        following is not None
                        and items
                        and nxt is not None
                        and _family(nxt.group("marker")) == _family(items[-1].marker)
                        and not self._numbered_heading(following)
                    ):
                        j = following
                        continue
                break
            indent = len(match.group("indent").expandtabs(4))
            if base_indent is None:
                base_indent = indent
            depth = 0
            if indent > base_indent + 1:
                depth = 1 + (indent - base_indent - 2) // 2
                self.warn(
                    line.number,
                    f"nested list item (depth {depth}): kept as an item of the enclosing list, "
                    "with no claim of its own",
                )
            marker = match.group("marker")
            first, last = line, line
            k = j + 1
            if match.group("body") is None:
                # a marker alone on its line: the item is on the next line
                if (
                    k < len(self.lines)
                    and not self.lines[k].blank
                    and not _BULLET.match(self.lines[k].text)
                ):
                    last = self.lines[k]
                    k += 1
                if last is line:
                    self.warn(line.number, "list marker without text: skipped")
                    j = k
                    continue
            while k < len(self.lines) and self._is_continuation(
                self.lines[k - 1], self.lines[k], indent
            ):
                last = self.lines[k]
                k += 1
            items.append(self._item(first, last, marker, depth))
            j = k
        if not items:
            return None, max(j, i + 1)
        first_line = self.lines[i]
        last_item = items[-1]
        intro = blocks[-1] if blocks and isinstance(blocks[-1], Paragraph) else None
        return (
            ListBlock(
                first_line.start,
                last_item.end,
                first_line.number,
                self.block_text(first_line.start, last_item.end),
                items=tuple(items),
                intro=intro,
            ),
            j,
        )

    def _item(self, first: _Line, last: _Line, marker: str, depth: int) -> ListItem:
        raw = self.block_text(first.start, last.end)
        match = _BULLET.match(first.text) if marker else None
        if match is not None:
            body_start = first.start + (
                match.start("body") if match.group("body") else len(first.text)
            )
        else:
            body_start = first.start + first.indent
        body = self.text[body_start : last.end]
        label, description = split_label(body)
        return ListItem(
            first.start,
            last.end,
            first.number,
            raw,
            content=clean_text(body),
            label=label,
            description=description,
            marker=marker,
            depth=depth,
        )

    def _expects_list(self, block: Block) -> bool:
        """Whether a list without markers may follow ``block``.

        It may follow a sentence ending in ``:`` or a heading such as "Key Takeaways".
        """
        if isinstance(block, Paragraph):
            return block.plain.endswith(":")
        if isinstance(block, Heading):
            return bool(_LIST_HEADING_CUES.search(block.title))
        return False

    def _item_like(self, line: _Line) -> bool:
        if line.blank or _has_pipe(line.text) or _BULLET.match(line.text):
            return False
        if _ATX_HEADING.match(line.text) or _WIKI_HEADING.match(line.text):
            return False
        if _BOLD_LINE.match(line.text) or noise_kind(line.clean) or _HRULE.match(line.text):
            return False
        if line.clean.endswith(":") or _TWO_SENTENCES.search(line.clean):
            return False  # an intro of its own, or prose of several sentences
        return len(_words(line.clean)) <= MAX_UNMARKED_ITEM_WORDS

    def _unmarked_list(self, i: int, blocks: list[Block]) -> tuple[ListBlock | None, int]:
        intro_block = blocks[-1]
        from_heading = isinstance(intro_block, Heading)
        picked: list[_Line] = []
        j = i
        while j < len(self.lines):
            line = self.lines[j]
            if line.blank:
                following = self._next_nonblank(j)
                if following is None or not picked:
                    break
                # blank-separated items continue only while they stay short
                if len(_words(self.lines[following].clean)) > 30:
                    break
                j = following
                continue
            if not self._item_like(line):
                break
            if picked and _heading_of(line, max_words=MAX_HEADING_WORDS) is not None:
                after = self._next_nonblank(j + 1)
                prose_after = after is not None and not self._item_like(self.lines[after])
                items_are_titles = all(_heading_of(p, max_words=15) for p in picked)
                if prose_after or not items_are_titles:
                    break
            picked.append(line)
            j += 1
        if not picked or (from_heading and len(picked) < 2):
            return None, i
        items = [self._item(line, line, "", 0) for line in picked]
        first, last = picked[0], picked[-1]
        intro = intro_block if isinstance(intro_block, Paragraph) else None
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


def _leading_pipe(line: _Line) -> bool:
    return line.text.lstrip().startswith("|")


def _starts_next_table(lines: list[_Line], j: int, header: _Line) -> bool:
    """Line ``j`` heads another table: a separator row follows it, or both its pipe
    style (a leading pipe or none) and its number of cells differ from the header's."""
    line = lines[j]
    if _is_separator(line.text):
        return False
    if j + 1 < len(lines) and _is_separator(lines[j + 1].text):
        return True
    return _leading_pipe(line) != _leading_pipe(header) and len(split_cells(line.text)) != len(
        split_cells(header.text)
    )


def _heading_title(text: str) -> str:
    """A marked heading's title: clean, without an emoji prefix or a closing colon."""
    title, _ = _strip_symbol_prefix(clean_text(text))
    return title.rstrip(":").strip() or clean_text(text)


def _heading_of(line: _Line, *, max_words: int) -> tuple[str, str, int] | None:
    """``(title, style, level)`` when a line reads as a heading on its own."""
    atx = _ATX_HEADING.match(line.text)
    if atx:
        return _heading_title(atx.group("title")), "atx", len(atx.group("marks"))
    wiki = _WIKI_HEADING.match(line.text)
    if wiki:
        return _heading_title(wiki.group("title")), "wiki", len(wiki.group("marks"))
    bold = _BOLD_LINE.match(line.text)
    if bold:
        title = _heading_title(bold.group("a") or bold.group("b") or "")
        if title and len(_words(title)) <= max_words and not title.endswith("."):
            return title, "bold", 2
    text, had_symbol = _strip_symbol_prefix(line.clean)
    if not text or _has_pipe(text) or line.indent > 3:
        return None
    words = _words(text)
    if _is_caps(text) and len(words) <= 12 and not text.endswith((".", ",", ";")):
        return text.rstrip(":").strip(), "emoji" if had_symbol else "caps", 2
    if text.endswith(":") and len(words) <= 10 and looks_like_heading(text[:-1], max_words=10):
        return text[:-1].strip(), "colon", 2
    if text.endswith("?") and looks_like_heading(text[:-1], max_words=max_words):
        return text, "question", 2
    if looks_like_heading(text, max_words=max_words):
        return text, "emoji" if had_symbol else "plain", 2
    if had_symbol and len(words) <= 10 and not text.endswith(_SENTENCE_END):
        return text, "emoji", 2
    return None


def _family(marker: str) -> str:
    """Numbered (``1.``, ``(a)``) or bulleted (``-``, ``•``): a blank line ends a list
    when the next marker is of the other family."""
    return "numbered" if re.match(r"^\(?[\da-z]", marker) else "bullet"


def _plain_heading_allowed_as_headline(blocks: list[Block], index: int) -> bool:
    """A second heading line right after the headline is a sub-headline when prose follows."""
    heading = blocks[index]
    if heading.text.lstrip().startswith("#"):
        return False
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return isinstance(following, Paragraph)


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _is_duplicate_title(block: Block, headlines: list[Heading]) -> bool:
    if not isinstance(block, Heading | Paragraph):
        return False
    key = _title_key(block.plain if isinstance(block, Paragraph) else block.title)
    if not key:
        return False
    for headline in headlines:
        other = _title_key(headline.title)
        if key == other:
            return True
        # the quick ratios are upper bounds of ratio(): most pairs end there
        matcher = difflib.SequenceMatcher(None, key, other)
        if (
            matcher.real_quick_ratio() >= 0.9
            and matcher.quick_ratio() >= 0.9
            and matcher.ratio() >= 0.9
        ):
            return True
    return False


def _preview(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
