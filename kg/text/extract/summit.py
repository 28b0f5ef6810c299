"""The summit claim: the lead (headlines and first sentence), the opening prose and the summit
details in, one :class:`~kg.text.claims.SummitClaim` (participants, place, host, dates,
status) out.

Participants are the actors meeting: the people the first lead line that
names any names (else its states or bodies), leaving out those of a clause
that says they will not attend or that tells an earlier meeting; else the
participants an actor list or a key/value table gives, with the host. The
place is the venue key's place, else the lead's first place after "in" or
"at", else its first place. Dates come from the key/value table or from the
prose ("9-10 September", "Feb. 28, 2019", "22 and 23 November", "on Friday"
when the document's date is known): the text as written and, where the year
is known or follows from the document's date, the calendar start and end.
The status is ``Held`` or ``Scheduled`` by the cues of the lead
(:data:`~kg.text.lexicon.SUMMIT_HELD`, :data:`~kg.text.lexicon.SUMMIT_SCHEDULED`),
else by its dates against the document's date.

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> doc = parse_article("Putin and Trump Met in Alaska\\n\\nThe talks ended on 15 August 2025.")
    >>> summit = read_summit(ClaimSink(doc, Gazetteer.bundled()))
    >>> summit.label, summit.status
    ('Summit of Donald Trump and Vladimir Putin in Alaska', 'Held')
    >>> summit.dates, summit.start.isoformat(), summit.end.isoformat()
    ('15 August 2025', '2025-08-15', '2025-08-15')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.text.claims import Entity, SummitClaim
from kg.text.document import Block, Heading, Paragraph
from kg.text.extract.actors import actor_values
from kg.text.extract.sink import ClaimSink
from kg.text.gazetteer import Gazetteer, Mention
from kg.text.lexicon import (
    ATTENDANCE_WORDS,
    DAYS_LONG,
    HELD_CUES,
    LEADER_BEFORE,
    MEETING_OPENED,
    MEETING_WORDS,
    MONTHS,
    NAME_GOES_ON,
    NAME_HEADS,
    NOT_ATTENDING,
    NOT_NAMES,
    PAGE_DATE_CUES,
    PAST_SUMMIT,
    SCHEDULED_CUES,
    SENT_TO_ATTEND,
    SPEAKS,
    SUMMIT_HELD,
    SUMMIT_SCHEDULED,
    UNTIL,
    VENUE_AFTER,
    VENUE_OF,
    WEEKDAYS,
)
from kg.text.parse.headings import MEMO_FIELD, is_subject_field
from kg.text.parse.sentences import split_sentences

__all__ = ["SummitDates", "find_dates", "read_summit", "sentences"]

_OPENING_PARAGRAPHS = 4
"""Paragraphs of the opening read for the summit's dates and status after the lead."""


def read_summit(sink: ClaimSink) -> SummitClaim | None:
    """The summit the document reports, or ``None`` when it names no participant.

    Summit details (a key/value table) without participants are warned about.
    """
    opening = _Opening.of(sink)
    sink.published = opening.published
    lead = opening.lead
    meta = sink.meta
    participants = _participants(sink.gaz, opening)
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
        place = _venue_value(sink, meta["venue"][0])
    if place is None:
        place = _venue(sink, opening.lead_texts, opening.dateline)
    participants = tuple(sorted(participants, key=lambda p: p.label))
    names = " and ".join(p.label for p in participants)
    label = f"Summit of {names}" + (f" in {place.label}" if place else "")
    if not lead and not sink.meta_rows:
        return None  # participants from a list alone, with no headline to cite
    status = _status(sink, opening)
    written = meta["dates"][0] if "dates" in meta else None
    published = opening.published
    dates = find_dates(written, published, status) if written else None
    if dates is None and written is None:
        dates = _prose_dates(opening, status)
    if status is None and dates is not None and dates.start and published:
        if dates.start > published:
            status = "Scheduled"
        elif (dates.end or dates.start) < published:
            status = "Held"
        else:  # reported the day it opens: the lead's verbs, told beside an earlier meeting
            status = _status_beside_past(opening) or "Scheduled"
    return SummitClaim(
        participants=participants,
        place=place,
        status=status,
        label=label,
        source=lead[0] if lead else sink.meta_rows[0],
        name=meta["name"][0] if "name" in meta else None,
        host=host,
        dates=written if written is not None else (dates.text if dates else None),
        sources=tuple(dict.fromkeys(sink.meta_rows)),
        start=dates.start if dates else None,
        end=dates.end if dates else None,
    )


# --- the opening: headlines, date lines, the lead paragraph -----------------------------------

_DATELINE = re.compile(r"^(?P<line>[^\n]{0,80}?(?:19|20)\d\d(?:\s*\([^)]*\))?)\s*[-–—.]\s+")
_WIRE_DATELINE = re.compile(
    r"(?P<city>[A-ZÀ-ÖØ-ÞĀ-ž][A-ZÀ-ÖØ-ÞĀ-ž’'.-]{1,25}(?:\s[A-ZÀ-ÖØ-ÞĀ-ž][A-ZÀ-ÖØ-ÞĀ-ž’'.-]{1,25}){0,2})"
    r"(?:,\s[^()\n]{1,60}?)?(?:\s?\([^()\n]{1,40}\)\s?[-–—]|\s[–—])\s"
)
"""A dateline: the city in capitals where the story was filed, the agency and a dash
("SUVA (PNS) - …"), or a long dash alone ("TASHKENT — …", "VALPARAÍSO, Chile — …")."""
_FURNITURE_LINE = re.compile(r"^By\s+[A-Z]|\s\|\s|^(?:\S+\s+){0,4}\S+$")
"""A paragraph that is no lead: a byline ("By A and B"), a line of links ("Politics |
Economy"), five words or fewer."""
_OPENING_BLOCKS = 8
"""Blocks at the top of a document searched for its date line and its lead paragraph."""


@dataclass(frozen=True)
class _Opening:
    """The top of a document: the lead (headlines and the lead paragraph's first sentence),
    the lead paragraph's sentences, the next paragraphs, and the page's date."""

    lead: tuple[Block, ...]
    lead_texts: tuple[str, ...]
    sentences: tuple[str, ...]
    later: tuple[str, ...]
    published: date | None
    dateline: str | None = None

    @classmethod
    def of(cls, sink: ClaimSink) -> _Opening:
        published = _metadata_date(sink)
        blocks: list[Block] = list(sink.doc.headlines)
        for section in sink.doc.sections[:2]:
            if section.heading is not None:
                blocks.append(section.heading)
            blocks.extend(section.blocks)
        headlines: list[Block] = []
        paragraphs: list[tuple[Paragraph, str]] = []
        taken = 0
        for block in blocks:
            text = _text(block)
            field = MEMO_FIELD.match(text) if isinstance(block, Paragraph) else None
            taken += field is None  # a memo's header fields take no place of the opening's
            if taken > _OPENING_BLOCKS:
                break
            dated = _date_line(text)
            if dated is not None:  # "By … | Updated 2 September 2026", "Seoul, April 14, 2026"
                published = published or dated
                continue
            if field is not None:  # a memo's header: its subject leads, "To:", "From:" do not
                if is_subject_field(field):
                    headlines.append(block)
                continue
            if isinstance(block, Paragraph):
                if not paragraphs and _FURNITURE_LINE.search(text.strip()):
                    continue  # a byline or a line of links before the lead
                prefix = _DATELINE.match(text)
                if prefix and len(prefix.group("line").split()) <= 8:
                    dated = _full_date(prefix.group("line"))
                    if dated is not None:  # "KANANASKIS, Alberta, June 17, 2025 (Wire) - …"
                        published = published or dated
                        text = text[prefix.end() :]
                paragraphs.append((block, text))
            elif block in sink.doc.headlines:
                headlines.append(block)
        if published is None and paragraphs:  # a byline the parser skipped as noise
            published = _skipped_date_line(sink.doc.text, [p for p, _ in paragraphs])
        lead: list[Block] = list(headlines)
        lead_texts = [_lead_text(b) for b in headlines]
        first: list[str] = []
        dateline: str | None = None
        if paragraphs:
            paragraph, text = paragraphs[0]
            wire = _WIRE_DATELINE.match(paragraph.plain)
            if (
                wire is not None and wire.group("city").isupper()
            ):  # "SUVA (PNS) - …", "LETICIA, Colombia, Aug 28 (Wire) - …"
                dateline = wire.group("city").strip().title()
                if text.startswith(paragraph.plain[: wire.end()]):
                    filed = text[: wire.end()]
                    text = text[wire.end() :]  # the day it was filed is not the summit's
                    published = published or _filed(filed, sink.doc.text)
            first = sentences(text)
            cut = split_sentences(paragraph)  # a sentence is a segment mapping can cite
            lead.append(cut[0] if len(cut) > 1 else paragraph)
            lead_texts.append(first[0] if first else text)
        later = [s for _, text in paragraphs[1:_OPENING_PARAGRAPHS] for s in sentences(text)]
        return cls(tuple(lead), tuple(lead_texts), tuple(first), tuple(later), published, dateline)


_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
"""A page's copyright line ("© 2026 Southcone Wire"): the year of a dateline that has none."""


def _filed(dateline: str, text: str) -> date | None:
    """The day a wire dateline without a year was filed ("FOZ DO IGUAÇU, Brazil, March 5
    (Wire) -"), in the year of the page's copyright line, if it has one.

    Examples:
        >>> _filed("SUVA, Fiji, Sept 11 (Wire) - ", "… © 2026 Wire")
        datetime.date(2026, 9, 11)
        >>> _filed("SUVA, Fiji, Sept 11 (Wire) - ", "no year here") is None
        True
    """
    copyright = _COPYRIGHT.search(text)
    found = find_dates(dateline) if copyright is not None else None
    if copyright is None or found is None or found.start is not None:
        return None
    return _full_date(f"{found.text} {copyright.group('year')}")


def _text(block: Block) -> str:
    return block.title if isinstance(block, Heading) else block.plain


def _lead_text(block: Block) -> str:
    """A lead block's text; a memo's subject line without its key ("Subject: …")."""
    text = _text(block)
    field = MEMO_FIELD.match(text)
    return field.group("value") if field is not None else text


def _metadata_date(sink: ClaimSink) -> date | None:
    """The date the document's metadata gives (a saved page's)."""
    written = sink.doc.metadata.date
    if not written:
        return None
    try:
        return date.fromisoformat(written[:10])
    except ValueError:
        return None


def _skipped_date_line(text: str, paragraphs: list[Paragraph]) -> date | None:
    """The date of the first line above the last opening paragraph that is in no paragraph
    (a byline or date line the parser skipped as noise), as :func:`_date_line` reads it.

    Examples:
        >>> from kg.text.document import Paragraph
        >>> text = "**Standfirst here**\\n\\nBy A. Reporter | Published March 13, 2026\\n\\nLead."
        >>> first = Paragraph(0, 19, 1, text[:19])
        >>> lead = Paragraph(len(text) - 5, len(text), 5, "Lead.")
        >>> _skipped_date_line(text, [first, lead])
        datetime.date(2026, 3, 13)
    """
    offset = 0
    for line in text[: paragraphs[-1].start].splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if any(p.start <= start < p.end for p in paragraphs):
            continue
        found = _date_line(line.strip())
        if found is not None:
            return found
    return None


def _full_date(text: str) -> date | None:
    """The first date with its year in ``text``."""
    found = find_dates(text)
    return found.start if found is not None else None


_TIME_OF_DAY = re.compile(r",?\s*\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}\b)?", re.I)
"""A time after a date line's date ("17 November 2026, 09:30 KST")."""


def _date_line(text: str) -> date | None:
    """The date of a byline or date line ("Published: 3 September 2026", "Seoul, April 14,
    2026"), ``None`` for any other line (a headline that states the summit's date)."""
    if len(text) > 120:
        return None
    found = find_dates(text)
    if found is None or found.start is None:
        return None
    rest = _TIME_OF_DAY.sub(" ", text.replace(found.text, " "))
    if PAGE_DATE_CUES.search(rest) or len(re.findall(r"[^\W\d_]+", rest)) <= 3:
        return found.start
    cells = (_TIME_OF_DAY.sub("", cell).strip(" *_,") for cell in text.split("|")[1:])
    if any(cell == found.text.strip() for cell in cells):
        return found.start  # "Explainer | 8 May 2026, 09:30 | Middle East desk": a dated byline
    return None


# --- who meets, and where ---------------------------------------------------------------------

_CLAUSE = re.compile(
    r"[;:(]|,\s*(?=(?:but|while|whereas|although|though|even though|even as)\b)|\bbut\b"
)
_PART = re.compile(r",\s*|\s+(?=after\b|since\b)")


def _clauses(
    text: str, *, absent: bool = True, before_past: bool = False
) -> Iterator[tuple[int, str]]:
    """``(start, clause)`` of the clauses of ``text`` that speak of this summit.

    A clause (split at "but", "while", ";"…) that says someone will not
    attend is left out whole (unless ``absent`` is false); of the rest, the
    parts between commas that tell an earlier meeting ("who last met in
    Bali") are left out, or with ``before_past`` cut where they start to tell
    it ("agreed on Tuesday to restore ties severed nine years ago": "agreed on
    Tuesday to restore ties severed").
    """
    for start, clause in _split(_CLAUSE, text):
        if absent and NOT_ATTENDING.search(clause):
            continue
        for offset, part in _split(_PART, clause):
            past = PAST_SUMMIT.search(part)
            if past is None:
                yield start + offset, part
            elif before_past:
                yield start + offset, part[: past.start()]


def _split(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for match in pattern.finditer(text):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


def _meeting(
    gaz: Gazetteer, text: str, kinds: tuple[str, ...], *, speakers: bool = True
) -> list[Entity]:
    """The entities of ``kinds`` a text names as meeting: not in a clause that says they will
    not attend ("the presidents of China and Russia will not attend") or that tells an earlier
    meeting ("who last met in Bali"), and no person who only speaks of it ("aide Yuri Ushakov
    told reporters", unless ``speakers``: a headline's "Trump says …"), but a head of state or
    government who does ("President Cyril Ramaphosa said the text …")."""
    found: dict[str, Entity] = {}
    for start, clause in _clauses(text):
        for mention in gaz.find(clause):
            entity = mention.entity
            if entity.kind not in kinds:
                continue
            before = clause[max(0, mention.start - 60) : mention.start]
            if (
                not speakers
                and SPEAKS.match(text[start + mention.end :])
                and not LEADER_BEFORE.search(before)
            ):
                continue  # an aide who speaks of it (a leader who does attends)
            found.setdefault(entity.id, entity)
    return list(found.values())


def _participants(gaz: Gazetteer, opening: _Opening) -> tuple[Entity, ...]:
    """The actors meeting: the people the headlines, the lead and the lead paragraph's
    sentences about the meeting name as meeting ("NATO leaders meet … a summit that Secretary
    General Mark Rutte has kept short": Rutte, not NATO), with those the opening says were
    sent or are expected (:data:`SENT_TO_ATTEND`); else a bloc the headlines or the lead name
    ("G7 leaders gather"); else the states of the first lead line that names any."""
    headlines = len(opening.lead_texts) - (1 if opening.sentences else 0)
    texts = [*opening.lead_texts, *(s for s in opening.sentences[1:3] if MEETING_WORDS.search(s))]
    people: dict[str, Entity] = {}
    for index, text in enumerate(texts):
        for person in _meeting(gaz, text, ("Person",), speakers=index < headlines):
            people.setdefault(person.id, person)
    if len(people) < 2:  # the lead names no pair: who the next paragraphs say attends
        for text in opening.later:
            if ATTENDANCE_WORDS.search(text) or MEETING_WORDS.search(text):
                for person in _meeting(gaz, text, ("Person",), speakers=False):
                    people.setdefault(person.id, person)
    if people:  # beside the leaders named, who the opening says was sent or is expected
        for text in (*opening.sentences[1:], *opening.later):
            if SENT_TO_ATTEND.search(text):
                for person in _meeting(gaz, text, ("Person",), speakers=False):
                    people.setdefault(person.id, person)
    if people:
        return tuple(people.values())
    states: list[Entity] = []
    for text in opening.lead_texts:
        blocs = _meeting(gaz, text, ("Organization",))
        if blocs:
            return tuple(blocs)
        states = states or _meeting(gaz, text, ("State",))
    return tuple(states)


_VENUE_WORD = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _venue(sink: ClaimSink, texts: Iterable[str], dateline: str | None = None) -> Entity | None:
    """The venue the lead names: "the Black Sea resort of Sochi", else its first known place
    after "in" or "at" ("talks in Hanoi", "at the … in Busan"), else a new name after a meeting
    word ("to meet in Sochi"), else a wire's dateline city ("SUVA (PNS) - …"), else its first
    place; never in a clause about an earlier meeting."""
    gaz = sink.gaz
    fallback: Entity | None = None
    for text in texts:
        for summit in _NAMED_SUMMIT.finditer(text):
            venue = _summit_name(sink, summit.group("name"))
            if venue is not None:
                return venue
        for _, clause in _clauses(text, absent=False):
            named = VENUE_OF.search(clause)
            if named is not None:
                venue = _named_place(sink, named.group("name"), clause[named.end() :])
                if venue is not None:
                    return venue
            mentions: list[Mention] = [m for m in gaz.find(clause) if m.entity.is_place]
            for mention in mentions:
                if _VENUE_WORD.search(clause[: mention.start]):
                    return mention.entity
            named = VENUE_AFTER.search(clause)
            if named is not None:
                venue = _named_place(sink, named.group("name"), clause[named.end() :])
                if venue is not None:
                    return venue
            if mentions and fallback is None:
                fallback = mentions[0].entity
    if dateline is not None:
        filed = _named_place(sink, dateline)
        if filed is not None:
            return filed
    return fallback


_NAMED_SUMMIT = re.compile(r"\b(?P<name>[A-Z][\w’'-]+)\s+summit\b")
"""A summit named by its city ("the Helsinki summit", "Kuching summit: what …")."""


def _summit_name(sink: ClaimSink, name: str) -> Entity | None:
    """The place a summit is named by, where the text also names it as where something
    happens ("in Kuching"): a place the gazetteer knows that is not a state's own name
    ("Helsinki", not "Russia"), else a new place for a name it does not know."""
    if name in NOT_NAMES or not re.search(rf"\b(?:in|at)\s+{re.escape(name)}\b", sink.doc.text):
        return None
    known = sink.gaz.find(name)
    if not known:
        return _named_place(sink, name)
    places = sink.gaz.places_in(name)
    if len(known) != 1 or not places or known[0].entity.label == places[0].label:
        return None
    return places[0] if known[0].entity.kind in ("State", "Place") else None


_PLAIN_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?")


def _venue_value(sink: ClaimSink, value: str) -> Entity | None:
    """The place a venue value names: its first part that is a plain name of one or two words
    and not a state ("Kananaskis, Alberta" → Kananaskis; "Grand Philharmonic Hall, Old
    island, Vilnius" → Vilnius; a name not yet known is made a place), else the first place
    the value holds."""
    for part in value.split(","):
        part = part.strip()
        if not _PLAIN_NAME.fullmatch(part) or set(part.split()) & NAME_HEADS:
            continue  # a building, a street, "Old island"
        known = sink.gaz.find(part)
        if any(m.entity.kind == "State" for m in known):
            continue
        places = sink.gaz.places_in(part)
        if places:
            return places[0]
        if not known:
            return _named_place(sink, part)
    venues = sink.gaz.places_in(value)
    return venues[0] if venues else None


def _named_place(sink: ClaimSink, name: str, after: str = "") -> Entity | None:
    """The place a venue phrase names: a known place, else a new one (no actor, no month).

    Trailing dates and small words are dropped ("Sochi Friday"); a name of a building, body
    or event ("the White House", "the Elysee Palace", "the Sochi Summit") or one that goes on
    ("the Great Hall of the People") is never cut to a new place ("White"): only a place the
    gazetteer knows in it can be the venue. ``after`` is the text after the phrase.
    """
    words = name.split()
    while words and words[-1] not in NAME_HEADS:
        if words[-1] not in NOT_NAMES and words[-1].lower() not in MONTHS:
            break
        words.pop()
    name = " ".join(words)
    if not name or words[0] in NOT_NAMES or words[0].lower() in MONTHS:
        return None
    if words[-1] in NAME_HEADS or NAME_GOES_ON.match(after):
        places = sink.gaz.places_in(name)
        return places[0] if places else None
    known = [m.entity for m in sink.gaz.find(name)]
    if known:
        places = sink.gaz.places_in(name)
        return places[0] if places and len(known) == 1 else None
    return sink.mint(name, "Place")


# --- status -----------------------------------------------------------------------------------


def _status(sink: ClaimSink, opening: _Opening) -> str | None:
    """``Held`` or ``Scheduled``: the status key, else the first cue of the lead, else of the
    lead paragraph's sentences about the meeting; clauses about an earlier meeting and legends
    ("area held by …") say nothing."""
    if "status" in sink.meta:
        text = sink.meta["status"][0]
        if HELD_CUES.search(text):
            return "Held"
        if SCHEDULED_CUES.search(text):
            return "Scheduled"
    for text in _status_texts(opening):
        cue = _first_cue(text)
        if cue is not None:
            return cue
    return None


def _status_texts(opening: _Opening) -> list[str]:
    """Where the status is read: the lead, then the lead paragraph's sentences about the
    meeting."""
    return [*opening.lead_texts, *(s for s in opening.sentences[1:] if MEETING_WORDS.search(s))]


def _status_beside_past(opening: _Opening) -> str | None:
    """The first cue of the lead read up to where each clause tells an earlier meeting ("met
    for five hours, ending the first summit between them in a decade": held)."""
    for text in (*_status_texts(opening), *opening.later[:2]):
        cue = _first_cue(text, before_past=True)
        if cue is not None:
            return cue
    return None


def _first_cue(text: str, *, before_past: bool = False) -> str | None:
    """The status the earliest cue of ``text`` gives, outside clauses about earlier meetings
    (``before_past``: in such a clause, before it tells the earlier meeting)."""
    best: tuple[int, str] | None = None
    for start, clause in _clauses(text, absent=False, before_past=before_past):
        for pattern, status in ((SUMMIT_HELD, "Held"), (SUMMIT_SCHEDULED, "Scheduled")):
            match = pattern.search(clause)
            if match and (best is None or start + match.start() < best[0]):
                best = (start + match.start(), status)
    return best[1] if best else None


# --- dates ------------------------------------------------------------------------------------


def _month(group: str) -> str:
    return (
        rf"(?P<{group}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
        r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    )


_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_D1, _D2 = _DAY.format("d1"), _DAY.format("d2")
_M1, _M2 = _month("month"), _month("month2")
_TO = r"\s*(?:-|–|—|to|and|&)\s*"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DATE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b{_D1}\s+(?:of\s+)?{_M1}{_TO}{_D2}\s+(?:of\s+)?{_M2}{_YEAR}\b",  # 31 Aug - 1 Sep
        rf"\b{_M1}\s+{_D1}{_TO}{_M2}\s+{_D2}(?!\d){_YEAR}\b",  # August 31 to September 1
        rf"\b{_D1}(?:{_TO}{_D2})?\s+(?:of\s+)?{_M1}{_YEAR}\b",  # 9-10 September 2023
        rf"\b{_M1}\s+{_D1}(?:{_TO}{_D2})?(?!\d){_YEAR}\b",  # Feb. 28, 2019; June 24 and 25
        r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d1>[0-3]\d)\b",  # 2025-08-15
    )
)
_WEEKDAY = re.compile(
    r"\b(?P<rel>on|this|next|last|coming)\s+(?P<weekday>monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_PAST_TENSE = re.compile(
    r"\b(?!(?:scheduled|expected|planned|proposed|invited|slated|billed)\b)(?![a-z]*eed\b)"
    r"[a-z]{2,}ed\b"
    r"|\b(?:stood|met|held|said|made|took|gave|went|came|sat|spoke|told|left|began|won|saw|kept"
    r"|brought|shook)\b",
    re.IGNORECASE,
)
"""A verb in the past before a weekday, where the lead has no status cue ("stood side by side
in Chisinau on Wednesday"): the weekday is counted back from the document's date."""
_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|confirmed|added|reported|wrote)(?:\s+\w+)?\s*$", re.IGNORECASE
)
"""Words before a weekday that date the report, not the meeting ("officials said on Tuesday")."""
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|No|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)


@dataclass(frozen=True)
class SummitDates:
    """Summit dates found in a text: the span as written, and the calendar dates it gives.

    ``start`` and ``end`` are ``None`` when the year is neither written nor follows
    from the document's date.
    """

    text: str
    start: date | None
    end: date | None


def find_dates(
    text: str, published: date | None = None, status: str | None = None
) -> SummitDates | None:
    """The first dates ``text`` writes, with their calendar dates where the year is known.

    A date without a year takes the document's (``published``) year, the one
    nearest the document's date; a weekday ("on Friday") needs the document's
    date and counts forward from it, backward when the summit is ``Held``.

    Examples:
        >>> found = find_dates("Leaders gather on 9-10 September 2023 in New Delhi.")
        >>> found.text, found.start.isoformat(), found.end.isoformat()
        ('9-10 September 2023', '2023-09-09', '2023-09-10')
        >>> find_dates("the summit ended on Feb. 28, 2019").start.isoformat()
        '2019-02-28'
        >>> find_dates("on 22 and 23 November", date(2025, 11, 1)).end
        datetime.date(2025, 11, 23)
        >>> find_dates("They meet on Friday.", date(2025, 8, 12)).start
        datetime.date(2025, 8, 15)
        >>> find_dates("in a matter of days") is None, find_dates("next Friday") is None
        (True, True)
        >>> find_dates("Trump said on Wednesday that talks are off.", date(2025, 10, 22)) is None
        True
        >>> find_dates("on 9-10 September")
        SummitDates(text='9-10 September', start=None, end=None)
    """
    weekday = next(
        (w for w in _WEEKDAY.finditer(text) if not _REPORTED.search(text[: w.start()])), None
    )
    inner = re.match(r"\s*\(([^)]*)\)", text[weekday.end() :]) if weekday else None
    if weekday is not None and inner is not None:  # "on Thursday (Oct 30)"
        dated = find_dates(inner.group(1), published, status)
        if dated is not None:
            written = text[weekday.start("weekday") : weekday.end() + inner.end()]
            return SummitDates(written, dated.start, dated.end)
    matches = _date_matches(text)
    if matches:
        second = matches[1] if len(matches) > 1 else None
        until = second is not None and UNTIL.search(text[matches[0].end() : second.start()])
        last = _calendar(second, published) if second is not None and until else None
        first = _calendar(matches[0], published, last.start.year if last and last.start else None)
        if (
            first is not None
            and last is not None
            and second is not None
            and first.start is not None
            and last.end is not None
            and first.start == first.end
            and first.start <= last.end
        ):  # "opens on 10 November and is scheduled to close on 21 November 2025"
            return SummitDates(text[matches[0].start() : second.end()], first.start, last.end)
        if first is not None:
            return first
    if weekday is None:
        return None
    written = weekday.group(0)
    if written.lower().startswith("on "):
        written = written[3:]
    if published is None:
        return None  # "next Friday" in a text of unknown date: no date at all
    target = WEEKDAYS[weekday.group("weekday").lower()]
    relation = weekday.group("rel").lower()
    told = status is None and _PAST_TENSE.search(text[: weekday.start()]) is not None
    back = relation == "last" or (relation == "on" and (status == "Held" or told))
    if back:
        day = published - timedelta(days=(published.weekday() - target) % 7)
    else:
        day = published + timedelta(days=(target - published.weekday()) % 7)
        if relation == "next" and day == published:
            day += timedelta(days=7)
    return SummitDates(written, day, day)


def _date_matches(text: str) -> list[re.Match[str]]:
    """Every date ``text`` writes, left to right, the longest where two overlap."""
    found = sorted(
        (m for pattern in _DATE_PATTERNS for m in pattern.finditer(text)),
        key=lambda m: (m.start(), -m.end()),
    )
    kept: list[re.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _calendar(
    match: re.Match[str], published: date | None, year: int | None = None
) -> SummitDates | None:
    """The calendar dates of one date match, or ``None`` when they are no real date.

    ``year`` is the year a later date of the same range writes ("10 November … 21 November
    2025").
    """
    groups = match.groupdict()
    month = MONTHS.get((groups.get("month") or "").lower()) or int(groups.get("m") or 0)
    month2 = MONTHS.get((groups.get("month2") or "").lower()) or month
    first = int(groups["d1"])
    last = int(groups["d2"]) if groups.get("d2") else first
    written = match.group(0).strip()
    if groups.get("month") == "may" or not 1 <= first <= 31 or not 1 <= last <= 31:
        return None  # "may 5" is a modal verb and a number
    if groups.get("year"):
        years = [int(groups["year"])]
    elif year is not None:
        years = [year]
    elif published is not None:
        years = [published.year - 1, published.year, published.year + 1]
    else:
        return SummitDates(written, None, None)
    best: tuple[int, date, date] | None = None
    for candidate in years:
        try:
            start, end = date(candidate, month, first), date(candidate, month2, last)
        except ValueError:
            continue
        if end < start:
            continue
        distance = abs((start - published).days) if published and len(years) > 1 else 0
        if best is None or distance < best[0]:
            best = (distance, start, end)
    if best is None:
        return None
    return SummitDates(written, best[1], best[2])


def sentences(text: str) -> list[str]:
    """``text`` split into sentences, not after an abbreviation ("Feb. 28", "U.S. officials").

    Examples:
        >>> sentences("Trump met Kim on Feb. 28, 2019 in Hanoi. Talks ended early.")
        ['Trump met Kim on Feb. 28, 2019 in Hanoi.', 'Talks ended early.']
    """
    found: list[str] = []
    start = 0
    for match in re.finditer(r"(?<=[.!?])\s+(?=[\"“‘'(\[]?[A-Z0-9])", text):
        # the abbreviation ends the text before the gap: read its last few characters only
        if _ABBREVIATION.search(text, max(start, match.start() - 8), match.start()):
            continue
        found.append(text[start : match.start()])
        start = match.end()
    found.append(text[start:])
    return [s for s in found if s.strip()]


def _prose_dates(opening: _Opening, status: str | None) -> SummitDates | None:
    """The first dates of the headlines and the lead, else of the opening sentences about the
    meeting (not about an earlier one): with calendar dates where they can be had, else as
    written. A date the text gives only by its weekday ("agreed on Monday") gives way to a
    calendar date of a later sentence within a week of it ("held on 22 and 23 November"); a
    meeting's length may come from another sentence ("… two days of talks, which ended …")."""
    texts = list(opening.lead_texts)
    for sentence in (*opening.sentences[1:], *opening.later):
        if MEETING_WORDS.search(sentence):
            past = PAST_SUMMIT.search(sentence)  # "…, whose government brokered last year's …"
            texts.append(sentence if past is None else sentence[: past.start()])
    first: SummitDates | None = None
    by_weekday: SummitDates | None = None
    lasting = next((text for text in texts if DAYS_LONG.search(text)), "")
    for text in texts:
        found = find_dates(text, opening.published, status)
        if found is None:
            continue
        found = _lasting(found, text, text if DAYS_LONG.search(text) else lasting, status)
        if found.start is None:
            first = first or found
        elif not _WRITES_DAY.search(found.text):
            by_weekday = by_weekday or found  # "on Monday": a calendar date later may say more
        else:
            calendar = _beside_weekday(found, by_weekday, opening.published)
            if calendar is not None:
                return calendar
    return by_weekday or first


_WRITES_DAY = re.compile(r"\d")
"""A date written with its day of the month (not only a weekday: "on Monday")."""


def _beside_weekday(
    calendar: SummitDates, weekday: SummitDates | None, published: date | None
) -> SummitDates | None:
    """A later sentence's calendar date against the lead's weekday date: the calendar date
    when it is within a week of either that date or the document's, joined with the weekday's
    day where that is the day before or after it ("opened on Monday, 9 November" … "agreed on
    Tuesday"); ``None`` (another meeting) when it is further off.

    Examples:
        >>> held = SummitDates("22 and 23 November", date(2026, 11, 22), date(2026, 11, 23))
        >>> _beside_weekday(held, SummitDates("Monday", date(2026, 11, 23), date(2026, 11, 23)),
        ...                 None) == held
        True
        >>> opened = SummitDates("9 November", date(2026, 11, 9), date(2026, 11, 9))
        >>> tuesday = SummitDates("Tuesday", date(2026, 11, 10), date(2026, 11, 10))
        >>> _beside_weekday(opened, tuesday, None).end
        datetime.date(2026, 11, 10)
        >>> _beside_weekday(opened, SummitDates("Friday", date(2026, 12, 4), None), None) is None
        True
    """
    if calendar.start is None or weekday is None or weekday.start is None:
        return calendar
    first, last = calendar.start, calendar.end or calendar.start
    day = timedelta(days=1)
    near = abs((first - weekday.start).days) <= 7
    if not near and (published is None or abs((first - published).days) > 7):
        return None
    if first - day <= weekday.start <= last + day:
        return replace(calendar, start=min(first, weekday.start), end=max(last, weekday.start))
    return calendar


def _lasting(found: SummitDates, text: str, context: str, status: str | None) -> SummitDates:
    """One day of a meeting ``context`` says lasts several ("ended a two-day summit on Monday"):
    its first when ``text`` says the meeting opened then, its last when it has ended, else its
    first."""
    days = DAYS_LONG.search(context)
    if days is None or found.start is None or found.start != found.end:
        return found
    count = _NUMBERS.get(days.group("n").lower(), 1) - 1
    opened = MEETING_OPENED.search(text) is not None
    if not opened and (status == "Held" or SUMMIT_HELD.search(context)):
        return replace(found, start=found.start - timedelta(days=count))
    return replace(found, end=found.start + timedelta(days=count))


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
