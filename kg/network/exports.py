"""Graph exports for other tools: GraphML, GEXF (Gephi) and Cytoscape.js JSON.

The networkx graph of :mod:`kg.network.convert` is written with networkx's own
writers, after flattening attribute values those formats cannot hold (lists
become ``"a; b"``, missing values are left out). Every node carries what the
HTML page draws (:mod:`kg.network.page`): its position from
:mod:`kg.network.layout`, its size by degree, its class colour
(:data:`~kg.network.page.CLASS_STYLES`) and its label; GraphML as ``x``,
``y``, ``size``, ``r``/``g``/``b`` and ``color`` keys (what Gephi's GraphML
reader takes), GEXF as ``viz:position``, ``viz:size`` and ``viz:color``. Every
edge has an id of its own (``e1``, ``e2``…), its predicate kept as
``predicate``. Cytoscape.js wants every edge's ``source`` and ``target`` to
be the *string* id of a node, so those are set explicitly. Files are written
atomically.

Examples:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("urn:t", label="Trade", type="Topic", source=["A", "B"])
    >>> g.add_edge("urn:o", "urn:t", key="urn:p#topic", label="topic")
    'urn:p#topic'
    >>> data = json.loads(render(g, "cytoscape"))["elements"]
    >>> data["edges"][0]["data"]["source"], data["nodes"][0]["data"]["source"]
    ('urn:o', 'A; B')
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg._io import atomic_write_text, format_for_suffix
from kg.errors import UsageError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EXPORT_TARGETS", "drawing", "render", "target_format", "write"]

EXPORT_TARGETS = {"graphml": ".graphml", "gexf": ".gexf", "cytoscape": ".json"}


def _flat(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(v) for v in value)
    return str(value)


def _flat_attrs(attrs: Mapping[str, Any], reserved: frozenset[str] = frozenset()) -> dict[str, Any]:
    flat = {}
    for key, value in attrs.items():
        plain = _flat(value)
        if plain is not None:
            flat[key if key not in reserved else f"{key}_"] = plain
    return flat


def drawing(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """What the HTML page draws for each node, in ``graph.nodes`` order.

    ``x``, ``y`` (page pixels), ``size``, ``color`` (``#rrggbb``) and ``label``.

    Examples:
        >>> import networkx as nx
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("urn:t", label="Trade", type="Topic")
        >>> drawing(g)[0]["color"], drawing(g)[0]["label"]
        ('#ff7f0e', 'Trade')
    """
    from kg.network.layout import layout
    from kg.network.page import CLASS_STYLES, _local_name, _sizes, _style_class, clean_text

    index = {node: i for i, node in enumerate(graph.nodes)}
    neighbours: list[set[int]] = [set() for _ in index]
    for u, v in graph.edges():
        neighbours[index[u]].add(index[v])
        neighbours[index[v]].add(index[u])
    positions = layout([str(n) for n in graph.nodes], neighbours)
    sizes = _sizes(graph, "degree")
    drawn = []
    for i, (node, attrs) in enumerate(graph.nodes(data=True)):
        label = clean_text(attrs.get("label") or "") or clean_text(_local_name(str(node))) or "·"
        x, y = positions[i]
        drawn.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "size": sizes[i],
                "color": CLASS_STYLES[_style_class(attrs.get("type"))][0],
                "label": label,
            }
        )
    return drawn


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _flattened(
    graph: nx.MultiDiGraph, reserved: frozenset[str] = frozenset(), *, to: str = ""
) -> nx.MultiDiGraph:
    """A copy with flat attribute values; for GraphML and GEXF with the drawing and edge ids."""
    import networkx as nx

    flat = nx.MultiDiGraph()
    styled = to in ("graphml", "gexf")
    drawn = drawing(graph) if styled else []
    for i, (node, attrs) in enumerate(graph.nodes(data=True)):
        values = _flat_attrs(attrs, reserved)
        if to == "graphml":
            look = drawn[i]
            red, green, blue = _rgb(look["color"])
            values.update(look, r=red, g=green, b=blue)
        elif to == "gexf":
            look = drawn[i]
            red, green, blue = _rgb(look["color"])
            values["label"] = look["label"]
            values["viz"] = {
                "position": {"x": look["x"], "y": -look["y"], "z": 0.0},
                "size": look["size"],
                "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            }
        flat.add_node(str(node), **values)
    for number, (source, target, key, attrs) in enumerate(
        graph.edges(keys=True, data=True), start=1
    ):
        values = _flat_attrs(attrs, reserved)
        if styled:  # one id per edge: predicates repeat across node pairs
            values["predicate"] = str(key)
            values["id"] = f"e{number}"
            flat.add_edge(str(source), str(target), key=f"e{number}", **values)
        else:
            flat.add_edge(str(source), str(target), key=str(key), **values)
    return flat


def render(graph: nx.MultiDiGraph, to: str) -> str:
    """The graph as text in format ``to`` (``graphml``, ``gexf`` or ``cytoscape``).

    Raises:
        UsageError: an unknown format.
    """
    import networkx as nx

    if to == "graphml":
        flat = _flattened(graph, to=to)
        for _, _, attrs in flat.edges(data=True):
            attrs.pop("id")  # the edge's key is its GraphML id
        return "\n".join(nx.generate_graphml(flat)) + "\n"
    if to == "gexf":
        lines = nx.generate_gexf(_flattened(graph, to=to))  # "label" becomes GEXF's label
        return '<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join(lines) + "\n"
    if to == "cytoscape":
        reserved = frozenset({"id", "source", "target", "key", "name", "value"})
        nodes = [
            {
                "data": {
                    **_flat_attrs(attrs, reserved - {"source"}),
                    "id": str(node),
                    "value": str(node),  # networkx's cytoscape_graph reads nodes back by value
                    "name": str(attrs.get("label", node)),
                }
            }
            for node, attrs in graph.nodes(data=True)
        ]
        edges = []
        for number, (source, target, key, attrs) in enumerate(
            graph.edges(keys=True, data=True), start=1
        ):
            data = _flat_attrs(attrs, reserved)
            data.update(id=f"e{number}", source=str(source), target=str(target), key=str(key))
            edges.append({"data": data})
        document = {
            "data": {},
            "directed": True,
            "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges},
        }
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    raise UsageError(f"unknown export format '{to}'. Known: {', '.join(EXPORT_TARGETS)}")


def write(graph: nx.MultiDiGraph, path: str | Path, to: str | None = None) -> Path:
    """Write the graph to ``path`` (format from ``to`` or the suffix), atomically, as UTF-8.

    Raises:
        UsageError: the format is unknown or cannot be told from the suffix.
        StoreError: the file cannot be written (an old file is kept).
    """
    return atomic_write_text(path, render(graph, target_format(path, to)))


def target_format(path: str | Path, to: str | None = None) -> str:
    """``to``, or the export format the suffix of ``path`` names.

    Raises:
        UsageError: no ``to`` and a suffix that names no format.
    """
    return (
        to if to is not None else format_for_suffix(path, EXPORT_TARGETS, "--to", "export format")
    )
