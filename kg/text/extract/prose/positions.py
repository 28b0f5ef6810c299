"""An actor's stance on a topic from a sentence ("Kyiv rejects any land swap").

The clause's content is cut into clauses ("X wants A, while Y rejects B"; "…, a
demand Kyiv rejects"); in each, a stance verb of :data:`kg.text.cues.STANCE_CUE`
with an actor just before it (the actor named there, else the pronoun's or the
section's actor) states a position on the object after it. A relative clause
("which Kyiv has rejected", "an idea Russia has long supported") takes the
object and topic of the clause it follows. A refusal ("would not lift X") rejects X; a
possessive noun ("Seoul's call for X") states its actor's stance; two actions or noun
phrases in one object ("to lift A and ease B") give two positions; a passive participle
("has been invited") and an object that is only an actor, people or a pronoun give none.
The topic is a topic of the document the object names, else the object's issue as written
("an end to U.S. arms sales to the island" → U.S. arms sales to the island), else the
sentence's or section's topic. The position's label is the issue its object names, as
written inside it (:func:`minimal_label`: "a withdrawal of Ukrainian forces from the Donetsk
region" → Donetsk region); the object as written stays as its ``quote``, and the sentence as
its source. The actor is named just before the verb (a metonym's name is
kept as one of its state's names: "Bangkok offers"), or is the subject of a verb it shares
("X will raise A and seek B"), or the speaker a pronoun or "his government" stands for in
reported speech; a person's position is also the position of the state or organisation the
document introduces them as acting for ("Bolivian President Tomás Quiroga"). No actor, no
position.

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> from kg.text.parse.sentences import split_sentences
    >>> from kg.text.extract.sink import ClaimSink
    >>> text = "Talks\\nMoscow insists that Ukraine withdraw from the Donetsk region, "
    >>> text += "a demand Kyiv rejects.\\n"
    >>> doc = parse_article(text)
    >>> sink = ClaimSink(doc, Gazetteer.bundled())
    >>> sentence = split_sentences(doc.sections[0].blocks[0])[0]
    >>> read_positions(sink, Clause(sentence, content=sentence.plain))
    >>> [(p.actors[0].label, p.stance, p.label) for p in sink.positions]
    [('Russia', 'demands', 'Donetsk region'), ('Ukraine', 'rejects', 'Donetsk region')]
    >>> sink.positions[0].quote
    'the Donetsk region'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.text.claims import ConceptClaim, Entity, PositionClaim
from kg.text.cues import (
    ACTOR_ASIDE,
    ADJECTIVAL_CUES,
    AWAY_FROM,
    BARE_AMOUNT,
    BARE_ISSUE_HEADS,
    BARE_PRONOUN,
    CLAUSE_SUBJECT,
    COORDINATED_ACTION,
    COORDINATED_OBJECT,
    EVENT_NOUNS,
    HEAD_OF,
    INFINITIVE,
    LABEL_END,
    LABEL_IN_COMPLEMENT,
    LABEL_ROUTE,
    LABEL_VAGUE,
    LAST_INFINITIVE,
    LIGHT_OBJECT,
    NO_COMMENT,
    OBJECT_END,
    OBJECT_LEAD,
    OBJECT_PREPOSITION,
    OBJECT_PURPOSE,
    OWN_SIDE,
    PASSIVE_BEFORE,
    POSITION_ISSUE_END,
    POSITION_MODIFIERS,
    POSITION_VAGUE,
    PRONOUN_OBJECT,
    PRONOUN_SUBJECT,
    PROPOSAL_ANAPHOR,
    PROPOSAL_ANAPHOR_END,
    RELATIVE_LEAD,
    RELATIVE_PERSON,
    SEGMENT_BREAK,
    STANCE_CUE,
    STANCE_LEAD_WORDS,
    STANCE_NEGATED,
    UNDOING_HEAD,
    UNDOING_VERB,
    VERB_WORD,
    names_people,
)
from kg.text.document import Block, Sentence
from kg.text.extract.prose.clause import Clause
from kg.text.extract.prose.speech import bound_pronoun
from kg.text.extract.prose.topics import issue_like, known_topic, mentioned_twice, topic_for
from kg.text.extract.sink import ClaimSink
from kg.text.gazetteer import Mention

__all__ = [
    "minimal_label",
    "object_phrase",
    "read_positions",
    "settle_topics",
    "stated_positions",
]

_WORD = re.compile(r"[\w’'-]+")
_JOINERS = frozenset({"and", "or", "both", "as", "well", "the"})
_DETERMINERS = frozenset("a an the any its their his her this these those".split())
_OBJECT_DETERMINER = re.compile(
    r"^(?:(?:an?|the|any|some|all|its|their|his|her|this|these|those|such|more|much|large"
    r"|larger|greater|further|so-called|only|just|also|even|again)\s+)+",
    re.I,
)
_OBJECT_PARTICIPLE = re.compile(
    r"\s(?!(?:need|seed|speed|feed|greed|breed|creed|red|bed|shed)\b)[a-z]{2,}ed"
    r"(?:\s+(?:by|in|at|before|within|from|first|quickly|now)\b.*)?$"
)
_OBJECT_CLAUSE = re.compile(
    r"\s(?:that|which|who|whose|where|so\s+that|because|unless|until|while|whereas)\s|[,;:(]"
    r"|\s[\"“](?=\S)|[\"”](?=\s)"
)
_LIGHT_REST = re.compile(
    r"\s*(?:$|[,.;:!?]|(?:for|since|in|over|at|from|during|long|so|before|after|until|and|but"
    r"|most|hardest|again|already|repeatedly)\b)"
)
_ANTECEDENT_SPAN = 60
_ANTECEDENT_DETERMINERS = frozenset("the a an any its their his her this".split())
_ASIDE = re.compile(r",\s+[^,;.:]{1,40}?,\s+(?=\S)")
_COORDINATED_VERB = re.compile(
    r"\s(?:and|or)\s+(?:(?:also|then|later|to|instead|now|is|are|was|were|has|have|had|will"
    r"|would)\s+){0,3}$"
)
_OBJECT_ISSUE_WORDS = 10
_FUNCTION_WORDS = frozenset(
    """a an the of to for in on at by with from and or that which who its their his her both
    either neither each all none""".split()
)
_BARE_MODIFIER = re.compile(r"(?:an?|the)\s+[\w-]+", re.IGNORECASE)
_POSSESSED_PERSON = re.compile(r"[’']s(?:\s+[A-Z][\w’'-]+){2,3}(?=\s|,|$)")
"""A name after a state's possessive ("New Zealand's Christopher Luxon"): the state's person."""
_STANCE_GROUPS = ("seeks", "demands", "rejects", "offers", "proposes", "supports", "opposes")


@dataclass(frozen=True)
class _Said:
    """A position read from one clause: its object phrase (span in the content) and topic."""

    label: str
    topic: ConceptClaim | None
    resolved: bool = True


def _segments(text: str) -> list[tuple[int, int]]:
    """The spans of a content's clauses."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in SEGMENT_BREAK.finditer(text):
        if match.start() > begin:
            spans.append((begin, match.start()))
        begin = match.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return spans


def _only_lead_words(text: str) -> bool:
    """Whether ``text`` holds only the words that may part an actor from its verb."""
    return all(w.lower() in STANCE_LEAD_WORDS for w in _WORD.findall(text))


def _named(sink: ClaimSink, mention: Mention) -> Entity:
    """The actor a mention names; named by a metonym ("Bangkok offers"), the name is kept as
    one of its labels, as a surname is a person's."""
    entity = mention.entity
    if mention.surface in entity.aliases or not sink.gaz.is_metonym(mention):
        return entity
    return replace(entity, aliases=(*entity.aliases, mention.surface))


def _antecedent(before: str) -> str:
    """The noun phrase a "that"/"which" clause ending in a stance verb is about ("the treaty
    that Egypt has sought for a decade" → the treaty), or ``""``.

    Examples:
        >>> _antecedent("It ended without the legally binding treaty that Egypt has sought")
        'the legally binding treaty'
        >>> _antecedent("Analysts believe that Egypt wants")
        ''
    """
    cut = max(before.rfind(" that "), before.rfind(" which "))
    if cut < 0 or len(before) - cut > _ANTECEDENT_SPAN:
        return ""
    head = before[max(0, cut - _ANTECEDENT_SPAN) : cut]
    words = head.split(" ")
    for index in range(len(words) - 2, max(-1, len(words) - 8), -1):
        word = words[index].lower()
        if word in _ANTECEDENT_DETERMINERS:
            phrase = " ".join(words[index:])
            return phrase if not any(c in phrase for c in ",;:") else ""
    return ""


def _leading_actor(segment: str, mentions: list[Mention]) -> tuple[Entity, ...]:
    """The actor a clause opens with ("Reyes is expected to …"), its subject, or ``()``."""
    if not mentions or segment[: mentions[0].start].strip().lower() not in ("", "the"):
        return ()
    return (mentions[0].entity,)


def _actor_group(sink: ClaimSink, pre: str, mentions: list[Mention]) -> tuple[Entity, ...]:
    """The actors named just before a stance verb ("Namibia and Mauritania hope to"; a state
    before the name of its person: "New Zealand's Christopher Luxon supports")."""
    if not mentions:
        return ()
    rest = pre[mentions[-1].end :]
    person = _POSSESSED_PERSON.match(rest)
    if person is not None and mentions[-1].entity.kind != "Person":
        rest = rest[person.end() :]
    if not _only_lead_words(rest):
        return ()
    group = [mentions[-1]]
    for mention in reversed(mentions[:-1]):
        gap = pre[mention.end : group[-1].start]
        if not all(w.lower() in _JOINERS for w in _WORD.findall(gap)) or ";" in gap:
            break
        group.append(mention)
    seen: dict[str, Entity] = {}
    for mention in reversed(group):
        seen.setdefault(mention.entity.id, _named(sink, mention))
    return tuple(seen.values())


def object_phrase(
    text: str, *, verb_first: bool = False, that_clause: bool = False
) -> tuple[int, int]:
    """The span of the minimal phrase a stance is on, in the text after its verb.

    Examples:
        >>> text = "India to open markets to farm goods, which it calls a red line."
        >>> start, end = object_phrase(text)
        >>> text[start:end]
        'markets to farm goods'
        >>> text = "India to cut tariffs on farm goods."
        >>> start, end = object_phrase(text)
        >>> text[start:end]  # an undoing verb stays: the stance is on cutting them
        'cut tariffs on farm goods'
        >>> text = "that Ukraine withdraw from the Donetsk region."
        >>> start, end = object_phrase(text)
        >>> text[start:end]
        'the Donetsk region'
        >>> text = "a peace regime to replace the armistice."
        >>> start, end = object_phrase(text)
        >>> text[start:end]  # what the thing proposed is for is not its object
        'a peace regime to replace the armistice'
    """
    end_match = OBJECT_END.search(text)
    end = end_match.start() if end_match is not None else len(text)
    start = len(text) - len(text.lstrip())
    lead = OBJECT_LEAD.match(text, start)
    clause = that_clause
    if lead is not None:
        clause = clause or lead.group(0).startswith("that")
        start = lead.end()
    infinitive = INFINITIVE.match(text, start, end)
    if verb_first:
        first = VERB_WORD.match(text, start, end)
        if first is not None and first.group(0).split()[0] in _DETERMINERS:
            first = None  # "committed to a free …", "open to the idea": a noun phrase
        if first is not None and first.end() < end and not _undoes(first.group(0)):
            start = first.end()
    elif (
        infinitive is not None
        and infinitive.end() < end
        and not _INDEFINITE.match(infinitive.group(0))  # "a peace regime to replace …": its aim
    ):
        verb = _INFINITIVE_VERB.search(infinitive.group(0))
        if verb is not None and _undoes(verb.group(1)):
            start = infinitive.start() + verb.start(1)  # "wants Seoul to lift the ban"
        else:
            start = infinitive.end()
            light = LIGHT_OBJECT.match(text, start, end)
            if light is not None and light.end() < end:
                start = light.end()
    elif clause:
        subject = CLAUSE_SUBJECT.match(text, start, end)
        if subject is not None and subject.end() < end:
            start = subject.end()
    preposition = OBJECT_PREPOSITION.match(text, start, end)
    if preposition is not None and preposition.end() < end:
        start = preposition.end()
    while end > start and text[end - 1] in " ,.;:\"'”’":
        end -= 1
    while start < end and text[start] in " \"'“‘":
        start += 1
    return start, end


def _head_off(label: str) -> str:
    """A stance's object without a generic head ("the rest of", "the idea of talks on").

    Examples:
        >>> _head_off("the idea of talks on sanctions relief")
        'sanctions relief'
    """
    for _ in range(2):  # "the idea of talks on sanctions relief": two heads
        head = HEAD_OF.match(label)
        label = label[head.end() :] if head is not None and head.end() < len(label) else label
    return label


_INDEFINITE = re.compile(r"(?:an?|another)\s", re.IGNORECASE)
_COORDINATED_LEAD = re.compile(r"^,?\s+and\s+(?:to\s+)?")
_INFINITIVE_VERB = re.compile(r"\bto\s+([a-z]+\s+(?:(?:up|down|out|off|back|away)\s+)?)$")


def _undoes(verb: str) -> bool:
    """Whether ``verb`` (with its particle) undoes its object: "lift ", "phase out "."""
    return UNDOING_VERB.fullmatch(verb) is not None


def _verbless(label: str) -> str:
    """A label without its undoing verb: "lift the ban on seafood" → "the ban on seafood"."""
    verb = UNDOING_VERB.match(label)
    return label[verb.end() :] if verb is not None and verb.end() < len(label) else label


def _topic_phrase(label: str) -> str:
    """What a stance's object is about: "the rest of the Donetsk region" → "the Donetsk region".

    Examples:
        >>> _topic_phrase("the Agreement to cover data flows")
        'the Agreement'
        >>> _topic_phrase("lift its objections to the talks")
        'its objections to the talks'
    """
    label = _head_off(_verbless(label))
    purpose = OBJECT_PURPOSE.search(label)
    if purpose is not None and purpose.start() > 0:
        label = label[: purpose.start()]
    return label


def _stance(cue: re.Match[str]) -> str | None:
    """The stance a cue states (a negated cue states the opposite, or none)."""
    stance = next((g for g in _STANCE_GROUPS if cue.group(g)), None)
    if stance is not None and cue.group("neg"):
        return STANCE_NEGATED.get(stance)
    return stance


def _fallback(segment: str, cue: re.Match[str] | None) -> _Said | None:
    """What a clause without a position is about, for a relative clause after it to take
    (``cue``: the segment's first stance cue, already searched)."""
    rest = segment[cue.end() :] if cue is not None else segment
    infinitives = list(LAST_INFINITIVE.finditer(rest))
    if cue is None and infinitives:
        rest = rest[infinitives[-1].end() :]
    start, end = object_phrase(rest)
    if end <= start:
        return None
    return _Said(rest[start:end], None, resolved=False)


def _settle(said: _Said | None, pending: list[tuple[str, re.Match[str] | None]]) -> _Said | None:
    """What earlier clauses without a position were about, read only when a relative
    clause needs it (most sentences have none)."""
    for segment, cue in pending:
        said = _fallback(segment, cue) or said
    pending.clear()
    return said


def _issue(phrase: str) -> str:
    """The issue a position's object names, as written: its noun phrase without
    determiners, evaluative adjectives and what follows a preposition of place or purpose.

    Examples:
        >>> _issue("U.S. arms sales to the island")
        'U.S. arms sales'
        >>> _issue("a binding code of conduct")
        'code of conduct'
        >>> _issue("fentanyl precursors reaching Mexico")
        'fentanyl precursors'
    """
    text = POSITION_MODIFIERS.sub("", phrase.strip(" \"'“‘"))
    end = POSITION_ISSUE_END.search(text, 1)
    text = text[: end.start()] if end is not None else text
    text = text.strip(" ,;:.\"'“”‘’")
    return text if _WORD.search(text) else ""


def minimal_label(phrase: str) -> str:
    """A position's label: the issue its object names, as written inside it.

    The object without a generic head ("the removal of", "a pause on", "an end to", "$3
    billion to"; a leaving before a named place: "a withdrawal of X from"), its determiner,
    and what follows the issue (:func:`_cut`: a preposition of place or purpose, a clause,
    a verb, a participle with an object); its adjectives stay as written ("legally binding
    treaty"). A that-clause is the proposition as written. Where that leaves
    nothing fit to name an issue (a pronoun, an amount, function words), the object without
    its determiner; ``""`` when that too names nothing.

    Examples:
        >>> minimal_label("a withdrawal of Ukrainian forces from the Donetsk region")
        'Donetsk region'
        >>> minimal_label("the withdrawal of Rwandan troops from its territory")
        'withdrawal of Rwandan troops'
        >>> minimal_label("a pause on US export restrictions on advanced chips")
        'pause on US export restrictions on advanced chips'
        >>> minimal_label("the rest of the Donetsk region")
        'Donetsk region'
        >>> minimal_label("large purchases of American soybeans")
        'American soybeans'
        >>> minimal_label("a faster timetable for the ASEAN Power Grid")
        'faster timetable for the ASEAN Power Grid'
        >>> minimal_label("handing the file to a joint SADC-EAC process")
        'handing the file to a joint SADC-EAC process'
        >>> minimal_label("a regional policing initiative")
        'regional policing initiative'
        >>> minimal_label("$3 billion"), minimal_label("both")
        ('', '')
    """
    written = _tidy(phrase)
    if written[:5].lower() == "that ":
        clause = _tidy(_capped(written[5:]))
        return clause if _names_issue(clause) else ""
    away = AWAY_FROM.match(written)
    if away is not None and re.search(r"[A-Z]", written[away.end() :]):
        text = written[away.end() :]
    elif UNDOING_HEAD.match(written):
        text = written  # "the lifting of UN sanctions": without its head, the stance turns
    else:
        text = _head_off(written)
    issue = _tidy(_cut(_OBJECT_DETERMINER.sub("", text)))
    if _names_issue(issue):
        return issue
    whole = _tidy(_capped(_OBJECT_DETERMINER.sub("", written)))
    return whole if _names_issue(whole) else ""


def _cut(text: str) -> str:
    """A label's issue: ``text`` up to where the issue ends (:data:`LABEL_END`). A vague head
    keeps what follows it; a clause after a bare head (two words at most) defines it and
    stays, as a clause opened by a verb does (a proposition: "the systems be built in
    Europe"), and "in" after a noun it completes ("investment in ports"); an action
    ("handing the file to a joint SADC-EAC process") ends only at a clause or a comma; a
    route ("from A to B") stays."""
    action = _GERUND.match(text) is not None
    at = 1
    while True:
        end = LABEL_END.search(text, at)
        if end is None:
            return _capped(text)
        route = LABEL_ROUTE.match(text, end.start())
        if route is not None:
            at = route.end()
            continue
        if action and end.group("clause") is None and end.group("punct") is None:
            at = end.end()
            continue
        words = text[: end.start()].split()
        if (
            end.group(0).startswith(",")
            and len(words) < 2
            and _LISTED_ADJECTIVE.match(text, end.end())
        ):
            at = end.end()  # "a full, monitored ceasefire": two adjectives of one noun
            continue
        while words and words[-1].lower() in _FUNCTION_WORDS:
            words.pop()  # "language on | phasing out fossil fuels"
        vague = not words or words[-1].lower() in LABEL_VAGUE
        if end.group("prep") == "in" and words and words[-1].lower() in LABEL_IN_COMPLEMENT:
            vague = True  # "Chinese investment in ports": what the investment is in
        defined = end.group("clause") not in (None, "what")  # "of what he called …": an aside
        if defined and (vague or len(words) <= 2):
            return _capped(text)  # "guarantees that Kurdish fighters will be kept away"
        if end.group("verb") is not None and not action and len(words) <= 2:
            return _capped(text)  # "the systems be built in Europe"
        if vague:
            at = end.end()
            continue
        return text[: end.start()]


_LISTED_ADJECTIVE = re.compile(
    r"\s*(?!(?:which|who|whose|that|where|when|and|or|but|as|while|if|a|an|the|its|their|his"
    r"|her|including|such|not|in|on|at|to|for|with|from|by)\b)[a-z][\w-]*\s+[a-z][\w-]*"
)
"""After "full, ": an adjective and its noun ("monitored ceasefire"), in lower case."""
_GERUND = re.compile(
    r"(?!(?:meeting|funding|spending|financing|peacekeeping|training|shipping|fishing|mining"
    r"|building|trading|lending|pricing|licensing|processing|refining|housing|warming"
    r"|offering|hearing|opening|signing|ceiling|understanding|wording|standing|policing"
    r"|borrowing|dumping|bombing|shelling|fighting)\b)[a-z]{3,}ing\s+"
    r"(?:(?:the|an?|its|their|his|her|this|these|those|up|down|out|off|back|away)\b|[A-Z])"
)
"""An action with its object ("handing the file to …", "inviting Myanmar's generals back"),
not a gerund before a noun ("binding code", "the stationing of")."""


def _capped(text: str) -> str:
    """At most :data:`_OBJECT_ISSUE_WORDS` words, not ending on a function word."""
    words = text.split()
    if len(words) <= _OBJECT_ISSUE_WORDS:
        return text
    words = words[:_OBJECT_ISSUE_WORDS]
    while words and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


_TRAILING = re.compile(
    r"\s+(?:(?!(?:supply|ally|rally|assembly|family|monopoly|reply|anomaly|italy|july)\b)"
    r"[a-z]{2,}ly|(?!(?:need|seed|speed|feed|greed|breed|creed|seabed|hundred|sacred)\b)"
    r"[a-z]{2,}ed|a|an|the|of|to|for|in|on|at|by|with|from|and|or|its|their|his|her|instead|too)$"
)


def _tidy(text: str) -> str:
    """A label without stray punctuation, a quote mark left unpaired at its ends, or a
    trailing adverb, participle or function word ("a declaration formally" → a declaration).
    What is left is still a span of the object as written."""
    text = text.strip(" ,;:.'‘’")
    while text[:1] in _QUOTE_MARKS and text[-1:] in _QUOTE_MARKS and len(text) > 1:
        text = text[1:-1].strip(" ,;:.")  # a quoted label: "“root causes”"
    if not _paired(text) and text[:1] in _QUOTE_MARKS:
        text = text[1:].lstrip()
    if not _paired(text) and text[-1:] in _QUOTE_MARKS:
        text = text[:-1].rstrip()
    while len(text.split()) > 1:
        trailing = _TRAILING.search(text)
        if trailing is None:
            break
        text = text[: trailing.start()].rstrip(" ,;:")
    return text


_QUOTE_MARKS = frozenset('"“”')


def _paired(text: str) -> bool:
    """Whether a label's quote marks pair up."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _names_issue(text: str) -> bool:
    """Whether a phrase may stand as a position's label: words beyond pronouns, amounts and
    function words."""
    words = text.split()
    if not words or not _WORD.search(text):
        return False
    if BARE_AMOUNT.fullmatch(text) or PRONOUN_OBJECT.fullmatch(text):
        return False
    if len(words) == 1 and re.fullmatch(r"[a-z]{2,}ed", text):
        return False  # "(seeks) paid": a participle, no issue
    return not all(
        w.lower() in _FUNCTION_WORDS or BARE_PRONOUN.fullmatch(w) or BARE_AMOUNT.fullmatch(w)
        for w in words
    )


def _object_issue(sink: ClaimSink, label: str) -> str:
    """The issue a stance's object names, as written: the object's noun phrase without its
    determiner, up to a clause inside it (a clause after a bare head defines it and stays);
    ``""`` when it names none (an actor, people, a pronoun, a vague head, an amount).

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> sink = ClaimSink(parse_article("T\\nx\\n"), Gazetteer.bundled())
        >>> _object_issue(sink, "any arrangement that would give armed groups a share")
        'arrangement that would give armed groups a share'
        >>> _object_issue(sink, "the withdrawal of Rwandan troops that Kigali denies")
        'withdrawal of Rwandan troops'
        >>> _object_issue(sink, "a phased pull-out of all foreign forces")
        'phased pull-out of all foreign forces'
    """
    text = _OBJECT_DETERMINER.sub("", _head_off(_verbless(label)).strip(" \"'“‘"))
    end = _OBJECT_CLAUSE.search(text)
    while end is not None and end.group(0) == "," and len(text[: end.start()].split()) < 2:
        end = _OBJECT_CLAUSE.search(text, end.end())  # "cheap, reliable power"
    if end is not None and (len(text[: end.start()].split()) > 2 or end.group(0)[0] != " "):
        text = text[: end.start()]  # a clause after a bare head defines it: "a dam that …"
    participle = _OBJECT_PARTICIPLE.search(text)  # "(wants) observers deployed"
    text = text[: participle.start()] if participle is not None else text
    words = text.split()
    if len(words) > _OBJECT_ISSUE_WORDS:
        words = words[:_OBJECT_ISSUE_WORDS]
        while words and words[-1].lower() in _FUNCTION_WORDS:
            words.pop()
        text = " ".join(words)
    text = text.strip(" ,;:.\"'“”‘’")
    words = text.split()
    if not words or not issue_like(text):
        return ""
    named = len(words) > 2 or words[0][:1].isupper()  # "the South African plan"
    if words[-1].lower() in POSITION_VAGUE and not named:
        return ""
    if len(words) == 1 and words[0].lower() in _FUNCTION_WORDS:
        return ""  # "(rejected) both"
    if EVENT_NOUNS.fullmatch(text) or _is_actor(sink, text):
        return ""
    if names_people(text):
        return ""  # "(invited) his French and German counterparts for …": people, no issue
    return text


def _topic(sink: ClaimSink, clause: Clause, label: str) -> ConceptClaim | None:
    """A position's topic: a topic of the document its object names, else the issue the object
    names as written (:func:`_object_issue`: "any new jointly issued EU debt" → new jointly
    issued EU debt), else (an object that names none: "both", "him") a topic the sentence
    names or the section's. An object's own issue is tentative (:func:`settle_topics`): it
    stays a topic only if the document treats it as one."""
    phrase = _topic_phrase(label)
    named = known_topic(sink, phrase)
    if named is not None:
        return named
    issue = _object_issue(sink, label)
    context = topic_for(sink, clause, phrase, own=False)
    if issue:
        concept = sink.concept(issue, clause.sentence, clause.content)
        sink.tentative.setdefault(concept, context)
        return concept
    return context


def _is_actor(sink: ClaimSink, label: str) -> bool:
    """Whether an object names only an actor or a pronoun ("backs Ukraine", "invited him"):
    a stance on an issue it is not."""
    bare = re.sub(r"^(?:the)\s+", "", label.strip(), flags=re.I)
    if PRONOUN_OBJECT.fullmatch(bare):
        return True
    found = sink.gaz.find(bare)
    return bool(found) and found[0].start == 0 and found[0].end >= len(bare.rstrip(" .,"))


def _objects(label: str) -> list[str]:
    """The objects of one stance: two for two actions ("lift tariffs and ease controls")
    or two noun phrases ("the removal of X and a pause on Y").

    Examples:
        >>> _objects("tariffs and ease controls on chip exports")
        ['tariffs', 'ease controls on chip exports']
        >>> _objects("tariffs and open markets to chip exports")
        ['tariffs', 'markets to chip exports']
        >>> _objects("farm goods and motorcycles")
        ['farm goods and motorcycles']
    """
    second = COORDINATED_ACTION.search(label) or COORDINATED_OBJECT.search(label)
    if second is None or second.start() == 0 or second.end() >= len(label):
        return [label]
    if _BARE_MODIFIER.fullmatch(label[: second.start()]):
        return [label]  # "a free and open Indo-Pacific": two adjectives, one noun
    if " between " in label[: second.start()]:
        return [label]
    verb = _COORDINATED_LEAD.sub("", second.group(0))
    begin = second.end() - len(verb) if _undoes(verb) else second.end()  # "… and ease controls"
    return [label[: second.start()].rstrip(" ,"), label[begin:]]


def _passive(pre: str, cue: str) -> bool:
    """Whether a participle cue is passive ("Kyiv has been invited to"): not a stance."""
    words = _WORD.findall(pre[-12:])
    first = cue.split()[0]
    return (
        bool(words)
        and words[-1].lower() in PASSIVE_BEFORE
        and (first.endswith("ed") or first in ("sought", "put"))
        and first not in ADJECTIVAL_CUES
    )


def read_positions(sink: ClaimSink, clause: Clause) -> None:
    """Record the positions a sentence states, one per actor and stance verb."""
    text = clause.content
    said: _Said | None = None
    pending: list[tuple[str, re.Match[str] | None]] = []
    previous: list[Mention] = []
    last_subject: tuple[Entity, ...] = ()  # "X supports A but demands B": X demands B
    for seg_start, seg_end in _segments(text):
        segment = text[seg_start:seg_end]
        relative = RELATIVE_LEAD.match(segment)
        scan = relative.end() if relative is not None else 0
        actors: tuple[Entity, ...] = ()
        mentions = [m for m in sink.gaz.find(segment) if not m.entity.is_place]
        stated = False
        cue = first = STANCE_CUE.search(segment, scan)
        while cue is not None:
            pre = segment[scan : cue.start()]
            found = [m for m in mentions if scan <= m.start and m.end <= cue.start()]
            head = segment[: cue.start()]
            aside = ACTOR_ASIDE.search(segment, scan, cue.start())
            if aside is not None:  # "X, who arrives on Friday, supports …": X
                found = [m for m in found if m.end <= aside.start()]
                head = segment[: aside.start()] + " " + segment[aside.end() : cue.start()]
                pre = segment[scan : aside.start()] + " " + segment[aside.end() : cue.start()]
            named = _actor_group(sink, head, found)
            stance = _stance(cue)
            rest = segment[cue.end() :]
            aside = _ASIDE.match(rest)  # "rejected, as his predecessors did, any sharing …"
            if aside is not None:
                rest = " " + rest[aside.end() :]
            object_end = OBJECT_END.search(rest)
            next_scan = cue.end() + (object_end.start() if object_end is not None else len(rest))
            if _passive(segment[: cue.start()], cue.group(0)) or NO_COMMENT.match(rest):
                actors, stance, next_scan = (), None, cue.end()  # "refused to be drawn on X"
            elif named:
                actors = named
            elif _COORDINATED_VERB.search(pre) and (
                _leading_actor(segment, mentions) or (seg_start == 0 and clause.subject)
            ):  # "X will raise A and seek B"
                actors = _leading_actor(segment, mentions) or clause.subject
            elif not _only_lead_words(pre):
                actors, stance, next_scan = (), None, cue.end()
            elif not actors and seg_start and relative is None and _verb_opens(pre):
                actors = last_subject
            elif not actors:
                actors = _implied(clause, segment[: cue.start()], previous, relative is not None)
            if actors and stance is not None:
                topic: ConceptClaim | None
                written: str | None = None
                if relative is not None:
                    said = _settle(said, pending)
                if relative is not None and said is not None:
                    label, topic = said.label, said.topic
                    if not said.resolved:
                        topic = _topic(sink, clause, label)
                        said = _Said(label, topic)
                else:
                    word = cue.group(0)
                    begin, end = object_phrase(
                        rest, verb_first=word.endswith("to"), that_clause=word.endswith("that")
                    )
                    label = rest[begin:end]
                    if _LIGHT_REST.match(rest):
                        label = _antecedent(segment[: cue.start()]) or label
                    topic = _topic(sink, clause, label) if label else None
                    referent = _referent(sink, clause, label)
                    if referent is not None:  # "Indonesia opposes the idea": the idea before
                        written, label, topic = label, referent.label, referent.topic
                    if label:
                        said = _Said(label, topic)
                        pending.clear()
                if label and not _is_actor(sink, label) and not names_people(label):
                    stated = True
                    if cue.group(0)[0] in "’'":
                        label = _issue(label) or label
                        topic = _topic(sink, clause, label)
                    objects = [label] if relative is not None else _objects(label)
                    topics: list[ConceptClaim | None] = []
                    for phrase in objects:
                        if len(objects) > 1:
                            topic = _topic(sink, clause, phrase)
                            if topic is not None and topic in topics:
                                continue
                        short = minimal_label(phrase) or (topic.surface if topic else "")
                        if not short:
                            continue  # "offers $3 billion", "rejects both": no issue named
                        topics.append(topic)
                        for actor in actors:
                            sink.positions.append(
                                PositionClaim(
                                    label=short,
                                    source=clause.sentence,
                                    actors=_acting_for(sink, actor),
                                    topic=topic,
                                    stance=stance,
                                    cue=cue.group(0),
                                    speakers=clause.speakers,
                                    quote=written or (phrase if phrase != short else None),
                                )
                            )
            scan = max(next_scan, cue.end())
            cue = STANCE_CUE.search(segment, scan)
        if not stated and relative is None:
            pending.append((segment, first))
        if relative is None:
            last_subject = (actors if stated else ()) or _leading_actor(segment, mentions)
        previous = mentions


def stated_positions(
    sink: ClaimSink, block: Block, text: str, topic: ConceptClaim | None
) -> list[PositionClaim]:
    """The positions ``text`` (a part of ``block`` written as clauses, such as a table cell
    "Haiti seeks more troops; Jamaica offers police officers") states, read as one sentence
    of ``block`` under ``topic``; returned, not recorded, for the caller to tie to its source.

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> sink = ClaimSink(parse_article("T\\nx\\n"), Gazetteer.bundled())
        >>> block = sink.doc.sections[0].blocks[0]
        >>> found = stated_positions(sink, block, "Japan seeks a fishing accord; China "
        ...     "rejects any quota", None)
        >>> [(p.actors[0].label, p.stance, p.label) for p in found]
        [('Japan', 'seeks', 'fishing accord'), ('China', 'rejects', 'quota')]
    """
    sentence = Sentence(block.start, block.end, block.line, text, parent=block)
    clause = Clause(sentence, content=text, mentions=sink.gaz.entities_in(text), topic=topic)
    before = len(sink.positions)
    read_positions(sink, clause)
    found = sink.positions[before:]
    del sink.positions[before:]
    for claim in found:
        if claim.topic is not None:
            sink.tentative.pop(claim.topic, None)
    return found


_REFERENT_SPAN = 800
"""How far back (in characters) the proposal an anaphoric object refers to may be."""


def _referent(sink: ClaimSink, clause: Clause, label: str) -> PositionClaim | None:
    """The position whose object an anaphoric object ("the idea", "the plan") refers to: the
    latest one stated in an earlier sentence close before, on an object of its own.

    The stance on "the idea" takes that object as its label and topic (its quote keeps "the
    idea"), so two sides' stances on one proposal meet on one topic.
    """
    anaphor = PROPOSAL_ANAPHOR.match(label.strip())
    if anaphor is None or not PROPOSAL_ANAPHOR_END.match(label.strip(), anaphor.end()):
        return None
    here = clause.sentence
    for claim in reversed(sink.positions):
        source = claim.source
        if not isinstance(source, Sentence) or source is here:
            continue
        if source.start > here.start or here.start - source.end > _REFERENT_SPAN:
            return None
        if claim.quote is not None and PROPOSAL_ANAPHOR.fullmatch(claim.quote):
            continue
        return claim
    return None


def _acting_for(sink: ClaimSink, actor: Entity) -> tuple[Entity, ...]:
    """Whose position a stance is: the actor, and for a person the state or organisation the
    document introduces them as acting for ("Bolivian President Tomás Quiroga demands …" is
    Bolivia's position too)."""
    state = sink.affiliations.get(actor.id) if actor.kind == "Person" else None
    return (actor, state) if state is not None and state.id != actor.id else (actor,)


def _verb_opens(pre: str) -> bool:
    """Whether a clause opens with its verb, its subject left to the clause before ("…, but
    rejects", "…, and has also proposed"): nothing before the verb but auxiliaries and
    adverbs."""
    return all(w.lower() in _ELLIPSIS_WORDS for w in _WORD.findall(pre))


_ELLIPSIS_WORDS = frozenset(
    """has have had is are was were did does do also still long so far not never could would
    will may might already again now repeatedly firmly strongly openly publicly previously
    since quietly privately flatly instead even then later""".split()
)


def _implied(
    clause: Clause, pre: str, previous: list[Mention], relative: bool
) -> tuple[Entity, ...]:
    """The actor of a stance verb whose clause names none: "who …", "he …", the section's."""
    words = [w.lower() for w in _WORD.findall(pre)]
    if RELATIVE_PERSON.match(pre) and previous:
        return (previous[-1].entity,)
    if relative:
        return ()
    pronoun = next((w for w in words if PRONOUN_SUBJECT.fullmatch(w)), None)
    speaker = bound_pronoun(pronoun, clause.speakers) if pronoun in ("he", "she") else ()
    if speaker:
        return speaker  # "Tinubu said the gap … had grown, and he offered …": Tinubu
    if (pronoun is not None or OWN_SIDE.match(pre.strip())) and clause.subject:
        return clause.subject  # "he …", "his government …"
    if (pronoun is not None or not words) and clause.section_actors:
        return clause.section_actors
    return ()


def _bare_noun(surface: str) -> bool:
    """Whether an issue is one noun that names none alone ("ban", "date"; not "tariffs")."""
    words = surface.split()
    return len(words) == 1 and words[0] in BARE_ISSUE_HEADS


def settle_topics(sink: ClaimSink) -> None:
    """Keep a position's own issue as its topic only where the document treats it as a topic.

    Once every sentence is read, a position whose topic is its object's own issue (not a
    topic of the document when it was read) keeps it when it is a heading's, a label's or
    an agenda's topic after all, or, unless it is one common noun ("ban"), when two claims
    from different sentences name it (an outcome, a concern, another position) or the text
    names it twice; else a topic of the document its object names
    (one a later section introduced), else the sentence's or section's topic, else none:
    the object stays only as the position's label. One stance read once does not make an
    issue of the summit.
    """
    if not sink.tentative:
        return
    documented = {c.key for c in (*sink.agenda, *sink.topics)}
    sources: dict[str, set[object]] = {}
    for outcome in sink.outcomes:
        sources.setdefault(outcome.topic.key, set()).add(outcome.source)
    for item in (*sink.concerns, *sink.recommendations):
        if item.topic is not None:
            sources.setdefault(item.topic.key, set()).add(item.source)
    for position in sink.positions:
        if position.topic is not None:
            sources.setdefault(position.topic.key, set()).add(position.source)
    text = sink.doc.text.casefold()
    for index, position in enumerate(sink.positions):
        topic = position.topic
        if topic is None or topic not in sink.tentative:
            continue
        if topic.key in documented:
            continue
        bare = _bare_noun(topic.surface)  # "(rejects the) ban": too bare to be an issue alone
        if not bare and len(sources.get(topic.key, ())) > 1:
            continue
        if not bare and mentioned_twice(text, topic.surface.casefold()):
            continue
        written = position.quote or position.label
        settled = known_topic(sink, _topic_phrase(written)) or sink.tentative[topic]
        sink.positions[index] = replace(position, topic=settled)
