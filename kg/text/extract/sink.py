"""The claim sink: what the readers of one document have found, and the claims it makes.

A :class:`ClaimSink` takes a :class:`~kg.text.document.Document` and a
gazetteer in and gives :class:`~kg.text.claims.Claims` out. The readers
(actors, tables, lists, the summit) append to it; it mints the actors and
places the document introduces (and extends its gazetteer with them), records
which entities each block mentions, keeps the cells no claim uses, collects
warnings, and makes topic claims from labels.

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> sink = ClaimSink(parse_article("Talks in Oslo\\n"), Gazetteer.bundled())
    >>> sink.mint("Anna Berg", "Person").id, sink.mint("Anna Berg", "Person").aliases
    ('actor/anna-berg', ('Berg',))
    >>> sink.claims(None).document.title
    'Talks in Oslo'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from kg.text.claims import (
    Claims,
    ConceptClaim,
    Entity,
    ItemClaim,
    OutcomeClaim,
    PositionClaim,
    SectionClaim,
    SummitClaim,
)
from kg.text.document import Block, Document, Row
from kg.text.gazetteer import Gazetteer
from kg.text.lexicon import MetaField, concept_key, fallback_key
from kg.text.normalize import slug

__all__ = ["Cell", "ClaimSink"]

Cell = tuple[int, str, str]
"""A raw cell kept on its row: ``(column number from 1, header, text)``."""


class ClaimSink:
    """The claims, mentions, new entities and warnings found so far in one document.

    ``base`` is the gazetteer extraction started with; ``gaz`` is the one to
    find mentions with (``base`` plus the names minted, after :meth:`refresh`).
    """

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
        self.tentative: dict[ConceptClaim, ConceptClaim | None] = {}
        self.own_topics: set[ConceptClaim] = set()
        """Topics a sentence outcome made of its own phrase (no topic of the document fitted
        when it was read): kept only where the document treats them as issues."""
        self.item_topics: dict[int, ConceptClaim] = {}
        """The topic a list item's own label made, by the item's identity: the topic of the
        item's sentences ("* Energy: Jakarta is seeking …" → Energy)."""
        self.sections: list[SectionClaim] = []
        self.extra_cells: dict[Row, tuple[Cell, ...]] = {}
        self.warnings: list[tuple[int, str]] = []
        self.meta: dict[MetaField, tuple[str, Block]] = {}
        self.meta_rows: list[Block] = []
        self.listed_participants: list[Entity] = []
        self.minted: dict[str, Entity] = {}
        self.minted_forms: dict[str, list[str]] = {}
        self.aliased: dict[str, Entity] = {}
        self.published: date | None = None
        """The page's date: its metadata's, else a byline's or dateline's (the summit reader's)."""
        self.held = False
        """Whether the document reports a summit already held (read before its prose): there a
        commitment in the future tense ("Canberra will fund the hubs") is a result."""
        self.affiliations: dict[str, Entity] = {}
        """Person id → the state or organisation the document introduces them as acting for
        ("Bolivian President Tomás Quiroga", "Kenya's William Ruto")."""

    # --- new actors and places ---------------------------------------------------------------

    def mint(self, name: str, kind: str, aliases: Iterable[str] = ()) -> Entity:
        """A new actor or place named in the text (deterministic id from its name).

        A person is found again by surname; ``aliases`` are further forms that
        find it (an organisation's acronym).

        Examples:
            >>> from kg.text.gazetteer import Gazetteer
            >>> from kg.text.parse import parse_article
            >>> sink = ClaimSink(parse_article("Talks\\n"), Gazetteer.bundled())
            >>> sink.mint("Coral Sea Forum", "Organization", ["CSF"]).aliases
            ('CSF',)
        """
        name = " ".join(name.split()).strip(" ,;:.")
        prefix = "place" if kind == "Place" else "actor"
        key = f"{prefix}/{slug(name) or fallback_key(name)}"
        known = self.base.entities.get(key) or self.minted.get(key)
        if known is not None:
            return known
        forms = [name]
        tokens = name.split()
        if kind == "Person" and len(tokens) > 1 and len(tokens[-1]) > 2:
            forms.append(tokens[-1])
        forms.extend(a for a in aliases if a and a not in forms)
        entity = Entity(key, kind, name, (), tuple(forms[1:]))
        self.minted[key] = entity
        self.minted_forms[key] = forms
        return entity

    def alias(self, entity: Entity, form: str) -> None:
        """Find a known entity by one more form the text gives it ("Association of ... (ASEAN)")."""
        forms = self.minted_forms.setdefault(entity.id, [])
        if form not in forms:
            forms.append(form)
        self.aliased.setdefault(entity.id, entity)

    def refresh(self) -> None:
        """Find the entities minted (and the forms given) so far from now on."""
        if self.minted or self.aliased:
            entities = [*self.minted.values(), *self.aliased.values()]
            self.gaz = self.base.extended(entities, self.minted_forms)

    # --- mentions -----------------------------------------------------------------------------

    def entities(self, block: Block, text: str | None = None) -> tuple[Entity, ...]:
        """The entities ``text`` (else the block's text) names; recorded for the block."""
        found = self.gaz.entities_in(block.plain if text is None else text)
        if text is None and found:
            self.mentions[block] = found
        return found

    def add_mentions(self, block: Block, entities: Iterable[Entity]) -> None:
        """Record more entities the block mentions, after the ones it has."""
        current = list(self.mentions.get(block, ()))
        for entity in entities:
            if entity not in current:
                current.append(entity)
        if current:
            self.mentions[block] = tuple(current)

    def mentions_of(self, block: Block) -> None:
        """Record the entities a block's text names."""
        found = self.gaz.entities_in(block.plain)
        if found:
            self.mentions[block] = found

    # --- claims -------------------------------------------------------------------------------

    def first_topic(self) -> ConceptClaim | None:
        """The document's first agenda topic, else its first topic, else ``None``."""
        return next(iter((*self.agenda, *self.topics)), None)

    def concept(self, label: str, block: Block, context: str) -> ConceptClaim:
        """A topic named ``label`` in ``block``, with the places and actors of ``context``."""
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

    def keep(self, row: Row, extra: list[Cell]) -> None:
        """Keep the cells of a row that no claim uses (sorted, once each)."""
        if extra:
            self.extra_cells[row] = tuple(sorted(set(extra)))

    def warn(self, line: int, message: str) -> None:
        """Report something of the document that was skipped or could not be read."""
        self.warnings.append((line, message))

    def claims(self, summit: SummitClaim | None) -> Claims:
        """Everything collected, with the parser's and the readers' warnings by line."""
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
            sections=tuple(self.sections),
            published=self.published,
        )
