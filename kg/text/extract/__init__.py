"""Document blocks → claims: roles of table columns and lists, likelihood, entities.

Rules, in short:

* A table's first column is the row's subject: its topic, whatever its header
  says ("Area of Focus" holds topics), unless the header names actors
  ("Country", "Delegation", "Stakeholder": the rows are about those actors),
  dates ("Date", "Timeline") or keys (a two-column key/value table, read as
  the summit's name, host, dates, venue and participants).
* Other columns get a role from their header's head word (the last keyword,
  or the one before "of"): outcome, focus area/objective, significance,
  topic, actor, position ("Stated Position"; "U.S. Position" and
  "Washington's Aim" name their actor), concern ("Key Risk"),
  recommendation, timeline, likelihood, status. Any other column is kept as
  a raw cell, never dropped.
* An outcome's likelihood comes from its cell when the cell opens with a hedge
  ("Possible relaxation…"), else from a likelihood or status column of the
  row, else from the column header ("Likely Outcome"), else from the table's
  intro sentence; the header's hedge is recorded too when it differs. "—",
  "TBD" and "N/A" cells state no outcome (kept as raw cells).
* A list's role comes from the sentence that introduces it or else from its
  section heading: the cue that comes first wins ("Key strategic concerns
  include:" → concerns; "Some of the potential implications include:" →
  outcomes, with the intro's hedge).
* Actors come from the gazetteer; people a document introduces with a title
  ("Foreign Minister Anna Berg", "ambassador Jonas Lund") and names in actor
  columns or actor lists become new actors, found again by surname.
* Topics merge by a key: the label lower-cased without a leading gerund or a
  trailing generic noun ("Reevaluating arms control", "Arms Control" and
  "arms control frameworks" share the key ``arms-control``).

Every label extraction gives occurs in the clean view of its source block.

Examples:
    >>> concept_key("Reevaluating arms control")
    ('arms-control', 'Arms Control')
    >>> hedge_of("Possible relaxation or reinforcement")
    (<Likelihood.POSSIBLE: ('Possible', 1)>, 'Possible')
    >>> column_role("Washington's Aim"), column_role("Key Risk"), column_role("Notes")
    ('focus', 'concern', 'note')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.text.claims import (
    Claims,
    ConceptClaim,
    Entity,
    ItemClaim,
    Likelihood,
    OutcomeClaim,
    PositionClaim,
    SummitClaim,
)
from kg.text.document import (
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
)
from kg.text.gazetteer import Gazetteer
from kg.text.lexicon import MINOR_WORDS
from kg.text.normalize import content_hash, slug, strip_invisible

__all__ = ["HEDGES", "column_role", "concept_key", "extract", "focus_key", "hedge_of", "list_role"]

HEDGES: dict[str, Likelihood] = {
    **dict.fromkeys(
        ["possible", "potential", "prospective", "could", "may", "might", "possibly"],
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
}
# words only a likelihood column uses ("Likelihood | High")
_LEVELS: dict[str, Likelihood] = {
    "high": Likelihood.LIKELY,
    "medium": Likelihood.POSSIBLE,
    "moderate": Likelihood.POSSIBLE,
    "low": Likelihood.UNLIKELY,
}
# phrases of an intro sentence that set the likelihood of a list's items
_INTRO_HEDGES: tuple[tuple[re.Pattern[str], Likelihood], ...] = (
    (
        re.compile(r"\b(set to|poised to|plans? to|slated to|due to)\b", re.I),
        Likelihood.ANTICIPATED,
    ),
    (re.compile(r"\b(would)\b", re.I), Likelihood.POSSIBLE),
)
_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("outcome", r"outcomes?|results?|deliverables?|agreements?|commitments?"),
    ("significance", r"significance|implications?|ramifications?|impacts?|importance|stakes"),
    (
        "concern",
        r"risks?|challenges?|obstacles?|concerns?|sticking points?|threats?|what to watch"
        r"(?: out for)?|pitfalls?|frictions?|red flags?|worries",
    ),
    ("recommendation", r"recommendations?|recommended(?: actions?)?|policy options?|advice"),
    ("likelihood", r"likelihood|probability|chances?|odds|confidence"),
    ("status", r"status|progress|state of play"),
    ("timeline", r"timelines?|time ?frames?|dates?|phases?|next steps|deadlines?|when|timing"),
    (
        "actor",
        r"actors?|stakeholders?|players?|leaders?|countries|country|nations?|delegations?|"
        r"parties|party|participants?|governments?|states|who|signator(?:y|ies)|members?|"
        r"negotiators?|envoys?|representatives?|officials?|spokes(?:man|woman|person)",
    ),
    ("position", r"positions?|stances?|views?|demands?|red lines?"),
    (
        "topic",
        r"topics?|issues?|agenda items?|agenda|areas?|sectors?|themes?|pillars?|domains?|"
        r"subjects?|questions?",
    ),
    (
        "focus",
        r"focus|objectives?|goals?|aims?|priorit(?:y|ies)|approach(?:es)?|targets?|desired|"
        r"hopes|tactics?|interests?",
    ),
    ("note", r"notes?|comments?|remarks?"),
)
_ROLE_RES = tuple((role, re.compile(rf"\b(?:{words})\b")) for role, words in _ROLE_WORDS)
_KEY_HEADERS = frozenset(
    "key aspect characteristic characteristics item field category attribute parameter "
    "feature element fact facts detail".split()
)
_VALUE_HEADERS = frozenset(
    "value values details description information info specifics data".split()
)
_META_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = (
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
_GENERIC_TAIL = frozenset({"framework", "frameworks", "policy", "policies"})
_ING_NOUNS = frozenset(
    "banking building clothing dumping farming financing fishing funding housing "
    "manufacturing mining offshoring peacekeeping policing shipping spending trafficking "
    "training warming".split()
)
_LIST_ROLE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
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
_HELD_CUES = re.compile(
    r"\b(held|met|hosted|concluded|took place|wrapped up|ended)\b", re.IGNORECASE
)
_SCHEDULED_CUES = re.compile(
    r"\b(set to|will|scheduled|plans? to|planned|upcoming|ahead of|next (week|month|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|due to)\b",
    re.IGNORECASE,
)
_ADDRESS_CUE = re.compile(r"^\W*(must|should|need to|needs to|ought to)\b", re.IGNORECASE)
_EMPTY_CELLS = frozenset({"", "—", "–", "-", "tbd", "tba", "n/a", "na", "none", "unknown", "?"})
_ITEM_END = re.compile(r"(?:\s*[;,]\s*(?:and|or)?|(?<=[.!?])\s+\d{1,3}[smhd])\s*$")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")

# --- people a document introduces -------------------------------------------------------------

_TITLES = (
    r"(?:(?:Deputy|Vice|Former|Acting|Prime|Foreign|Defen[cs]e|Finance|Trade|Interior|"
    r"Economy|Energy|Chief|Senior|Special|Top|Presidential|Kremlin|White House|State "
    r"Department|Pentagon|Russian|Ukrainian|Chinese|American|U\.S\.|European|NATO|EU|UN)\s+)*"
    r"(?:President|Prime Minister|Premier|Chancellor|Minister|Secretary-General|Secretary "
    r"General|Secretary of State|Secretary of Defen[cs]e|Secretary|Ambassador|ambassador|"
    r"Envoy|envoy|[Aa]ide|[Aa]dvis[eo]r|[Ss]pokes(?:man|woman|person)|Senator|Sen\.|"
    r"Representative|Rep\.|Governor|Gov\.|Mayor|King|Queen|Crown Prince|Prince|Emir|Sheikh|"
    r"General|Gen\.|Admiral|Adm\.|Commissioner|Dr\.|Professor|Prof\.|[Nn]egotiator|"
    r"[Dd]iplomat|[Oo]fficial|[Mm]inister|Mr\.|Ms\.|Mrs\.)"
)
_TITLE_RE = re.compile(rf"(?<![\w-]){_TITLES}(?=\s)")
_NAME_TOKEN = re.compile(r"\s+([^\W\d_][\w’'.-]*)")
_PARTICLES = frozenset("da de del der van von bin al el la le di dos du ben".split())
_NOT_NAMES = frozenset(
    """The A An This That These Those His Her Their Its Our Of On In At For And Or But To
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Assembly Council Office Ministry
    Department Committee Commission Summit Meeting Talks Administration Government House
    Palace Conference Forum Agreement Treaty Staff Party Union Bank Fund Organization
    Organisation Day Week Year Plan Program Programme Initiative Press Statement Declaration
    Elect Emeritus Who Which When While After Before During Has Had Was Is Will""".split()
)
_ORG_WORDS = re.compile(
    r"\b(council|union|organi[sz]ation|alliance|bank|fund|forum|group|agency|ministry|"
    r"commission|committee|association|institute|secretariat|coalition|bloc|company|"
    r"corporation|parliament|congress|senate|assembly|court|party|office|department)\b",
    re.I,
)
_STATE_HINT = re.compile(r"\b(countr\w*|nations?|states?|delegations?|governments?)\b", re.I)
_PERSON_HINT = re.compile(r"\b(leaders?|president|minister|person|envoys?|heads?)\b", re.I)


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    role: str
    actors: tuple[Entity, ...] = ()


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


def _fallback_key(label: str) -> str:
    return "x" + content_hash(strip_invisible(label))[:12]


@lru_cache(maxsize=4096)  # pure, and asked again for every row and mention
def concept_key(label: str) -> tuple[str, str]:
    """The merge key and preferred label of a topic named ``label``.

    Drops a leading gerund ("Reevaluating") and a trailing generic noun
    ("frameworks", "policy") when other words remain. Nouns ending in -ing
    ("Shipping lanes") are kept.

    Examples:
        >>> concept_key("Sanctions Policy")
        ('sanctions', 'Sanctions')
        >>> concept_key("U.S. trade")
        ('u-s-trade', 'U.S. Trade')
        >>> concept_key("Search and Rescue")
        ('search-and-rescue', 'Search and Rescue')
    """
    words = _words_of(label)
    first = words[0].lower() if words else ""
    if len(words) > 1 and first.endswith("ing") and len(first) > 5 and first not in _ING_NOUNS:
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in _GENERIC_TAIL:
        words = words[:-1]
    key = slug(" ".join(words)) or _fallback_key(label)
    return key, " ".join(_display_word(w, i == 0) for i, w in enumerate(words))


@lru_cache(maxsize=4096)  # pure, and asked again for every row and mention
def focus_key(label: str) -> tuple[str, str]:
    """The merge key and preferred label of a focus area: its words, first letter capitalised.

    Examples:
        >>> focus_key("catch data sharing")
        ('catch-data-sharing', 'Catch data sharing')
    """
    words = _words_of(label)
    key = slug(" ".join(words)) or _fallback_key(label)
    if words:
        words[0] = words[0][:1].upper() + words[0][1:]
    return key, " ".join(words)


def hedge_of(text: str, *, anywhere: bool = False) -> tuple[Likelihood, str] | None:
    """The likelihood a hedge word gives ``text`` and the word itself.

    Only the first word counts unless ``anywhere`` is true (used for headers).

    Examples:
        >>> hedge_of("Likely Outcome", anywhere=True)
        (<Likelihood.LIKELY: ('Likely', 2)>, 'Likely')
        >>> hedge_of("Improved security with potential mistrust") is None
        True
    """
    words = re.findall(r"[^\W\d_]+", text)
    for word in words if anywhere else words[:1]:
        found = HEDGES.get(word.lower())
        if found is not None:
            return found, word
    return None


def _intro_hedge(text: str | None) -> tuple[Likelihood, str] | None:
    """The hedge of a list's or table's intro sentence (its last sentence), anywhere in it."""
    if not text:
        return None
    last = _SENTENCES.split(text.strip())[-1]
    found: list[tuple[int, Likelihood, str]] = []
    for match in re.finditer(r"[^\W\d_]+", last):
        hedge = HEDGES.get(match.group(0).lower())
        if hedge is not None:
            found.append((match.start(), hedge, match.group(0)))
            break
    for pattern, likelihood in _INTRO_HEDGES:
        phrase = pattern.search(last)
        if phrase:
            found.append((phrase.start(), likelihood, phrase.group(0)))
    if not found:
        return None
    _, likelihood, word = min(found, key=lambda f: f[0])
    return likelihood, word


def _level_of(text: str) -> tuple[Likelihood, str] | None:
    """A likelihood column's cell: a hedge word anywhere, or High/Medium/Low."""
    found = hedge_of(text, anywhere=True)
    if found is not None:
        return found
    for word in re.findall(r"[^\W\d_]+", text):
        level = _LEVELS.get(word.lower())
        if level is not None:
            return level, word
    return None


@lru_cache(maxsize=4096)  # pure, and asked again for every row and mention
def column_role(header: str, index: int = 1) -> str:
    """The role of a table column from its header's head word.

    Column 1 (``index=0``) is the subject: ``actor``, ``timeline`` or ``topic``.

    Examples:
        >>> [column_role(h) for h in ("Expected Outcome", "Focus Area", "Outcome Likelihood")]
        ['outcome', 'focus', 'likelihood']
        >>> column_role("Area of Focus", 0), column_role("Delegation", 0)
        ('topic', 'actor')
    """
    low = " ".join(header.lower().replace("’", "'").split())
    head = low.split(" of ")[0] if " of " in low else low
    role = "other"
    if re.search(r"\bfocus areas?\b", head):
        role = "focus"
    elif re.search(r"\bwhy it matters\b", head):
        role = "significance"
    else:
        best: tuple[int, int] | None = None
        for name, pattern in _ROLE_RES:
            for match in pattern.finditer(head):
                rank = (match.end(), match.end() - match.start())
                if best is None or rank > best:
                    best, role = rank, name
        if role == "significance" and "impact" in head and hedge_of(header, anywhere=True):
            role = "outcome"
    if index == 0:
        return role if role in ("actor", "timeline") else "topic"
    return role


def list_role(intro: str | None, heading: str | None) -> str | None:
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
        sentences = _SENTENCES.split(intro.strip())
        role = _first_cue(sentences[-1])
        if role is not None:
            return role
    if heading:
        return _first_cue(heading)
    return None


def _first_cue(text: str) -> str | None:
    best: tuple[int, int] | None = None
    chosen: str | None = None
    for role, pattern in _LIST_ROLE_CUES:
        match = pattern.search(text)
        if match:
            rank = (match.start(), -(match.end() - match.start()))
            if best is None or rank < best:
                best, chosen = rank, role
    return chosen


def _split_values(cell: str) -> list[str]:
    parts = re.split(r"\s*[,;]\s*|\s+/\s+", cell)
    return [p.strip() for p in parts if p.strip().lower() not in _EMPTY_CELLS]


def _is_empty(cell: str) -> bool:
    return cell.strip().lower() in _EMPTY_CELLS


def _trim_item(text: str) -> str:
    """An item's text without its list punctuation ("; and", a trailing comma, "21s")."""
    previous = None
    while previous != text:
        previous = text
        text = _ITEM_END.sub("", text).rstrip(" ;,")
    return text


def _last_sentence(block: Paragraph | None) -> str | None:
    return _SENTENCES.split(block.plain.strip())[-1] if block is not None else None


class _Extractor:
    def __init__(self, document: Document, gazetteer: Gazetteer):
        self.doc = document
        self.base = gazetteer
        self.gaz = gazetteer
        self.mentions: dict[Block, tuple[Entity, ...]] = {}
        self.agenda: list[ConceptClaim] = []
        self.topics: list[ConceptClaim] = []
        self.outcomes: list[OutcomeClaim] = []
        self.concerns: list[ItemClaim] = []
        self.recommendations: list[ItemClaim] = []
        self.positions: list[PositionClaim] = []
        self.extra_cells: dict[Row, tuple[tuple[int, str, str], ...]] = {}
        self.warnings: list[tuple[int, str]] = []
        self.meta: dict[str, tuple[str, Block]] = {}
        self.meta_rows: list[Block] = []
        self.listed_participants: list[Entity] = []
        self.minted: dict[str, Entity] = {}
        self.minted_forms: dict[str, list[str]] = {}

    # --- new actors -------------------------------------------------------------------

    def mint(self, name: str, kind: str) -> Entity:
        """A new actor or place named in the text (deterministic id from its name)."""
        name = " ".join(name.split()).strip(" ,;:.")
        prefix = "place" if kind == "Place" else "actor"
        key = f"{prefix}/{slug(name) or _fallback_key(name)}"
        known = self.base.entities.get(key) or self.minted.get(key)
        if known is not None:
            return known
        forms = [name]
        tokens = name.split()
        if kind == "Person" and len(tokens) > 1 and len(tokens[-1]) > 2:
            forms.append(tokens[-1])
        aliases = tuple(f for f in forms[1:])
        entity = Entity(key, kind, name, (), aliases)
        self.minted[key] = entity
        self.minted_forms[key] = forms
        return entity

    def introduced_people(self, text: str) -> list[str]:
        """Names a text introduces with a title or role: "Foreign Minister Anna Berg"."""
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
                if bare.lower() in _PARTICLES and tokens:
                    following = _NAME_TOKEN.match(text, token.end())
                    if following and following.group(1)[:1].isupper():
                        tokens.append(bare)
                        position = token.end()
                        continue
                    break
                if not bare[:1].isupper() or bare in _NOT_NAMES or not bare[:1].isalpha():
                    break
                tokens.append(bare)
                position = token.end()
                if possessive or (word.endswith((".", ",")) and len(word) > 3):
                    break
            while tokens and tokens[-1].lower() in _PARTICLES:
                tokens.pop()
            if not tokens:
                continue
            name = " ".join(tokens)
            if self.base.lookup(name) is not None or self.base.entities_in(name):
                continue
            names.append(name)
        return names

    def actor_values(self, cell: str, hint: str) -> tuple[Entity, ...]:
        """The actors a table cell or list item names, minting the unknown ones."""
        found: list[Entity] = []
        introduced = self.introduced_people(cell)
        if introduced:  # "Foreign Minister Anita Brand": the person, not the title
            return tuple(self.mint(name, "Person") for name in introduced)
        for value in re.split(r"\s*(?:[,;/&]|\band\b)\s*", cell):
            name = re.sub(r"\s*\([^)]*\)", "", value).strip(" .:;")
            if not name:
                continue
            known = [e for e in self.gaz.entities_in(name) if not e.is_place]
            if known:
                found.extend(e for e in known if e not in found)
                continue
            words = name.split()
            if not words or len(words) > 6 or not words[0][:1].isupper():
                continue
            entity = self.mint(name, _kind_for(name, hint))
            if entity not in found:
                found.append(entity)
        return tuple(found)

    def discover(self) -> None:
        """First pass: the actors and places this document introduces."""
        for section in self.doc.sections:
            for block in section.blocks:
                texts: list[str] = []
                if isinstance(block, Paragraph):
                    texts.append(block.plain)
                elif isinstance(block, ListBlock):
                    texts.extend(item.content for item in block.items)
                    role = list_role(_last_sentence(block.intro), section.title)
                    if role == "actors":
                        for item in block.items:
                            self.actor_values(item.label or _lead_name(item.content), "")
                elif isinstance(block, Table):
                    texts.extend(cell for row in block.rows for cell in row.cells)
                    self.discover_table(block)
                for text in texts:
                    for name in self.introduced_people(text):
                        self.mint(name, "Person")
        self.refresh()

    def discover_table(self, table: Table) -> None:
        if _is_key_value(table):
            for key, value, _ in _pairs(table):
                field = _meta_field(key)
                if field in ("host", "participants"):
                    self.actor_values(value, "state")
                elif field == "venue" and not self.gaz.places_in(value):
                    name = re.sub(r"\s*\([^)]*\)", "", value).split(",")[0].strip()
                    if name[:1].isupper():
                        self.mint(name, "Place")
            return
        for index, header in enumerate(table.header):
            if column_role(header, index) == "actor":
                for row in table.rows:
                    if index < len(row.cells) and not _is_empty(row.cells[index]):
                        self.actor_values(row.cells[index], header)
            elif index:
                self.header_actors(header, mint=True)

    def header_actors(self, header: str, *, mint: bool = False) -> tuple[Entity, ...]:
        """The actor a column header names: "U.S. Position", "Washington's Aim"."""
        actors = tuple(e for e in self.gaz.entities_in(header) if not e.is_place)
        if actors or not mint:
            return actors
        possessive = re.match(r"^([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})[’']s\s+\w", header)
        if possessive and column_role(header) in ("focus", "position", "outcome", "concern"):
            return (self.mint(possessive.group(1), "State"),)
        return ()

    def refresh(self) -> None:
        if self.minted:
            self.gaz = self.base.extended(list(self.minted.values()), self.minted_forms)

    # --- reading ----------------------------------------------------------------------

    def entities(self, block: Block, text: str | None = None) -> tuple[Entity, ...]:
        found = self.gaz.entities_in(block.plain if text is None else text)
        if text is None and found:
            self.mentions[block] = found
        return found

    def add_mentions(self, block: Block, entities: Iterable[Entity]) -> None:
        current = list(self.mentions.get(block, ()))
        for entity in entities:
            if entity not in current:
                current.append(entity)
        if current:
            self.mentions[block] = tuple(current)

    def run(self) -> Claims:
        self.discover()
        for heading in self.doc.headlines:
            self.mentions_of(heading)
        for section in self.doc.sections:
            self.section(section)
        summit = self.summit()
        warnings = tuple(sorted((*self.doc.warnings, *self.warnings), key=lambda w: w[0]))
        document = replace(self.doc, warnings=warnings) if self.warnings else self.doc
        return Claims(
            document=document,
            summit=summit,
            agenda=tuple(self.agenda),
            topics=tuple(self.topics),
            outcomes=tuple(self.outcomes),
            concerns=tuple(self.concerns),
            recommendations=tuple(self.recommendations),
            mentions=self.mentions,
            extra_cells=self.extra_cells,
            positions=tuple(self.positions),
        )

    def mentions_of(self, block: Block) -> None:
        found = self.gaz.entities_in(block.plain)
        if found:
            self.mentions[block] = found

    def section(self, section: Section) -> None:
        if section.heading is not None:
            self.mentions_of(section.heading)
        actors = self.section_actors(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                self.mentions_of(block)
            elif isinstance(block, Table):
                self.table(block, section, actors)
            elif isinstance(block, ListBlock):
                self.list(block, section, actors)

    def section_actors(self, heading: Heading | None) -> tuple[Entity, ...]:
        """A heading that names an actor ("Canada (Host)", "Russia’s Position")."""
        if heading is None:
            return ()
        title = re.sub(r"\s*\([^)]*\)", "", heading.title).strip(" :")
        found = self.gaz.lookup(title)
        if found is not None and not found.is_place:
            return (found,)
        match = re.match(
            r"^(.+?)[’']s\s+(?:position|stance|view|aims?|goals?|priorities|perspective|"
            r"red lines|demands|approach|strategy)$",
            title,
            re.I,
        )
        if match:
            found = self.gaz.lookup(match.group(1))
            if found is not None and not found.is_place:
                return (found,)
        return ()

    def concept(self, label: str, block: Block, context: str) -> ConceptClaim:
        key, pref = concept_key(label)
        found = self.gaz.entities_in(context)
        return ConceptClaim(
            key=key,
            label=pref,
            surface=label,
            source=block,
            places=tuple(e for e in found if e.is_place),
            actors=tuple(e for e in found if not e.is_place),
        )

    # --- tables -------------------------------------------------------------------------

    def columns(self, table: Table) -> list[_Column]:
        columns = []
        for index, header in enumerate(table.header):
            role = column_role(header, index)
            actors: tuple[Entity, ...] = ()
            if index:
                actors = self.header_actors(header, mint=True)
                if actors and role == "focus":
                    role = "position"  # "Washington's Aim": that actor's aim
            columns.append(_Column(index, header, role, actors))
        return columns

    def table(self, table: Table, section: Section, section_actors: tuple[Entity, ...]) -> None:
        if _is_key_value(table):
            self.key_value(table)
            return
        columns = self.columns(table)
        subject = columns[0].role
        outcome_cols = [c for c in columns[1:] if c.role == "outcome"]
        outcome_col = outcome_cols[0] if outcome_cols else None
        header_hedge = hedge_of(outcome_col.header, anywhere=True) if outcome_col else None
        intro_hedge = _intro_hedge(table.intro.plain if table.intro else None)
        heading_topic = _heading_topic(section)
        for row in table.rows:
            mentioned = self.entities(row)
            cells = row.cells
            actors: list[Entity] = list(section_actors)
            topic: ConceptClaim | None = None
            extra: list[tuple[int, str, str]] = []
            if subject == "topic":
                if _is_empty(cells[0]):
                    self.warn(
                        row.line, f"row without a subject in column 1 ({table.header[0]}): skipped"
                    )
                    continue
                topic = self.concept(cells[0], row, row.plain)
            elif subject == "actor":
                named = self.actor_values(cells[0], columns[0].header)
                if not named and not _is_empty(cells[0]):
                    extra.append((1, table.header[0], cells[0]))  # no name to resolve: kept
                actors = list(named) or actors
            else:
                extra.append((1, table.header[0], cells[0]))
            for column in columns[1:]:
                cell = cells[column.index]
                if _is_empty(cell):
                    continue
                if column.role == "topic" and topic is None:
                    topic = self.concept(cell, row, row.plain)
                elif column.role == "actor":
                    named = self.actor_values(cell, column.header)
                    if not named:
                        extra.append((column.index + 1, column.header, cell))
                    actors.extend(a for a in named if a not in actors)
            if topic is None and heading_topic is not None and subject != "timeline":
                topic = self.concept(heading_topic[0], heading_topic[1], heading_topic[1].plain)
            self.add_mentions(row, actors)
            focus: list[ConceptClaim] = []
            significance: str | None = None
            timeframe: str | None = None
            level: tuple[Likelihood, str] | None = None
            for column in columns[1:]:
                cell = cells[column.index]
                if _is_empty(cell):
                    if any(c.isalpha() for c in cell) and column is outcome_col:
                        extra.append((column.index + 1, column.header, cell))  # "TBD", "N/A"
                    continue
                role = column.role
                owners = column.actors or tuple(actors)
                if role == "focus":
                    for value in _split_values(cell):
                        key, pref = focus_key(value)
                        focus.append(ConceptClaim(key, pref, value, row))
                elif role == "significance":
                    significance = cell
                elif role == "timeline" and subject != "timeline":
                    timeframe = cell
                elif role in ("likelihood", "status"):
                    level = level or (
                        _level_of(cell) if role == "likelihood" else hedge_of(cell, anywhere=True)
                    )
                    extra.append((column.index + 1, column.header, cell))
                elif role == "position":
                    self.positions.append(
                        PositionClaim(cell, row, column.index + 1, owners, topic, column.header)
                    )
                elif role == "concern":
                    self.concerns.append(
                        ItemClaim(
                            cell,
                            row,
                            self.gaz.entities_in(cell),
                            topic=topic,
                            actors=owners,
                            column=column.index + 1,
                        )
                    )
                elif role == "recommendation":
                    self.recommendations.append(
                        ItemClaim(
                            cell,
                            row,
                            self.gaz.entities_in(cell),
                            addressed_to=owners,
                            topic=topic,
                            column=column.index + 1,
                        )
                    )
                elif role in ("topic", "actor"):
                    if role == "topic" and topic is not None and topic.surface != cell:
                        extra.append((column.index + 1, column.header, cell))
                elif role != "outcome" or column is not outcome_col:
                    extra.append((column.index + 1, column.header, cell))
            if topic is not None:
                topic = replace(topic, focus=tuple(focus)) if focus else topic
                self.topics.append(topic)
            outcome_text = cells[outcome_col.index] if outcome_col else ""
            if outcome_col is None or _is_empty(outcome_text):
                if significance is not None:
                    extra.append(
                        (
                            _index_of(columns, "significance"),
                            _header_of(columns, "significance"),
                            significance,
                        )
                    )
                if timeframe is not None:
                    extra.append(
                        (_index_of(columns, "timeline"), _header_of(columns, "timeline"), timeframe)
                    )
                self.keep(row, extra)
                continue
            if topic is None:
                self.warn(
                    row.line,
                    "outcome without a topic (no topic column or heading): kept as a raw cell",
                )
                extra.append((outcome_col.index + 1, outcome_col.header, outcome_text))
                self.keep(row, extra)
                continue
            self.keep(row, extra)
            cell_hedge = hedge_of(outcome_text)
            header_level = header_hedge or (None if level else intro_hedge)
            chosen = cell_hedge or level or header_level
            likelihood, hedge = chosen if chosen else (Likelihood.UNSTATED, None)
            disagree = (
                header_hedge is not None and chosen is not None and chosen[0] != header_hedge[0]
            )
            self.outcomes.append(
                OutcomeClaim(
                    label=outcome_text,
                    topic=topic,
                    source=row,
                    likelihood=likelihood,
                    hedge=hedge,
                    focus_areas=tuple(focus),
                    header_likelihood=header_hedge[0] if disagree and header_hedge else None,
                    header_hedge=header_hedge[1] if disagree and header_hedge else None,
                    significance=significance,
                    mentions=mentioned,
                    actors=outcome_col.actors or tuple(actors),
                    timeframe=timeframe,
                    column=outcome_col.index + 1,
                )
            )

    def keep(self, row: Row, extra: list[tuple[int, str, str]]) -> None:
        if extra:
            self.extra_cells[row] = tuple(sorted(set(extra)))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append((line, message))

    def key_value(self, table: Table) -> None:
        """A key/value table: the summit's name, host, dates, venue; other keys as cells."""
        for key, value, row in _pairs(table):
            block: Block = table if row is None else row
            if row is not None:
                self.entities(row)
            field = _meta_field(key)
            if field is None or _is_empty(value):
                if row is not None and not _is_empty(value):
                    self.keep(row, [(2, key, value)])  # the key names the value
                continue
            self.meta.setdefault(field, (value, block))
            self.meta_rows.append(block)
            if field in ("host", "participants"):
                self.add_mentions(block, self.actor_values(value, "state"))
            elif field == "agenda":
                for item in _split_values(value):
                    self.agenda.append(self.concept(item, block, item))

    # --- lists --------------------------------------------------------------------------

    def list(self, block: ListBlock, section: Section, section_actors: tuple[Entity, ...]) -> None:
        intro = _last_sentence(block.intro)
        role = list_role(intro, section.title)
        addressed = self.addressees(section, block) if role == "recommendations" else ()
        addressed = addressed or (section_actors if role == "recommendations" else ())
        intro_hedge = _intro_hedge(intro) if role == "outcomes" else None
        heading_topic = _heading_topic(section)
        for item in block.items:
            mentioned = self.entities(item)
            if item.depth:
                continue  # a nested item details its parent: no claim of its own
            if role == "agenda":
                label = item.label or _trim_item(item.content)
                self.agenda.append(self.concept(label, item, item.content))
            elif role in ("concerns", "recommendations"):
                claim = ItemClaim(
                    label=_trim_item(item.content),
                    source=item,
                    mentions=mentioned,
                    addressed_to=addressed,
                    actors=section_actors,
                )
                (self.concerns if role == "concerns" else self.recommendations).append(claim)
            elif role == "outcomes":
                self.list_outcome(item, mentioned, intro_hedge, heading_topic, section_actors)
            elif role == "actors":
                named = self.actor_values(item.label or _lead_name(item.content), "")
                self.add_mentions(item, named)
                if intro and re.search(
                    r"particip|attend|signed by|signator|delegation", intro, re.I
                ):
                    self.listed_participants.extend(named)

    def list_outcome(
        self,
        item: ListItem,
        mentioned: tuple[Entity, ...],
        intro_hedge: tuple[Likelihood, str] | None,
        heading_topic: tuple[str, Block] | None,
        actors: tuple[Entity, ...],
    ) -> None:
        text = _trim_item(item.description or item.content)
        if item.label:
            topic = self.concept(item.label, item, item.content)
        else:
            known = self.known_topic(item.content)
            if known is not None:
                topic = replace(known, source=item, surface=known.surface)
            elif heading_topic is not None:
                topic = self.concept(heading_topic[0], heading_topic[1], heading_topic[1].plain)
            else:  # the outcome names its own subject ("A ceasefire in Gaza")
                subject = re.sub(r"^(?:an?|the)\s+", "", text, flags=re.I)
                if hedge_of(subject) and len(subject.split()) > 1:
                    subject = subject.split(None, 1)[1]  # "Likely friction …" → "friction …"
                topic = self.concept(subject, item, item.content)
        self.topics.append(topic)
        chosen = hedge_of(text) or intro_hedge
        likelihood, hedge = chosen if chosen else (Likelihood.UNSTATED, None)
        self.outcomes.append(
            OutcomeClaim(
                label=text,
                topic=topic,
                source=item,
                likelihood=likelihood,
                hedge=hedge,
                mentions=mentioned,
                actors=actors,
            )
        )

    def known_topic(self, text: str) -> ConceptClaim | None:
        """A topic of this document that ``text`` names ("… on arms control …")."""
        lowered = text.casefold()
        for claim in (*self.agenda, *self.topics):
            if len(claim.label) > 3 and claim.label.casefold() in lowered:
                return claim
        return None

    def addressees(self, section: Section, block: ListBlock) -> tuple[Entity, ...]:
        """Actors the section's prose says must or should act."""
        found: dict[str, Entity] = {}
        for other in section.blocks:
            if other is block:
                break
            if not isinstance(other, Paragraph):
                continue
            text = other.plain
            for mention in self.gaz.find(text):
                if not mention.entity.is_place and _ADDRESS_CUE.match(text[mention.end :]):
                    found.setdefault(mention.entity.id, mention.entity)
        return tuple(found.values())

    # --- the summit ---------------------------------------------------------------------

    def summit(self) -> SummitClaim | None:
        lead: list[Block] = list(self.doc.headlines)
        if self.doc.sections and self.doc.sections[0].heading is None:
            first = self.doc.sections[0].blocks[:1]
            if first and isinstance(first[0], Paragraph):
                # only the lead's first sentence: later ones tell the background
                sentence = _SENTENCES.split(first[0].text, maxsplit=1)[0]
                lead.append(replace(first[0], end=first[0].start + len(sentence), text=sentence))
        participants: tuple[Entity, ...] = ()
        for block in lead:  # the first lead line that names people, else states or bodies
            participants = _first_of_kind(self.gaz, [block], ("Person",)) or _first_of_kind(
                self.gaz, [block], ("State", "Organization")
            )
            if participants:
                break
        host: tuple[Entity, ...] = ()
        if "host" in self.meta:
            host = self.actor_values(self.meta["host"][0], "state")
        if not participants:
            listed: list[Entity] = list(self.listed_participants)
            if "participants" in self.meta:
                listed += self.actor_values(self.meta["participants"][0], "state")
            participants = tuple(dict.fromkeys([*listed, *host]))
        if not participants:
            if self.meta:
                line = next(iter(self.meta.values()))[1].line
                self.warn(line, "summit details without participants: no summit node made")
            return None
        place: Entity | None = None
        if "venue" in self.meta:
            venues = self.gaz.places_in(self.meta["venue"][0])
            place = venues[0] if venues else None
        if place is None:
            places = _first_of_kind(self.gaz, lead, ("Place",))
            place = places[0] if places else None
        lead_text = "\n".join(b.plain for b in lead)
        if "status" in self.meta:
            lead_text = self.meta["status"][0] + "\n" + lead_text
        status = None
        if _HELD_CUES.search(lead_text):
            status = "Held"
        elif _SCHEDULED_CUES.search(lead_text):
            status = "Scheduled"
        participants = tuple(sorted(participants, key=lambda p: p.label))
        names = " and ".join(p.label for p in participants)
        label = f"Summit of {names}" + (f" in {place.label}" if place else "")
        if not lead and not self.meta_rows:
            return None  # participants from a list alone, with no headline to cite
        source = lead[0] if lead else self.meta_rows[0]
        return SummitClaim(
            participants=participants,
            place=place,
            status=status,
            label=label,
            source=source,
            name=self.meta["name"][0] if "name" in self.meta else None,
            host=host,
            dates=self.meta["dates"][0] if "dates" in self.meta else None,
            sources=tuple(dict.fromkeys(self.meta_rows)),
        )


def _index_of(columns: list[_Column], role: str) -> int:
    return next(c.index + 1 for c in columns if c.role == role)


def _header_of(columns: list[_Column], role: str) -> str:
    return next(c.header for c in columns if c.role == role)


def _kind_for(name: str, hint: str) -> str:
    if _ORG_WORDS.search(name) or (name.isupper() and 2 <= len(name) <= 6):
        return "Organization"  # "Arctic Council", "FAO"
    if _STATE_HINT.search(hint):
        return "State"
    if _PERSON_HINT.search(hint):
        return "Person"
    return "State" if len(name.split()) == 1 else "Person"


def _lead_name(text: str) -> str:
    """The name an actor-list item opens with: "Anna Berg, Finland’s foreign minister"."""
    return re.split(r"\s*(?:[,:(–—]|\s-\s)", text, maxsplit=1)[0]


_GENERIC_HEADING = re.compile(
    r"\b(overview|summary|introduction|outlook|analysis|background|conclusion|context|"
    r"takeaways?|highlights|key|what|why|how|who|where|when|table|breakdown|details|facts|"
    r"positions|stand|players|actors|parties|agenda|outcomes?|results?|risks?|concerns?|"
    r"recommendations?|guidance|road ahead|next steps|update|latest|news)\b",
    re.I,
)


def _heading_topic(section: Section) -> tuple[str, Block] | None:
    """A section heading that names a topic ("Arctic Shipping"), not a role or a summary."""
    heading = section.heading
    if heading is None:
        return None
    title = heading.title.strip(" :")
    if not title or len(title.split()) > 6 or _GENERIC_HEADING.search(title):
        return None
    if title.endswith("?"):
        return None
    return title, heading


def _is_key_value(table: Table) -> bool:
    if len(table.header) != 2:
        return False
    first, second = (h.lower().strip(" :") for h in table.header)
    if first in _KEY_HEADERS or (second in _VALUE_HEADERS and column_role(first, 1) == "other"):
        return True
    keys = [table.header[0], *(row.cells[0] for row in table.rows)]
    known = sum(1 for key in keys if _meta_field(key) is not None)
    return known >= 2 and known * 2 >= len(keys)


def _pairs(table: Table) -> list[tuple[str, str, Row | None]]:
    """The key/value pairs of a two-column table; a header that is itself a pair counts."""
    pairs: list[tuple[str, str, Row | None]] = []
    if _meta_field(table.header[0]) is not None:
        pairs.append((table.header[0], table.header[1], None))
    pairs.extend((row.cells[0], row.cells[1], row) for row in table.rows)
    return pairs


def _meta_field(key: str) -> str | None:
    lowered = " ".join(key.lower().strip(" :*").split())
    for field, pattern in _META_KEYS:
        if pattern.match(lowered):
            return field
    return None


def _first_of_kind(
    gaz: Gazetteer, blocks: Iterable[Block], kinds: tuple[str, ...]
) -> tuple[Entity, ...]:
    for block in blocks:
        text = block.title if isinstance(block, Heading) else block.plain
        found = tuple(e for e in gaz.entities_in(text) if e.kind in kinds)
        if found:
            return found
    return ()


def extract(document: Document, gazetteer: Gazetteer | None = None) -> Claims:
    """Read the claims a parsed document makes.

    Examples:
        >>> from kg.text.parse import parse_article
        >>> text = "Putin and Trump Set to Meet in Alaska\\nTopic | Possible Outcome |\\n"
        >>> text += "---|---|\\nTrade | New deals |"
        >>> claims = extract(parse_article(text))
        >>> [(o.topic.label, o.label, o.likelihood.term) for o in claims.outcomes]
        [('Trade', 'New deals', 'Possible')]
        >>> claims.summit.status, [p.label for p in claims.summit.participants]
        ('Scheduled', ['Donald Trump', 'Vladimir Putin'])
    """
    return _Extractor(document, gazetteer or Gazetteer.bundled()).run()
