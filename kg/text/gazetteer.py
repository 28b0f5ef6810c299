"""Known actors and places (``ontology/gazetteer.ttl``) and finding them in text.

The gazetteer is data: each entry has a type, one preferred label, aliases
(``skos:altLabel``) and match-only forms (``skos:hiddenLabel``: demonyms,
capitals used as metonyms). :meth:`Gazetteer.find` returns every mention in a
text, longest alias first, on word boundaries, Unicode-normalised.
The words around a name that tell an actor from a place ("Moscow insists",
"talks in Moscow") are in :mod:`kg.text.lexicon`.

Examples:
    >>> gaz = Gazetteer.bundled()
    >>> [(m.entity.id, m.surface) for m in gaz.find("Putin and Trump meet in Alaska.")]
    [('actor/vladimir-putin', 'Putin'), ('actor/donald-trump', 'Trump'), ('place/alaska', 'Alaska')]
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.rdf.namespaces import ID, SCHEMA, SKG
from kg.resources import resource_file
from kg.text.claims import Entity
from kg.text.lexicon import ACTOR_CUES, DETERMINERS, LOCATIVES
from kg.text.normalize import strip_invisible

__all__ = ["Gazetteer", "Mention"]

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


@dataclass(frozen=True)
class Mention:
    """An entity found in a text at ``[start, end)``."""

    entity: Entity
    start: int
    end: int
    surface: str


class Gazetteer:
    """Alias → entity lookup compiled into regular expressions (one more per extension).

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
        _reuse: tuple[_Patterned, ...] = (),
    ):
        """``_reuse``: compiled patterns of a gazetteer this one extends (all their forms
        are among this one's)."""
        self.entities = {e.id: e for e in entities}
        self._forms = {key: list(forms) for key, forms in match_forms.items()}
        self._hidden = {key: list(forms) for key, forms in (hidden or {}).items()}
        self._by_form: dict[str, list[Entity]] = defaultdict(list)
        for entity in entities:
            forms = [*self._forms.get(entity.id, []), *self._hidden.get(entity.id, [])]
            for form in forms:
                for variant in _case_variants(unicodedata.normalize("NFC", form)):
                    if entity not in self._by_form[variant]:
                        self._by_form[variant].append(entity)
        # a gazetteer extended with a document's names reuses the base's patterns and
        # compiles only the new forms (compiling all of them costs milliseconds)
        found = {form for reused in _reuse for form in reused.forms}
        new = [form for form in self._by_form if form not in found]
        self._patterns = _reuse + ((_Patterned.of(new),) if new or not _reuse else ())
        self._found: dict[str, tuple[Mention, ...]] = {}  # recent finds, oldest first

    @classmethod
    def from_file(cls, path: Path) -> Gazetteer:
        """Read a gazetteer from a Turtle file.

        Every state without a place of the same name gets a territory twin
        (``place/<key>``, same label, aliases and Wikidata id), so that
        "talks in Canada" finds a place and "Canada insists" an actor.
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
        entities.sort(key=lambda e: e.id)
        return cls(entities, forms, hidden=hidden)

    @staticmethod
    @cache
    def bundled() -> Gazetteer:
        """The gazetteer shipped with summit-kg (cached)."""
        return Gazetteer.from_file(resource_file("ontology", "gazetteer.ttl"))

    def extended(self, entities: list[Entity], forms: dict[str, list[str]]) -> Gazetteer:
        """This gazetteer plus ``entities`` (names a document introduces), found by ``forms``.

        Examples:
            >>> new = Entity("actor/ana-berg", "Person", "Ana Berg", aliases=("Berg",))
            >>> gaz = Gazetteer.bundled().extended([new], {new.id: ["Ana Berg", "Berg"]})
            >>> [m.entity.label for m in gaz.find("Berg met Putin.")]
            ['Ana Berg', 'Vladimir Putin']
        """
        known = dict(self.entities)
        all_forms = {key: list(value) for key, value in self._forms.items()}
        for entity in entities:
            if entity.id not in known:
                known[entity.id] = entity
            all_forms.setdefault(entity.id, [])
            for form in forms.get(entity.id, []):
                if form not in all_forms[entity.id]:
                    all_forms[entity.id].append(form)
        ordered = sorted(known.values(), key=lambda e: e.id)
        return Gazetteer(ordered, all_forms, hidden=self._hidden, _reuse=self._patterns)

    def find(self, text: str) -> list[Mention]:
        """Every gazetteer mention in ``text``, left to right, without overlaps.

        A name that is both an actor and a place (Ukraine, Moscow) is the place
        after a locative word ("crises in Ukraine", "talks in Moscow", also
        across "and"/"or" lists: "in Syria and Ukraine") and the actor
        otherwise ("Ukraine insists", "Moscow's position", "U.S.-Russia").
        """
        found = self._found.get(text)
        if found is None:
            found = self._scan(text)
            if len(self._found) >= _REMEMBERED_FINDS:
                self._found.pop(next(iter(self._found), ""), None)
            self._found[text] = found
        return list(found)

    def _scan(self, text: str) -> tuple[Mention, ...]:
        visible, origin = _visible(text)
        mentions: list[Mention] = []
        for first, last, form in self._matches(visible):
            candidates = self._by_form[form]
            entity = candidates[0]
            if len(candidates) > 1:
                entity = _choose(candidates, visible[:first], visible[last:])
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
        position = 0
        while True:
            best: re.Match[str] | None = None
            for patterned in self._patterns:
                found = patterned.pattern.search(text, position)
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

    def lookup(self, name: str) -> Entity | None:
        """The entity a whole string names (``"Washington"``, ``"Erdoğan"``), or ``None``."""
        candidates = self._by_form.get(unicodedata.normalize("NFC", name.strip()))
        if not candidates:
            return None
        actors = [e for e in candidates if not e.is_place]
        return actors[0] if actors else candidates[0]


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


def _previous_word(before: str) -> tuple[str | None, bool]:
    """The word before a name and whether a list was skipped to reach it.

    Looks past "the" and lists ("in Syria and Ukraine", "in Kananaskis, Canada");
    ``None`` after a compound dash ("U.S.-Russia") or other punctuation.
    """
    if before[-1:] in ("-", "–", "—", "/"):
        return None, False
    tokens: list[str] = _TOKEN.findall(before[-80:])
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
    words = re.findall(r"[^\W\d_]+", after[:60])
    while len(words) >= 2 and words[0].lower() in ("and", "or") and words[1][:1].isupper():
        words = words[2:]
    return bool(words) and words[0].lower() in ACTOR_CUES


def _choose(candidates: list[Entity], before: str, after: str) -> Entity:
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
