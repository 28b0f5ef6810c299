"""Tests for kg.viz: a self-contained, escaped, atomic HTML view (reliability.md section E)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import viz
from kg.errors import StoreError, UsageError

ID = "https://w3id.org/summit-kg/id/"
P = "https://w3id.org/summit-kg/ontology#"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
INVISIBLE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"


class Page(HTMLParser):
    """Collects what the browser would see as elements, plus the JSON data block."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self._open: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = dict(attrs).get("id") or tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.text[self._open] = self.text.get(self._open, "") + data

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.tags if name == tag)

    def data(self) -> dict[str, Any]:
        return json.loads(self.text["kg-data"])  # type: ignore[no-any-return]

    def legend(self) -> dict[str, str | None]:
        return {
            attrs["data-cls"] or "": attrs.get("checked")
            for name, attrs in self.tags
            if name == "input" and "data-cls" in attrs
        }


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
    node = Page(viz.render_html(graph)).data()["nodes"][0]
    assert isinstance(node["title"], str)
    assert node["title"].splitlines() == [
        "Ceasefire",
        "Class: Outcome",
        "likelihood: possible",
        "hedge: officials said",
        "significance: 0.8",
        "quote: No deal until there is a deal.",
        "source: briefing.md",
        f"IRI: {ID}o",
    ]


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
    assert "hedge: reported" in data["nodes"][0]["title"]
    assert {edge["label"] for edge in data["edges"]} >= {"metWith"}


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
    assert 'Person <span class="count">(2)</span>' in html
    assert {node["cls"] for node in page.data()["nodes"]} == set(page.legend())
    for cls in ("State", "Topic", "Paragraph"):
        assert cls not in page.legend()


def test_nodes_are_coloured_and_shaped_by_class() -> None:
    nodes = Page(viz.render_html(make_graph(a=("A", "Summit"), b=("B", "Weird")))).data()["nodes"]
    assert (nodes[0]["color"], nodes[0]["shape"]) == viz.CLASS_STYLES["Summit"]
    assert (nodes[1]["color"], nodes[1]["shape"]) == viz.CLASS_STYLES["Other"]


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
        "import sys, networkx as nx; from kg import viz\n"
        f"g = nx.MultiDiGraph(); g.add_node('x', label={'Путин 🇷🇺'!a}, type='Person')\n"
        "viz.write_html(g, sys.argv[1])\n"
    )
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    env["PYTHONPATH"] = os.pathsep.join([str(Path(viz.__file__).parents[1]), *sys.path])
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
    assert sorted(edge["label"] for edge in edges) == ["invited", "mentions", "metWith"]
    assert len({edge["id"] for edge in edges}) == 3
    assert {P + "metWith", P + "mentions"} <= {edge["title"].splitlines()[1] for edge in edges}
    assert all(edge["arrows"] == "to" for edge in edges)
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
