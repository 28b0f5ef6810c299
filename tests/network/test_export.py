"""Exports for other tools read back with the same nodes, edges and attributes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.cli import main
from kg.errors import UsageError
from kg.network.exports import render, write


@pytest.fixture(scope="module")
def network() -> nx.MultiDiGraph:
    return kg.load().to_networkx()


def _parallel() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("urn:a", label="Путин 🇷🇺 <b>", type="Person", source=["A", "B"])
    graph.add_node("urn:b", label="Alaska", type="Place", mentionedIn=3)
    graph.add_edge("urn:a", "urn:b", key="urn:p#one", label="one")
    graph.add_edge("urn:a", "urn:b", key="urn:p#two", label="two")
    return graph


def _read(path: Path, to: str) -> nx.Graph:
    if to == "graphml":
        return nx.read_graphml(path)
    if to == "gexf":
        return nx.read_gexf(path)
    return nx.cytoscape_graph(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("to", ["graphml", "gexf", "cytoscape"])
def test_the_embedded_default_reads_back(network: nx.MultiDiGraph, to: str, tmp_path: Path) -> None:
    path = write(network, tmp_path / "g.out", to)
    back = _read(path, to)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    labels = {str(n): a.get("label", a.get("name")) for n, a in back.nodes(data=True)}
    assert labels["https://w3id.org/summit-kg/id/topic/cybersecurity"] == "Cybersecurity"


@pytest.mark.parametrize("to", ["graphml", "gexf", "cytoscape"])
def test_parallel_edges_lists_and_unicode_survive(to: str, tmp_path: Path) -> None:
    back = _read(write(_parallel(), tmp_path / "g.out", to), to)
    assert back.number_of_edges() == 2
    a = back.nodes["urn:a"]
    assert a.get("label", a.get("name")) == "Путин 🇷🇺 <b>"
    assert a.get("source", a.get("source_")) == "A; B"


def test_cytoscape_edges_have_string_endpoints_and_ids(network: nx.MultiDiGraph) -> None:
    edges = json.loads(render(network, "cytoscape"))["elements"]["edges"]
    ids = {e["data"]["id"] for e in edges}
    assert len(ids) == len(edges)
    assert all(isinstance(e["data"]["source"], str) for e in edges)
    assert all(isinstance(e["data"]["target"], str) for e in edges)


def test_format_from_suffix_and_errors(tmp_path: Path) -> None:
    path = write(_parallel(), tmp_path / "g.gexf")
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    with pytest.raises(UsageError, match="cannot tell the export format"):
        write(_parallel(), tmp_path / "g.txt")
    with pytest.raises(UsageError, match="unknown export format"):
        render(_parallel(), "dot")


def test_cli_export(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "topics.graphml"
    assert main(["export", "--view", "topics", "-o", str(target)], out=out, err=err) == 0
    assert err.getvalue() == ""
    assert "(topics view)" in out.getvalue()
    assert nx.read_graphml(target).number_of_nodes() > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["topics.graphml"]
    err = io.StringIO()
    assert main(["export", "-o", str(tmp_path / "x.txt")], out=io.StringIO(), err=err) == 2
    assert err.getvalue().count("\n") == 1
    assert not (tmp_path / "x.txt").exists()


@pytest.mark.parametrize("to", ["graphml", "gexf"])
def test_nodes_carry_the_pages_drawing(network: nx.MultiDiGraph, to: str, tmp_path: Path) -> None:
    """Positions, sizes, colours and labels as the HTML page draws them: Gephi opens the
    graph laid out and coloured, not grey in a heap."""
    from kg.network.exports import drawing
    from kg.network.page import CLASS_STYLES

    back = _read(write(network, tmp_path / "g.out", to), to)
    drawn = dict(zip((str(n) for n in network.nodes), drawing(network), strict=True))
    positions = set()
    for node, attrs in back.nodes(data=True):
        want = drawn[node]
        if to == "graphml":
            x, y, size = attrs["x"], attrs["y"], attrs["size"]
            colour = "#{:02x}{:02x}{:02x}".format(attrs["r"], attrs["g"], attrs["b"])
            assert attrs["color"] == colour
        else:
            viz = attrs["viz"]
            x, y, size = viz["position"]["x"], -viz["position"]["y"], viz["size"]
            colour = "#{:02x}{:02x}{:02x}".format(*(viz["color"][c] for c in "rgb"))
        assert (x, y, size, colour) == (want["x"], want["y"], want["size"], want["color"])
        assert attrs["label"] == want["label"]
        positions.add((x, y))
    assert len(positions) == back.number_of_nodes()  # laid out, not piled up
    topic = drawn["https://w3id.org/summit-kg/id/topic/cybersecurity"]
    assert topic["color"] == CLASS_STYLES["Topic"][0]


@pytest.mark.parametrize("to", ["graphml", "gexf"])
def test_edge_ids_are_unique_and_predicates_kept(network: nx.MultiDiGraph, to: str) -> None:
    import re

    text = render(network, to)
    ids = re.findall(r'<edge [^>]*?\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids)) == network.number_of_edges()
    back = _read_text(text, to)
    predicates = sorted(str(attrs["predicate"]) for _, _, attrs in back.edges(data=True))
    assert predicates == sorted(str(key) for _, _, key in network.edges(keys=True))


def _read_text(text: str, to: str) -> nx.Graph:
    data = io.BytesIO(text.encode("utf-8"))
    return nx.read_graphml(data) if to == "graphml" else nx.read_gexf(data)


def test_export_focus_and_query_like_viz(tmp_path: Path) -> None:
    target = tmp_path / "focus.graphml"
    out, err = io.StringIO(), io.StringIO()
    args = ["export", "--focus", "Cybersecurity", "--depth", "1", "-o", str(target)]
    assert main(args, out=out, err=err) == 0, err.getvalue()
    focused = kg.load().to_networkx(focus="Cybersecurity", depth=1)
    assert nx.read_graphml(target).number_of_nodes() == focused.number_of_nodes()
    target = tmp_path / "network.gexf"
    assert main(["export", "--query", "topic-network", "-o", str(target)], out=out, err=err) == 0
    built = kg.load().to_networkx(query="topic-network")
    assert nx.read_gexf(target).number_of_nodes() == built.number_of_nodes()
