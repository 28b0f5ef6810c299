"""Section headings to claims: a section (and the claim sink) in, the section's issue topic,
its actor and its prose out, as a :class:`~kg.text.claims.SectionClaim`.

Real coverage puts each issue under a short heading ("Security guarantees for
Ukraine", "Land swaps") and each side's stand under a question ("What does
Beijing want?"). A heading that names an issue
(:func:`kg.text.lexicon.issue_heading`) becomes a topic, and the claims of its
section without a topic of their own attach to it; a heading that names an
actor ("Russia’s Position", "China") or a question that names one makes the
section that actor's; framing headings ("Background", "What could go wrong",
"Key takeaways") make neither.

The section's prose is handed on (:attr:`~kg.text.claims.SectionClaim.prose`):
its paragraphs and the items of its lists that no list role reads, in
reading order, for a sentence reader to take claims from with the section's
topic and actors.

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> text = "Talks in Oslo\\nThe talks open on Monday in Oslo, officials said.\\n\\n"
    >>> text += "Land swaps\\nNorway may be open to a swap of two islands, analysts say.\\n"
    >>> doc = parse_article(text)
    >>> sink = ClaimSink(doc, Gazetteer.bundled())
    >>> read = section_heading(sink, doc.sections[1])
    >>> read.topic.label, [t.label for t in sink.topics]
    ('Land Swaps', ['Land Swaps'])
    >>> section_heading(sink, doc.sections[0]).topic is None
    True
"""

from __future__ import annotations

import re

from kg.text.claims import ConceptClaim, Entity, SectionClaim
from kg.text.document import Block, Heading, Section
from kg.text.extract.actors import section_actors
from kg.text.extract.sink import ClaimSink
from kg.text.lexicon import issue_heading, question_heading
from kg.text.parse.headings import MEMO_FIELD, RUN_IN_HEAD

__all__ = ["heading_actors", "issue_topic", "section_heading"]


def heading_actors(sink: ClaimSink, heading: Heading | None) -> tuple[Entity, ...]:
    """The actor a heading is about: named whole ("China", "Russia’s Position") or asked about.

    A question heading ("What does Beijing want?", "- What does Trump want? -")
    makes its section the actor's when it names exactly one actor.
    """
    if heading is None:
        return ()
    named = section_actors(sink, heading)
    if named or not question_heading(heading.title):
        return named
    actors = tuple(e for e in sink.gaz.entities_in(heading.title) if not e.is_place)
    return actors if len(actors) == 1 else ()


def issue_topic(
    sink: ClaimSink, heading: Heading | None, actors: tuple[Entity, ...]
) -> ConceptClaim | None:
    """The topic a heading names, or ``None`` (no heading, a framing heading, an actor, a place).

    The label is the heading's title as written.
    """
    if heading is None or actors:
        return None
    title = issue_heading(heading.title)
    if title is None:
        return None
    bare = re.sub(r"\s*\([^)]*\)", "", title).strip()
    if sink.gaz.lookup(bare) is not None:
        return None  # "Alaska", "Ukraine": a place or an actor, not an issue
    return sink.concept(title, heading, heading.plain)


def run_in_topic(sink: ClaimSink, block: Block) -> ConceptClaim | None:
    """The issue a paragraph's bold run-in head names ("**The Yemen roadmap.** The council
    demands …"), recorded as a topic and as the topic of the paragraph's sentences; else
    ``None`` (no such head, or one naming an actor, a place or no issue).

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> doc = parse_article("Talks\\n\\n**Prisoners.** An exchange has stalled.\\n")
        >>> sink = ClaimSink(doc, Gazetteer.bundled())
        >>> run_in_topic(sink, doc.sections[0].blocks[0]).label
        'Prisoners'
    """
    head = RUN_IN_HEAD.match(block.text) if not MEMO_FIELD.match(block.plain) else None
    title = issue_heading(head.group("title")) if head is not None else None
    if title is None or sink.gaz.lookup(title) is not None:
        return None
    topic = sink.concept(title, block, block.plain)
    sink.topics.append(topic)
    sink.item_topics[id(block)] = topic
    return topic


def section_heading(sink: ClaimSink, section: Section) -> SectionClaim:
    """The section's actors and issue topic, read before its blocks; the topic is recorded."""
    heading = section.heading
    actors = heading_actors(sink, heading)
    signature = not section.blocks and section is sink.doc.sections[-1]  # "Gulf Team" at the end
    topic = None if signature else issue_topic(sink, heading, actors)
    if topic is not None:
        sink.topics.append(topic)
    return SectionClaim(heading=heading, topic=topic, actors=actors)
