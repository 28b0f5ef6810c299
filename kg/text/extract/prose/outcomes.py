"""Hedged and reported outcomes from a sentence ("a ceasefire may follow", "they agreed on …").

Each cue of :data:`kg.text.cues.OUTCOME_CUES` found in the clause's content
gives at most one outcome: its likelihood and hedge as written, its label (the
minimal phrase the cue is about, cut at the clause boundary), its timeframe (a
time cue near it: "next month", "by 2027") and the actors and entities it names.
Cues are tried most specific first; a cue inside an earlier cue's hedge or
label is not read, so "could not agree on X" is refused and never agreed.

Examples:
    >>> [(o.label, o.likelihood.term, o.hedge) for o in outcomes_in("They agreed on a truce.")]
    [('a truce', 'Agreed', 'agreed on')]
    >>> [(o.label, o.likelihood.term) for o in outcomes_in("Talks could not agree on aid.")]
    [('aid', 'Refused')]
    >>> [(o.label, o.timeframe) for o in outcomes_in("A statement is likely next month.")]
    [('A statement', 'next month')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.text.claims import (
    ConceptClaim,
    Entity,
    ItemClaim,
    Likelihood,
    OutcomeClaim,
    PositionClaim,
)
from kg.text.cues import (
    ACTION_JOIN,
    ACTION_VERBS,
    ACTOR_WORDS,
    AGREED_BLOCKERS,
    ANAPHORIC_OUTCOME,
    ANTECEDENT_LEAD,
    ANTECEDENT_STOPS,
    ATTENDANCE_CLAUSE,
    BACKGROUND_CLAUSE,
    BACKGROUND_CUE,
    BARE_RESULT,
    BARE_VAGUE,
    BELIEF_FRAME,
    CONCERN_FRAME,
    CONDITIONAL,
    CONDITIONAL_HEDGES,
    COORDINATED_INFINITIVE,
    COORDINATED_OUTCOME,
    DATE_START,
    DESIRE_FRAME,
    DETERMINERS,
    EARLIER_HEDGE,
    EMPTY_SUBJECTS,
    EVENT_NOUNS,
    EXPECT_FRAME,
    FORESEEN,
    FUTURE_HEDGES,
    HAPPEN_VERBS,
    HOST_LEAD,
    HOST_VERBS,
    INDEFINITE_PRONOUNS,
    ISSUE_CONTAINERS,
    LEADING_CONJUNCTION,
    LIST_JOIN,
    MODAL_HEDGES,
    NAME_LIST,
    NEGATED_LABEL,
    NEGATORS,
    NEXT_EVENT,
    NOT_AN_OUTCOME,
    NOT_LABEL_START,
    NOT_OBJECT_STARTS,
    NOT_WHO_END,
    OBJECT_OF_RESULT,
    OBJECT_VERBS,
    OUTCOME_BOUNDARY,
    OUTCOME_CLAUSE_END,
    OUTCOME_NOUNS,
    OUTCOME_VERBS,
    PARTICIPLES,
    PASSIVE_AUXILIARY,
    PRONOUN_ACTION,
    PRONOUN_SUBJECTS,
    PURPOSE,
    READY_WORDS,
    RELATIVE_SUBJECT,
    RETURN_VERBS,
    SERIAL_COMMA,
    SHARED_SUBJECT,
    SKIP_VERBS,
    SUBJECT_AUXILIARY,
    SUBJECT_START,
    SUBJECT_VERB,
    TIME_CUE,
    TRAILING_ADVERBS,
    UNNAMED_SPEAKERS,
    VAGUE_OBJECTS,
    VERB_ONLY_HEDGES,
    VERB_PARTICLES,
    OutcomeCue,
    names_people,
    outcome_cues_for,
)
from kg.text.extract.prose.clause import Clause
from kg.text.extract.prose.topics import (
    issue_like,
    issue_of,
    known_topic,
    mentioned_twice,
    purpose_issue,
    topic_for,
)
from kg.text.extract.sink import ClaimSink

__all__ = [
    "Found",
    "is_actor_phrase",
    "outcomes_in",
    "read_outcomes",
    "settle_outcome_topics",
]

_WORD = re.compile(r"[\w’'-]+")
_NEXT = re.compile(r" {0,3}([\w’'-]+)")
_TRIM = " ,;:.\"'“”‘’"
_MAX_WORDS = 14
_WINDOW = 300  # characters a label, subject or clause may span: keeps reading linear
_MAX_OUTCOMES = 12  # per sentence
_MAX_TEXT = 1000  # characters of a sentence read: a longer one is no prose
_DESCRIBED = re.compile(r"\b(?:whose|who)\b", re.I)
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had will would could can may might shall should "
    "must do does did not never also still cannot".split()
)
_EVENTLESS = frozenset(
    {Likelihood.AGREED, Likelihood.ANTICIPATED, Likelihood.PROJECTED, Likelihood.LIKELY}
)
_REPORTED = frozenset({Likelihood.AGREED, Likelihood.REFUSED, Likelihood.UNSTATED})
_TRAILING_RELATIVE = re.compile(r"\s+(?:that|which|who|whose|where|when|he|she|they|we)$", re.I)
_LONG_OBJECT_CUT = re.compile(r",\s|\s(?:that|which|who|whose|where|while|because)\s", re.I)
_MAX_HELD_SUBJECT = 6  # words before a held cue: an actor and its adverbs, not a clause
_MAX_CONJUNCTS = 3
_MAX_LISTED_WORDS = 10  # an item of a list of outcomes: a noun phrase, not a clause
_ITEM_END = re.compile(r"\s*(?:[,.;:!?]|(?:and|or)\b|$)")
_DESCRIBED_ITEM = re.compile(r"\b(?:that|which|who|whom|whose|what|said|says)\b", re.I)
_OFFERED_ACTION = re.compile(r"(?:(?:instead|also|then)\s+)?to\s+(?=[a-z])")

ActorTest = Callable[[str], bool]


@dataclass(frozen=True)
class Found:
    """One outcome in a text: its label's span, likelihood, hedge and timeframe."""

    start: int
    end: int
    label: str
    likelihood: Likelihood
    hedge: str
    timeframe: str | None = None


def read_outcomes(sink: ClaimSink, clause: Clause) -> None:
    """Record the outcomes a sentence states, each with its hedge, timeframe and topic."""
    text, frame = _text_of(clause)
    if not text or CONCERN_FRAME.search(frame):
        return

    def acts(subject: str) -> bool:
        if subject.strip().casefold() in EMPTY_SUBJECTS:
            return bool(clause.subject) or is_actor_phrase(sink, text)
        return is_actor_phrase(sink, subject)

    believed = bool(BELIEF_FRAME.search(frame))
    actors = tuple(e for e in clause.subject if not e.is_place)
    for whole in outcomes_in(text, acts, held=sink.held):
        found = whole
        if believed and found.likelihood is Likelihood.ANTICIPATED and found.hedge in FUTURE_HEDGES:
            found = replace(found, likelihood=Likelihood.LIKELY)
        for label in _conjuncts(found.label):
            if not _names_an_outcome(sink, label) or _refers_back(sink, label):
                continue
            _record(sink, clause, replace(found, label=label), actors)


def _conjuncts(label: str) -> list[str]:
    """The outcomes one phrase coordinates ("a joint declaration and a package of deals").

    Examples:
        >>> _conjuncts("a joint declaration and a package of investment announcements")
        ['a joint declaration', 'a package of investment announcements']
        >>> _conjuncts("a ceasefire, the release of prisoners and a monitoring mission")
        ['a ceasefire', 'the release of prisoners', 'a monitoring mission']
        >>> _conjuncts("trade and investment")
        ['trade and investment']
    """
    second = COORDINATED_OUTCOME.search(label)
    if second is None or second.start() == 0 or " between " in label[: second.start()]:
        return [label]
    return [*SERIAL_COMMA.split(label[: second.start()]), label[second.end() :]]


def _names_an_outcome(sink: ClaimSink, label: str) -> bool:
    """Whether a label names a result, not only an actor, a place or a pronoun ("Ashgabat",
    "diplomats", "anything")."""
    bare = DETERMINERS.sub("", label.strip(_TRIM)).strip(_TRIM)
    if bare.casefold() in UNNAMED_SPEAKERS or bare.casefold() in INDEFINITE_PRONOUNS:
        return False
    if ATTENDANCE_CLAUSE.search(label):
        return False  # "Washington will be represented by its envoy": who attends
    if ANAPHORIC_OUTCOME.fullmatch(label.strip(_TRIM)):
        return False  # "the proposal (was dropped)": what it points back to is the outcome
    if DETERMINERS.match(label) and names_people(label) and not NOT_WHO_END.search(label):
        return False  # "(to lead) the U.S. delegation": who, not what ("appoint an envoy" is)
    return sink.gaz.lookup(bare) is None


def _refers_back(sink: ClaimSink, label: str) -> bool:
    """Whether a label only refers back to an outcome named before ("the declaration" after
    "a Koror Declaration"): the outcome is the one named, not a second one.

    A bare "the declaration" that nothing before names is kept (the document's only one).
    """
    back = _BACK_REFERENCE.fullmatch(label.strip(_TRIM))
    if back is None:
        return False
    head = back.group("head").casefold()
    return any(head in claim.label.casefold() for claim in sink.outcomes)


_BACK_REFERENCE = re.compile(
    r"(?:the|this|that|such\s+an?)\s+(?:(?:joint|final|new|same)\s+)?(?P<head>declaration|"
    r"statement|communiqu[eé]|agreement|deal|accord|pact|treaty|document|text|package|plan)s?",
    re.IGNORECASE,
)


def _record(sink: ClaimSink, clause: Clause, found: Found, actors: tuple[Entity, ...]) -> None:
    """Add one outcome of a sentence to the sink."""
    sink.outcomes.append(
        OutcomeClaim(
            label=found.label,
            topic=_topic(sink, clause, found.label),
            source=clause.sentence,
            likelihood=found.likelihood,
            hedge=found.hedge,
            mentions=sink.gaz.entities_in(found.label),
            actors=actors,
            timeframe=found.timeframe,
            speakers=clause.speakers,
        )
    )


def _topic(sink: ClaimSink, clause: Clause, label: str) -> ConceptClaim:
    """An outcome's topic: the issue its phrase names, else (for a communiqué, a deal, a
    meeting: an outcome that names no issue) a topic of its paragraph or of the document."""
    issue = issue_of(label)
    words = _WORD.findall(issue)
    if words and (
        words[-1].casefold() in ISSUE_CONTAINERS
        or EVENT_NOUNS.search(issue)
        or (len(words) == 1 and issue.islower())  # "the request", "the idea": too bare
        or names_people(issue)  # "ask their interior ministers": who, no issue
        or PRONOUN_ACTION.match(issue) is not None  # "keep it out of the declaration"
    ):
        known = known_topic(sink, clause.content) or clause.topic
        if known is not None:
            return known
        purpose = purpose_issue(clause.content, label)
        if purpose is not None:
            issue = purpose  # "a joint fund to repair flood defences": flood defences
        else:
            parent = clause.sentence.parent
            nearby = (
                known_topic(sink, parent.plain) if parent is not None else None
            ) or sink.first_topic()
            if nearby is not None:
                return nearby
    topic = topic_for(sink, clause, issue)
    if topic is not clause.topic and not any(topic is t for t in (*sink.agenda, *sink.topics)):
        sink.own_topics.add(topic)
    return topic


def settle_outcome_topics(sink: ClaimSink) -> None:
    """Keep a sentence outcome's own topic only where the document treats it as an issue.

    Once every sentence is read, an outcome whose topic is its own phrase's issue ("Cut
    Storage Fees") keeps it when a heading, a label or the agenda names it, when two claims
    from different sentences name it or the text names it twice; else it takes a topic of the
    document its sentence or paragraph names; where none does, it keeps its own, unless its
    own names no issue (:func:`~kg.text.extract.prose.topics.issue_like`: "the date", "the
    next summit"): then the document's first topic, else the issue most claims have.
    """
    if not sink.own_topics:
        return
    documented = {c.key for c in (*sink.agenda, *sink.topics)}
    sources: dict[str, set[object]] = {}
    claims: list[OutcomeClaim | PositionClaim | ItemClaim] = [
        *sink.outcomes,
        *sink.positions,
        *sink.concerns,
        *sink.recommendations,
    ]
    for claim in claims:
        if claim.topic is not None:
            sources.setdefault(claim.topic.key, set()).add(claim.source)
    text = sink.doc.text.casefold()
    for index, outcome in enumerate(sink.outcomes):
        topic = outcome.topic
        if topic not in sink.own_topics or topic.key in documented:
            continue
        named = issue_like(topic.surface)
        if named and (
            len(sources.get(topic.key, ())) > 1 or mentioned_twice(text, topic.surface.casefold())
        ):
            continue
        parent = getattr(outcome.source, "parent", None)
        settled = known_topic(sink, outcome.source.plain) or (
            known_topic(sink, parent.plain) if parent is not None else None
        )
        if settled is None and not named:  # "the date": any issue the document names
            settled = sink.first_topic() or _named_elsewhere(sink)
        if settled is not None:
            sink.outcomes[index] = replace(outcome, topic=settled)


def _named_elsewhere(sink: ClaimSink) -> ConceptClaim | None:
    """The topic most claims of the document have that names an issue, if any."""
    counts: dict[str, int] = {}
    topics: dict[str, ConceptClaim] = {}
    claimed: list[ConceptClaim | None] = [o.topic for o in sink.outcomes]
    claimed += [p.topic for p in sink.positions]
    for topic in claimed:
        if topic is not None and issue_like(topic.surface):
            counts[topic.key] = counts.get(topic.key, 0) + 1
            topics.setdefault(topic.key, topic)
    return topics[max(counts, key=counts.__getitem__)] if counts else None


def _text_of(clause: Clause) -> tuple[str, str]:
    """The text to read (the content, or from an expectation in its frame on) and the frame.

    "Officials expect a package of deals" is read from "expect" on, so the
    frame's hedge counts; any other frame ("Putin said") is left out.
    """
    plain = clause.sentence.plain
    frame = plain[: clause.offset]
    end = clause.offset + len(clause.content)
    expect = _last(EXPECT_FRAME, frame, 0, len(frame))
    if expect is not None:
        return plain[expect.start() : end], frame
    return clause.content, frame


def outcomes_in(text: str, acts: ActorTest | None = None, *, held: bool = False) -> list[Found]:
    """The outcomes ``text`` states, in reading order (labels are substrings of ``text``).

    ``acts`` tells whether a subject phrase names actors: only then does a
    modal with a verb of no outcome ("they may ease visa rules") state one.
    ``held``: the text reports a summit already held, where actors' commitments in the
    future tense ("Canberra would fund the hubs") and one side's refusal are results.
    Only the first :data:`_MAX_TEXT` characters are read.

    Examples:
        >>> [(o.label, o.likelihood.term) for o in outcomes_in(
        ...     "They agreed to cut port fees and to harmonise ferry schedules.")]
        [('cut port fees', 'Agreed'), ('harmonise ferry schedules', 'Agreed')]
        >>> [(o.label, o.likelihood.term) for o in outcomes_in(
        ...     "Canberra would fund the hubs.", lambda s: True, held=True)]
        [('fund the hubs', 'Agreed')]
    """
    text = text[:_MAX_TEXT]
    test = acts or _generic_actor
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    lowered = text.casefold()
    for cue in outcome_cues_for(lowered):
        if cue.held and not held:
            continue
        for match in cue.pattern.finditer(text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            if cue.after_hedge and not EARLIER_HEDGE.search(text, 0, match.start()):
                continue
            result = _read_cue(text, cue, match, test, held)
            if result is None:
                continue
            outcome, cue_end = result
            if _overlaps(taken, outcome.start, outcome.end):
                continue
            taken.append((match.start(), cue_end))
            actions = _actions(text, outcome)
            for action in actions:
                taken.append((action.start, action.end))
            found.extend(actions)
            for more in (*_coordinated(text, actions[-1]), *_enumerated(text, actions[-1])):
                if _overlaps(taken, more.start, more.end):
                    break
                taken.append((more.start, more.end))
                found.append(more)
            if len(found) >= _MAX_OUTCOMES:
                return sorted(found, key=lambda f: f.start)[:_MAX_OUTCOMES]
    return sorted(found, key=lambda f: f.start)


def _actions(text: str, first: Found) -> list[Found]:
    """``first`` and the actions listed after it with its hedge ("agreed to double a swap line,
    ease visas for young people and set up a fund": three outcomes), each to the next.

    A listed word is an action where it is one of :data:`ACTION_VERBS` and an object follows
    it ("expand trade, finance and energy ties" lists no second action).
    """
    if _first_word(text, first.start) not in ACTION_VERBS:
        return [first]
    limit = _boundary(text, first.start)
    starts, ends = [first.start], []
    for join in ACTION_JOIN.finditer(text, first.start, limit):
        verb = _WORD.match(text, join.end())
        after = _next_word(text, verb.end()) if verb is not None else None
        if (
            verb is not None
            and verb.group(0) in ACTION_VERBS
            and after is not None
            and after[0] not in ("and", "or")
        ):
            starts.append(join.end())
            ends.append(join.start())
    if not ends:
        return [first]
    actions: list[Found] = []
    for start, end in zip(starts, [*ends, limit], strict=True):
        span = _object(text, start, shorten=True, end=end)
        if span is None or not _plausible(text[span[0] : span[1]], False):
            break
        actions.append(replace(first, start=span[0], end=span[1], label=text[span[0] : span[1]]))
    return actions or [first]


def _coordinated(text: str, first: Found) -> list[Found]:
    """The outcomes joined to ``first`` with its hedge ("agreed to cut fees and to harmonise
    schedules", "agreement on X and perhaps on Y"), each read as the first one would be."""
    more: list[Found] = []
    end = first.end
    for _ in range(_MAX_CONJUNCTS):
        joined = COORDINATED_INFINITIVE.match(text, end) or COORDINATED_INFINITIVE.match(
            text, _boundary(text, end)
        )
        if joined is None:
            break
        start = joined.end()
        verb = _WORD.match(text, start)
        if joined.group(0).rstrip().endswith("to") and verb is not None:
            word = verb.group(0).casefold()
            if word in SKIP_VERBS:
                break
            if word in OBJECT_VERBS:
                start = verb.end()
        span = _object(text, start, purpose=False)
        if span is None or not _plausible(text[span[0] : span[1]], False):
            break
        more.append(replace(first, start=span[0], end=span[1], label=text[span[0] : span[1]]))
        end = span[1]
    return more


def _enumerated(text: str, first: Found) -> list[Found]:
    """The outcomes listed after ``first`` with its hedge, each with a determiner ("signed a
    defence pact, a trade protocol and a memorandum on fisheries"), when the list closes with
    "and"; an aside after a comma (", a pledge conservation groups welcomed") is no item.

    Examples:
        >>> [o.label for o in outcomes_in("They signed a defence pact, a trade protocol and "
        ...     "a memorandum on fisheries.")]
        ['a defence pact', 'a trade protocol and a memorandum on fisheries']
    """
    items: list[Found] = []
    end = first.end
    if SERIAL_COMMA.match(text, end) is None:
        return []  # "A and B" is one phrase's conjuncts; ", and the group will …" a clause
    for _ in range(_MAX_CONJUNCTS):
        join = LIST_JOIN.match(text, end)
        if join is None:
            break
        span = _object(text, join.end(), purpose=False)
        if span is None or not _ITEM_END.match(text, span[1]):
            return []  # an item is no clause's subject ("their agencies will set up …")
        label = text[span[0] : span[1]]
        parts = _conjuncts(label)
        if _DESCRIBED_ITEM.search(label) or any(
            len(_WORD.findall(part)) > _MAX_LISTED_WORDS or not _plausible(part, False)
            for part in parts
        ):
            return []
        items.append(replace(first, start=span[0], end=span[1], label=label))
        end = span[1]
        if "and" in join.group(0).split() or COORDINATED_OUTCOME.search(label):
            return items  # the list is closed
    return []


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a span already read."""
    return any(start < e and s < end for s, e in taken)


def _read_cue(
    text: str, cue: OutcomeCue, match: re.Match[str], acts: ActorTest, held: bool = False
) -> tuple[Found, int] | None:
    """The outcome one cue match states, and where the cue ends; ``None`` if it states none."""
    hedge = match.group("hedge")
    if NOT_AN_OUTCOME.match(text, match.end()):
        return None  # "likely to be hotly negotiated", "open to change": talk, not a result
    if cue.held and cue.shape == "object":
        subject = text[_subject_start(text, match.start()) : match.start()]
        words = _WORD.findall(subject)
        if len(words) > _MAX_HELD_SUBJECT or "to" in words or not acts(subject):
            return None  # "… rejected X" by no actor at the table, "agreed to take back
            # more rejected asylum seekers": no refusal
    likelihood = cue.likelihood
    conditional = hedge.casefold() in CONDITIONAL_HEDGES and CONDITIONAL.search(text)
    if conditional:
        likelihood = Likelihood.POSSIBLE
    span: tuple[int, int] | None
    cue_end = match.end()
    if cue.shape == "object":
        if likelihood is Likelihood.AGREED and not _realised(text, match, cue.no_adverb):
            return None
        span = _object(text, match.end(), shorten=likelihood in _REPORTED)
    elif cue.shape == "subject":
        span = _subject(text, match.start())
        if (
            span is not None
            and likelihood is Likelihood.AGREED
            and BACKGROUND_CLAUSE.search(text, max(0, span[0] - 12), span[0])
        ):
            return None  # "… since the truce was extended": background
    elif cue.shape == "antecedent":
        span = _antecedent(text, match.start())
    elif cue.shape == "clause":
        close = OUTCOME_CLAUSE_END.search(text, match.end())
        span = _trim(text, match.end(), close.start() if close is not None else len(text))
    else:
        read = _by_verb(text, match, acts, held)
        if read is None:
            return None
        span, cue_end, committed = read
        if committed and likelihood is Likelihood.ANTICIPATED and not conditional:
            likelihood = Likelihood.AGREED  # a report's "Canberra would fund the hubs"
    if span is None:
        return None
    start, end = span
    if cue.shape == "subject" and _DESCRIBED.search(text, start, end):
        return None  # "migrants whose asylum claims have been rejected": who they are
    if (
        likelihood is Likelihood.REFUSED
        and hedge[:3].casefold() == "no "
        and FORESEEN.match(text, end)
    ):
        likelihood = Likelihood.UNLIKELY  # "No agreement on X is expected": a forecast
    negated = NEGATED_LABEL.match(text, start, end)
    if negated is not None:
        start = negated.end()
        likelihood = Likelihood.REFUSED if likelihood in _REPORTED else Likelihood.UNLIKELY
    on = OBJECT_OF_RESULT.match(text, cue_end) if cue.shape == "subject" else None
    if (
        on is not None
        and BARE_RESULT.fullmatch(text, start, end)
        and not DATE_START.match(text[on.end() :])
    ):
        what = _object(text, on.end(), shorten=True)  # "(No) agreement was reached on X": X
        if what is not None:
            start, end = what
    host = HOST_LEAD.match(text, start, end)
    if host is not None:
        start = host.end()  # "(agreed to) hold their next summit in La Paz": the summit
    label = text[start:end]
    if not _plausible(label, cue.needs_noun):
        return None
    hosted = cue.shape == "verb" and _first_word(text, match.end()) in HOST_VERBS
    if (
        likelihood in _EVENTLESS
        and EVENT_NOUNS.search(issue_of(label))
        and not NEXT_EVENT.search(label)
        and not hosted
    ):
        return None
    window = _boundary(text, max(end, cue_end))
    timeframe = TIME_CUE.search(text, min(start, match.start()), window)
    outcome = Found(start, end, label, likelihood, hedge, timeframe.group(0) if timeframe else None)
    return outcome, cue_end


def _first_word(text: str, start: int) -> str:
    """The word at ``start`` (lower case), or ``""``."""
    word = _WORD.match(text, start)
    return word.group(0).casefold() if word is not None else ""


def _realised(text: str, match: re.Match[str], no_adverb: bool = False) -> bool:
    """Whether a realised-result cue ("signed …") reports a result, not a plan or background;
    with ``no_adverb``, not after an adverb ("previously agreed"; "Italy agreed" is a name)."""
    before = _WORD.findall(text[max(0, match.start() - 24) : match.start()])
    if before and (before[-1].casefold() in AGREED_BLOCKERS or before[-1].endswith("n't")):
        return False
    if no_adverb and before and before[-1].endswith("ly") and before[-1].islower():
        return False
    if len(before) > 1 and before[-2].casefold() in NEGATORS:
        return False
    return not BACKGROUND_CUE.search(text, match.start(), _boundary(text, match.end()))


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``."""
    found = list(pattern.finditer(text, start, end))
    return found[-1] if found else None


def _boundary(text: str, start: int) -> int:
    """Where the clause that goes on at ``start`` ends (within :data:`_WINDOW` characters)."""
    limit = min(len(text), start + _WINDOW)
    found = OUTCOME_BOUNDARY.search(text, start, limit)
    return found.start() if found else limit


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` without a trailing time cue or punctuation, ``None`` when empty."""
    while start < end and text[start] in _TRIM + " ":
        start += 1
    for _ in range(3):
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        relative = _TRAILING_RELATIVE.search(text, start, end)
        if relative is not None and relative.start() > start:
            end = relative.start()  # "a committee on the dam that (would meet …)"
            continue
        last = _last(TIME_CUE, text, start, end)
        if last is None or last.end() != end or last.start() == start:
            break
        end = last.start()
    label = text[start:end]
    if end < len(text) and (
        (label.count('"') % 2 and text[end] == '"') or ("“" in label and "”" not in label)
    ):
        end += text[end] in '"”'
    return (start, end) if end > start else None


def _object(
    text: str,
    start: int,
    *,
    purpose: bool = True,
    shorten: bool = False,
    end: int | None = None,
) -> tuple[int, int] | None:
    """The phrase after a cue, to the clause boundary or ``end`` (a long noun phrase's purpose
    clause cut; with ``shorten``, a phrase too long for a label without its relative clause or
    aside)."""
    end = _boundary(text, start) if end is None else end
    for time in TIME_CUE.finditer(text, start, end):
        if text[time.end() : time.end() + 1] == ",":
            end = time.end()
            break
    found = PURPOSE.search(text, start, end) if purpose else None
    if found is not None:
        head = DETERMINERS.sub("", text[start : found.start()])
        if len(_WORD.findall(head)) >= 3:
            end = found.start()
    if shorten and len(_WORD.findall(text, start, end)) > _MAX_WORDS:
        # too long for a label: its head without what a relative clause or an aside adds
        # ("a joint study on the interconnectors (that link Slovakia with Czechia, …)")
        for cut in _LONG_OBJECT_CUT.finditer(text, start, end):
            if len(_WORD.findall(text, start, cut.start())) >= 3:
                end = cut.start()
                break
    return _trim(text, start, end)


def _subject_start(text: str, end: int) -> int:
    """Where the subject of a hedge at ``end`` begins (within :data:`_WINDOW` characters)."""
    start = max(0, end - _WINDOW)
    for found in SUBJECT_START.finditer(text, start, end):
        listed = found.group(0).startswith(",") and NAME_LIST.match(text, found.end(), end)
        if not listed:
            start = found.end()
    return start


def _subject(text: str, end: int) -> tuple[int, int] | None:
    """The subject phrase before a hedge ("A deal to extend the truce is likely"); past an
    aside between commas ("a commission, meeting monthly, could be agreed"); the subject of
    the clause before for a clause that shares it ("A mission has been proposed but is not
    expected to be agreed")."""
    start = _subject_start(text, end)
    if start >= 2 and not text[start:end].strip() and text[start - 2] == ",":
        aside = text.rfind(",", max(0, start - _WINDOW), start - 2)
        if aside > 0:
            end = aside
            start = _subject_start(text, end)
    if not text[start:end].strip() and start > 0:
        shared = SHARED_SUBJECT.search(text, max(0, start - 8), start)
        if shared is not None:  # "X has been proposed but is not expected to be agreed"
            before = _subject_start(text, shared.start())
            verb = SUBJECT_VERB.search(text, before, shared.start())
            if verb is not None:
                start, end = before, verb.start()
    conjunction = LEADING_CONJUNCTION.match(text, start, end)
    if conjunction is not None:
        start = conjunction.end()
    if start >= end:
        return None
    if RELATIVE_SUBJECT.match(text, start, end) and start >= 2:
        return _antecedent(text, start - 2)
    auxiliary = SUBJECT_AUXILIARY.search(text, start, end)
    return _trim(text, start, auxiliary.start() if auxiliary else end)


def _antecedent(text: str, end: int) -> tuple[int, int] | None:
    """The noun phrase a ", which" clause at ``end`` follows: the object of the request before
    it ("asked for a guaranteed minimum flow in the driest days, which …"), else up to three
    words."""
    begin = max(0, end - 160)
    begin = max(begin, *(text.rfind(mark, begin, end) + 1 for mark in ",;:"))
    lead = _last(ANTECEDENT_LEAD, text, begin, end)
    if lead is not None:
        offered = _OFFERED_ACTION.match(text, lead.end(), end)  # "offered instead to ban X"
        span = _trim(text, offered.end() if offered else lead.end(), end)
        if span is not None and len(_WORD.findall(text[span[0] : span[1]])) <= _MAX_WORDS:
            return span
    words = list(_WORD.finditer(text, max(0, end - 80), end))
    while words and words[-1].group(0).casefold() in TRAILING_ADVERBS:
        words.pop()
    words = words[-3:]
    while words and words[0].group(0).casefold() in ANTECEDENT_STOPS:
        words.pop(0)
    for index, word in enumerate(words):
        if word.group(0).casefold() in ANTECEDENT_STOPS:
            words = words[index + 1 :]
            break
    return (words[0].start(), words[-1].end()) if words else None


def _by_verb(
    text: str, match: re.Match[str], acts: ActorTest, held: bool = False
) -> tuple[tuple[int, int] | None, int, bool] | None:
    """The outcome a hedge before a verb states ("may sign X", "is likely to raise X"), where
    the cue ends, and whether it is an actor's commitment in a report of a summit already held
    ("Canberra would fund the hubs")."""
    verb = _WORD.match(text, match.end())
    if verb is None:
        return None
    word = verb.group(0).casefold()
    hedge = match.group("hedge").casefold().split()[0]
    modal = hedge in MODAL_HEDGES
    subject_start = _subject_start(text, match.start())
    if (modal or hedge in FUTURE_HEDGES) and CONCERN_FRAME.search(
        text, max(0, subject_start - _WINDOW), subject_start
    ):
        return None
    after = _next_word(text, verb.end())
    if word in PASSIVE_AUXILIARY:
        done = _next_word(text, verb.end())
        if done is not None and done[0].endswith("ly"):
            done = _next_word(text, done[2])
        if done is None or not (
            done[0].endswith("ed") or done[0] in PARTICIPLES or done[0] in READY_WORDS
        ):
            return None
        cue_end = done[2]
        if modal and done[0] not in PARTICIPLES:
            if _first_word(text, subject_start) in PRONOUN_SUBJECTS:
                return None  # "it could be running": what is running is in another sentence
            return _clause(text, match.start(), cue_end), cue_end, False
        if _names_actor(acts, text[subject_start : match.start()]):
            return _clause(text, match.start(), cue_end), cue_end, False  # "X is to be admitted"
        return _subject(text, match.start()), cue_end, False
    subject = text[subject_start : match.start()]
    committed = (
        held
        and hedge in FUTURE_HEDGES
        and subject.strip().casefold() not in EMPTY_SUBJECTS
        and not RELATIVE_SUBJECT.match(subject)
        and acts(subject)
        and not DESIRE_FRAME.search(text, max(0, subject_start - 40), match.start())
    )
    if word in HOST_VERBS and after is not None:
        planned = _object(text, verb.end())
        if planned is not None and _plans_event(text[planned[0] : planned[1]]):
            return planned, verb.end(), committed  # "will host a conference on …"
    if word == "meet" and after is not None and after[0] == "again":
        return _trim(text, verb.start(), _boundary(text, after[2])), after[2], committed
    coming_back = word == "come" and after is not None and after[0] == "back"
    returning = word in RETURN_VERBS or coming_back
    if modal and returning and not acts(text[subject_start : match.start()]):
        # "the issue could return at the next summit": put off, not dropped ("ministers could
        # return home" is no outcome)
        return _clause(text, match.start(), verb.end()), verb.end(), False
    if word in SKIP_VERBS or word in NEGATORS:
        return None
    base = word[:-1] if word.endswith("s") and word[:-1] in OUTCOME_VERBS else word
    if base in OBJECT_VERBS and after is not None and after[0] in VERB_PARTICLES:
        return _object(text, after[2]), verb.end(), committed
    has_object = (
        after is not None
        and after[0] not in NOT_OBJECT_STARTS
        and TIME_CUE.match(text, after[1]) is None
    )
    if base in OBJECT_VERBS and has_object:
        return _object(text, verb.end()), verb.end(), committed
    if base in HAPPEN_VERBS and not has_object:
        if modal:
            return _clause(text, match.start(), verb.end()), verb.end(), False
        return _subject(text, match.start()), verb.end(), False
    if hedge in FUTURE_HEDGES and not committed:
        return None
    if modal and not acts(subject):
        return None
    if not has_object or (base not in OUTCOME_VERBS and hedge in VERB_ONLY_HEDGES):
        return None
    return _object(text, verb.start(), purpose=False), verb.end(), committed


def _names_actor(acts: ActorTest, subject: str) -> bool:
    """Whether a passive's subject is an actor ("Timor-Leste is expected to be admitted"): the
    outcome is what happens to it, the whole clause, not the actor's name."""
    words = _WORD.findall(subject)
    return 0 < len(words) <= 3 and words[0][:1].isupper() and acts(subject)


def _plans_event(label: str) -> bool:
    """Whether the object of "host"/"hold" is an event the talks plan ("a conference on …",
    "the next summit"), not the summit being reported ("the summit", "talks")."""
    if not EVENT_NOUNS.search(issue_of(label)):
        return False
    return bool(NEXT_EVENT.search(label)) or (
        DETERMINERS.match(label) is not None and (label[:2].casefold() in ("a ", "an"))
    )


def _next_word(text: str, start: int) -> tuple[str, int, int] | None:
    """The next word after ``start`` (lower case) with its span, if only spaces come before it."""
    found = _NEXT.match(text, start)
    return (found.group(1).casefold(), found.start(1), found.end(1)) if found else None


def _clause(text: str, hedge_start: int, verb_end: int) -> tuple[int, int] | None:
    """The whole clause of a modal hedge: its subject, the hedge and the rest to the boundary;
    only to the verb where that is too long ("A pilot scheme for … could follow later in the
    year" → "A pilot scheme for … could follow")."""
    subject = _subject(text, hedge_start)
    if subject is None:
        return None
    span = _trim(text, subject[0], _boundary(text, verb_end))
    if span is not None and len(_WORD.findall(text[span[0] : span[1]])) > _MAX_WORDS:
        return _trim(text, subject[0], verb_end)
    return span


def _plausible(label: str, needs_noun: bool) -> bool:
    """Whether a label can be an outcome: short, not a pronoun or vague, a noun where needed."""
    words = _WORD.findall(label)
    if not words or len(words) > _MAX_WORDS or words[0].casefold() in NOT_LABEL_START:
        return False
    if (words[0].casefold() in PRONOUN_SUBJECTS and len(words) < 3) or DATE_START.match(label):
        return False
    if all(word.casefold() in _AUXILIARIES for word in words):
        return False  # "(the port) is": a verb, no outcome
    core = _WORD.findall(DETERMINERS.sub("", label))
    if len(core) <= 2 and (not core or core[-1].casefold() in VAGUE_OBJECTS):
        return False
    if len(core) == 1 and core[0].casefold() in BARE_VAGUE:
        return False
    return not needs_noun or bool(OUTCOME_NOUNS.search(label))


def _generic_actor(subject: str) -> bool:
    """Whether a subject phrase is actors by its words alone ("the two sides", "they")."""
    words = _WORD.findall(subject.casefold())
    return bool(words) and (words[0] in ACTOR_WORDS or words[-1] in ACTOR_WORDS)


def is_actor_phrase(sink: ClaimSink, subject: str) -> bool:
    """Whether a subject phrase is actors: actor words, or an actor's name at its start (a
    capital that acts for its state too: "Canberra would fund …")."""
    if _generic_actor(subject):
        return True
    bare = DETERMINERS.sub("", subject.strip())
    return any(m.start == 0 and not m.entity.is_place for m in sink.gaz.find(bare))
