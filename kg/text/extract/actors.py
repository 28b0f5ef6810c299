"""Finding actors: the blocks of a document in, actors (known or newly minted) out.

Actors come from the gazetteer. People a document introduces with a title
("Foreign Minister Anna Berg", "ambassador Jonas Lund") or a role in
apposition ("Australia's prime minister, Anthony Albanese"; "Anthony
Albanese, the Australian prime minister"), organisations introduced with
their acronym ("the Pacific Islands Forum (PIF)"), and names in actor
columns, actor lists, a key/value table's host and participants, and
possessive headers ("Norway's Aim") become new actors, found again by
surname (or acronym). :func:`discover` reads the whole document for them
first, so that every later reader finds them.

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> sink = ClaimSink(parse_article("Talks\\n"), Gazetteer.bundled())
    >>> [a.label for a in actor_values(sink, "Trump; Foreign Minister Anna Berg", "")]
    ['Anna Berg']
    >>> [a.label for a in actor_values(sink, "Trump and Freedonia", "Country")]
    ['Donald Trump', 'Freedonia']
"""

from __future__ import annotations

import re

from kg.text.budget import check_budget
from kg.text.claims import Entity
from kg.text.document import Heading, ListBlock, Paragraph, Section, Table
from kg.text.extract.blocks import intro_sentence, is_key_value, lead_name, pairs
from kg.text.extract.sink import ClaimSink
from kg.text.lexicon import (
    ACTOR_HEADING,
    ADDRESS_CUE,
    NOT_NAMES,
    PARTICLES,
    POSSESSIVE_ROLES,
    ROLE_NOUNS,
    ROLE_NOUNS_SEARCHED,
    actor_kind,
    column_role,
    is_empty,
    list_role,
    meta_field,
    titled_names,
)

__all__ = [
    "acronyms",
    "actor_values",
    "addressees",
    "appositive_names",
    "discover",
    "header_actors",
    "introduced_people",
    "section_actors",
]

_PARTICLE = "|".join(sorted(PARTICLES))
_NAME = rf"[A-Z][\w’'.-]+(?:\s+(?:(?:{_PARTICLE})\s+)?[A-Z][\w’'.-]+){{1,3}}"
_ROLE_THEN_NAME = re.compile(rf"(?<![\w-])(?i:{ROLE_NOUNS_SEARCHED}),?\s+(?P<name>{_NAME})")
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.-]*(?:[’']s)?\s+){{0,2}}"
    rf"(?:{ROLE_NOUNS})\b"
)
_ACRONYM = re.compile(
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:of|for|and|on|the|de|[A-Z][\w’'-]*)){1,9})"
    r"\s+\((?P<acronym>[A-Z][A-Za-z&.]{1,9})\)"
)


def _clean_name(name: str) -> str | None:
    """A person's name without a trailing possessive, or ``None`` if a word is not a name's."""
    tokens = name.split()
    if tokens and tokens[-1].endswith(("’s", "'s")):
        tokens[-1] = tokens[-1][:-2]
    tokens = [t.rstrip(".,") if len(t) > 2 else t for t in tokens]
    if len(tokens) < 2 or any(t in NOT_NAMES for t in tokens):
        return None
    return " ".join(tokens)


def appositive_names(text: str) -> list[str]:
    """People a text names beside a lower-case role, in order.

    Examples:
        >>> appositive_names("Australia's prime minister, Anthony Albanese, met Penny Wong, "
        ...                  "the Australian foreign minister.")
        ['Anthony Albanese', 'Penny Wong']
        >>> appositive_names("In Hanoi, the president spoke.")
        []
    """
    found: list[tuple[int, str]] = []
    for pattern in (_ROLE_THEN_NAME, _NAME_THEN_ROLE):
        for match in pattern.finditer(text):
            name = _clean_name(match.group("name"))
            if name is not None:
                found.append((match.start("name"), name))
    return list(dict.fromkeys(name for _, name in sorted(found)))


def acronyms(text: str) -> list[tuple[str, str]]:
    """``(name, acronym)`` of each organisation a text introduces with its acronym.

    The acronym's letters are the name's in order, starting with its first.

    Examples:
        >>> acronyms("leaders of the Association of Southeast Asian Nations (ASEAN) met")
        [('Association of Southeast Asian Nations', 'ASEAN')]
        >>> acronyms("the Pacific Islands Forum (PIF); The Talks (2019)")
        [('Pacific Islands Forum', 'PIF')]
    """
    found: list[tuple[str, str]] = []
    for match in _ACRONYM.finditer(text):
        acronym = match.group("acronym")
        letters = [c for c in acronym.lower() if c.isalpha()]
        words = match.group("name").split()
        while words and (words[0][0].lower() != letters[0] or words[0] in NOT_NAMES):
            words.pop(0)  # "In 2019 the Association …": the name starts at its first letter
        name = " ".join(words)
        if len(words) < 2 or not _spells(letters, name.lower()):
            continue
        found.append((name, acronym))
    return found


def _spells(letters: list[str], name: str) -> bool:
    """Whether ``letters`` occur in ``name`` in order."""
    position = 0
    for letter in letters:
        position = name.find(letter, position) + 1
        if not position:
            return False
    return True


def introduced_people(sink: ClaimSink, text: str) -> list[str]:
    """Names a text introduces with a title or role that the gazetteer does not know."""
    return [
        name
        for name in dict.fromkeys([*titled_names(text), *appositive_names(text)])
        if sink.base.lookup(name) is None and not sink.base.entities_in(name)
    ]


def _introduce_acronyms(sink: ClaimSink, text: str) -> None:
    """Mint the organisations a text introduces with an acronym, or name the known ones."""
    for name, acronym in acronyms(text):
        known = sink.base.lookup(acronym) or sink.base.lookup(name)
        if known is not None and not known.is_place:
            sink.alias(known, name)
            sink.alias(known, acronym)
        elif known is None and not sink.base.entities_in(name):
            sink.mint(name, "Organization", [acronym])


def actor_values(sink: ClaimSink, cell: str, hint: str) -> tuple[Entity, ...]:
    """The actors a table cell or list item names, minting the unknown ones.

    ``hint`` (a column header, or "state") tells a new name's kind.
    """
    found: list[Entity] = []
    introduced = introduced_people(sink, cell)
    if introduced:  # "Foreign Minister Anita Brand": the person, not the title
        return tuple(sink.mint(name, "Person") for name in introduced)
    for value in re.split(r"\s*(?:[,;/&]|\band\b)\s*", cell):
        name = re.sub(r"\s*\([^)]*\)", "", value).strip(" .:;")
        if not name:
            continue
        known = [e for e in sink.gaz.entities_in(name) if not e.is_place]
        if known:
            found.extend(e for e in known if e not in found)
            continue
        words = name.split()
        if not words or len(words) > 6 or not words[0][:1].isupper():
            continue
        entity = sink.mint(name, actor_kind(name, hint))
        if entity not in found:
            found.append(entity)
    return tuple(found)


def header_actors(sink: ClaimSink, header: str, *, mint: bool = False) -> tuple[Entity, ...]:
    """The actor a column header names: "U.S. Position", "Washington's Aim"."""
    actors = tuple(e for e in sink.gaz.entities_in(header) if not e.is_place)
    if actors or not mint:
        return actors
    possessive = re.match(r"^([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})[’']s\s+\w", header)
    if possessive and column_role(header) in POSSESSIVE_ROLES:
        return (sink.mint(possessive.group(1), "State"),)
    return ()


def section_actors(sink: ClaimSink, heading: Heading | None) -> tuple[Entity, ...]:
    """A heading that names an actor ("Canada (Host)", "Russia’s Position")."""
    if heading is None:
        return ()
    title = re.sub(r"\s*\([^)]*\)", "", heading.title).strip(" :")
    found = sink.gaz.lookup(title)
    if found is not None and not found.is_place:
        return (found,)
    match = ACTOR_HEADING.match(title)
    if match:
        found = sink.gaz.lookup(match.group(1))
        if found is not None and not found.is_place:
            return (found,)
    return ()


def addressees(sink: ClaimSink, section: Section, block: ListBlock) -> tuple[Entity, ...]:
    """Actors the section's prose before ``block`` says must or should act."""
    found: dict[str, Entity] = {}
    for other in section.blocks:
        if other is block:
            break
        if not isinstance(other, Paragraph):
            continue
        text = other.plain
        for mention in sink.gaz.find(text):
            if not mention.entity.is_place and ADDRESS_CUE.match(text[mention.end :]):
                found.setdefault(mention.entity.id, mention.entity)
    return tuple(found.values())


def discover(sink: ClaimSink) -> None:
    """First pass: mint the actors and places the document introduces, then find them."""
    for section in sink.doc.sections:
        for block in section.blocks:
            check_budget()
            texts: list[str] = []
            if isinstance(block, Paragraph):
                texts.append(block.plain)
            elif isinstance(block, ListBlock):
                texts.extend(item.content for item in block.items)
                if list_role(intro_sentence(block.intro), section.title) == "actors":
                    for item in block.items:
                        actor_values(sink, item.label or lead_name(item.content), "")
            elif isinstance(block, Table):
                texts.extend(cell for row in block.rows for cell in row.cells)
                _discover_table(sink, block)
            for text in texts:
                for name in introduced_people(sink, text):
                    sink.mint(name, "Person")
                _introduce_acronyms(sink, text)
    sink.refresh()


def _discover_table(sink: ClaimSink, table: Table) -> None:
    """The actors of a table's actor columns and headers, or of its host and venue keys."""
    if is_key_value(table):
        for key, value, _ in pairs(table):
            field = meta_field(key)
            if field in ("host", "participants"):
                actor_values(sink, value, "state")
            elif field == "venue" and not sink.gaz.places_in(value):
                name = re.sub(r"\s*\([^)]*\)", "", value).split(",")[0].strip()
                if name[:1].isupper():
                    sink.mint(name, "Place")
        return
    for index, header in enumerate(table.header):
        if column_role(header, index) == "actor":
            for row in table.rows:
                if index < len(row.cells) and not is_empty(row.cells[index]):
                    actor_values(sink, row.cells[index], header)
        elif index:
            header_actors(sink, header, mint=True)
