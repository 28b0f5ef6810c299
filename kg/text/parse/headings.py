"""A line at the cursor → a :class:`~kg.text.document.Heading`; first blocks → headlines.

Headings as summit coverage writes them, each recognised by one rule:
``#`` (ATX) and ``== x ==`` (wiki) lines, whole bold lines, ALL CAPS lines,
short Title Case lines ending in a colon, questions, emoji-prefixed lines,
plain Title Case lines, and numbered lines (``1. Financial Coverage``)
followed by prose. A heading line is short and has no closing punctuation.

At the top of the article, the headings before the first prose are the
headlines (a first short paragraph stands in when there is none), and a
repetition of the headline is skipped.

Examples:
    >>> from kg.text.parse.cursor import Line
    >>> heading_of(Line(1, 0, "## Key Facts ##", "## Key Facts ##"), max_words=15)
    ('Key Facts', 'atx', 2)
    >>> heading_of(Line(1, 0, "📌 Key Facts", "📌 Key Facts"), max_words=15)
    ('Key Facts', 'emoji', 2)
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from kg.text.document import Block, Heading, Paragraph, clean_text
from kg.text.lexicon import MINOR_WORDS
from kg.text.parse.cursor import DASHED_HEADING, NUMERIC_MARKER, Cursor, Line, words
from kg.text.parse.noise import noise_kind
from kg.text.parse.tables import has_pipe

__all__ = [
    "ATX_HEADING",
    "BOLD_LINE",
    "MAX_HEADING_WORDS",
    "MAX_HEADLINE_WORDS",
    "MAX_SENTENCE_HEADING_WORDS",
    "MEMO_FIELD",
    "MEMO_SUBJECT_KEYS",
    "RUN_IN_HEAD",
    "SENTENCE_END",
    "WIKI_HEADING",
    "document_title",
    "heading_of",
    "heading_title",
    "is_caps",
    "is_subject_field",
    "looks_like_heading",
    "numbered_heading",
    "read_headlines",
    "sentence_heading",
]

MAX_HEADING_WORDS = 15
MAX_HEADLINE_WORDS = 24
#: The longest sentence-case line (no final stop, prose after it) read as a heading.
MAX_SENTENCE_HEADING_WORDS = 10
# the prose after a sentence-case heading: longer than the heading, and a sentence
_PROSE_MIN_WORDS = 8
#: How a sentence (not a heading) ends.
SENTENCE_END = (".", "!", "?", ";", ",", ":", "…")
ATX_HEADING = re.compile(r"^[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<title>.+?)[ \t#]*$")
WIKI_HEADING = re.compile(
    r"^[ \t]*(?P<marks>={2,6})[ \t]*(?P<title>[^=].*?)[ \t]*(?P=marks)[ \t]*$"
)
BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*(?P<a>[^*]+?)\*\*|__(?P<b>[^_]+?)__)[ \t]*:?[ \t]*$")


# --- what a heading looks like ------------------------------------------------------------


def looks_like_heading(line: str, *, max_words: int = MAX_HEADING_WORDS) -> bool:
    """Whether a plain line reads as a heading: short, Title Case, no closing punctuation.

    Examples:
        >>> looks_like_heading("Summary and Outlook")
        True
        >>> looks_like_heading("The talks will cover trade.")
        False
    """
    stripped = line.strip()
    if not stripped or stripped.endswith(SENTENCE_END) or has_pipe(stripped):
        return False
    found = words(stripped)
    if len(found) > max_words:
        return False
    significant = [w for w in found if w[0].isalpha() and w.lower() not in MINOR_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised / len(significant) >= 0.75


def is_caps(text: str) -> bool:
    """At least four cased letters, none of them lower case (stops at the first that is).

    Examples:
        >>> is_caps("KEY FACTS"), is_caps("EU"), is_caps("Key FACTS")
        (True, False, False)
    """
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


def heading_title(text: str) -> str:
    """A marked heading's title: clean, without an emoji prefix or a closing colon.

    Examples:
        >>> heading_title("**📌 Key Facts:**")
        'Key Facts'
    """
    title, _ = _strip_symbol_prefix(clean_text(text))
    return title.rstrip(":").strip() or clean_text(text)


# --- one rule per heading style -----------------------------------------------------------


def heading_of(line: Line, *, max_words: int) -> tuple[str, str, int] | None:
    """``(title, style, level)`` when a line reads as a heading on its own.

    Examples:
        >>> heading_of(Line(1, 0, "KEY FACTS", "KEY FACTS"), max_words=15)
        ('KEY FACTS', 'caps', 2)
        >>> heading_of(Line(1, 0, "The talks began.", "The talks began."), max_words=15) is None
        True
        >>> heading_of(Line(1, 0, "**To:** Director", "To: Director"), max_words=15) is None
        True
    """
    if MEMO_FIELD.match(line.clean):
        return None  # "To: Director, Africa Department": a memo's header field, no heading
    return _marked_heading(line, max_words) or _plain_heading(line, max_words)


MEMO_FIELD = re.compile(
    r"^(?P<key>(?i:To|From|Date|Subject|Re|Cc|Bcc|Handling|Classification|Attn|Attention"
    r"|Prepared\s+(?:by|for)|Distribution|Reference|Ref))\s*:\s*(?P<value>\S.*)$"
)
"""A field of a memo's or briefing note's header ("Subject: IGAD summit on Sudan, Djibouti,
14 July 2026"; "SUBJECT: …" too), read from a line's clean text."""
MEMO_SUBJECT_KEYS = frozenset({"Subject", "Re"})
"""The :data:`MEMO_FIELD` keys whose value is what the memo is about: its title and lead
(compared in title case)."""


def is_subject_field(field: re.Match[str]) -> bool:
    """Whether a :data:`MEMO_FIELD` match is the memo's subject, in any case.

    >>> is_subject_field(MEMO_FIELD.match("SUBJECT: Oslo talks"))
    True
    """
    return field.group("key").title() in MEMO_SUBJECT_KEYS


RUN_IN_HEAD = re.compile(
    r"^(?:\*\*|__)(?P<title>[^*_\n]{2,60}?)(?P<inner>[.:])?(?:\*\*|__)(?(inner)|[.:])[ \t]+\S"
)
"""A paragraph opening with a bold run-in head ("**Shipping in the Red Sea.** Egypt's …"),
read from its source text: the head ends in a stop or a colon, inside the bold or after it."""


def _marked_heading(line: Line, max_words: int) -> tuple[str, str, int] | None:
    """An ATX (``## x``), wiki (``== x ==``) or whole-bold (``**x**``) heading."""
    atx = ATX_HEADING.match(line.text)
    if atx:
        return heading_title(atx.group("title")), "atx", len(atx.group("marks"))
    wiki = WIKI_HEADING.match(line.text)
    if wiki:
        return heading_title(wiki.group("title")), "wiki", len(wiki.group("marks"))
    dashed = DASHED_HEADING.match(line.text)
    if dashed:
        title = heading_title(dashed.group("title"))
        if title and len(words(title)) <= max_words and not title.endswith((".", ",", ";")):
            return title, "dashed", 2
    bold = BOLD_LINE.match(line.text)
    if bold:
        title = heading_title(bold.group("a") or bold.group("b") or "")
        if title and len(words(title)) <= max_words and not title.endswith("."):
            return title, "bold", 2
    return None


def _plain_heading(line: Line, max_words: int) -> tuple[str, str, int] | None:
    """An unmarked heading: ALL CAPS, ``Title:``, ``Title?``, Title Case or emoji-led."""
    text, had_symbol = _strip_symbol_prefix(line.clean)
    if not text or has_pipe(text) or line.indent > 3:
        return None
    count = len(words(text))
    if is_caps(text) and count <= 12 and not text.endswith((".", ",", ";")):
        return text.rstrip(":").strip(), "emoji" if had_symbol else "caps", 2
    if text.endswith(":") and count <= 10 and looks_like_heading(text[:-1], max_words=10):
        return text[:-1].strip(), "colon", 2
    if text.endswith("?") and looks_like_heading(text[:-1], max_words=max_words):
        return text, "question", 2
    if looks_like_heading(text, max_words=max_words):
        return text, "emoji" if had_symbol else "plain", 2
    if had_symbol and count <= 10 and not text.endswith(SENTENCE_END):
        return text, "emoji", 2
    return None


def sentence_heading(
    cursor: Cursor, i: int, line: Line | None = None
) -> tuple[str, str, int] | None:
    """A short sentence-case line between paragraphs: ``(title, "sentence", 2)``.

    Issue headings are often written in sentence case ("Security guarantees for
    Ukraine", "What could go wrong"): a line of at most
    :data:`MAX_SENTENCE_HEADING_WORDS` words (a question may be longer) that
    starts with a capital, has no final stop, is not indented, and is followed
    by prose (a longer line that is not a list item or a table row). ``line``
    stands for line ``i`` when only a part of it is read (after a glued widget).

    Examples:
        >>> cursor = Cursor("A ceasefire\\nBoth sides may be open to a truce, analysts say.", "<t>")
        >>> sentence_heading(cursor, 0)
        ('A ceasefire', 'sentence', 2)
        >>> sentence_heading(Cursor("A ceasefire\\n- Gaza", "<t>"), 0) is None
        True
    """
    line = cursor.lines[i] if line is None else line
    text = line.clean
    if not text or line.indent > 3 or has_pipe(text) or line.bullet:
        return None
    question = text.endswith("?")
    if text.endswith(SENTENCE_END) and not question:
        return None
    count = len(words(text))
    if count > MAX_SENTENCE_HEADING_WORDS + (4 if question else 0):
        return None
    if not (text[0].isupper() or text[0].isdigit()) or _TWO_SENTENCES.search(text):
        return None
    following = cursor.next_nonblank(i + 1)
    if following is None:
        return None
    nxt = cursor.lines[following]
    if nxt.bullet or has_pipe(nxt.text) or noise_kind(nxt.clean) or nxt.rule:
        return None
    prose = len(words(nxt.clean))
    if prose < max(_PROSE_MIN_WORDS, count + 3) or not nxt.clean.endswith(_PROSE_END):
        return None
    previous = cursor.previous_nonblank(i - 1)
    if previous is not None and cursor.lines[previous].clean.endswith(":"):
        return None  # an item after an intro, not a heading
    return text, "question" if question else "sentence", 2


_PROSE_END = (".", "!", "?", "”", '"', ")", ":")
_TWO_SENTENCES = re.compile(r"[.!?]\s+[A-Z]")


def numbered_heading(cursor: Cursor, i: int) -> bool:
    """``1. Financial Coverage Alignment`` followed by prose is a heading, not an item.

    Not when the line before is an item of a numbered list (or indented text),
    nor when a list, a table, noise or another heading follows.

    Examples:
        >>> cursor = Cursor("1. Financial Coverage\\nThe funds are due.\\n2. Next Steps", "<text>")
        >>> numbered_heading(cursor, 0), numbered_heading(Cursor("1. Arms Control", "<t>"), 0)
        (True, False)
    """
    match = cursor.lines[i].bullet
    if not match or not match.group("body") or not NUMERIC_MARKER.match(match.group("marker")):
        return False
    body = clean_text(match.group("body"))
    titled = looks_like_heading(body, max_words=12) or is_caps(body)
    if not titled and not (body.endswith("?") and looks_like_heading(body[:-1], max_words=12)):
        return False
    previous = cursor.previous_nonblank(i - 1)
    before = cursor.lines[previous].bullet if previous is not None else None
    if (before and NUMERIC_MARKER.match(before.group("marker"))) or (
        previous is not None and cursor.lines[previous].indent > 0 and not before
    ):
        return False  # the last item of a numbered list, not a heading
    following = cursor.next_nonblank(i + 1)
    if following is None:
        return False
    nxt = cursor.lines[following]
    if nxt.bullet or has_pipe(nxt.text) or noise_kind(nxt.clean):
        return False
    if following > i + 1 or nxt.indent == 0:
        return heading_of(nxt, max_words=MAX_HEADING_WORDS) is None
    return False


# --- headlines ----------------------------------------------------------------------------


def read_headlines(cursor: Cursor, blocks: Sequence[Block]) -> tuple[tuple[Heading, ...], int]:
    """The article's headlines (level 1) and the index of the first block after them.

    The leading headings are headlines while prose follows each one after the
    first; copies of the headline among them are skipped with a warning. With
    no leading heading, a first paragraph of at most :data:`MAX_HEADLINE_WORDS`
    words is the headline.

    Examples:
        >>> cursor = Cursor("", "<text>")
        >>> blocks = [Heading(0, 5, 1, "Talks", "Talks"), Paragraph(6, 12, 2, "Began.")]
        >>> [(h.title, h.level) for h in read_headlines(cursor, blocks)[0]]
        [('Talks', 1)]
    """
    headlines: list[Heading] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if headlines and _is_duplicate_title(block, headlines):
            cursor.warn(block.line, "duplicate of the headline: skipped")
            index += 1
            continue
        if not isinstance(block, Heading):
            if not (len(headlines) == 1 and _masthead(headlines[0].title)):
                break
            if not isinstance(block, Paragraph) or not _headline_line(block.text):
                break
            if MEMO_FIELD.match(block.plain):
                break  # "BRIEFING NOTE" over "To: …", "Subject: …": a memo's header
            # the headline under an outlet's masthead, read as a paragraph
            block = Heading(block.start, block.end, block.line, block.text, block.plain, 1)
        elif headlines and not _sub_headline(blocks, index):
            break
        headlines.append(replace(block, level=1))
        index += 1
    if not headlines:
        first = blocks[0]
        if isinstance(first, Paragraph) and len(words(first.text)) <= MAX_HEADLINE_WORDS:
            headlines.append(
                Heading(first.start, first.end, first.line, first.text, first.plain, 1)
            )
            index = 1
    return tuple(headlines), index


_MASTHEAD_WORDS = 6
"""A line in capitals above a headline in other case is the outlet's name when this short."""


def _masthead(title: str) -> bool:
    return is_caps(title) and len(words(title)) <= _MASTHEAD_WORDS


def _headline_line(text: str) -> bool:
    """One line of at most :data:`MAX_HEADLINE_WORDS` words that does not end a sentence
    (nor is a line of fields: "Policy Brief No. 14 | 13 April 2027")."""
    line = text.strip()
    return (
        "\n" not in line
        and "|" not in line
        and not line.endswith(SENTENCE_END)
        and (0 < len(words(line)) <= MAX_HEADLINE_WORDS)
    )


def document_title(headlines: Sequence[Heading]) -> str:
    """The title among the headlines: the first, unless it is a short line in capitals above
    one that is not (an outlet's masthead, "THE SOUTHERN LEDGER", above its headline).

    Examples:
        >>> heads = [Heading(0, 9, 1, t, t, 1) for t in ("THE LEDGER", "Leaders meet in Oslo")]
        >>> document_title(heads), document_title(heads[:1]), document_title(heads[::-1])
        ('Leaders meet in Oslo', 'THE LEDGER', 'Leaders meet in Oslo')
    """
    first = headlines[0].title
    if _masthead(first):
        for headline in headlines[1:]:
            if not is_caps(headline.title):
                return headline.title
    return first


def _sub_headline(blocks: Sequence[Block], index: int) -> bool:
    """A second heading line right after the headline is a sub-headline when prose follows."""
    heading = blocks[index]
    if heading.text.lstrip().startswith("#"):
        return False
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return isinstance(following, Paragraph)


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _is_duplicate_title(block: Block, headlines: list[Heading]) -> bool:
    """The block repeats a headline (the same words, or 90 % alike)."""
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
