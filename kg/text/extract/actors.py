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
from collections.abc import Iterator

from kg.text.budget import check_budget
from kg.text.claims import Entity
from kg.text.document import Heading, ListBlock, Paragraph, Section, Table
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
    actor_kind,
    column_role,
    is_empty,
    list_role,
    meta_field,
    titled_names,
)

__all__ = [
    "acronyms",
    "acting_names",
    "actor_values",
    "addressees",
    "affiliations",
    "appositive_names",
    "discover",
    "header_actors",
    "in_longer_name",
    "introduced_people",
    "located_names",
    "people_words",
    "possessed_people",
    "section_actors",
]

_PARTICLE = "|".join(sorted(PARTICLES))
_NAME = rf"[A-Z][\w’'.-]+(?:\s+(?:(?:{_PARTICLE})\s+)?[A-Z][\w’'.-]+){{1,3}}"
_ROLE_THEN_NAME = re.compile(
    rf"(?<![\w-])(?i:{ROLE_NOUNS_SEARCHED}(?P<plural>s)?),?\s+(?P<name>{_NAME})"
)
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.-]*(?:[’']s)?\s+){{0,2}}"
    rf"(?:{ROLE_NOUNS})\b"
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
    rf"|(?:^|[.;]\s+)(?P<lead>{_NAME})\s+of\s+the\s+[A-Z][^,.;]{{0,80}}?\s+(?:said|says)\b"
)
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
    Vice Deputy Foreign General Gen. Dr. Mr. Mrs. Ms. Secretary-General""".split()
)


def _clean_name(name: str) -> str | None:
    """A person's name without a trailing possessive, or ``None`` if a word is not a name's."""
    tokens = name.split()
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
        >>> appositive_names("It is useful, said Ana Lima, a water researcher at the institute.")
        ['Ana Lima']
        >>> appositive_names("He met his counterparts, Jan Novak, Eva Berg and Ola Lind, at noon.")
        ['Jan Novak', 'Eva Berg', 'Ola Lind']
    """
    found: list[tuple[int, str]] = []
    for pattern in (_ROLE_THEN_NAME, _NAME_THEN_ROLE, _NAME_THEN_PROFESSION):
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
                if isinstance(block, (Paragraph, ListBlock)):
                    prose.append(text)
                if isinstance(block, Paragraph):
                    for name in located_names(sink, text):
                        sink.mint(name, "Place")
                    for name in possessed_people(sink, text, speaking):
                        sink.mint(name, "Person")
    sink.refresh()
    acting = list(dict.fromkeys(name for text in prose for name in acting_names(sink, text)))
    if any(" " not in name for name in acting):  # "Kim said", "Whipps said": a person's name
        people = people_words(sink, prose)
        acting = [
            name
            for name in acting
            if " " in name or (name not in people and not in_longer_name(sink.doc.text, name))
        ]
    if acting:
        for name in acting:
            formal = None if " " in name else _formal_name(sink.doc.text, name)
            if formal is not None:  # "Hanwei": the Republic of Hanwei
                state = sink.mint(formal, "State", [name])
                if name not in sink.minted_forms.get(state.id, ()):
                    sink.alias(state, name)
            else:
                sink.mint(name, actor_kind(name, _state_hint(name)))
        sink.refresh()
    sink.affiliations = affiliations(sink)


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
    r"(?<![\w-])(?:in|at|from|near|through|outside|via|towns?\s+of|city\s+of)\s+"
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
    """Places a paragraph names after a locative word that no gazetteer knows ("troops leave
    through Lubumbashi", "a corridor from Bukavu"): not a month, a weekday, an organisation
    or a name the gazetteer or the document already knows.

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


_ACTING_VERB = (
    r"(?:said|says|told|wants|wanted|seeks|sought|demands|demanded|insists|insisted|rejects"
    r"|rejected|refuses|refused|offers|offered|proposes|proposed|supports|supported|backs"
    r"|backed|opposes|opposed|urges|urged|warns|warned|accuses|accused|welcomes|welcomed"
    r"|pledges|pledged|pushes|pushed|presses|pressed|argues|argued|threatens|threatened"
    r"|vows|vowed|signalled|signaled|hopes|hoped|is\s+pushing|has\s+pushed|is\s+seeking)"
)
_ACTING_NAME = re.compile(
    r"(?<![\w’'-])(?P<the>[Tt]he\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+){0,3})"
    r"(?:\s+(?:has|have|had|also|still|now|will|would|long|again|repeatedly|reportedly"
    r"|openly|firmly|flatly|privately|publicly|previously|already|is|was|were|are|so\s+far)){0,3}"
    rf"\s+{_ACTING_VERB}\b"
    r"|(?<![\w’'-])(?P<owner>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})[’']s\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:president|prime\s+minister|foreign\s+(?:minister|secretary)|government|delegation"
    r"|premier|chancellor|negotiators?|envoy|ambassador|officials|leader|king|queen|emir)\b"
)
"""A name acting as a sentence's subject ("Kestria wants", "the Minjoo Alliance accused"), or a
state named by its leader or government ("Naurel's president")."""
_NOT_ACTING = frozenset(
    """The A An This That These Those It Its He She They We I You Our Their His Her There Here
    Meanwhile However Instead Separately Still Yet Now Officially Privately Publicly Earlier
    Later Today Yesterday Tomorrow Last Next Both Several Many Most Some All Each Other Few Such
    Only Even Also Then Critics Analysts Officials Diplomats Negotiators Leaders Ministers
    Observers Experts Delegates Sources Residents Activists Campaigners Aides Members States
    Governments Countries Nations Neither Either Nobody Everyone Asked Speaking Despite
    Although When While After Before Since If As In On At By For From With Without Under Over
    What Who Why How Where Which Whether Why Not No Yes Mr Mrs Ms Dr Sir President Prime
    Minister Premier Chancellor King Queen Emir Sheikh Sultan Foreign Secretary General Vice
    Deputy Senator Governor Mayor Ambassador Envoy Spokesman Spokeswoman Spokesperson Article
    Section Chapter Paragraph Annex Summit Talks Meeting Conference Declaration Agreement Treaty
    Protocol Accord Charter Convention Plan Act Law Report Statement Communique Resolution
    Framework Roadmap Initiative Fund Facility Programme Program Strategy Deal Pact Code Text
    Draft Proposal Times Post News Wire Journal Press Television TV Radio Herald Gazette
    Tribune Daily Reuters Bloomberg Xinhua Kyodo Yonhap Tass AFP AP Agency Update Editor
    Photo Caption Source Sunday Monday Tuesday Wednesday Thursday Friday Saturday January
    February March April May June July August September October November December""".split()
)
_PLACE_BEFORE = frozenset(
    """in at from near to of for outside across via into by on over toward towards within around
    through""".split()
)
_FORMAL_NAME = re.compile(
    r"\b(?:Republic|Kingdom|Commonwealth|Federation|Principality|Sultanate|Emirate|Grand\s+Duchy"
    r"|Confederation|Union)\s+of\s+(?:the\s+)?"
)
"""What opens a state's formal name ("the Republic of "), before its short name."""


def _formal_name(text: str, name: str) -> str | None:
    """The formal name ``text`` gives a state it also calls ``name`` ("Republic of Hanwei")."""
    found = re.search(_FORMAL_NAME.pattern + re.escape(name) + r"(?![\w’'-])", text)
    return found.group(0) if found is not None else None


_STATE_WORD = re.compile(
    r"\b(?:Republic|Kingdom|Commonwealth|Federation|Islands|Emirates|Principality|Sultanate"
    r"|Confederation|States)\b"
)


def _state_hint(name: str) -> str:
    """ "state" for a name that says it is one ("Republic of Hanwei", "Sefa Islands")."""
    return "state" if _STATE_WORD.search(name) else ""


def _occurrences(text: str, name: str, *, joined: bool = False) -> Iterator[int]:
    """Where ``name`` is written in ``text`` as a whole word (its start offsets); ``joined``:
    also after a hyphen ("el-Sisi")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1] if at else " "
        if (not _WORD_CHAR.match(before) or (joined and before == "-")) and not _WORD_CHAR.match(
            text[end : end + 1]
        ):
            yield at
        at = text.find(name, end)


_WORD_CHAR = re.compile(r"[\w-]")
_LAST_WORD = re.compile(r"(\S+)\s+$")


def _proper(text: str, name: str) -> bool:
    """Whether ``name`` is written as a proper name somewhere in ``text``: after a lower-case
    word, a comma or "the", not only where a sentence starts and any word is capitalised."""
    for at in _occurrences(text, name):
        word = _LAST_WORD.search(text, max(0, at - 30), at)
        if word is not None and (
            word.group(1)[-1] in "abcdefghijklmnopqrstuvwxyz," or word.group(1) == "the"
        ):
            return True
    return False


def people_words(sink: ClaimSink, texts: list[str]) -> frozenset[str]:
    """The words of the names of the people ``texts`` name and the document introduces."""
    people = {m.entity for text in texts for m in sink.gaz.find(text) if m.entity.kind == "Person"}
    people.update(e for e in sink.minted.values() if e.kind == "Person")
    return frozenset(w for e in people for n in (e.label, *e.aliases) for w in n.split())


_OPENERS = frozenset(
    """The A An And But Or In On At By For From With As If When While After Before Meanwhile
    However Instead Still Yet Now Then Both Neither Either Asked Even Only Also So""".split()
)
_NAME_BEFORE = re.compile(r"([A-Z][\w’'.]*[\w’'])[ \t]+(?:[a-z]+-)?$")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
"""A capitalised word beside another on the same line and in the same sentence ("Surangel
Whipps", not "the Meret. Kestria" or a heading's last word before a paragraph's first)."""


def in_longer_name(text: str, word: str) -> bool:
    """Whether ``word`` is written somewhere in ``text`` as part of a longer name: after a
    capitalised word that does not open a clause ("Surangel Whipps", "President Whipps", "Fattah
    el-Sisi") or before one ("Lim Wei Ling").

    Examples:
        >>> in_longer_name("Whipps said. Surangel Whipps spoke.", "Whipps")
        True
        >>> in_longer_name("Meanwhile Kestria said no; Kestria wants more.", "Kestria")
        False
        >>> in_longer_name("## For Kestria\\n\\nKestria wants it. By the Meret. Kestria", "Kestria")
        False
        >>> in_longer_name("Sisi said no. President Abdel Fattah el-Sisi met him.", "Sisi")
        True
    """
    for at in _occurrences(text, word, joined=True):
        before = _NAME_BEFORE.search(text, max(0, at - 40), at)
        if before is not None and before.group(1) not in _OPENERS:
            return True
        if _NAME_AFTER.match(text, at + len(word)):
            return True
    return False


def acting_names(sink: ClaimSink, text: str) -> list[str]:
    """Names no gazetteer knows that act in a text: the subject of a stance or speech verb
    ("Kestria wants", "the Minjoo Alliance accused her"), or a state whose leader or government
    is named by its possessive ("Naurel's president"). A name counts only where the document
    writes it as one (:func:`_proper`), so a sentence's first word ("Producers are seeking") is
    none; titles, documents, outlets, months, a name after a preposition of place ("traders in
    Poipet said") and the like never are.

    Examples:
        >>> from kg.text.gazetteer import Gazetteer
        >>> from kg.text.parse import parse_article
        >>> text = "T\\nKestria wants a ceasefire, and the Minjoo Alliance accused the talks. "
        >>> text += "Talks in Kestria and Naurel's president said so. Officials said no.\\n"
        >>> sink = ClaimSink(parse_article(text), Gazetteer.bundled())
        >>> acting_names(sink, sink.doc.sections[0].blocks[0].plain)
        ['Kestria', 'Minjoo Alliance', 'Naurel']
    """
    found: list[str] = []
    for match in _ACTING_NAME.finditer(text):
        group = "name" if match.group("name") else "owner"
        name = match.group(group)
        words = name.split()
        if name in found or any(w in _NOT_ACTING or any(c.isdigit() for c in w) for w in words):
            continue
        if any(len(w) < 2 for w in words) or (name.isupper() and len(name) < 3):
            continue
        before = text[max(0, match.start() - 12) : match.start()].split()
        if before and before[-1] in _PLACE_BEFORE:
            continue  # "traders in Poipet said", "the Institute for Northern Security said"
        if sink.base.lookup(name) is not None or sink.base.entities_in(name):
            continue
        if any(not e.is_place for e in sink.gaz.entities_in(name)):
            continue  # an actor already; a place the document names ("in Drovania") may act too
        if not (match.group("the") and len(words) > 1) and not _proper(sink.doc.text, name):
            continue
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
