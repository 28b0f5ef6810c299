"""The sentence lexicon: the cue words the prose readers go by, and the hedges they carry.

The structural word lists (column roles, list roles, headings, hedges of
headers) are in :mod:`kg.text.lexicon`; this module holds what the sentence
readers of :mod:`kg.text.extract.prose` look for inside a sentence. One
section per reader; each cue is a compiled pattern or a word table, so a
reader never spells a word of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kg.text.claims import Likelihood

__all__: list[str] = []
__all__ += [  # agenda enumerations, outcomes and their hedges
    "ACTION_JOIN",
    "ACTION_OPENING",
    "ACTION_VERBS",
    "ACTOR_OBJECT_VERBS",
    "ACTOR_WORDS",
    "AGENDA_COMMA",
    "AGENDA_END",
    "AGENDA_ITEM_LEAD",
    "AGENDA_KEYS",
    "AGENDA_LEADS",
    "AGENDA_MAX_WORDS",
    "AGENDA_QUESTION_WORDS",
    "AGENDA_RANGE",
    "AGENDA_RANGE_TO",
    "AGENDA_SERIAL_COMMA",
    "AGENDA_SPLIT",
    "AGENDA_TABLE",
    "AGENDA_TABLE_START",
    "AGREED_BLOCKERS",
    "ANAPHORIC_OUTCOME",
    "ANTECEDENT_LEAD",
    "ANTECEDENT_STOPS",
    "ATTENDANCE_CLAUSE",
    "BACKGROUND_CLAUSE",
    "BACKGROUND_CUE",
    "BARE_ISSUE_HEADS",
    "BARE_RESULT",
    "BARE_VAGUE",
    "BELIEF_FRAME",
    "CONCERN_FRAME",
    "CONDITIONAL",
    "CONDITIONAL_HEDGES",
    "COORDINATED_INFINITIVE",
    "DATE_START",
    "DESIRE_FRAME",
    "DETERMINERS",
    "EARLIER_HEDGE",
    "EMPTY_SUBJECTS",
    "EVENT_NOUNS",
    "EXPECT_FRAME",
    "FORESEEN",
    "FUTURE_HEDGES",
    "HAPPEN_VERBS",
    "HOST_LEAD",
    "HOST_VERBS",
    "ISSUE_CONTAINERS",
    "ISSUE_END",
    "ISSUE_FRAMES",
    "ISSUE_FRAME_NOT",
    "ISSUE_MODIFIERS",
    "ISSUE_ON",
    "LEADING_CONJUNCTION",
    "LEADING_PREPOSITION",
    "LEADING_VERBS",
    "LIST_JOIN",
    "MODAL_HEDGES",
    "NAME_LIST",
    "NEGATED_LABEL",
    "NEGATORS",
    "NEXT_EVENT",
    "NOT_AN_OUTCOME",
    "NOT_ISSUE_HEADS",
    "NOT_ISSUE_WORDS",
    "NOT_LABEL_START",
    "NOT_OBJECT_STARTS",
    "NOT_WHO_END",
    "OBJECT_OF_RESULT",
    "OBJECT_VERBS",
    "ORDINAL_EVENT",
    "OUTCOME_BOUNDARY",
    "OUTCOME_CLAUSE_END",
    "OUTCOME_CUES",
    "OUTCOME_NOUNS",
    "OUTCOME_VERBS",
    "PARTICIPLES",
    "PASSIVE_AUXILIARY",
    "PRONOUN_ACTION",
    "PRONOUN_SUBJECTS",
    "PURPOSE",
    "READY_WORDS",
    "RELATIVE_SUBJECT",
    "RETURN_VERBS",
    "SERIAL_COMMA",
    "SHARED_SUBJECT",
    "SKIP_VERBS",
    "SUBJECT_AUXILIARY",
    "SUBJECT_START",
    "SUBJECT_VERB",
    "TIME_CUE",
    "TRAILING_ADVERBS",
    "VAGUE_OBJECTS",
    "VERB_ONLY_HEDGES",
    "VERB_OPENING",
    "VERB_PARTICLES",
    "OutcomeCue",
    "OutcomeShape",
    "outcome_cues_for",
]
__all__ += [  # reported speech, positions, concerns and recommendations
    "ACCORDING_LEAD",
    "ACCORDING_TAIL",
    "ACTOR_ASIDE",
    "ADJECTIVAL_CUES",
    "AWAY_FROM",
    "BARE_AMOUNT",
    "BARE_PRONOUN",
    "CLAUSE_SUBJECT",
    "CONCERN_AND_THAT",
    "CONCERN_ASIDE",
    "CONCERN_BE",
    "CONCERN_CIRCUMSTANCE",
    "CONCERN_CUE",
    "CONCERN_FRAMES",
    "CONCERN_IN_PLACE",
    "CONCERN_LIST",
    "CONCERN_REPORTER",
    "CONCERN_SPLIT",
    "CONCERN_SUBJECT",
    "CONCERN_SUBJECT_START",
    "CONCERN_WARNING",
    "CONTAINER_ISSUE_END",
    "CONTAINER_ON",
    "COORDINATED_ACTION",
    "COORDINATED_OBJECT",
    "COORDINATED_OUTCOME",
    "HEAD_OF",
    "INDEFINITE_PRONOUNS",
    "INFINITIVE",
    "ITEM_CIRCUMSTANCE",
    "ITEM_END",
    "ITEM_LEAD",
    "ITEM_PRONOUN",
    "LABEL_END",
    "LABEL_IN_COMPLEMENT",
    "LABEL_ROUTE",
    "LABEL_VAGUE",
    "LAST_INFINITIVE",
    "LIGHT_OBJECT",
    "NO_COMMENT",
    "OBJECT_END",
    "OBJECT_LEAD",
    "OBJECT_PREPOSITION",
    "OBJECT_PURPOSE",
    "OWN_SIDE",
    "PASSIVE_BEFORE",
    "PEOPLE_HEADS",
    "POSITION_ISSUE_END",
    "POSITION_MODIFIERS",
    "POSITION_VAGUE",
    "PRONOUN_OBJECT",
    "PRONOUN_SUBJECT",
    "PROPOSAL_ANAPHOR",
    "PROPOSAL_ANAPHOR_END",
    "RECOMMEND_CUE",
    "RECOMMEND_END",
    "RELATIVE_LEAD",
    "RELATIVE_OPENING",
    "RELATIVE_PERSON",
    "SEGMENT_BREAK",
    "SPEAKER_WORDS",
    "SPEECH_LEAD",
    "SPEECH_TAIL",
    "STANCE_CUE",
    "STANCE_LEAD_WORDS",
    "STANCE_NEGATED",
    "UNDOING_HEAD",
    "UNDOING_VERB",
    "UNNAMED_SPEAKERS",
    "VERB_WORD",
    "names_people",
]

# --- reported speech and subjects (speech.py) -----------------------------------------------

_SPEECH_VERB = (
    r"(?:said|says|say|told\s+(?:reporters|journalists|lawmakers)|warned|warns|warn|added|adds"
    r"|stated|states|noted|notes|argued|argues|believe|believes|believed|fear|fears|feared"
    r"|caution|cautions|cautioned"
    r"|worry|worries|worried|expect|expects)"
)

_SPEECH_ADVERB = r"(?:repeatedly|again|also|previously|publicly|privately|often|long)"

SPEECH_LEAD = re.compile(
    r"^(?P<speaker>[^\s,;:]+(?:\s+[^\s,;:]+){0,7}?)\s+(?:has\s+|have\s+|had\s+)?"
    rf"(?:{_SPEECH_ADVERB}\s+)?(?P<verb>{_SPEECH_VERB})\b(?:\s+{_SPEECH_ADVERB})?"
    r"(?:\s+on\s+[A-Z][a-z]+)?(?:\s+that\b)?,?\s+(?=\S)"
)
"""A speech frame opening a sentence: "Putin said (that) …", "Analysts fear …"."""

SPEECH_TAIL = re.compile(
    r"[,!?][\"'”’]*\s+(?:(?P<verb1>said|says|added|warned)\s+(?P<speaker1>[^,;]{1,80}?)"
    r"|(?P<speaker2>[^,;]{1,60}?)\s+(?:has\s+|have\s+|had\s+)?"
    rf"(?P<verb2>{_SPEECH_VERB}))(?:\s+on\s+[A-Z][a-z]+)?[.!]?[\"'”’]*$"
)
"""A speech frame closing a sentence: "…, a senior official said.", "…, said analyst X."."""

ACCORDING_LEAD = re.compile(r"^According\s+to\s+(?P<speaker>[^,;]{1,80}),\s+(?=\S)")
"""A source opening a sentence: "According to X, …"."""

ACCORDING_TAIL = re.compile(r",\s+according\s+to\s+(?P<speaker>[^,;]{1,80}?)[.!]?$")
"""A source closing a sentence: "…, according to officials in Seoul."."""

CONCERN_FRAMES = frozenset(
    {"warned", "warns", "warn", "fear", "fears", "feared"}
    | {"worry", "worries", "worried", "caution", "cautions", "cautioned"}
)
"""Speech verbs whose reported content is itself a concern ("analysts fear …")."""

SPEAKER_WORDS = frozenset(
    """
    the a an of in and from at both some several many most two three few senior top other
    his her their its officials official analysts analyst diplomats diplomat observers observer
    experts expert sources source aides aide leaders leader ministers minister spokesperson
    spokesman spokeswoman campaigners members negotiators critics people president premier
    chancellor secretary prime foreign state general envoy adviser advisers economists
    """.split()
)
"""The lower-case words a speaker's name may hold ("senior officials in Seoul")."""

UNNAMED_SPEAKERS = frozenset(
    """
    analysts analyst officials official diplomats diplomat observers observer experts expert
    sources source aides aide economists campaigners critics negotiators people members
    """.split()
)
"""Speakers that name no actor: "analysts", "officials", "diplomats"."""

OWN_SIDE = re.compile(
    r"^(?P<pronoun>his|her|its|their)\s+(?:own\s+)?(?:government|country|administration"
    r"|side|team|delegation|officials|ministers)\b",
    re.IGNORECASE,
)
"""Reported content about the speaker's own side ("X said his government would …")."""

PRONOUN_SUBJECT = re.compile(r"^(?P<pronoun>he|she|they|it)\b", re.IGNORECASE)
"""A pronoun opening the content, to resolve to the subject last named."""


# --- agenda enumerations (agenda.py) ---------------------------------------------------------

_COUNTED_ISSUES = (
    r"(?:two|three|four|five|six|several|a\s+few|a\s+handful\s+of)\s+(?:big\s+|main\s+|key\s+)?"
    r"(?:things|issues|items|files|topics|areas|priorities|questions|subjects|themes|dossiers)"
)
AGENDA_LEADS = re.compile(
    r"\b(?:focus(?:es|ed|ing)?|cent(?:re|er)(?:s|d|ed)?|concentrate[sd]?)\s+(?:mainly\s+|largely\s+)?"
    rf"(?:on|around)\s+(?!{_COUNTED_ISSUES}\s*[:—–])"
    r"|\b(?:issues|topics|items|priorities|subjects|questions|themes|agenda)\s+(?:on\s+the\s+"
    r"(?:agenda|table)\s+)?(?:had\s+|has\s+|have\s+)?(?:also\s+|mainly\s+|largely\s+)?"
    r"(?:include|includes|including"
    r"|will\s+include|are\s+likely\s+to\s+include|range\s+from|ranges\s+from|ranging\s+from"
    r"|ranged\s+from|runs?\s+from|ran\s+from|cover|covers)\s+"
    rf"|\b{_COUNTED_ISSUES}(?:\s+(?:will\s+)?dominate[sd]?)?\s*(?::|\s[—–])\s*"
    r"|\bagenda\s*:\s*"
    r"|\b(?:discuss|discussed|discussing|address|tackle|(?<=will\s)deal\s+with"
    r"|(?<=to\s)deal\s+with|(?<=talks\s)covered|(?<=talks\swill\s)cover"
    r"|(?<=talks\swill\salso\s)cover|(?<=expected\sto\s)cover|(?<=will\salso\s)cover"
    r"|(?:deals|agreements|accords|statements|declarations|cooperation|co-operation"
    r"|intelligence|information|coordinate|co-ordinate|together|progress|movement|pledges"
    r"|commitments)\s+on)\s+(?=(?:the\s+)?[\w-]+"
    r"(?:\s+[\w-]+){0,4},\s|(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,4}\s+and\s)",
    re.I,
)
"""Where an enumeration of agenda issues begins ("talks will focus on A, B and C",
"key issues include …", "the agenda ranges from A to B", "expected to discuss A and B",
"officials list four items: A, B and C", "three issues will dominate — A, B and C", "the
meeting will deal with A, B and C", "their talks covered A, B and C", "the meeting is expected
to cover A, B and C", "they came away with deals on A, B and C")."""

AGENDA_KEYS = (
    "focus", "cent", "concentrat", "issues", "topics", "items", "priorities", "subjects",
    "questions", "themes", "agenda", "discuss", "address", "tackle", "on the", "things",
    "files", "areas", "dossiers", "deal with", "cover", "deals on", "agreements on",
    "accords on", "statements on", "declarations on", "operation on", "intelligence on",
    "information on", "ordinate on", "together on", "progress on", "movement on", "pledges on",
    "commitments on",
)  # fmt: skip
"""Lower-case words one of which a sentence holds wherever an agenda cue matches."""

AGENDA_TABLE = re.compile(
    r"\s+(?:(?:are|is|were|was|will\s+be|would\s+be)\s+(?:also\s+|firmly\s+|likely\s+to\s+be\s+)?"
    r"on\s+the\s+(?:table|agenda)\b|(?:are|were|will|would|(?:are\s+)?(?:expected|likely)\s+to)"
    r"\s+(?:also\s+)?be\s+(?:also\s+)?(?:discussed|debated)\b|(?:also|all)\s+on\s+the\s+(?:table"
    r"|agenda)\b)",
    re.I,
)
"""An enumeration before its cue: "A and B are on the table", "A and B would also be
discussed", "(with) A and B also on the table", "(with) A, B and C all on the table"."""

AGENDA_TABLE_START = re.compile(r"\bwith\s+")
"""Where a verbless enumeration before its cue begins ("…, with A and B also on the
table")."""

_ISSUE_RANK = (
    r"(?:(?:most|biggest|thorniest|hardest|toughest|trickiest|knottiest|sharpest|main|key"
    r"|central|big|major|other|first|second|third|fourth|last|final|real|single|touchiest"
    r"|delicate|sensitive|contentious|divisive|difficult|pressing|urgent|harder|thornier"
    r"|tougher|bigger|trickier)\s+){0,3}"
)
_ISSUE_NOUN = r"(?:issue|question|dispute|sticking\s+point|theme|subject|topic|flashpoint)"
_FRAMED = r"(?P<issue>[^,.;:!?()\"“”]{3,60}?)"
ISSUE_FRAMES = (
    re.compile(
        rf"\b(?:the|a|another)\s+{_ISSUE_RANK}{_ISSUE_NOUN}\s*(?:,\s*|\s+(?:is|was|will\s+be"
        r"|remains)\s+)(?P<issue>[^,.;:!?()\"“”]{3,60}?)(?=\s*(?:,|\.|;|$|\s(?:is|was|will|has"
        r"|which|where|on\s+which|that)\b))",
        re.I,
    ),
    re.compile(
        r"^(?P<issue>[^,.;:!?()\"“”]{3,60}?)\s+(?:is|was|will\s+be|remains)\s+(?:also\s+)?"
        rf"(?:the|a|another)\s+{_ISSUE_RANK}{_ISSUE_NOUN}\b",
        re.I,
    ),
    re.compile(
        r"^(?P<issue>[^,.;:!?()\"“”]{3,60}?)(?:\s+(?:is|are|was|were|will\s+be)\s+(?:also\s+"
        r"|firmly\s+|likely\s+to\s+be\s+|expected\s+to\s+be\s+)?(?:high\s+)?on\s+the\s+"
        r"(?:table|agenda)\b)",
        re.I,
    ),
    re.compile(r"^On\s+(?P<issue>[^,.;:!?()\"“”]{3,50}?),\s+(?=\S)"),
    *(
        re.compile(frame, re.I)
        for frame in (
            rf"^{_FRAMED}\s+(?:proved|was|is|remained|remains)\s+(?:even\s+|much\s+|far\s+)?"
            r"(?:harder|tougher|thornier|trickier|more\s+(?:difficult|contentious|divisive))\b",
            rf"^{_FRAMED}\s+(?:will|would|is\s+(?:expected|likely)\s+to)\s+dominate\b",
            rf"^{_FRAMED}\s+(?:has|have)\s+(?:crept|moved|climbed|risen)\s+(?:back\s+)?"
            r"(?:up|onto)\s+the\s+agenda",
            rf"^{_FRAMED}\s+(?:was|were)\s+(?:also\s+)?raised\s+by\b",
            r"\b(?:talks|discussions?|conversation|attention|leaders)\s+(?:turned|turns"
            rf"|will\s+turn|shifted|moved)\s+to\s+{_FRAMED}(?=\s*(?:,|\.|;|$))",
            rf"\b(?:dispute|row|disagreement|question|issue)\s+concerned\s+{_FRAMED}"
            r"(?=\s*(?:,|\.|;|$))",
        )
    ),
)
"""Sentences that name one issue of the summit: "The most delicate issue, regional
policing, …", "The thorniest question is water", "Money was the third big theme", "Visas
are also on the agenda", "On migration, Bolivia rejected …", "Migration proved harder",
"Yemen will dominate the first day", "the talks turned to history", "a second dispute
concerned the levy"."""

ISSUE_FRAME_NOT = re.compile(
    r"^(?:the\s+)?(?:other\s+hand|sidelines?|eve|whole|one\s+hand|paper|balance|arrival|table"
    r"|agenda"
    r"|average|record|condition|behalf|top|time|board|site|hold|track|(?:the\s+)?(?:first|second"
    r"|final|last|next|opening|closing)\s+day|(?:this|that|which)\b.*)$"
    r"|^(?:whether|if|how|what|why|when|who|where)\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|morning|evening"
    r"|afternoon|night|week|weekend|month|year|day|\d)",
    re.I,
)
"""What an "On …," opener or a framed issue is when it names a time or a stock phrase, no
issue ("On Tuesday", "On the sidelines", "On the other hand")."""

AGENDA_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+", re.I)
"""Separators between the items of an enumeration."""

AGENDA_SERIAL_COMMA = re.compile(r",\s+(?:and|or|as\s+well\s+as)\s+", re.I)
"""The comma before the last item ("A, B and C, and D"): the items are then split at commas
only, so an item may hold "and" ("search and rescue")."""

AGENDA_COMMA = re.compile(r",\s+(?:and\s+|or\s+|as\s+well\s+as\s+)?", re.I)
"""The separators of an enumeration with a serial comma."""

AGENDA_RANGE = re.compile(r"\b(?:range[sd]?|ranging|runs?|ran)\s+from\s+$", re.I)
"""A range cue ("ranges from A to B"): " to " then separates its two items."""

AGENDA_RANGE_TO = re.compile(r"\s+to\s+", re.I)
"""The separator of a range's two items."""

AGENDA_END = re.compile(
    r",\s*(?:which|who|but|while|although|after|before|because|where|when|with|according)\b"
    r"|[;:()]|\s[-–—]\s|\s+(?:because|if|unless|until|after|before|while|although|but|amid"
    r"|when|where|as\s+(?:the|a|an|it|they|he|she))\s|,\s*[^,]{1,40}?\b(?:said|says|say)\b"
    r"|[.!?]['\"’”]?\s*$",
    re.I,
)
"""Where an enumeration ends."""

AGENDA_ITEM_LEAD = re.compile(
    r"^(?:(?:issues?\s+(?:such\s+as|like|of)|questions?\s+of|future\s+of|matters\s+such\s+as"
    r"|an?|the|also|both)\s+)+",
    re.I,
)
"""Words before an agenda item's issue ("the issue of", "a", "the")."""

AGENDA_QUESTION_WORDS = frozenset("who what how whether which why when where".split())
"""Words opening a question among an enumeration's items ("and who gets the ports"): no issue."""

AGENDA_MAX_WORDS = 7
"""An agenda item longer than this is a clause, not an issue: an enumeration with one is
none, unless it is the last item (a clause running on after the enumeration, "…, and a
side meeting will take up X"), which is then dropped."""

# --- outcomes and their hedges (outcomes.py) ------------------------------------------------

OutcomeShape = Literal["object", "subject", "clause", "antecedent", "verb"]
"""Where an outcome cue's label is: after it ("agreed on X"), before it ("X is likely"),
the clause after it ("forecast that trade will reach $3 billion"), the noun a ", which"
clause follows ("missiles, which he declined to supply"), or decided by the verb after it
("may sign X")."""


@dataclass(frozen=True)
class OutcomeCue:
    """A hedge in a sentence: its pattern (group ``hedge`` is the hedge as written),
    the likelihood it gives, where the outcome phrase is (:data:`OutcomeShape`),
    whether the outcome must name an outcome noun ("a possible deal", not "possible harm"),
    and lower-case ``keys``, one of which a text holds wherever the pattern matches.
    ``held``: the cue states a result only in a report of a summit already held, and only
    with actors as its subject ("Brussels would not exempt …", "Guédez rejected …").
    ``after_hedge``: the cue only completes an earlier hedge of its sentence ("A statement is
    likely; a pact is not."). ``no_adverb``: an adverb just before the cue makes it background
    or a stance ("previously agreed", "publicly committed"), not a result."""

    pattern: re.Pattern[str]
    likelihood: Likelihood
    shape: OutcomeShape
    needs_noun: bool = False
    keys: tuple[str, ...] = ()
    held: bool = False
    after_hedge: bool = False
    no_adverb: bool = False

    def may_match(self, lowered: str) -> bool:
        """Whether a lower-cased text holds one of the cue's key words (else it cannot match).

        Examples:
            >>> OUTCOME_CUES[0].may_match("talks did not agree on aid")
            True
            >>> OUTCOME_CUES[0].may_match("talks agreed on aid")
            False
        """
        return not self.keys or any(key in lowered for key in self.keys)


_OUTCOME_VERB_FORMS = (
    r"agree|reach|sign|announce|adopt|endorse|approve|commit|deliver|produce|secure|clinch"
    r"|strike|conclude|finali[sz]e|issue|seal|unveil|launch|establish|create|set\s+up"
)
_FAILED_VERB_FORMS = rf"{_OUTCOME_VERB_FORMS}|close|find|set|make|bridge|resolve|settle|win"
_DONE = (
    r"signed(?!\s+up\b)|adopted|agreed|reached|announced|approved|unveiled|launched|endorsed"
    r"|concluded|sealed|issued|finali[sz]ed|struck|clinched|renewed|extended|accepted|established"
    r"|secured"
)
_DONE_KEYS = tuple(
    "signed adopted agreed reached announced approved unveiled launched endorsed concluded sealed "
    "issued finali struck clinched renewed extended accepted established secured".split()
)
_NOT_DONE_OBJECTS = (
    r"(?:(?:his|her|their|its|the|a|an)\s+)?(?:(?:earlier|long-standing|repeated|previous)\s+)?"
    r"(?:calls?|push|pushes|demands?|appeals?|pressure|threats?|criticism|attacks|efforts?"
    r"|warnings?|pleas?|bids?|offensive|fighting|strikes)\b"
)
"""What a realised verb acts on when it renews a stance or a hostility, not a result
("renewed her call for a ban", "extended the offensive")."""
_NEG = r"(?:could|did|would|do|does|can|will|cannot)(?:\s+not|n['’]t)|cannot"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NOT_NOUNS = r"(?:but|and|or|if|for|to|that|as|in|at|on|by|with|this|next|within|because)\b"
_NEG_VERBS = rf"{_OUTCOME_VERB_FORMS}|accept|include"
_COPULA = r"is|are|was|were|looks?|looked|seems?|seemed|appears?|appeared|remains?|remained"
_FORECAST = r"(?<![Tt]he\s)(?<![Aa]\s)\b(?P<hedge>forecasts?|predicts?|predicted|projects?)\s+"
"""A verb of forecasting, not the noun ("the forecast")."""
_FORECAST_KEYS = ("forecast", "predict", "project")

_BACK_TO_A_PROPOSAL = (
    r"(?:,\s+which|,\s+(?:an?|the)\s+(?:demand|call|request|proposal|idea|plan|offer|step)"
    r"(?:\s+that)?)\s+[^,;]{1,60}?"
)
"""A clause that refers back to a proposal before it, up to its verb (", which Lima rejected",
", an offer Quito accepted"): the antecedent is the outcome."""

OUTCOME_CUES: tuple[OutcomeCue, ...] = (
    # refused: negation first, so that "did not agree on X" never reads as agreed; "would not
    # accept X" is one side's stance (positions.py), not a result
    OutcomeCue(
        re.compile(
            rf"\b(?!(?:would|will)(?:\s+not|n['’]t)\s+accept\b)"
            rf"(?P<hedge>(?:{_NEG})\s+(?:{_NEG_VERBS}))(?:\s+(?:on|to|upon))?\s+",
            re.I,
        ),
        Likelihood.REFUSED,
        "object",
        keys=("not", "n't", "n’t", "cannot"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>fail(?:ed|s)?\s+(?:(?:once\s+(?:more|again)|again|even)\s+)?to\s+"
            rf"(?:{_FAILED_VERB_FORMS})(?:\s+(?:common\s+ground|consensus|agreement)(?=\s+(?:on|over)\b))?)"
            r"(?:\s+(?:on|to|upon|over))?\s+",
            re.I,
        ),
        Likelihood.REFUSED,
        "object",
        keys=("fail",),
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>walked\s+away\s+from)\s+(?!it\b|that\b)", re.I),
        Likelihood.REFUSED,
        "object",
        keys=("walked",),
    ),
    OutcomeCue(
        re.compile(
            r",\s+which\s+[^,;]{1,60}?\b(?P<hedge>(?:declined|refused)\s+to|did\s+not\s+accept"
            r"|(?:was|were)\s+not\s+(?:included|accepted|adopted))\b",
            re.I,
        ),
        Likelihood.REFUSED,
        "antecedent",
        keys=("which",),
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>(?:declined|refused)\s+to)\s+(?=[a-z])", re.I),
        Likelihood.REFUSED,
        "verb",
        keys=("declined", "refused"),
    ),
    # the parties at the table turn a thing down: a result ("They refused a prisoner
    # exchange"); one side rejecting a proposal is a position (positions.py)
    OutcomeCue(
        re.compile(
            r"(?:^|[,;]\s*)(?:they|both\s+(?:sides|leaders|governments)|the\s+(?:two\s+)?"
            r"(?:leaders|sides|delegations))\s+(?P<hedge>refused|rejected|declined|ruled\s+out)"
            r"\s+(?!to\b)",
            re.I,
        ),
        Likelihood.REFUSED,
        "object",
        keys=("refused", "rejected", "declined", "ruled out"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>(?:no|without(?:\s+an?|\s+any)?)\s+(?:agreement|deal|accord|commitment"
            r"|consensus|breakthrough|progress|headway|decision))\s+(?:on|over|to|for|about)\s+",
            re.I,
        ),
        Likelihood.REFUSED,
        "object",
        keys=("no ", "without"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>without|no)\s+(?:an?\s+|any\s+)?(?=(?:joint|final|formal)\s)", re.I
        ),
        Likelihood.REFUSED,
        "object",
        needs_noun=True,
        keys=("no ", "without"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?:ended|closed|concluded|wrapped\s+up|broke\s+up|finished)\b[^;.]{0,80}?"
            r"\b(?P<hedge>without(?:\s+agreeing(?:\s+(?:on|to))?)?)\s+"
            r"(?!(?:a|any)\s+(?:hitch|incident|problems?)\b)",
            re.I,
        ),
        Likelihood.REFUSED,
        "object",
        keys=("without",),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?:made|offered|gave|reached|announced|set)\s+(?P<hedge>no)\s+"
            r"(?!(?:secret|mention|comment|reference|sign|signal|attempt|effort|apology|apologies"
            r"|figures?|details?|indication|word|explanation|reason|response)\b)"
            r"(?=[a-z])",
            re.I,
        ),
        Likelihood.REFUSED,
        "object",
        keys=("no ",),
    ),
    OutcomeCue(
        re.compile(
            rf"\b(?P<hedge>(?:neither|nor)\b[^,;.]{{0,60}}?\b(?:{_DONE}|offered|agreed\s+on))\s+",
            re.I,
        ),
        Likelihood.REFUSED,
        "object",
        keys=("neither", "nor "),
    ),
    OutcomeCue(
        re.compile(
            rf"\b(?P<hedge>would\s+not\s+go\s+ahead|(?:was|were)\s+not\s+(?:{_DONE}|included)"
            r"|(?:is|are|was|were)\s+not\s+on\s+the\s+table|(?:is|are|was|were)\s+off\s+the\s+table"
            r"|(?:was|were|has\s+been|have\s+been)\s+rejected"
            r"|(?:was|were|has\s+been|have\s+been)\s+(?:called\s+off|cancell?ed|canceled"
            r"|postponed|scrapped|shelved|dropped|turned\s+down|ruled\s+out|vetoed|blocked)"
            r"|(?:is|are)\s+(?:(?:again|also)\s+)?(?:dropped|turned\s+down|ruled\s+out|vetoed"
            r"|blocked|rejected)"
            r"|did\s+not\s+make\s+(?:it\s+(?:in|into)\s+)?the\s+(?:final\s+)?(?:text|cut"
            r"|declaration|communiqu[eé]|statement|decision))\b",
            re.I,
        ),
        Likelihood.REFUSED,
        "subject",
        keys=(
            "not",
            "cancel",
            "postpone",
            "scrapped",
            "shelved",
            "called off",
            "off ",
            "reject",
            "dropped",
            "turned down",
            "ruled out",
            "vetoed",
            "blocked",
        ),
    ),
    # what a text commits the parties to: "A separate agreement commits both countries to
    # share security planning", "the communiqué did commit the three states to harmonise …"
    OutcomeCue(
        re.compile(
            r"\b(?:agreement|accord|deal|communiqu[eé]|declaration|statement|pact|memorandum"
            r"|protocol|text|treaty|roadmap|charter)\s+(?:[\w’'-]+\s+){0,2}?"
            r"(?P<hedge>(?:did\s+)?commit(?:s|ted)?)\s+(?:[\w’'-]+\s+){1,4}?to\s+(?=[a-z])",
            re.I,
        ),
        Likelihood.AGREED,
        "object",
        keys=("commit",),
    ),
    # an offer taken up: "offered to ban monofilament nets, which the other leaders accepted"
    OutcomeCue(
        re.compile(
            rf"{_BACK_TO_A_PROPOSAL}(?<!\bnot\s)\b(?P<hedge>accepted|agreed\s+to"
            r"|endorsed|took\s+up|signed\s+up\s+to)\b",
            re.I,
        ),
        Likelihood.AGREED,
        "antecedent",
        keys=("accepted", "agreed to", "endorsed", "took up", "signed up"),
        held=True,
    ),
    # a result owed by a date: "A feasibility study is due by September"
    OutcomeCue(
        re.compile(
            r"\b(?:is|are)\s+(?:now\s+)?(?P<hedge>due)\s+(?=(?:by|before|within|in|next|later"
            r"|at\s+the\s+end)\b)",
            re.I,
        ),
        Likelihood.ANTICIPATED,
        "subject",
        keys=("due ",),
    ),
    # left open: neither agreed nor refused ("the size and the host were left for a later
    # meeting", "the question was referred to a working group"); the scheme has no value of
    # its own for it, so it is possible, with the words as written as its hedge
    OutcomeCue(
        re.compile(
            r"\b(?:is|are|was|were|has\s+been|have\s+been|be)\s+(?P<hedge>left\s+(?:open\s+)?"
            r"(?:for|to|until)\s+(?:an?\s+|the\s+)?(?:later|next|future|another|further"
            r"|subsequent|technical|working)\b[^,;.]{0,40}|left\s+open|deferred(?:\s+(?:to|until)"
            r"\s+[^,;.]{1,40})?|referred\s+to\s+(?:an?\s+|the\s+)?(?:(?:new|joint|technical)\s+)?"
            r"(?:officials|ministers|experts|committee|working\s+group|commission|panel)\b)",
            re.I,
        ),
        Likelihood.POSSIBLE,
        "subject",
        keys=("left", "deferred", "referred"),
    ),
    # put forward, not agreed: "a follow-up meeting has been floated by the Haitian side"
    OutcomeCue(
        re.compile(
            r"\b(?:has|have)\s+been\s+(?P<hedge>floated|mooted|suggested|pencilled\s+in"
            r"|penciled\s+in)\b",
            re.I,
        ),
        Likelihood.POSSIBLE,
        "subject",
        keys=("floated", "mooted", "suggested", "pencilled", "penciled"),
    ),
    # left open in the active voice: "leaders deferred a decision on the hubs until next year"
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>(?:deferred|postponed|put\s+off|pushed\s+back|delayed)\s+(?:a|any|the"
            r"|their)\s+(?:final\s+)?decision\s+(?:on|about|over))\s+",
            re.I,
        ),
        Likelihood.POSSIBLE,
        "object",
        keys=("decision",),
    ),
    # in a report of a summit already held, one side turning a thing down is a result, and so
    # is a refusal in the future tense ("Brussels would not exempt Indian steel")
    OutcomeCue(
        re.compile(
            rf"{_BACK_TO_A_PROPOSAL}(?<!\bhas\s)(?<!\bhave\s)\b(?P<hedge>rejected|resisted"
            r"|opposed|turned\s+down"
            r"|blocked|vetoed|brushed\s+aside|ruled\s+out|(?:did|would)\s+not\s+accept)\b",
            re.I,
        ),
        Likelihood.REFUSED,
        "antecedent",
        keys=("which", "a "),
        held=True,
    ),
    OutcomeCue(
        re.compile(
            r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
            r"\b(?P<hedge>(?:(?:again|also|flatly|firmly)\s+)?(?:rejected|turned\s+down"
            r"|ruled\s+out|vetoed|brushed\s+aside))\s+"
            r"(?!(?:to|that|it|them|this|him|her|calls?|suggestions?|claims?|criticism"
            r"|accusations?|reports?)\b)",
            re.I,
        ),
        Likelihood.REFUSED,
        "object",
        keys=("rejected", "turned down", "ruled out", "vetoed", "brushed aside"),
        held=True,
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>(?:would|will)\s+not|won['’]t|would\s+never)\s+(?=[a-z])", re.I),
        Likelihood.REFUSED,
        "verb",
        keys=("not", "won"),
        held=True,
    ),
    # an expectation denied: "no one expects a change", "a treaty is not expected",
    # "analysts doubt a breakthrough", "a statement is likely; a pact is not"
    OutcomeCue(
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:still\s+)?(?P<hedge>not\s+(?:expected|likely))"
            r"\s+to\s+(?=[a-z])",
            re.I,
        ),
        Likelihood.UNLIKELY,
        "verb",
        keys=("not",),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:still\s+)?(?P<hedge>not\s+(?:expected|likely))\b"
            r"(?!\s+to\b)",
            re.I,
        ),
        Likelihood.UNLIKELY,
        "subject",
        needs_noun=True,
        keys=("not",),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>(?:no\s+one|nobody|few)\s+(?:expects?|anticipates?|predicts?)"
            r"|doubts?|doubted|(?:is|are)\s+doubtful\s+(?:of|about))\s+(?:that\s+|of\s+)?"
            r"(?=[a-z])",
            re.I,
        ),
        Likelihood.UNLIKELY,
        "object",
        needs_noun=True,
        keys=("expect", "anticipate", "predict", "doubt"),
    ),
    OutcomeCue(
        re.compile(r"(?<=[a-z]\s)(?P<hedge>(?:is|are|was|were)\s+not)(?=\s*(?:[.;!]|$))", re.I),
        Likelihood.UNLIKELY,
        "subject",
        needs_noun=True,
        keys=("not",),
        after_hedge=True,
    ),
    # the likeliest or the best outcome named: "the most likely outcome is X", "the best
    # realistic outcome, analysts say, is X", "X is the most that could be agreed"
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>(?:most\s+likely|likeliest|most\s+probable)\s+(?:outcome|result"
            r"|scenario))\s+(?:[^,.;]{0,40}?,\s+)?(?:is|was|would\s+be|will\s+be|remains)\s+"
            r"(?!(?:that|for|to|likely|unlikely|still)\b)",
            re.I,
        ),
        Likelihood.LIKELY,
        "object",
        keys=("likel", "probable"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>best(?:\s+(?:realistic|possible|achievable|plausible))?\s+(?:outcome"
            r"|result|case|hope)|most\s+(?:that\s+)?[^,.;]{0,50}?(?:realistic|achievable|possible"
            r"|expect\w*|hope\w*(?:\s+for)?))\s+(?:[^,.;]{0,40}?,\s+)?(?:is|was|would\s+be)\s+"
            r"(?!(?:that|for|to)\b)",
            re.I,
        ),
        Likelihood.POSSIBLE,
        "object",
        keys=("best", "most "),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?:is|was|are|were|(?:may|might|could|would|will)\s+be)\s+(?P<hedge>(?:the\s+)?"
            r"most\s+that\s+(?:can|could|will|would|might|may)\s+be\s+(?:achieved|agreed"
            r"|expected|hoped\s+for|managed|done|delivered|won))",
            re.I,
        ),
        Likelihood.POSSIBLE,
        "subject",
        keys=("most that",),
    ),
    # hopes of a result: "officials hope to announce X", "hope to see the two sides endorse X"
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>hop(?:e|es|ing)\s+to(?:\s+see(?:\s+[\w’'-]+){1,5}?)?)\s+"
            r"(?=(?:sign|announce|agree|adopt|endorse|reach|conclude|seal|clinch|unveil|launch"
            r"|finali[sz]e|issue|strike)\b)",
            re.I,
        ),
        Likelihood.POSSIBLE,
        "verb",
        keys=("hope", "hoping"),
    ),
    # hedged verbs: "is likely to …", "may …", "will sign …"
    OutcomeCue(
        re.compile(r"\b(?P<hedge>unlikely)\s+to\s+(?=[a-z])", re.I),
        Likelihood.UNLIKELY,
        "verb",
        keys=("unlikely",),
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>likely)\s+to\s+(?=[a-z])", re.I),
        Likelihood.LIKELY,
        "verb",
        keys=("likely",),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>expected|set|poised|due|slated|scheduled|plans|planning|ready)"
            r"\s+to\s+(?=[a-z])",
            re.I,
        ),
        Likelihood.ANTICIPATED,
        "verb",
        keys=("expected", "set ", "poised", "due ", "slated", "scheduled", "plan", "ready"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>projected|forecast|on\s+track|aims?|aiming)\s+to\s+(?=[a-z])", re.I
        ),
        Likelihood.PROJECTED,
        "verb",
        keys=("projected", "forecast", "on track", "aim"),
    ),
    OutcomeCue(  # "officials forecast that trade will reach $3 billion by 2028"
        re.compile(rf"{_FORECAST}that\s+(?=\S)"),
        Likelihood.PROJECTED,
        "clause",
        keys=_FORECAST_KEYS,
    ),
    OutcomeCue(  # "officials forecast 1.5 million visitors in 2026"
        re.compile(rf"{_FORECAST}(?=\$|\d|(?:an?|the)\s)"),
        Likelihood.PROJECTED,
        "object",
        keys=_FORECAST_KEYS,
    ),
    OutcomeCue(  # "officials expect the summit to end with a joint press conference"
        re.compile(
            r"\b(?P<hedge>expects?|expected)\s+(?:the\s+(?:summit|meeting|talks|visit|session"
            r"|gathering)|it)\s+to\s+(?:end|close|conclude|finish|wrap\s+up)(?:\s+on\s+"
            r"(?:\d{1,2}\s+)?[A-Z]\w+(?:\s+\d{1,2})?)?\s+with\s+",
        ),
        Likelihood.ANTICIPATED,
        "object",
        keys=("expect",),
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>(?:will|would)\s+probably|probably\s+will)\s+(?=[a-z])", re.I),
        Likelihood.LIKELY,
        "verb",
        keys=("probably",),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>may|might|could)\s+(?:still\s+|also\s+|even\s+|eventually\s+|soon\s+)?"
            r"(?=[a-z])",
            re.I,
        ),
        Likelihood.POSSIBLE,
        "verb",
        keys=("may", "might", "could"),
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>would|will)\s+(?:also\s+|soon\s+)?(?=[a-z])", re.I),
        Likelihood.ANTICIPATED,
        "verb",
        keys=("would", "will"),
    ),
    # hedged nouns and predicates: "a possible deal", "X is likely", "open to X"
    OutcomeCue(
        re.compile(r"\b(?P<hedge>possible|potential)\s+(?!" + _NOT_NOUNS + r")(?=[a-z])", re.I),
        Likelihood.POSSIBLE,
        "object",
        needs_noun=True,
        keys=("possible", "potential"),
    ),
    OutcomeCue(
        re.compile(r"\b(?<!un)(?P<hedge>likely)\s+(?!" + _NOT_NOUNS + r")(?=[a-z])", re.I),
        Likelihood.LIKELY,
        "object",
        needs_noun=True,
        keys=("likely",),
    ),
    OutcomeCue(
        re.compile(
            rf"\b(?:{_COPULA})\s+(?P<hedge>(?:all\s+but|almost|virtually|nearly)\s+certain"
            r"|certain)\b(?!\s+to\b)",
            re.I,
        ),
        Likelihood.LIKELY,
        "subject",
        needs_noun=True,
        keys=("certain",),
    ),
    OutcomeCue(
        re.compile(
            rf"\b(?:{_COPULA})\s+(?:still\s+|now\s+|highly\s+)?(?P<hedge>unlikely)\b(?!\s+to\b)",
            re.I,
        ),
        Likelihood.UNLIKELY,
        "subject",
        needs_noun=True,
        keys=("unlikely",),
    ),
    OutcomeCue(
        re.compile(
            rf"\b(?:{_COPULA})\s+(?:now\s+|still\s+|firmly\s+)?(?P<hedge>within\s+reach|in\s+sight"
            r"|on\s+the\s+cards)\b",
            re.I,
        ),
        Likelihood.LIKELY,
        "subject",
        needs_noun=True,
        keys=("within reach", "in sight", "on the cards"),
    ),
    OutcomeCue(
        re.compile(rf"\b(?:{_COPULA})\s+(?:still\s+)?(?P<hedge>likely)\b(?!\s+to\b)", re.I),
        Likelihood.LIKELY,
        "subject",
        needs_noun=True,
        keys=("likely",),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:the|a)\s+(?P<hedge>(?:most\s+)?likely|likeliest"
            r"|most\s+probable)\s+(?:outcome|result|scenario)\b",
            re.I,
        ),
        Likelihood.LIKELY,
        "subject",
        keys=("likely",),
    ),
    OutcomeCue(
        re.compile(r"\b(?:is|are|was|were)\s+(?:still\s+)?(?P<hedge>possible)\b(?!\s+to\b)", re.I),
        Likelihood.POSSIBLE,
        "subject",
        needs_noun=True,
        keys=("possible",),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:also\s+|widely\s+|now\s+|still\s+|firmly\s+)?"
            r"(?P<hedge>expected|planned)\b(?!\s+to\b)",
            re.I,
        ),
        Likelihood.ANTICIPATED,
        "subject",
        needs_noun=True,
        keys=("expected", "planned"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>(?:is|are|was|were|be|remains?)\s+(?:still\s+)?open\s+to)\s+", re.I
        ),
        Likelihood.POSSIBLE,
        "object",
        keys=("open to",),
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>(?:there\s+is|there\s+was)\s+a\s+chance)\s+(?:of|that)\s+", re.I),
        Likelihood.POSSIBLE,
        "object",
        keys=("chance",),
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>little\s+chance)\s+(?:of|that)\s+", re.I),
        Likelihood.UNLIKELY,
        "object",
        keys=("chance",),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>expects?|expected)\s+(?:the\s+|both\s+)?(?!to\b)[\w-]+(?:\s+[\w-]+)?\s+to\s+"
            r"(?=[a-z])",
            re.I,
        ),
        Likelihood.ANTICIPATED,
        "verb",
        keys=("expect",),
    ),
    OutcomeCue(
        re.compile(r"\b(?P<hedge>expects?)\s+(?=[a-z])", re.I),
        Likelihood.ANTICIPATED,
        "object",
        needs_noun=True,
        keys=("expect",),
    ),
    # realised results: "agreed on X", "signed X", "X was adopted"
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>(?:ended|concluded|closed|wrapped\s+up)\b[^;.]{0,80}?\bwith)\s+"
            r"(?=(?:an?|the)\s)",
            re.I,
        ),
        Likelihood.AGREED,
        "object",
        needs_noun=True,
        keys=("ended", "concluded", "closed", "wrapped"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?:declaration|communiqu[eé]|statement|leaders)\s+(?P<hedge>backed|endorsed"
            r"|called\s+for|condemned)\s+(?=[a-z])",
            re.I,
        ),
        Likelihood.AGREED,
        "object",
        keys=("backed", "endorsed", "called for", "condemned"),
    ),
    OutcomeCue(
        re.compile(
            r"\b(?P<hedge>set)\s+(?=(?:an?|the|their|its)\s+(?:(?:new|joint|common|firm|binding"
            r"|formal)\s+)?(?:target|goal|date|deadline|timetable|ceiling|cap|timeline)\b)",
            re.I,
        ),
        Likelihood.AGREED,
        "object",
        keys=("set ",),
    ),
    OutcomeCue(
        re.compile(rf"\b(?:was|were|has\s+been|have\s+been)\s+(?P<hedge>{_DONE})\b", re.I),
        Likelihood.AGREED,
        "subject",
        needs_noun=True,
        keys=_DONE_KEYS,
    ),
    OutcomeCue(
        re.compile(
            rf"(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)\b(?P<hedge>agreed(?:\s+on\s+{_WEEKDAY})?"
            r"(?:\s+[\"“]?in\s+principle[\"”]?)?(?:\s+(?:only|also|merely|instead|again|once\s+again))?"
            r"(?:\s+(?:on|to|upon))?"
            r"|(?<!\bis\s)(?<!\bare\s)(?<!remain\s)(?<!remains\s)(?<!remained\s)"
            rf"(?:committed|pledged|promised)(?:\s+to)?|{_DONE})"
            r"\s+(?!(?:that|it|he|she|they|we|this|him|her|them|us|me|by|in|at|with|as|for|on|to|be"
            r"|under|during"
            rf"|over|after|before|since|last|earlier|from)\b|{_NOT_DONE_OBJECTS})",
            re.I,
        ),
        Likelihood.AGREED,
        "object",
        keys=(*_DONE_KEYS, "committed", "pledged", "promised"),
        no_adverb=True,
    ),
)
"""The outcome cues, most specific first: a cue that overlaps an earlier one's hedge or
outcome is not read (so "could not agree on X" is refused, never agreed)."""

_OUTCOME_KEYS = tuple(sorted({key for cue in OUTCOME_CUES for key in cue.keys}))


def outcome_cues_for(lowered: str) -> list[OutcomeCue]:
    """The outcome cues, in order, that may match a lower-cased text: each cue's key words are
    looked for once per text, not once per cue (what :meth:`OutcomeCue.may_match` tells one
    cue at a time).

    Examples:
        >>> text = "talks agreed on aid"
        >>> cues = outcome_cues_for(text)
        >>> OUTCOME_CUES[0] in cues, cues == [c for c in OUTCOME_CUES if c.may_match(text)]
        (False, True)
    """
    present = {key for key in _OUTCOME_KEYS if key in lowered}
    return [cue for cue in OUTCOME_CUES if not cue.keys or not present.isdisjoint(cue.keys)]


CONDITIONAL = re.compile(r"\b(?:if|unless|provided\s+that)\b", re.I)
"""A condition in the sentence: "would" then states a possibility, not a plan."""

CONDITIONAL_HEDGES = frozenset({"would"})
"""Hedges a condition in the sentence turns into a possibility ("would, if …")."""

NOT_OBJECT_STARTS = frozenset(
    "in at on with by for from later soon next this after before if until as when while "
    "not again too also still only within during around over early late without unless "
    "because ahead place".split()
)
"""Words after a verb that begin no object ("could follow later", "may resume in May")."""

AGREED_BLOCKERS = frozenset(
    "be been being to will would could may might should must not never no nor neither "
    "without if once when".split()
)
"""Words just before a realised-result cue that make it no result ("to be signed")."""

PURPOSE = re.compile(
    r"\s+to\s+(?!(?:the|a|an|their|its|his|her|this|that|these|those|each)\b)(?=[a-z])"
)
"""A purpose clause after a long noun phrase ("an action plan to secure supply chains")."""

ANTECEDENT_STOPS = frozenset("to the a an any on for with by from of and or".split())
"""Words that begin no antecedent of a ", which" clause ("provide long-range missiles")."""

DETERMINERS = re.compile(
    r"^(?:an?|the|any|some|many|several|most|all|a\s+number\s+of|a\s+few|their|its|his|her)\s+",
    re.I,
)
"""Determiners and quantifiers before an outcome's head noun."""

OUTCOME_VERBS = frozenset(
    "agree reach sign announce adopt endorse approve commit deliver produce secure clinch strike "
    "conclude finalise finalize issue seal unveil launch establish create lead result yield "
    "unlock open extend renew restore resume ease lift cut raise unblock revive propose offer "
    "send reaffirm".split()
)
"""Verbs whose object is the outcome ("may sign a deal on X" → "a deal on X"), or whose
complement is ("could resume direct flights")."""

OBJECT_VERBS = frozenset(
    "agree reach sign announce adopt endorse approve commit deliver produce secure clinch strike "
    "conclude finalise finalize issue seal unveil establish create lead result yield propose "
    "offer reaffirm".split()
)
"""Outcome verbs whose object alone is the outcome ("sign a pact" → "a pact")."""

VERB_PARTICLES = frozenset({"on", "to", "upon", "in", "up"})
"""Particles after an object verb that the outcome follows ("agree on", "lead to", "set up")."""

HAPPEN_VERBS = frozenset(
    "happen occur follow begin start emerge materialise materialize resume proceed go take come "
    "launch".split()
)
"""Verbs whose subject is the outcome ("a meeting could still happen later")."""

SKIP_VERBS = frozenset(
    "meet visit travel attend arrive host hold discuss focus talk speak address press push seek "
    "want try respond say comment tell ask warn urge call dominate feature centre center cover "
    "include involve have do make need see face become remain stay keep get use share "
    "welcome hope speculate confirm elaborate answer give depend close end run wrap convene "
    "gather return".split()
)
"""Verbs after a hedge that state no outcome (the summit itself, speech, wishes)."""

OUTCOME_NOUNS = re.compile(
    r"\b(?:deal|agreement|accord|pact|treaty|ceasefire|cease-fire|truce|statement|declaration"
    r"|communiqu[eé]|framework|plan|road\s?map|summit|meeting|partnership|package|exchange"
    r"|release|settlement|breakthrough|compromise|understanding|memorandum|initiative|fund"
    r"|bank|dialogue|alliance|charter|pledge|commitment|programme|program|mechanism|corridor"
    r"|arrangement|consensus|roadmap|sanctions|tariffs?|relief|review|talks|visit|resolution"
    r"|goal|target|mission|office|commission|committee|council|cent(?:re|er)|secretariat|forum"
    r"|task\s+force|working\s+group|hotline|protocol|code|regime|scheme|formula|facility"
    r"|exercise|drill|round|conference|moratorium|ban|cap|exemption|waiver|guarantee|loan|grant"
    r"|investment|aid|order|purchase|contract|referral|inspection|inspector|monitor|pipeline"
    r"|venue|date|deadline|timetable|timeline|guideline|standstill|freeze|envoy|mandate"
    r"|fund(?:ing)?|financing|contribution|convention|reference|language|wording|patrol"
    r"|corridor|terminal|plant|project|sale|exchange|transfer|extradition|decision|cell|document"
    r"|network|registry|register|panel|authority|zone|platform|agency"
    r"|desk|observatory|institute|reserve|stockpile|quota|levy|visa|report|assessment"
    r"|survey|audit|tender|easing)s?\b",
    re.I,
)
"""Nouns of outcomes, for the cues that need one ("a possible deal", "without a communiqué")."""

OUTCOME_CLAUSE_END = re.compile(
    r"\s+(?:if|unless|because|provided|given)\s|,\s|;|:|\s[-–—]\s|[.!?]['\"’”]?\s*$", re.I
)
"""Where a forecast's clause ends ("forecast that trade will reach $3 billion by 2028 if …")."""

OUTCOME_BOUNDARY = re.compile(
    r",\s*(?:which|who|whose|but|while|although|though|as|including|such\s+as|after|before|because|not"
    r"|with|without|where|when|so|and\s+(?:to|said|says|that|he|she|they|it|the)"
    r"|and\s+(?=an?\s[^,;.]{1,60}?\s(?:is|are|was|were|will|would|could|may|might)\s))\b"
    r"|\s+and\s+(?=(?:the|both|their|its)\s[^,;.]{1,40}?\s(?:will|would|could|may|might|should"
    r"|must)\s)|,\s+plus\b|\s+in\s+place\s+of\b|,?\s+(?:under|through|by)\s+which\b"
    r"|\s+at\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:[A-Z][\w’'-]+\s+){1,3}(?:House|Palace|Hall|Centre"
    r"|Center|Building|Castle|Hotel|Museum|Ministry|Headquarters|Residence|Villa|Pavilion)\b"
    r"|[;:]|\((?![A-Z]{0,3}[$€£¥]\s?\d|\d)|(?<!billion)(?<!million)(?<![\d%])\)"
    r"|,\s+(?:most|much|all|some|part|half)\s+of\s+(?:it|them|which)\b"
    r"|,\s+(?:up\s+|down\s+)?from\s+(?=(?:about|around|roughly|nearly|almost|some|just|under"
    r"|over|less|more)\b|[$€£¥\d])"
    r"|,\s+the\s+(?:most|first|only|issue|goal|one|same|main|key|largest|biggest|latest)\b"
    r"|\s+that\s+(?=(?:[a-z]+s|would|will|could|might|may|can|must|should)\b)"
    r"|,?\s+(?:and|or)\s+(?:perhaps|possibly|maybe)\b"
    r"|\s[-–—]\s|\s+(?:because|if|unless|until|after|before|while|although|but"
    r"|so\s+that|rather\s+than|once(?!\s+(?:again|more))"
    r"|is|are|was|were|will|would|could|may|might|has|have|had"
    r"|whereas|since|as\s+part\s+of|and\s+to|and\s+another|and\s+that|to\s+be)\s"
    r"|,\s*[^,]{1,40}?\b(?:said|says|say|added|noted|argued|warned|reported)\b"
    r"|,\s+[a-z]+ing\b|,\s+(?:an?|one|something)\s|\s+on\s+the\s+(?:[\w-]+\s+)?day\b"
    r"|\s+(?:covering|including|involving|aimed\s+at|designed\s+to|reaffirming|confirming"
    r"|welcoming|calling\s+for|urging|setting\s+out|outlining|condemning)\b"
    r"|\s+and\s+(?:also\s+)?[a-z]+ed\s+(?:to\s+[a-z]+|their|its|his|her|the|a|an)\b|\s+at\s+(?:the|their|a|this|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:summit|talks|meeting|conference|session)\b"
    r"|\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|the\s+same\s+day)|instead|as\s+well)\b"
    r"|[.!?]['\"’”]?\s*$",
    re.I,
)
"""Where an outcome phrase ends: a clause boundary, a trailing speech frame, the sentence end."""

TIME_CUE = re.compile(
    r"\b(?:(?:by\s+the\s+end\s+of|before\s+the\s+end\s+of|later|early|late|next|this|coming)"
    r"(?:\s+(?:this|next|the))?\s+(?:week|month|year|spring|summer|autumn|fall|winter|quarter"
    r"|decade|session)"
    r"|by\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|within\s+(?:(?:a|one|two|three|four|six|\d{1,2})\s+)?"
    r"(?:days?|weeks?|months?|years?)|in\s+the\s+(?:coming\s+(?:days|weeks|months)"
    r"|autumn|spring|summer|winter|fall)|later|soon|eventually)\b",
    re.I,
)
"""Time cues that give an outcome's timeframe ("next month", "by 2027", "within weeks")."""


BACKGROUND_CLAUSE = re.compile(r"\b(?:since|when|once|after|before|until)\s+$", re.I)
"""A subordinate clause of time before a realised result's subject ("… since the truce was
extended"): background, not an outcome of the talks."""

BACKGROUND_CUE = re.compile(
    r"\b(?:earlier|ago|previously|last\s+(?:week|month|year)|in\s+the\s+past)\b", re.I
)
"""Past-relative time: a realised result that is background, not an outcome of the talks."""

COORDINATED_OUTCOME = re.compile(r",?\s+and\s+(?=(?:an?|the|its|their)\s)")
"""A second outcome in one phrase ("a joint declaration and a package of deals")."""

LIST_JOIN = re.compile(
    r",\s+(?:and\s+)?(?=(?:an?|the|their|its)\s)|\s+and\s+(?=(?:an?|the|their|its)\s)"
)
"""What joins the items of a list of outcomes, each with a determiner ("a defence pact, a
trade protocol and a memorandum")."""

SERIAL_COMMA = re.compile(r",\s+(?=(?:an?|the|their|its)\s)")
"""The comma between the first items of a list of outcomes closed by "and" ("a ceasefire,
the release of prisoners and a monitoring mission")."""

INDEFINITE_PRONOUNS = frozenset(
    "anything something nothing everything more less much little none all both".split()
)
"""Words that name no outcome on their own ("expect anything")."""

PRONOUN_SUBJECTS = frozenset(
    "it this that there he she they we which what who these those one and but few many "
    "several others none nobody everyone anyone neither".split()
)
"""Subjects that are no outcome phrase ("it was possible", "few expect it to be signed")."""

ATTENDANCE_CLAUSE = re.compile(
    r"\b(?:be|is|are|was|were)\s+(?:represented\b|(?:accompanied|chaired|led|hosted|joined)"
    r"\s+by\b)",
    re.I,
)
"""Who stands in for whom at the summit ("Washington will be represented by its envoy",
"Ethiopia is expected to be represented at ministerial level"): the summit's cast, no
outcome of it."""

SUBJECT_START = re.compile(
    r"(?:^|[,;:.!?]\s+|\s[-–—]\s+|\b(?:that|said|says|say|but|whether|because|where|when|while"
    r"|since|until|once"
    r"|believes?|think|thinks|fears?|hinted|suggested|signalled|signaled|insisted|added|noted"
    r"|told\s+(?:us|me|reporters|journalists|diplomats))\s+)",
    re.I,
)
"""Where the subject of a hedge begins (the last match before the hedge): after a speech
frame too ("Officials told us an agreement … is likely")."""

NAME_LIST = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:and|or)\s+[A-Z]")
"""A list of names after a comma ("Senegal, Rwanda and South Africa"): no subject starts there."""

PARTICIPLES = frozenset(
    "made done taken given found struck held won met set sent built drawn shown seen broken "
    "known put laid agreed signed adopted announced reached approved endorsed".split()
)
"""Irregular past participles of a passive outcome ("a compromise may be found")."""

EARLIER_HEDGE = re.compile(
    r"\b(?:likely|expected|possible|probable|certain|planned|within\s+reach)\b", re.I
)
"""A hedge an elliptic denial completes ("A statement is likely; a pact is not.")."""

HOST_LEAD = re.compile(
    r"(?:hold|host|convene)\s+(?:(?:their|its|his|her|the)\s+)?(?=(?:next|follow-up|second"
    r"|third|fourth|fifth|sixth|seventh|another|new)\b)",
    re.I,
)
"""A verb of holding before a later event an outcome names ("hold their next summit in La
Paz"): the event is the outcome."""

NEXT_EVENT = re.compile(
    r"\b(?:next|follow-up|follow-on|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|another|further|new|annual|regular|ministerial|extraordinary)\b",
    re.I,
)
"""An event after this one ("the next summit", "a follow-up meeting", "a second round"): its
being held is an outcome of the talks, unlike the summit itself."""

HOST_VERBS = frozenset({"host", "hold", "convene", "organise", "organize"})
"""Verbs whose object is an event an outcome may plan ("host a conference on …", "hold
their next summit in …")."""

COORDINATED_INFINITIVE = re.compile(
    r",?\s+and\s+(?:also\s+)?to\s+(?=[a-z])"
    r"|,?\s+(?:and|or)\s+(?:perhaps|possibly|maybe)\s+(?:(?:on|to|for)\s+)?(?=(?:the|an?)\s)"
)
"""A second outcome joined to the first ("agreed to cut fees and to harmonise schedules",
"agreement on X and perhaps on Y"): it takes the first one's hedge."""

ACTION_VERBS = frozenset(
    """ease double triple halve cut raise expand extend open reopen create launch establish
    build restart resume deepen boost strengthen upgrade allow lift waive speed simplify appoint
    increase reduce protect develop coordinate harmonise harmonize align invest connect deploy
    restore renew improve streamline standardise standardize tighten relax lower promote explore
    draft prepare adopt set pursue step scale curb complete conclude finalise finalize negotiate
    designate publish sign send begin grant accelerate enhance intensify facilitate encourage
    combat tackle abolish remove scrap introduce implement enforce ratify approve endorse
    commission co-fund cofund fund provide supply deliver offer hand release form""".split()
)
"""Verbs that begin an action a summit agrees ("agreed to double a swap line, ease visas for
young people and set up a fund"): a second one after a comma or "and" is a second outcome."""

ACTION_JOIN = re.compile(r",\s+(?:and\s+)?(?=[a-z])|\s+and\s+(?=[a-z])")
"""What joins one action to the next in a list of them (", ease visas", " and set up")."""

ANTECEDENT_LEAD = re.compile(
    r"\b(?:asked\s+for|called\s+for|pushed\s+for|pressed\s+for|proposed|sought|demanded|wanted"
    r"|requested|offered|floated|tabled|suggested|insisted\s+on|raised)\s+"
)
"""The verb before an object a ", which …" clause refers back to ("asked for a guaranteed
minimum flow in the driest days, which India did not accept")."""

EVENT_NOUNS = re.compile(
    r"\b(?:summit|talks|meeting|conference|visit|trip|session|gathering|forum|segment|ceremony"
    r"|ceremonie|photo[\s-]op|photo\s+opportunit(?:y|ie)|handshake)s?$",
    re.I,
)
"""The event itself: its taking place is no outcome ("the summit is set to take place", "a
ceremony, not a treaty")."""

CONCERN_FRAME = re.compile(r"\b(?:fears?|feared|worr(?:y|ies|ied)|warn(?:s|ed)?|concerns?)\b", re.I)
"""A worry before a hedge: what follows is a concern, not an outcome."""

EXPECT_FRAME = re.compile(r"\b(?:(?:no\s+one|nobody|few)\s+)?expects?\b", re.I)
"""An expectation in a speech frame ("Officials expect …"): its content is anticipated ("Few
expect …": unlikely)."""

BELIEF_FRAME = re.compile(r"\b(?:believes?|thinks?|predicts?|believed|predicted)\b", re.I)
"""A belief in a speech frame ("analysts believe … will"): a plan turns into a likelihood."""

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE_START = re.compile(
    rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:[-–]|and|to)\s*\d{{1,2}})?\s+{_MONTH}(?!\w)"
    r"|(?:19|20)\d\d(?:\s*[,.;]|\s+(?:and|to|or)\b|\s*$)|\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,4})?\b"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}"
    rf"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|{_MONTH}\s+\d)"
)
"""A label that is a date ("Feb. 28, 2019", "9-10 September", "2019"), never an outcome; an
amount ("30 billion yuan", "1.2 billion euros") may be one."""

ISSUE_CONTAINERS = frozenset(
    "deal deals agreement agreements accord pact treaty statement statements declaration "
    "communiqué communique framework plan roadmap map partnership package understanding "
    "memorandum initiative dialogue alliance charter pledge commitment commitments programme "
    "program mechanism arrangement consensus decision letter breakthrough compromise progress "
    "talks cooperation rules language position summary agreements truce ceasefire protocol "
    "protocols convention resolution fund funds timetable schedule register registry hotline "
    "secretariat group force".split()
)
"""Nouns of outcomes whose issue is what they are "on" ("a statement on wildfires" → wildfires)."""

ISSUE_ON = re.compile(r"\s(?:on|over|about|regarding)\s+", re.I)
"""Where the issue of an outcome noun is named ("an understanding on Ukraine")."""

_ISSUE_END_WORDS = (
    r"between|along|with|in|to|for|from|by|at|that|which|who|could|may|might|would|will"
    r"|under\s+which|where|whose|is|are|was|were|has|have|after|before|as|if|because"
)
"""Words that end the issue a phrase names, an outcome's or a position's: a preposition of
place or purpose, a relative word, a verb."""

ISSUE_END = re.compile(rf"\s(?:{_ISSUE_END_WORDS}|and\s+(?:an?|the))\s", re.I)
"""Where the issue a phrase names ends ("a ceasefire along the front line" → ceasefire)."""

CONTAINER_ON = re.compile(
    r"\b(?:deals?|agreements?|accords?|pacts?|treaty|statements?|declarations?|communiqu[ée]"
    r"|framework|roadmap|understanding|memorandum|dialogue|charter|pledges?|commitments?"
    r"|consensus|progress|talks|negotiations|cooperation|co-operation|rules|language|position"
    r"|protocols?|convention|resolution|study|review|moratorium|ban|limits|controls|commission"
    r"|committee|task\s+force|working\s+group|code\s+of\s+conduct|action\s+plan|stance"
    r"|movement|breakthrough|compromise|dispute|row|quarrel)\s+(?:on|over)\s+(?=[\w\"“])",
    re.I,
)
"""An instrument or a dispute "on" an issue ("a declaration on freedom of navigation", "the
dispute over maritime boundaries"): what follows names an issue of the summit."""

CONTAINER_ISSUE_END = re.compile(
    rf"[,.;:()!?\"“”]|\s(?:{_ISSUE_END_WORDS}|and\s+(?:an?|the|its|their|on|to)|or\s+on"
    r"|than|but|so|when|while|until|since|unless|next|last|this|within|over|on|against|during"
    r"|at|through|into|without|despite)\s|\s(?:said|says|say|instead|rather|too|either|yet"
    r"|alone|began|collapsed|stays|expires|remains?|left|overshadowed|offered|put|no\s+closer"
    r"|open|unresolved)\b|\s(?:and|or)\s*$",
    re.I,
)
"""Where the issue after :data:`CONTAINER_ON` ends: a boundary word, a verb or an adverb
after it ("a deal on organised crime instead"), a dangling "and"."""

ISSUE_MODIFIERS = re.compile(
    r"^(?:(?:an?|the|any|some|their|its|his|her|new|broader|broad|limited|joint|full|formal|final"
    r"|first|possible|potential|upgraded|so-called|long-term|wider)\s+){1,4}",
    re.I,
)
"""Determiners and evaluative adjectives before an issue ("a new, broader deal" → deal)."""

VERB_OPENING = re.compile(r"^[a-z]+(?:\s+up)?\s+(?=(?:an?|the|their|its|his|her|more|new)\s)")
"""A verb opening an outcome phrase ("set up a dialogue", "send a vessel"): not the issue."""

ACTION_OPENING = re.compile(
    r"^(?:keep|share|fund|build|open|extend|renew|restore|resume|ease|lift|cut|raise|unblock"
    r"|revive|expand|double|triple|halve|cap|ban|allow|remove|reduce|increase|coordinate"
    r"|harmoni[sz]e|align|boost|protect|improve|strengthen|deepen|widen|speed|simplify|end"
    r"|scrap|waive|cancel|phase\s+out|step\s+up|scale\s+up|set\s+up|wind\s+down)\s+"
    r"(?!(?:on|of|for|to|in|at|with|by|from|and|or|it|them|this|that)\b)(?=[a-z])"
)
"""A verb opening an action outcome before its bare object ("keep visa-free travel", "share
real-time data"): the object is the issue; "a ban on …" and "a cut in …" are nouns."""

LEADING_VERBS = frozenset(
    """tighten reopen restart accept exempt buy sell add notify invite consult settle contribute
    provide grow begin start negotiate put lend contain send ask let take give bring meet go
    decide jointly""".split()
)
"""Bare verbs that open an action phrase and are never the first word of the issue it names
("restart joint army patrols" → joint army patrols; "invite Moriyama": a person, no issue);
not those that are also nouns of issues ("pay", "seed funding", "board seats")."""

ACTOR_OBJECT_VERBS = frozenset("let ask invite notify send consult tell urge help".split())
"""Leading verbs whose object is who acts, not an issue ("let lorries cross their borders")."""

LEADING_PREPOSITION = re.compile(
    r"^(?:of|on|in|to|for|from|with|into|through|over|about|against|under|at|by)\s+(?=\w)", re.I
)
"""A preposition left at the front of a phrase cut from a sentence ("on Sudan" → Sudan)."""

NOT_ISSUE_HEADS = frozenset(
    """date commission agreement issue declaration communique communiqué decision text meeting
    deal question year region board navy one own rate route reference round report
    invitation insistence commitment suspension projects contracts budget trucks care cable link
    fund plant protocol pledges documents bloc officials draft map sign badge position
    command binding again off payouts construction""".split()
)
"""Single words that name no issue of a summit on their own ("the date", "the commission")."""

NOT_ISSUE_WORDS = frozenset(
    """is are was were be been may might could would will should can remains remained said says
    ran has have had did does there what""".split()
)
"""Words of a clause, not a noun phrase: a phrase with one is no issue ("the referendum date
was", "the idea may come")."""

ORDINAL_EVENT = re.compile(
    r"^(?:next|second|third|previous|last|first|same|separate|such)\b(?:\s+\S+){0,2}$", re.I
)
"""A short phrase that points at another item ("the next summit", "a separate proposal")."""

PRONOUN_ACTION = re.compile(r"^[a-z]+\s+(?:it|them|this|that|these|those)\b")
"""An action on a pronoun ("keep it out of the declaration"): the phrase names no issue."""

SUBJECT_AUXILIARY = re.compile(
    r"\s+(?:(?:may|might|could|would|will|can|should|must)(?:\s+(?:still|also|not))?"
    r"(?:\s+(?:be|been|have))?|(?:is|are|was|were|be|been|has|have|had|seems?|appears?|looks?"
    r"|remains?))(?:\s+(?:still|also|now|not))?\s*$",
    re.I,
)
"""An auxiliary ending a subject before its hedge ("A review … is expected to", "The tariff
may (be left to …)")."""

ACTOR_WORDS = frozenset(
    "he she they we both leaders sides countries nations governments ministers officials "
    "negotiators delegations parties allies members".split()
)
"""Subject words for actors: a generic verb after a modal is an outcome only when actors act."""

PEOPLE_HEADS = frozenset(
    """counterpart counterparts leader leaders official officials minister ministers president
    presidents premier delegation delegations envoy envoys guest guests host hosts him her
    them""".split()
)
"""Head nouns of people: an object or outcome with such a head names who, not what."""
_HEAD_END = re.compile(r"\s(?:of|for|to|in|on|with|from|at|over|about)\s")


NOT_WHO_END = re.compile(r"\b(?:him|her|them|hosts?)$", re.I)
"""Heads of people an outcome may still end on: a pronoun object ("committing them"), a host
that is where ("the size of the fund and its host")."""


def names_people(text: str) -> bool:
    """Whether a phrase's head is people ("his French and German counterparts to Warsaw").

    Examples:
        >>> names_people("its French and German counterparts to Warsaw")
        True
        >>> names_people("the U.S. delegation")
        True
        >>> names_people("a code of conduct for leaders")
        False
    """
    head = _HEAD_END.split(text, maxsplit=1)[0].lower().split()
    return bool(head) and head[-1].strip(",;:.") in PEOPLE_HEADS  # not "an envoy arrangement"


VAGUE_OBJECTS = frozenset(
    "points issues things details matters steps ways terms areas questions it them this issue "
    "matter question again outright instead back".split()
)
"""Objects too vague to be an outcome ("agreed on many points")."""

DESIRE_FRAME = re.compile(
    r"\b(?:hop(?:e|es|ed|ing)|want(?:s|ed)?|wish(?:es|ed)?|whether|if|asked|urged|pressed"
    r"|doubt\w*|expect\w*|fear\w*)\b",
    re.I,
)
"""A wish, question or doubt before "would" ("had hoped he would scale back", "asked whether
Egypt would accept"): no commitment, even in a report of a summit already held."""

BARE_VAGUE = frozenset("wording language text one ones decision compromise proposal idea".split())
"""Words too vague to be an outcome alone ("accepted the wording", "a decision is expected"),
though a compromise wording, or a decision on fees, may be one."""

ANAPHORIC_OUTCOME = re.compile(
    r"(?:the|this|that|these|those|such(?:\s+an?)?|its|their|his|her)\s+"
    r"(?:(?:joint|final|new|same|proposed|draft|whole)\s+)?(?:decision|proposal|idea|fund"
    r"|commission|protocol|item|compromise|measure|move|step|request|offer|visit|truce"
    r"|initiative|scheme|mechanism|arrangement|project)s?",
    re.IGNORECASE,
)
"""An outcome that only points back at something named before ("the proposal was dropped",
"such a visit was possible", "the fund is likely to be announced"): that is what was meant,
and it is read where it is named."""

MODAL_HEDGES = frozenset({"may", "might", "could"})
"""Modal hedges: their whole clause can be the outcome ("a meeting could still happen")."""

FUTURE_HEDGES = frozenset({"will", "would"})
"""Future hedges: an outcome only before an outcome verb ("will sign X", not "will trade away")."""

VERB_ONLY_HEDGES = frozenset({"due", "set"})
"""Hedges that state an outcome only before an outcome verb ("set to sign", not "due to rain")."""

NEGATORS = frozenset({"not", "never", "neither", "nor"})
"""Words that negate the cue after them ("not signed")."""

PASSIVE_AUXILIARY = frozenset({"be"})
"""The auxiliary of a passive outcome after a hedge ("may be signed")."""

RETURN_VERBS = frozenset({"return", "resurface", "reappear"})
"""Verbs of an issue coming back after a modal ("the levy could return at the next summit"):
the clause is a possible outcome."""

READY_WORDS = frozenset(
    {"ready", "operational", "finished", "complete", "running", "operating", "functioning", "live"}
)
"""What an outcome may be after a hedge, as a participle would be ("a report could be ready
by then": the report is the outcome)."""

EMPTY_SUBJECTS = frozenset({"", "and", "but", "also"})
"""What is left of a subject the sentence's opening actor stands for ("…, and may ease visas")."""

TRAILING_ADVERBS = frozenset(
    {"instead", "too", "also", "again", "now", "already", "first", "there", "here"}
)
"""Adverbs between an antecedent and its ", which" clause ("commitments instead, which …")."""

NOT_LABEL_START = frozenset(
    "and but or nor until unless because if since while although though now then how what "
    "whether why where when who whom whose which is are was were in on at by with from into "
    "under "
    "largely only never".split()
)
"""Words no outcome phrase begins with: a conjunction, a question word, a verb, a preposition
("in Hanoi in February 2019", "until that happens", "but never implemented")."""

SHARED_SUBJECT = re.compile(r"(?:but|and)\s+$", re.I)
"""A hedge whose clause shares the subject of the clause before ("X has been proposed but is
not expected to be agreed")."""

SUBJECT_VERB = re.compile(
    r"\s(?:has|have|had|is|are|was|were|will|would|could|may|might|remains?|remained)\b", re.I
)
"""The verb that ends the subject of a clause (for a later clause that shares it)."""

FORESEEN = re.compile(
    r"\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:expected|likely|anticipated|foreseen|planned)\b", re.I
)
"""A forecast after a denied result ("No agreement on X is expected"): unlikely, not refused."""

NEGATED_LABEL = re.compile(r"no\s+(?=\w)", re.I)
"""An outcome phrase that is itself negated: refused when reported ("no venue was agreed"),
unlikely when foreseen ("no commitment will be made", "no deal is expected")."""

BARE_RESULT = re.compile(
    r"(?:(?:final|firm|formal|joint|overall)\s+)?(?:agreement|deal|accord|consensus|decision"
    r"|breakthrough|compromise|progress|understanding)",
    re.I,
)
OBJECT_OF_RESULT = re.compile(r"\s+(?:on|over|about)\s+(?=\w)", re.I)
"""A bare result before its cue and what it was on ("(No) agreement was reached on fisheries
quotas"): the outcome is what it was on."""

LEADING_CONJUNCTION = re.compile(r"(?:and|but|or|so)\s+", re.I)
"""A conjunction before a subject ("and the fund may launch")."""

RELATIVE_SUBJECT = re.compile(r"which\s", re.I)
"""A relative pronoun as subject: the outcome is the noun before it."""


NOT_AN_OUTCOME = re.compile(
    r"\s*(?:to\s+)?(?:be\s+)?(?:(?:hotly|closely|widely|fiercely|heavily|much)\s+)?"
    r"(?:negotiated|discussed|debated|contested|raised|addressed|on\s+the\s+(?:agenda|table)|"
    r"take\s+(?:centre|center)\s+stage|dominate|feature|come\s+up|change|question|debate|"
    r"interpretation|discussion|scrutiny|drawn|comment)\b",
    re.IGNORECASE,
)
"""What follows a hedge when the sentence says what will be *talked about*, not what will
come of it ("likely to be hotly negotiated", "likely to take centre stage", "open to
change"): no outcome (the issue is a topic, which the agenda and heading readers give); nor
is a refusal to talk ("refused to be drawn on …", "declined to comment")."""

# --- positions and stances (positions.py) ----------------------------------------------------

_AUX = r"(?:(?:has|have|had|is|are|was|were|did|does|do|also|still|long|so\s+far|not|never"
_AUX += r"|could|would|will|may|might|to|expected|reportedly|already|again|now|repeatedly"
_AUX += r"|firmly|strongly|openly|publicly|previously|since|would\s+like)\s+)*"

_REFUSED = (
    r"accept|allow|tolerate|approve|sign|recogni[sz]e|cede|concede|surrender|give\s+up|hand\s+over"
    r"|drop|lift|loosen|relax|ease|scrap|abandon|withdraw|budge\s+on|back\s+down\s+on"
    r"|end|stop|halt|reverse|give|pay|sign\s+away|sign\s+up\s+to"
    r"|compromise\s+on|negotiate\s+(?:on|over)|agree\s+to|exempt|waive|cut|reduce|lower"
    r"|extradite|hand\s+back|return|reopen|share|commit\s+to|join"
)
_MODAL_NOT = r"(?:would|will|could|can|did|does|do)\s+not|won[’']t|wouldn[’']t|cannot|can[’']t"
_POSSESSIVE = r"[’']s\s+(?:(?:new|latest|renewed|repeated|long-standing|main|key|central)\s+)?"

STANCE_CUE = re.compile(
    r"\b(?P<neg>(?:not|never)\s+)?(?:"
    r"(?P<seeks>wants|wanted|want|seeks|seek|seeking|sought|hopes\s+to|hope\s+to|hoped\s+to"
    r"|hoping\s+to|pushing\s+for|aims\s+to(?:\s+win)?|aim\s+to(?:\s+win)?|wishes\s+to"
    r"|pushes\s+for|pushed\s+for|push\s+for|lobbying\s+for|lobbied\s+for|lobbies\s+for"
    r"|(?:is|are|was|were)\s+(?:keen|eager)\s+(?:to|on)|asks\s+for|asked\s+for|asking\s+for"
    r"|(?:asks|asked|asking)(?=\s+(?:[\w’'.-]+\s+){1,4}to\s+[a-z])"
    r"|(?:his|her|its|their)\s+(?:(?:renewed|repeated|long-standing)\s+)?(?:push|bid)\s+for"
    r"|pursues|pursued|pursuing|hopes\s+for|hoped\s+for|hoping\s+for|would\s+like(?:\s+to\s+see)?"
    rf"|{_POSSESSIVE}(?:push|bid|quest|drive|hopes?|desire|wish|campaign)\s+(?:for|to)"
    rf"|{_POSSESSIVE}(?:priority|priorities|aim|goal|objective)\s+(?:is|are|was|remains)"
    r"(?:\s+to)?)"
    r"|(?P<demands>demands|demanded|demand|demanding|insists(?:\s+on|\s+that)?"
    r"|insisted(?:\s+on|\s+that)?|insist(?:\s+on|\s+that)?|insisting(?:\s+on|\s+that)?"
    r"|calls\s+for|called\s+for|call\s+for|calling\s+for|pressing\s+for|pressed|presses|press"
    r"|(?<=is\s)pressing|(?<=are\s)pressing|(?<=keep\s)pressing|(?<=kept\s)pressing"
    r"|red\s+line|calls\s+on|called\s+on|calling\s+on|urges|urged|urging|urge"
    rf"|{_POSSESSIVE}(?:demands?|calls?|insistence)\s+(?:for|on|that)"
    r"|(?:his|her|its|their)\s+(?:(?:renewed|repeated|long-standing)\s+)?(?:demands?|calls?)"
    r"\s+for)"
    r"|(?P<rejects>rejects|rejected|reject|rejecting|refuses|refused|refuse|refusing"
    r"|rules\s+out|ruled\s+out|rule\s+out|ruling\s+out|declined\s+to|dismissed|dismisses"
    r"|dismiss|rebuffed|rebuffs|rebuff|balked\s+at|balks\s+at|balk\s+at|turned\s+down"
    r"|turns\s+down|turn\s+down|vetoed|vetoes|veto|unwilling\s+to|reluctant\s+to"
    rf"|(?:{_MODAL_NOT})\s+(?:(?:ever|easily|simply|readily)\s+)?(?:{_REFUSED})"
    r"(?:\s+(?:away|up|off|out|back|down|over))?"
    rf"|{_POSSESSIVE}(?:rejection|refusal)\s+(?:of|to))"
    r"|(?P<offers>offers|offered|offer|offering|ready\s+to|promised|promises|promise|invited"
    r"|invites|pledged|pledges|pledge|pledging|willing\s+to|prepared\s+to"
    rf"|{_POSSESSIVE}(?:offer|pledge|promise)\s+(?:of|to))"
    r"|(?P<proposes>proposes|proposed|propose|proposing|suggested|suggests|floated|floats"
    r"|put\s+forward|puts\s+forward|tabled|pitched|pitches"
    rf"|{_POSSESSIVE}(?:proposal|suggestion)\s+(?:for|to|of|that))"
    r"|(?P<supports>supports|supported|support|supporting|backs|backed|backing|welcomed|welcomes"
    r"|endorses|endorsed|endorse|favours|favoured|favour|favors|favored|favor|champions"
    r"|championed|advocates|advocated|advocating|accepts|accepted|accept|back"
    r"|(?:is|are|remains?|remained)\s+(?:firmly\s+|fully\s+|deeply\s+)?committed\s+to"
    r"|(?:is|are|was|were|be|remains?|remained|seems?|seemed|appears?|appeared)\s+open\s+to"
    r"|signall?ed\s+openness\s+to|signals\s+openness\s+to|in\s+favou?r\s+of"
    rf"|{_POSSESSIVE}(?:support|backing)\s+for)"
    r"|(?P<opposes>opposes|opposed|oppose|opposing|objects\s+to|objected\s+to|object\s+to"
    r"|(?:is|are)\s+against|resists|resisted|resist|resisting|warned\s+against"
    r"|warns\s+against|warn\s+against|condemned|condemns|condemn|critici[sz]ed|critici[sz]es"
    r"|blocked|blocks|blocking|(?:wary|sceptical|skeptical|critical)\s+of"
    rf"|{_POSSESSIVE}(?:opposition|objection|objections|resistance)\s+to))\b"
)
"""A stance verb (its group names the stance of :data:`kg.text.claims.STANCES`): a verb
("rejects", "is pressing for", "calls on"), a refusal ("would not accept", "won't lift"),
or a noun after its actor's possessive ("Seoul's call for", "Tokyo's offer of")."""

STANCE_NEGATED = {"supports": "opposes", "seeks": "opposes", "offers": "rejects"}
"""The stance a negated cue takes ("did not support", "does not want" oppose; "not willing
to", "never offered" reject); other negated cues state none."""

STANCE_LEAD_WORDS = frozenset(
    """
    has have had is are was were did does do also still long so far not never could would will
    may might to expected reportedly already again now repeatedly firmly strongly openly
    publicly previously since like said says it they he she who which and been increasingly
    continues continued continue quietly privately flatly vehemently repeatedly loudly
    ’s 's government officials delegation negotiators side team administration leadership
    leader leaders president premier chancellor prime minister ministers foreign defence
    defense trade finance counterpart envoy envoys diplomats spokesperson spokesman
    spokeswoman authorities representatives camp be seems appears remain remains remained
    keep keeps kept renewed repeated reiterated
    for his her its their part turn meanwhile however too though
    """.split()
)
"""Words that may stand between an actor and its stance verb ("Moscow has long rejected")."""

SEGMENT_BREAK = re.compile(
    r"(?:,\s+|\s+)(?:while|whereas|but)\s+|;\s+|,\s+and\s+(?!to\b)|,\s+with\s+"
    r"|,\s+(?!who\b[^,;.]{0,80},\s)(?!which\b[^,;.]{0,80},\s+(?:(?:has|have|had|also|still|now"
    r"|will|would|is|was)\s+)*(?:[a-z]+ed|sought|wants|seeks|demands|rejects|offers|proposes"
    r"|supports|opposes|insists|refuses|backs)\b)"
    r"(?=(?:which|who|something|an?\s+(?:demand|idea|step|move"
    r"|proposal|plan|request"
    r"|position|offer|call)\b)[^,;]{0,60}\b(?:has|have|had|did|does|is|are|was|were"
    r"|[a-z]+(?:s|ed))\b)"
)
"""Where a sentence's clauses part: "X wants A, while Y wants B", "…, a demand Kyiv rejects";
not at a relative clause closed by a comma before the verb ("X, who arrives on Friday, supports
B"; "X, which joined in 2024, asked for B")."""

ACTOR_ASIDE = re.compile(
    r",\s+(?:who|whose|which|home\s+to|an?|the)\s[^,;]{1,80},\s+(?=(?:(?:has|have|had|is|are"
    r"|was|were|also|still|now|will|would|long|again|so\s+far)\s+)*$)"
)
"""A relative clause or an apposition between an actor and its stance verb ("Tuvalu's Feleti
Teo, who will chair the session, is seeking …", "Sweden, home to the largest deposit, has
offered …"): the actor is the one named before it."""

RELATIVE_LEAD = re.compile(
    r"^(?:which|something|an?\s+(?:demand|idea|step|move|proposal|plan|request|position"
    r"|offer|call))\b\s*"
)
"""A clause that takes the stance of its antecedent ("which Kyiv rejects", "an idea X backs")."""

OBJECT_END = re.compile(
    r",\s+(?:which|who|but|while|a|an|as|such\s+as|something|because|after|before|if)\b"
    r"|,\s+(?:will|would|could|can|may|might|must|should|has|have|had|is|are|was|were|did"
    r"|does)\b"  # an aside closes and its sentence goes on ("X, who pressed for Y, will …")
    r"|\s+(?:but|while|whereas|because)\s+|[;:]|,\s+and\s+|\s+and\s+to\s+|\s+and\s+(?:is|are|has|have|was|said|says)\b|\s+that\s+[a-z]+s\b"
    r"|\s+and\s+(?:also\s+|still\s+)?(?:wants|seeks|backs|supports|rejects|opposes|demands"
    r"|offers|proposes|insists|urges|refuses|calls|would|will|could|hopes|fears|warns|wanted"
    r"|sought|backed|supported|rejected|opposed|demanded|offered|proposed|insisted|urged"
    r"|refused|called|hoped|feared|warned|for\s+what)\b"
    r"|\s*[.!?]$"
)
"""Where the object of a stance verb ends: a clause, a comma's "and", a second verb of the
same subject ("rejects the current split and wants a bigger share": two stances)."""

OBJECT_LEAD = re.compile(r"(?:that\s+|on\s+|for\s+|to\s+(?=(?:the|a|an|any|its|their)\b)|with\s+)")
"""What opens an object before its phrase: "insists on …", "calls for …", "that …"."""

INFINITIVE = re.compile(
    r"(?:[^\s,;]+\s+){0,4}?to\s+(?!(?:the|an?|its|their|his|her|this|these|those)\s)"
    r"[a-z]+(?:-[a-z]+)?\s+"
    r"(?:(?:up|down|out|off|back|away)\s+)?"
)
"""An object "India to cut …", "European help to monitor …": what precedes the action's object."""

CLAUSE_SUBJECT = re.compile(
    r"(?:the\s+|a\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s+[a-z]+\s+"
    r"(?:(?:up|down|out|off|back|away)\s+)?"
)
"""The subject and verb of a reported demand: "(that) Ukraine withdraw …", "China curb …"."""

RELATIVE_PERSON = re.compile(r"who\b")
"""A relative clause about a person just named: "…, who said he had hoped to …"."""

LAST_INFINITIVE = re.compile(r"\bto\s+[a-z]+\s+")
"""An infinitive whose object a relative clause's antecedent is ("urged X to provide …")."""

OBJECT_PURPOSE = re.compile(r"\s+to\s+(?!the\b|an?\b)[a-z]+\b")
"""A purpose clause after an object ("the Agreement to cover data flows"), cut from its topic."""

VERB_WORD = re.compile(r"[a-z]+\s+(?:(?:up|down|out|off|back|away)\s+)?")
"""The verb opening an object after "hopes to", "is ready to": "send …", "crack down on …"."""

OBJECT_PREPOSITION = re.compile(r"(?:from|on|for|with|in|to|of|over|about|into|against)\s+")
"""A preposition left at the start of an object once its verb is cut."""

HEAD_OF = re.compile(
    r"^(?:(?:the|a|an|any|its|their|large|new|more|greater|further|full|partial)\s+)*"
    r"(?:rest|removal|resumption|purchases|purchase|reform|lifting|easing|end|return|relief"
    r"|review|expansion|extension|pause|halt|cap|ban|part|share|supply|supplies|delivery"
    r"|deliveries)\s+(?:of|on|from)\s+"
    r"|^(?:(?:the|a|an|any|new|fresh|further|formal|direct)\s+)*(?:idea|prospect|possibility"
    r"|notion|question|issue|talks|negotiations|dialogue|discussions)\s+(?:of|on|over|about)\s+"
    r"|^(?:(?:an?|the|any)\s+)?(?:end|halt|stop)\s+to\s+"
    r"|^(?:(?:an?|the|any)\s+)?(?:link|linkage|connection)\s+between\s+"
    r"|^(?:(?:an?|the|any|clear|new|credible)\s+)*(?:road\s*map|timetable|timeline|path"
    r"|transition)\s+(?:away\s+from|towards?|for|to)\s+"
    r"|^(?:(?:some|about|nearly|almost|up\s+to|more\s+than)\s+)?(?:[$€£]\s?)?\d[\d.,]*\s*"
    r"(?:bn|billion|million|trillion|m)?(?:\s+(?:euros|dollars|yen|pounds))?\s+(?:to|for)\s+"
)
"""A generic head before what a stance is about: "the rest of …", "a pause on …"."""

AWAY_FROM = re.compile(
    r"^(?:(?:the|a|an|any|full|complete|phased|partial|swift|immediate)\s+)*"
    r"(?:withdrawal|pull-?out|retreat|exit|expulsion)\s+(?:of\s+[^,;:]{1,60}?\s+)?from\s+"
    r"(?=\S)"
)
"""A leaving before the place a stance is about: "a withdrawal of Ukrainian forces from
(the Donetsk region)", as "(insists that Ukraine) withdraw from (the Donetsk region)"."""

LABEL_END = re.compile(
    r"\s(?P<prep>between|along|in|to|from|by|at|during|within|under|against|via|near|across"
    r"|since|until|before|after|as|if|because|while|than|so|unless|whereas)\s"
    r"|\s(?P<clause>that|which|who|whose|where|when|how|whether|what)\s"
    r"|\s(?P<verb>could|may|might|would|will|should|must|can|is|are|was|were|be|been|has"
    r"|have|had|went)\s"
    r"|(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bits)(?<!\btheir)(?<!\bof)\s[a-z]{3,}ing\s+"
    r"(?=(?:the|an?|its|their|his|her|this|these|those|up|down|out|off|back|away)\b|[A-Z\d])"
    r"|\s(?:[a-z]{3,}ed|held|made|built|kept|given|taken|paid|sent|run|won|sold|bought)\s+"
    r"(?=(?:by|in|at|from|with|against|over|under|since|during|last|earlier|to|for|on)\b)"
    r"|\s(?:and|but)\s+(?:an?|the|its|their|his|her)\s|\s(?:and|but)\s+[a-z]{3,}ed\b"
    r"|(?P<punct>\s*(?:(?<!\d),|,(?!\d)|[;:(])|\s[\"“](?=\S)|\s[-–—]\s)"
)
"""Where the issue in a position's object ends, for its label: a preposition of place, time
or condition (not "of", "on", "for", "with": "a hotline for fishing boats", "direct talks
with the M23"), a clause, a verb, a participle with its own object or agent ("fentanyl
precursors reaching Mexico" → fentanyl precursors), a comma (not one inside a number: "a
1,000-megawatt cable"). A gerund before a noun stays
("a fair wheeling charge", "a regional policing initiative")."""

LABEL_IN_COMPLEMENT = frozenset(
    "investment investments stake stakes participation involvement interest cut cuts "
    "increase increases reduction reductions rise fall trade".split()
)
"""Nouns whose "in" names what they are about, not a place: "Chinese investment in ports"
stays whole."""

LABEL_ROUTE = re.compile(r"\sfrom\s[^,;:]{1,40}?\sto\s+(?:the\s+)?\S+")
"""A route or range inside an issue ("a new high-voltage line from Dhalkebar to the border"):
it stays."""

LABEL_VAGUE = frozenset(
    "idea role proposal plan step move help support way path progress issue issues matter "
    "things details points terms date timetable timeline deadline solution right rights say "
    "share part voice seat place stake language means guarantee guarantees commitment "
    "reference references mention change changes link linkage access acceptance return "
    "lifting end withdrawal transfer recognition".split()
)
"""Heads that need what follows them to name an issue ("a faster timetable for the ASEAN
Power Grid", "a greater say at the IMF"): a label is not cut just after them."""

BARE_AMOUNT = re.compile(
    r"(?:(?:some|about|nearly|almost|up\s+to|more\s+than|over|at\s+least)\s+)?"
    r"(?:[A-Z]{0,2}[$€£¥]\s?)?\d[\d.,]*\s*(?:%|per\s*cent|percent|bn|billion|million"
    r"|trillion|m|tonnes|tons|barrels)?(?:\s+(?:euros|dollars|yen|pounds|yuan|rupees))?"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?"
    r"|millions?|billions?)",
    re.I,
)
"""An amount alone ("$3 billion", "5%", "two"): what a stance offers, not an issue."""

BARE_PRONOUN = re.compile(
    r"(?:him|her|them|us|me|you|it|this|that|these|those|one|ones|both|either|neither|all"
    r"|each|everything|anything|something|nothing|some|any|none|more|much|less|so|too)",
    re.I,
)
"""A pronoun or quantifier alone ("both", "everything"): no label of a position's own."""


LIGHT_OBJECT = re.compile(
    r"(?:more|much\s+more|everything|(?:further\s+|concrete\s+)?steps|action)\s+to\s+[a-z]+\s+"
    r"(?:(?:up|down|out|off|back|away)\s+)?"
)
"""A light verb's object before the action that is the stance's object: "(press X to do)
more to stop …", "(to take) steps to curb …"."""

COORDINATED_ACTION = re.compile(
    r",?\s+and\s+(?:to\s+)?(?:lift|ease|end|cut|reduce|remove|stop|halt|drop|scrap|curb"
    r"|restrict|loosen|relax|raise|increase|boost|expand|extend|keep|allow|open|reopen|buy"
    r"|sign|resume|restore|release|withdraw|recogni[sz]e|accept|provide|supply|send|deliver"
    r"|fund|finance|guarantee|protect|secure|build|invest\s+in|join|address|tackle|resolve"
    r"|settle|freeze|unfreeze|suspend|limit|ban|approve|back|support|share|commit\s+to)\s+"
)
"""A second action in one object ("to lift tariffs and ease controls on chips"): two
positions, one on each action's object."""

COORDINATED_OBJECT = re.compile(r",?\s+and\s+(?=(?:an?|the|its|their|any)\s)")
"""A second noun phrase in one object ("the removal of X and a pause on Y")."""

UNDOING_VERB = re.compile(
    r"(?:lift|drop|end|scrap|remove|withdraw|abandon|cancel|halt|stop|suspend|ease|relax"
    r"|loosen|cut|reduce|lower|reverse|repeal|revoke|waive|phase|slow|delay|postpone|pause"
    r"|limit|curb|restrict|ban|block|freeze|close|shut|abolish|dismantle|leave|quit|exit)"
    r"\s+(?:out\s+|back\s+|down\s+)?",
    re.IGNORECASE,
)
"""Verbs that undo or hold back their object ("lift its objections", "end the blockade",
"slow the filling of the reservoir"): kept in a stance's label, where dropping them would
turn the stance around ("refuses to lift its objections" is no stance against objections);
the topic is the object without them."""

UNDOING_HEAD = re.compile(
    r"(?:(?:the|a|an|any|full|partial|complete|immediate|gradual|phased|swift|temporary"
    r"|permanent)\s+)*(?:removal|lifting|easing|end|pause|halt|cap|ban|freeze|suspension"
    r"|moratorium|stop|repeal|rollback|cut|cuts|reduction)\s+(?:of|on|to|in)\s+",
    re.IGNORECASE,
)
"""A noun head that undoes what follows ("the lifting of UN sanctions", "an end to the
exercises"): kept in a stance's label, as an undoing verb is."""

PROPOSAL_ANAPHOR = re.compile(
    r"(?:the|this|that|such\s+an?)\s+(?:(?:latest|new|same|whole|entire)\s+)?(?:idea|plan"
    r"|proposal|scheme|offer|initiative|arrangement|suggestion|notion|concept|request)"
    r"(?:\s+(?:in\s+principle|outright|for\s+now|so\s+far|entirely))?",
    re.IGNORECASE,
)
"""An object that only refers back to a proposal ("opposes the idea", "backs the plan in
principle")."""
PROPOSAL_ANAPHOR_END = re.compile(r"\s*(?:$|[,;]|(?:and|but|as|because|saying)\b)")
"""What may follow a proposal anaphor in its object ("the idea, saying it …")."""

PASSIVE_BEFORE = frozenset("be been being is are was were".split())
"""A word before a participle cue that makes it passive ("has been invited"): no stance of
the subject's."""

ADJECTIVAL_CUES = frozenset({"opposed"})
"""Participle cues that state their subject's stance after "is" ("Tokyo is opposed to …")."""

POSITION_ISSUE_END = re.compile(
    rf"\s(?:{_ISSUE_END_WORDS}|had|went|while|than|until|so|and\s+(?:an?|the|its|their))\s"
    r"|\s(?<![\s](?:on|of|in|to)\s)(?<![\s](?:for|off)\s)"
    r"(?!(?:on|of|meeting|funding|spending|financing|peacekeeping|training|shipping|fishing"
    r"|mining|dumping|building|trading|lending|pricing|licensing|processing|refining"
    r"|fighting|shelling|bombing|housing|warming|offering|hearing|opening|signing|ceiling"
    r"|understanding|wording|standing)\b)[a-z]+ing\b"
    r"|\s[a-z]{3,}ed\s+(?=(?:by|in|at|from|with|against|over|under|since|during|last"
    r"|earlier)\b)|\s(?!(?:need|seed|speed|feed|greed|breed|creed)$)[a-z]{3,}ed$|,",
)
"""Where the issue of a position's object ends: a preposition of place or purpose, a clause,
a verb or participle after a noun ("fentanyl precursors reaching Mexico" → fentanyl
precursors; "a freeze went unanswered" → a freeze)."""

POSITION_MODIFIERS = re.compile(
    r"^(?:(?:an?|the|any|some|all|their|its|his|her|new|broader|broad|limited|joint|full"
    r"|formal|final|first|possible|potential|so-called|long-term|wider|more|further|greater"
    r"|tighter|stronger|cheaper|easier|faster|higher|lower|binding|legally\s+binding|firm"
    r"|clear|concrete|immediate|swift)\s+){1,4}",
    re.I,
)
"""Determiners and evaluative adjectives before a position's issue ("a binding code of
conduct" → code of conduct)."""

BARE_ISSUE_HEADS = (
    LABEL_VAGUE
    | BARE_VAGUE
    | frozenset(
        "ban deal declaration statement delegation fund processing response such review study "
        "request demand offer call decision agreement".split()
    )
)
"""Nouns that name no issue when a stance's object is the noun alone ("rejects the ban",
"wants a date"): the position takes the section's topic, not one of its own."""

POSITION_VAGUE = frozenset(
    "idea role proposal plan step move help support way path progress issue issues matter "
    "things details points terms it them this".split()
)
"""Heads too vague to be a position's own topic ("the idea", "a stronger role")."""

PRONOUN_OBJECT = re.compile(r"(?:him|her|them|us|me|you|it)\b.{0,40}")
"""An object that is a person or a pronoun first ("invited him to Beijing"): no issue."""

# --- concerns and recommendations (items.py) -------------------------------------------------

ITEM_LEAD = re.compile(
    r"(?:(?:of|about|over|that)\s+)?(?:(?:the|a)\s+(?:risk|danger|possibility|prospect)\s+that"
    r"\s+)?(?<=\s)(?=\S)",
    re.IGNORECASE,
)
"""A preposition or "that" left before a concern's content ("warn of the danger …"), and a
risk named before its clause ("warned of a risk that X would …": X would …)."""

CONCERN_CIRCUMSTANCE = re.compile(
    r",?\s+(?:if|unless|as|before|until|once)\s+|,\s+(?:leaving|forcing|making|putting|sending"
    r"|prompting)\s+",
    re.IGNORECASE,
)
"""Where a concern's circumstance begins, which its label leaves out ("X could derail the
talks, as such rows have done before", "… stalls, leaving the bloc's biggest project …")."""

NO_COMMENT = re.compile(r"\s*(?:to\s+)?(?:be\s+drawn|comment|elaborate)\b")
"""A refusal to talk after a stance verb, no stance on what it names ("refused to be drawn
on the lease")."""

ITEM_CIRCUMSTANCE = re.compile(
    r",\s+(?:leaving|forcing|making|putting|sending|prompting)\s+"
    r"|,\s+as\s+(?:they|it|he|she|we|such|in)\s",
    re.IGNORECASE,
)
"""Where a risk item's circumstance begins ("Judges could block transfers again, as they did
in 2024, leaving the centres empty"): only after a comma, since an item is no sentence whose
cue tells where its concern is ("the framing of the meeting as a bloc")."""

RELATIVE_OPENING = re.compile(r"(?:whose|which|who|whom|where|when)\b", re.IGNORECASE)
"""A span that opens with a relative word continues a noun before the cue: no concern."""

CONCERN_CUE = re.compile(
    r"\b(?:(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)(?:fears?|feared|worry|worries|worried|warns?"
    r"|warned|caution(?:s|ed)?)"
    r"(?:\s+(?:that|over|about))?"
    r"|(?:warned|feared|worried|cautioned)\s+that"
    r"|accus(?:es|ed|ing)\s+(?!that\b)[^,;]{1,60}?\s+of|(?:risk|danger)\s+(?:is\s+)?that"
    r"|complain(?:s|ed)?\s+(?:of|about)|risks?\s+of|raised\s+the\s+risk\s+that"
    r"|(?i:there)\s+(?:is|are|was|were)\s+(?:also\s+)?(?:a\s+|some\s+)?(?:growing\s+|real\s+)?"
    r"(?:risk|worry|worries|concern|concerns|fear|fears|danger)\s+(?:[\w’'-]+\s+){0,4}?that"
    r"|(?:concerns?|concerned)\s+(?:that|over|about)|(?:is|are)\s+a\s+threat\s+to"
    r"|(?:the\s+)?sticking\s+point\s+(?:is|was|remains)"
    r"|expressed\s+(?:[\"“]?[a-z]+\s+)?concerns?[\"”]?\s+(?:over|about|at))"
    r"\s+"
)
"""A concern cue whose content follows: "analysts fear (that) …", "senators have warned that
…", "… expressed (“serious”) concern over …", "the danger is that …", "the greater the risk
that …", "critics accused X of …"."""

CONCERN_IN_PLACE = re.compile(
    r"\b(?:could|may|might|would|will)\s+(?:derail|undermine|torpedo|block|overshadow"
    r"|jeopardi[sz]e|complicate|hurt|scupper|collapse)\b"
    r"|\b(?:risks?)\s+(?=[a-z]+ing\b)|\bremains?\s+(?:unclear|uncertain|unresolved)\b"
)
"""A concern stated in place: "… could derail the talks", "financing remains unclear"."""

CONCERN_SUBJECT = re.compile(
    r"\s+(?:(?:remains?|remained|is|are|was|were)\s+(?:still\s+)?(?:a|the)\s+(?:[a-z]+\s+)?"
    r"(?:sticking\s+point|concern|worry|risk|threat"
    r"|obstacle|stumbling\s+block|problem)\b|(?:has|have|had)\s+(?:long\s+|also\s+)?(?:worried"
    r"|alarmed|concerned|unsettled|troubled)\b)"
)
"""A concern named before its cue: "its financing remains a sticking point", "Tension in the
north is a further risk", "A backlash is a genuine risk", "Chinese-built links have worried
intelligence agencies"."""

CONCERN_SUBJECT_START = re.compile(
    r"(?:^|[,;:]\s+|\b(?:though|although|but|while|whereas|and|that|because)\s+)", re.I
)
"""Where the subject of :data:`CONCERN_SUBJECT` begins (the last match before the cue)."""

CONCERN_WARNING = re.compile(r"\bwarned\s+(?P<whom>[^,;]{1,80}?)\s+not\s+to\s+")
"""A warning to someone not to act: "warned Kyiv not to torpedo it"."""

RECOMMEND_CUE = re.compile(
    r"\b(?:should|must|ought\s+to|needs\s+to)\s+"
    r"(?!be\b|have\s+been\b|not\b|expect\b|anticipate\b|assume\b)"
    r"|\b(?:urged?|urges|urging|called\s+on|calls?\s+on|recommended|recommends?)"
    r"\s+(?P<whom>[^,;]{1,60}?)\s+to\s+(?!be\b)"
    r"|\brecommend(?:s|ed)?\s+(?:that\s+)?"
)
"""A recommendation cue: "… should …", "urged allies to …", "called on X to …"; not "should
expect" (a forecast)."""

ITEM_END = re.compile(
    r",\s+(?:which|who|but|while|such\s+as|something|because|said|says|according|analysts"
    r"|officials|observers|experts|diplomats)\b|,?\s+(?:but|while|whereas)\s+|;|,\s+and\s+"
    r"|\s+and\s+(?:some|many|several|others|analysts|observers)\b|\s*[.!?][\"'”’]*$"
    r"|\s+(?:so\s+that|rather\s+than|at\s+a\s+time\s+when)\s|:\s|,\s+[\"“]"
    r"|,\s+(?:closed|opened|signed|held|set|made)\s|\s+and\s+(?:called|urged|said|warned|asked)\s"
    r"|[,.!?]?[\"”]\s*,?\s+(?=[a-z]|(?:an?|the|one|his|her|their)\s)"
    r"|,\s+(?:in\s+line\s+with|in\s+keeping\s+with|citing|using|echoing|with|though|even\s+as"
    r"|as\s+(?:the|a|an|it|they)|if|unless|when)\s"
    r"|\s+(?=(?:under|in\s+line\s+with|in\s+keeping\s+with)\s+(?:the\s+)?[A-Z])"
)
"""Where a concern's or a recommendation's content ends (also where a quotation closes
before its attribution: '… on Wednesday," a Turkish official said', before a comment on
it: ", in line with …", before a circumstance: ", with smaller members reluctant …", ",
though …", ", if …", and before the named text it invokes: "… promised under the Paris
Agreement")."""

ITEM_PRONOUN = re.compile(r"^(?:they|it|he|she)\s+(?=(?:could|may|might|would|will|can)\b)", re.I)
"""A pronoun subject dropped from a concern ("they could raise tensions" → "could raise …")."""

CONCERN_AND_THAT = re.compile(r",?\s+and\s+that\s+(?=\S)")
"""A second reported concern after the first: "warned that A, and that B"."""

CONCERN_LIST = re.compile(r":\s+(?P<items>[^:;]{3,200}?)\s*[.!?]?$")
"""The things a concern names in a list after it: "… the same obstacles: A, B and C."."""

CONCERN_ASIDE = re.compile(
    r"^(?P<subject>[^,]{3,80}?)(?:,\s+[^,]{3,90},|\s+(?:that|which|who)\s+[^,]{3,80}?)"
    r"\s+(?=(?:could|may|might|would|will|can|is|are|was|were|has|have|lets?)\s)"
)
"""An aside between a concern's subject and its verb, dropped from its label ("A dispute
over the pipeline that runs to the coast could derail …", "the rule, in place since 1967,
lets …")."""

CONCERN_BE = re.compile(r"^(?P<subject>.{3,80}?)\s+(?:would|could|will|might)\s+be\s+(?:an?|the)\s")
"""A concern whose verb only judges its subject: "an oil spill would be a disaster" → "an
oil spill"."""

CONCERN_REPORTER = re.compile(
    r"(?:(?:some|many|most|other|the)\s+)?[a-z]+\s+(?:say|said|says|warn|warned|argue|argued"
    r"|believe|believed|fear|feared)\s+(?:that\s+)?(?=\S)"
)
"""Who reported a concern, before it: "analysts say A risks losing traffic" → A …."""

RECOMMEND_END = re.compile(
    r",?\s+(?:unless|once|where|which)\s|,\s+or\s"
    r"|(?<!ensure)(?<!sure)(?<!say)(?<!insist)(?<!accept)(?<!agree)(?<!show)\s+that\s"
)
"""Where a recommended action ends before its circumstances: "fund crop substitution where
…", "repair canals that lose …", "act now, or …" (not before a deadline: "before the
summit" is part of it)."""

CONCERN_SPLIT = re.compile(r"\s+and\s+(?=(?:its|their|his|her|the)\s)")
"""Two concerns in one object: "X's restrictions and its support for …"."""
