"""Every word list of the text stage, and the pure functions over them.

Words in, roles, keys and likelihoods out. The extractors, the gazetteer and
the curated-table loader read their vocabulary from here, so an article's
column header and a curated table's header mean the same thing. (The parser
keeps its own noise lists.)

* Likelihood: :data:`HEDGES`, :data:`LEVELS`, :data:`INTRO_HEDGES`;
  :func:`hedge_of`, :func:`intro_hedge`, :func:`level_of`, :func:`likelihood_named`.
* Column roles: :data:`COLUMN_ROLES`, one row per :data:`ColumnRole` with the
  cue words of an article's header and the names of a curated table's header;
  :func:`column_role`, :func:`curated_role`.
* Key/value tables: :data:`KEY_HEADERS`, :data:`VALUE_HEADERS`,
  :data:`META_KEYS`; :func:`meta_field`.
* List roles: :data:`LIST_ROLES`; :func:`list_role`.
* Topics: :func:`concept_key`, :func:`focus_key`, :func:`topic_heading`.
* Actors: titles and names (:func:`titled_names`), :func:`actor_kind`, the
  cues of the gazetteer (:data:`ACTOR_CUES`, :data:`LOCATIVES`).
* The summit: :data:`HELD_CUES`, :data:`SCHEDULED_CUES`.

Examples:
    >>> concept_key("Reevaluating arms control")
    ('arms-control', 'Arms Control')
    >>> hedge_of("Possible relaxation or reinforcement")
    (<Likelihood.POSSIBLE: ('Possible', 1)>, 'Possible')
    >>> column_role("Washington's Aim"), column_role("Key Risk"), column_role("Notes")
    ('focus', 'concern', 'note')
    >>> curated_role("Focus_Area"), curated_role("Key Risk") is None
    ('focus', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kg.text.claims import Likelihood
from kg.text.normalize import content_hash, slug, strip_invisible

__all__ = [
    "ACTOR_CUES",
    "ACTOR_HEADING",
    "ADDRESS_CUE",
    "ATTENDANCE_WORDS",
    "CITY_POPULATION",
    "COLUMN_ROLES",
    "COUNTRY_NAMES",
    "DAYS_LONG",
    "DETERMINERS",
    "EMPTY_CELLS",
    "FIELD_LABELS",
    "HEDGES",
    "HELD_CUES",
    "INSIDE_NAME_NOUNS",
    "INTRO_HEDGES",
    "KEY_HEADERS",
    "LEADER_BEFORE",
    "LEVELS",
    "LIKELIHOOD_TERMS",
    "LIST_ROLES",
    "LOCATIVES",
    "MAX_ISSUE_WORDS",
    "MEETING_OPENED",
    "MEETING_WORDS",
    "META_KEYS",
    "MINOR_WORDS",
    "MONTHS",
    "NAMED_AFTER",
    "NAMED_BY_LOWER_NOUN",
    "NAMED_BY_NOUN",
    "NAMED_PACT",
    "NAME_GOES_ON",
    "NAME_HEADS",
    "NAME_WORDS",
    "NON_ISSUE_HEADINGS",
    "NOT_ATTENDING",
    "NOT_NAMES",
    "NOT_PLACE_NAMES",
    "PAGE_DATE_CUES",
    "PARTICIPANT_CUE",
    "PARTICLES",
    "PAST_SUMMIT",
    "PLACE_AS_MODIFIER",
    "POSSESSIVE_ROLES",
    "PRIVATE_PERSON",
    "QUESTION_HEADING",
    "REGION_BEFORE_DEMONYM",
    "ROLE_NOUNS",
    "ROLE_NOUNS_SEARCHED",
    "SCHEDULED_CUES",
    "SENT_TO_ATTEND",
    "SHARED_SHORT_NAMES",
    "SPEAKS",
    "SUMMIT_HELD",
    "SUMMIT_SCHEDULED",
    "TITLE_CASE_WORDS",
    "UNTIL",
    "VALUE_HEADERS",
    "VENUE_AFTER",
    "VENUE_OF",
    "WEEKDAYS",
    "ColumnRole",
    "FieldRole",
    "ListRole",
    "MetaField",
    "RoleCues",
    "actor_kind",
    "column_role",
    "concept_key",
    "curated_role",
    "fallback_key",
    "field_label",
    "first_sentence",
    "focus_key",
    "header_stance",
    "hedge_of",
    "intro_hedge",
    "is_empty",
    "issue_heading",
    "last_sentence",
    "level_of",
    "likelihood_named",
    "list_role",
    "meta_field",
    "question_heading",
    "split_values",
    "titled_names",
    "topic_heading",
]

#: Words left lower case inside a title and skipped when a heading is judged.
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "amid",
        "ahead",
        "about",
        "after",
        "among",
        "between",
    ]
)

# --- likelihood --------------------------------------------------------------------------------

HEDGES: dict[str, Likelihood] = {
    **dict.fromkeys(
        ["possible", "potential", "prospective", "could", "may", "might", "possibly", "uncertain"],
        Likelihood.POSSIBLE,
    ),
    **dict.fromkeys(["likely", "probable", "probably"], Likelihood.LIKELY),
    **dict.fromkeys(["unlikely", "improbable"], Likelihood.UNLIKELY),
    **dict.fromkeys(["projected", "forecast", "predicted", "estimated"], Likelihood.PROJECTED),
    **dict.fromkeys(
        ["anticipated", "expected", "envisaged", "foreseen", "planned", "scheduled", "slated"],
        Likelihood.ANTICIPATED,
    ),
    **dict.fromkeys(
        ["agreed", "achieved", "reached", "signed", "announced", "confirmed", "concluded"],
        Likelihood.AGREED,
    ),
    **dict.fromkeys(["refused", "rejected", "declined", "failed"], Likelihood.REFUSED),
}
"""Hedge word (lower case) → the likelihood it gives an outcome ("Possible relaxation…").
"Not" or "no" before an agreed word ("Not agreed: …", "No deal reached") is refused."""

_NEGATIONS = frozenset({"not", "no", "never"})

LIKELIHOOD_TERMS: dict[str, Likelihood] = {item.term.lower(): item for item in Likelihood}
"""The likelihood terms themselves (``possible`` … ``unstated``), as a curated table writes them."""

LEVELS: dict[str, Likelihood] = {
    "high": Likelihood.LIKELY,
    "medium": Likelihood.POSSIBLE,
    "moderate": Likelihood.POSSIBLE,
    "low": Likelihood.UNLIKELY,
}
"""Words only a likelihood column uses ("Likelihood | High")."""

INTRO_HEDGES: tuple[tuple[re.Pattern[str], Likelihood], ...] = (
    (
        re.compile(r"\b(set to|poised to|plans? to|slated to|due to)\b", re.I),
        Likelihood.ANTICIPATED,
    ),
    (re.compile(r"\b(would)\b", re.I), Likelihood.POSSIBLE),
    (
        re.compile(
            r"\b((?:in|of)\s+the\s+(?:final\s+|joint\s+)?(?:declaration|communiqu[eé]"
            r"|statement|text)|(?:declaration|communiqu[eé]|statement)\s+(?:lists|includes"
            r"|contains|sets\s+out))\b",
            re.I,
        ),
        Likelihood.AGREED,
    ),
)
"""Phrases of an intro sentence that set the likelihood of a list's or table's outcomes (the
outcomes of a final text are agreed: "Among the outcomes in the declaration:")."""

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def hedge_of(text: str, *, anywhere: bool = False) -> tuple[Likelihood, str] | None:
    """The likelihood a hedge word gives ``text`` and the word itself.

    Only the first word counts unless ``anywhere`` is true (used for headers).

    Examples:
        >>> hedge_of("Likely Outcome", anywhere=True)
        (<Likelihood.LIKELY: ('Likely', 2)>, 'Likely')
        >>> hedge_of("Improved security with potential mistrust") is None
        True
        >>> hedge_of("Not agreed: a study of the subsea cable")
        (<Likelihood.REFUSED: ('Refused', None)>, 'Not agreed')
        >>> hedge_of("Outcomes not agreed", anywhere=True)[1]
        'not agreed'
    """
    words = _WORD.findall(text)
    for index, word in enumerate(words if anywhere else words[:2]):
        found = HEDGES.get(word.lower())
        negated = index > 0 and words[index - 1].lower() in _NEGATIONS
        if found is Likelihood.AGREED and negated:
            return Likelihood.REFUSED, f"{words[index - 1]} {word}"
        if found is not None and (anywhere or index == 0):
            return found, word
    return None


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, from its first character (offsets stay valid).

    Examples:
        >>> first_sentence("Leaders met in Oslo. Talks went on.")
        'Leaders met in Oslo.'
    """
    return _SENTENCES.split(text, maxsplit=1)[0]


def last_sentence(text: str) -> str:
    """The last sentence of ``text`` (an intro paragraph ends with the one that matters).

    Examples:
        >>> last_sentence("Talks ended. Key concerns include:")
        'Key concerns include:'
    """
    return _SENTENCES.split(text.strip())[-1]


def intro_hedge(text: str | None) -> tuple[Likelihood, str] | None:
    """The hedge of a list's or table's intro sentence (its last sentence), anywhere in it.

    The first hedge word or hedging phrase wins.

    Examples:
        >>> intro_hedge("Both sides are set to sign a possible deal:")
        (<Likelihood.ANTICIPATED: ('Anticipated', 4)>, 'set to')
        >>> intro_hedge("Outcomes:") is None
        True
    """
    if not text:
        return None
    last = last_sentence(text)
    found: list[tuple[int, Likelihood, str]] = []
    for match in _WORD.finditer(last):
        hedge = HEDGES.get(match.group(0).lower())
        if hedge is not None:
            found.append((match.start(), hedge, match.group(0)))
            break
    for pattern, likelihood in INTRO_HEDGES:
        phrase = pattern.search(last)
        if phrase:
            found.append((phrase.start(), likelihood, phrase.group(0)))
    if not found:
        return None
    _, likelihood, word = min(found, key=lambda f: f[0])
    return likelihood, word


def level_of(text: str) -> tuple[Likelihood, str] | None:
    """A likelihood column's cell: a hedge word anywhere, or High/Medium/Low.

    Examples:
        >>> level_of("Medium (talks stalled)")
        (<Likelihood.POSSIBLE: ('Possible', 1)>, 'Medium')
    """
    found = hedge_of(text, anywhere=True)
    if found is not None:
        return found
    for word in _WORD.findall(text):
        level = LEVELS.get(word.lower())
        if level is not None:
            return level, word
    return None


def likelihood_named(word: str) -> Likelihood | None:
    """The likelihood a curated table's cell names: a term ("likely") or a hedge ("signed").

    Examples:
        >>> likelihood_named("Expected"), likelihood_named("unstated")
        (<Likelihood.ANTICIPATED: ('Anticipated', 4)>, <Likelihood.UNSTATED: ('Unstated', None)>)
        >>> likelihood_named("certain") is None
        True
    """
    lowered = word.lower()
    return LIKELIHOOD_TERMS.get(lowered) or HEDGES.get(lowered)


# --- column roles ------------------------------------------------------------------------------

ColumnRole = Literal[
    "actor",
    "concern",
    "focus",
    "likelihood",
    "note",
    "other",
    "outcome",
    "position",
    "recommendation",
    "significance",
    "source",
    "status",
    "summit",
    "timeline",
    "topic",
]
"""What a table column holds, in an article's table or a curated table."""


@dataclass(frozen=True)
class RoleCues:
    """How a header asks for a column role.

    ``words``: a regular-expression alternation of head words ("Key Risk" → risk)
    in an article's table; ``phrases``: phrases that give the role wherever they
    stand in such a header ("Why It Matters"); ``headers``: the exact names of
    a curated table's column (lower case, ``_`` and ``-`` read as spaces).
    """

    words: str = ""
    phrases: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()


COLUMN_ROLES: dict[ColumnRole, RoleCues] = {
    # a curated table lists its optional columns in this order
    "summit": RoleCues(headers=("summit", "summit name", "event")),
    "topic": RoleCues(
        words=r"topics?|issues?|agenda items?|agenda|areas?|sectors?|themes?|pillars?|domains?|"
        r"subjects?|questions?",
        headers=("topic", "issue", "agenda item"),
    ),
    "focus": RoleCues(
        words=r"focus|objectives?|goals?|aims?|priorit(?:y|ies)|approach(?:es)?|targets?|desired|"
        r"hopes|tactics?|interests?",
        phrases=("focus area", "focus areas"),
        headers=("focus area", "focus areas", "focus", "objective"),
    ),
    "outcome": RoleCues(
        words=r"outcomes?|results?|deliverables?|agreements?|commitments?",
        headers=("outcome", "expected outcome", "result"),
    ),
    "likelihood": RoleCues(
        words=r"likelihood|probability|chances?|odds|confidence",
        headers=("likelihood", "hedge", "probability"),
    ),
    "source": RoleCues(headers=("source", "reference", "url", "citation")),
    "significance": RoleCues(
        words=r"significance|implications?|ramifications?|impacts?|importance|stakes",
        phrases=("why it matters",),
        headers=("significance", "why it matters"),
    ),
    "concern": RoleCues(
        words=r"risks?|challenges?|obstacles?|concerns?|sticking points?|threats?|what to watch"
        r"(?: out for)?|pitfalls?|frictions?|red flags?|worries",
    ),
    "recommendation": RoleCues(
        words=r"recommendations?|recommended(?: actions?)?|policy options?|advice",
    ),
    "status": RoleCues(words=r"status|progress|state of play"),
    "timeline": RoleCues(
        words=r"timelines?|time ?frames?|dates?|days?|phases?|next steps|deadlines?|when|timing|"
        r"schedules?",
    ),
    "actor": RoleCues(
        words=r"actors?|stakeholders?|players?|leaders?|countries|country|nations?|delegations?|"
        r"parties|party|participants?|governments?|states|who|signator(?:y|ies)|members?|"
        r"negotiators?|envoys?|representatives?|officials?|spokes(?:man|woman|person)",
    ),
    "position": RoleCues(
        words=r"positions?|stances?|views?|demands?|red lines?|rejects?|rejected|rejections?"
        r"|opposes|opposed|opposition|offers?|offered|proposals?|proposed",
    ),
    "note": RoleCues(words=r"notes?|comments?|remarks?"),
    "other": RoleCues(),  # a header without a cue: its cells are kept as raw cells
}
"""Column role → its cues: adding a role is one row here, one handler, one ontology term."""

_ROLE_PHRASES = tuple(
    (role, re.compile(rf"\b(?:{'|'.join(re.escape(p) for p in cues.phrases)})\b"))
    for role, cues in COLUMN_ROLES.items()
    if cues.phrases
)
_ROLE_WORDS = tuple(
    (role, re.compile(rf"\b(?:{cues.words})\b"))
    for role, cues in COLUMN_ROLES.items()
    if cues.words
)
_CURATED_HEADERS: dict[str, ColumnRole] = {
    header: role for role, cues in COLUMN_ROLES.items() for header in cues.headers
}


@lru_cache(maxsize=4096)  # pure, and asked again for every row and mention
def column_role(header: str, index: int = 1) -> ColumnRole:
    """The role of an article's table column from its header's head word.

    The head word is the last cue word, or the one before "of". Column 1
    (``index=0``) is the subject: ``actor``, ``timeline`` or ``topic``.

    Examples:
        >>> [column_role(h) for h in ("Expected Outcome", "Focus Area", "Outcome Likelihood")]
        ['outcome', 'focus', 'likelihood']
        >>> column_role("Area of Focus", 0), column_role("Delegation", 0)
        ('topic', 'actor')
    """
    low = " ".join(header.lower().replace("’", "'").split())
    head = low.split(" of ")[0] if " of " in low else low
    role: ColumnRole = "other"
    phrased = next((name for name, pattern in _ROLE_PHRASES if pattern.search(head)), None)
    if phrased is not None:
        role = phrased
    else:
        best: tuple[int, int] | None = None
        for name, pattern in _ROLE_WORDS:
            for match in pattern.finditer(head):
                rank = (match.end(), match.end() - match.start())
                if best is None or rank > best:
                    best, role = rank, name
        if role == "significance" and "impact" in head and hedge_of(header, anywhere=True):
            role = "outcome"
    if index == 0:
        return role if role in ("actor", "timeline") else "topic"
    return role


_HEADER_STANCES = (
    ("rejects", re.compile(r"\breject(?:s|ed|ions?)?\b|\bturned down\b", re.I)),
    ("opposes", re.compile(r"\boppos(?:es|ed|ition)\b", re.I)),
    ("offers", re.compile(r"\boffer(?:s|ed)?\b", re.I)),
    ("proposes", re.compile(r"\bpropos(?:als?|ed|es)\b", re.I)),
)


def header_stance(header: str) -> str | None:
    """The stance a position column's header states ("What it rejected" rejects); ``None`` for
    a header that names a position without one ("Position", "Main demand", "View").

    Examples:
        >>> header_stance("What it rejected in Kampala"), header_stance("Main demand")
        ('rejects', None)
    """
    return next((stance for stance, words in _HEADER_STANCES if words.search(header)), None)


def curated_role(header: str) -> ColumnRole | None:
    """The role of a curated table's column from its exact header name, or ``None`` (a raw cell).

    Examples:
        >>> curated_role("Why_it-matters"), curated_role("Notes") is None
        ('significance', True)
    """
    return _CURATED_HEADERS.get(" ".join(re.sub(r"[_-]+", " ", header).lower().split()))


EMPTY_CELLS = frozenset({"", "—", "–", "-", "tbd", "tba", "n/a", "na", "none", "unknown", "?"})
"""Cells that state nothing (lower case)."""


def is_empty(cell: str) -> bool:
    """Whether a cell states nothing ("—", "TBD", "N/A").

    Examples:
        >>> is_empty(" TBD "), is_empty("Trade")
        (True, False)
    """
    return cell.strip().lower() in EMPTY_CELLS


def split_values(cell: str) -> list[str]:
    """The values of a cell that lists several, without the empty ones.

    Examples:
        >>> split_values("Trade; Energy / Arctic, n/a")
        ['Trade', 'Energy', 'Arctic']
    """
    parts = re.split(r"\s*[,;]\s*|\s+/\s+", cell)
    return [p.strip() for p in parts if p.strip().lower() not in EMPTY_CELLS]


# --- key/value tables --------------------------------------------------------------------------

KEY_HEADERS = frozenset(
    "key aspect characteristic characteristics item field category attribute parameter "
    "feature element fact facts detail".split()
)
"""First-column headers of a key/value table."""

VALUE_HEADERS = frozenset(
    "value values details description information info specifics data".split()
)
"""Second-column headers of a key/value table."""

MetaField = Literal["agenda", "dates", "host", "name", "participants", "status", "venue"]
"""A summit detail a key/value table gives."""

META_KEYS: tuple[tuple[MetaField, re.Pattern[str]], ...] = (
    ("name", re.compile(r"^(?:summit|event|(?:official |summit )?name|title|meeting)$")),
    ("host", re.compile(r"^(?:host(?: country| nation| state)?|hosted by|chair|presidency)$")),
    ("dates", re.compile(r"^(?:dates?|when|time|timing|held on|scheduled for)$")),
    ("venue", re.compile(r"^(?:venue|location|place|city|where|site|host city|setting)$")),
    (
        "participants",
        re.compile(
            r"^(?:participants|attendees|leaders|members|delegations|parties|heads of state|"
            r"attending|key participants|participating (?:countries|leaders|states))$"
        ),
    ),
    ("agenda", re.compile(r"^(?:agenda|topics|key topics|main topics|themes?|key issues|focus)$")),
    ("status", re.compile(r"^status$")),
)
"""The keys (lower case, whole) that name each summit detail; the first that matches wins."""


def meta_field(key: str) -> MetaField | None:
    """The summit detail a key/value table's key names, or ``None``.

    Examples:
        >>> meta_field("Host Country:"), meta_field("Budget") is None
        ('host', True)
    """
    lowered = " ".join(key.lower().strip(" :*").split())
    for field, pattern in META_KEYS:
        if pattern.match(lowered):
            return field
    return None


# --- list roles --------------------------------------------------------------------------------

ListRole = Literal["actors", "agenda", "concerns", "outcomes", "recommendations"]
"""What a list's items are."""

LIST_ROLES: tuple[tuple[ListRole, re.Pattern[str]], ...] = (
    (
        "recommendations",
        re.compile(
            r"\b(recommend\w*|should|ought to|advice|advis\w*|guidance|steps|must|need to|"
            r"suggest\w*|what \w+ (?:should|must) do)\b",
            re.I,
        ),
    ),
    (
        "concerns",
        re.compile(
            r"\b(concerns?|risks?|worr\w*|frictions?|threats?|challenges?|what to watch|"
            r"watch for|obstacles?|sticking points?|pitfalls?|dangers?|fears?|red flags?|"
            r"uncertaint\w*)\b",
            re.I,
        ),
    ),
    (
        "actors",
        re.compile(
            r"\b(actors|players|signed by|signatories|participants|attendees|attending|"
            r"delegations|who'?s who|stakeholders)\b",
            re.I,
        ),
    ),
    (
        "outcomes",
        re.compile(
            r"\b(outcomes?|implications?|results?|agreements?|agreed|conclud\w*|highlights were|"
            r"plans to|deliverables?|achiev\w*|consequences?|could lead to|breakthroughs?|"
            r"accomplish\w*|signed|what was agreed)\b",
            re.I,
        ),
    ),
    (
        "agenda",
        re.compile(
            r"\b(agenda|topics?|cover\w*|discuss\w*|on the table|priorit\w*|themes?|issues|"
            r"subjects|areas|items|focus\w*)\b",
            re.I,
        ),
    ),
)
"""List role → the cue of an intro sentence or heading that asks for it."""

PARTICIPANT_CUE = re.compile(r"particip|attend|signed by|signator|delegation", re.I)
"""An actor list's intro that makes its actors the summit's participants."""

ADDRESS_CUE = re.compile(r"^\W*(must|should|need to|needs to|ought to)\b", re.IGNORECASE)
"""Words after an actor that make a recommendation addressed to it ("Norway must …")."""


def list_role(intro: str | None, heading: str | None) -> ListRole | None:
    """The role of a list from its intro sentence, else its section heading.

    The cue that comes first in the sentence wins (the head noun comes first:
    "Topics on which outcomes are expected include:" is an agenda).

    Examples:
        >>> list_role("Other items. Key strategic concerns include:", None)
        'concerns'
        >>> list_role(None, "Guidance for U.S. Strategy")
        'recommendations'
        >>> list_role("Some of the potential implications include:", None)
        'outcomes'
    """
    if intro:
        role = _first_cue(last_sentence(intro))
        if role is not None:
            return role
    if heading:
        return _first_cue(heading)
    return None


def _first_cue(text: str) -> ListRole | None:
    best: tuple[int, int] | None = None
    chosen: ListRole | None = None
    for role, pattern in LIST_ROLES:
        match = pattern.search(text)
        if match:
            rank = (match.start(), -(match.end() - match.start()))
            if best is None or rank < best:
                best, chosen = rank, role
    return chosen


# --- field labels ------------------------------------------------------------------------------

FieldRole = Literal["topic", "outcome", "position", "concern", "recommendation"]
"""What a field label says its text is ("Topic: …", "Likely outcome: …")."""

FIELD_LABELS: tuple[tuple[FieldRole, re.Pattern[str]], ...] = (
    (
        "topic",
        re.compile(r"(?:(?:main|key|agenda)\s+)?(?:topic|issue|agenda\s+item|theme)s?", re.I),
    ),
    (
        "outcome",
        re.compile(
            r"(?:(?:most\s+)?(?:likely|possible|probable|expected|projected|potential|agreed)\s+)?"
            r"(?:outcome|result|deliverable|decision)s?",
            re.I,
        ),
    ),
    ("position", re.compile(r"(?:positions?|stances?|demands?|red\s+lines?)", re.I)),
    (
        "concern",
        re.compile(
            r"(?:(?:main|key|chief)\s+)?(?:concerns?|risks?|worry|worries|threats?|dangers?"
            r"|red\s+flags?)|what\s+to\s+watch",
            re.I,
        ),
    ),
    ("recommendation", re.compile(r"(?:recommendations?|recommended\s+actions?|advice)", re.I)),
)
"""Labels that name the role of their text, not an issue, in a briefing card's items and
paragraphs; a label must be one of these as a whole."""


def field_label(label: str) -> FieldRole | None:
    """The role a field label gives its text, or ``None`` for a label that names an issue.

    Examples:
        >>> [field_label(t) for t in ("Topic", "Likely outcome", "Key risks", "Recommendation")]
        ['topic', 'outcome', 'concern', 'recommendation']
        >>> field_label("Energy") is None, field_label("Subject") is None
        (True, True)
    """
    bare = " ".join(label.strip(" *_").split())
    return next((role for role, pattern in FIELD_LABELS if pattern.fullmatch(bare)), None)


# --- topics ------------------------------------------------------------------------------------

_GENERIC_TAIL = frozenset({"framework", "frameworks", "policy", "policies"})
_ING_NOUNS = frozenset(
    "banking building clothing dumping farming financing fishing funding housing "
    "manufacturing mining offshoring peacekeeping policing shipping spending trafficking "
    "training warming".split()
)
_LIGHT_NOUNS = frozenset("stock sense care track note hold account advantage charge shape".split())
"""Nouns of a light verb phrase ("taking stock of", "making sense of", "keeping track of")."""
_OF = frozenset("of on in at".split())
_GENERIC_HEADING = re.compile(
    r"\b(overview|summary|introduction|outlook|analysis|background|conclusion|context|"
    r"takeaways?|highlights|key|what|why|how|who|where|when|table|breakdown|details|facts|"
    r"positions|stand|players|actors|parties|agenda|outcomes?|results?|risks?|concerns?|"
    r"recommendations?|guidance|road ahead|next steps|update|latest|news|in brief|at a glance|"
    r"assessment|bottom line|our view|purpose|"
    r"frictions?|sticking points?|flashpoints?|fault lines|to watch|on the table|"
    r"issues (?:in|at|to)|the issues)\b",
    re.I,
)


def _display_word(word: str, first: bool) -> str:
    if any(c.isupper() for c in word[1:]) or (word.isupper() and len(word) > 1):
        return word
    if not first and word.lower() in MINOR_WORDS:
        return word.lower()
    return word[:1].upper() + word[1:]


def _words_of(label: str) -> list[str]:
    words = strip_invisible(label).strip(" .;:,").split()
    if len(words) > 1 and all(w.isupper() for w in words if w[:1].isalpha()):
        words = [w.lower() for w in words]  # an ALL CAPS label is shouting, not acronyms
    return words


def fallback_key(label: str) -> str:
    """The key of a label without a letter or digit to slug: a hash of it.

    Examples:
        >>> fallback_key("—")
        'xbda050585a00'
    """
    return "x" + content_hash(strip_invisible(label))[:12]


@lru_cache(maxsize=4096)  # pure, and asked again for every row and mention
def concept_key(label: str) -> tuple[str, str]:
    """The merge key and preferred label of a topic named ``label``.

    Drops a leading gerund ("Reevaluating") of a label of three or four words, a
    leading verb phrase of a gerund and a light noun ("Taking stock of", "Making sense
    of") of any label, whose object is the topic, and a trailing generic noun
    ("frameworks", "policy") when other words remain; a label is never cut to one word
    by a lone gerund ("Emerging technologies" stays whole). Nouns ending in -ing
    ("Shipping lanes") are kept. The preferred label is a span of the label: in Title
    Case when it has at most :data:`TITLE_CASE_WORDS` words (a short topic name's display
    form), else in the case it is written in (a phrase is never Title-Cased).

    Examples:
        >>> concept_key("Sanctions Policy")
        ('sanctions', 'Sanctions')
        >>> concept_key("U.S. trade")
        ('u-s-trade', 'U.S. Trade')
        >>> concept_key("Search and Rescue")
        ('search-and-rescue', 'Search and Rescue')
        >>> concept_key("Emerging technologies")
        ('emerging-technologies', 'Emerging Technologies')
        >>> concept_key("Security guarantees for the Baltic")[1]
        'Security guarantees for the Baltic'
        >>> concept_key("Taking stock of emissions")
        ('emissions', 'Emissions')
        >>> concept_key("TAKING STOCK OF CLIMATE PROGRESS")
        ('climate-progress', 'Climate Progress')
    """
    words = _words_of(label)
    written = strip_invisible(label).strip(" .;:,").split()
    first = words[0].lower() if words else ""
    gerund = first.endswith("ing") and len(first) > 5 and first not in _ING_NOUNS
    idiom = len(words) > 3 and words[1].lower() in _LIGHT_NOUNS and words[2].lower() in _OF
    if gerund and idiom:  # "Taking stock of emissions": the verb phrase's object
        words, written = words[3:], written[3:]
    elif 2 < len(words) <= 4 and gerund:
        words, written = words[1:], written[1:]
    if len(words) > 1 and words[-1].lower() in _GENERIC_TAIL:
        words, written = words[:-1], written[:-1]
    key = slug(" ".join(words)) or fallback_key(label)
    if len(words) > TITLE_CASE_WORDS:
        return key, " ".join(written)
    return key, " ".join(_display_word(w, i == 0) for i, w in enumerate(words))


TITLE_CASE_WORDS = 3
"""The longest topic label shown in Title Case; longer labels keep the case they are written in."""


@lru_cache(maxsize=4096)  # pure, and asked again for every row and mention
def focus_key(label: str) -> tuple[str, str]:
    """The merge key and preferred label of a focus area: its words, first letter capitalised.

    Examples:
        >>> focus_key("catch data sharing")
        ('catch-data-sharing', 'Catch data sharing')
    """
    words = _words_of(label)
    key = slug(" ".join(words)) or fallback_key(label)
    if words:
        words[0] = words[0][:1].upper() + words[0][1:]
    return key, " ".join(words)


def topic_heading(title: str) -> str | None:
    """A heading's title when it names a topic ("Arctic Shipping"), not a role or a summary.

    Examples:
        >>> topic_heading("Arctic Shipping:"), topic_heading("Key Outcomes") is None
        ('Arctic Shipping', True)
    """
    title = title.strip(" :")
    if not title or len(title.split()) > 6 or _GENERIC_HEADING.search(title):
        return None
    if title.endswith("?"):
        return None
    return title


# --- actors ------------------------------------------------------------------------------------

_TITLES = (
    r"(?:(?:Deputy|Vice|Former|Acting|Prime|Foreign|Defen[cs]e|Finance|Trade|Interior|"
    r"Economy|Energy|Chief|Senior|Special|Top|Presidential|Kremlin|White House|State "
    r"Department|Pentagon|Russian|Ukrainian|Chinese|American|U\.S\.|European|NATO|EU|UN)\s+)"
    r"{0,6}"  # bounded: a long run of these words is read again from each of its words
    r"(?:President|Prime Minister|Premier|Chancellor|Minister|Secretary-General|Secretary "
    r"General|Secretary of State|Secretary of Defen[cs]e|Secretary|Ambassador|ambassador|"
    r"Envoy|envoy|[Aa]ide|[Aa]dvis[eo]r|[Ss]pokes(?:man|woman|person)|Senator|Sen\.|"
    r"Representative|Rep\.|Governor|Gov\.|Mayor|King|Queen|Crown Prince|Prince|Emir|Sheikh|"
    r"General|Gen\.|Admiral|Adm\.|Commissioner|Dr\.|Professor|Prof\.|[Nn]egotiator|"
    r"[Dd]iplomat|[Oo]fficial|[Mm]inister|Mr\.|Ms\.|Mrs\.)"
)
_TITLE_RE = re.compile(rf"(?<![\w-]){_TITLES}(?=\s)")
_NAME_TOKEN = re.compile(r"\s+([^\W\d_][\w’'.-]*)")

PARTICLES = frozenset("da de del der van von bin al el la le di dos du ben".split())
"""Lower-case words inside a name ("Ursula von der Leyen")."""

NOT_NAMES = frozenset(
    """The A An This That These Those His Her Their Its Our Of On In At For And Or But To
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Assembly Council Office Ministry
    Department Committee Commission Summit Meeting Talks Administration Government House
    Palace Conference Forum Agreement Treaty Staff Party Union Bank Fund Organization
    Organisation Day Week Year Plan Program Programme Initiative Press Statement Declaration
    Elect Emeritus Who Which When While After Before During Has Had Was Is Will""".split()
)
"""Capitalised words after a title that end a name ("Minister of …", "President Elect")."""

_ORG_WORDS = re.compile(
    r"\b(council|union|organi[sz]ation|alliance|bank|fund|forum|group|agency|ministry|"
    r"commission|committee|association|institute|secretariat|coalition|bloc|company|"
    r"corporation|parliament|congress|senate|assembly|court|party|office|department)\b",
    re.I,
)
_STATE_HINT = re.compile(r"\b(countr\w*|nations?|states?|delegations?|governments?)\b", re.I)
_PERSON_HINT = re.compile(r"\b(leaders?|president|minister|person|envoys?|heads?)\b", re.I)

ACTOR_HEADING = re.compile(
    r"^(.+?)[’']s\s+(?:position|stance|view|aims?|goals?|priorities|perspective|"
    r"red lines|demands|approach|strategy)$",
    re.I,
)
"""A heading about one actor's stand ("Russia’s Position"): group 1 names the actor."""

SHARED_SHORT_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Congo", "republic-of-the-congo", "democratic-republic-of-the-congo"),
)
"""A short name two states share: (name, the key of the state it names by default, the
other's; each an actor/ and a place/ entity in the gazetteer). In a
document that names the other by a longer form and never names the default one but by the
short name, the short name is the other's ("Congo" in coverage of the Democratic Republic
of the Congo)."""

POSSESSIVE_ROLES: frozenset[ColumnRole] = frozenset({"focus", "position", "outcome", "concern"})
"""Column roles whose header may name its actor by a possessive ("Norway's Aim")."""


def titled_names(text: str) -> list[str]:
    """Names ``text`` introduces with a title or role, in order ("Foreign Minister Anna Berg").

    Examples:
        >>> titled_names("Foreign Minister Anna Berg met ambassador Jonas Lund’s team.")
        ['Anna Berg', 'Jonas Lund']
        >>> titled_names("President of the Council")
        []
        >>> titled_names("Saudi Investment Minister Fahad al-Rashed and Secretary-General Nasser "
        ...              "al-Mutairi")
        ['Fahad al-Rashed', 'Nasser al-Mutairi']
    """
    names: list[str] = []
    for match in _TITLE_RE.finditer(text):
        tokens: list[str] = []
        position = match.end()
        while len(tokens) < 4:
            token = _NAME_TOKEN.match(text, position)
            if not token:
                break
            word = token.group(1)
            possessive = word.endswith(("’s", "'s"))
            bare = word[:-2] if possessive else word
            bare = bare.rstrip(".") if len(bare) > 2 else bare
            particle, dash, rest = bare.partition("-")
            if dash and tokens and particle.lower() in PARTICLES and rest[:1].isupper():
                tokens.append(bare)  # "Fahad al-Rashed", "Abdel Fattah el-Sisi"
                position = token.end()
                continue
            if bare.lower() in PARTICLES and tokens:
                following = _NAME_TOKEN.match(text, token.end())
                if following and following.group(1)[:1].isupper():
                    tokens.append(bare)
                    position = token.end()
                    continue
                break
            if not bare[:1].isupper() or bare in NOT_NAMES or not bare[:1].isalpha():
                break
            tokens.append(bare)
            position = token.end()
            if possessive or (word.endswith((".", ",")) and len(word) > 3):
                break
        while tokens and tokens[-1].lower() in PARTICLES:
            tokens.pop()
        if tokens:
            names.append(" ".join(tokens))
    return names


def actor_kind(name: str, hint: str) -> str:
    """The kind of a new actor from its name and the header or hint it came with.

    Examples:
        >>> actor_kind("Arctic Council", ""), actor_kind("Freedonia", "")
        ('Organization', 'State')
        >>> actor_kind("Anna Berg", "Delegation"), actor_kind("Anna Berg", "Lead Envoy")
        ('State', 'Person')
    """
    if _ORG_WORDS.search(name) or (name.isupper() and 2 <= len(name) <= 6):
        return "Organization"  # "Arctic Council", "FAO"
    if _STATE_HINT.search(hint):
        return "State"
    if _PERSON_HINT.search(hint):
        return "Person"
    return "State" if len(name.split()) == 1 else "Person"


ACTOR_CUES = frozenset(
    """said says say insists insisted wants wanted has have had will would could should must
    may might can cannot is was are were demands demanded warned warns agreed agrees rejected
    rejects claims claimed argues argued seeks sought announced announces accused accuses
    refused refuses threatened threatens vowed vows hopes hoped signalled signaled signals
    believes believed expects sees views considers welcomed welcomes condemned condemns
    denied denies responded responds plans planned intends aims pushed pushes pressed presses
    offered offers proposed proposes backs backed supports supported opposes opposed
    reiterated reiterates stressed stresses urged urges called calls appears remains
    continues maintains insist want demand reject seek offer propose""".split()
)
"""Words after a name that make it an actor ("Moscow insists"), not a place."""

LOCATIVES = frozenset(
    "in at to from near into across around throughout inside outside within through via "
    "beyond like toward towards over visit visited visiting visits".split()
)
"""Words before a name that make it a location ("talks in Moscow", "zones like Ukraine")."""

DETERMINERS = frozenset(["the"])
"""Words skipped between a locative and the name it places."""

# --- structure: section headings as issues, questions that name an actor -----------------------

NON_ISSUE_HEADINGS = re.compile(
    r"^(?:the\s+)?(?:bottom line|big picture|stakes|upshot|latest|state of play|"
    r"looking ahead|in numbers|by the numbers|timeline|reactions?|explainer|context|"
    r"expectations|more on this|read next|live updates?|opinion|editor['’]s note|"
    r"where things stand|what(?:['’]s| is) next|in focus|at a glance|in brief|"
    r"first things first|why it matters|the road ahead|the day after|lead)\b"
    r"|^(?:(?:the\s+)?(?:main|other|smaller|remaining|minor|cautious|bold|our)\s+)?(?:issues"
    r"|items|forecasts?|predictions?|handling)(?:\s+on\s+the\s+(?:list|agenda|table)"
    r"|\s+for\s+the\s+(?:meeting|summit|talks|visit|call))?$"
    r"|^(?:what\s+)?(?:analysts?|experts?|officials?|critics?|observers?|diplomats?)\s+"
    r"(?:say|said|think|expect|warn)\b|^recommended(?:\s+(?:lines?|actions?|steps?|responses?))?$"
    r"|^(?:contact|cleared\s+by|drafted\s+by|prepared\s+by|approved\s+by|distribution)\s*:"
    r"|^.*,\s+(?:[\w-]+\s+){0,3}(?:correspondent|editor|reporter|writer|bureau\s+chief)$"
    r"|^.*\s(?:team|desk)$"
    r"|^.*\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d$",
    re.IGNORECASE,
)
"""Headings that frame a section rather than name an issue ("The bottom line", a memo's
"Issues" and "Handling", "Smaller items on the list", "Cautious forecasts", "Issues for the
meeting", "Analysts say", "Recommended lines"), and lines that credit or date it ("Nadia
Rahman, Regional Correspondent", "Gulf and Yemen Team", "Cleared by: …", "ASUNCIÓN, 3 July
2026")."""

QUESTION_HEADING = re.compile(
    r"^(?:what|where|how|why|who|whom|which|when|will|would|can|could|does|do|did|is|are)\b",
    re.IGNORECASE,
)
"""A heading that asks ("What does Beijing want", "Will there be a deal?")."""


def issue_heading(title: str) -> str | None:
    """A section heading's title when it names an issue, the title as written; else ``None``.

    Not a question, not a framing heading ("Background", "What could go wrong",
    "Key takeaways", "The bottom line"), at most :data:`MAX_ISSUE_WORDS` words
    (a longer heading titles a briefing's section: "Regional Stakes in the North Atlantic").

    Examples:
        >>> issue_heading("Security guarantees for Ukraine")
        'Security guarantees for Ukraine'
        >>> [issue_heading(t) for t in ("What could go wrong", "Background", "The bottom line")]
        [None, None, None]
        >>> [issue_heading(t) for t in ("Niamey holds its line", "Water plan deferred")]
        [None, None]
    """
    found = topic_heading(title)
    if found is None or len(found.split()) > MAX_ISSUE_WORDS + _sentence_case(found):
        return None
    if QUESTION_HEADING.match(found) or NON_ISSUE_HEADINGS.match(found):
        return None
    if CLAUSE_HEADING.search(found):
        return None
    return found


CLAUSE_HEADING = re.compile(
    r"^no\s"  # "No deal on haze": what happened to an issue
    r"|\s\S{3,}ed$"  # "Water plan deferred", "Tariff rebuffed"
    r"|\s\w+s\s+(?:its|the|a|an|his|her|their|our|more|off|no|up|out|back|down|ahead)\b"
    r"|\s(?:left|kept|held|put|set)\s+(?:open|off|out|aside|over|back|behind)$"  # left open
    r"|\s(?:is|are|was|were)\s+(?:still|not|now|also|back|over|here)\b",  # "History is still …"
    re.IGNORECASE,
)
"""A heading that is a clause, a crosshead telling what happened ("Niamey holds its line",
"Greenland wants more than a photo"), not the name of an issue."""


MAX_ISSUE_WORDS = 5
"""The longest Title Case heading read as an issue (a sentence-case one may have one more:
"South China Sea code of conduct")."""

_HEADING_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with vs".split())


def _sentence_case(title: str) -> bool:
    """Whether a heading is in sentence case (a word after the first is lower case and not a
    small word), as a news issue heading is; a briefing's section title is in Title Case.

    Examples:
        >>> _sentence_case("Security guarantees for Ukraine"), _sentence_case("Arctic Shipping")
        (True, False)
    """
    words = title.split()[1:]
    return any(w[:1].islower() and w.lower() not in _HEADING_SMALL_WORDS for w in words)


def question_heading(title: str) -> bool:
    """Whether a heading asks a question ("What does Beijing want?", "What Russia wants").

    Examples:
        >>> question_heading("What does Beijing want?"), question_heading("Land swaps")
        (True, False)
    """
    return title.rstrip().endswith("?") or QUESTION_HEADING.match(title.strip()) is not None


# --- the summit --------------------------------------------------------------------------------

HELD_CUES = re.compile(
    r"\b(held|met|hosted|concluded|took place|wrapped up|ended)\b", re.IGNORECASE
)
"""Words of the lead that make a summit ``Held``."""

SCHEDULED_CUES = re.compile(
    r"\b(set to|will|scheduled|plans? to|planned|upcoming|ahead of|next (week|month|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|due to)\b",
    re.IGNORECASE,
)
"""Words of the lead that make a summit ``Scheduled`` (when none makes it held)."""

# --- open world: countries, cities, titled people, the summit from prose ----------------------

CITY_POPULATION = 1_000_000
"""Cities of at least this many people are places even when the curated gazetteer lacks them."""

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "AE": ("United Arab Emirates", "UAE", "Emirates"),
    "BN": ("Brunei",),
    "BO": ("Bolivia",),
    "BQ": ("Caribbean Netherlands",),
    "CD": ("Democratic Republic of the Congo", "DR Congo", "DRC"),
    "CG": ("Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"),
    "CI": ("Ivory Coast", "Côte d'Ivoire"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "CZ": ("Czechia", "Czech Republic"),
    "FM": ("Micronesia",),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "IR": ("Iran",),
    "KN": ("Saint Kitts and Nevis", "St Kitts and Nevis", "St. Kitts and Nevis"),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea", "Republic of Korea", "ROK"),
    "LA": ("Laos",),
    "LC": ("Saint Lucia", "St Lucia", "St. Lucia"),
    "MD": ("Moldova",),
    "MK": ("North Macedonia",),
    "MM": ("Myanmar", "Burma"),
    "PS": ("Palestine", "State of Palestine"),
    "RU": ("Russia",),
    "SH": ("Saint Helena",),
    "SY": ("Syria",),
    "SZ": ("Eswatini", "Swaziland"),
    "TL": ("Timor-Leste", "East Timor"),
    "TR": ("Turkey", "Türkiye"),
    "TW": ("Taiwan",),
    "TZ": ("Tanzania",),
    "VA": ("Vatican", "Holy See"),
    "VC": ("Saint Vincent and the Grenadines", "St Vincent and the Grenadines", "St Vincent"),
    "VE": ("Venezuela",),
    "VG": ("British Virgin Islands",),
    "VI": ("U.S. Virgin Islands",),
    "VN": ("Vietnam",),
}
"""Common short names of countries by ISO code, the first one the label (the ISO list's
names are formal: "Korea, Republic of")."""

NAME_HEADS = frozenset(
    """Assembly Council Office Ministry Department Committee Commission Summit Meeting Talks
    Administration Government House Palace Conference Forum Agreement Treaty Party Union Bank
    Fund Organization Organisation Plan Program Programme Initiative Press Statement Declaration
    Hall Building Centre Center Castle Mansion Lodge Residence Capitol Hotel Villa Headquarters
    Pavilion Chancellery Chancellor Embassy Compound""".split()
)
"""Nouns that end the name of a body, a building or an event ("the White House", "the Elysee
Palace", "the Sochi Summit"): cut off, they leave no place's name ("White")."""

NAME_GOES_ON = re.compile(r"\s+(?:of|de|del|des|du|di)\s+(?:the\s+|la\s+|le\s+)?[A-Z]")
"""Words after a capitalised phrase that continue its name ("the Great Hall of the People")."""

NOT_PLACE_NAMES = frozenset(
    [
        *"""Male Sofia Victoria Hamilton Stanley Plymouth Kingstown Jamestown Adamstown Salvador
        Trujillo Kobe Phoenix Pest Queens Brooklyn Jos Aba Teni Kota Cali Ordos Ufa Cixi Heshan
        Wuwei Yulin Budta Malingao Camayenne Puxi Putuo Minhang Xuhui Yangpu Qingpu Songjiang
        Jiading Baoshan Guankou Jinjiang Anyang Fuyang Yichun Ilorin Matola Pimpri Virār Thāne
        Kalyān Dombivali Nowrangapur Rasapūdipalem Najafgarh Gazipur Pikine Touba Soweto
        Iztapalapa Callao Bannu Mwanza Kakamega Onitsha Wanzhou Xining Zigong Yiwu""".split(),
        "The Valley",
        "The Bronx",
        "New Territories",
        "Hong Kong Island",
        "Luohu District",
        "Shivaji Nagar",
        "Gustavo Adolfo Madero",
        "Sadr City",
        "Zhu Cheng City",
    ]
)
"""Names the data packages list as places that are too ambiguous or too small a part of a city
to be read as places in news text (first names, common words, districts, homonyms)."""

_NAME_WORD = r"\s+(?:[A-Z][\w’'-]*|of|for|on|de)"
_NAMED_BY_NOUN = (
    rf"(?:{_NAME_WORD})*\s+(?P<noun>Agreements?|Accords?|Treaty|Protocol|"
    r"Convention|Declaration|Charter|Consensus|Doctrine|Format|Prize|Committee|Institute|"
    r"University|Club|Times|Post|Journal|Herald|Tribune|Ocean|Sea|Gulf|Strait|Airport|Museum|"
    r"Foundation|Stock Exchange|Group|Forum|Peace Prize|Dialogue|Initiative|House|Palace|Hotel|"
    r"Lodge|Mansion|Pavilion|Castle|Code|Facility|Partnership|Compact|Pact|Statute|Framework|"
    r"Mechanism|Programme|Program|Ledger|Review|Monitor|Gazette|Chronicle|Observer|Courier|"
    r"Dispatch)\b"
)
_NAMED_BY_LOWER_NOUN = (
    r"(?:\s+[A-Z][\w’'-]*){1,2}\s+(?:agreements?|accords?|treaty|protocol|convention|"
    r"committee|prize|institute|format|declaration|Organi[sz]ation|Council|Commission|Bank|"
    r"Fund|Agency|Union|Alliance|Party|Corridor|Games|Olympics)\b"
)
INSIDE_NAME_NOUNS = re.compile(rf"(?:{_NAMED_BY_NOUN}|{_NAMED_BY_LOWER_NOUN})")
"""What follows a place or demonym that is part of another name ("the Paris Agreement", "the
Norwegian Nobel committee", "the South China Sea"): that name is no actor and no place.

Its two halves are :data:`NAMED_BY_NOUN` (capitalised words, as many as are written, then a
noun of the list) and :data:`NAMED_BY_LOWER_NOUN` (one or two, then a noun in any case)."""
NAMED_BY_NOUN = re.compile(_NAMED_BY_NOUN)
"""The first half of :data:`INSIDE_NAME_NOUNS`: it reads to the end of the run of name words
(:data:`NAME_WORDS`) and ends on the last noun of the list in it (group ``noun``), so a
reader that asks at many places in one run can keep its answer."""
NAMED_BY_LOWER_NOUN = re.compile(_NAMED_BY_LOWER_NOUN)
"""The second half of :data:`INSIDE_NAME_NOUNS`: it reads at most three words."""
NAME_WORDS = re.compile(rf"(?:{_NAME_WORD})*+")
"""The run of name words (capitalised, or "of", "for", "on", "de") :data:`NAMED_BY_NOUN` reads."""

NAMED_AFTER = re.compile(
    r"\b(?:Treaty|Treaties|Declaration|Convention|Protocol|Charter|Accords?|Agreement|Statute"
    r"|Code|Act|Congress|Process|Principles|Spirit|Peace|Pact)\s+of\s+(?:the\s+)?$"
)
"""What comes before a place in the name of a pact ("the Treaty of Lagos", "the 1951 Treaty of
San Francisco"): the place is not mentioned (searched up to the place, which ends the text)."""

REGION_BEFORE_DEMONYM = re.compile(r"\b(?:Central|Latin|South|North|Meso)\s+$|\bPan-$")
"""A region's word before a state's demonym that makes it a region's ("Central American
leaders", "Latin American states", "the Pan-American highway"): no state is mentioned
(searched up to the demonym, which ends the text)."""

PLACE_AS_MODIFIER = re.compile(
    r"\s+(?:leaders|states|nations|countries|islanders|governments|members|partners"
    r"|neighbou?rs|officials|ministers|delegations|desk|correspondents?|editor|bureau)\b"
)
"""A people noun after a region's name ("Pacific leaders", "Caribbean states", "Middle East
desk"): the name describes them, no place is mentioned."""

NAMED_PACT = re.compile(
    r"\s+(?:climate\s+)?(?i:agreements?|accords?|treaty|treaties|protocols?|conventions?|"
    r"declaration|memorandum|process|format|communiqu[eé])\b"
)
"""What follows a place in the name of a pact or a diplomatic track, in any case ("the Paris
agreement", "the Minsk accords", "the Astana process", "the Normandy format"): the place is
not mentioned. Not after a dash: in "a U.S.-Russia agreement" Russia is a party."""

PRIVATE_PERSON = re.compile(
    r"\s+(?:(?!(?:and|or|who|that|officials?|government|state|delegation)\b)[a-z][\w-]*\s+)"
    r"{0,2}(?:opposition|dissidents?|exiles?|exiled|[eé]migr[eé]s?|activists?|artists?|"
    r"writers?|novelists?|poets?|journalists?|bloggers?|business(?:man|men|woman|women)|"
    r"tycoons?|oligarchs?|billionaires?|athletes?|singers?|musicians?|film-?makers?|"
    r"scholars?|scientists?|students?|tourists?|refugees?)\b"
)
"""What follows a demonym that describes a private person, not the state ("a Venezuelan
opposition leader", "the Russian dissident", "a Chinese pro-democracy activist"): the state
takes no part. Officials and delegations ("the Russian delegation") speak for it."""

_ROLE_MODIFIER = (
    r"(?:deputy|vice|former|acting|interim|foreign|defen[cs]e|finance|trade|prime|energy"
    r"|interior|justice|health|economy|home|special|senior|chief|transport|environment"
    r"|agriculture|labou?r|commerce|industry|mining|water|security|education|executive)\s+"
)
_ROLE_HEAD = (
    r"(?:prime minister|president|premier|chancellor|minister|foreign minister|"
    r"(?<=energy\s)secretary|(?<=executive\s)secretary|(?<=interior\s)secretary|"
    r"(?<=home\s)secretary|"
    r"secretary of state|secretary-general|secretary general|leader|king|queen|emir|"
    r"crown prince|envoy|ambassador|spokes(?:man|woman|person)|negotiator|head of state|"
    r"head of government|counterpart|host|chief|national security adviser|adviser|advisor)"
)
ROLE_NOUNS = rf"(?:{_ROLE_MODIFIER})*{_ROLE_HEAD}"
"""Lower-case roles that introduce a person by apposition ("Australia's prime minister,
Anthony Albanese"; "Anthony Albanese, the Australian prime minister")."""
ROLE_NOUNS_SEARCHED = rf"(?:{_ROLE_MODIFIER}){{0,6}}{_ROLE_HEAD}"
""":data:`ROLE_NOUNS` with at most six modifiers, for a pattern searched through a text: it
ends where :data:`ROLE_NOUNS` ends, without reading a long run of modifiers ("trade trade …")
again from each of its words."""

NOT_ATTENDING = re.compile(
    r"\b(?:will not|won['’]t|would not|did not|didn['’]t|does not|do not|not to|no longer|"
    r"cannot|can['’]t|unable to)\s+(?:\w+\s+)?(?:attend|come|travel|take part|participate|go|"
    r"join|be there|be present)\b|\b(?:skip(?:s|ping|ped)?|boycott(?:s|ing|ed)?|absent|"
    r"stay(?:s|ing)? away|sit(?:s|ting)? out|pulled out|pull out|declined? to attend)\b",
    re.IGNORECASE,
)
"""A clause that says an actor named in it is not taking part."""

PAST_SUMMIT = re.compile(
    r"\b(?:last|previously|first|earlier|once|had) met\b|\bsince they last\b|"
    r"\b(?:years?|months?|weeks?) (?:after|since|ago)\b|\bbroke down\b|"
    r"\b(?:previous|last|earlier|prior|first|past|former|(?:19|20)\d\d) (?:summit|meeting|"
    r"talks|round|encounter|attempt|negotiations)\b|"
    r"\blast (?:week|month|year|spring|summer|autumn|fall|winter|january|february|march|april"
    r"|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
"""A clause about an earlier meeting, whose actors and cues are not this summit's."""

SUMMIT_HELD = re.compile(
    r"\b(?:met (?:on|in|at|for|with)|met\b(?! again)|ended|concluded|wrapped up|ends|closes|"
    r"concludes|spent|"
    r"(?:was|were) held|took place|after (?:the|their|a) (?:summit|talks|meeting)|reached|"
    r"signed|agreed|walked away|closing (?:news|press) conference|(?<!be )held(?! by)|"
    r"(?<!be )hosted(?! by))\b",
    re.IGNORECASE,
)
"""Cues that a summit has happened (never "held by": a map legend's area held by a state)."""

SUMMIT_SCHEDULED = re.compile(
    r"\b(?:set to|will(?! not\b)|is to|are to|to meet|scheduled|plans? to|planned|upcoming|"
    r"ahead of|"
    r"(?:could|may|might|would) (?:meet|hold|host|gather|visit)|(?:heads?|travels?) to|"
    r"arrives? in|(?:is|are) (?:due|expected) to|"
    r"expected to (?:meet|hold|attend|gather|host)|due to|poised to|preparing to|"
    r"(?:is|are) (?:meeting|travel+ing|heading)|next (?:week|month|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
"""Cues that a summit is still to come ("will", but not "will not": "… but will not pay for
the pipeline" tells what a side refuses)."""

ATTENDANCE_WORDS = re.compile(
    r"\b(?:confirmed|alongside|along with|together with|among|at the table|flies in|fly in"
    r"|attended|joined|joins"
    r"|represented by|present|take part|takes part|taking part|participat(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
"""Words after the lead that tell who attends ("X and Y are confirmed", "… at the table")."""

SENT_TO_ATTEND = re.compile(
    r"\b(?:(?i:expected)\s+(?:in|at)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?\s+(?:are|is|were|was)"
    r"|attended(?=\s*[,.;]|\s+as\b)|present\s+as|will\s+join"
    r"|(?:is|are|was|were)\s+represented\s+by|(?:sent|sends|is\s+sending|will\s+send)\s+(?:its|his"
    r"|her|their)?\s*(?:[a-z-]+\s+)?(?:president|vice-president|prime\s+minister|minister"
    r"|foreign\s+minister|deputy|envoy|[A-Z])"
    r"|(?:will|to)\s+(?:attend|chair)|attended\s+by|joined\s+by)",
)
"""Words after the lead that tell who else attends, beside the leaders the lead names
("Expected in Tallinn are …", "sent its vice-president, X", "is represented by X", "will
attend as an observer", "the summit was attended by X", "X, Y and Z attended", "present as a
guest", "will join the second day")."""

MEETING_OPENED = re.compile(r"\b(?:open(?:ed|s)|beg(?:an|ins)|start(?:ed|s))\b", re.IGNORECASE)
"""Words that date a meeting's first day ("the summit opened on Monday")."""

MEETING_WORDS = re.compile(
    r"\b(?:meet|meets|met|meeting|summit|talks|gather|gathers|host|hosts|hosted|hosting|"
    r"held|hold|holds|convene|convenes|visit|visits|conference|attend|attends|attending|"
    r"travels?|travell?ing|arrives?|arriving|welcomes?|welcoming|chairs?|chaired|"
    r"sit down|opens|closes|runs)\b",
    re.IGNORECASE,
)
"""Words of a sentence that speaks of the meeting itself (its dates, venue and participants)."""

PAGE_DATE_CUES = re.compile(
    r"\b(?:published|updated|last modified|modified|posted|first published|by|min read|prepared"
    r"|compiled|filed|dated)\b",
    re.IGNORECASE,
)
"""Words of a byline or date line: the date beside them is the page's, not the summit's."""

VENUE_OF = re.compile(
    r"\b(?:resort|city|town|village|port|capital|island|seaside resort)\s+of\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
"""A venue named by what it is ("the Black Sea resort of Sochi"): group ``name`` names it."""

VENUE_AFTER = re.compile(
    r"\b(?:meet|meets|meeting|met|summit|talks|gather|gathers|convene|convenes|held|hold|"
    r"holds|hosts?|hosted|arrive|arrives|visit|visits|travels? to)\b[^.;:]{0,40}?\b"
    r"(?:in|at)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
"""A venue after a meeting word and "in"/"at" ("to meet in Sochi", "meet at the Panmunjom
truce village"): group ``name`` names it."""

LEADER_BEFORE = re.compile(
    r"\b(?:President|Prime Minister|Premier|Chancellor|King|Emir|Crown Prince)"
    r"(?:\s+[A-Z][\w’'.-]*){0,3}\s+\Z"
)
"""A head of state's or government's title just before a name ("South African President Cyril
"): a leader who speaks of the meeting in its lead attends it, unlike an aide."""

SPEAKS = re.compile(r"^\s*(?:,[^,]{1,60},\s*)?(?:said|says|told|tells|announced|confirmed)\b")
"""What follows a person who only reports on the meeting ("Yuri Ushakov told reporters")."""

DAYS_LONG = re.compile(
    r"\b(?P<n>two|three|four|five|2|3|4|5)(?:-day\b|\s+days\s+of\s+(?:talks|meetings|summitry"
    r"|negotiations|discussions)\b)",
    re.IGNORECASE,
)
"""A meeting's length in days ("a two-day summit", "two days of talks")."""

UNTIL = re.compile(
    r"\b(?:until|till|to|through|and (?:is )?(?:scheduled|due|set|expected) to (?:close|end)|"
    r"clos\w*|end\w*|conclud\w*)\b",
    re.IGNORECASE,
)
"""Words between two dates that make them a meeting's first and last day."""

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
"""Month names and their abbreviations, lower case, to month numbers."""

WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
"""Weekday names, lower case, to ``date.weekday()`` numbers."""
