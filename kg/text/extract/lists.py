"""Lists to claims: a list block (with its section) in, agenda topics, concerns,
recommendations, outcomes or participants out, put in the claim sink.

A list's role comes from the sentence that introduces it or else from its
section heading (:func:`kg.text.lexicon.list_role`): the cue that comes first
wins ("Key strategic concerns include:" → concerns; "Some of the potential
implications include:" → outcomes, with the intro's hedge). Each role has
one reader in :data:`ITEM_READERS`. A nested item details its parent and
makes no claim of its own.

An item whose label names its role ("* Topic: …", "* Likely outcome: …", "– Concern: …") is
read by that label (:mod:`kg.text.extract.fields`), whatever the list's role.

A list whose intro and heading name no role ("Here are the key takeaways:",
"Here's what to expect:") is kept: a label-and-description item
(``*Ferry contract: officials will meet``) gives its label as a topic, and
:func:`read_list` returns its items for a sentence reader.

An outcome item written as sentences that state their own outcomes ("*Treaty: The six leaders
signed the treaty …") is handed to the sentence reader too, its label a topic, as is an
agenda or concerns item whose label names an issue over sentences ("* Energy: Jakarta is
seeking …", "– Fishing – Canberra rejects …"); an outcome list's hedge is its intro's, else
its heading's ("What they agreed").

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> doc = parse_article("# Talks\\n\\nNorway must act. What Oslo should do:\\n- Talk\\n")
    >>> sink = ClaimSink(doc, Gazetteer.bundled())
    >>> read_list(sink, doc.sections[0].blocks[1], doc.sections[0], ())  # no item left unread
    ()
    >>> [(r.label, [a.label for a in r.addressed_to]) for r in sink.recommendations]
    [('Talk', ['Norway'])]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.text.claims import ConceptClaim, Entity, ItemClaim, Likelihood, OutcomeClaim
from kg.text.cues import ITEM_CIRCUMSTANCE
from kg.text.document import Block, ListBlock, ListItem, Section
from kg.text.extract.actors import actor_values, addressees
from kg.text.extract.blocks import heading_topic, intro_sentence, lead_name, trim_item
from kg.text.extract.fields import Fields
from kg.text.extract.prose.items import circumstance_start
from kg.text.extract.prose.outcomes import is_actor_phrase, outcomes_in
from kg.text.extract.sink import ClaimSink
from kg.text.lexicon import (
    ACTOR_CUES,
    PARTICIPANT_CUE,
    ListRole,
    hedge_of,
    intro_hedge,
    issue_heading,
    list_role,
)
from kg.text.parse.sentences import split_sentences

__all__ = ["ITEM_READERS", "ListContext", "read_list"]


@dataclass(frozen=True)
class ListContext:
    """What a list's items share: the block, its section, intro sentence and role readings."""

    block: ListBlock
    section: Section
    intro: str | None
    section_actors: tuple[Entity, ...]
    addressed: tuple[Entity, ...] = ()
    hedge: tuple[Likelihood, str] | None = None


ItemReader = Callable[[ClaimSink, ListContext, ListItem, tuple[Entity, ...]], None]


def read_list(
    sink: ClaimSink, block: ListBlock, section: Section, section_actors: tuple[Entity, ...]
) -> tuple[Block, ...]:
    """Read a list of ``section`` (whose heading names ``section_actors``) into ``sink``.

    Returns the items no role reads (all the items of a list without a role, an outcome
    list's items written as sentences of their own), for a sentence reader.
    """
    intro = intro_sentence(block.intro)
    role = list_role(intro, section.title)
    context = ListContext(block, section, intro, section_actors)
    if role == "recommendations":
        addressed = addressees(sink, section, block) or section_actors
        context = replace(context, addressed=addressed)
    elif role == "outcomes":
        hedge = intro_hedge(intro) or hedge_of(section.title or "", anywhere=True)
        context = replace(context, hedge=hedge)
    # under "What was agreed" a commitment in the future tense is a result, as in a report
    held = sink.held or (context.hedge is not None and context.hedge[0] is Likelihood.AGREED)
    reader = ITEM_READERS[role] if role is not None else None
    handed: list[ListItem] = []
    fields = Fields(sink, section_actors, context.addressed)
    for item in block.items:
        mentioned = sink.entities(item)
        read = fields.read(item, item.label, item.description) if not item.depth else None
        if read is not None:  # "* Topic: peace treaty", "* Likely outcome: …"
            if read:
                handed.append(item)
            continue
        if reader is None:
            _unread(sink, item)
            handed.append(item)
        elif role == "outcomes" and not item.depth and _reported(item, sink, held):
            _unread(sink, item)  # "*Treaty: The six leaders signed the treaty …": its sentences
            handed.append(item)
        elif role in _ISSUE_ROLES and not item.depth and _issue_with_sentences(item):
            _issue_label(sink, role, item)  # "* Energy: Jakarta is seeking …": its sentences
            handed.append(item)
        elif not item.depth:  # a nested item details its parent: no claim of its own
            reader(sink, context, item, mentioned)
    return tuple(handed)


_SENTENCE_ITEM_WORDS = 8


def _reported(item: ListItem, sink: ClaimSink, held: bool = False) -> bool:
    """Whether an outcome item is written as sentences that state their own outcomes ("The six
    leaders signed the treaty …", "Beijing agreed to open green lanes …"; ``held``, also "Italy
    will post six more liaison officers …"): the sentence reader
    reads it, each outcome with its own hedge, not the whole item as one outcome.

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> doc = parse_article("Outcomes:\\n- The ministers signed a fisheries accord on "
        ...     "Friday.\\n- A fisheries accord\\n")
        >>> sink = ClaimSink(doc, Gazetteer.bundled())
        >>> [_reported(i, sink) for i in doc.sections[0].blocks[0].items]
        [True, False]
    """
    text = item.description or item.content
    if len(text.split()) < _SENTENCE_ITEM_WORDS:
        return False
    return any(
        outcomes_in(sentence.plain, lambda subject: is_actor_phrase(sink, subject), held=held)
        for sentence in split_sentences(item)
    )


_ISSUE_ROLES = frozenset({"agenda", "concerns"})


def _issue_with_sentences(item: ListItem) -> bool:
    """Whether an agenda or concerns item is an issue's label over sentences that say what
    each side wants ("* Energy: Jakarta is seeking long-term contracts …", "– Fishing –
    Canberra rejects any change …"): the label names the issue, the sentence reader reads
    the rest, so the item is neither one agenda topic nor one concern as a whole.

    Examples:
        >>> from kg.text.parse import parse_article
        >>> doc = parse_article("Points of friction:\\n- Fishing: Canberra rejects any change "
        ...     "to its enforcement rules.\\n- Fishing: a dispute over boats\\n")
        >>> [_issue_with_sentences(i) for i in doc.sections[0].blocks[0].items]
        [True, False]
    """
    text = item.description
    if not item.label or not text or len(text.split()) < _SENTENCE_ITEM_WORDS:
        return False
    return text[:1].isupper() and text.rstrip().endswith((".", "!", "?", '"', "”"))


def _issue_label(sink: ClaimSink, role: ListRole, item: ListItem) -> None:
    """An issue item's label: an agenda topic of an agenda list, else a topic when it names
    an issue (:func:`_unread`)."""
    if role == "agenda" and item.label:
        topic = sink.concept(item.label, item, item.content)
        sink.agenda.append(topic)
        sink.item_topics.setdefault(id(item), topic)
    else:
        _unread(sink, item)


def _unread(sink: ClaimSink, item: ListItem) -> None:
    """An item of a list without a role: its label, when it names an issue, is a topic.

    Not a label that names an actor or a place ("Norway: …"), a role or a
    frame ("Outcome: …", "Background: …"), nor one that reads as a clause
    ("Moreau said France wanted – …").
    """
    label = item.label
    if not label or item.depth or len(label.split()) > _MAX_TOPIC_LABEL_WORDS:
        return
    if issue_heading(label) is None:
        return
    if any(word.lower() in ACTOR_CUES for word in label.split()) or sink.gaz.lookup(label):
        return
    topic = sink.concept(label, item, item.content)
    sink.topics.append(topic)
    sink.item_topics.setdefault(id(item), topic)


_MAX_TOPIC_LABEL_WORDS = 5


def _agenda(sink: ClaimSink, context: ListContext, item: ListItem, _: tuple[Entity, ...]) -> None:
    label = item.label or trim_item(item.content)
    sink.agenda.append(sink.concept(label, item, item.content))


_CLAUSE_SPLIT = re.compile(r";\s+")
_MIN_CLAUSE_WORDS = 3


def _concern(
    sink: ClaimSink, context: ListContext, item: ListItem, mentioned: tuple[Entity, ...]
) -> None:
    """A risk item is a concern, or one per clause where semicolons join whole clauses
    ("Fuel imports are running short; a crisis in the north could overtake the talks")."""
    claim = _item_claim(context, item, mentioned)
    end = circumstance_start(claim.label, 0, len(claim.label), ITEM_CIRCUMSTANCE)
    claim = replace(claim, label=claim.label[:end])  # "…, as they did in 2024, leaving …"
    parts = [p for p in _CLAUSE_SPLIT.split(claim.label) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) < _MIN_CLAUSE_WORDS for p in parts):
        sink.concerns.append(claim)
        return
    sink.concerns.extend(replace(claim, label=trim_item(part)) for part in parts)


def _recommendation(
    sink: ClaimSink, context: ListContext, item: ListItem, mentioned: tuple[Entity, ...]
) -> None:
    sink.recommendations.append(_item_claim(context, item, mentioned))


def _item_claim(context: ListContext, item: ListItem, mentioned: tuple[Entity, ...]) -> ItemClaim:
    return ItemClaim(
        label=trim_item(item.content),
        source=item,
        mentions=mentioned,
        addressed_to=context.addressed,
        actors=context.section_actors,
    )


def _actors(sink: ClaimSink, context: ListContext, item: ListItem, _: tuple[Entity, ...]) -> None:
    named = actor_values(sink, item.label or lead_name(item.content), "")
    sink.add_mentions(item, named)
    if context.intro and PARTICIPANT_CUE.search(context.intro):
        sink.listed_participants.extend(named)


_ITEM_CLAUSE = re.compile(
    r"\s+(?:whenever|wherever|once|unless|because|covering|including|adding|so\s+that"
    r"|to\s+help)\s"
    r"|,\s+(?:with|which|who|whose|where|when|including)\s|,?\s+(?:under|through|by)\s+which\s"
)
"""Where a long outcome item's subordinate clause begins ("a defence arrangement under which
…", "a labour mobility deal adding 3,000 places …", "a pledge of A$40 million to help …")."""
_LONG_ITEM = 10


def _main_clause(text: str) -> str:
    """A long item's outcome without its subordinate clause ("share reservoir levels whenever
    rainfall falls below a threshold" → "share reservoir levels").

    Examples:
        >>> _main_clause("set up a joint dam-safety panel covering the dam and the reservoir "
        ...     "of the river")
        'set up a joint dam-safety panel'
        >>> _main_clause("a defence cooperation arrangement under which Australia will supply "
        ...     "two more patrol boats")
        'a defence cooperation arrangement'
        >>> _main_clause("resume talks including experts")
        'resume talks including experts'
    """
    if len(text.split()) <= _LONG_ITEM:
        return text
    cut = _ITEM_CLAUSE.search(text)
    return text[: cut.start()] if cut is not None and cut.start() > 0 else text


_AFTER_VERDICT = re.compile(
    r"\s*(?:$|[.,;:(—–-]|(?:if|unless|before|after|once|but|though|although|given|provided"
    r"|pending|by|in|at|on|within|only)\b)",
    re.IGNORECASE,
)


def _verdict(item: ListItem) -> tuple[str, tuple[Likelihood, str]] | None:
    """An outcome item that names the outcome and then how likely it is, as a briefing lists
    them: ``(outcome, (likelihood, hedge))``.

    Examples:
        >>> item = ListItem(0, 1, 1, "", content="A joint declaration on shipping: expected.")
        >>> _verdict(item)[0], _verdict(item)[1][1]
        ('A joint declaration on shipping', 'expected')
        >>> _verdict(ListItem(0, 1, 1, "", content="Trade: likely to dominate the talks"))
    """
    if item.label and item.description:
        head, tail = item.label, item.description
    else:
        head, _, tail = item.content.rpartition(": ")
    hedge = hedge_of(tail) if head.strip() else None
    if hedge is None:
        return None
    word = tail.casefold().find(hedge[1].casefold())
    if word < 0 or not _AFTER_VERDICT.match(tail, word + len(hedge[1])):
        return None
    return trim_item(head), hedge


def _outcome(
    sink: ClaimSink, context: ListContext, item: ListItem, mentioned: tuple[Entity, ...]
) -> None:
    verdict = _verdict(item)
    text = verdict[0] if verdict else _main_clause(trim_item(item.description or item.content))
    topic = _topic_of(sink, context, item, text, labelled=verdict is None)
    sink.topics.append(topic)
    chosen = verdict[1] if verdict else hedge_of(text) or context.hedge
    likelihood, hedge = chosen if chosen else (Likelihood.UNSTATED, None)
    sink.outcomes.append(
        OutcomeClaim(
            label=text,
            topic=topic,
            source=item,
            likelihood=likelihood,
            hedge=hedge,
            mentions=mentioned,
            actors=context.section_actors,
        )
    )


def _topic_of(
    sink: ClaimSink, context: ListContext, item: ListItem, text: str, *, labelled: bool = True
) -> ConceptClaim:
    """An outcome item's topic: its label (when ``labelled``: the label is no outcome), a topic
    of the document it names, the heading's topic, or else the subject the outcome names
    itself ("A ceasefire in Gaza")."""
    if item.label and labelled:
        return sink.concept(item.label, item, item.content)
    known = _known_topic(sink, item.content)
    if known is not None:
        return replace(known, source=item, surface=known.surface)
    heading = heading_topic(context.section)
    if heading is not None:
        return sink.concept(heading[0], heading[1], heading[1].plain)
    subject = re.sub(r"^(?:an?|the)\s+", "", text, flags=re.I)
    if hedge_of(subject) and len(subject.split()) > 1:
        subject = subject.split(None, 1)[1]  # "Likely friction …" → "friction …"
    return sink.concept(subject, item, item.content)


def _known_topic(sink: ClaimSink, text: str) -> ConceptClaim | None:
    """A topic of this document that ``text`` names ("… on arms control …")."""
    lowered = text.casefold()
    for claim in (*sink.agenda, *sink.topics):
        if len(claim.label) > 3 and claim.label.casefold() in lowered:
            return claim
    return None


ITEM_READERS: dict[ListRole, ItemReader] = {
    "actors": _actors,
    "agenda": _agenda,
    "concerns": _concern,
    "outcomes": _outcome,
    "recommendations": _recommendation,
}
"""List role → the reader of each of its top-level items."""
