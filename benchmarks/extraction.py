"""Score what summit-kg extracts from articles against what a careful reader lists.

In: the evaluation articles of ``tests/fixtures/eval/<set>/`` (``dev``, ``holdout``), each
``FILE.ext`` with its ``FILE.expected.json`` beside it (the schema is in
``tests/fixtures/eval/README.md``). Every article is loaded alone with ``kg.load(path)`` and
read back with SPARQL through the public ``g.query``; nothing below looks inside the loader.

Out: per category, expected / found / matched, recall and precision; the number of extracted
labels that match a noise string (page furniture, caption names, traps: must be 0); recall of
topics and outcomes per article form; the files that failed to load, with their error.

Usage::

    python benchmarks/extraction.py [--set dev|holdout|blind|all] [--json]

The matching rule (``labels_match``; noise also when glued, ``is_noise``): both labels are
normalised (Unicode NFKC, lower case, curly quotes straightened, possessive 's dropped,
punctuation turned into spaces, a leading "the", "a" or "an" dropped); they match when the
normalised strings are equal, or when one's tokens are a subset of the other's and the
smaller holds at least half of the longer's tokens. Expected and extracted items are paired
one to one (a maximum bipartite matching), so one extracted label never counts for two
expected ones. An extracted node matches with any of its labels (preferred or alternative:
a gazetteer actor's aliases are its own names); noise is checked on its preferred label only,
and a label the reader lists for the article (normalised alike) is never noise.
A position matches when its actor (or, for an expected "Fiji, Palau and Vanuatu", one of
the actors it names), its stance (where both sides give one) and its topic match; its
topic is matched by the labels of its ``skg:topic`` or by its own label (the object of the
stance as written: "any land swap"), since a position whose object is not a topic of the
document keeps it only as its label.

Examples:
    >>> labels_match("Trump's tariffs", "tariffs")
    True
    >>> labels_match("the South China Sea", "South China Sea disputes")
    True
    >>> labels_match("Security guarantees for Ukraine", "Ukraine")
    False
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import kg
from kg.sparql.runner import QueryResult, run_query

__all__ = [
    "ARTICLE_SUFFIXES",
    "CATEGORIES",
    "EVAL_DIR",
    "MODALITY_ALIASES",
    "Count",
    "Extracted",
    "FileResult",
    "Report",
    "articles",
    "extract_file",
    "is_noise",
    "labels_match",
    "main",
    "match_pairs",
    "normalise",
    "score",
    "score_file",
]

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "eval"
ARTICLE_SUFFIXES = (".md", ".txt", ".html", ".htm", ".markdown")

#: The categories scored, in the order the table prints them.
CATEGORIES = (
    "topics",
    "outcomes",
    "outcomes+modality",
    "positions",
    "actors",
    "places",
    "concerns",
    "recommendations",
    "summit.place",
    "summit.status",
    "summit.start",
    "summit.end",
    "summit.participants",
)

#: The modality words of the expected files and the likelihood labels that state them.
MODALITY_ALIASES: dict[str, frozenset[str]] = {
    "possible": frozenset({"possible"}),
    "likely": frozenset({"likely"}),
    "expected": frozenset({"expected", "anticipated"}),
    "projected": frozenset({"projected"}),
    "agreed": frozenset({"agreed"}),
    "refused": frozenset({"refused", "rejected"}),
}

_ARTICLES = ("the ", "a ", "an ")
_MAKING = re.compile(r"^(?:set up|create|establish|build|launch|form) (?=(?:an?|the|their|its) )")
_HEDGED = re.compile(
    r" (?:is|was|are|were|remains|remained|looks|looked|seems|seemed)"
    r" (?:still |now |also |highly |very )*(?:un)?likely\b.*$"
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})


def normalise(label: str) -> str:
    """The form two labels are compared in.

    >>> normalise("  The U.S.–China   Trade War's Toll! ")
    'u s china trade war toll'
    >>> normalise("Xi’s visit")
    'xi visit'
    """
    text = unicodedata.normalize("NFKC", label).translate(_QUOTES).lower()
    text = re.sub(r"(\w)'s\b", r"\1", text)
    text = re.sub(r"[\W_]+", " ", text).strip()
    for article in _ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
            break
    return text


def labels_match(first: str, second: str) -> bool:
    """Whether two labels name the same thing under the documented rule.

    >>> labels_match("Xi", "Xi Jinping")
    True
    >>> labels_match("climate finance", "Finance")
    True
    >>> labels_match("new climate finance goal", "finance")
    False
    >>> labels_match("", "trade")
    False
    >>> labels_match("set up a joint fund for ports", "a joint fund")
    True
    >>> labels_match("a deal is unlikely before the study ends", "a deal")
    True
    """
    one, two = normalise(first), normalise(second)
    if not one or not two:
        return False
    if one == two:
        return True
    if _subset_match(one, two):
        return True
    # "set up a joint fund" names what "a joint fund" does, where only one says how it is
    # made; "a deal is unlikely before June" names "a deal", where only one says its hedge
    for rule in (_MAKING, _HEDGED):
        bare_one, bare_two = rule.sub("", one), rule.sub("", two)
        if (bare_one == one) != (bare_two == two) and _subset_match(
            normalise(bare_one), normalise(bare_two)
        ):
            return True
    return False


def _subset_match(one: str, two: str) -> bool:
    """Whether one normalised label's words are a subset of the other's holding at least half
    of them."""
    a, b = set(one.split()), set(two.split())
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return small <= large and 2 * len(small) >= len(large)


def is_noise(label: str, noise: str) -> bool:
    """Whether an extracted label is (or swallowed) a noise string.

    A label is noise when it matches the noise string under ``labels_match``, or when the
    noise string (at least 6 letters once spaces are dropped) is glued inside it, as a
    widget title run into the next heading is.

    >>> is_noise("More ShortsDefence spending target", "More Shorts")
    True
    >>> is_noise("Defence spending target", "More Shorts")
    False
    """
    if labels_match(label, noise):
        return True
    glued = normalise(noise).replace(" ", "")
    return len(glued) >= 6 and glued in normalise(label).replace(" ", "")


def match_pairs(expected: Sequence[Any], found: Sequence[Any], same: Any) -> int:
    """The size of a maximum one-to-one matching between two lists under ``same(e, f)``.

    >>> match_pairs(["trade", "trade war"], ["trade war"], labels_match)
    1
    >>> match_pairs(["a b", "b"], ["b", "a b c"], labels_match)
    2
    """
    edges = [[j for j, f in enumerate(found) if same(e, f)] for e in expected]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(1 for i in range(len(expected)) if augment(i, set()))


@dataclass(frozen=True)
class Node:
    """An extracted node: its preferred label and every label it can be matched by."""

    label: str
    labels: tuple[str, ...]

    def matches(self, text: str) -> bool:
        """Whether any of the node's labels matches ``text``."""
        return any(labels_match(text, label) for label in self.labels)


@dataclass
class Extracted:
    """What the graph of one article holds, read back with SPARQL."""

    topics: list[Node] = field(default_factory=list)
    outcomes: list[tuple[Node, frozenset[str]]] = field(default_factory=list)
    positions: list[tuple[Node, Node, str | None]] = field(default_factory=list)
    actors: list[Node] = field(default_factory=list)
    places: list[Node] = field(default_factory=list)
    concerns: list[Node] = field(default_factory=list)
    recommendations: list[Node] = field(default_factory=list)
    summit_places: list[Node] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    participants: list[Node] = field(default_factory=list)

    def labels(self) -> list[str]:
        """Every preferred label extracted (what the noise check reads)."""
        nodes = [
            *self.topics,
            *(o for o, _ in self.outcomes),
            *self.actors,
            *self.places,
            *self.concerns,
            *self.recommendations,
        ]
        return [n.label for n in nodes]


_PREFIXES = """
PREFIX skg: <https://w3id.org/summit-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# Every node of a class with its labels (preferred first) in one row per label.
_LABELLED = (
    _PREFIXES
    + """
SELECT ?kind ?node ?pref ?alt WHERE {
  VALUES (?class ?kind) {
    (skg:Topic "topics") (skg:Concern "concerns") (skg:Recommendation "recommendations")
    (skg:Place "places") (skg:Actor "actors") (skg:Person "actors") (skg:State "actors")
    (skg:Organization "actors") (skg:Group "actors")
  }
  ?node a ?class .
  OPTIONAL { ?node skos:prefLabel ?p1 }
  OPTIONAL { ?node rdfs:label ?p2 }
  BIND(COALESCE(?p1, ?p2) AS ?pref)
  OPTIONAL { ?node skos:altLabel ?alt }
}
"""
)

_OUTCOMES = (
    _PREFIXES
    + """
SELECT ?node ?label ?modality WHERE {
  ?node a skg:Outcome ; rdfs:label ?label .
  OPTIONAL {
    ?node skg:likelihood ?l .
    { ?l skos:prefLabel ?modality } UNION { ?l skos:altLabel ?modality }
  }
}
"""
)

_POSITIONS = (
    _PREFIXES
    + """
SELECT ?node ?label ?quote ?actor ?actorLabel ?topic ?topicLabel ?stance WHERE {
  ?node a skg:Position .
  OPTIONAL { ?node rdfs:label ?label }
  OPTIONAL { ?node skg:objectQuote ?quote }
  OPTIONAL {
    ?node skg:actor ?actor .
    { ?actor skos:prefLabel ?actorLabel } UNION { ?actor skos:altLabel ?actorLabel }
  }
  OPTIONAL {
    ?node skg:topic ?topic .
    { ?topic skos:prefLabel ?topicLabel } UNION { ?topic skos:altLabel ?topicLabel }
  }
  OPTIONAL {
    ?node skg:stance ?s .
    OPTIONAL { ?s skos:prefLabel ?sl }
    BIND(COALESCE(?sl, STR(?s)) AS ?stance)
  }
}
"""
)

_SUMMITS = (
    _PREFIXES
    + """
SELECT ?summit ?what ?node ?value ?alt WHERE {
  ?summit a skg:Summit .
  {
    ?summit sem:hasPlace ?node . BIND("place" AS ?what)
    OPTIONAL { ?node skos:prefLabel ?value } OPTIONAL { ?node skos:altLabel ?alt }
  } UNION {
    ?summit sem:hasActor ?node . BIND("participant" AS ?what)
    OPTIONAL { ?node skos:prefLabel ?value } OPTIONAL { ?node skos:altLabel ?alt }
  } UNION {
    ?summit skg:status ?s . ?s skos:prefLabel ?value . BIND("status" AS ?what)
  } UNION {
    ?summit schema:startDate ?d . BIND(STR(?d) AS ?value) BIND("start" AS ?what)
  } UNION {
    ?summit schema:endDate ?d . BIND(STR(?d) AS ?value) BIND("end" AS ?what)
  }
}
"""
)


def _text(term: Any) -> str | None:
    return None if term is None else str(term)


def _nodes(rows: Iterable[tuple[str, str | None, str | None]]) -> list[Node]:
    """Group ``(node, preferred, alternative)`` rows into nodes, in a stable order."""
    prefs: dict[str, str] = {}
    alts: dict[str, list[str]] = {}
    for node, pref, alt in rows:
        if pref is not None:
            prefs.setdefault(node, pref)
        bucket = alts.setdefault(node, [])
        if alt is not None and alt not in bucket:
            bucket.append(alt)
    result = []
    for node in sorted(alts):
        pref = prefs.get(node, alts[node][0] if alts[node] else node)
        result.append(Node(pref, (pref, *sorted(a for a in alts[node] if a != pref))))
    return sorted(result, key=lambda n: n.label)


def _select(graph: kg.SummitGraph, text: str) -> QueryResult:
    """The scorer's own fixed query, in this process (no worker: a fork per query cost
    0.1-0.3 s, three quarters of the time spent scoring)."""
    with graph.store.reading() as target:
        return run_query(target, text, timeout=None, max_rows=None, trusted=True)


def extract_file(path: Path) -> Extracted:
    """Load one article alone and read back what it gave (``kg.KGError`` if it fails)."""
    graph = kg.load(str(path))
    out = Extracted()
    by_kind: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for row in _select(graph, _LABELLED):
        by_kind.setdefault(str(row["kind"]), []).append(
            (str(row["node"]), _text(row["pref"]), _text(row["alt"]))
        )
    out.topics = _nodes(by_kind.get("topics", []))
    out.concerns = _nodes(by_kind.get("concerns", []))
    out.recommendations = _nodes(by_kind.get("recommendations", []))
    out.places = _nodes(by_kind.get("places", []))
    out.actors = _nodes(by_kind.get("actors", []))

    outcomes: dict[str, tuple[str, set[str]]] = {}
    for row in _select(graph, _OUTCOMES):
        _, modalities = outcomes.setdefault(str(row["node"]), (str(row["label"]), set()))
        if row["modality"] is not None:
            modalities.add(str(row["modality"]).lower())
    out.outcomes = sorted(
        ((Node(label, (label,)), frozenset(mods)) for label, mods in outcomes.values()),
        key=lambda o: o[0].label,
    )

    actor_rows: dict[str, list[tuple[str, str | None, str | None]]] = {}
    topic_rows: dict[str, list[tuple[str, str | None, str | None]]] = {}
    stances: dict[str, str | None] = {}
    phrases: dict[str, str] = {}
    quotes: dict[str, str] = {}  # the object as written, beside the minimal label
    for row in _select(graph, _POSITIONS):
        node = str(row["node"])
        stances.setdefault(node, None)
        if row["label"] is not None:
            phrases.setdefault(node, str(row["label"]))
        if row["quote"] is not None:
            quotes.setdefault(node, str(row["quote"]))
        if row["stance"] is not None:
            stances[node] = str(row["stance"]).lower()
        if row["actorLabel"] is not None:
            actor_rows.setdefault(node, []).append(
                (str(row["actor"]), None, str(row["actorLabel"]))
            )
        if row["topicLabel"] is not None:
            topic_rows.setdefault(node, []).append(
                (str(row["topic"]), None, str(row["topicLabel"]))
            )
    empty = Node("", ())
    for node in sorted(stances):
        actors = _nodes(actor_rows.get(node, []))
        topics = _nodes(topic_rows.get(node, []))
        actor = (
            Node(actors[0].label, tuple(x for a in actors for x in a.labels)) if actors else empty
        )
        phrase = tuple(p[node] for p in (phrases, quotes) if node in p)
        labels = (*(x for t in topics for x in t.labels), *phrase)
        topic = Node(labels[0], labels) if labels else empty
        out.positions.append((actor, topic, stances[node]))

    places: list[tuple[str, str | None, str | None]] = []
    people: list[tuple[str, str | None, str | None]] = []
    for row in _select(graph, _SUMMITS):
        what, value = str(row["what"]), _text(row["value"])
        if what in ("place", "participant"):
            bucket = places if what == "place" else people
            bucket.append((str(row["node"]), value, _text(row["alt"])))
        elif value is not None:
            target = {"status": out.statuses, "start": out.starts, "end": out.ends}[what]
            if value not in target:
                target.append(value)
    out.summit_places = _nodes(places)
    out.participants = _nodes(people)
    return out


@dataclass
class Count:
    """Expected, found and matched items of one category."""

    expected: int = 0
    found: int = 0
    matched: int = 0

    def add(self, other: Count) -> None:
        """Add another count to this one."""
        self.expected += other.expected
        self.found += other.found
        self.matched += other.matched

    @property
    def recall(self) -> float:
        """Matched over expected (1.0 when nothing is expected)."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        """Matched over found (1.0 when nothing is found)."""
        return self.matched / self.found if self.found else 1.0


@dataclass
class FileResult:
    """The score of one article."""

    path: Path
    form: str
    counts: dict[str, Count]
    noise: list[str]
    error: str | None = None


def _modality_ok(expected: str, found: frozenset[str], label: str) -> bool:
    """Whether a found likelihood states the expected modality. The expected files have no
    "unlikely": theirs is an outcome keyed likely or possible with "unlikely" in its label.

    >>> _modality_ok("likely", frozenset({"unlikely"}), "a deal is unlikely before June")
    True
    >>> _modality_ok("likely", frozenset({"unlikely"}), "a deal")
    False
    """
    if "unlikely" in found and "unlikely" in normalise(label).split():
        return True
    return bool(MODALITY_ALIASES.get(expected, frozenset({expected})) & found)


def _scalar(expected: str | None, found: Sequence[str]) -> Count:
    """A summit field: one expected value (or none) against the values found."""
    matched = int(expected is not None and any(labels_match(expected, f) for f in found))
    return Count(int(expected is not None), min(len(found), 1) if found else 0, matched)


_CONJUNCTION = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _actor_matches(node: Node, expected: str) -> bool:
    """Whether an extracted actor is the expected one, or one of the actors an expected
    coordination names ("Fiji, Palau and Vanuatu" is matched by Palau's position).

    Examples:
        >>> palau = Node("Palau", ("Palau",))
        >>> _actor_matches(palau, "Fiji, Palau and Vanuatu"), _actor_matches(palau, "Fiji")
        (True, False)
    """
    if node.matches(expected):
        return True
    parts = _CONJUNCTION.split(expected)
    return len(parts) > 1 and any(node.matches(part) for part in parts if part)


def score_file(path: Path, expected: dict[str, Any]) -> FileResult:
    """Score one article against its expected reading (a failed load finds nothing)."""
    error = None
    try:
        got = extract_file(path)
    except kg.KGError as exc:
        got, error = Extracted(), str(exc)
    counts: dict[str, Count] = {}

    def nodes(name: str, want: list[str], have: list[Node]) -> None:
        counts[name] = Count(
            len(want), len(have), match_pairs(want, have, lambda e, f: f.matches(e))
        )

    nodes("topics", (expected.get("topics") or []), got.topics)
    want_outcomes = expected.get("outcomes") or []
    counts["outcomes"] = Count(
        len(want_outcomes),
        len(got.outcomes),
        match_pairs(want_outcomes, got.outcomes, lambda e, f: f[0].matches(e["label"])),
    )
    counts["outcomes+modality"] = Count(
        len(want_outcomes),
        len(got.outcomes),
        match_pairs(
            want_outcomes,
            got.outcomes,
            lambda e, f: f[0].matches(e["label"]) and _modality_ok(e["modality"], f[1], e["label"]),
        ),
    )

    def same_position(e: dict[str, str], f: tuple[Node, Node, str | None]) -> bool:
        if not (_actor_matches(f[0], e["actor"]) and f[1].matches(e["topic"])):
            return False
        return f[2] is None or e.get("stance") is None or f[2] == e["stance"]

    want_positions = expected.get("positions") or []
    counts["positions"] = Count(
        len(want_positions),
        len(got.positions),
        match_pairs(want_positions, got.positions, same_position),
    )
    nodes("actors", (expected.get("actors") or []), got.actors)
    nodes("places", (expected.get("places") or []), got.places)
    nodes("concerns", (expected.get("concerns") or []), got.concerns)
    nodes("recommendations", (expected.get("recommendations") or []), got.recommendations)

    summit = expected.get("summit") or {}
    place = summit.get("place")
    counts["summit.place"] = Count(
        int(place is not None),
        min(len(got.summit_places), 1),
        int(place is not None and any(n.matches(place) for n in got.summit_places)),
    )
    counts["summit.status"] = _scalar(summit.get("status"), got.statuses)
    counts["summit.start"] = _scalar(summit.get("start"), got.starts)
    counts["summit.end"] = _scalar(summit.get("end"), got.ends)
    nodes("summit.participants", summit.get("participants", []), got.participants)

    noise_strings = expected.get("noise") or []
    wanted = {normalise(label) for label in _expected_labels(expected)}
    noise = [
        label
        for label in got.labels()
        if normalise(label) not in wanted and any(is_noise(label, n) for n in noise_strings)
    ]
    return FileResult(path, expected.get("form", "?"), counts, noise, error)


def _expected_labels(expected: dict[str, Any]) -> list[str]:
    """Every label the reader lists for an article: one of them is never noise, even where a
    noise string holds it ("Mae Sot", a place, beside the link "Inside Mae Sot's clinics")."""
    summit = expected.get("summit") or {}
    return [
        *(expected.get("topics") or []),
        *(expected.get("actors") or []),
        *(expected.get("places") or []),
        *(expected.get("concerns") or []),
        *(expected.get("recommendations") or []),
        *(o["label"] for o in expected.get("outcomes") or []),
        *(summit.get("participants") or []),
        *([summit["place"]] if summit.get("place") else []),
    ]


@dataclass
class Report:
    """The score of a set of articles."""

    files: list[FileResult]
    seconds: float

    def total(self, category: str) -> Count:
        """The summed count of one category over every file."""
        total = Count()
        for result in self.files:
            total.add(result.counts[category])
        return total

    @property
    def noise(self) -> int:
        """How many extracted labels matched a noise string."""
        return sum(len(r.noise) for r in self.files)

    def by_form(self, category: str) -> dict[str, Count]:
        """The summed count of one category per article form."""
        forms: dict[str, Count] = {}
        for result in self.files:
            forms.setdefault(result.form, Count()).add(result.counts[category])
        return dict(sorted(forms.items()))

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (what ``--json`` prints)."""

        def count(c: Count) -> dict[str, Any]:
            return {
                "expected": c.expected,
                "found": c.found,
                "matched": c.matched,
                "recall": round(c.recall, 3),
                "precision": round(c.precision, 3),
            }

        return {
            "files": len(self.files),
            "seconds": round(self.seconds, 2),
            "categories": {c: count(self.total(c)) for c in CATEGORIES},
            "noise": self.noise,
            "noise_labels": {str(r.path.name): r.noise for r in self.files if r.noise},
            "by_form": {
                c: {f: count(n) for f, n in self.by_form(c).items()} for c in ("topics", "outcomes")
            },
            "failed": {str(r.path.name): r.error for r in self.files if r.error},
            "per_file": {
                str(r.path.name): {c: count(n) for c, n in r.counts.items()} for r in self.files
            },
        }

    def table(self) -> str:
        """The report as Markdown tables."""
        lines = [
            f"{len(self.files)} articles, {self.seconds:.1f} s",
            "",
            "| category | expected | found | matched | recall | precision |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for category in CATEGORIES:
            c = self.total(category)
            lines.append(
                f"| {category} | {c.expected} | {c.found} | {c.matched} "
                f"| {c.recall:.2f} | {c.precision:.2f} |"
            )
        lines += ["", f"noise: {self.noise} extracted labels match a noise string"]
        for result in self.files:
            if result.noise:
                lines.append(f"  {result.path.name}: {', '.join(result.noise)}")
        lines += [
            "",
            "| form | articles | topic recall | outcome recall |",
            "| --- | ---: | ---: | ---: |",
        ]
        topics, outcomes = self.by_form("topics"), self.by_form("outcomes")
        for form in topics:
            n = sum(1 for r in self.files if r.form == form)
            lines.append(
                f"| {form} | {n} | {topics[form].recall:.2f} ({topics[form].matched}/"
                f"{topics[form].expected}) | {outcomes[form].recall:.2f} "
                f"({outcomes[form].matched}/{outcomes[form].expected}) |"
            )
        failed = [r for r in self.files if r.error]
        if failed:
            lines += ["", "failed to load (counted as nothing found):"]
            lines += [f"  {r.path.name}: {r.error}" for r in failed]
        return "\n".join(lines)


def articles(set_name: str, root: Path = EVAL_DIR) -> list[Path]:
    """The articles of a set (``dev``, ``holdout``, ``blind`` or ``all`` of them), sorted."""
    folders = ["dev", "holdout", "blind"] if set_name == "all" else [set_name]
    found = []
    for folder in folders:
        for path in sorted((root / folder).iterdir()):
            if path.suffix in ARTICLE_SUFFIXES and not path.name.endswith(".expected.json"):
                found.append(path)
    return found


def score(set_name: str = "dev", root: Path = EVAL_DIR) -> Report:
    """Score every article of a set against its ``.expected.json``."""
    started = time.perf_counter()
    results = []
    for path in articles(set_name, root):
        expected_path = path.with_name(path.stem + ".expected.json")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        results.append(score_file(path, expected))
    return Report(results, time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: print the report of a set."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--set", default="dev", choices=["dev", "holdout", "blind", "all"])
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = score(args.set)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
