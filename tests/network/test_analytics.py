"""Tests for kg.network.analytics and ``summit-kg analyze`` on the embedded default."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.cli import main
from kg.errors import UsageError
from kg.network import analytics
from kg.network.views import ACTOR_TYPES

ID = "https://w3id.org/summit-kg/id/"
TOPIC = "https://w3id.org/summit-kg/ontology#topic"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def claims(alaska: kg.SummitGraph) -> nx.MultiDiGraph:
    return alaska.to_networkx()


# --- expected answers on the embedded default ---------------------------------


def test_cybersecurity_and_arms_control_are_the_most_central_topics(
    alaska: kg.SummitGraph, claims: nx.MultiDiGraph
) -> None:
    for graph in (claims, alaska.to_networkx(provenance=True)):
        top = [row.label for row in analytics.centrality(graph, types={"Topic"}, top=3)]
        assert top[:2] == ["Cybersecurity", "Arms Control"]
        assert "Sanctions" in top


def test_the_participants_are_among_the_most_central_actors(alaska: kg.SummitGraph) -> None:
    rows = analytics.centrality(alaska.to_networkx(provenance=True), types=set(ACTOR_TYPES), top=5)
    assert {"Donald Trump", "Vladimir Putin"} <= {row.label for row in rows}
    # the one actor named less is the addressee of four recommendations
    assert [row.label for row in rows if row.mentioned < 5] == ["U.S. decision-makers"]


def test_arctic_topics_travel_together(claims: nx.MultiDiGraph) -> None:
    communities = analytics.topic_communities(claims)
    arctic = next(c for c in communities if "Arctic Strategy" in c.topics)
    assert {"Arctic Strategy", "Arctic Resource Management"} <= set(arctic.topics)
    assert "Arctic" in arctic.members
    cyber = next(c for c in communities if "Cybersecurity" in c.topics)
    assert "Strengthened Cyber Defenses" in cyber.members
    every = [t for c in communities for t in c.topics]
    assert sorted(every) == sorted(set(every)) and len(every) == 13  # each topic once
    assert communities == analytics.topic_communities(claims)  # fixed seed: same answer


def test_how_nato_is_tied_to_the_arctic(claims: nx.MultiDiGraph) -> None:
    path = analytics.explain_path(claims, "NATO", "arctic")
    assert len(path) == 4
    labels = [step.label for step in path.steps]
    assert labels[0] == "NATO" and labels[-1] == "Arctic"
    assert path.steps[1].link == "mentions" and path.steps[1].forward is False
    assert "Summit of Donald Trump and Vladimir Putin in Alaska" in labels
    text = str(path)
    assert text.splitlines()[0] == "NATO (Organization)"
    assert text.splitlines()[1].startswith("  ← mentions: Effects on NATO cohesion")


def test_source_agreement_on_one_document(claims: nx.MultiDiGraph) -> None:
    rows = {row.topic: row for row in analytics.source_agreement(claims)}
    cyber = rows["Cybersecurity"]
    assert (cyber.sources, cyber.outcomes, cyber.agreement) == (1, 3, "one source")
    assert cyber.likelihoods == ("possible", "projected", "anticipated")  # least to most sure
    assert rows["Economic Collaboration"].agreement == "no outcomes"
    assert next(iter(rows)) == "Cybersecurity"


def test_source_agreement_across_two_documents(tmp_path: Path) -> None:
    article = tmp_path / "second.md"
    article.write_text(
        "Analysts Weigh the Alaska Talks\n"
        "The main subjects are set out below:\n"
        "Discussion Topic | Primary Focus | Possible Outcome |\n"
        "---|---|---|\n"
        "Cybersecurity | Election security | Talks on cyber norms |\n"
        "Trade Relations | Tariffs | Tariff truce |\n",
        encoding="utf-8",
    )
    graph = kg.load(*kg.resources.default_sources(), article).to_networkx()
    rows = {row.topic: row for row in analytics.source_agreement(graph)}
    assert rows["Cybersecurity"].sources == 2
    assert rows["Cybersecurity"].agreement == "differ"  # anticipated at most vs possible
    assert rows["Cybersecurity"].stances["Analysts Weigh the Alaska Talks"] == ("possible",)
    assert rows["Trade Relations"].agreement == "differ"
    assert list(rows)[:2] == ["Cybersecurity", "Trade Relations"]  # most sources first


# --- tiny graphs --------------------------------------------------------------


def tiny() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node, label, kind in [
        ("t1", "Trade", "Topic"),
        ("t2", "Energy", "Topic"),
        ("o1", "Tariff truce", "Outcome"),
        ("o2", "Gas deal", "Outcome"),
        ("o3", "Pipeline", "Outcome"),
        ("p", "Putin", "Person"),
    ]:
        g.add_node(node, label=label, type=kind)
    g.add_edge("o1", "t1", key=TOPIC, label="topic")
    g.add_edge("o2", "t2", key=TOPIC, label="topic")
    g.add_edge("o3", "t2", key=TOPIC, label="topic")
    g.add_edge("p", "o2", key="urn:mentions", label="mentions")
    return g


def test_centrality_measures_and_order() -> None:
    rows = analytics.centrality(tiny(), types={"Topic"})
    assert [(r.label, r.degree) for r in rows] == [("Energy", 2), ("Trade", 1)]
    assert rows[0].betweenness > rows[1].betweenness == 0.0
    assert rows[0].pagerank > rows[1].pagerank
    assert analytics.centrality(nx.MultiDiGraph()) == []


def test_scores_and_unknown_measure() -> None:
    assert analytics.scores(tiny(), "degree")["t2"] == 2.0
    assert pytest.approx(sum(analytics.scores(tiny(), "pagerank").values())) == 1.0
    with pytest.raises(UsageError, match="unknown measure"):
        analytics.scores(tiny(), "closeness")


def test_find_node_errors_say_what_to_do() -> None:
    g = tiny()
    with pytest.raises(UsageError, match="did you mean 'Trade'"):
        analytics.find_node(g, "Trad3")
    g.add_node("t3", label="Trade Relations", type="Topic")
    assert analytics.find_node(g, "trade") == "t1"  # an exact label beats a substring
    with pytest.raises(UsageError, match="matches 2 nodes"):
        analytics.find_node(g, "tra")
    with pytest.raises(UsageError, match="empty"):
        analytics.find_node(g, "  ")


def test_unconnected_entities_are_a_usage_error() -> None:
    with pytest.raises(UsageError, match="not connected"):
        analytics.explain_path(tiny(), "Trade", "Putin")


def test_ego_graph_is_a_copy_within_depth() -> None:
    g = tiny()
    ego = analytics.ego_graph(g, "Putin", 2)
    assert set(ego) == {"p", "o2", "t2"}
    ego.add_node("new")
    assert "new" not in g
    with pytest.raises(UsageError):
        analytics.ego_graph(g, "Putin", -1)


def test_summary_is_json_ready() -> None:
    result = analytics.summary(tiny(), top=1)
    assert json.loads(json.dumps(result)) == result
    assert [r["label"] for r in result["topics"]] == ["Energy"]
    assert result["counts"] == {"topics": 2, "actors": 1}


def test_analytics_does_not_import_rdflib() -> None:
    source = Path(analytics.__file__).read_text(encoding="utf-8")
    assert "rdflib" not in source


# --- summit-kg analyze ----------------------------------------------------------


def test_analyze_prints_readable_tables() -> None:
    code, out, err = run("analyze", "--top", "3", "--format", "table")
    assert (code, err) == (0, "")
    assert out.startswith("Most central topics (3 of 13;")
    lines = out.splitlines()
    first = lines[lines.index(next(line for line in lines if line.startswith("----"))) + 1]
    assert first.split()[:2] == ["1", "Cybersecurity"]
    for heading in ("Most central actors", "Communities of topics", "Topics by source agreement"):
        assert heading in out


def test_analyze_json_and_csv_hold_the_same_answers() -> None:
    code, out, _ = run("analyze", "--format", "json", "--top", "2")
    assert code == 0
    result = json.loads(out)
    assert [r["label"] for r in result["topics"]] == ["Cybersecurity", "Arms Control"]
    code, out, _ = run("analyze", "--format", "csv", "--top", "2")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["label"] for r in rows if r["section"] == "topics"] == [
        "Cybersecurity",
        "Arms Control",
    ]
    assert {r["section"] for r in rows} == {"topics", "actors", "communities", "agreement"}
    assert len([r for r in rows if r["section"] == "agreement"]) == 13


def test_analyze_path() -> None:
    code, out, err = run("analyze", "--path", "NATO", "Arctic", "--format", "table")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "NATO (Organization)"
    assert out.rstrip().endswith("(4 links)")
    code, out, _ = run("analyze", "--path", "NATO", "Arctic", "--format", "json")
    steps = json.loads(out)["steps"]
    assert [s["label"] for s in steps][::4] == ["NATO", "Arctic"]
    assert steps[1]["direction"] == "backward"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["analyze", "--path", "Nowhere", "Arctic"], "no node is labelled 'Nowhere'"),
        (["analyze", "--top", "-1"], "--top"),
        (["analyze", "--format", "xml"], "--format"),
    ],
)
def test_analyze_bad_usage_is_one_line_and_exit_2(argv: list[str], message: str) -> None:
    code, out, err = run(*argv)
    assert code == 2
    assert out == ""
    assert message in err and err.count("\n") == 1


def test_analyze_help_has_examples() -> None:
    code, out, _ = run("analyze", "--help")
    assert code == 0
    assert "summit-kg analyze --path NATO Arctic" in out
