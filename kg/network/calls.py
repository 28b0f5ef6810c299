"""Expectations against results: which outcomes the previews expected came true, and who called it.

One catalogue query (``queries/calls.rq``) lists every outcome a source expected before a
summit with the outcomes a source reported on the same summit and topic after it; this
module matches each expectation to one of those reports, judges the call and scores the
sources. :func:`calls_network` draws the report for ``summit-kg viz --view calls``.

Matching: among the reports on the expectation's summit and topic, the one whose label
shares the most words with the expectation's (Jaccard overlap of their words, less the
function words of :data:`kg.text.lexicon.MINOR_WORDS`, a final "s" dropped) wins; on a tie,
or when no label shares a word, a settled result (agreed or refused) before a still-open
one, then the first by source and label. ``match`` says which: ``"words"`` or ``"topic"``.

Judging: a call *leans* towards its outcome when its likelihood is possible or surer, or
unstated, and against it when unlikely. It *came true* when the result went the way it
leaned (agreed for a call towards, refused for one against), was *missed* when the result
went the other way, and is *open* when the report still hedges or nothing was reported.

Scoring: each source's calls, came true, missed and open, and a Brier score over its
settled calls with a ranked likelihood: the five ranks below agreed (unlikely 0 … anticipated
4) stand for the middle of one fifth of [0, 1] each, ``(rank + 0.5) / 5`` (0.1, 0.3, 0.5,
0.7, 0.9), and a call scores ``(p - y)²`` with ``y`` 1 when agreed and 0 when refused. The
source's score is the mean: 0 is perfect, 0.25 is what always saying "likely" earns.

Examples:
    >>> probability(2), probability(None)
    (0.5, None)
    >>> sorted(label_words("The joint quotas for the northern shelf"))
    ['joint', 'northern', 'quota', 'shelf']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from rdflib.term import Node

from kg.text.lexicon import MINOR_WORDS

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph import SummitGraph

__all__ = [
    "STYLES",
    "VERDICTS",
    "Call",
    "CallsReport",
    "SourceScore",
    "calls",
    "calls_network",
    "calls_view",
    "judge",
    "label_words",
    "probability",
    "report_from_rows",
]

QUERY = "calls"
"""The catalogue query the report is computed from."""

VERDICTS: tuple[str, ...] = ("came true", "missed", "open")
"""What became of a call, in the order tables list them."""

STYLES: dict[str, str] = {"came true": "CameTrue", "missed": "Missed", "open": "Open"}
"""The ``style`` attribute :func:`calls_network` gives a node for each verdict, for pages
and exports that colour by result rather than by class."""

_RANKS_BELOW_AGREED = 5  # unlikely 0 … anticipated 4 (ontology/summit.ttl, skg:rank)
_AGAINST_BELOW = 1  # ranks below "possible" lean against the outcome
_WORD = re.compile(r"[^\W_]+")


def probability(rank: int | None) -> float | None:
    """The probability a ranked likelihood stands for: the middle of its fifth of [0, 1].

    >>> [probability(r) for r in range(5)]
    [0.1, 0.3, 0.5, 0.7, 0.9]
    """
    if rank is None or not 0 <= rank < _RANKS_BELOW_AGREED:
        return None
    return round((rank + 0.5) / _RANKS_BELOW_AGREED, 6)


def label_words(label: str) -> frozenset[str]:
    """The words of a label that matching compares: lower case, no function words, no final s.

    >>> sorted(label_words("Not agreed: a study of the subsea power cable"))
    ['agreed', 'cable', 'not', 'power', 'study', 'subsea']
    """
    words = set()
    for word in _WORD.findall(label.casefold()):
        if word in MINOR_WORDS:
            continue
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return frozenset(words)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def judge(rank: int | None, reported: str | None) -> str:
    """What became of a call of likelihood ``rank`` (None: unstated) given the report.

    ``reported`` is "agreed", "refused", "open" (still hedged) or None (nothing).

    >>> judge(2, "agreed"), judge(0, "agreed"), judge(0, "refused"), judge(None, "refused")
    ('came true', 'missed', 'came true', 'missed')
    >>> judge(3, "open"), judge(3, None)
    ('open', 'open')
    """
    if reported not in ("agreed", "refused"):
        return "open"
    towards = rank is None or rank >= _AGAINST_BELOW
    return "came true" if (reported == "agreed") == towards else "missed"


@dataclass(frozen=True)
class Call:
    """One expectation and what came of it."""

    topic: str
    expected: str
    likelihood: str
    hedge: str | None
    source: str
    date: str | None
    verdict: str
    """"came true", "missed" or "open" (see :func:`judge`)."""
    result: str | None = None
    """The label of the matched report, None when nothing was reported on the topic."""
    reported: str | None = None
    """"agreed", "refused" or "open" (the report still hedges); None: nothing reported."""
    reported_by: str | None = None
    match: str | None = None
    """"words" (the labels share words) or "topic" (the same topic only); None: no report."""
    probability: float | None = None
    expectation: str = ""
    """The IRI of the expected outcome (``report`` and ``summit`` likewise)."""
    report: str | None = None
    summit: str = ""
    topic_iri: str = ""


@dataclass(frozen=True)
class SourceScore:
    """How one source's calls turned out."""

    source: str
    calls: int
    came_true: int
    missed: int
    open: int
    brier: float | None
    """Mean ``(p - y)²`` over the settled calls with a ranked likelihood; None if none."""
    scored: int
    """The calls the Brier score averages."""


@dataclass(frozen=True)
class CallsReport:
    """The calls, per topic, and each source's score (best first)."""

    calls: tuple[Call, ...]
    sources: tuple[SourceScore, ...]

    @property
    def reported(self) -> bool:
        """Whether any call has a report after the summit (settled or still open)."""
        return any(call.reported is not None for call in self.calls)

    def as_dict(self) -> dict[str, Any]:
        """Plain data: ``calls`` and ``sources`` as lists of dicts (``--format json``)."""
        return {
            "calls": [asdict(call) for call in self.calls],
            "sources": [asdict(score) for score in self.sources],
        }


def _text(term: Node | None) -> str | None:
    return None if term is None else str(term)


def _rank(term: Node | None) -> int | None:
    if term is None:
        return None
    try:
        return int(str(term))
    except ValueError:
        return None


def _pick(
    expected: str, reports: list[Mapping[str, Node | None]]
) -> tuple[Mapping[str, Node | None], str]:
    """The report that best matches ``expected`` and how it matched ("words" or "topic")."""
    words = label_words(expected)

    def key(row: Mapping[str, Node | None]) -> tuple[float, int, str, str]:
        settled = 0 if str(row["verdict"]) in ("agreed", "refused") else 1
        score = _overlap(words, label_words(str(row["result"])))
        return (-score, settled, str(row["reportedBy"]), str(row["result"]))

    best = min(reports, key=key)
    shared = bool(words & label_words(str(best["result"])))
    return best, "words" if shared else "topic"


def report_from_rows(rows: Iterable[Mapping[str, Node | None]]) -> CallsReport:
    """The report from the rows of ``queries/calls.rq`` (in its order).

    >>> from rdflib import Literal
    >>> row = dict(topicLabel=Literal("Fisheries"), expected=Literal("A joint quota"),
    ...            likelihood=Literal("likely"), hedge=None, source=Literal("Preview"),
    ...            date=None, result=Literal("Joint quota"), verdict=Literal("agreed"),
    ...            reportedBy=Literal("Report"), rank=Literal(2), expectation=Literal("urn:e"),
    ...            report=Literal("urn:r"), summit=Literal("urn:s"), topicIri=Literal("urn:t"))
    >>> report = report_from_rows([row])
    >>> [(c.topic, c.verdict, c.match) for c in report.calls]
    [('Fisheries', 'came true', 'words')]
    >>> report.sources[0].brier
    0.25
    """
    grouped: dict[str, list[Mapping[str, Node | None]]] = {}
    for row in rows:
        grouped.setdefault(str(row["expectation"]), []).append(row)
    found: list[Call] = []
    for iri, group in grouped.items():
        first = group[0]
        expected = str(first["expected"])
        reports = [row for row in group if row.get("report") is not None]
        rank = _rank(first.get("rank"))
        common: dict[str, Any] = {
            "topic": str(first["topicLabel"]),
            "expected": expected,
            "likelihood": str(first["likelihood"]),
            "hedge": _text(first.get("hedge")),
            "source": str(first["source"]),
            "date": _text(first.get("date")),
            "probability": probability(rank),
            "expectation": iri,
            "summit": str(first["summit"]),
            "topic_iri": str(first["topicIri"]),
        }
        if not reports:
            found.append(Call(verdict="open", **common))
            continue
        best, how = _pick(expected, reports)
        reported = str(best["verdict"])
        found.append(
            Call(
                verdict=judge(rank, reported),
                result=str(best["result"]),
                reported=reported,
                reported_by=_text(best["reportedBy"]),
                match=how,
                report=_text(best["report"]),
                **common,
            )
        )
    return CallsReport(tuple(found), _scores(found))


def _scores(found: list[Call]) -> tuple[SourceScore, ...]:
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(VERDICTS, 0))
    errors: dict[str, list[float]] = defaultdict(list)
    for call in found:
        tallies[call.source][call.verdict] += 1
        if call.probability is not None and call.reported in ("agreed", "refused"):
            outcome = 1.0 if call.reported == "agreed" else 0.0
            errors[call.source].append((call.probability - outcome) ** 2)
    scores = []
    for source, tally in tallies.items():
        squared = errors.get(source, [])
        scores.append(
            SourceScore(
                source=source,
                calls=sum(tally.values()),
                came_true=tally["came true"],
                missed=tally["missed"],
                open=tally["open"],
                brier=round(sum(squared) / len(squared), 4) if squared else None,
                scored=len(squared),
            )
        )
    scores.sort(
        key=lambda s: (
            s.brier is None,
            s.brier if s.brier is not None else 0.0,
            -s.came_true,
            s.missed,
            s.source.casefold(),
        )
    )
    return tuple(scores)


def calls(graph: SummitGraph, *, timeout: float | None = None) -> CallsReport:
    """Which expected outcomes came true, were missed or are open, and each source's score.

    Runs ``queries/calls.rq`` once (on any store) and matches, judges and scores as the
    module says.

    Examples:
        >>> import kg
        >>> report = calls(kg.load())      # the Alaska briefing: a preview, no report yet
        >>> {c.verdict for c in report.calls}, report.reported
        ({'open'}, False)
    """
    report = report_from_rows(graph.query(QUERY, timeout=timeout).rows)
    if not any(call.reported is None for call in report.calls):
        return report
    return _across_sources(report, graph.query(_OUTCOMES, timeout=timeout).rows)


_OUTCOMES = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX skg: <https://w3id.org/summit-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?summit ?place ?start ?person ?outcome ?label ?level ?topicLabel ?doc ?title ?date WHERE {
  ?summit a skg:Summit .
  { ?summit sem:hasActor ?person }
  UNION {
    ?summit skg:hasOutcome ?outcome .
    ?outcome rdfs:label ?label ; skg:likelihood ?level ;
             prov:wasDerivedFrom/skg:inDocument ?doc .
    ?doc dcterms:title ?title .
    OPTIONAL { ?doc dcterms:date ?date }
    OPTIONAL { ?outcome skg:topic/skos:prefLabel ?topicLabel }
  }
  OPTIONAL { ?summit sem:hasPlace ?place }
  OPTIONAL { ?summit schema:startDate ?start }
}
"""
"""Every summit's place, start and participants, and every outcome with its document: what
:func:`_across_sources` reads."""

_SAME_DAYS = 2  # start dates this far apart are the same summit, as two sources date it


class _Outcome(NamedTuple):
    """An outcome as :func:`_across_sources` compares it: its summit and document."""

    summit: str
    label: str
    level: str
    topic: str
    doc: str
    title: str


@dataclass
class _Summit:
    place: str | None = None
    start: str | None = None
    people: set[str] = field(default_factory=set)


def _same_summit(a: _Summit, b: _Summit) -> bool:
    """Whether two summit nodes are one summit two sources describe differently: the same
    place (or, where one gives none, participants in common: one if both are dated, two
    otherwise) and, where both are dated, starts at most :data:`_SAME_DAYS` apart.

    >>> preview = _Summit(None, "2026-03-19", {"achurra", "quispe", "ferrada"})
    >>> _same_summit(preview, _Summit("pacific", "2026-03-19", {"achurra"}))
    True
    >>> _same_summit(preview, _Summit(None, "2026-05-02", {"achurra", "quispe"}))
    False
    >>> _same_summit(preview, _Summit(None, None, {"achurra"}))
    False
    """
    dated = bool(a.start and b.start)
    if a.start and b.start:
        try:
            gap = abs((date.fromisoformat(a.start) - date.fromisoformat(b.start)).days)
        except ValueError:
            gap = 0 if a.start == b.start else _SAME_DAYS + 1
        if gap > _SAME_DAYS:
            return False
    shared = len(a.people & b.people)
    if a.place and b.place:
        return a.place == b.place and (shared > 0 or dated)
    # the same people meeting on the same days: one summit (a leader is in one place a day)
    return shared >= (1 if dated else 2)


def _across_sources(report: CallsReport, rows: Iterable[Mapping[str, Node | None]]) -> CallsReport:
    """The calls nothing was reported on, matched to a result of the same summit as another
    source describes it (another summit node with the same place and dates, or participants
    in common) or on another topic of the same summit, by their words.

    The result must come from another document that reports results (agreed or refused),
    not dated before its summit, and share a word with the expectation (``match`` "words");
    its topic's words count too.
    """
    summits: dict[str, _Summit] = defaultdict(_Summit)
    outcomes: dict[str, _Outcome] = {}
    settled_docs: set[str] = set()
    for row in rows:
        summit = summits[str(row["summit"])]
        summit.place = summit.place or _text(row.get("place"))
        summit.start = summit.start or _text(row.get("start"))
        if row.get("person") is not None:
            summit.people.add(str(row["person"]))
        if row.get("outcome") is None:
            continue
        level = str(row["level"]).rpartition("#")[2]
        doc = str(row["doc"])
        dated = _text(row.get("date"))
        if level in ("Agreed", "Refused") and not (dated and summit.start and dated < summit.start):
            settled_docs.add(doc)  # a document dated before the summit reports no result
        outcomes[str(row["outcome"])] = _Outcome(
            str(row["summit"]),
            str(row["label"]),
            level,
            str(row.get("topicLabel") or ""),
            doc,
            str(row["title"]),
        )
    found: list[Call] = []
    for call in report.calls:
        if call.reported is not None or call.expectation not in outcomes:
            found.append(call)
            continue
        own = outcomes[call.expectation]
        home = summits[call.summit]
        words = label_words(call.expected)
        broad = words | label_words(call.topic)
        best: tuple[float, int, str, str] | None = None
        pick: tuple[str, _Outcome] | None = None
        for iri, other in outcomes.items():
            where, label, level, topic, doc, _ = other
            if doc == own.doc or doc not in settled_docs:
                continue
            if where != call.summit and not _same_summit(home, summits[where]):
                continue
            theirs = label_words(label)
            if not (words & theirs or broad & (theirs | label_words(topic))):
                continue
            settled = 0 if level in ("Agreed", "Refused") else 1
            key = (-_overlap(broad, theirs | label_words(topic)), settled, other.title, label)
            if best is None or key < best:
                best, pick = key, (iri, other)
        if pick is None:
            found.append(call)
            continue
        iri, chosen = pick
        label, level, title = chosen.label, chosen.level, chosen.title
        reported = {"Agreed": "agreed", "Refused": "refused"}.get(level, "open")
        found.append(
            replace(
                call,
                verdict=judge(_rank_of(call), reported),
                result=label,
                reported=reported,
                reported_by=title,
                match="words",
                report=iri,
            )
        )
    return CallsReport(tuple(found), _scores(found))


def _rank_of(call: Call) -> int | None:
    """The rank of a call's likelihood, back from its probability."""
    if call.probability is None:
        return None
    return round(call.probability * _RANKS_BELOW_AGREED - 0.5)


def calls_network(report: CallsReport) -> nx.MultiDiGraph:
    """The report as a graph: topic → expected outcome → the result it was matched to.

    Topics are ``Topic`` nodes; expected outcomes and reported results ``Outcome`` nodes
    with ``source``, ``likelihood``, ``verdict`` ("came true", "missed", "open") or
    ``reported``, and ``style`` (:data:`STYLES`, from the verdict) attributes. Edges:
    ``expected`` (topic to expectation, with its likelihood) and ``came true``, ``missed``
    or ``open`` (expectation to its result; an expectation nothing was reported on has no
    such edge and ``verdict`` "open").

    >>> call = Call("Trade", "Lower tariffs", "likely", None, "Preview", None, "came true",
    ...             "Lower tariffs", "agreed", "Report", "words", 0.5, "urn:e", "urn:r", "urn:s",
    ...             "urn:t")
    >>> g = calls_network(CallsReport((call,), ()))
    >>> sorted(g.edges(data="label"))
    [('urn:e', 'urn:r', 'came true'), ('urn:t', 'urn:e', 'expected')]
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    for call in report.calls:
        topic = call.topic_iri or call.topic
        if topic not in graph:
            graph.add_node(topic, label=call.topic, type="Topic")
        graph.add_node(
            call.expectation,
            label=call.expected,
            type="Outcome",
            likelihood=call.likelihood,
            source=[call.source],
            verdict=call.verdict,
            style=STYLES[call.verdict],
            **({"hedge": call.hedge} if call.hedge else {}),
        )
        graph.add_edge(
            topic, call.expectation, key="expected", label="expected", likelihood=call.likelihood
        )
        if call.report is None:
            continue
        if call.report not in graph:
            graph.add_node(
                call.report,
                label=call.result or "",
                type="Outcome",
                likelihood=call.reported,
                reported=call.reported,
                source=[call.reported_by] if call.reported_by else [],
                style=STYLES[call.verdict],
            )
        graph.add_edge(
            call.expectation, call.report, key=call.verdict, label=call.verdict, match=call.match
        )
    return graph


def calls_view(graph: SummitGraph) -> nx.MultiDiGraph:
    """The ``calls`` view of :data:`kg.network.views.VIEWS`: :func:`calls_network` of :func:`calls`.

    >>> import kg
    >>> view = calls_view(kg.load())
    >>> sorted({kind for _, kind in view.nodes(data="type")})
    ['Outcome', 'Topic']
    """
    return calls_network(calls(graph))
