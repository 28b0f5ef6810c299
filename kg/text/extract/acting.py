"""Actors no data knows, found where they act: "Kestria wants", "Naurel's president".

The gazetteer knows the world's states, capitals and cities and the curated actors;
coverage also names parties, armed groups, companies and states it cannot know. A name
becomes an actor here only where the text makes it one: the subject of a stance or speech
verb, or a state whose leader or government it names, written elsewhere as a name
mid-sentence, and not a word of a person's name (:func:`acting_names`, :func:`mint_acting`).

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> text = "T\\nThe Republic of Hanwei sent envoys, and Hanwei wants a role.\\n"
    >>> sink = ClaimSink(parse_article(text), Gazetteer.bundled())
    >>> [e.label for e in mint_acting(sink, [sink.doc.sections[0].blocks[0].plain])]
    ['Republic of Hanwei']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.text.claims import Entity
from kg.text.extract.sink import ClaimSink
from kg.text.lexicon import actor_kind

__all__ = ["acting_names", "in_longer_name", "mint_acting", "people_words"]


def mint_acting(sink: ClaimSink, texts: list[str]) -> list[Entity]:
    """Mint the actors ``texts`` (a document's paragraphs and items) name where they act; a
    short name the document also gives formally ("Hanwei", "the Republic of Hanwei") is the
    formal one's. Returns them; the caller refreshes the sink's gazetteer."""
    acting = list(dict.fromkeys(name for text in texts for name in acting_names(sink, text)))
    if any(" " not in name for name in acting):  # "Kim said", "Whipps said": a person's name
        people = people_words(sink, texts)
        acting = [
            name
            for name in acting
            if " " in name or (name not in people and not in_longer_name(sink.doc.text, name))
        ]
    minted: list[Entity] = []
    for name in acting:
        formal = None if " " in name else _formal_name(sink.doc.text, name)
        if formal is not None:  # "Hanwei": the Republic of Hanwei
            state = sink.mint(formal, "State", [name])
            if name not in sink.minted_forms.get(state.id, ()):
                sink.alias(state, name)
            minted.append(state)
        else:
            minted.append(sink.mint(name, actor_kind(name, _state_hint(name))))
    return minted


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
_STATE_NOUNS = r"Republic|Kingdom|Commonwealth|Federation|Principality|Sultanate|Confederation"
_FORMAL_NAME = re.compile(rf"\b(?:{_STATE_NOUNS}|Emirate|Grand\s+Duchy|Union)\s+of\s+(?:the\s+)?")
"""What opens a state's formal name ("the Republic of "), before its short name."""


def _formal_name(text: str, name: str) -> str | None:
    """The formal name ``text`` gives a state it also calls ``name`` ("Republic of Hanwei")."""
    found = re.search(_FORMAL_NAME.pattern + re.escape(name) + r"(?![\w’'-])", text)
    return found.group(0) if found is not None else None


_STATE_WORD = re.compile(rf"\b(?:{_STATE_NOUNS}|Islands|Emirates|States)\b")


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
