"""Graph exports for other tools: GraphML, GEXF (Gephi) and Cytoscape.js JSON.

The networkx graph of :mod:`kg.network.convert` is written with networkx's own
writers, after flattening attribute values those formats cannot hold (lists
become ``"a; b"``, missing values are left out). Cytoscape.js wants every
edge's ``source`` and ``target`` to be the *string* id of a node and every
edge to have an id of its own, so those are set explicitly. Files are
written atomically.

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

__all__ = ["EXPORT_TARGETS", "render", "target_format", "write"]

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


def _flattened(graph: nx.MultiDiGraph, reserved: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
    import networkx as nx

    flat = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(str(node), **_flat_attrs(attrs, reserved))
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(str(source), str(target), key=str(key), **_flat_attrs(attrs, reserved))
    return flat


def render(graph: nx.MultiDiGraph, to: str) -> str:
    """The graph as text in format ``to`` (``graphml``, ``gexf`` or ``cytoscape``).

    Raises:
        UsageError: an unknown format.
    """
    import networkx as nx

    if to == "graphml":
        return "\n".join(nx.generate_graphml(_flattened(graph))) + "\n"
    if to == "gexf":
        lines = nx.generate_gexf(_flattened(graph))  # the node's "label" becomes GEXF's label
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
