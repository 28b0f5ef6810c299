"""Enumerations of issues → agenda topics ("talks will focus on A, B and C"); what an
instrument or a dispute is "on" → topics ("a declaration on freedom of navigation").

A cue of :data:`kg.text.cues.AGENDA_LEADS` ("focus on", "key issues include",
"the agenda ranges from", "expected to discuss") opens an enumeration that
runs to the clause boundary; "A and B are on the table" ends one
(:data:`kg.text.cues.AGENDA_TABLE`). Each item is an agenda topic labelled as
written, without its article or "the issue of"; later sentences' claims find
it through :func:`kg.text.extract.prose.topics.topic_for`.

Examples:
    >>> agenda_items("Talks will focus on trade, the issue of Taiwan and energy.")
    ['trade', 'Taiwan', 'energy']
    >>> agenda_items("The agenda ranges from climate finance to debt relief.")
    ['climate finance', 'debt relief']
    >>> agenda_items("Migration and security are on the table.")
    ['Migration', 'security']
    >>> agenda_items("The agenda ran from dams and sediment to fisheries, power and drought.")
    ['dams', 'sediment', 'fisheries', 'power', 'drought']
    >>> agenda_items("Trade is first, with electricity and rail also on the table.")
    ['electricity', 'rail']
    >>> agenda_items("Officials list three items: cables, search and rescue, and minerals.")
    ['cables', 'search and rescue', 'minerals']
    >>> agenda_items("Leaders met in Oslo.")
    []
"""

from __future__ import annotations

import re

from kg.text.cues import (
    AGENDA_COMMA,
    AGENDA_END,
    AGENDA_ITEM_LEAD,
    AGENDA_KEYS,
    AGENDA_LEADS,
    AGENDA_MAX_WORDS,
    AGENDA_QUESTION_WORDS,
    AGENDA_RANGE,
    AGENDA_RANGE_TO,
    AGENDA_SERIAL_COMMA,
    AGENDA_SPLIT,
    AGENDA_TABLE,
    AGENDA_TABLE_START,
    CONTAINER_ISSUE_END,
    CONTAINER_ON,
    DATE_START,
    ISSUE_FRAME_NOT,
    ISSUE_FRAMES,
    PRONOUN_SUBJECTS,
    SUBJECT_START,
)
from kg.text.extract.prose.clause import Clause
from kg.text.extract.prose.topics import issue_like
from kg.text.extract.sink import ClaimSink

__all__ = ["agenda_items", "contained_issues", "framed_issue", "read_agenda"]

_WORD = re.compile(r"[\w’'-]+")
_TRIM = " ,;:.\"'“”‘’"
_WINDOW = 300  # characters an enumeration may span: keeps reading linear
_MAX_TEXT = 1000


def read_agenda(sink: ClaimSink, clause: Clause) -> None:
    """Record the topics a sentence puts on the agenda, once per topic key, and the issues it
    names as what an instrument or a dispute is on as topics of the document (outside a section
    or an item that has its own issue)."""
    known = {claim.key for claim in sink.agenda}
    content = clause.content
    for label in (*agenda_items(content), *framed_issue(content)):
        claim = sink.concept(label, clause.sentence, content)
        if claim.key not in known:
            known.add(claim.key)
            sink.agenda.append(claim)
    if clause.topic is not None:
        return  # under an issue heading or label: its claims are that issue's
    known.update(claim.key for claim in sink.topics)
    for label in contained_issues(content):
        claim = sink.concept(label, clause.sentence, content)
        if claim.key not in known:
            known.add(claim.key)
            sink.topics.append(claim)


def agenda_items(text: str) -> list[str]:
    """The issues an enumeration in ``text`` names, each as written (substrings of ``text``).

    Only the first :data:`_MAX_TEXT` characters are read (a longer sentence is no prose).
    """
    text = text[:_MAX_TEXT]
    items: list[str] = []
    lowered = text.casefold()
    if not any(key in lowered for key in AGENDA_KEYS):
        return items
    for lead in AGENDA_LEADS.finditer(text):
        limit = min(len(text), lead.end() + _WINDOW)
        end = AGENDA_END.search(text, lead.end(), limit)
        ranged = AGENDA_RANGE.search(text, lead.start(), lead.end()) is not None
        items.extend(_split(text[lead.end() : end.start() if end else limit], ranged))
    table = AGENDA_TABLE.search(text)
    if table is not None:
        start = clause = max(0, table.start() - _WINDOW)
        for found in SUBJECT_START.finditer(text, start, table.start()):
            start = found.end()
            if not found.group(0).startswith(","):
                clause = start
        for found in AGENDA_TABLE_START.finditer(text, clause, table.start()):
            start = found.end()  # "…, with A, B and C all on the table": its commas are the list's
        items.extend(_split(text[start : table.start()], False))
    return items


def framed_issue(text: str) -> list[str]:
    """The one issue a sentence names as an issue of the summit (:data:`ISSUE_FRAMES`), as
    written without its article; ``[]`` for a time or a stock phrase ("On Tuesday, …").

    Examples:
        >>> framed_issue("The most delicate issue, regional policing, was barely mentioned.")
        ['regional policing']
        >>> framed_issue("Money was the third big theme.")
        ['Money']
        >>> framed_issue("On migration, Bolivia rejected the request.")
        ['migration']
        >>> framed_issue("On Tuesday, the leaders met."), framed_issue("It is a big issue.")
        ([], [])
    """
    text = text[:_MAX_TEXT]
    for frame in ISSUE_FRAMES:
        found = frame.search(text)
        if found is None:
            continue
        issue = AGENDA_ITEM_LEAD.sub("", found.group("issue").strip(_TRIM)).strip(_TRIM)
        if _names_an_issue(issue, _FRAMED_MAX_WORDS):
            return [issue]
    return []


_FRAMED_MAX_WORDS = 5


def _names_an_issue(issue: str, max_words: int) -> bool:
    """Whether a phrase cut from a sentence names an issue: at most ``max_words`` words, no
    time or stock phrase (:data:`ISSUE_FRAME_NOT`), no pronoun first, :func:`issue_like`."""
    words = _WORD.findall(issue)
    if not words or len(words) > max_words or ISSUE_FRAME_NOT.search(issue):
        return False
    return words[0].casefold() not in PRONOUN_SUBJECTS and issue_like(issue)


def contained_issues(text: str) -> list[str]:
    """The issues a sentence names as what an instrument or a dispute is "on" or "over"
    (:data:`CONTAINER_ON`), each as written without its article.

    Examples:
        >>> contained_issues("A declaration on freedom of navigation is all but certain.")
        ['freedom of navigation']
        >>> contained_issues("They failed to narrow a dispute over maritime boundaries.")
        ['maritime boundaries']
        >>> contained_issues("A deal on halal certification was left to ministers.")
        ['halal certification']
        >>> contained_issues("They signed a statement on fisheries and migration.")
        ['fisheries', 'migration']
        >>> contained_issues("No deal on Thursday."), contained_issues("Talks on it stalled.")
        ([], [])
    """
    text = text[:_MAX_TEXT]
    issues: list[str] = []
    for found in CONTAINER_ON.finditer(text):
        limit = min(len(text), found.end() + _WINDOW)
        end = CONTAINER_ISSUE_END.search(text, found.end(), limit)
        span = text[found.end() : end.start() if end else limit]
        for part in _parts(span):
            issue = AGENDA_ITEM_LEAD.sub("", part.strip(_TRIM)).strip(_TRIM)
            issue = _DANGLING.sub("", issue)  # "the date of the (next summit)": the date
            owned = _OWNED_REQUEST.match(issue)  # "(on) Bolivia's demand": whose, not what
            if _names_an_issue(issue, _CONTAINED_MAX_WORDS) and owned is None:
                issues.append(issue)
    return issues


_CONTAINED_MAX_WORDS = 6
_OWNED_REQUEST = re.compile(
    r"^[\w-]+(?:\s+[\w-]+)?['’]s\s+(?:[\w-]+\s+)?(?:demand|plan|request|proposal|offer|position"
    r"|watch|idea|call|bid|push)\b",
    re.I,
)
_DANGLING = re.compile(r"(?:\s+(?:of|the|an?|to|for|and|or|with|in))+$", re.I)


def _split(span: str, ranged: bool) -> list[str]:
    """The items of one enumeration; none when a part is too long to be an issue or when
    there is only one (an enumeration names two issues or more)."""
    serial = _last_serial_comma(span)
    tail = AGENDA_ITEM_LEAD.sub("", span[serial.end() :]) if serial is not None else ""
    if serial is not None and len(_WORD.findall(tail)) > AGENDA_MAX_WORDS:
        span = span[: serial.start()]  # "A, B and C, and officials on both sides had …"
    if ranged:  # "from A and B to C, D and E": each side is an enumeration of its own
        parts = [part for side in AGENDA_RANGE_TO.split(span, maxsplit=1) for part in _parts(side)]
    else:
        parts = _parts(span)
    items = []
    for index, part in enumerate(parts):
        item = AGENDA_ITEM_LEAD.sub("", part.strip(_TRIM)).strip(_TRIM)
        words = _WORD.findall(item)
        if len(words) > AGENDA_MAX_WORDS and index == len(parts) - 1 > 1:
            break  # "A, B and a side meeting will take up C": the enumeration has ended
        if not words or len(words) > AGENDA_MAX_WORDS:
            return []
        if words[0].casefold() in PRONOUN_SUBJECTS or DATE_START.match(item):
            return []  # "(agreements on) Thursday and Friday": days, no issues
        if words[0].casefold() in AGENDA_QUESTION_WORDS:
            continue  # "(money, a policing plan and) who gets the ports": a question, no issue
        items.append(item)
    return items if len(items) > 1 else []


def _last_serial_comma(span: str) -> re.Match[str] | None:
    """The last ", and" of an enumeration's span, or ``None``."""
    *_, last = (None, *AGENDA_SERIAL_COMMA.finditer(span))
    return last


def _parts(span: str) -> list[str]:
    """An enumeration's parts: at commas only after a serial comma ("A, B and C, and D");
    else at commas and at the first "and" of the last part ("A, B and C and D": C and D is
    one); with no comma, at every "and".

    Examples:
        >>> _parts("fisheries, policing and the contest between China and the West")
        ['fisheries', 'policing', 'the contest between China and the West']
        >>> _parts("cables, search and rescue, and minerals")
        ['cables', 'search and rescue', 'minerals']
    """
    if AGENDA_SERIAL_COMMA.search(span):
        return AGENDA_COMMA.split(span)
    parts = AGENDA_COMMA.split(span)
    if len(parts) == 1:
        return AGENDA_SPLIT.split(span)
    return [*parts[:-1], *AGENDA_SPLIT.split(parts[-1], maxsplit=1)]
