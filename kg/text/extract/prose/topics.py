"""The topic a sentence claim is about: a topic of the document it names, else the section's,
else the claim's own phrase.

Shared by the sentence readers, so an outcome and a position read from the same
sentence land on the same topic.

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> from kg.text.parse.sentences import split_sentences
    >>> from kg.text.extract.sink import ClaimSink
    >>> doc = parse_article("Talks in Oslo\\nA ceasefire may follow the talks.\\n")
    >>> sink = ClaimSink(doc, Gazetteer.bundled())
    >>> sentence = split_sentences(doc.sections[0].blocks[0])[0]
    >>> clause = Clause(sentence, content=sentence.plain)
    >>> topic_for(sink, clause, "A ceasefire").key
    'ceasefire'
"""

from __future__ import annotations

import re
from typing import Literal, overload

from kg.text.claims import ConceptClaim
from kg.text.cues import ISSUE_CONTAINERS, ISSUE_END, ISSUE_MODIFIERS, ISSUE_ON, VERB_OPENING
from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink

__all__ = ["issue_of", "known_topic", "topic_for"]

_WORD = re.compile(r"[\w’'-]+")
_LEADING_ARTICLE = re.compile(r"^(?:an?|the|any|some|all|its|their|his|her)\s+", re.IGNORECASE)


def _names(lowered: str, form: str) -> bool:
    """Whether lower-cased text names ``form`` as whole words."""
    needle = form.casefold()
    return needle in lowered and bool(re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", lowered))


def known_topic(sink: ClaimSink, text: str) -> ConceptClaim | None:
    """The longest topic of this document (agenda or topics so far) that ``text`` names."""
    lowered = text.casefold()
    best: ConceptClaim | None = None
    for claim in (*sink.agenda, *sink.topics):
        for form in (claim.surface, claim.label):
            longer = best is None or len(form) > len(best.surface)
            if longer and len(form) > 3 and _names(lowered, form):
                best = claim
    return best


@overload
def topic_for(
    sink: ClaimSink, clause: Clause, phrase: str, *, own: Literal[True] = True
) -> ConceptClaim: ...


@overload
def topic_for(
    sink: ClaimSink, clause: Clause, phrase: str, *, own: bool
) -> ConceptClaim | None: ...


def topic_for(
    sink: ClaimSink, clause: Clause, phrase: str, *, own: bool = True
) -> ConceptClaim | None:
    """The topic of a claim whose minimal phrase is ``phrase`` (a substring of the clause).

    A document topic the phrase (or else the sentence) names wins, then the
    section heading's topic, then (with ``own``) the phrase itself without its
    article ("A ceasefire" → "ceasefire"); without ``own``, ``None`` there: a
    position's object is not made a topic of its own (an outcome must have one).
    A phrase topic is not recorded as a topic of the document; the caller decides.
    """
    named = known_topic(sink, phrase) or known_topic(sink, clause.content)
    if named is not None:
        return named
    if clause.topic is not None:
        return clause.topic
    if not own:
        return None
    subject = _LEADING_ARTICLE.sub("", phrase).strip(" ,;:.") or phrase
    return sink.concept(subject, clause.sentence, clause.content)


def issue_of(phrase: str) -> str:
    """The issue a claim's phrase names, as written: what an outcome noun is "on", else its head.

    Examples:
        >>> issue_of("a statement on countering migrant smuggling")
        'countering migrant smuggling'
        >>> issue_of("a ceasefire along the current front line")
        'ceasefire'
        >>> issue_of("sanctions on Rosneft and Lukoil")
        'sanctions'
        >>> issue_of("set up a new trade dialogue")
        'trade dialogue'
    """
    text = VERB_OPENING.sub("", phrase.strip(" ,;:."))
    on = ISSUE_ON.search(text)
    if on is not None:
        head = _WORD.findall(text[: on.start()])
        if any(word.casefold() in ISSUE_CONTAINERS for word in head):
            text = text[on.end() :]
        else:
            text = text[: on.start()]
    end = ISSUE_END.search(text)
    if end is not None:
        text = text[: end.start()]
    issue = ISSUE_MODIFIERS.sub("", text).strip(" ,;:.\"'“”")
    return issue if _WORD.search(issue) else phrase
