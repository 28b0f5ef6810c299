"""Concerns ("analysts fear …") and recommendations ("the allies should …") from a sentence.

A concern's label is what is feared, not the cue: the content of a fearing
speech frame ("Observers fear that X could derail the talks" → "X could derail
the talks"), the object of a cue inside the sentence ("… but warn that the
Kremlin may respond …", "expressed concern over A and its B" → two), the
clause of a risk stated in place ("A could derail the visit"), or the act
someone was warned against ("warned Kyiv not to torpedo it"). A pronoun
subject is left out ("they could raise tensions" → "could raise tensions").
A recommendation's label is the action recommended ("should provide …",
"urged allies to provide …"), ``addressed_to`` the actors urged. The cues are
in :mod:`kg.text.cues`.

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> from kg.text.parse.sentences import split_sentences
    >>> from kg.text.extract.sink import ClaimSink
    >>> text = "Talks\\nAnalysts fear that the talks could collapse, and urged NATO to act now.\\n"
    >>> doc = parse_article(text)
    >>> sink = ClaimSink(doc, Gazetteer.bundled())
    >>> sentence = split_sentences(doc.sections[0].blocks[0])[0]
    >>> read_items(sink, Clause(sentence, content=sentence.plain))
    >>> [c.label for c in sink.concerns], [r.label for r in sink.recommendations]
    (['the talks could collapse'], ['act now'])
"""

from __future__ import annotations

import re

from kg.text.claims import Entity, ItemClaim
from kg.text.cues import (
    AGENDA_SPLIT,
    CONCERN_AND_THAT,
    CONCERN_ASIDE,
    CONCERN_BE,
    CONCERN_CIRCUMSTANCE,
    CONCERN_CUE,
    CONCERN_FRAMES,
    CONCERN_IN_PLACE,
    CONCERN_LIST,
    CONCERN_REPORTER,
    CONCERN_SPLIT,
    CONCERN_SUBJECT,
    CONCERN_SUBJECT_START,
    CONCERN_WARNING,
    ITEM_END,
    ITEM_LEAD,
    ITEM_PRONOUN,
    RECOMMEND_CUE,
    RECOMMEND_END,
    RELATIVE_OPENING,
)
from kg.text.extract.prose.clause import Clause
from kg.text.extract.prose.topics import known_topic
from kg.text.extract.sink import ClaimSink

__all__ = ["circumstance_start", "read_items"]

Span = tuple[int, int]


def _end_of(text: str, start: int) -> int:
    """Where the item that starts at ``start`` ends (a clause break or the sentence's end)."""
    end = ITEM_END.search(text, start)
    return end.start() if end is not None else len(text)


def _trim(text: str, start: int, end: int) -> Span:
    """A span without its pronoun subject, outer quotes, spaces and stops."""
    pronoun = ITEM_PRONOUN.match(text, start, end)
    if pronoun is not None:
        start = pronoun.end()
    while start < end and text[start] in " \"'“‘":
        start += 1
    while end > start and text[end - 1] in " ,.;:\"'”’":
        end -= 1
    lead = ITEM_LEAD.match(text, start, end)
    if lead is not None:
        start = lead.end()  # "warn of the danger …": the danger
    adverb = _LEADING_ADVERB.match(text, start, end)
    if adverb is not None and adverb.end() < end:
        start = adverb.end()  # "(should) now set a budget": set a budget
    return start, end


_EMPTY_SUBJECTS = frozenset({"", "there", "it", "this", "that", "which", "what"})
_LEADING_ADVERB = re.compile(r"(?:now|also|still|first|urgently|quickly|instead|rather)\s+")


def _clause_start(text: str, cue: int) -> int:
    """Where the clause holding a cue at ``cue`` starts (after the last break before it)."""
    start = 0
    for match in ITEM_END.finditer(text, 0, cue):
        start = match.end()
    return start


_MIN_CONCERN_WORDS = 5


def circumstance_start(
    text: str, start: int, end: int, pattern: re.Pattern[str] = CONCERN_CIRCUMSTANCE
) -> int:
    """Where the circumstance of a concern at ``start:end`` begins, which its label leaves out
    (``pattern``, after at least :data:`_MIN_CONCERN_WORDS` words); ``end`` when it has none.

    Examples:
        >>> text = "Judges could again block transfers to the centres, leaving them empty."
        >>> text[: circumstance_start(text, 0, len(text))]
        'Judges could again block transfers to the centres'
    """
    for cut in pattern.finditer(text, start, end):
        if len(text[start : cut.start()].split()) >= _MIN_CONCERN_WORDS:
            joined = _JOINED_CONDITION.search(text, start, cut.start())
            return joined.start() if joined else cut.start()  # "X could derail the talks, as …"
    return end


_JOINED_CONDITION = re.compile(r",?\s+(?:and|or|but)$")
"""A conjunction before a second condition ("slip if the loan is delayed or (if …)")."""


def _concern_spans(clause: Clause) -> list[Span]:
    """The spans of the content that state a concern, in order, without overlaps."""
    text = clause.content
    plain = clause.sentence.plain
    frame = plain[: clause.offset] + " " + plain[clause.offset + len(text) :]
    spans: list[Span] = []

    def add(start: int, end: int) -> None:
        start, end = _trim(text, start, end)
        end = circumstance_start(text, start, end)
        if end > start and not any(s < end and start < e for s, e in spans):
            spans.append((start, end))

    def listed(end: int) -> None:
        """What follows a concern ending at ``end``: more reported concerns ("warned that A,
        and that B") and the items of a list ("… will face the same obstacles: A, B and C.")."""
        more = CONCERN_AND_THAT.match(text, end)
        while more is not None:  # "warned that A, and that B"
            end = _end_of(text, more.end())
            if CONCERN_CUE.search(text, more.end(), end) is None:
                add(more.end(), end)
            more = CONCERN_AND_THAT.match(text, end)
        found = CONCERN_LIST.match(text, end)
        if found is None:
            return
        first, last = found.span("items")
        cuts = list(AGENDA_SPLIT.finditer(text, first, last))
        starts = [first, *(m.end() for m in cuts)]
        items = list(zip(starts, [*(m.start() for m in cuts), last], strict=True))
        if len(items) > 1 and all(len(text[a:b].split()) <= 8 for a, b in items):
            for start, stop in items:
                add(start, stop)

    if any(word.lower() in CONCERN_FRAMES for word in frame.split()):
        end = _end_of(text, 0)
        add(0, end)
        listed(end)
    warning = CONCERN_WARNING.search(text)
    if warning is not None:
        add(warning.start("whom"), _end_of(text, warning.end()))
    for cue in CONCERN_CUE.finditer(text):
        end = _end_of(text, cue.end())
        parts = [cue.end()]
        parts.extend(m.end() for m in CONCERN_SPLIT.finditer(text, cue.end(), end))
        stops = [m.start() for m in CONCERN_SPLIT.finditer(text, cue.end(), end)] + [end]
        for start, stop in zip(parts, stops, strict=True):
            add(start, stop)
        listed(end)
    for cue in CONCERN_IN_PLACE.finditer(text):
        start = _clause_start(text, cue.start())
        lead = CONCERN_REPORTER.match(text, start, cue.start())
        add(lead.end() if lead is not None else start, _end_of(text, cue.end()))
    for cue in CONCERN_SUBJECT.finditer(text):
        subject = 0
        for opening in CONCERN_SUBJECT_START.finditer(text, 0, cue.start()):
            subject = opening.end()
        if text[subject : cue.start()].strip().lower() not in _EMPTY_SUBJECTS:
            add(subject, cue.start())  # "its financing remains a sticking point": its financing
    return sorted(spans)


def _concern_label(label: str) -> str:
    """A concern's label without an aside between its subject and verb ("A dispute over the
    pipeline that runs to the coast could derail talks" → "A dispute over the pipeline could
    derail talks"), and only the subject where the verb just judges it ("an oil spill would
    be a disaster" → "an oil spill")."""
    judged = CONCERN_BE.match(label)
    if judged is not None and len(judged.group("subject").split()) > 1:
        return judged.group("subject")
    aside = CONCERN_ASIDE.match(label)
    if aside is not None:
        return f"{aside.group('subject')} {label[aside.end() :]}"
    return label


def _entities(clause: Clause, sink: ClaimSink, text: str) -> tuple[Entity, ...]:
    """The actors ``text`` names (not places)."""
    return tuple(e for e in sink.gaz.entities_in(text) if not e.is_place)


def read_items(sink: ClaimSink, clause: Clause) -> None:
    """Record the concerns and recommendations a sentence states."""
    text = clause.content
    for start, end in _concern_spans(clause):
        label = text[start:end]
        if RELATIVE_OPENING.match(label):
            continue  # "worries, whose effects …": the worry is named before the cue
        label = _concern_label(label)
        sink.concerns.append(
            ItemClaim(
                label=label,
                source=clause.sentence,
                mentions=sink.gaz.entities_in(label),
                topic=known_topic(sink, label) or clause.topic,
                speakers=clause.speakers,
            )
        )
    for cue in RECOMMEND_CUE.finditer(text):
        end = _end_of(text, cue.end())
        circumstance = RECOMMEND_END.search(text, cue.end(), end)
        if circumstance is not None and circumstance.start() > cue.end():
            end = circumstance.start()  # "restore ambassadors before …": restore ambassadors
        start, end = _trim(text, cue.end(), end)
        if end <= start:
            continue
        whom = cue.group("whom")
        if whom is not None:
            addressed = _entities(clause, sink, whom)
        else:
            addressed = _entities(
                clause, sink, text[_clause_start(text, cue.start()) : cue.start()]
            )
        label = text[start:end]
        sink.recommendations.append(
            ItemClaim(
                label=label,
                source=clause.sentence,
                mentions=sink.gaz.entities_in(label),
                addressed_to=addressed,
                topic=known_topic(sink, label) or clause.topic,
                speakers=clause.speakers,
            )
        )
