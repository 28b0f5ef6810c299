"""Item lines at the cursor → a :class:`~kg.text.document.ListBlock` of labelled items.

Two readers, tried in this order by the block reader:

* :func:`read_list` — items after a marker (``-``, ``*``, ``•``, ``▪️``, ``1.``,
  ``1)``, ``1:``, ``(a)``…), a marker alone on its line, continuation lines,
  blank lines between items of one marker family, nested items (kept as
  items of the enclosing list, with a warning);
* :func:`read_unmarked_list` — short lines without markers after an intro
  that ends in a colon or a heading such as "Key Takeaways".

Each item is split into a label and a description by :func:`split_label`.

Examples:
    >>> from kg.text.parse.cursor import Cursor
    >>> cursor = Cursor("- Trade: tariffs\\n- Energy: pipelines\\nThe talks went on.", "<text>")
    >>> block = read_list(cursor, [])
    >>> [(item.label, item.description) for item in block.items], cursor.pos
    ([('Trade', 'tariffs'), ('Energy', 'pipelines')], 2)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.text.document import Block, Heading, ListBlock, ListItem, Paragraph, clean_text
from kg.text.parse.cursor import Cursor, Line, words
from kg.text.parse.headings import (
    ATX_HEADING,
    BOLD_LINE,
    MAX_HEADING_WORDS,
    WIKI_HEADING,
    heading_of,
    numbered_heading,
)
from kg.text.parse.noise import noise_kind
from kg.text.parse.tables import has_pipe

__all__ = [
    "MAX_UNMARKED_ITEM_WORDS",
    "expects_list",
    "read_list",
    "read_unmarked_list",
    "split_label",
]

MAX_UNMARKED_ITEM_WORDS = 40
_COLON_SPLIT = re.compile(r"^(?P<label>[^:]{1,80}?):(?:\s+|(?=[^\W\d_]{2}))(?P<desc>\S.*)$")
_DASH_SPLITS = (
    re.compile(r"^(?P<label>.{1,80}?)\s+–\s+(?P<desc>\S.*)$"),
    re.compile(r"^(?P<label>.{1,80}?)\s+—\s+(?P<desc>\S.*)$"),
    re.compile(r"^(?P<label>.{1,80}?)\s+-\s+(?P<desc>\S.*)$"),
)
_BOLD_LABEL = re.compile(
    r"^(?:\*\*(?P<a>[^*]{1,80}?)\*\*|__(?P<b>[^_]{1,80}?)__)[ \t]*(?P<rest>.*)$"
)
# an item line ending like this runs on to the next line ("; and" and "," end items)
_CONNECTIVE_END = re.compile(
    r"(?:[(–—-]|(?<![;,])\s(?:and|or)|\b(?:of|the|to|for|with|in|on|a|an|by|from|between))$",
    re.IGNORECASE,
)
_LIST_HEADING_CUES = re.compile(
    r"\b(takeaways?|key points|highlights|key facts|quick facts|at a glance|in brief|"
    r"bullet points|main points|in short|tl;?dr)\b",
    re.IGNORECASE,
)
_TWO_SENTENCES = re.compile(r"[.!?]\s+[A-Z]")


# --- labels -------------------------------------------------------------------------------


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
        >>> split_label("Rare earths:India seeks help")  # no space after the colon
        ('Rare earths', 'India seeks help')
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
    stop = _STOP_SPLIT.match(clean)
    if stop and _stop_label_ok(stop.group("label")):
        return stop.group("label"), stop.group("desc").strip()
    return None, None


_STOP_SPLIT = re.compile(r"^(?P<label>[A-Z][^.!?:;,]{2,50}?)\.\s+(?P<desc>[A-Z“\"‘'].{20,})$")
"""A wire's takeaway item: a short label ending in a stop, then sentences ("Policing. Leaders
endorsed …")."""

_STOP_LABEL_WORDS = 4
_NOT_IN_STOP_LABEL = frozenset(
    """is are was were will would has have had said says did does do can could may might
    should must not no it they he she we i this that there here met held made took gave won
    lost sent set got""".split()
)


def _stop_label_ok(label: str) -> bool:
    """Whether a stop-ended item opening names a topic: a few words, no verb or pronoun
    ("Deep-sea mining", not "Leaders met" or "It was close").

    Examples:
        >>> _stop_label_ok("Deep-sea mining"), _stop_label_ok("Leaders agreed")
        (True, False)
    """
    words = label.split()
    if not 1 <= len(words) <= _STOP_LABEL_WORDS:
        return False
    return not any(
        w.lower() in _NOT_IN_STOP_LABEL or (w.endswith("ed") and len(w) > 4) for w in words
    )


def _label_ok(label: str) -> bool:
    return 1 <= len(label.split()) <= 6 and not label.endswith(".")


# --- marked lists -------------------------------------------------------------------------


def read_list(cursor: Cursor, blocks: Sequence[Block]) -> ListBlock | None:
    """The list whose first marked item is at the cursor; ``None`` when no item had text.

    The cursor always moves: past the list, or past the empty markers.
    """
    i = cursor.pos
    items: list[ListItem] = []
    base_indent: int | None = None
    j = i
    while j < len(cursor.lines):
        match = cursor.lines[j].bullet
        if not match:
            following = _next_item_after_blank(cursor, j, items)
            if following is None:
                break
            j = following
            continue
        if base_indent is None:
            base_indent = _indent(match)
        item, j = _marked_item(cursor, j, match, base_indent)
        if item is not None:
            items.append(item)
    cursor.pos = max(j, i + 1)
    if not items:
        return None
    return _list_block(cursor, cursor.lines[i], items, blocks)


def _indent(match: re.Match[str]) -> int:
    return len(match.group("indent").expandtabs(4))


def _family(marker: str) -> str:
    """Numbered (``1.``, ``(a)``) or bulleted (``-``, ``•``): a blank line ends a list
    when the next marker is of the other family."""
    return "numbered" if re.match(r"^\(?[\da-z]", marker) else "bullet"


def _next_item_after_blank(cursor: Cursor, j: int, items: list[ListItem]) -> int | None:
    """Past blank line ``j``, the index of the list's next item, if the list goes on there.

    It goes on at an item of the same marker family that is not a numbered heading nor
    page furniture.
    """
    if not cursor.lines[j].blank or not items:
        return None
    following = cursor.next_nonblank(j)
    if following is None:
        return None
    nxt = cursor.lines[following].bullet
    if nxt is None or _family(nxt.group("marker")) != _family(items[-1].marker):
        return None
    if numbered_heading(cursor, following):
        return None
    if noise_kind(cursor.lines[following].clean) is not None:
        return None  # "*Prepared by the analysis unit.*": an italic credit, no item
    return following


def _marked_item(
    cursor: Cursor, j: int, match: re.Match[str], base_indent: int
) -> tuple[ListItem | None, int]:
    """The item whose marker is on line ``j``, and the index of the line after it.

    A marker alone on its line takes its text from the next line (or is skipped
    with a warning); continuation lines join the item.
    """
    line = cursor.lines[j]
    indent = _indent(match)
    depth = 0
    if indent > base_indent + 1:
        depth = 1 + (indent - base_indent - 2) // 2
        cursor.warn(
            line.number,
            f"nested list item (depth {depth}): kept as an item of the enclosing list, "
            "with no claim of its own",
        )
    last = line
    k = j + 1
    if match.group("body") is None:
        # a marker alone on its line: the item is on the next line
        if k < len(cursor.lines) and not cursor.lines[k].blank and not cursor.lines[k].bullet:
            last = cursor.lines[k]
            k += 1
        if last is line:
            cursor.warn(line.number, "list marker without text: skipped")
            return None, k
    while k < len(cursor.lines) and _is_continuation(cursor.lines[k - 1], cursor.lines[k], indent):
        last = cursor.lines[k]
        k += 1
    return _item(cursor, line, last, match.group("marker"), depth), k


def _is_continuation(previous: Line, line: Line, item_indent: int) -> bool:
    """``line`` goes on with the item above: indented deeper, in lower case, or after a
    line that ends mid-phrase (``… and``, ``… of the``)."""
    if line.blank or line.bullet or has_pipe(line.text):
        return False
    if line.rule or noise_kind(line.clean):
        return False
    if line.indent > item_indent:
        return True
    first = line.clean[:1]
    if first.islower():
        return True
    return bool(_CONNECTIVE_END.search(previous.clean))


def _item(cursor: Cursor, first: Line, last: Line, marker: str, depth: int) -> ListItem:
    """The item from ``first`` to ``last``; its body starts after the marker (if any)."""
    raw = cursor.block_text(first.start, last.end)
    match = first.bullet if marker else None
    if match is not None:
        body_start = first.start + (match.start("body") if match.group("body") else len(first.text))
    else:
        body_start = first.start + first.indent
    body = cursor.text[body_start : last.end]
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


def _list_block(
    cursor: Cursor, first: Line, items: list[ListItem], blocks: Sequence[Block]
) -> ListBlock:
    """The list from ``first`` to its last item; a paragraph right before it is its intro."""
    end = items[-1].end
    intro = blocks[-1] if blocks and isinstance(blocks[-1], Paragraph) else None
    return ListBlock(
        first.start,
        end,
        first.number,
        cursor.block_text(first.start, end),
        items=tuple(items),
        intro=intro,
    )


# --- lists without markers ----------------------------------------------------------------


def expects_list(block: Block) -> bool:
    """Whether a list without markers may follow ``block``.

    It may follow a sentence ending in ``:`` or a heading such as "Key Takeaways".

    Examples:
        >>> expects_list(Paragraph(0, 20, 1, "The agenda covers:"))
        True
        >>> expects_list(Heading(0, 14, 1, "Key Takeaways", "Key Takeaways", 2))
        True
    """
    if isinstance(block, Paragraph):
        return block.plain.endswith(":")
    if isinstance(block, Heading):
        return bool(_LIST_HEADING_CUES.search(block.title))
    return False


def _item_like(line: Line) -> bool:
    """A short line that could be an unmarked item (not markup, noise, an intro or prose)."""
    if line.blank or has_pipe(line.text) or line.bullet:
        return False
    if ATX_HEADING.match(line.text) or WIKI_HEADING.match(line.text):
        return False
    if BOLD_LINE.match(line.text) or noise_kind(line.clean) or line.rule:
        return False
    if line.clean.endswith(":") or _TWO_SENTENCES.search(line.clean):
        return False  # an intro of its own, or prose of several sentences
    return len(words(line.clean)) <= MAX_UNMARKED_ITEM_WORDS


def read_unmarked_list(cursor: Cursor, blocks: Sequence[Block]) -> ListBlock | None:
    """Short lines at the cursor after an intro that asks for a list (:func:`expects_list`).

    After a heading it takes two lines at least. ``None``, with the cursor
    where it was, when the lines at the cursor are not such a list.

    Examples:
        >>> cursor = Cursor("The agenda covers:\\nTrade and tariffs\\nEnergy and grids", "<text>")
        >>> cursor.pos = 1
        >>> block = read_unmarked_list(cursor, [Paragraph(0, 18, 1, "The agenda covers:")])
        >>> [item.content for item in block.items], cursor.pos
        (['Trade and tariffs', 'Energy and grids'], 3)
    """
    picked, end = _unmarked_lines(cursor)
    if not picked or (isinstance(blocks[-1], Heading) and len(picked) < 2):
        return None
    cursor.pos = end
    items = [_item(cursor, line, line, "", 0) for line in picked]
    return _list_block(cursor, picked[0], items, blocks)


def _unmarked_lines(cursor: Cursor) -> tuple[list[Line], int]:
    """The item lines from the cursor on, and the index where they stop: item-like lines,
    blank lines between short ones, up to a line that reads as the heading of what follows."""
    picked: list[Line] = []
    j = cursor.pos
    while j < len(cursor.lines):
        line = cursor.lines[j]
        if line.blank:
            following = cursor.next_nonblank(j)
            if following is None or not picked:
                break
            # blank-separated items continue only while they stay short
            if len(words(cursor.lines[following].clean)) > 30:
                break
            j = following
            continue
        if not _item_like(line):
            break
        if picked and heading_of(line, max_words=MAX_HEADING_WORDS) is not None:
            after = cursor.next_nonblank(j + 1)
            prose_after = after is not None and not _item_like(cursor.lines[after])
            items_are_titles = all(heading_of(p, max_words=15) for p in picked)
            if prose_after or not items_are_titles:
                break
        picked.append(line)
        j += 1
    return picked, j
