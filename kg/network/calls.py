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
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

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
    return report_from_rows(graph.query(QUERY, timeout=timeout).rows)


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
