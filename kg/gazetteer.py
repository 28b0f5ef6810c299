"""Known actors and places (``ontology/gazetteer.ttl``) and finding them in text.

The gazetteer is data: each entry has a type, one preferred label, aliases
(``skos:altLabel``) and match-only forms (``skos:hiddenLabel``: demonyms,
capitals used as metonyms). :meth:`Gazetteer.find` returns every mention in a
text, longest alias first, on word boundaries, Unicode-normalised.

Examples:
    >>> gaz = Gazetteer.bundled()
    >>> [(m.entity.id, m.surface) for m in gaz.find("Putin and Trump meet in Alaska.")]
    [('actor/vladimir-putin', 'Putin'), ('actor/donald-trump', 'Trump'), ('place/alaska', 'Alaska')]
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.claims import Entity
from kg.ids import strip_invisible
from kg.namespaces import ID, SCHEMA, SKG
from kg.resources import resource_file

__all__ = ["Gazetteer", "Mention"]

_KINDS = {
    SKG.Person: "Person",
    SKG.State: "State",
    SKG.Organization: "Organization",
    SKG.Group: "Group",
    SKG.Actor: "Actor",
    SKG.Place: "Place",
}
_ACTOR_CUES = frozenset(
    [
        "said",
        "says",
        "say",
        "insists",
        "insisted",
        "wants",
        "wanted",
        "has",
        "have",
        "will",
        "would",
        "demands",
        "demanded",
        "warned",
        "agreed",
        "rejected",
        "claims",
        "claimed",
        "argues",
        "argued",
        "seeks",
        "sought",
        "announced",
        "accused",
        "refused",
        "threatened",
        "vowed",
        "hopes",
        "hoped",
    ]
)


@dataclass(frozen=True)
class Mention:
    """An entity found in a text at ``[start, end)``."""

    entity: Entity
    start: int
    end: int
    surface: str


class Gazetteer:
    """Alias → entity lookup compiled into one regular expression."""

    def __init__(self, entities: list[Entity], match_forms: dict[str, list[str]]):
        self.entities = {e.id: e for e in entities}
        self._by_form: dict[str, list[Entity]] = defaultdict(list)
        for entity in entities:
            for form in match_forms[entity.id]:
                for variant in _case_variants(unicodedata.normalize("NFC", form)):
                    if entity not in self._by_form[variant]:
                        self._by_form[variant].append(entity)
        forms = sorted(self._by_form, key=lambda f: (-len(f), f))
        alternation = "|".join(re.escape(f) for f in forms) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")

    @classmethod
    def from_file(cls, path: Path) -> Gazetteer:
        """Read a gazetteer from a Turtle file."""
        graph = Graph()
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
        entities: list[Entity] = []
        forms: dict[str, list[str]] = {}
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
            hidden = sorted(str(o) for o in graph.objects(subject, SKOS.hiddenLabel))
            same_as = tuple(sorted(str(o) for o in graph.objects(subject, SCHEMA.sameAs)))
            entities.append(Entity(key, _KINDS[klass], label, same_as, tuple(aliases)))
            forms[key] = [label, *aliases, *hidden]
        entities.sort(key=lambda e: e.id)
        return cls(entities, forms)

    @staticmethod
    @cache
    def bundled() -> Gazetteer:
        """The gazetteer shipped with summit-kg (cached)."""
        return Gazetteer.from_file(resource_file("ontology", "gazetteer.ttl"))

    def find(self, text: str) -> list[Mention]:
        """Every gazetteer mention in ``text``, left to right, without overlaps.

        A name that is both an actor and a place (Ukraine) is the actor when a
        verb of speech or will follows it ("Ukraine insists"), the place otherwise.
        """
        visible, origin = _visible(text)
        mentions: list[Mention] = []
        for match in self._pattern.finditer(visible):
            candidates = self._by_form[match.group(0)]
            entity = candidates[0]
            if len(candidates) > 1:
                entity = _choose(candidates, visible[match.end() :])
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            mentions.append(Mention(entity, start, end, text[start:end]))
        return mentions

    def entities_in(self, text: str, *, kind: str | None = None) -> tuple[Entity, ...]:
        """Distinct entities mentioned in ``text`` in order of first mention."""
        seen: dict[str, Entity] = {}
        for mention in self.find(text):
            entity = mention.entity
            if kind is not None and entity.kind != kind:
                continue
            seen.setdefault(entity.id, entity)
        return tuple(seen.values())


def _visible(text: str) -> tuple[str, list[int]]:
    """``text`` without invisible characters, and each kept character's original offset."""
    stripped = strip_invisible(text)
    if len(stripped) == len(text):
        return text, list(range(len(text)))
    origin = [i for i, char in enumerate(text) if strip_invisible(char)]
    return stripped, origin


def _case_variants(form: str) -> list[str]:
    """Lower-case aliases ("analysts") also match capitalised at a sentence start."""
    if form[:1].islower():
        return [form, form[0].upper() + form[1:]]
    return [form]


def _choose(candidates: list[Entity], following: str) -> Entity:
    words = re.findall(r"[^\W\d_]+", following[:40])
    acts = bool(words) and words[0].lower() in _ACTOR_CUES
    for entity in candidates:
        if entity.is_place != acts:
            return entity
    return candidates[0]
