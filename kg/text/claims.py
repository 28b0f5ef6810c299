"""Claims: what a source document says, tied to the block that says it.

Extraction (:mod:`kg.text.extract`) produces a :class:`Claims` bundle from a
:class:`~kg.text.document.Document`; mapping (:mod:`kg.mapping`) turns it into
triples. Claims carry keys (``"arms-control"``) and gazetteer ids
(``"actor/donald-trump"``), never IRIs, and blocks, never text offsets of
their own.

Examples:
    >>> Likelihood.POSSIBLE.rank < Likelihood.LIKELY.rank
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from kg.text.document import Block, Document, Row

__all__ = [
    "STANCES",
    "Claims",
    "ConceptClaim",
    "Entity",
    "ItemClaim",
    "Likelihood",
    "OutcomeClaim",
    "PositionClaim",
    "SectionClaim",
    "SummitClaim",
]


class Likelihood(Enum):
    """How sure a source sounds about an outcome (``skg:LikelihoodScheme``).

    ``REFUSED`` is a result, not a degree of certainty: the source reports the
    outcome refused, rejected or not reached. Like ``UNSTATED`` it has no rank.
    """

    UNSTATED = ("Unstated", None)
    UNLIKELY = ("Unlikely", 0)
    POSSIBLE = ("Possible", 1)
    LIKELY = ("Likely", 2)
    PROJECTED = ("Projected", 3)
    ANTICIPATED = ("Anticipated", 4)
    AGREED = ("Agreed", 5)
    REFUSED = ("Refused", None)

    @property
    def term(self) -> str:
        """The local name of the concept in the ontology, e.g. ``"Possible"``."""
        term: str = self.value[0]
        return term

    @property
    def rank(self) -> int | None:
        """Order of certainty; ``None`` when the source gives no hedge."""
        rank: int | None = self.value[1]
        return rank


@dataclass(frozen=True)
class Entity:
    """A known actor or place from the gazetteer (or one minted for a new name)."""

    id: str  # "actor/donald-trump", "place/alaska"
    kind: str  # Person, State, Organization, Group, Place
    label: str
    same_as: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def is_place(self) -> bool:
        """Whether this entity is a place (not an actor)."""
        return self.kind == "Place"


@dataclass(frozen=True)
class ConceptClaim:
    """A topic or focus area as one source words it; ``key`` merges across sources."""

    key: str
    label: str
    surface: str
    source: Block
    places: tuple[Entity, ...] = ()
    actors: tuple[Entity, ...] = ()
    focus: tuple[ConceptClaim, ...] = ()


@dataclass(frozen=True)
class OutcomeClaim:
    """One expected outcome from one table row or list item.

    ``header_likelihood``/``header_hedge`` are set when the column header's (or
    the list intro's) hedge differs from the one that won. ``actors`` are the
    actors the row is about (an actor column or a header naming one);
    ``column`` is the 1-based column of the outcome cell (``None`` for list items).
    """

    label: str
    topic: ConceptClaim
    source: Block
    likelihood: Likelihood
    hedge: str | None
    focus_areas: tuple[ConceptClaim, ...] = ()
    header_likelihood: Likelihood | None = None
    header_hedge: str | None = None
    significance: str | None = None
    mentions: tuple[Entity, ...] = ()
    actors: tuple[Entity, ...] = ()
    timeframe: str | None = None
    cited: str | None = None
    column: int | None = None
    speakers: tuple[Entity, ...] = ()


@dataclass(frozen=True)
class ItemClaim:
    """A concern or recommendation from one list item, table cell or sentence.

    ``column`` is the 1-based column for a claim from a table row's cell;
    ``speakers`` are who voiced it, where the source says ("analysts warn …").
    """

    label: str
    source: Block
    mentions: tuple[Entity, ...] = ()
    addressed_to: tuple[Entity, ...] = ()
    topic: ConceptClaim | None = None
    actors: tuple[Entity, ...] = ()
    column: int | None = None
    speakers: tuple[Entity, ...] = ()


STANCES = ("seeks", "demands", "rejects", "offers", "proposes", "supports", "opposes")
"""The stances a position takes (``skg:StanceScheme``), as the evaluation set names them."""


@dataclass(frozen=True)
class PositionClaim:
    """An actor's stated position, aim or demand on a topic.

    From a table cell ("Washington's Aim": ``source`` is the row, ``column`` the
    cell's) or a sentence ("Kyiv rejects any land swap": ``source`` is the
    :class:`~kg.text.document.Sentence`, ``stance`` one of :data:`STANCES`,
    ``cue`` the words that carry it, ``speakers`` who reported it). From a sentence,
    ``label`` is the issue the stance's object names ("Donetsk region") and ``quote`` the
    object exactly as written ("a withdrawal of Ukrainian forces from the Donetsk
    region"), ``None`` where the two are one.
    """

    label: str
    source: Block
    column: int | None = None
    actors: tuple[Entity, ...] = ()
    topic: ConceptClaim | None = None
    header: str = ""
    stance: str | None = None
    cue: str | None = None
    speakers: tuple[Entity, ...] = ()
    quote: str | None = None


@dataclass(frozen=True)
class SummitClaim:
    """The summit the document is about, as the document describes it.

    ``name``, ``host``, ``dates`` come from a key/value table when there is one
    (``dates`` also from prose: the text as written); ``start`` and ``end`` are
    the calendar dates it gives, where the year is known or follows from the
    document's date;
    ``sources`` are further blocks (metadata rows) the summit is derived from.
    ``scope``, when set, limits the claims linked to this summit to those from
    these blocks (a curated table naming several summits); ``None`` means all.
    """

    participants: tuple[Entity, ...]
    place: Entity | None
    status: str | None  # "Scheduled" | "Held" | None
    label: str
    source: Block
    name: str | None = None
    host: tuple[Entity, ...] = ()
    dates: str | None = None
    sources: tuple[Block, ...] = ()
    scope: frozenset[Block] | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class SectionClaim:
    """What a section's heading says about the prose under it: the hand-over to sentence reading.

    ``topic`` is the issue the heading names ("Security guarantees for Ukraine"),
    ``actors`` the actor it is about ("What does Beijing want?", "Russia’s
    Position"). ``prose`` holds the blocks no structural reader has made claims
    from, in reading order: the section's paragraphs and the items of its
    lists without a role (key takeaways, "here's what to expect"). A sentence
    reader reads each of them with the section's topic and actors.
    """

    heading: Block | None
    topic: ConceptClaim | None = None
    actors: tuple[Entity, ...] = ()
    prose: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Claims:
    """Everything extracted from one document."""

    document: Document
    summit: SummitClaim | None
    agenda: tuple[ConceptClaim, ...] = ()
    topics: tuple[ConceptClaim, ...] = ()
    outcomes: tuple[OutcomeClaim, ...] = ()
    concerns: tuple[ItemClaim, ...] = ()
    recommendations: tuple[ItemClaim, ...] = ()
    mentions: dict[Block, tuple[Entity, ...]] = field(default_factory=dict)
    extra_cells: dict[Row, tuple[tuple[int, str, str], ...]] = field(default_factory=dict)
    positions: tuple[PositionClaim, ...] = ()
    other_summits: tuple[SummitClaim, ...] = ()
    sections: tuple[SectionClaim, ...] = ()
    published: date | None = None
    """The page's date: its metadata's, else the date of a byline or dateline."""
