"""Document blocks → claims: roles of table columns and lists, likelihood, entities.

Rules, in short:

* A table's first column is the row's subject (its topic), whatever its
  header says ("Area of Focus" holds topics). Other columns get a role from
  their header words: outcome ("Outcome", "Result"…), focus area ("Focus",
  "Objective"…), significance ("Significance", "Impact"…); any other column
  is kept as a raw cell.
* Likelihood comes from the outcome column's header ("Possible Outcome") or,
  when the cell opens with its own hedge ("Possible relaxation…"), from the
  cell; the header's is then recorded too.
* A list's role comes from the sentence that introduces it ("…concerns
  include:") or else from its section heading ("Guidance for…").
* Topics merge by a key: the label lower-cased without a leading gerund or a
  trailing generic noun ("Reevaluating arms control", "Arms Control" and
  "arms control frameworks" share the key ``arms-control``).

Examples:
    >>> concept_key("Reevaluating arms control")
    ('arms-control', 'Arms Control')
    >>> hedge_of("Possible relaxation or reinforcement")
    (<Likelihood.POSSIBLE: ('Possible', 1)>, 'Possible')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.claims import (
    Claims,
    ConceptClaim,
    Entity,
    ItemClaim,
    Likelihood,
    OutcomeClaim,
    SummitClaim,
)
from kg.document import Block, Document, ListBlock, Paragraph, Row, Section, Table
from kg.gazetteer import Gazetteer
from kg.ids import content_hash, slug, strip_invisible
from kg.parse import MINOR_WORDS

__all__ = ["concept_key", "extract", "hedge_of", "list_role"]

HEDGES: dict[str, Likelihood] = {
    **dict.fromkeys(
        ["possible", "potential", "prospective", "could", "may", "might"], Likelihood.POSSIBLE
    ),
    **dict.fromkeys(["likely", "probable"], Likelihood.LIKELY),
    **dict.fromkeys(["unlikely", "improbable"], Likelihood.UNLIKELY),
    **dict.fromkeys(["projected", "forecast", "predicted", "estimated"], Likelihood.PROJECTED),
    **dict.fromkeys(
        ["anticipated", "expected", "envisaged", "foreseen", "planned"], Likelihood.ANTICIPATED
    ),
    **dict.fromkeys(
        ["agreed", "achieved", "reached", "signed", "announced", "confirmed"], Likelihood.AGREED
    ),
}
_OUTCOME_WORDS = ("outcome", "result", "deliverable", "agreement", "commitment")
_SIGNIFICANCE_WORDS = ("significance", "implication", "ramification", "why it matters", "impact")
_FOCUS_WORDS = ("focus", "objective", "goal", "aim", "priority", "approach")
_GENERIC_TAIL = frozenset({"framework", "frameworks", "policy", "policies"})
_ING_NOUNS = frozenset(
    "banking building clothing dumping farming financing fishing funding housing "
    "manufacturing mining offshoring peacekeeping policing shipping spending trafficking "
    "training warming".split()
)
_LIST_ROLE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("recommendations", ("recommend", "should", "advice", "advis", "guidance", "steps")),
    ("concerns", ("concern", "risk", "worr", "friction", "threat", "challenge", "watch")),
    ("agenda", ("agenda", "topic", "cover", "discuss", "on the table", "priorit", "theme")),
)
_HEADING_ROLE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("recommendations", ("guidance", "recommend", "advice")),
    ("concerns", ("concern", "risk")),
    ("agenda", ("agenda",)),
)
_HELD_CUES = re.compile(r"\b(held|met|concluded|took place|wrapped up|ended)\b", re.IGNORECASE)
_SCHEDULED_CUES = re.compile(
    r"\b(set to|will|scheduled|plans? to|planned|upcoming|ahead of|next (week|month|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|due to)\b",
    re.IGNORECASE,
)
_ADDRESS_CUE = re.compile(r"^\W*(must|should|need to|needs to|ought to)\b", re.IGNORECASE)
_EMPTY_CELLS = frozenset({"", "—", "–", "-", "tbd", "n/a", "na"})


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


def _focus_key(label: str) -> tuple[str, str]:
    """Focus areas keep their words; only the first letter is capitalised."""
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


def _column_role(header: str) -> str:
    lowered = header.lower()
    if any(w in lowered for w in _OUTCOME_WORDS):
        return "outcome"
    if "impact" in lowered and hedge_of(header, anywhere=True):
        return "outcome"
    if any(w in lowered for w in _SIGNIFICANCE_WORDS):
        return "significance"
    if any(w in lowered for w in _FOCUS_WORDS):
        return "focus"
    return "other"


def list_role(intro: str | None, heading: str | None) -> str | None:
    """The role of a list from its intro sentence, else its section heading.

    Examples:
        >>> list_role("Other items. Key strategic concerns include:", None)
        'concerns'
        >>> list_role(None, "Guidance for U.S. Strategy")
        'recommendations'
    """
    if intro:
        sentences = re.split(r"(?<=[.!?])\s+", intro.strip())
        last = sentences[-1].lower()
        for role, cues in _LIST_ROLE_CUES:
            if any(cue in last for cue in cues):
                return role
    if heading:
        lowered = heading.lower()
        for role, cues in _HEADING_ROLE_CUES:
            if any(cue in lowered for cue in cues):
                return role
    return None


def _split_values(cell: str) -> list[str]:
    parts = re.split(r"\s*[,;]\s*|\s+/\s+", cell)
    return [p.strip() for p in parts if p.strip().lower() not in _EMPTY_CELLS]


class _Extractor:
    def __init__(self, document: Document, gazetteer: Gazetteer):
        self.doc = document
        self.gaz = gazetteer
        self.mentions: dict[Block, tuple[Entity, ...]] = {}
        self.agenda: list[ConceptClaim] = []
        self.topics: list[ConceptClaim] = []
        self.outcomes: list[OutcomeClaim] = []
        self.concerns: list[ItemClaim] = []
        self.recommendations: list[ItemClaim] = []
        self.extra_cells: dict[Row, tuple[tuple[int, str, str], ...]] = {}

    def entities(self, block: Block, text: str | None = None) -> tuple[Entity, ...]:
        found = self.gaz.entities_in(block.text if text is None else text)
        if text is None and found:
            self.mentions[block] = found
        return found

    def run(self) -> Claims:
        for heading in self.doc.headlines:
            self.entities(heading)
        for section in self.doc.sections:
            self.section(section)
        return Claims(
            document=self.doc,
            summit=self.summit(),
            agenda=tuple(self.agenda),
            topics=tuple(self.topics),
            outcomes=tuple(self.outcomes),
            concerns=tuple(self.concerns),
            recommendations=tuple(self.recommendations),
            mentions=self.mentions,
            extra_cells=self.extra_cells,
        )

    def section(self, section: Section) -> None:
        if section.heading is not None:
            self.entities(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                self.entities(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, ListBlock):
                self.list(block, section)

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

    def table(self, table: Table) -> None:
        roles = ["subject"] + [_column_role(h) for h in table.header[1:]]
        outcome_col = roles.index("outcome") if "outcome" in roles else None
        header_hedge = (
            hedge_of(table.header[outcome_col], anywhere=True) if outcome_col is not None else None
        )
        for row in table.rows:
            mentioned = self.entities(row)
            subject = row.cells[0]
            if subject.lower() in _EMPTY_CELLS:
                continue
            topic = self.concept(subject, row, row.text)
            self.topics.append(topic)
            focus: list[ConceptClaim] = []
            significance: str | None = None
            extra: list[tuple[int, str, str]] = []
            for index, (role, cell) in enumerate(zip(roles, row.cells, strict=True)):
                if index == 0 or cell.lower() in _EMPTY_CELLS:
                    continue
                if role == "focus":
                    for value in _split_values(cell):
                        key, pref = _focus_key(value)
                        focus.append(ConceptClaim(key, pref, value, row))
                elif role == "significance":
                    significance = cell
                elif role == "other" or (role == "outcome" and index != outcome_col):
                    extra.append((index + 1, table.header[index], cell))
            if extra:
                self.extra_cells[row] = tuple(extra)
            if outcome_col is None:
                continue
            text = row.cells[outcome_col]
            if text.lower() in _EMPTY_CELLS:
                continue
            cell_hedge = hedge_of(text)
            chosen = cell_hedge or header_hedge
            likelihood, hedge = chosen if chosen else (Likelihood.UNSTATED, None)
            disagree = cell_hedge is not None and header_hedge is not None
            disagree = disagree and cell_hedge[0] != header_hedge[0]  # type: ignore[index]
            self.outcomes.append(
                OutcomeClaim(
                    label=text,
                    topic=topic,
                    source=row,
                    likelihood=likelihood,
                    hedge=hedge,
                    focus_areas=tuple(focus),
                    header_likelihood=header_hedge[0] if disagree and header_hedge else None,
                    header_hedge=header_hedge[1] if disagree and header_hedge else None,
                    significance=significance,
                    mentions=mentioned,
                )
            )

    def list(self, block: ListBlock, section: Section) -> None:
        role = list_role(block.intro.text if block.intro else None, section.title)
        addressed = self.addressees(section, block) if role == "recommendations" else ()
        for item in block.items:
            mentioned = self.entities(item)
            if role == "agenda":
                label = item.label or item.content
                self.agenda.append(self.concept(label, item, item.content))
            elif role in ("concerns", "recommendations"):
                claim = ItemClaim(
                    label=item.content.rstrip(" ;,"),
                    source=item,
                    mentions=mentioned,
                    addressed_to=addressed,
                )
                (self.concerns if role == "concerns" else self.recommendations).append(claim)

    def addressees(self, section: Section, block: ListBlock) -> tuple[Entity, ...]:
        """Actors the section's prose says must or should act."""
        found: dict[str, Entity] = {}
        for other in section.blocks:
            if other is block:
                break
            if not isinstance(other, Paragraph):
                continue
            for mention in self.gaz.find(other.text):
                if not mention.entity.is_place and _ADDRESS_CUE.match(other.text[mention.end :]):
                    found.setdefault(mention.entity.id, mention.entity)
        return tuple(found.values())

    def summit(self) -> SummitClaim | None:
        lead: list[Block] = list(self.doc.headlines)
        if self.doc.sections and self.doc.sections[0].heading is None:
            lead += [b for b in self.doc.sections[0].blocks[:1] if isinstance(b, Paragraph)]
        if not lead:
            return None
        participants = _first_of_kind(self.gaz, lead, ("Person",)) or _first_of_kind(
            self.gaz, lead, ("State", "Organization")
        )
        if not participants:
            return None
        places = _first_of_kind(self.gaz, lead, ("Place",))
        place = places[0] if places else None
        lead_text = "\n".join(b.text for b in lead)
        status = None
        if _HELD_CUES.search(lead_text):
            status = "Held"
        elif _SCHEDULED_CUES.search(lead_text):
            status = "Scheduled"
        participants = tuple(sorted(participants, key=lambda p: p.label))
        names = " and ".join(p.label for p in participants)
        label = f"Summit of {names}" + (f" in {place.label}" if place else "")
        return SummitClaim(
            participants=participants,
            place=place,
            status=status,
            label=label,
            source=lead[0],
        )


def _first_of_kind(
    gaz: Gazetteer, blocks: Iterable[Block], kinds: tuple[str, ...]
) -> tuple[Entity, ...]:
    for block in blocks:
        found = tuple(e for e in gaz.entities_in(block.text) if e.kind in kinds)
        if found:
            return found
    return ()


def extract(document: Document, gazetteer: Gazetteer | None = None) -> Claims:
    """Read the claims a parsed document makes.

    Examples:
        >>> from kg.parse import parse_article
        >>> text = "Putin and Trump Set to Meet in Alaska\\nTopic | Possible Outcome |\\n"
        >>> text += "---|---|\\nTrade | New deals |"
        >>> claims = extract(parse_article(text))
        >>> [(o.topic.label, o.label, o.likelihood.term) for o in claims.outcomes]
        [('Trade', 'New deals', 'Possible')]
        >>> claims.summit.status, [p.label for p in claims.summit.participants]
        ('Scheduled', ['Donald Trump', 'Vladimir Putin'])
    """
    return _Extractor(document, gazetteer or Gazetteer.bundled()).run()
