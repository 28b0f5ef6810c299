"""Tests for kg.network.page: a self-contained, escaped, atomic HTML view (reliability E)."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg
import tests.support.browser as browser
from kg.cli import main
from kg.errors import StoreError, UsageError
from kg.network import page as viz
from kg.network.views import SIZE_MEASURES
from tests.support.html_page import Page

ID = "https://w3id.org/summit-kg/id/"
P = "https://w3id.org/summit-kg/ontology#"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
INVISIBLE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"


def make_graph(**labels: tuple[str, str]) -> nx.MultiDiGraph:
    """Nodes ``ID + key`` with (label, type); every node linked from the first one."""
    graph = nx.MultiDiGraph()
    for key, (label, kind) in labels.items():
        graph.add_node(ID + key, label=label, type=kind)
    first, *rest = list(graph.nodes)
    for node in rest:
        graph.add_edge(first, node, key=P + "mentions", label="mentions")
    return graph


def benign() -> nx.MultiDiGraph:
    return make_graph(s=("Alaska summit", "Summit"), p=("Trump", "Person"))


def strings(value: Any) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*strings(k), *strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


# --- E3: no script break-out ------------------------------------------------


def test_script_count_is_the_templates_even_with_script_payload() -> None:
    expected = Page(viz.render_html(benign())).count("script")
    assert expected == 3  # vis-network, the JSON data block, the page code
    graph = make_graph(a=(SCRIPT, "Summit"), b=("x" + SCRIPT, "Person"))
    graph.add_edge(ID + "a", ID + "b", key=P + SCRIPT, label=SCRIPT, likelihood=SCRIPT)
    html = viz.render_html(graph, title=SCRIPT)
    page = Page(html)
    assert page.count("script") == expected
    # Also by plain text: the inlined library contributes no "<script" of its own.
    assert len(re.findall(r"<script\b", html, re.I)) == expected
    assert len(re.findall(r"</script", html, re.I)) == expected
    labels = {node["full"] if "full" in node else node["label"] for node in page.data()["nodes"]}
    assert labels == {SCRIPT, "x" + SCRIPT}


# --- E1: no markup injection ------------------------------------------------


def test_hostile_labels_and_title_create_no_img_and_no_event_handler() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node(IMG, label=IMG, type=IMG, quote=IMG, **{IMG: IMG})
    graph.add_node(ID + "b", label=IMG, type="Outcome", likelihood=IMG)
    graph.add_edge(IMG, ID + "b", key=IMG, label=IMG, likelihood=IMG)
    page = Page(viz.render_html(graph, title=IMG))
    assert page.count("img") == 0
    handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")]
    assert handlers == []
    # The text still arrives intact, as data.
    assert page.data()["nodes"][0]["label"] == IMG


def test_heading_and_page_title_are_escaped() -> None:
    html = viz.render_html(benign(), title=IMG)
    escaped = "&lt;img src=x onerror=alert(1)&gt;"
    assert f"<h1>{escaped}</h1>" in html
    assert f"<title>{escaped}</title>" in html
    assert IMG not in html


def test_unknown_classes_fall_under_other() -> None:
    page = Page(viz.render_html(make_graph(a=("A", IMG), b=("B", SCRIPT))))
    assert page.legend().keys() == {"Other"}  # unknown classes never reach the legend


# --- E2: tooltips are plain text --------------------------------------------


def test_tooltips_are_plain_text_with_class_and_attributes() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node(
        ID + "o",
        label="Ceasefire",
        type="Outcome",
        likelihood="possible",
        hedge="officials said",
        quote="No deal until there is a deal.",
        significance=0.8,
        source="briefing.md",
        ignored=None,
    )
    graph.add_node(ID + "p", label="Putin", type="Person", mentionedIn=6, likelihoodRank=4)
    first, second = Page(viz.render_html(graph)).data()["nodes"]
    assert isinstance(first["title"], str)
    # Plain words: no internal field names, no IRIs.
    assert first["title"].splitlines() == [
        "Ceasefire",
        "outcome · possible · 1 source",
        "“No deal until there is a deal.”",
    ]
    assert second["title"].splitlines() == ["Putin", "person · named in 6 passages"]
    assert first["facts"] == [["significance", "0.8"]]  # the rest of the attributes: the panel
    assert (first["lh"], first["hedge"]) == ("possible", "officials said")


def test_bundled_vis_network_renders_string_titles_as_text() -> None:
    js, _css = viz._vis_assets()
    major = int(re.search(r"@version\s+(\d+)\.", js[:2000]).group(1))  # type: ignore[union-attr]
    assert major >= 9


def test_long_label_is_cut_on_canvas_and_whole_in_tooltip() -> None:
    long = "Joint statement on " + "security guarantees and sanctions " * 5
    node = Page(viz.render_html(make_graph(a=(long, "Outcome")))).data()["nodes"][0]
    cut = viz.clean_text(long)
    assert len(node["label"]) == viz.LABEL_MAX
    assert node["label"].endswith("…")
    assert node["full"] == cut
    assert node["title"].startswith(cut + "\n")


# --- E5: bidi and zero-width characters ------------------------------------


def test_bidi_and_zero_width_characters_are_removed_from_node_data() -> None:
    graph = make_graph(
        a=("Tru\u200bmp", "Person"),
        b=("\u202eniţuP", "Person"),
        c=("".join(f"{ch}x" for ch in INVISIBLE), "Topic"),
        d=("\ufeffPutin\u2066", "Person"),
    )
    graph.nodes[ID + "a"]["hedge"] = "re\u200dported"
    graph.add_edge(ID + "a", ID + "b", key=P + "met\u202eWith", label="met\u2067With")
    data = Page(viz.render_html(graph, title="Sum\u200bmit")).data()
    found = strings(data["nodes"]) + strings(data["edges"])
    assert not [s for s in found if any(ch in s for ch in INVISIBLE)]
    labels = [node["label"] for node in data["nodes"]]
    assert labels == ["Trump", "niţuP", "x" * len(INVISIBLE), "Putin"]
    assert data["nodes"][0]["hedge"] == "reported"
    assert {edge["label"] for edge in data["edges"]} >= {"met with"}


def test_variation_selector_and_emoji_survive() -> None:
    label = "Peace ☮\ufe0f 🇷🇺"
    node = Page(viz.render_html(make_graph(a=(label, "Topic")))).data()["nodes"][0]
    assert node["label"] == label


# --- legend -----------------------------------------------------------------


def test_legend_lists_the_classes_present_and_only_those() -> None:
    graph = make_graph(
        s=("Alaska summit", "Summit"),
        a=("Trump", "Person"),
        b=("Putin", "Person"),
        o=("Talks go on", "Outcome"),
        m=("Mystery", "SomethingNew"),
    )
    html = viz.render_html(graph)
    page = Page(html)
    assert page.legend() == dict.fromkeys(["Summit", "Person", "Outcome", "Other"])
    assert list(page.legend()) == ["Summit", "Person", "Outcome", "Other"]  # CLASS_STYLES order
    assert 'person <span class="count">(2)</span>' in html  # the class in plain words
    assert {node["group"] for node in page.data()["nodes"]} == set(page.legend())
    for cls in ("State", "Topic", "Paragraph"):
        assert cls not in page.legend()


def test_nodes_are_coloured_and_shaped_by_class() -> None:
    data = Page(viz.render_html(make_graph(a=("A", "Summit"), b=("B", "Weird")))).data()
    groups = data["options"]["groups"]  # colour and shape are set once per class, not per node
    assert [node["group"] for node in data["nodes"]] == ["Summit", "Other"]
    for name in ("Summit", "Other"):
        assert (groups[name]["color"], groups[name]["shape"]) == viz.CLASS_STYLES[name]


def test_node_size_grows_with_degree() -> None:
    graph = make_graph(hub=("Hub", "Summit"), a=("A", "Topic"), b=("B", "Topic"), c=("C", "Topic"))
    graph.add_edge(ID + "a", ID + "hub", key=P + "partOf", label="partOf")
    sizes = [node["size"] for node in Page(viz.render_html(graph)).data()["nodes"]]
    assert sizes == [18.0, 15.7, 14.0, 14.0]  # 10 + 4 * sqrt(degree): 4, 2, 1, 1


# --- E6: self-contained -----------------------------------------------------


def test_page_loads_nothing_from_other_hosts() -> None:
    html = viz.render_html(benign(), title="view")
    page = Page(html)
    assert page.count("link") == 0
    assert [attrs for tag, attrs in page.tags if tag == "script" and "src" in attrs] == []
    assert [attrs for tag, attrs in page.tags if "href" in attrs or "src" in attrs] == []
    for needle in ('src="http', "src='http", 'href="http', "href='http", "@import", "<iframe"):
        assert needle not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert '<meta charset="utf-8">' in html


def test_nothing_is_created_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "cwd"
    out = tmp_path / "out"
    cwd.mkdir()
    out.mkdir()
    monkeypatch.chdir(cwd)
    viz.render_html(benign())
    assert viz.write_html(benign(), out / "view.html") == out / "view.html"
    assert list(cwd.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["view.html"]


# --- E4: atomic, UTF-8 ------------------------------------------------------


def test_failed_render_leaves_previous_file_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "view.html"
    viz.write_html(benign(), target)
    before = target.read_bytes()

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(viz, "render_html", broken)
    with pytest.raises(RuntimeError):
        viz.write_html(make_graph(a=("other", "Topic")), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]


def test_failed_write_leaves_previous_file_and_no_tmp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "view.html"
    viz.write_html(benign(), target)
    before = target.read_bytes()

    def no_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_replace)
    with pytest.raises(StoreError):
        viz.write_html(make_graph(a=("other", "Topic")), target)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]


def test_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        viz.write_html(benign(), tmp_path / "nope" / "view.html")


def test_utf8_round_trip(tmp_path: Path) -> None:
    target = viz.write_html(
        make_graph(a=("Путин 🇷🇺", "Person")), tmp_path / "v.html", title="Саммит"
    )
    raw = target.read_bytes()
    html = raw.decode("utf-8")
    assert "Путин 🇷🇺".encode() in raw
    assert "<h1>Саммит</h1>" in html
    assert Page(html).data()["nodes"][0]["label"] == "Путин 🇷🇺"


def test_utf8_even_under_an_ascii_locale(tmp_path: Path) -> None:
    script = (
        "import sys, networkx as nx; from kg.network import page as viz\n"
        f"g = nx.MultiDiGraph(); g.add_node('x', label={'Путин 🇷🇺'!a}, type='Person')\n"
        "viz.write_html(g, sys.argv[1])\n"
    )
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    env["PYTHONPATH"] = os.pathsep.join([str(Path(viz.__file__).parents[2]), *sys.path])
    target = tmp_path / "v.html"
    subprocess.run([sys.executable, "-c", script, str(target)], env=env, check=True, timeout=60)
    assert "Путин 🇷🇺".encode() in target.read_bytes()


# --- shapes of input --------------------------------------------------------


def test_empty_graph(tmp_path: Path) -> None:
    html = viz.render_html(nx.MultiDiGraph(), title="Nothing yet")
    page = Page(html)
    assert "empty graph" in html
    assert "0 nodes · 0 edges" in html
    assert page.count("html") == page.count("body") == page.count("h1") == 1
    assert page.count("script") == 0
    viz.write_html(nx.MultiDiGraph(), tmp_path / "e.html", title="Nothing yet")
    assert (tmp_path / "e.html").read_text("utf-8") == html


def test_parallel_edges_with_different_keys_both_appear() -> None:
    graph = make_graph(a=("Trump", "Person"), b=("Putin", "Person"))
    graph.add_edge(ID + "a", ID + "b", key=P + "metWith", label="metWith")
    graph.add_edge(ID + "b", ID + "a", key=P + "invited", label="invited")
    data = Page(viz.render_html(graph)).data()
    edges = data["edges"]
    # Named in words: the ontology's rdfs:label, else the local name split into words.
    assert sorted(edge["label"] for edge in edges) == ["invited", "mentions", "met with"]
    assert len({edge["id"] for edge in edges}) == 3
    # Predicate IRIs travel once, in a table; the page builds each edge's tooltip from it.
    assert {P + "metWith", P + "mentions"} <= {data["predicates"][edge["p"]] for edge in edges}
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True
    # The 2nd and 3rd edge of the pair are curved so they don't overlap the 1st.
    assert [("smooth" in edge) for edge in edges] == [False, True, True]
    assert data["options"]["physics"]["enabled"] is False


def test_stats_line_and_physics_option() -> None:
    graph = benign()
    html = viz.render_html(graph, physics=True)
    assert "2 nodes · 1 edge<" in html
    data = Page(html).data()
    assert data["options"]["physics"]["enabled"] is True
    assert data["physics"] is True


def test_output_is_deterministic_and_positions_are_finite() -> None:
    graph = nx.gnm_random_graph(700, 1400, seed=1, directed=True)
    multi = nx.MultiDiGraph()
    for n in graph.nodes:
        multi.add_node(f"{ID}n{n}", label=f"node {n}", type="Topic")
    for u, v in graph.edges:
        multi.add_edge(f"{ID}n{u}", f"{ID}n{v}", key=P + "related", label="related")
    first = viz.render_html(multi)
    assert first == viz.render_html(multi)
    nodes = Page(first).data()["nodes"]
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)


def test_plain_digraph_is_accepted_and_non_graph_is_a_usage_error() -> None:
    graph = nx.DiGraph()
    graph.add_edge("a", "b", label="knows")
    assert Page(viz.render_html(graph)).data()["edges"][0]["label"] == "knows"
    with pytest.raises(UsageError):
        viz.render_html({"a": "b"})


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80), st.text(max_size=20))
def test_any_text_stays_data(label: str, title: str) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node(ID + "a", label=label, type="Topic")
    page = Page(viz.render_html(graph, title=title))
    assert page.count("script") == 3
    node = page.data()["nodes"][0]
    cleaned = viz.clean_text(label)
    assert node.get("full", node["label"]) == (cleaned or "a")
    assert not any(ch in INVISIBLE for ch in node["title"])


# --- views, filters, size, cap, CSP -------------------------------------------


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("argv", "options", "what"),
    [
        (["--view", "topics"], {"view": "topics"}, "(topics view)"),
        (["--view", "actors"], {"view": "actors"}, "(actors view)"),
        (["--view", "sources"], {"view": "sources"}, "(sources view)"),
        (
            ["--focus", "NATO", "--depth", "2"],
            {"focus": "NATO", "depth": 2},
            "(overview view, around NATO)",
        ),
        (
            ["--view", "topics", "--focus", "cybersecurity"],
            {"view": "topics", "focus": "cybersecurity"},
            "(topics view, around cybersecurity)",
        ),
        (["--query", "topic-network"], {"query": "topic-network"}, "(query topic-network)"),
    ],
)
def test_viz_views(
    tmp_path: Path, alaska: kg.SummitGraph, argv: list[str], options: dict[str, Any], what: str
) -> None:
    target = tmp_path / "v.html"
    code, out, err = cli("viz", *argv, "-o", str(target))
    assert (code, err) == (0, "")
    network = alaska.to_networkx(**options)
    assert f"{network.number_of_nodes()} nodes, {network.number_of_edges()} edges {what}" in out
    data = Page(target.read_text(encoding="utf-8")).data()
    assert (len(data["nodes"]), len(data["edges"])) == (
        network.number_of_nodes(),
        network.number_of_edges(),
    )


def test_focus_keeps_the_neighbourhood(alaska: kg.SummitGraph) -> None:
    nato = alaska.to_networkx(focus="NATO", depth=2)
    assert {t for _, t in nato.nodes(data="type")} == {"Organization", "Concern", "Summit"}
    cyber = alaska.to_networkx(view="topics", focus="Cybersecurity")
    assert {t for _, t in cyber.nodes(data="type")} == {"Topic", "Outcome", "FocusArea"}


def test_focus_stops_at_hubs_unless_told(tmp_path: Path) -> None:
    out_file = str(tmp_path / "c.html")
    code, out, _ = cli("viz", "--focus", "Cybersecurity", "--depth", "2", "-o", out_file)
    walked = cli(
        "viz", "--focus", "Cybersecurity", "--depth", "2", "--through-hubs", "-o", out_file
    )
    assert code == 0 and walked[0] == 0
    stopped_nodes = int(out.split(": ")[1].split(" nodes")[0])
    walked_nodes = int(walked[1].split(": ")[1].split(" nodes")[0])
    assert stopped_nodes == 9 and walked_nodes > 4 * stopped_nodes
    code, _, err = cli("viz", "--through-hubs", "-o", out_file)
    assert code == 2 and "pass --focus too" in err


def test_viz_query_from_a_file(tmp_path: Path) -> None:
    query = tmp_path / "places.rq"
    query.write_text(
        "PREFIX skg: <https://w3id.org/summit-kg/ontology#>\n"
        "CONSTRUCT { ?t skg:relatedPlace ?p } WHERE { ?t skg:relatedPlace ?p }\n",
        encoding="utf-8",
    )
    code, out, _ = cli("viz", "--query", str(query), "-o", str(tmp_path / "q.html"))
    assert code == 0
    assert "8 edges (query places)" in out
    assert "<h1>summit-kg · query places</h1>" in (tmp_path / "q.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--query", "topics"], "not a SELECT query"),
        (["--query", "on-agenda"], "CONSTRUCT or DESCRIBE"),
        (["--query", "topic-network", "--view", "topics"], "cannot be combined"),
        (["--param", "topic=Trade"], "pass --query too"),
        (["--focus", "Atlantis"], "no node is labelled 'Atlantis'"),
        (["--view", "people"], "invalid choice"),
        (["--size-by", "colour"], "invalid choice"),
        (["--max-nodes", "0"], "at least 1"),
    ],
)
def test_viz_bad_usage_writes_nothing(tmp_path: Path, argv: list[str], message: str) -> None:
    target = tmp_path / "v.html"
    code, out, err = cli("viz", *argv, "-o", str(target))
    assert code == 2
    assert message in err and err.count("\n") == 1
    assert out == ""
    assert not target.exists()


def test_to_html_mirrors_the_cli(tmp_path: Path) -> None:
    cli(
        "viz",
        "--view",
        "topics",
        "--focus",
        "Arms Control",
        "--depth",
        "2",
        "-o",
        str(tmp_path / "a.html"),
    )
    kg.load().to_html(tmp_path / "b.html", view="topics", focus="Arms Control", depth=2)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert "<h1>summit-kg · topics · around Arms Control (2 links)</h1>" in (
        tmp_path / "b.html"
    ).read_text("utf-8")


def test_same_view_same_bytes_in_two_processes(tmp_path: Path) -> None:
    outputs = []
    for name in ("one.html", "two.html"):
        subprocess.run(
            [sys.executable, "-m", "kg", "viz", "--view", "sources", "-o", name],
            cwd=tmp_path,
            check=True,
            timeout=120,
            capture_output=True,
        )
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_source_filter_lists_documents_and_tags_nodes() -> None:
    graph = make_graph(a=("A", "Topic"), b=("B", "Outcome"), c=("C", "Person"))
    graph.nodes[ID + "a"]["source"] = ["Doc one", IMG]
    graph.nodes[ID + "b"]["source"] = ["Doc one"]
    html = viz.render_html(graph)
    page = Page(html)
    boxes = [attrs for tag, attrs in page.tags if tag == "input" and "data-src" in attrs]
    assert [b["data-src"] for b in boxes] == ["1", "0"]  # listed by title; "<" sorts first
    assert "Doc one <span" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert page.count("img") == 0
    nodes = page.data()["nodes"]
    assert [n.get("src") for n in nodes] == [[0, 1], [0], None]


def test_size_by_centrality() -> None:
    graph = make_graph(hub=("Hub", "Summit"), a=("A", "Topic"), b=("B", "Topic"))
    sizes = {
        measure: [n["size"] for n in Page(viz.render_html(graph, size_by=measure)).data()["nodes"]]
        for measure in SIZE_MEASURES
    }
    for measure in ("pagerank", "betweenness"):
        assert sizes[measure][0] == 60.0 > sizes[measure][1]  # the hub is the biggest
    assert "Size: betweenness;" in viz.render_html(graph, size_by="betweenness")
    with pytest.raises(UsageError, match="unknown size measure"):
        viz.render_html(graph, size_by="closeness")


def test_above_the_cap_the_page_says_what_it_left_out() -> None:
    graph = make_graph(**{f"n{i}": (f"node {i}", "Topic") for i in range(30)})
    html = viz.render_html(graph, max_nodes=10)
    assert len(Page(html).data()["nodes"]) == 10
    assert "Showing the 10 best-connected of 30 nodes" in html
    assert "10 nodes · 9 edges" in html
    assert "Showing" not in viz.render_html(graph)


def test_caller_graph_is_not_mutated() -> None:
    graph = make_graph(**{f"n{i}": (f"node {i}", "Topic") for i in range(30)})
    before = (list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)))
    viz.render_html(graph, max_nodes=5, size_by="pagerank")
    assert (list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before


def test_csp_allows_exactly_the_pages_own_scripts_and_styles() -> None:
    html = viz.render_html(benign())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    csp = policy.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in csp

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(scripts) == 2 and len(styles) == 2
    for text in scripts + styles:
        assert digest(text) in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert ' style="' not in html.split("<script>")[0]  # no inline style attributes to allow


# --- in a real browser ----------------------------------------------------------


# Skipped on a developer machine without Chromium; in CI (CI=true) they run and fail instead.
needs_chromium = pytest.mark.skipif(
    browser.CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed"
)

PROBE = """({
  nodes: kgView.nodes.length,
  edges: kgView.edges.length,
  scripts: document.scripts.length,
  painted: (function () {
    var canvas = document.querySelector("#kg-network canvas");
    var pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    var n = 0;
    for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { n++; } }
    return n;
  })(),
  heading: document.querySelector("h1").textContent,
  legend: Array.from(document.querySelectorAll("#kg-legend li")).map(function (li) {
    return li.textContent.trim();
  }),
  labels: kgView.nodes.map(function (n) { return n.full || n.name; }),
  edgeTitles: kgView.edges.map(function (e) { return e.title; }),
  images: document.images.length
})"""


@needs_chromium
def test_embedded_default_draws_in_chromium_offline(tmp_path: Path) -> None:
    target = tmp_path / "summit.html"
    assert cli("viz", "-o", str(target))[0] == 0
    network = kg.load().to_networkx()
    report = browser.open_page(target, probe=PROBE, timeout=90)
    result = report.result
    assert (result["nodes"], result["edges"]) == (
        network.number_of_nodes(),
        network.number_of_edges(),
    )
    assert result["painted"] > 1000  # the network drew on the canvas
    assert report.ready_ms is not None
    assert report.console_errors == []
    assert report.requests == []
    assert report.dialogs == []
    assert result["scripts"] == 3


@needs_chromium
def test_hostile_labels_stay_text_in_chromium(tmp_path: Path) -> None:
    link = "javascript:alert(3)"
    graph = nx.MultiDiGraph()
    graph.add_node(ID + "a", label=IMG, type="Summit", source=[SCRIPT], quote=link)
    graph.add_node(ID + "b", label=SCRIPT, type=IMG, source=[link])
    graph.add_node(ID + "c", label=link, type="Person", href=link)
    graph.add_edge(ID + "a", ID + "b", key=P + "x", label=IMG, likelihood=SCRIPT)
    graph.add_edge(ID + "b", ID + "c", key=link, label=link)
    target = viz.write_html(graph, tmp_path / "hostile.html", title=IMG + SCRIPT)
    report = browser.open_page(target, probe=PROBE, timeout=90)
    result = report.result
    assert report.dialogs == []
    assert report.console_errors == []
    assert report.requests == []
    assert result["scripts"] == 3 and result["images"] == 0
    assert result["heading"] == IMG + SCRIPT  # visible exactly as typed
    assert sorted(result["labels"]) == sorted([IMG, SCRIPT, link])
    assert any(entry.startswith(SCRIPT) for entry in result["legend"])  # the source filter
    assert any(IMG in title and f"likelihood: {SCRIPT}" in title for title in result["edgeTitles"])


@needs_chromium
def test_filters_and_search_work_in_chromium(tmp_path: Path) -> None:
    graph = make_graph(s=("Alaska summit", "Summit"), a=("Trump", "Person"), b=("Putin", "Person"))
    graph.nodes[ID + "a"]["source"] = ["Doc A"]
    graph.nodes[ID + "b"]["source"] = ["Doc B"]
    target = viz.write_html(graph, tmp_path / "f.html")
    probe = """(function () {
      function hidden() { return kgView.nodes.get({filter: function (n) { return n.hidden; }})
                           .map(function (n) { return n.name; }).sort(); }
      var out = {};
      var person = document.querySelector('input[data-cls="Person"]');
      person.click(); out.noPersons = hidden(); person.click();
      var docB = document.querySelector('input[data-src="1"]');
      docB.click(); out.noDocB = hidden(); docB.click(); out.all = hidden();
      document.getElementById("kg-q").value = "PUT";
      document.querySelector("#kg-search button").click();
      out.hits = document.getElementById("kg-hits").textContent;
      out.selected = kgView.network.getSelectedNodes();
      return out;
    })()"""
    report = browser.open_page(target, probe=probe, timeout=90)
    assert report.console_errors == []
    assert report.result == {
        "noPersons": ["Putin", "Trump"],
        "noDocB": ["Putin"],
        "all": [],
        "hits": "1 match",
        "selected": [2],
    }
