"""Prose blocks → sentences: a paragraph or list item in, its
:class:`~kg.text.document.Sentence` spans out.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets after it) followed by white space and a capital, a digit or an
opening quote, unless the word before the stop is an abbreviation ("U.S.",
"Gen.", "Sept.", "a.m.") or a single initial ("J. Smith"): "the U.S. Navy" is
far more common than a sentence ending in "U.S.", so the rare end is missed.
A semicolon does not end a sentence. A list item's marker is not part of its
first sentence. Splitting is linear in the text (runs of stops are matched
whole, from their start).

Every sentence keeps the exact source text and its offsets into the
document's normalised text (``doc.text[s.start:s.end] == s.text``); what
extraction reads is its clean view (``s.plain``).

Examples:
    >>> from kg.text.document import Paragraph
    >>> text = "Gen. Lee met Mr. Kim in the U.S. capital. Talks may resume. “Soon,” he said."
    >>> [s.plain for s in split_sentences(Paragraph(0, len(text), 1, text))]
    ['Gen. Lee met Mr. Kim in the U.S. capital.', 'Talks may resume.', '“Soon,” he said.']
    >>> [s.index for s in split_sentences(Paragraph(0, len(text), 1, text))]
    [1, 2, 3]
"""

from __future__ import annotations

import re

from kg.text.document import Block, ListItem, Sentence

__all__ = ["ABBREVIATIONS", "split_sentences"]

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt sen rep gov pres amb sec st mt ft
    jr sr rev hon no nos vol fig inc ltd co corp bros dept univ est approx vs cf al
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a a.m p.m e.g i.e d.c n.y l.a
    """.split()
)
"""Words (lower case, without the final stop) after which a stop does not end a sentence."""

# A stop, closing quotes or brackets after it, white space, then what opens a sentence.
# Runs are matched from their start only and whole (possessive): linear on "......".
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s++[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.$")


def _is_abbreviation(before: str) -> bool:
    """Whether the text before a stop ends in an abbreviation or an initial ("J", "U.S")."""
    match = _WORD_BEFORE.search(before)
    if match is None:
        return False
    word = match.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS


def split_sentences(block: Block) -> tuple[Sentence, ...]:
    """The sentences of a paragraph or list item, in order, numbered from 1.

    Examples:
        >>> from kg.text.document import ListItem
        >>> item = ListItem(10, 35, 3, "- Trade may grow. Or not!", marker="-")
        >>> [(s.start, s.text) for s in split_sentences(item)]
        [(12, 'Trade may grow.'), (28, 'Or not!')]
    """
    text = block.text
    begin = 0
    if isinstance(block, ListItem) and block.marker:
        at = text.find(block.marker)  # the parser kept the marker as written
        begin = at + len(block.marker) if at >= 0 else 0
    cuts: list[tuple[int, int]] = []
    for match in _BOUNDARY.finditer(text, begin):
        stop = match.start()
        if (
            text[stop] == "."
            and match.group(0) == "."
            and _is_abbreviation(text[max(begin, stop - 24) : stop + 1])
        ):
            continue
        cuts.append((begin, match.end()))
        begin = match.end()
    cuts.append((begin, len(text)))
    sentences: list[Sentence] = []
    line, counted = block.line, 0  # line breaks are counted once, from sentence to sentence
    for start, end in cuts:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail <= lead:
            continue
        line += text.count("\n", counted, start + lead)
        counted = start + lead
        sentences.append(
            Sentence(
                start=block.start + start + lead,
                end=block.start + start + trail,
                line=line,
                text=piece[lead:trail],
                parent=block,
                index=len(sentences) + 1,
            )
        )
    return tuple(sentences)
