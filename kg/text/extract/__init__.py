"""Document blocks → claims: a parsed :class:`~kg.text.document.Document` (and a
gazetteer) in, :class:`~kg.text.claims.Claims` out.

:func:`extract` runs one reader per source of claims, in order, over one
:class:`~kg.text.extract.sink.ClaimSink` that collects what they find:

1. :mod:`~kg.text.extract.actors` — the actors and places the document
   introduces (titled people, actor columns and lists, possessive headers,
   a key/value table's host and venue), minted before anything is read;
2. the headlines' and each section's mentions, and per section
   :mod:`~kg.text.extract.sections` (the issue its heading names becomes a
   topic, the actor a heading names or asks about is the section's),
   :mod:`~kg.text.extract.tables` (rows → topics, outcomes, positions,
   concerns, recommendations; each column role has a handler in
   :mod:`~kg.text.extract.cells`; key/value tables give the summit's details)
   and :mod:`~kg.text.extract.lists` (items → agenda, concerns,
   recommendations, outcomes, participants, by the list's role; items of a
   list without a role are kept, a label-and-description item's label a
   topic, as is the label of an agenda or concerns item whose description is
   sentences); each section's paragraphs and unread items are handed on as its
   prose (:attr:`kg.text.claims.Claims.sections`), an item's sentences under
   its label's topic;
3. :mod:`~kg.text.extract.summit` — the summit: participants, place, status (read
   before the prose, so that a report of a summit already held reads its commitments in
   the future tense as results);
4. :mod:`~kg.text.extract.prose` — each section's prose, sentence by sentence:
   outcomes with their hedge, positions, concerns, recommendations and agenda
   enumerations, each claim's source the sentence that states it.

The words every reader goes by are in :mod:`kg.text.lexicon`;
:mod:`~kg.text.extract.blocks` tells what a block is. Every label extraction
gives occurs in the clean view of its source block. Topics merge by a key
(:func:`kg.text.lexicon.concept_key`): "Reevaluating arms control", "Arms
Control" and "arms control frameworks" share the key ``arms-control``.
"""

from __future__ import annotations

from dataclasses import replace

from kg.text.budget import check_budget, reading
from kg.text.claims import Claims
from kg.text.document import Block, Document, ListBlock, Paragraph, Section, Table
from kg.text.extract.actors import discover
from kg.text.extract.fields import FIELD_PARAGRAPH, Fields
from kg.text.extract.lists import read_list
from kg.text.extract.prose import read_prose
from kg.text.extract.prose.outcomes import settle_outcome_topics
from kg.text.extract.prose.positions import settle_topics
from kg.text.extract.sections import run_in_topic, section_heading
from kg.text.extract.sink import ClaimSink
from kg.text.extract.summit import read_summit
from kg.text.extract.tables import read_table
from kg.text.gazetteer import Gazetteer

__all__ = ["extract"]


def extract(
    document: Document, gazetteer: Gazetteer | None = None, *, budget: float | None = None
) -> Claims:
    """Read the claims a parsed document makes.

    Reading stops at the per-document time budget (:mod:`kg.text.budget`; ``budget``
    seconds if given), or at the budget of the reading it is part of.

    Raises:
        LoaderError: reading ran past the budget.

    Examples:
        >>> from kg.text.parse import parse_article
        >>> text = "Putin and Trump Set to Meet in Alaska\\nTopic | Possible Outcome |\\n"
        >>> text += "---|---|\\nTrade | New deals |"
        >>> claims = extract(parse_article(text))
        >>> [(o.topic.label, o.label, o.likelihood.term) for o in claims.outcomes]
        [('Trade', 'New deals', 'Possible')]
        >>> claims.summit.status, [p.label for p in claims.summit.participants]
        ('Scheduled', ['Donald Trump', 'Vladimir Putin'])
    """
    with reading(document.source, budget):
        sink = ClaimSink(document, gazetteer or Gazetteer.bundled())
        discover(sink)
        for heading in document.headlines:
            sink.mentions_of(heading)
        for section in document.sections:
            _read_section(sink, section)
        summit = read_summit(sink)
        sink.held = summit is not None and summit.status == "Held"
        for read in tuple(sink.sections):
            read_prose(sink, read)
        settle_topics(sink)
        settle_outcome_topics(sink)
        check_budget()
        return sink.claims(summit)


def _read_section(sink: ClaimSink, section: Section) -> None:
    """A section's heading, mentions, tables and lists, in order; its prose handed on."""
    if section.heading is not None:
        sink.mentions_of(section.heading)
    read = section_heading(sink, section)
    actors = read.actors
    prose: list[Block] = []
    fields = Fields(sink, actors)
    for block in section.blocks:
        check_budget()
        if isinstance(block, Paragraph):
            sink.mentions_of(block)
            field = FIELD_PARAGRAPH.match(block.plain)
            if field is not None:  # "Concern: …", "Likely outcome: …"
                to_prose = fields.read(block, field.group("label"), block.plain[field.end() :])
                if to_prose is not None:
                    if to_prose:
                        prose.append(block)
                    continue
            run_in_topic(sink, block)
            prose.append(block)
        elif isinstance(block, Table):
            read_table(sink, block, section, actors)
        elif isinstance(block, ListBlock):
            prose.extend(read_list(sink, block, section, actors))
    sink.sections.append(replace(read, prose=tuple(prose)))
