"""The page as a reader meets it: legible labels, the details panel, ego views (Chromium).

Also the pieces behind them that need no browser: hubs and ego walks, the
spacing of the layout, shapes per class, and edges named by the ontology.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.namespace import RDFS

import kg
import tests.support.browser as browser
from kg.network import analytics
from kg.network import page as viz
from kg.network.convert import predicate_label, predicate_labels
from kg.network.layout import MIN_DISTANCE, force_positions, layout, radial_positions
from kg.rdf.namespaces import SKG
from kg.resources import resource_file
from tests.support.html_page import Page

ID = "https://w3id.org/summit-kg/id/"
P = str(SKG)
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
BIDI = "\u202eniţuP\u2066"

needs_chromium = pytest.mark.skipif(
    browser.CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed"
)


def two_hundred() -> nx.MultiDiGraph:
    """About 200 nodes in the shape of a multi-document store: 2 summits, 20 topics, outcomes."""
    graph = nx.MultiDiGraph()
    for s in range(2):
        graph.add_node(f"{ID}s{s}", label=f"Summit {s} in Anchorage", type="Summit")
    for t in range(20):
        graph.add_node(f"{ID}t{t}", label=f"Topic number {t}", type="Topic")
        graph.add_edge(f"{ID}s{t % 2}", f"{ID}t{t}", key=P + "addressesTopic", label="x")
    for o in range(170):
        node = f"{ID}o{o}"
        graph.add_node(node, label=f"Outcome {o} of the talks", type="Outcome", likelihood="likely")
        graph.add_edge(node, f"{ID}t{o % 20}", key=P + "topic", label="topic")
        if o % 3 == 0:
            graph.add_edge(f"{ID}s{o % 2}", node, key=P + "hasOutcome", label="hasOutcome")
    for i in range(8):  # isolated nodes
        graph.add_node(f"{ID}p{i}", label=f"Place {i}", type="Place")
    return graph


def person_graph() -> nx.MultiDiGraph:
    """A person with positions and outcomes, and a summit tied to everything."""
    graph = nx.MultiDiGraph()
    graph.add_node(ID + "s", label="Alaska summit", type="Summit")
    graph.add_node(ID + "p", label="Vladimir Putin", type="Person")
    graph.add_node(ID + "pos", label="No NATO expansion", type="Position")
    graph.add_node(ID + "o", label="Ceasefire talks", type="Outcome", likelihood="possible")
    graph.add_node(ID + "t", label="Security", type="Topic")
    graph.add_edge(ID + "pos", ID + "p", key=P + "actor", label="actor")
    graph.add_edge(ID + "o", ID + "p", key=P + "relatedActor", label="relatedActor")
    graph.add_edge(ID + "o", ID + "t", key=P + "topic", label="topic")
    for i in range(30):
        graph.add_node(f"{ID}x{i}", label=f"Other claim {i}", type="Concern")
        graph.add_edge(ID + "s", f"{ID}x{i}", key=P + "hasConcern", label="hasConcern")
    graph.add_edge(ID + "s", ID + "p", key=P + "hasActor", label="hasActor")
    return graph


# --- hubs and ego walks ---------------------------------------------------------------


def test_hubs_are_the_summit_documents_and_outliers() -> None:
    graph = person_graph()
    graph.add_node(ID + "d", label="Article", type="SourceDocument")
    assert analytics.hubs(graph) == {ID + "s", ID + "d"}
    star = nx.star_graph(40)  # degree 40 against a mean of about 2
    assert analytics.hubs(star) == {0}
    assert analytics.hubs(nx.path_graph(5)) == set()


def test_ego_walk_stops_at_hubs_unless_asked() -> None:
    graph = person_graph()
    ego = analytics.ego_graph(graph, "Vladimir Putin", 2)
    assert {graph.nodes[n]["label"] for n in ego} == {
        "Vladimir Putin",
        "No NATO expansion",
        "Ceasefire talks",
        "Security",
        "Alaska summit",  # the hub is shown, but the walk does not go on through it
    }
    assert ego.nodes[ID + "p"]["focus"] is True
    assert "focus" not in graph.nodes[ID + "p"]  # a copy
    through = analytics.ego_graph(graph, "Vladimir Putin", 2, through_hubs=True)
    assert through.number_of_nodes() == graph.number_of_nodes()
    summit = analytics.ego_graph(graph, "Alaska summit", 1)  # the centre is always walked from
    assert summit.number_of_nodes() == 32


def test_ego_views_of_the_embedded_default_skip_the_summit_hub(alaska: kg.SummitGraph) -> None:
    cyber = alaska.to_networkx(focus="Cybersecurity", depth=2)
    types = [t for _, t in cyber.nodes(data="type")]
    assert types.count("Outcome") == 3 and types.count("FocusArea") == 4
    assert types.count("Summit") == 1 and cyber.number_of_nodes() < 15  # was 43 through it


# --- layout -----------------------------------------------------------------------------


def test_spring_layout_leaves_room_between_nodes() -> None:
    graph = two_hundred()
    index = {n: i for i, n in enumerate(graph.nodes)}
    neighbours: list[set[int]] = [set() for _ in index]
    for u, v in graph.edges():
        neighbours[index[u]].add(index[v])
        neighbours[index[v]].add(index[u])
    positions = force_positions(list(map(str, graph.nodes)), neighbours)
    closest = min(math.dist(a, b) for i, a in enumerate(positions) for b in positions[i + 1 :])
    assert closest >= MIN_DISTANCE - 1  # room for a 12 px label between any two nodes
    # The 8 isolated places form one compact grid, not a row.
    alone = [positions[index[f"{ID}p{i}"]] for i in range(8)]
    xs, ys = [x for x, _ in alone], [y for _, y in alone]
    assert max(xs) - min(xs) <= 3 * 110 and max(ys) - min(ys) <= 3 * 110
    assert positions == force_positions(list(map(str, graph.nodes)), neighbours)  # deterministic


def test_radial_layout_grids_isolated_nodes_and_centres_a_focus() -> None:
    order = [str(i) for i in range(600)]
    neighbours: list[set[int]] = [set() for _ in order]
    neighbours[0], neighbours[1], neighbours[2] = {1}, {0, 2}, {1}
    positions = radial_positions(order, neighbours)
    xs = [x for x, _ in positions[3:]]
    ys = [y for _, y in positions[3:]]
    assert max(xs) - min(xs) < 30 * 110 and max(ys) - min(ys) < 30 * 110  # ~25 x 24, not 597 x 1
    centred = layout(order[:3], neighbours[:3], centre=2)
    assert math.dist(centred[2], centred[1]) == pytest.approx(200.0)  # node 2 is the root


# --- shapes, colours and edge names -----------------------------------------------------


def test_each_overview_class_has_its_own_shape_and_glyph() -> None:
    shape = {name: style[1] for name, style in viz.CLASS_STYLES.items()}
    assert shape["Summit"] != shape["Outcome"]
    assert shape["Topic"] != shape["FocusArea"]
    overview = ["Summit", "Person", "Place", "Topic", "FocusArea", "Outcome", "Concern"]
    assert len({shape[c] for c in [*overview, "Recommendation"]}) == 8
    html = viz.render_html(two_hundred())
    for item in ("▲", "★", "■", "●"):  # place, summit, topic, outcome
        assert item in html
    assert '<span class="glyph c-Topic">■</span>topic' in html


def test_edges_are_named_by_the_ontology() -> None:
    ontology = Graph().parse(resource_file("ontology", "summit.ttl"))
    expected = {
        str(s): str(o) for s, o in ontology.subject_objects(RDFS.label) if str(s).startswith(P)
    }
    labels = predicate_labels()
    assert {k: labels[k] for k in expected} == expected
    assert predicate_label(P + "hasFocusArea") == "has focus area"
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="Arms Control", type="Topic")
    graph.add_node("b", label="Missile defence", type="FocusArea")
    graph.add_edge("a", "b", key=P + "hasFocusArea", label="hasFocusArea")
    html = viz.render_html(graph)
    data = Page(html).data()
    assert data["edges"][0]["label"] == "has focus area"
    assert data["predicateNames"] == ["has focus area"]
    assert 'data-p="0"> <span class="glyph edge">→</span>has focus area' in html


def test_outcomes_are_coloured_by_likelihood_with_a_legend() -> None:
    graph = nx.MultiDiGraph()
    for name, rank in (("likely", 2), ("agreed", 5), ("refused", None), ("possible", 1)):
        attrs: dict[str, Any] = {"likelihood": name}
        if rank is not None:
            attrs["likelihoodRank"] = rank
        graph.add_node(name, label=name.title(), type="Outcome", **attrs)
    html = viz.render_html(graph)
    nodes = {n["name"] if "name" in n else n["label"]: n for n in Page(html).data()["nodes"]}
    assert nodes["Agreed"]["color"] == viz.LIKELIHOOD_COLOURS[5]
    assert nodes["Possible"]["color"] == viz.LIKELIHOOD_COLOURS[1]
    assert len({n["color"] for n in nodes.values()}) == 4
    legend = html.split('id="kg-likelihoods"')[1].split("</ul>")[0]
    order = [
        legend.index(f"</span>{name} ") for name in ("agreed", "likely", "possible", "refused")
    ]
    assert order == sorted(order)  # surest first, refused last


# --- in Chromium -------------------------------------------------------------------------

FIRST_FRAME = """({
  labels: kgView.labels,
  scale: kgView.scale,
  nodes: kgView.nodes.length
})"""


def legible(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [label for label in result["labels"] if label["px"] >= 10]


@needs_chromium
@pytest.mark.parametrize("which", ["default", "two hundred"])
def test_at_least_twenty_labels_are_legible_in_the_first_frame(tmp_path: Path, which: str) -> None:
    graph = kg.load().to_networkx() if which == "default" else two_hundred()
    target = viz.write_html(graph, tmp_path / "v.html")
    report = browser.open_page(target, probe=FIRST_FRAME, timeout=90, settle=0)
    assert report.console_errors == [] and report.requests == []
    result = report.result
    assert result["nodes"] == graph.number_of_nodes()
    assert len(legible(result)) >= 20
    assert result["scale"] < 1  # the whole graph fits: vis-network's own node fonts would be tiny
    sizes = {n["size"] for n in Page(target.read_text("utf-8")).data()["nodes"]}
    biggest = max(sizes)
    drawn = {label["id"] for label in result["labels"]}
    data = Page(target.read_text("utf-8")).data()["nodes"]
    hub = next(n["id"] for n in data if n["size"] == biggest)
    assert hub in drawn  # the most important node is labelled


PANEL = """(function () {
  var out = {};
  var outcome = kgView.nodes.get({filter: function (n) {
    return n.group === "Outcome" && n.ev; }})[0];
  out.opened = kgView.inspect(outcome.id);
  out.label = document.getElementById("kg-p-label").textContent;
  out.what = document.getElementById("kg-p-class").textContent;
  out.claims = document.getElementById("kg-p-claims").textContent;
  out.links = Array.from(document.querySelectorAll("#kg-p-links button")).map(function (b) {
    return b.textContent; });
  out.dimmed = kgView.nodes.get({filter: function (n) { return n.opacity < 1; }}).length;
  out.labelled = kgView.labels.length;
  document.querySelector("#kg-p-links button").click();
  out.next = document.getElementById("kg-p-label").textContent;
  document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
  out.closed = document.getElementById("kg-panel").hidden;
  out.undimmed = kgView.nodes.get({filter: function (n) { return n.opacity < 1; }}).length;
  out.images = document.images.length;
  return out;
})()"""


@needs_chromium
def test_clicking_an_outcome_shows_its_quote_document_and_likelihood(tmp_path: Path) -> None:
    graph = kg.load().to_networkx()
    target = viz.write_html(graph, tmp_path / "v.html")
    report = browser.open_page(target, probe=PANEL, timeout=90)
    assert report.console_errors == [] and report.requests == []
    out = report.result
    node = next(a for _, a in graph.nodes(data=True) if a.get("label") == out["label"])
    evidence = node["evidence"][0]
    assert out["opened"] is True
    assert out["what"].startswith(f"outcome · {node['likelihood']} · 1 source")
    assert evidence.quote in out["claims"]
    assert evidence.document in out["claims"] and f"line {evidence.line}" in out["claims"]
    assert node["likelihood"] in out["claims"]
    assert any("topic: " in link for link in out["links"])  # neighbours, in words
    assert out["dimmed"] > 50  # all but the neighbourhood
    assert out["next"] != out["label"]  # a neighbour's button inspects it
    assert out["closed"] is True and out["undimmed"] == 0
    assert out["images"] == 0


EGO = """(function () {
  var focus = kgView.nodes.get({filter: function (n) { return n.focus; }})[0];
  kgView.inspect(focus.id);
  var positions = kgView.network.getPositions();
  var others = kgView.nodes.getIds().filter(function (id) { return id !== focus.id; });
  var out = {
    focus: focus.name,
    links: Array.from(document.querySelectorAll("#kg-p-links button")).map(function (b) {
      return b.textContent; }),
    centred: others.every(function (id) {
      return Math.hypot(positions[id].x - positions[focus.id].x,
                        positions[id].y - positions[focus.id].y) > 100; }),
    labelled: kgView.labels.map(function (l) { return l.id; }).indexOf(focus.id) !== -1
  };
  kgView.focusHere(others[0]);
  out.shownAfterFocus = kgView.nodes.get({filter: function (n) { return !n.hidden; }}).length;
  kgView.expand(focus.id);
  out.shownAfterExpand = kgView.nodes.get({filter: function (n) { return !n.hidden; }}).length;
  kgView.reset();
  out.shownAfterReset = kgView.nodes.get({filter: function (n) { return !n.hidden; }}).length;
  return out;
})()"""


@needs_chromium
def test_ego_view_of_a_person_shows_positions_and_outcomes(tmp_path: Path) -> None:
    ego = analytics.ego_graph(person_graph(), "Vladimir Putin", 2)
    target = viz.write_html(ego, tmp_path / "putin.html")
    report = browser.open_page(target, probe=EGO, timeout=90)
    assert report.console_errors == [] and report.requests == []
    out = report.result
    assert out["focus"] == "Vladimir Putin" and out["labelled"] is True
    assert sorted(out["links"]) == [
        "← actor: No NATO expansion (position)",
        "← has actor: Alaska summit (summit)",
        "← related actor: Ceasefire talks (outcome)",
    ]
    assert out["centred"] is True
    assert out["shownAfterReset"] == ego.number_of_nodes() == 5
    assert out["shownAfterFocus"] < out["shownAfterExpand"] <= 5


HOSTILE = """(function () {
  kgView.inspect(0);
  var panel = document.getElementById("kg-panel");
  return {
    label: document.getElementById("kg-p-label").textContent,
    claims: document.getElementById("kg-p-claims").textContent,
    facts: document.getElementById("kg-p-facts").textContent,
    elements: panel.querySelectorAll("img, script, iframe, a").length,
    images: document.images.length
  };
})()"""


@needs_chromium
def test_hostile_text_stays_inert_in_the_panel(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node(
        ID + "a",
        label=IMG + BIDI,
        type="Outcome",
        likelihood=SCRIPT,
        quote=IMG,
        evidence=[kg.network.convert.Evidence(IMG + BIDI, SCRIPT, 3)],
        **{IMG: SCRIPT},
    )
    graph.add_node(ID + "b", label=SCRIPT, type=IMG)
    graph.add_edge(ID + "a", ID + "b", key=P + IMG, label=IMG)
    target = viz.write_html(graph, tmp_path / "hostile.html")
    report = browser.open_page(target, probe=HOSTILE, timeout=90)
    assert report.dialogs == [] and report.console_errors == [] and report.requests == []
    out = report.result
    assert out["label"] == IMG + "niţuP"  # exactly as typed, minus the bidi controls
    assert IMG + "niţuP" in out["claims"] and SCRIPT in out["claims"]
    assert SCRIPT in out["facts"]
    assert out["elements"] == 0 and out["images"] == 0
