"""A saved web page (HTML text) → :class:`~kg.text.document.Document`, furniture reported.

The page's article body is found by trafilatura, the standard extractor of
news pages, run on the string given (it never fetches anything). Its output
tree is read element by element into the same blocks the Markdown parser
makes: ``<head>`` → :class:`~kg.text.document.Heading`, ``<p>`` →
:class:`~kg.text.document.Paragraph`, ``<list>``/``<item>`` →
:class:`~kg.text.document.ListBlock`/:class:`~kg.text.document.ListItem`, and a
real ``<table>`` → a :class:`~kg.text.document.Table` with its
:class:`~kg.text.document.Row` cells taken cell by cell (the first row is the
header, as in a pipe table).

The document's text is the *extracted* text, written as it is read: the title
on the first line, then one block per line with a blank line between blocks,
list items as ``- item`` (``1. item`` in an ordered list, two spaces more per
nesting level), table rows as cells joined by ``" | "``. Every offset indexes
that text and its SHA-256 is the content hash, so the same page saved twice is
one document whatever its markup. Title, authors, date, site name and canonical
URL become :class:`~kg.text.document.Metadata`.

Everything of the page's ``<body>`` left out is reported in
:attr:`Document.warnings` with the page's source line and a reason
(``skipped <nav>: navigation: …``, ``skipped <figure> caption: …``,
``skipped <aside>: related links: …``); bylines, share bars and other
furniture the extractor kept are skipped as the Markdown parser skips them.

Examples:
    >>> page = (
    ...     "<html><head><title>Leaders Meet in Oslo</title></head><body>"
    ...     "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
    ...     "<h1>Leaders Meet in Oslo</h1><p>The talks opened on Monday with a session"
    ...     " on trade, and the leaders will meet again on Tuesday.</p>"
    ...     "<h2>Agenda</h2><ul><li>Trade: tariffs</li><li>Energy: grids</li></ul>"
    ...     "</article></body></html>"
    ... )
    >>> doc = read_page(page, source="page.html")
    >>> print(doc.text)
    Leaders Meet in Oslo
    <BLANKLINE>
    The talks opened on Monday with a session on trade, and the leaders will meet again on Tuesday.
    <BLANKLINE>
    Agenda
    <BLANKLINE>
    - Trade: tariffs
    - Energy: grids
    >>> [(item.label, item.description) for item in doc.sections[1].blocks[0].items]
    [('Trade', 'tariffs'), ('Energy', 'grids')]
    >>> doc.warnings
    ((1, 'skipped <nav>: navigation: Home World'),)
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml import etree, html  # type: ignore[import-untyped]

from kg.errors import LoaderError
from kg.text.budget import check_budget, reading
from kg.text.document import (
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Row,
    Table,
    clean_text,
)
from kg.text.parse.blocks import group_sections
from kg.text.parse.headings import heading_title
from kg.text.parse.lists import split_label
from kg.text.parse.noise import noise_kind

__all__ = ["furniture_kind", "read_page"]

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_URL = re.compile(r"^https?://[^\s<>\"]+$")
_PREVIEW = 60
_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
_STANDFIRST = re.compile(
    r"(?<![a-z0-9])(?:dek|deck|standfirst|strapline|subtitle|sub-?head(?:line|ing)?|"
    r"(?:article|story|post)-?(?:lede|lead|intro|summary|subtitle))(?![a-z])"
)

# furniture by class, id, role or aria-label, most specific first
_FURNITURE_CLASSES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?<![a-z0-9]){stem}(?![a-z])"), kind)
    for stem, kind in (
        (r"(?:cookies?|consent|gdpr|cmp)", "cookie banner"),
        (r"breadcrumbs?", "breadcrumbs"),
        (r"(?:share|sharing|sharebar|social|socials)", "share bar"),
        (
            r"(?:related|recommended|recommendations?|most-?read|most-?popular|popular|"
            r"trending|read-?more|also-?read|more-?stories|outbrain|taboola)",
            "related links",
        ),
        (r"(?:newsletter|sign-?up|subscribe|subscription|paywall)", "newsletter sign-up"),
        (
            r"(?:byline|bylines|dateline|author|authors|timestamp|"
            r"(?:article|post|entry|story)-?(?:meta|info))",
            "byline",
        ),
        (r"(?:caption|figcaption|credit|credits)", "caption"),
        (r"(?:comments?|disqus)", "comments"),
        (r"(?:advert|adverts|advertisement|ad|ads|adslot|sponsor|sponsored|promo)", "advert"),
        (r"(?:nav|navbar|navigation|menu|masthead|skip-?link)", "navigation"),
        (r"(?:footer|site-?footer)", "footer"),
        (r"(?:sidebar|rail)", "sidebar"),
    )
)
_FURNITURE_TAGS = {
    "nav": "navigation",
    "footer": "footer",
    "form": "form",
    "dialog": "dialog",
    "button": "button",
    "select": "form",
    "iframe": "embedded frame",
}
_FURNITURE_ROLES = {
    "navigation": "navigation",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "search",
    "dialog": "dialog",
    "alertdialog": "dialog",
}
_SILENT_TAGS = {"script", "style", "noscript", "template", "svg", "math", "head", "title"}
_INLINE_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr",
}  # fmt: skip
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip


# --- the page in, the document out -------------------------------------------------------


def read_page(page: str, *, source: str = "<page>", budget: float | None = None) -> Document:
    """The article of a saved web page as a :class:`Document`, with its metadata.

    ``page`` is the decoded HTML. Nothing is fetched: links, images, scripts and
    the canonical URL are only read as text. Reading stops at the per-document time
    budget (:mod:`kg.text.budget`; ``budget`` seconds if given), checked between the
    page's blocks.

    Raises:
        LoaderError: the page is empty or not HTML, or holds no article text, or reading
            it ran past the budget.

    Examples:
        >>> read_page("<html><body><nav>Home</nav></body></html>", source="p.html")
        Traceback (most recent call last):
        kg.errors.LoaderError: p.html: no article text found (the page has no article body)
    """
    with reading(source, budget):
        return _read_page(page, source)


def _read_page(page: str, source: str) -> Document:
    page = _XML_DECLARATION.sub("", page, count=1)
    if not page.strip():
        raise LoaderError("empty page: no text to read", path=source)
    tree = _parse(page, source)
    extracted = _extract(page, source)
    if extracted is None or extracted.body is None:
        raise LoaderError("no article text found (the page has no article body)", path=source)
    writer = _Writer(source)
    title = _text(extracted.title or "")
    headlines = [writer.headline(title)] if title else []
    standfirst = _standfirst(tree, extracted.body) if title else None
    if standfirst is not None:
        headlines.append(writer.headline(standfirst, gap=True))
    writer.body(extracted.body, title)
    if not writer.blocks:
        raise LoaderError("no article text found (the page has no article body)", path=source)
    if not headlines:
        title = _first_words(writer.blocks[0].plain)
    metadata, problems = _metadata(extracted)
    text = writer.text
    check_budget()
    skipped = list(_skipped_parts(tree, text, metadata))
    warnings = sorted(skipped, key=lambda w: w[0]) + problems + writer.warnings
    return Document(
        source=source,
        text=text,
        title=title,
        headlines=tuple(headlines),
        sections=tuple(group_sections(writer.blocks)),
        warnings=tuple(warnings),
        metadata=metadata,
    )


def _parse(page: str, source: str) -> Any:
    """The page as an lxml tree (for the report of what was left out)."""
    parser = html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
    )
    try:
        tree = html.document_fromstring(page, parser=parser)
    except (etree.LxmlError, ValueError) as exc:
        raise LoaderError(f"malformed HTML: {exc}", path=source) from exc
    if tree is None:
        raise LoaderError("malformed HTML: nothing could be parsed", path=source)
    return tree


def _extract(page: str, source: str) -> Any:
    """trafilatura's reading of the page: body tree and metadata, or ``None``."""
    try:
        return trafilatura.bare_extraction(
            page,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_formatting=False,
            include_links=False,
            with_metadata=True,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (etree.LxmlError, ValueError, TypeError) as exc:
        raise LoaderError(f"malformed HTML: {exc}", path=source) from exc


# --- metadata -----------------------------------------------------------------------------


def _metadata(extracted: Any) -> tuple[Metadata, list[tuple[int, str]]]:
    """Authors, ISO date, site name and canonical URL, each dropped with a warning if odd."""
    problems: list[tuple[int, str]] = []
    authors = tuple(
        dict.fromkeys(a for a in (_text(p) for p in (extracted.author or "").split(";")) if a)
    )
    date = extracted.date or None
    if date is not None:
        try:
            date = datetime.date.fromisoformat(date).isoformat()
        except ValueError:
            problems.append((0, f"page date {date!r} is not a calendar date: not kept"))
            date = None
    url = extracted.url or None
    if url is not None and not _URL.match(url):
        problems.append((0, f"canonical URL {url!r} is not an http(s) address: not kept"))
        url = None
    publisher = _text(extracted.sitename or "") or None
    return Metadata(authors=authors, date=date, publisher=publisher, url=url), problems


# --- the extracted tree → blocks ----------------------------------------------------------


@dataclass
class _Writer:
    """Writes the extracted text line by line and makes the blocks that index it."""

    source: str
    lines: list[str] = field(default_factory=list)
    offset: int = 0
    blocks: list[Block] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text written so far (joined anew on each call: ask once, at the end)."""
        return "\n".join(self.lines)

    def line(self, text: str, *, gap: bool) -> tuple[int, int, int]:
        """Append a line (after a blank one when ``gap``): ``(start, end, line number)``."""
        if gap and self.lines:
            self.lines.append("")
            self.offset += 1
        if self.lines:
            self.offset += 1  # the newline before this line
        start = self.offset
        self.lines.append(text)
        self.offset += len(text)
        return start, self.offset, len(self.lines)

    def headline(self, title: str, *, gap: bool = False) -> Heading:
        start, end, number = self.line(title, gap=gap)
        return Heading(start, end, number, title, title=title, level=1, style="html")

    def body(self, body: Any, title: str) -> None:
        """Every block of trafilatura's body tree, in order."""
        if body.text and _text(body.text):
            self.paragraph(_text(body.text))
        for element in _children(body):
            check_budget()
            self.element(element, title)

    def element(self, element: Any, title: str) -> None:
        tag = element.tag
        if tag == "head":
            self.heading(element, title)
        elif tag == "list":
            self.list(element)
        elif tag == "table":
            self.table(element)
        elif tag in ("p", "quote", "code", "item", "cell"):
            self.paragraph(_inline(element))
        else:  # a container or an element the reader does not know: its content, in order
            if element.text and _text(element.text):
                self.paragraph(_text(element.text))
            for child in _children(element):
                self.element(child, title)
        if element.tail and _text(element.tail):
            self.paragraph(_text(element.tail))

    def paragraph(self, text: str) -> None:
        if not text:
            return
        kind = noise_kind(clean_text(text))
        if kind is not None:
            self.warnings.append((0, f"skipped <p> as noise ({kind}): {_preview(text)}"))
            return
        start, end, number = self.line(text, gap=True)
        self.blocks.append(Paragraph(start, end, number, text))

    def heading(self, element: Any, title: str) -> None:
        text = _inline(element)
        if not text:
            return
        if _key(text) == _key(title) and not self.blocks:
            return  # the headline itself, already the first line
        kind = noise_kind(clean_text(text))
        if kind is not None:
            self.warnings.append((0, f"skipped heading as noise ({kind}): {_preview(text)}"))
            return
        start, end, number = self.line(text, gap=True)
        rend = element.get("rend") or ""
        level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
        self.blocks.append(
            Heading(start, end, number, text, title=heading_title(text), level=level, style="html")
        )

    def list(self, element: Any) -> None:
        ordered = element.get("rend") == "ol"
        lines = list(_items(element, ordered, 0))
        if not lines:
            return
        intro = self.blocks[-1] if self.blocks and isinstance(self.blocks[-1], Paragraph) else None
        items: list[ListItem] = []
        first = True
        for marker, depth, body in lines:
            indent = "  " * depth
            text = f"{indent}{marker} {body}"
            start, end, number = self.line(text, gap=first)
            first = False
            if depth:
                self.warnings.append(
                    (
                        0,
                        f"nested list item (depth {depth}): kept as an item of the enclosing "
                        f"list, with no claim of its own: {_preview(body)}",
                    )
                )
            label, description = split_label(body)
            items.append(
                ListItem(
                    start,
                    end,
                    number,
                    text,
                    content=clean_text(body),
                    label=label,
                    description=description,
                    marker=marker,
                    depth=depth,
                )
            )
        start, end = items[0].start, items[-1].end
        self.blocks.append(
            ListBlock(
                start,
                end,
                items[0].line,
                "\n".join(item.text for item in items),
                items=tuple(items),
                intro=intro,
            )
        )

    def table(self, element: Any) -> None:
        grid = [
            [_cell(cell) for cell in _children(row) if cell.tag == "cell"]
            for row in _children(element)
            if row.tag == "row"
        ]
        grid = [cells for cells in grid if any(cells)]
        if not grid:
            return
        width = max(len(cells) for cells in grid)
        if width < 2:  # a layout table of one column: its cells are paragraphs
            for cells in grid:
                for cell in cells:
                    self.paragraph(cell)
            return
        header, body = grid[0], grid[1:]
        header += [""] * (width - len(header))
        intro = self.blocks[-1] if self.blocks and isinstance(self.blocks[-1], Paragraph) else None
        header_text = " | ".join(header)
        start, _, number = self.line(header_text, gap=True)
        name = _preview(" | ".join(header))
        rows: list[Row] = []
        for index, cells in enumerate(body, start=2):
            if len(cells) < width:
                self.warnings.append(
                    (0, f"table {name!r}, row {index}: {len(cells)} cells, header has {width}")
                )
                cells = cells + [""] * (width - len(cells))
            if [c.casefold() for c in cells] == [h.casefold() for h in header]:
                self.warnings.append((0, f"table {name!r}, row {index}: repeated header skipped"))
                continue
            line = " | ".join(cells)
            row_start, row_end, row_number = self.line(line, gap=False)
            rows.append(Row(row_start, row_end, row_number, line, cells=tuple(cells)))
        if not rows:
            self.warnings.append((0, f"table {name!r}: header without rows: no claims from it"))
        self.blocks.append(
            Table(
                start,
                self.offset,
                number,
                "\n".join((header_text, *(row.text for row in rows))),
                header=tuple(header),
                rows=tuple(rows),
                header_line=number,
                intro=intro,
                separator=True,
            )
        )


def _children(element: Any) -> Iterator[Any]:
    """The element children of an lxml element (comments and the like left out)."""
    for child in element:
        if isinstance(child.tag, str):
            yield child


def _items(element: Any, ordered: bool, depth: int) -> Iterator[tuple[str, int, str]]:
    """``(marker, depth, text)`` for each item of a list, nested lists after their item."""
    number = 0
    for item in _children(element):
        if item.tag != "item":
            continue
        nested = [child for child in _children(item) if child.tag == "list"]
        text = _inline(item, skip=("list",))
        if text:
            number += 1
            yield (f"{number}." if ordered else "-"), depth, text
        for sub in nested:
            yield from _items(sub, sub.get("rend") == "ol", depth + 1)


def _inline(element: Any, *, skip: Sequence[str] = (), separator: str = " ") -> str:
    """An element's text on one line; ``<lb/>`` (a line break) becomes ``separator``."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in skip:
                if child.tag == "lb":
                    parts.append(separator)
                else:
                    if child.tag in ("p", "item", "list", "head") and parts:
                        parts.append(separator)
                    walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return _text("".join(parts))


def _cell(element: Any) -> str:
    """A table cell's clean text; line breaks and inner paragraphs separate values."""
    return clean_text(_inline(element, separator="; "), cell=True)


# --- what was left out --------------------------------------------------------------------


def furniture_kind(element: Any) -> str | None:
    """What kind of page furniture an HTML element is, by tag, role, class or id.

    Examples:
        >>> furniture_kind(html.fragment_fromstring('<div class="cookie-consent">x</div>'))
        'cookie banner'
        >>> furniture_kind(html.fragment_fromstring("<aside><a>More</a></aside>"))
        'aside'
        >>> furniture_kind(html.fragment_fromstring('<div class="story-body">x</div>')) is None
        True
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("figure", "figcaption"):
        return "caption"
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return "hidden"
    attributes = ("class", "id", "aria-label", "data-component")
    names = " ".join(element.get(attribute) or "" for attribute in attributes).lower()
    for pattern, kind in _FURNITURE_CLASSES:
        if pattern.search(names):
            return kind
    role = (element.get("role") or "").lower()
    if role in _FURNITURE_ROLES:
        return _FURNITURE_ROLES[role]
    if tag in _FURNITURE_TAGS:
        return _FURNITURE_TAGS[tag]
    if tag == "aside":
        return "aside"
    return None


def _skipped_parts(tree: Any, text: str, metadata: Metadata) -> Iterator[tuple[int, str]]:
    """``(source line, message)`` for each part of the page's body left out of ``text``."""
    kept = _Kept(text, metadata)
    body = tree.find(".//body") if tree.tag != "body" else tree
    if body is None:
        return
    for element in list(body.iter(*_SILENT_TAGS)):
        if element is not body and element.getparent() is not None:
            element.drop_tree()
    yield from _report(body, kept)


class _Kept:
    """The extracted text as a word sequence, to tell kept parts of the page from others."""

    def __init__(self, text: str, metadata: Metadata) -> None:
        self.words = _key(text).split()
        self.where: dict[str, list[int]] = {}
        for index, word in enumerate(self.words):
            self.where.setdefault(word, []).append(index)
        self.metadata = {_key(author): "author" for author in metadata.authors}
        if metadata.publisher:
            self.metadata[_key(metadata.publisher)] = "site name"

    def holds(self, text: str) -> bool:
        """Whether the words of ``text`` occur in the extracted text, in order, adjacent.

        Looked up from the rarest of its words, so a page's hundreds of left-out parts
        cost little even when the article is long.
        """
        key = _key(text).split()
        if not key:
            return True
        rarest = min(range(len(key)), key=lambda j: len(self.where.get(key[j], ())))
        for at in self.where.get(key[rarest], ()):
            start = at - rarest
            if start >= 0 and self.words[start : start + len(key)] == key:
                return True
        return False

    def reason(self, text: str) -> str | None:
        """``"author"`` or ``"site name"`` when ``text`` is one kept as document metadata,
        ``"byline"`` when it names an author."""
        key = _key(text)
        if key in self.metadata:
            return self.metadata[key]
        padded = f" {key} "
        if any(f" {name} " in padded for name, kind in self.metadata.items() if kind == "author"):
            return "byline"
        return None


def _report(element: Any, kept: _Kept) -> Iterator[tuple[int, str]]:
    """The parts of ``element`` left out of the extracted text, furniture named."""
    text = _page_text(element)
    if not text or kept.holds(text):
        return
    tag = element.tag
    kind = furniture_kind(element)
    if kind is not None and not _holds_kept_prose(element, kept):
        if kind == "aside" and _mostly_links(element, text):
            kind = "related links"
        yield element.sourceline or 0, _skipped(tag, kind, text)
        return
    check_budget()
    if not any(_is_block(child) for child in _children(element)):
        yield element.sourceline or 0, _skipped(tag, kept.reason(text) or _text_kind(text), text)
        return
    run: list[str] = []
    for part in _parts(element):
        if isinstance(part, str):
            run.append(part)
            continue
        yield from _run(element, run, kept)
        run = []
        yield from _report(part, kept)
    yield from _run(element, run, kept)


def _parts(element: Any) -> Iterator[Any]:
    """An element's content: text runs (str, inline elements' text) and block children."""
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and (_is_block(child) or furniture_kind(child)):
            yield child
        elif isinstance(child.tag, str):
            yield _page_text(child)
        if child.tail:
            yield child.tail


def _run(element: Any, run: list[str], kept: _Kept) -> Iterator[tuple[int, str]]:
    text = _text("".join(run))
    if text and not kept.holds(text):
        reason = kept.reason(text) or _text_kind(text)
        yield element.sourceline or 0, _skipped(element.tag, reason, text)


def _is_block(element: Any) -> bool:
    return isinstance(element.tag, str) and (
        element.tag in _BLOCK_TAGS or any(_is_block(child) for child in element)
    )


def _holds_kept_prose(element: Any, kept: _Kept) -> bool:
    """A paragraph or heading of the article is inside (so the element is no furniture)."""
    for node in element.iter("p", "h2", "h3", "li", "td"):
        text = _page_text(node)
        if len(text.split()) >= 4 and kept.holds(text):
            return True
    return False


def _text_kind(text: str) -> str | None:
    """What furniture a left-out text is by its words (a cookie notice, "Skip to content")."""
    if len(text.split()) <= 60 and _COOKIES.search(text):
        return "cookie banner"
    kind = noise_kind(clean_text(text))
    return "related links" if kind == "related" else kind


def _mostly_links(element: Any, text: str) -> bool:
    """At least half of the element's text is link text."""
    linked = sum(len(_page_text(link)) for link in element.iter("a"))
    return linked * 2 >= len(text)


def _standfirst(tree: Any, body: Any) -> str | None:
    """The page's sub-headline ("dek", "standfirst") when the extractor left it out.

    A short element whose class or id names it, outside page furniture, whose text
    is not in the extracted body.
    """
    in_body = f" {_key(' '.join(body.itertext()))} "
    for element in tree.iter("p", "h2", "h3", "div", "span"):
        attributes = " ".join(element.get(a) or "" for a in ("class", "id")).lower()
        if not _STANDFIRST.search(attributes):
            continue
        text = _page_text(element)
        if not text or len(text.split()) > 60 or f" {_key(text)} " in in_body:
            continue
        if furniture_kind(element) or any(furniture_kind(a) for a in element.iterancestors()):
            continue
        return text
    return None


def _page_text(element: Any) -> str:
    """An HTML element's text on one line, a space between block elements and at ``<br>``."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        spaced = isinstance(node.tag, str) and node.tag not in _INLINE_TAGS
        if spaced:
            parts.append(" ")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
        if spaced:
            parts.append(" ")
        if node.tail and node is not element:
            parts.append(node.tail)

    walk(element)
    return _text("".join(parts))


def _skipped(tag: str, kind: str | None, text: str) -> str:
    if kind == "caption":
        return f"skipped <{tag}> caption: {_preview(text)}"
    if kind is None:
        return f"skipped <{tag}>: not part of the article text: {_preview(text)}"
    if kind in ("author", "site name"):
        return f"skipped <{tag}>: {kind}, kept as document metadata: {_preview(text)}"
    return f"skipped <{tag}>: {kind}: {_preview(text)}"


# --- text helpers -------------------------------------------------------------------------


def _text(text: str) -> str:
    """Text on one line: NFC, every run of whitespace one space, ends stripped."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _key(text: str) -> str:
    """The words of ``text`` in lower case, one space apart (for comparing texts)."""
    return " ".join(_WORD.findall(text.casefold()))


def _preview(text: str) -> str:
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def _first_words(text: str, count: int = 12) -> str:
    found = text.split()
    return " ".join(found[:count]) + ("…" if len(found) > count else "")
