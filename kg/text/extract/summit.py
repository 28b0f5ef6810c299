"""The summit claim: the lead (headlines and first sentence) and the summit details in,
one :class:`~kg.text.claims.SummitClaim` (participants, place, host, dates, status) out.

Participants are the people the first lead line names that names any (else
its states or bodies), else the participants an actor list or a key/value
table gives, with the host. The place is the venue key's place, else the
lead's first place. The status is ``Held`` or ``Scheduled`` by the words of
the lead (:data:`~kg.text.lexicon.HELD_CUES`, :data:`~kg.text.lexicon.SCHEDULED_CUES`).

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> doc = parse_article("Putin and Trump Met in Alaska\\n\\nThe talks ended.\\n")
    >>> summit = read_summit(ClaimSink(doc, Gazetteer.bundled()))
    >>> summit.label, summit.status
    ('Summit of Donald Trump and Vladimir Putin in Alaska', 'Held')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.text.claims import Entity, SummitClaim
from kg.text.document import Block, Heading, Paragraph
from kg.text.extract.actors import actor_values
from kg.text.extract.sink import ClaimSink
from kg.text.gazetteer import Gazetteer
from kg.text.lexicon import HELD_CUES, SCHEDULED_CUES, first_sentence

__all__ = ["read_summit"]


def read_summit(sink: ClaimSink) -> SummitClaim | None:
    """The summit the document reports, or ``None`` when it names no participant.

    Summit details (a key/value table) without participants are warned about.
    """
    lead = _lead(sink)
    meta = sink.meta
    participants: tuple[Entity, ...] = ()
    for block in lead:  # the first lead line that names people, else states or bodies
        participants = _first_of_kind(sink.gaz, [block], ("Person",)) or _first_of_kind(
            sink.gaz, [block], ("State", "Organization")
        )
        if participants:
            break
    host: tuple[Entity, ...] = ()
    if "host" in meta:
        host = actor_values(sink, meta["host"][0], "state")
    if not participants:
        listed: list[Entity] = list(sink.listed_participants)
        if "participants" in meta:
            listed += actor_values(sink, meta["participants"][0], "state")
        participants = tuple(dict.fromkeys([*listed, *host]))
    if not participants:
        if meta:
            line = next(iter(meta.values()))[1].line
            sink.warn(line, "summit details without participants: no summit node made")
        return None
    place: Entity | None = None
    if "venue" in meta:
        venues = sink.gaz.places_in(meta["venue"][0])
        place = venues[0] if venues else None
    if place is None:
        places = _first_of_kind(sink.gaz, lead, ("Place",))
        place = places[0] if places else None
    participants = tuple(sorted(participants, key=lambda p: p.label))
    names = " and ".join(p.label for p in participants)
    label = f"Summit of {names}" + (f" in {place.label}" if place else "")
    if not lead and not sink.meta_rows:
        return None  # participants from a list alone, with no headline to cite
    return SummitClaim(
        participants=participants,
        place=place,
        status=_status(sink, lead),
        label=label,
        source=lead[0] if lead else sink.meta_rows[0],
        name=meta["name"][0] if "name" in meta else None,
        host=host,
        dates=meta["dates"][0] if "dates" in meta else None,
        sources=tuple(dict.fromkeys(sink.meta_rows)),
    )


def _lead(sink: ClaimSink) -> list[Block]:
    """The headlines and the first sentence of an untitled first paragraph.

    Only the lead's first sentence: later ones tell the background.
    """
    lead: list[Block] = list(sink.doc.headlines)
    if sink.doc.sections and sink.doc.sections[0].heading is None:
        first = sink.doc.sections[0].blocks[:1]
        if first and isinstance(first[0], Paragraph):
            paragraph = first[0]
            sentence = first_sentence(paragraph.text)
            lead.append(replace(paragraph, end=paragraph.start + len(sentence), text=sentence))
    return lead


def _status(sink: ClaimSink, lead: list[Block]) -> str | None:
    """``Held`` or ``Scheduled`` by the words of the status key and the lead, else ``None``."""
    text = "\n".join(b.plain for b in lead)
    if "status" in sink.meta:
        text = sink.meta["status"][0] + "\n" + text
    if HELD_CUES.search(text):
        return "Held"
    if SCHEDULED_CUES.search(text):
        return "Scheduled"
    return None


def _first_of_kind(
    gaz: Gazetteer, blocks: Iterable[Block], kinds: tuple[str, ...]
) -> tuple[Entity, ...]:
    """The entities of ``kinds`` the first block that names any names."""
    for block in blocks:
        text = block.title if isinstance(block, Heading) else block.plain
        found = tuple(e for e in gaz.entities_in(text) if e.kind in kinds)
        if found:
            return found
    return ()
