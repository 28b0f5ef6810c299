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
from functools import lru_cache
from itertools import takewhile
from typing import Literal, overload

from kg.text.claims import ConceptClaim
from kg.text.cues import (
    ACTION_OPENING,
    ACTOR_OBJECT_VERBS,
    DATE_START,
    ISSUE_CONTAINERS,
    ISSUE_END,
    ISSUE_MODIFIERS,
    ISSUE_ON,
    LEADING_PREPOSITION,
    LEADING_VERBS,
    NOT_ISSUE_HEADS,
    NOT_ISSUE_WORDS,
    ORDINAL_EVENT,
    VERB_OPENING,
)
from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink

__all__ = [
    "issue_like",
    "issue_of",
    "known_topic",
    "mentioned_twice",
    "own_issue",
    "purpose_issue",
    "topic_for",
]

_WORD = re.compile(r"[\w’'-]+")
_LEADING_ARTICLE = re.compile(r"^(?:an?|the|any|some|all|its|their|his|her)\s+", re.IGNORECASE)


@lru_cache(maxsize=4096)  # pure; a paragraph is asked about again for each of its sentences
def _names(lowered: str, form: str) -> bool:
    """Whether lower-cased text names ``form`` as whole words."""
    needle = form.casefold()
    return needle in lowered and bool(re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", lowered))


@lru_cache(maxsize=64)  # the same text object back, so :func:`_names` finds it again cheaply
def _casefolded(text: str) -> str:
    return text.casefold()


def known_topic(sink: ClaimSink, text: str) -> ConceptClaim | None:
    """The longest topic of this document (agenda or topics so far) that ``text`` names."""
    lowered = _casefolded(text)
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
    section heading's topic, then (with ``own``) the issue the phrase itself names
    (:func:`own_issue`: "A ceasefire" → "ceasefire"; a phrase that names none, such
    as an amount, takes a topic its paragraph or the document names, if any);
    without ``own``, ``None`` there: a
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
    issue = own_issue(phrase, clause.content)
    if not issue_like(issue):
        parent = clause.sentence.parent
        nearby = (
            known_topic(sink, parent.plain) if parent is not None else None
        ) or sink.first_topic()
        if nearby is not None:
            return nearby
    return sink.concept(issue, clause.sentence, clause.content)


_CLAUSE_VERB = re.compile(
    r"\s(?:could|may|might|would|will|can|should|is|are|was|were|has|have|had)\s", re.I
)
_PURPOSE = re.compile(r"[^.;:]{0,40}?\b(?:for|on|over|towards|about)\s+(?P<issue>[^,.;:]{3,80})")
_AMOUNT = re.compile(
    r"(?:^|\s)(?:[A-Z]{0,3}[$€£¥]|\d)|\b(?:million|billion|trillion|per\s?cent|percent)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|months?"
    r"|years?|decades?)\b",
    re.I,
)
_NOT_AN_ISSUE = frozenset(
    """it they this that these those them he she we something anything nothing more
    meeting meetings summit talks agreement deal statement declaration issue issues outcome
    thaw influence package review step steps progress result results way ways one
    year's week's month's next time timetable formula law arrangement commitment push
    contribution idea proposal plan request offer""".split()
)


def issue_like(text: str) -> bool:
    """Whether ``text`` can name an issue: not an amount, a pronoun, a bare generic word or a
    clause tail ("and Nauru backed it").

    >>> [issue_like(t) for t in ("deep-sea mining", "A$100 million", "It", "two years")]
    [True, False, False, False]
    >>> [issue_like(t) for t in ("and Nauru backed it", "next year's meeting", "Meeting")]
    [False, False, False]
    >>> [issue_like(t) for t in ("Tuesday afternoon", "more time", "data protection law")]
    [False, False, True]
    >>> [issue_like(t) for t in ("the date", "referendum date was", "next summit", "invite Ito")]
    [False, False, False, False]
    >>> [issue_like(t) for t in ('idea "may come', "on Sudan", "ceasefire", "joint army patrols")]
    [False, False, True, True]
    >>> issue_like("arrangement that would give armed groups a share")  # a defining clause
    True
    >>> [issue_like(t) for t in ("seed it", "seed funding", "pay and conditions")]
    [False, True, True]
    """
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words or words[0] in ("and", "but", "or", "so") or _AMOUNT.search(text):
        return False
    bare = _LEADING_ARTICLE.sub("", text.strip(" ,;:.\"'“”"))
    if DATE_START.match(bare):
        return False  # "Tuesday afternoon", "9-10 September": a time, no issue
    if (
        words[0] in LEADING_VERBS  # "invite Ito", "let lorries cross their borders": an action
        or _ACTION_ON_PRONOUN.match(bare) is not None  # "seed it", "take it up": no issue
        or LEADING_PREPOSITION.match(bare)  # "on Sudan": a phrase cut in the wrong place
        or ORDINAL_EVENT.match(bare)  # "the next summit", "a separate proposal"
        or _INNER_QUOTE.search(bare)  # 'idea "may come': a quotation cut in two
        or any(w in NOT_ISSUE_WORDS for w in _head_words(words))  # "referendum date was"
        or _one_word(bare) in NOT_ISSUE_HEADS  # "the date", "the commission"
    ):
        return False
    return any(len(w) > 2 and w not in _NOT_AN_ISSUE for w in words)


def _head_words(words: list[str]) -> list[str]:
    """The words before a relative clause ("arrangement" of "arrangement that would …")."""
    return list(takewhile(lambda word: word not in _RELATIVE_WORDS, words))


_RELATIVE_WORDS = frozenset("that which who whom whose where whereby under".split())


def _one_word(text: str) -> str:
    """The text's only word, case-folded, or "" when it has more or none."""
    words = _WORD.findall(text.casefold())
    return words[0] if len(words) == 1 else ""


_ACTION_ON_PRONOUN = re.compile(r"^[a-z]+\s+(?:it|them)\b")
_INNER_QUOTE = re.compile(r"\w\s*[\"“”]|[\"“”]\s*\w")


def own_issue(phrase: str, content: str) -> str:
    """The topic an outcome makes of its own phrase when no known topic fits.

    The phrase without its article, cut before a verb ("soybean purchases could
    resume" → soybean purchases); a phrase that names no issue (an amount, a
    pronoun, a bare "meeting") gives way to what the sentence says it is for or
    about, when that names one; else the phrase stays as it is.

    Examples:
        >>> own_issue("Soybean purchases could resume within weeks", "")
        'Soybean purchases'
        >>> own_issue("a further A$100 million", "They pledged a further A$100 million for "
        ...     "the Pacific Resilience Facility.")
        'Pacific Resilience Facility'
    """
    subject = _LEADING_ARTICLE.sub("", phrase).strip(" ,;:.") or phrase
    cut = _CLAUSE_VERB.split(subject, maxsplit=1)[0].strip(" ,;:.")
    if issue_like(cut):
        return cut
    issue = _issue_after(content, phrase, _PURPOSE)
    if issue is not None and issue_like(issue):
        return _LEADING_ARTICLE.sub("", issue)
    return subject


def _issue_after(content: str, phrase: str, pattern: re.Pattern[str]) -> str | None:
    """The issue (:func:`issue_of`) of the ``issue`` group ``pattern`` matches right after
    ``phrase`` in ``content``, or ``None``."""
    start = content.find(phrase)
    found = pattern.match(content, start + len(phrase)) if start >= 0 else None
    return issue_of(found.group("issue")) if found is not None else None


_CONTAINER_TO = re.compile(
    r"(?:(?:an?|the|their|its|new|joint|formal)\s+){0,2}(?P<head>[\w-]+)\s+to\s+[a-z]+\s+"
    r"(?:(?:up|down|out|off|back|away)\s+)?(?:(?:the|an?|their|its)\s+)?(?=[\w])",
    re.IGNORECASE,
)


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
        >>> issue_of("a pledge to fight organised crime together")
        'organised crime'
        >>> issue_of("keep visa-free travel between their countries")
        'visa-free travel'
        >>> issue_of("a protocol under which each government reports")
        'protocol'
        >>> issue_of("restart joint army patrols"), issue_of("of rare earths")
        ('army patrols', 'rare earths')
    """
    text = ACTION_OPENING.sub("", VERB_OPENING.sub("", phrase.strip(" ,;:.")))
    text = LEADING_PREPOSITION.sub("", text)  # "on Sudan": Sudan
    lead = text.split(maxsplit=2)
    verb = lead[0] if len(lead) > 1 else ""
    if verb in LEADING_VERBS and verb not in ACTOR_OBJECT_VERBS and lead[1][0].islower():
        text = text[len(lead[0]) :].lstrip()  # "restart joint army patrols": the patrols
    purpose = _CONTAINER_TO.match(text)
    if purpose is not None and purpose.group("head").casefold() in ISSUE_CONTAINERS:
        text = text[purpose.end() :]  # "a pledge to fight organised crime": organised crime
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
    words = issue.split()
    while len(words) > 1 and words[-1].casefold() in _TRAILING_PARTICLES:
        words.pop()  # "wind the mission down", "fight organised crime together"
    issue = " ".join(words)
    return issue if _WORD.search(issue) else phrase


_TRAILING_PARTICLES = frozenset(
    "together down up out off back away again now instead too also first soon and or".split()
)

_PURPOSE_AFTER = re.compile(
    r"\s*(?:(?:to|that\s+would|which\s+would)\s+(?!be\b|have\b)[a-z]+\s+"
    r"(?:(?:up|down|out|off|back)\s+)?|(?:for|on|over|towards|covering|aimed\s+at)\s+)"
    r"(?P<issue>[^,.;:]{3,100})"
)


def purpose_issue(content: str, phrase: str) -> str | None:
    """The issue named right after an instrument the phrase names: what a fund, a timetable
    or a programme is "to" do or "for" ("a joint fund to repair flood defences" → flood
    defences); ``None`` when nothing after the phrase names one.

    Examples:
        >>> purpose_issue("They set up a joint fund to repair flood defences along the river.",
        ...               "a joint fund")
        'flood defences'
        >>> purpose_issue("They agreed a timetable.", "a timetable") is None
        True
    """
    issue = _issue_after(content, phrase, _PURPOSE_AFTER)
    if issue is None:
        return None
    issue = _LEADING_ARTICLE.sub("", issue)
    return issue if issue_like(issue) else None


def mentioned_twice(text: str, surface: str) -> bool:
    """Whether the document names an issue in two places (case-folded text, found anywhere)."""
    first = text.find(surface)
    return first >= 0 and text.find(surface, first + len(surface)) >= 0
