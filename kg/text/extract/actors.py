"""Finding actors: the blocks of a document in, actors (known or newly minted) out.

Actors come from the gazetteer. People a document introduces with a title
("Foreign Minister Anna Berg", "ambassador Jonas Lund") or a role in
apposition ("Australia's prime minister, Anthony Albanese"; "Anthony
Albanese, the Australian prime minister"), organisations introduced with
their acronym ("the Pacific Islands Forum (PIF)"), and names in actor
columns, actor lists, a key/value table's host and participants, and
possessive headers ("Norway's Aim") become new actors, found again by
surname (or acronym); names no data knows that act become actors too
(:mod:`.acting`). :func:`discover` reads the whole document for them first, so
that every later reader finds them.

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
from kg.text.extract.acting import mint_acting
from kg.text.extract.blocks import intro_sentence, is_key_value, lead_name, pairs
from kg.text.extract.sink import ClaimSink
from kg.text.lexicon import (
    ACTOR_HEADING,
    ADDRESS_CUE,
    MONTHS,
    NOT_NAMES,
    PARTICLES,
    POSSESSIVE_ROLES,
    ROLE_NOUNS,
    ROLE_NOUNS_SEARCHED,
    SHARED_SHORT_NAMES,
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
    "affiliations",
    "appositive_names",
    "discover",
    "header_actors",
    "institutions",
    "introduced_people",
    "located_names",
    "possessed_people",
    "section_actors",
]

_PARTICLE = "|".join(sorted(PARTICLES))
_NAME = rf"[A-Z][\w’'.-]+(?:\s+(?:(?:{_PARTICLE})\s+)?[A-Z][\w’'.-]+){{1,3}}"
_ROLE_THEN_NAME = re.compile(
    rf"(?<![\w-])(?i:{ROLE_NOUNS_SEARCHED}(?P<plural>s)?),?\s+"
    rf"(?P<name>(?![A-Z][\w.-]*[’']s\s){_NAME})"  # not "(will) host Haiti's Prime Minister"
)
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:(?:the|a|an)\s+(?:(?:former|then|outgoing|incoming)\s+)?)?"
    rf"(?:[A-Z][\w.-]*(?:[’']s)?\s+){{0,2}}(?:{ROLE_NOUNS})\b"
)
_PROFESSION = (
    r"(?:researcher|analyst|economist|professor|expert|scholar|fellow|director|hydrologist"
    r"|scientist|lawyer|commentator|campaigner|activist|historian|specialist|lecturer|editor"
    r"|chair|chairman|chairwoman|chairperson|head)"
)
_SHORT_NAME = rf"[A-Z][\w’'.-]{{1,30}}(?:\s+(?:(?:{_PARTICLE})\s+)?[A-Z][\w’'.-]{{1,30}}){{1,3}}"
"""A name of at most four words of at most 31 characters: a pattern searched from every
position of a text reads a bounded span from each (linear time)."""
_NAME_THEN_PROFESSION = re.compile(
    rf"(?P<name>{_SHORT_NAME}),\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,3}}?{_PROFESSION}\b"
)
_SPEAKER_OF = re.compile(
    rf"\b(?:said|says|according\s+to)\s+(?P<name>{_NAME})\s+of\s+(?:the\s+)?[A-Z]"
    rf"|(?:^|[.;]\s+)(?P<lead>{_NAME})\s+of\s+the\s+[A-Z][^,.;]{{0,80}}?\s+(?:said|says"
    r"|told|urged|warned|argued|noted|added|wrote|recommended|suggested|cautioned|believes"
    r"|expects|called)\b"
)
_ROLE_OF_BODY_THEN_NAME = re.compile(
    rf"(?<![\w-])(?i:{ROLE_NOUNS_SEARCHED})\s+of\s+the\s+[A-Z][^,;.]{{0,70}}?,\s+"
    rf"(?P<name>{_SHORT_NAME}),"
)
"""A role in a body, then the person ("The Executive Secretary of the Southern African
Development Community, Tebogo Sekgoma, joined …")."""
_NAME_WHO_LEADS = re.compile(
    rf"(?P<name>{_SHORT_NAME}),\s+who\s+(?:heads|leads|runs|chairs|directs|founded|co-founded"
    r"|advises)\s+(?:the\s+)?[A-Z]"
)
"""A person, then the body they lead ("Ilie Botnaru, who heads the Eco-TIRAS network")."""
_ACRONYM = re.compile(
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:of|for|and|on|the|de|[A-Z][\w’'-]*)){1,9})"
    r"\s+\((?P<acronym>[A-Z][A-Za-z&.]{1,9})\)"
)


_MORE_NAMES = re.compile(
    rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?P<name>{_SHORT_NAME})"
    r"(?=[,.;:]|\s+and\s|\s+(?:at|in|to|for|on|who|will|have|has|are|were|of)\b|$)"
)
"""The next name of a list after a plural role ("his counterparts, A B, C D and E F")."""
_MAX_LISTED = 8


def _more_names(text: str, position: int) -> list[tuple[int, str]]:
    """The names listed after the first one a plural role introduces, in order."""
    found: list[tuple[int, str]] = []
    while len(found) < _MAX_LISTED and (match := _MORE_NAMES.match(text, position)):
        name = _clean_name(match.group("name"))
        if name is None:
            break
        found.append((match.start("name"), name))
        position = match.end()
    return found


_LEADING_TITLES = frozenset(
    """President Prime Minister Premier Chancellor King Queen Emir Sheikh Sultan Crown Prince
    Vice Deputy Foreign General Gen. Dr. Mr. Mrs. Ms. Secretary-General Colonel Col. Captain
    Capt. Lieutenant Lt. Major Maj. Admiral Adm. Brigadier Marshal Commander""".split()
)


def _clean_name(name: str) -> str | None:
    """A person's name without a trailing possessive, or ``None`` if a word is not a name's."""
    tokens = name.split()
    for at, token in enumerate(tokens[:-1]):
        if token.endswith(".") and len(token) > 4:  # "Anand Ramdial. CARICOM …": a sentence end
            tokens = tokens[: at + 1]
            break
    if tokens and tokens[-1].endswith(("’s", "'s")):
        tokens[-1] = tokens[-1][:-2]
    tokens = [t.rstrip(".,") if len(t) > 2 else t for t in tokens]
    while len(tokens) > 2 and tokens[0] in _LEADING_TITLES:
        tokens = tokens[1:]  # "(the host,) President Ismail Omar Guelleh"
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
        >>> appositive_names("The host, President Ismail Omar Guelleh, who chairs IGAD, spoke.")
        ['Ismail Omar Guelleh']
        >>> appositive_names("Mali's transitional leader, Colonel Moussa Diarra, spoke.")
        ['Moussa Diarra']
        >>> appositive_names("It is useful, said Ana Lima, a water researcher at the institute.")
        ['Ana Lima']
        >>> appositive_names("He met his counterparts, Jan Novak, Eva Berg and Ola Lind, at noon.")
        ['Jan Novak', 'Eva Berg', 'Ola Lind']
        >>> appositive_names("So will Fiji's prime minister, Ana Rabuka. XYZ Chair Li Wei")
        ['Ana Rabuka']
        >>> appositive_names("The secretary-general of the Indian Ocean Rim Association, Ravi "
        ...     "Menon, spoke. Lea Aho, who heads the Baltic Fishers Network, agreed.")
        ['Ravi Menon', 'Lea Aho']
        >>> appositive_names("Mia Sorensen of the Nordic Water Institute urged restraint.")
        ['Mia Sorensen']
    """
    found: list[tuple[int, str]] = []
    for pattern in (
        _ROLE_THEN_NAME,
        _NAME_THEN_ROLE,
        _NAME_THEN_PROFESSION,
        _ROLE_OF_BODY_THEN_NAME,
        _NAME_WHO_LEADS,
    ):
        for match in pattern.finditer(text):
            name = _clean_name(match.group("name"))
            if name is not None:
                found.append((match.start("name"), name))
            if pattern is _ROLE_THEN_NAME and match.group("plural"):
                found.extend(_more_names(text, match.end("name")))
    for match in _SPEAKER_OF.finditer(text):  # "said Ana Lima of the Coalition"
        group = "name" if match.group("name") else "lead"
        name = _clean_name(match.group(group))
        if name is not None and not _ORGANISATION_WORD.search(name):
            found.append((match.start(group), name))
    return list(dict.fromkeys(name for _, name in sorted(found)))


_ORGANISATION_WORD = re.compile(
    r"\b(?:Bank|Fund|Council|Union|Institute|University|Ministry|Office|Commission|Group"
    r"|Association|Organi[sz]ation|Agency|Coalition|Forum|Party|Committee|Centre|Center)\b"
)


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


_INSTITUTION = re.compile(
    r"\b(?:[Tt]he|at|of)\s+(?:[A-Z][\w-]*-based\s+)?"
    r"(?P<name>(?:[A-Z][\w-]*\s+){1,5}(?:Association|Organi[sz]ation|Federation"
    r"|Chamber\s+of\s+Commerce|Coalition|Alliance|Commission|Council|Court\s+of\s+Justice"
    r"|Force|Union|Community)"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,4})?)"
    r"(?![\w’'-])"
)


def institutions(text: str) -> list[str]:
    """Bodies a text names whole that can act at a summit, an association, organisation,
    council, commission, alliance or force ("Paul Wambura of the Kenya Transporters
    Association", "hand enforcement to the Lake Victoria Fisheries Organization"); not a
    source's university or institute, which speaks through its people.

    Examples:
        >>> institutions("said Ana Lima of the Lisbon-based Coastal Fishers Association.")
        ['Coastal Fishers Association']
        >>> institutions("an economist at the Catholic University of Chile, and the council")
        []
    """
    found = []
    for match in _INSTITUTION.finditer(text):
        name = match.group("name")
        if len(name.split()) >= 2 and name.split()[0] not in NOT_NAMES:
            found.append(name)
    return list(dict.fromkeys(found))


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
    speaking = {m.group(1) for m in _SURNAME_SPEAKS.finditer(sink.doc.text)}
    prose: list[str] = []
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
                for name in institutions(text):
                    if sink.gaz.lookup(name) is None:
                        sink.mint(name, "Organization")  # not "Kenya" of its name
                if isinstance(block, (Paragraph, ListBlock)):
                    prose.append(text)
                if isinstance(block, (Paragraph, ListBlock)):
                    for name in located_names(sink, text):
                        sink.mint(name, "Place")
                if isinstance(block, Paragraph):
                    for name in possessed_people(sink, text, speaking):
                        sink.mint(name, "Person")
    _settle_short_names(sink)
    sink.refresh()
    if mint_acting(sink, prose):
        sink.refresh()
    sink.affiliations = affiliations(sink)


def _settle_short_names(sink: ClaimSink) -> None:
    """Give a short name two states share to the one the document names by a longer form,
    when it never names the other but by that short name (:data:`SHARED_SHORT_NAMES`).

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> text = "T\\nThe Democratic Republic of Congo and Rwanda met. Congo wants more.\\n"
        >>> sink = ClaimSink(parse_article(text), Gazetteer.bundled())
        >>> _settle_short_names(sink); sink.refresh()
        >>> [e.label for e in sink.gaz.entities_in("Congo wants more.")]
        ['Democratic Republic of the Congo']
    """
    text = sink.doc.text
    for name, default, other in SHARED_SHORT_NAMES:
        if name not in text:
            continue
        named = {(m.entity.id.partition("/")[2], m.surface == name) for m in sink.gaz.find(text)}
        if (other, False) not in named or (default, False) in named:
            continue
        for prefix in ("actor/", "place/"):
            entity = sink.base.entities.get(prefix + other)
            if entity is not None:
                sink.alias(entity, name)


_TITLE_WORD = (
    r"(?i:president|prime|minister|foreign|defen[cs]e|finance|trade|interior|economy|energy"
    r"|chief|senior|special|top|deputy|vice|acting|chancellor|premier|king|queen|crown|prince"
    r"|emir|sheikh|sultan|leader|envoy|ambassador|commissioner|secretary|general|state|of|head"
    r"|negotiator|spokes(?:man|woman|person)|commission|council|home|affairs|external"
    r"|environment|climate|water|security|national|adviser|advisor|president-elect|the|new"
    r"|outgoing|lead)"
)
_TITLE_GAP = re.compile(rf"(?:[’']s)?(?:\s+{_TITLE_WORD}){{0,6}},?\s+")
"""Between a state and the person it introduces: "Bolivian President ", "Kenya's ",
"Australia's prime minister, "."""
_ROLE_AFTER = re.compile(rf"(?:[’']s)?(?:\s+{_TITLE_WORD}){{1,6}}\b")
_OF_GAP = re.compile(r",?\s+(?:of|from)\s+(?:the\s+)?|,\s+(?:the\s+)?")


def affiliations(sink: ClaimSink) -> dict[str, Entity]:
    """The state or organisation each person acts for, as the document introduces them:
    "Bolivian President Tomás Quiroga", "Kenya's William Ruto", "Australia's prime minister,
    Anthony Albanese", "Anthony Albanese, Australia's prime minister", "Prime Minister
    Anthony Albanese of Australia". A person introduced for two is left out.

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> doc = parse_article("Talks\\nBolivian President Tomas Quiroga met Ana Vidal, "
        ...     "Chile's foreign minister.\\n")
        >>> sink = ClaimSink(doc, Gazetteer.bundled())
        >>> discover(sink)
        >>> sorted((k, e.label) for k, e in sink.affiliations.items())
        [('actor/ana-vidal', 'Chile'), ('actor/tomas-quiroga', 'Bolivia')]
    """
    found: dict[str, set[Entity]] = {}
    for section in sink.doc.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                _affiliated(sink, block.plain, found)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    _affiliated(sink, item.plain, found)
    return {person: next(iter(states)) for person, states in found.items() if len(states) == 1}


def _affiliated(sink: ClaimSink, text: str, found: dict[str, set[Entity]]) -> None:
    """Add the affiliations one block's text introduces to ``found`` (its mentions are the
    ones every later reader of the block finds: the gazetteer keeps them)."""
    mentions = [m for m in sink.gaz.find(text) if not m.entity.is_place]
    if not any(m.entity.kind == "Person" for m in mentions):
        return
    for index, mention in enumerate(mentions):
        if mention.entity.kind != "Person":
            continue
        if index:
            before = mentions[index - 1]
            if before.entity.kind != "Person" and _TITLE_GAP.fullmatch(
                text, before.end, mention.start
            ):
                found.setdefault(mention.entity.id, set()).add(before.entity)
        if index + 1 < len(mentions):
            after = mentions[index + 1]
            gap = _OF_GAP.fullmatch(text, mention.end, after.start)
            if after.entity.kind != "Person" and gap is not None:
                role = _ROLE_AFTER.match(text, after.end)
                if gap.group(0).lstrip(", ").startswith(("of", "from")) or role is not None:
                    found.setdefault(mention.entity.id, set()).add(after.entity)


_SURNAME_SPEAKS = re.compile(
    r"\b([A-Z][\w’'-]{1,30})\s+(?:said|says|told|added|warned|argued|insisted|announced"
    r"|offered)\b"
)
_POSSESSED_NAME = re.compile(rf"[’']s\s+(?P<name>{_NAME})")


def possessed_people(sink: ClaimSink, text: str, speaking: set[str]) -> list[str]:
    """People a text names after their state's possessive ("Tuvalu's Taukelina Simati") whom the
    document later quotes by surname ("Simati said"); ``speaking`` holds those surnames.

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> sink = ClaimSink(parse_article("T\\nx\\n"), Gazetteer.bundled())
        >>> possessed_people(sink, "Tuvalu's Taukelina Simati and Russia's Black Sea Fleet",
        ...     {"Simati"})
        ['Taukelina Simati']
    """
    found: list[str] = []
    for match in _POSSESSED_NAME.finditer(text):
        owner = text[max(0, match.start() - 40) : match.start()].split()
        name = _clean_name(match.group("name"))
        if name is None or not owner or name.split()[-1] not in speaking:
            continue
        if _ORGANISATION_WORD.search(name) or sink.gaz.entities_in(name):
            continue
        if name not in found:
            found.append(name)
    return found


_LOCATED = re.compile(
    r"(?<![\w-])(?:in|at|from|near|through|outside|via|towns?\s+of|city\s+of|port\s+of"
    r"|islands?\s+of|province\s+of|region\s+of|village\s+of)\s+"
    r"(?P<name>[A-Z][a-zà-ÿ’'-]{2,}(?:\s+[A-Z][a-zà-ÿ’'-]{2,}){0,2})(?![\w’'-])"
)
_NOT_PLACE_WORDS = frozenset(
    """University Institute Council Commission Committee Bank Fund Ministry Agency Office
    Centre Center School College Group Party Forum Summit Conference Agreement Treaty
    Declaration Convention Initiative Programme Program Association Organization
    Organisation Union Alliance Court Parliament Congress Senate Assembly Times Post News
    Reuters Press""".split()
)


def located_names(sink: ClaimSink, text: str) -> list[str]:
    """Places a paragraph or item names after a locative word that no gazetteer knows ("troops
    leave through Lubumbashi", "a corridor from Bukavu", "the port of Tanga"): not a month, a
    weekday, an organisation or a name the gazetteer or the document already knows.

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> sink = ClaimSink(parse_article("T\\nx\\n"), Gazetteer.bundled())
        >>> located_names(sink, "A corridor from Bukavu opened in March at Makerere University.")
        ['Bukavu']
    """
    found: list[str] = []
    for match in _LOCATED.finditer(text):
        name = match.group("name")
        words = name.split()
        if any(w in NOT_NAMES or w in _NOT_PLACE_WORDS or w.lower() in MONTHS for w in words):
            continue
        if name.endswith(("’s", "'s")):
            name = name[:-2]  # "from Drovania’s border": Drovania
        if sink.base.lookup(name) is not None or sink.gaz.entities_in(name):
            continue
        if name not in found:
            found.append(name)
    return found


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
