"""Draw a summit knowledge graph as one self-contained, interactive HTML page.

The page is built from a networkx ``MultiDiGraph`` whose node ids are IRIs and
whose nodes carry ``label`` and ``type`` attributes (see :func:`render_html`).
pyvis assembles the vis-network node and edge records; the page itself comes
from this package's own autoescaping Jinja2 template (``kg/templates/
view.html.j2``), never from pyvis's template, which loads Bootstrap and
tom-select from CDNs, writes a ``lib/`` folder and does not escape its heading.

Safety properties of the page:

* vis-network's JavaScript and CSS are read from the copy bundled with pyvis
  and inlined, so the page fetches nothing from any host.
* Node and edge data reach the page only through Jinja's ``tojson`` filter,
  which escapes ``<``, ``>``, ``&`` and ``'``; every other piece of text is
  autoescaped.
* Tooltips are plain text (vis-network >= 9 shows string titles as text).
* Bidi controls and zero-width characters are removed from everything shown,
  so a label cannot pretend to be a different name.

Examples:
    >>> CLASS_STYLES["Summit"]
    ('#d62728', 'star')
    >>> clean_text("Tru\\u200bmp \\u202eniţuP")
    'Trump niţuP'
    >>> short_label("x" * 80) == "x" * 59 + "…"
    True
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
import re
from collections import deque
from collections.abc import Hashable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup

from kg._io import atomic_write_text
from kg.errors import ResourceMissing, UsageError
from kg.ids import INVISIBLE_CHARACTERS

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CLASS_STYLES",
    "LABEL_MAX",
    "clean_text",
    "render_html",
    "short_label",
    "write_html",
]

#: Class local name -> (fill colour, vis-network shape). Unknown classes use "Other".
#: Only shapes that draw the label *below* the node are used, so ``size`` applies.
CLASS_STYLES: dict[str, tuple[str, str]] = {
    "Summit": ("#d62728", "star"),
    "Person": ("#1f77b4", "dot"),
    "State": ("#2ca02c", "hexagon"),
    "Organization": ("#17becf", "hexagon"),
    "Group": ("#9edae5", "hexagon"),
    "Actor": ("#aec7e8", "dot"),
    "Place": ("#8c564b", "triangle"),
    "Topic": ("#ff7f0e", "diamond"),
    "FocusArea": ("#ffbb78", "diamond"),
    "Outcome": ("#9467bd", "star"),
    "Concern": ("#e377c2", "triangleDown"),
    "Recommendation": ("#c5b0d5", "square"),
    "Likelihood": ("#f7b6d2", "dot"),
    "SourceDocument": ("#7f7f7f", "square"),
    "Section": ("#a5a5a5", "square"),
    "Paragraph": ("#c7c7c7", "dot"),
    "List": ("#bcbd22", "square"),
    "ListItem": ("#dbdb8d", "dot"),
    "Table": ("#98df8a", "square"),
    "TableRow": ("#c49c94", "dot"),
    "Other": ("#b0b0b0", "dot"),
}

#: Longest label drawn on the canvas (the tooltip always has the full text).
LABEL_MAX = 60

_TOOLTIP_VALUE_MAX = 300
_TOOLTIP_LABEL_MAX = 500
# networkx switches to a slow sparse spring layout at 500 nodes (1.5 s; 8.6 s at 2000),
# so larger graphs, or any graph without numpy, get the O(n + m) radial layout.
_SPRING_MAX_NODES = 499
_BIG_GRAPH = 2000  # above this, edges are hidden while dragging or zooming

# Legend glyph for each vis shape (drawn in the class colour).
_GLYPHS = {
    "dot": "●",
    "star": "★",
    "diamond": "◆",
    "square": "■",
    "triangle": "▲",
    "triangleDown": "▼",
    "hexagon": "⬢",
}

# Preferred order of node attributes in tooltips; others follow alphabetically.
_TOOLTIP_KEYS = ("likelihood", "hedge", "significance", "quote", "source")
_HIDDEN_KEYS = frozenset({"label", "type"})

_VIS_DIR = ("templates", "lib", "vis-9.1.2")
_TEMPLATE_NAME = "view.html.j2"

# Invisible characters (kg.ids.INVISIBLE_CHARACTERS) are deleted; lone
# surrogates (unencodable in UTF-8) become U+FFFD.
_CLEAN_TABLE: dict[int, str | None] = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS))
_CLEAN_TABLE.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))


def clean_text(value: object) -> str:
    """Return ``value`` as one line of display text.

    Bidi controls and zero-width characters are removed, lone surrogates
    become U+FFFD, and runs of whitespace or control characters become one
    space. Visible characters (including emoji and U+FE0F) are kept.

    >>> clean_text("  Путин\\n\\t🇷🇺\\u2066 ")
    'Путин 🇷🇺'
    """
    text = str(value).translate(_CLEAN_TABLE)
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


def short_label(text: str, limit: int = LABEL_MAX) -> str:
    """Cut ``text`` to at most ``limit`` characters, ending in "…" when cut.

    >>> short_label("Alaska summit")
    'Alaska summit'
    >>> short_label("abcdef", limit=4)
    'abc…'
    """
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"


def _local_name(iri: str) -> str:
    """Return the part of an IRI after its last ``#`` or ``/``."""
    tail = re.split(r"[#/]", iri.rstrip("#/"))[-1]
    return tail or iri


def _style_class(kind: object) -> str:
    name = str(kind) if kind is not None else ""
    return name if name in CLASS_STYLES else "Other"


def _display(value: object) -> str | None:
    """Return a scalar or a small collection as tooltip text, or None to skip."""
    if value is None or isinstance(value, Mapping):
        return None
    if isinstance(value, str | bytes | int | float | bool):
        text = clean_text(value)
    elif isinstance(value, Iterable):
        text = clean_text(", ".join(str(item) for item in value))
    else:
        text = clean_text(value)
    return short_label(text, _TOOLTIP_VALUE_MAX) if text else None


def _node_tooltip(iri: str, label: str, attrs: Mapping[str, Any]) -> str:
    lines = [short_label(label, _TOOLTIP_LABEL_MAX)]
    kind = short_label(clean_text(attrs.get("type") or ""), _TOOLTIP_VALUE_MAX)
    lines.append(f"Class: {kind or 'Other'}")
    rest = sorted((k for k in attrs if k not in _HIDDEN_KEYS and k not in _TOOLTIP_KEYS), key=str)
    for key in (*[k for k in _TOOLTIP_KEYS if k in attrs], *rest):
        text = _display(attrs[key])
        if text is not None:
            lines.append(f"{clean_text(key)}: {text}")
    lines.append(f"IRI: {short_label(clean_text(iri), _TOOLTIP_VALUE_MAX)}")
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------


def _spring_positions(graph: nx.MultiDiGraph) -> list[tuple[float, float]] | None:
    """networkx spring layout (seed 42), or None when numpy/scipy are missing."""
    import networkx as nx

    try:
        pos = nx.spring_layout(graph, seed=42, weight=None)
    except ImportError:  # spring_layout needs numpy (and scipy above 500 nodes)
        return None
    scale = min(max(100.0 * math.sqrt(graph.number_of_nodes()), 300.0), 4000.0)
    return [(float(pos[n][0]) * scale, float(pos[n][1]) * scale) for n in graph.nodes]


def _radial_positions(order: list[str], neighbours: list[set[int]]) -> list[tuple[float, float]]:
    """Deterministic O(n + m) layout: each component as a radial BFS tree, packed in rows.

    Each component is rooted at its highest-degree node; a node ``k`` hops away
    sits on ring ``k`` inside its parent's wedge, wedges being proportional to
    the number of leaves below, so subtrees stay together. ``order`` holds the
    node ids, used only to break ties.

    >>> _radial_positions(["a", "b"], [{1}, {0}])
    [(320.0, 320.0), (120.0, 320.0)]
    """
    count = len(order)
    spacing, step = 120.0, 200.0  # px between ring neighbours / between rings
    rank = sorted(range(count), key=lambda i: (-len(neighbours[i]), order[i]))
    position_of = [0] * count
    for position, i in enumerate(rank):
        position_of[i] = position

    seen = [False] * count
    children: list[list[int]] = [[] for _ in range(count)]
    components: list[tuple[float, list[tuple[int, float, float]]]] = []
    for root in rank:
        if seen[root]:
            continue
        seen[root] = True
        bfs = [root]
        depth = {root: 0}
        queue = deque([root])
        while queue:
            current = queue.popleft()
            kids = sorted(
                (j for j in neighbours[current] if not seen[j]), key=position_of.__getitem__
            )
            for kid in kids:
                seen[kid] = True
                depth[kid] = depth[current] + 1
                queue.append(kid)
                bfs.append(kid)
            children[current] = kids
        leaves: dict[int, int] = {}
        for node in reversed(bfs):
            leaves[node] = sum(leaves[kid] for kid in children[node]) or 1
        start, span = {root: 0.0}, {root: 2 * math.pi}
        for node in bfs:
            angle = start[node]
            for kid in children[node]:
                start[kid] = angle
                span[kid] = span[node] * leaves[kid] / leaves[node]
                angle += span[kid]
        # Ring radius: far enough out that the narrowest wedge on it still
        # leaves ``spacing`` px per node (capped by a uniform spread).
        ring_min: dict[int, float] = {}
        ring_count: dict[int, int] = {}
        for node in bfs[1:]:
            k = depth[node]
            ring_min[k] = min(ring_min.get(k, span[node]), span[node])
            ring_count[k] = ring_count.get(k, 0) + 1
        radii = [0.0]
        for k in range(1, len(ring_min) + 1):
            wanted = min(spacing / ring_min[k], ring_count[k] * spacing / math.pi)
            radii.append(max(radii[-1] + step, wanted))
        placed = []
        for node in bfs:
            r, angle = radii[depth[node]], start[node] + span[node] / 2
            placed.append((node, r * math.cos(angle), r * math.sin(angle)))
        components.append((radii[-1] + spacing, placed))

    # Shelf packing: largest components first, rows no wider than ~sqrt(area).
    components.sort(key=lambda comp: -comp[0])
    area = sum((2 * r) ** 2 for r, _ in components)
    row_width = max(2 * components[0][0], math.sqrt(area) * 1.2) if components else 0.0
    positions = [(0.0, 0.0)] * count
    x = y = row_height = 0.0
    for r, placed in components:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, px, py in placed:
            positions[node] = (x + r + px, y + r + py)
        x += 2 * r
        row_height = max(row_height, 2 * r)
    return positions


# --------------------------------------------------------------------------
# Bundled resources
# --------------------------------------------------------------------------


@functools.cache
def _vis_assets() -> tuple[Markup, Markup]:
    """Return vis-network's JS and CSS from pyvis's bundled copy, safe to inline."""
    folder = importlib.resources.files("pyvis")
    for part in _VIS_DIR:
        folder = folder / part
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceMissing(
            "vis-network is missing from the installed pyvis package; reinstall pyvis>=0.3.2",
            path=str(folder),
        ) from exc
    version = re.search(r"@version\s+(\d+)\.", js[:2000])
    if version is None or int(version.group(1)) < 9:
        # vis-network < 9 renders string tooltips as HTML.
        raise ResourceMissing("vis-network >= 9 is required", path=str(folder))
    # Nothing in the inlined text may end its <script>/<style> element early or
    # open an HTML comment; "<\/" is the same text to the JS parser.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    js = js.replace("<!--", "<\\!--").replace('"<script>"', '"\\x3cscript>"')
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    # Deliberately unescaped: this is code from the installed package, not data.
    return Markup(js), Markup(css)


@functools.cache
def _template() -> Template:
    """Load and compile ``kg/templates/view.html.j2`` (wheel, editable or checkout)."""
    resource = importlib.resources.files("kg") / "templates" / _TEMPLATE_NAME
    try:
        source = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceMissing("the page template is missing", path=str(resource)) from exc
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {
        "ensure_ascii": False,
        "separators": (",", ":"),
        "allow_nan": False,
    }
    return env.from_string(source)


# --------------------------------------------------------------------------
# Building the page
# --------------------------------------------------------------------------


class _IdIndex(list[int]):
    """pyvis's ``node_ids`` list with O(1) membership tests.

    pyvis 0.3.2 checks ``n_id in self.node_ids`` (a list) on every add_node
    and twice per add_edge, which is quadratic: ~2 s for 10k nodes / 20k edges.
    """

    def __init__(self) -> None:
        super().__init__()
        self._members: set[int] = set()

    def append(self, item: int) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _edges(
    graph: nx.MultiDiGraph,
) -> Iterator[tuple[Hashable, Hashable, object, Mapping[str, Any]]]:
    if graph.is_multigraph():
        yield from graph.edges(keys=True, data=True)
    else:
        for u, v, data in graph.edges(data=True):
            yield u, v, data.get("predicate", data.get("label", "")), data


def _vis_options(*, physics: bool, big: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 42},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140},
            "stabilization": {"enabled": physics, "iterations": 400, "fit": True},
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "color": "#1f2933", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#323f4b", "hover": "#323f4b"},
            "font": {"size": 9, "color": "#52606d", "strokeWidth": 2, "align": "middle"},
            "smooth": False,
            "width": 1,
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": True,
        },
    }


def _build(graph: nx.MultiDiGraph, *, physics: bool) -> dict[str, Any]:
    """Assemble the vis data with pyvis and the legend for the template."""
    from pyvis.network import Network

    iris = [str(n) for n in graph.nodes]
    index = {n: i for i, n in enumerate(graph.nodes)}
    neighbours: list[set[int]] = [set() for _ in iris]
    for u, v in graph.edges():
        neighbours[index[u]].add(index[v])
        neighbours[index[v]].add(index[u])

    positions = None
    if len(iris) <= _SPRING_MAX_NODES:
        positions = _spring_positions(graph)
    if positions is None:
        positions = _radial_positions(iris, neighbours)

    big = len(iris) > _BIG_GRAPH
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.node_ids = _IdIndex()
    net.set_options(json.dumps(_vis_options(physics=physics, big=big)))

    counts: dict[str, int] = {}
    for i, (node, attrs) in enumerate(graph.nodes(data=True)):
        full = clean_text(attrs.get("label") or "") or clean_text(_local_name(iris[i])) or "·"
        cls = _style_class(attrs.get("type"))
        counts[cls] = counts.get(cls, 0) + 1
        colour, shape = CLASS_STYLES[cls]
        label = short_label(full)
        more = {"full": full} if label != full else {}
        x, y = positions[i]
        net.add_node(
            i,
            label=label,
            shape=shape,
            color=colour,
            title=_node_tooltip(iris[i], full, attrs),
            size=round(min(10 + 4 * math.sqrt(graph.degree(node)), 60), 1),
            x=round(x, 1),
            y=round(y, 1),
            cls=cls,
            **more,
        )

    parallel: dict[tuple[int, int], int] = {}
    for j, (u, v, key, data) in enumerate(_edges(graph)):
        source, target = index[u], index[v]
        pair = (min(source, target), max(source, target))
        nth = parallel.get(pair, 0)
        parallel[pair] = nth + 1
        predicate = clean_text(key)
        name = clean_text(data.get("label") or "") or clean_text(_local_name(str(key)))
        lines = [line for line in (name, predicate) if line]
        likelihood = _display(data.get("likelihood"))
        if likelihood is not None:
            lines.append(f"likelihood: {likelihood}")
        extra: dict[str, Any] = {}
        if nth and source != target:  # fan out parallel edges instead of overdrawing
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * nth}
        net.add_edge(
            source,
            target,
            id=j,
            label=short_label(name),
            title=short_label("\n".join(lines), _TOOLTIP_LABEL_MAX),
            arrows="to",
            **extra,
        )

    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    order = list(CLASS_STYLES)
    legend = [
        {
            "name": cls,
            "colour": CLASS_STYLES[cls][0],
            "glyph": _GLYPHS.get(CLASS_STYLES[cls][1], "●"),
            "count": counts[cls],
        }
        for cls in sorted(counts, key=order.index)
    ]
    return {
        "data": {"nodes": nodes, "edges": edges, "options": net.options, "physics": physics},
        "legend": legend,
    }


def render_html(graph: nx.MultiDiGraph, *, title: str = "summit-kg", physics: bool = False) -> str:
    """Return a self-contained HTML page that draws ``graph``.

    Node attributes used: ``label`` (text), ``type`` (class local name; sets
    colour and shape, see :data:`CLASS_STYLES`) and any scalar attributes,
    which are listed in the plain-text tooltip. Edge keys are predicate IRIs;
    the edge attribute ``label`` is drawn on the edge. With ``physics=False``
    (the default) positions are computed here and vis-network draws them as
    they are; with ``physics=True`` vis-network settles them in the browser.
    Positions come from networkx's spring layout (seed 42) when numpy is
    installed and the graph has under 500 nodes, else from a deterministic
    O(n + m) radial tree layout; either way the same graph gives the same page.

    Raises:
        UsageError: ``graph`` is not a networkx graph.
        ResourceMissing: the template or vis-network's bundled files are missing.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("https://ex.org/s", label="Alaska <summit>", type="Summit")
    >>> page = render_html(g, title="Demo & co")
    >>> "<h1>Demo &amp; co</h1>" in page, "1 node · 0 edges" in page
    (True, True)
    >>> "Alaska <summit>" in page
    False
    """
    if not (hasattr(graph, "nodes") and hasattr(graph, "is_multigraph")):
        raise UsageError(f"expected a networkx graph, got {type(graph).__name__}")
    heading = clean_text(title) or "summit-kg"
    n_nodes, n_edges = graph.number_of_nodes(), graph.number_of_edges()
    context: dict[str, Any] = {
        "title": heading,
        "stats": f"{n_nodes} node{'' if n_nodes == 1 else 's'} · "
        f"{n_edges} edge{'' if n_edges == 1 else 's'}",
        "empty": n_nodes == 0,
    }
    if n_nodes:
        context.update(_build(graph, physics=physics))
        context["vis_js"], context["vis_css"] = _vis_assets()
    return _template().render(**context)


def write_html(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str = "summit-kg",
    physics: bool = False,
) -> Path:
    """Render ``graph`` with :func:`render_html` and write it atomically as UTF-8.

    Nothing else is written (no ``lib/`` folder). If rendering or writing
    fails, a previous file at ``path`` is left byte-identical.

    Raises:
        StoreError: the folder does not exist or the file cannot be written.

    >>> import networkx as nx, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "view.html"
    >>> write_html(nx.MultiDiGraph(), out) == out
    True
    >>> "empty graph" in out.read_text(encoding="utf-8")
    True
    """
    page = render_html(graph, title=title, physics=physics)
    return atomic_write_text(path, page)
