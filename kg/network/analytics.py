"""Graph analytics as plain functions of a networkx graph (no RDF here).

The input is a graph as :func:`kg.network.convert.to_networkx` makes it: node ids are
IRIs with ``label`` and ``type`` attributes (and ``source``, ``likelihood``,
``likelihoodRank`` where the data has them); edges are keyed by predicate IRI.
Measures that ignore direction use :func:`undirected`, one weighted edge per
linked pair. Every function is deterministic: the same graph gives the same
answer (Louvain runs with a fixed seed).

Examples:
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("s", label="Alaska summit", type="Summit")
    >>> g.add_node("t", label="Arms Control", type="Topic")
    >>> g.add_node("p", label="Arctic", type="Place")
    >>> g.add_edge("s", "t", key="urn:addressesTopic", label="addressesTopic")
    'urn:addressesTopic'
    >>> g.add_edge("t", "p", key="urn:relatedPlace", label="relatedPlace")
    'urn:relatedPlace'
    >>> print(explain_path(g, "alaska summit", "Arctic"))
    Alaska summit (Summit)
      → addressesTopic: Arms Control (Topic)
      → relatedPlace: Arctic (Place)
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Collection, Hashable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from kg.errors import UsageError
from kg.network.views import ACTOR_TYPES, PROVENANCE_TYPES, SIZE_MEASURES

__all__ = [
    "HUB_FACTOR",
    "HUB_MIN_DEGREE",
    "Agreement",
    "Centrality",
    "Community",
    "Explanation",
    "Step",
    "as_list",
    "centrality",
    "ego_graph",
    "explain_path",
    "find_node",
    "hubs",
    "scores",
    "source_agreement",
    "summary",
    "topic_communities",
    "undirected",
]

SEED = 42
_EXACT_BETWEENNESS_MAX = 2000  # above this many nodes, betweenness is sampled (k=500)


def _label(graph: nx.Graph, node: Hashable) -> str:
    return str(graph.nodes[node].get("label") or node)


def _local(key: object) -> str:
    return str(key).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def undirected(graph: nx.Graph) -> nx.Graph:
    """A simple undirected copy: one edge per linked pair, ``weight`` = number of links.

    Self-loops are dropped. Node attributes are shared, not copied.

    >>> g = nx.MultiDiGraph([("a", "b", "x"), ("b", "a", "y"), ("a", "a", "z")])
    >>> list(undirected(g).edges(data="weight"))
    [('a', 'b', 2)]
    """
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v in graph.edges():
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    return simple


# --------------------------------------------------------------------------
# Finding nodes by label
# --------------------------------------------------------------------------


def _names(attrs: dict[str, Any]) -> list[str]:
    names = [str(attrs.get("label") or "")]
    alt = attrs.get("altLabel")
    if isinstance(alt, str):
        names.append(alt)
    elif isinstance(alt, list | tuple):
        names.extend(str(a) for a in alt)
    return [n for n in names if n]


def find_node(graph: nx.Graph, label: str) -> Hashable:
    """The node whose label (or alternative label) is ``label``, ignoring case.

    A label that matches no node exactly may match one node's label as a
    substring ("cyber" finds Cybersecurity when nothing else contains it).

    Raises:
        UsageError: no node or several nodes match; the message lists
            candidates or close matches.

    >>> g = nx.Graph()
    >>> g.add_node("urn:t", label="Arms Control", altLabel=["Reevaluating arms control"])
    >>> g.add_node("urn:n", label="NATO")
    >>> find_node(g, "reevaluating ARMS control"), find_node(g, "nat")
    ('urn:t', 'urn:n')
    """
    wanted = " ".join(label.split()).casefold()
    if not wanted:
        raise UsageError("an empty label matches nothing; give part of a node's label")
    exact, partial = [], []
    for node, attrs in graph.nodes(data=True):
        names = [n.casefold() for n in _names(attrs)]
        if wanted in names:
            exact.append(node)
        elif any(wanted in n for n in names):
            partial.append(node)
    found = exact or partial
    if len(found) == 1:
        return found[0]  # type: ignore[no-any-return]
    if found:
        shown = ", ".join(
            sorted(f"{_label(graph, n)} ({graph.nodes[n].get('type', '?')})" for n in found)[:8]
        )
        more = f" and {len(found) - 8} more" if len(found) > 8 else ""
        raise UsageError(f"'{label}' matches {len(found)} nodes: {shown}{more}; be more exact")
    labels = sorted({n for _, attrs in graph.nodes(data=True) for n in _names(attrs)})
    close = difflib.get_close_matches(label, labels, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UsageError(f"no node is labelled '{label}'{hint}")


HUB_FACTOR = 4.0
"""A node is a hub when its degree is at least this many times the mean degree…"""
HUB_MIN_DEGREE = 10
"""…and at least this many distinct neighbours (see :func:`hubs`)."""
_HUB_TYPES = frozenset({"Summit", *PROVENANCE_TYPES})


def hubs(graph: nx.Graph) -> set[Hashable]:
    """The nodes an ego walk does not pass through: what ties everything to everything.

    A hub is the summit, a document or another part of the provenance
    structure (:data:`~kg.network.views.PROVENANCE_TYPES`), or any node with
    at least :data:`HUB_MIN_DEGREE` distinct neighbours and at least
    :data:`HUB_FACTOR` times the mean number of distinct neighbours.

    >>> g = nx.star_graph(12)
    >>> g.add_node("s", type="Summit")
    >>> sorted(hubs(g), key=str)
    [0, 's']
    """
    simple = undirected(graph) if graph.is_multigraph() or graph.is_directed() else graph
    degrees = dict(simple.degree())
    mean = sum(degrees.values()) / len(degrees) if degrees else 0.0
    limit = max(HUB_MIN_DEGREE, HUB_FACTOR * mean)
    return {
        node
        for node, attrs in graph.nodes(data=True)
        if attrs.get("type") in _HUB_TYPES or degrees.get(node, 0) >= limit
    }


def ego_graph(
    graph: nx.MultiDiGraph, label: str, depth: int = 1, *, through_hubs: bool = False
) -> nx.MultiDiGraph:
    """The part of ``graph`` within ``depth`` links of the node labelled ``label``.

    Direction is ignored when counting links; the result is a copy, its
    centre marked with the attribute ``focus=True``. By default the walk
    stops at :func:`hubs`: a hub it reaches is kept but its other neighbours
    are not (the centre itself is always walked from), so "around
    Cybersecurity" shows its outcomes, focus areas and who names it, not
    everything the summit node ties to. ``through_hubs=True`` walks through
    them too.

    Raises:
        UsageError: no single node has that label, or ``depth`` is negative.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> nx.set_node_attributes(g, {n: n.upper() for n in g}, "label")
    >>> sorted(ego_graph(g, "B", 1)), sorted(ego_graph(g, "a", 2))
    (['a', 'b', 'c'], ['a', 'b', 'c'])
    >>> g.nodes["b"]["type"] = "Summit"
    >>> sorted(ego_graph(g, "a", 2)), sorted(ego_graph(g, "a", 2, through_hubs=True))
    (['a', 'b'], ['a', 'b', 'c'])
    >>> ego_graph(g, "a", 2).nodes["a"]["focus"]
    True
    """
    if depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")
    center = find_node(graph, label)
    stop = set() if through_hubs else hubs(graph) - {center}
    seen = {center}
    frontier = [center]
    for _ in range(depth):
        following = []
        for node in frontier:
            if node in stop:
                continue
            for other in itertools.chain(graph.successors(node), graph.predecessors(node)):
                if other not in seen:
                    seen.add(other)
                    following.append(other)
        frontier = following
    result: nx.MultiDiGraph = graph.subgraph([n for n in graph.nodes if n in seen]).copy()
    result.nodes[center]["focus"] = True
    return result


# --------------------------------------------------------------------------
# Centrality
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Centrality:
    """How central one node is: distinct neighbours, betweenness and PageRank."""

    node: str
    label: str
    type: str
    degree: int
    betweenness: float
    pagerank: float
    mentioned: int = 0
    """Text passages that mention the node (its ``mentionedIn`` attribute)."""


def _betweenness(simple: nx.Graph) -> dict[Hashable, float]:
    n = simple.number_of_nodes()
    k = None if n <= _EXACT_BETWEENNESS_MAX else 500
    return nx.betweenness_centrality(simple, k=k, seed=SEED)  # type: ignore[no-any-return]


def _pagerank(simple: nx.Graph) -> dict[Hashable, float]:
    if simple.number_of_edges() == 0:
        n = simple.number_of_nodes()
        return dict.fromkeys(simple, 1.0 / n) if n else {}
    return nx.pagerank(simple, weight="weight")  # type: ignore[no-any-return]


def scores(graph: nx.Graph, measure: str) -> dict[Hashable, float]:
    """One centrality of every node on the :func:`undirected` graph.

    ``measure`` is "degree" (distinct neighbours), "pagerank" or
    "betweenness" (normalised; sampled above 2,000 nodes).

    Raises:
        UsageError: an unknown measure.

    >>> g = nx.MultiDiGraph([("hub", "a"), ("hub", "b"), ("a", "hub")])
    >>> scores(g, "degree"), scores(g, "betweenness")["hub"]
    ({'hub': 2.0, 'a': 1.0, 'b': 1.0}, 1.0)
    """
    simple = undirected(graph)
    if measure == "degree":
        return {node: float(degree) for node, degree in simple.degree()}
    if measure == "pagerank":
        return _pagerank(simple)
    if measure == "betweenness":
        return _betweenness(simple)
    raise UsageError(f"unknown measure '{measure}'. Known: {', '.join(SIZE_MEASURES)}")


def centrality(
    graph: nx.Graph, *, types: Collection[str] | None = None, top: int | None = None
) -> list[Centrality]:
    """The nodes of ``types`` (all when None) by PageRank, most central first.

    All three measures are computed on the whole :func:`undirected` graph, so
    a topic is central when many outcomes, focus areas and summits tie to it.
    Betweenness is normalised (exact up to 2,000 nodes, sampled from 500
    sources above); PageRank uses the link counts as weights.

    >>> g = nx.Graph([("t", "o1"), ("t", "o2"), ("u", "o3")])
    >>> nx.set_node_attributes(g, {"t": "Topic", "u": "Topic"}, "type")
    >>> [(c.node, c.degree, round(c.betweenness, 2)) for c in centrality(g, types={"Topic"})]
    [('t', 2, 0.17), ('u', 1, 0.0)]
    """
    if graph.number_of_nodes() == 0:
        return []
    simple = undirected(graph)
    ranks = _pagerank(simple)
    between = _betweenness(simple)
    rows = [
        Centrality(
            node=str(node),
            label=_label(graph, node),
            type=str(attrs.get("type") or "Other"),
            degree=simple.degree(node),
            betweenness=round(float(between.get(node, 0.0)), 6),
            pagerank=round(float(ranks[node]), 6),
            mentioned=int(attrs.get("mentionedIn") or 0),
        )
        for node, attrs in graph.nodes(data=True)
        if types is None or attrs.get("type") in types
    ]
    rows.sort(key=lambda r: (-r.pagerank, -r.degree, r.label.casefold(), r.node))
    return rows if top is None else rows[:top]


# --------------------------------------------------------------------------
# Communities
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Community:
    """Topics that travel together, with the other nodes of their community."""

    topics: tuple[str, ...]
    members: tuple[str, ...]
    """Labels of the other nodes in the community (places, actors, outcomes…)."""
    size: int


def topic_communities(
    graph: nx.Graph, *, types: Collection[str] = ("Topic",), seed: int = SEED
) -> list[Community]:
    """Louvain communities of the whole graph that hold at least one topic.

    Topics in one community are tied more to each other (through shared
    places, actors, focus areas, documents) than to the rest. Communities
    come largest first.

    >>> g = nx.Graph([("t1", "p"), ("t2", "p"), ("t3", "q"), ("q", "r")])
    >>> nx.set_node_attributes(g, {"t1": "Topic", "t2": "Topic", "t3": "Topic"}, "type")
    >>> nx.set_node_attributes(g, {n: n.upper() for n in g}, "label")
    >>> [(c.topics, c.members) for c in topic_communities(g)]
    [(('T1', 'T2'), ('P',)), (('T3',), ('Q', 'R'))]
    """
    simple = undirected(graph)
    if simple.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    result = []
    for part in parts:
        topics = sorted(
            (_label(graph, n) for n in part if graph.nodes[n].get("type") in types),
            key=str.casefold,
        )
        if not topics:
            continue
        others = sorted(
            (_label(graph, n) for n in part if graph.nodes[n].get("type") not in types),
            key=str.casefold,
        )
        result.append(Community(tuple(topics), tuple(others), len(part)))
    result.sort(key=lambda c: (-len(c.topics), -c.size, c.topics[0].casefold()))
    return result


# --------------------------------------------------------------------------
# Explanations
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One node on an explanation path and the link that led to it."""

    node: str
    label: str
    type: str
    link: str | None = None
    """The predicate's label that joins the previous node to this one."""
    forward: bool = True
    """True when the RDF edge points from the previous node to this one."""


@dataclass(frozen=True)
class Explanation:
    """The chain of labelled nodes and links that ties two entities together."""

    steps: tuple[Step, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return max(len(self.steps) - 1, 0)

    def __str__(self) -> str:
        if not self.steps:
            return "(no path)"
        first, *rest = self.steps
        lines = [f"{first.label} ({first.type})"]
        for step in rest:
            arrow = "→" if step.forward else "←"
            lines.append(f"  {arrow} {step.link}: {step.label} ({step.type})")
        return "\n".join(lines)


def _link(graph: nx.Graph, u: Hashable, v: Hashable) -> tuple[str, bool]:
    """The label of one edge between u and v and whether it runs u → v."""
    options: list[tuple[int, str, str]] = []
    for a, b, forward in ((u, v, True), (v, u, False)):
        if not graph.has_edge(a, b):
            continue
        data = graph.get_edge_data(a, b)
        items = data.items() if graph.is_multigraph() else [(None, data)]
        for key, attrs in items:
            name = str(attrs.get("label") or (_local(key) if key is not None else "linked to"))
            options.append((0 if forward else 1, str(key), name))
    _, _, name = min(options)
    return name, min(options)[0] == 0


def explain_path(graph: nx.Graph, source: str, target: str) -> Explanation:
    """The shortest chain of links between the nodes labelled ``source`` and ``target``.

    Direction is ignored when searching (a concern that mentions NATO links
    NATO to the concern); each step says which way its RDF edge points.

    Raises:
        UsageError: a label matches no single node, or the two are not connected.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("c", label="Effects on NATO cohesion", type="Concern")
    >>> g.add_node("n", label="NATO", type="Organization")
    >>> g.add_edge("c", "n", key="urn:mentions", label="mentions")
    'urn:mentions'
    >>> path = explain_path(g, "NATO", "effects on nato cohesion")
    >>> [(s.label, s.link, s.forward) for s in path.steps]
    [('NATO', None, True), ('Effects on NATO cohesion', 'mentions', False)]
    """
    start, end = find_node(graph, source), find_node(graph, target)
    simple = undirected(graph)
    try:
        path = nx.shortest_path(simple, start, end)
    except nx.NetworkXNoPath:
        raise UsageError(
            f"'{_label(graph, start)}' and '{_label(graph, end)}' are not connected in this graph"
        ) from None
    steps = [Step(str(start), _label(graph, start), str(graph.nodes[start].get("type", "Other")))]
    for u, v in itertools.pairwise(path):
        link, forward = _link(graph, u, v)
        steps.append(
            Step(str(v), _label(graph, v), str(graph.nodes[v].get("type", "Other")), link, forward)
        )
    return Explanation(tuple(steps))


# --------------------------------------------------------------------------
# Source agreement
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Agreement:
    """What the sources say about one topic and whether their likelihoods agree.

    ``stances`` maps each source that states an outcome on the topic to the
    likelihoods of its outcomes, least to most sure. ``agreement`` is "agree"
    when every such source gives the same highest likelihood, "differ" when
    they do not, "one source" or "no outcomes" otherwise.
    """

    topic: str
    sources: int
    outcomes: int
    likelihoods: tuple[str, ...]
    agreement: str
    stances: dict[str, tuple[str, ...]]


def as_list(value: object) -> list[str]:
    """An attribute that may hold one value or several (``source``) as a list of strings.

    >>> as_list("Article A"), as_list(["A", "B"]), as_list(None)
    (['Article A'], ['A', 'B'], [])
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def source_agreement(graph: nx.MultiDiGraph) -> list[Agreement]:
    """Topics by how many sources state them and whether their likelihoods agree.

    An outcome belongs to a topic through its ``topic`` edge; its sources are
    its ``source`` attribute and its certainty ``likelihoodRank`` (or the
    order of ``likelihood`` labels seen). Topics come with the most sources first.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("t", label="Cybersecurity", type="Topic", source=["A", "B"])
    >>> g.add_node("o1", type="Outcome", source=["A"], likelihood="possible", likelihoodRank=1)
    >>> g.add_node("o2", type="Outcome", source=["B"], likelihood="likely", likelihoodRank=2)
    >>> for o in ("o1", "o2"):
    ...     _ = g.add_edge(o, "t", key="https://w3id.org/summit-kg/ontology#topic")
    >>> row = source_agreement(g)[0]
    >>> row.sources, row.outcomes, row.likelihoods, row.agreement, row.stances
    (2, 2, ('possible', 'likely'), 'differ', {'A': ('possible',), 'B': ('likely',)})
    """
    rows = []
    for topic, attrs in graph.nodes(data=True):
        if attrs.get("type") != "Topic":
            continue
        sources = set(as_list(attrs.get("source")))
        stances: dict[str, dict[str, int]] = {}
        outcomes = 0
        for outcome, _, key in graph.in_edges(topic, keys=True):
            o_attrs = graph.nodes[outcome]
            if _local(key) != "topic" or o_attrs.get("type") != "Outcome":
                continue
            outcomes += 1
            level = o_attrs.get("likelihood")
            rank = o_attrs.get("likelihoodRank")
            for source in as_list(o_attrs.get("source")) or ["(unknown source)"]:
                sources.add(source)
                if level is not None:
                    levels = stances.setdefault(source, {})
                    levels[str(level)] = rank if isinstance(rank, int) else -1
        ordered = {
            source: tuple(sorted(levels, key=lambda name, lv=levels: (lv[name], name)))  # type: ignore[misc]
            for source, levels in sorted(stances.items())
        }
        every: dict[str, int] = {}
        for levels in stances.values():
            every.update(levels)
        if not stances:
            verdict = "no outcomes"
        elif len(stances) == 1:
            verdict = "one source"
        else:
            tops = {max(levels, key=lambda n, lv=levels: (lv[n], n)) for levels in stances.values()}  # type: ignore[misc]
            verdict = "agree" if len(tops) == 1 else "differ"
        rows.append(
            Agreement(
                topic=_label(graph, topic),
                sources=len(sources),
                outcomes=outcomes,
                likelihoods=tuple(sorted(every, key=lambda name: (every[name], name))),
                agreement=verdict,
                stances=ordered,
            )
        )
    rows.sort(key=lambda r: (-r.sources, -r.outcomes, r.topic.casefold()))
    return rows


# --------------------------------------------------------------------------
# Everything at once
# --------------------------------------------------------------------------


def summary(
    graph: nx.MultiDiGraph, *, top: int | None = 10, measured: nx.Graph | None = None
) -> dict[str, Any]:
    """Central topics and actors, topic communities and source agreement, as plain data.

    The shape ``summit-kg analyze --format json`` prints: lists of dicts under
    ``topics``, ``actors``, ``communities`` and ``agreement``, plus the
    number of candidates under ``counts``. Centrality is measured on
    ``measured`` when given (``summit-kg analyze`` passes the graph with its
    text passages, so an actor the articles name often counts as central),
    communities and agreement on ``graph``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("t", label="Trade", type="Topic")
    >>> g.add_node("p", label="Putin", type="Person")
    >>> g.add_edge("p", "t", key="urn:talksAbout")
    'urn:talksAbout'
    >>> result = summary(g)
    >>> [r["label"] for r in result["topics"]], result["communities"][0]["members"]
    (['Trade'], ['Putin'])
    """
    base = graph if measured is None else measured
    ranked = centrality(base, types={"Topic", *ACTOR_TYPES})  # measured once for both tables
    topics = [row for row in ranked if row.type == "Topic"]
    actors = [row for row in ranked if row.type in ACTOR_TYPES]
    return {
        "counts": {"topics": len(topics), "actors": len(actors)},
        "topics": [asdict(row) for row in topics[:top]],
        "actors": [asdict(row) for row in actors[:top]],
        "communities": [
            {"topics": list(c.topics), "members": list(c.members), "size": c.size}
            for c in topic_communities(graph)
        ],
        "agreement": [
            {
                **asdict(row),
                "likelihoods": list(row.likelihoods),
                "stances": {k: list(v) for k, v in row.stances.items()},
            }
            for row in source_agreement(graph)
        ],
    }
