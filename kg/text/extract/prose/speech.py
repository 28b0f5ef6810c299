"""Reported speech and subjects: a sentence in, its :class:`~.clause.Clause` out.

"Putin said Russia wanted the root causes addressed" is read for its content
("Russia wanted the root causes addressed") and its speaker (Putin); "He
said …", "According to X, …", "…, X said." too. The subject is the first
actor the content names, or, for a pronoun ("he", "she", "they", "it") at its
start, the actor the previous sentences named last when that is unambiguous
(:class:`Discourse` carries it from sentence to sentence). Unnamed speakers
("analysts", "officials") name no entity. The frames are in :mod:`kg.text.cues`.

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> from kg.text.extract.sink import ClaimSink
    >>> from kg.text.claims import SectionClaim
    >>> from kg.text.parse.sentences import split_sentences
    >>> doc = parse_article("Talks\\nTrump said Kim promised to stop missile tests.\\n")
    >>> sink = ClaimSink(doc, Gazetteer.bundled())
    >>> sentence = split_sentences(doc.sections[0].blocks[0])[0]
    >>> clause = clause_of(sink, sentence, SectionClaim(None), Discourse())
    >>> clause.content, [s.label for s in clause.speakers]
    ('Kim promised to stop missile tests.', ['Donald Trump'])
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.text.claims import Entity, SectionClaim
from kg.text.cues import (
    ACCORDING_LEAD,
    ACCORDING_TAIL,
    OWN_SIDE,
    PRONOUN_SUBJECT,
    SPEAKER_WORDS,
    SPEECH_LEAD,
    SPEECH_TAIL,
    UNNAMED_SPEAKERS,
)
from kg.text.document import Sentence
from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink

__all__ = ["Discourse", "Frame", "bound_pronoun", "clause_of", "read_frame"]

_TAIL_WINDOW = 160
"""How far from a sentence's end a closing speech frame is looked for."""


@dataclass
class Discourse:
    """What earlier sentences of the section said, for pronouns to refer to.

    ``last_actors`` is the subject last named; ``last_person`` the person last
    named as subject ("he", "she"); ``last_state`` the state or organisation
    ("it").
    """

    last_actors: tuple[Entity, ...] = ()
    last_person: Entity | None = None
    last_state: Entity | None = None

    def note(self, subject: tuple[Entity, ...]) -> None:
        """Remember a subject the text named."""
        if not subject:
            return
        self.last_actors = subject
        persons = [e for e in subject if e.kind == "Person"]
        others = [e for e in subject if e.kind != "Person"]
        if len(persons) == 1:
            self.last_person = persons[0]
        if len(others) == 1:
            self.last_state = others[0]

    def resolve(self, pronoun: str) -> tuple[Entity, ...]:
        """The actors a pronoun stands for, or ``()`` when that is not clear.

        Examples:
            >>> state = Discourse()
            >>> state.note((Entity("actor/x", "Person", "X"),))
            >>> [e.label for e in state.resolve("He")], state.resolve("it")
            (['X'], ())
        """
        word = pronoun.lower()
        if word in ("he", "she"):
            return (self.last_person,) if self.last_person is not None else ()
        if word == "it":
            return (self.last_state,) if self.last_state is not None else ()
        return self.last_actors if len(self.last_actors) > 1 else ()


@dataclass(frozen=True)
class Frame:
    """A sentence's speech frame: the content's span, the speaker's words, the verb."""

    start: int
    end: int
    speaker: str = ""
    verb: str = ""


def _is_speaker(words: str) -> bool:
    """Whether ``words`` can name who speaks: names, titles and unnamed speakers only."""
    tokens = words.split()
    if not tokens or len(tokens) > 8:
        return False
    named = False
    for token in tokens:
        word = token.strip("’'.-")
        if not word:
            return False
        if word[0].isupper() or word.lower() in UNNAMED_SPEAKERS:
            named = True
        elif word.lower() not in SPEAKER_WORDS:
            return False
    return named


def read_frame(text: str) -> Frame:
    """The speech frame of a sentence's clean text (the whole text when it has none).

    Examples:
        >>> text = "Talks may resume, a senior official said."
        >>> frame = read_frame(text)
        >>> text[frame.start : frame.end], frame.speaker
        ('Talks may resume', 'a senior official')
        >>> read_frame("According to Seoul, talks may resume.").speaker
        'Seoul'
        >>> read_frame("Beijing opposes any patrols and has warned that they may fail.").speaker
        ''
    """
    start, end, speaker, verb = 0, len(text), "", ""
    lead = ACCORDING_LEAD.match(text)
    if lead is not None:
        start, speaker, verb = lead.end(), lead.group("speaker"), "according"
    else:
        lead = SPEECH_LEAD.match(text)
        if lead is not None and _is_speaker(lead.group("speaker")):
            start, speaker, verb = lead.end(), lead.group("speaker"), lead.group("verb")
    if not speaker:
        window = max(0, len(text) - _TAIL_WINDOW)
        tail = ACCORDING_TAIL.search(text, window)
        if tail is not None:
            return Frame(0, tail.start(), tail.group("speaker"), "according")
        tail = SPEECH_TAIL.search(text, window)
        if tail is not None:
            who = tail.group("speaker1") or tail.group("speaker2") or ""
            said = tail.group("verb1") or tail.group("verb2") or ""
            if tail.group("speaker1") or _is_speaker(who):
                return Frame(0, tail.start(), who, said)
    return Frame(start, end, speaker, verb)


def _speakers(sink: ClaimSink, words: str, state: Discourse) -> tuple[Entity, ...]:
    """The entities a speaker's words name (a pronoun resolved; unnamed speakers none)."""
    pronoun = PRONOUN_SUBJECT.match(words)
    if pronoun is not None and pronoun.end() == len(words.strip()):
        return state.resolve(pronoun.group("pronoun"))
    return tuple(e for e in sink.gaz.entities_in(words) if not e.is_place)


def _subject(sink: ClaimSink, content: str, state: Discourse) -> tuple[tuple[Entity, ...], bool]:
    """The content's subject, and whether it was named (not a pronoun)."""
    pronoun = PRONOUN_SUBJECT.match(content)
    if pronoun is not None:
        return state.resolve(pronoun.group("pronoun")), False
    actors = [e for e in sink.gaz.entities_in(content) if not e.is_place]
    return (tuple(actors[:1]), True) if actors else ((), False)


def bound_pronoun(content: str, speakers: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The speaker a pronoun opening reported content stands for ("Japan said it …",
    "Putin said he …", "Tanito said his government …"): the named speaker of the
    pronoun's kind, else ``()``.

    Examples:
        >>> japan = Entity("actor/jp", "State", "Japan")
        >>> [e.label for e in bound_pronoun("it backs the plan", (japan,))]
        ['Japan']
        >>> bound_pronoun("he backs the plan", (japan,))
        ()
    """
    pronoun = PRONOUN_SUBJECT.match(content) or OWN_SIDE.match(content)
    if pronoun is None or not speakers:
        return ()
    word = pronoun.group("pronoun").lower()
    word = {"his": "he", "her": "she", "its": "it", "their": "they"}.get(word, word)
    if word == "they":
        return speakers if len(speakers) > 1 else ()
    persons = [e for e in speakers if e.kind == "Person"]
    others = [e for e in speakers if e.kind != "Person"]
    fits = persons if word in ("he", "she") else others
    return (fits[0],) if len(fits) == 1 else ()


_NESTED_LIMIT = 2
"""How many speech frames deep a sentence is read ("Trump said Kim told reporters …")."""


def clause_of(
    sink: ClaimSink, sentence: Sentence, section: SectionClaim, state: Discourse
) -> Clause:
    """The clause a sentence's readers read: its content without the speech frame.

    The outermost speaker is the clause's; a frame inside the content is read
    too ("Trump said Kim promised …" → content "Kim promised …").
    """
    plain = sentence.plain
    frame = read_frame(plain)
    start, end = frame.start, frame.end
    speakers = _speakers(sink, frame.speaker, state) if frame.speaker else ()
    for _ in range(_NESTED_LIMIT):
        inner = read_frame(plain[start:end])
        if not inner.speaker or inner.verb == "according":
            break
        nested = _speakers(sink, inner.speaker, state)
        if not nested:
            break
        start, end = start + inner.start, start + inner.end
        speakers = speakers or nested
    content = plain[start:end].rstrip()
    if not content.strip():
        start, content = 0, plain
    bound = bound_pronoun(content, speakers)
    subject, named = (bound, False) if bound else _subject(sink, content, state)
    if named:
        state.note(subject)
    elif not subject and speakers and PRONOUN_SUBJECT.match(content):
        subject = speakers
    return Clause(
        sentence,
        content=content,
        offset=start,
        speakers=speakers,
        subject=subject,
        mentions=sink.gaz.entities_in(plain),
        topic=section.topic,
        section_actors=section.actors,
    )
