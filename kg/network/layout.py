"""Node positions for the HTML page, computed before it opens.

In: the node ids in drawing order and, for each node, the set of indices of
its neighbours (direction ignored). Out: one ``(x, y)`` pair in page pixels
per node, in the same order. The same graph always gives the same positions:
networkx's spring layout (seed 42) per connected component for graphs of at
most :data:`FORCE_MAX_NODES` nodes, else a deterministic O(n + m) radial
tree layout; components are shelf-packed in rows, largest first.

Examples:
    >>> layout(["hub", "a", "b"], [{1, 2}, {0}, {0}]) == force_positions(
    ...     ["hub", "a", "b"], [{1, 2}, {0}, {0}])
    True
    >>> len(layout([str(i) for i in range(600)], [set() for _ in range(600)]))
    600
"""

from __future__ import annotations

import math
from collections import deque

__all__ = ["FORCE_MAX_NODES", "force_positions", "layout", "pack", "radial_positions"]

# networkx's spring layout (numpy) up to 499 nodes, per component: 0.1–0.4 s; it
# switches to a slow sparse variant at 500 (1.5 s; 8.6 s at 2000), and Kamada–Kawai
# took 1.5–4.6 s at 60–150 nodes. Larger graphs get the O(n + m) radial layout.
FORCE_MAX_NODES = 499
"""The largest graph laid out by the spring layout; larger ones get the radial layout."""
_SPRING_ITERATIONS = 200


def layout(order: list[str], neighbours: list[set[int]]) -> list[tuple[float, float]]:
    """Positions for every node: the spring layout up to :data:`FORCE_MAX_NODES`, else radial.

    >>> layout(["a", "b"], [{1}, {0}]) == force_positions(["a", "b"], [{1}, {0}])
    True
    """
    if len(order) <= FORCE_MAX_NODES:
        return force_positions(order, neighbours)
    return radial_positions(order, neighbours)


def force_positions(order: list[str], neighbours: list[set[int]]) -> list[tuple[float, float]]:
    """networkx's spring layout (Fruchterman–Reingold, seed 42) per component, packed in rows.

    Components are laid out apart, so an isolated node does not squash the
    rest into a corner. ``order`` holds the node ids (only its length is used).

    >>> [(round(x), round(y)) for x, y in force_positions(["a"], [set()])]
    [(60, 60)]
    """
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(range(len(order)))
    simple.add_edges_from((i, j) for i, js in enumerate(neighbours) for j in js if i < j)
    parts = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    components: list[tuple[float, list[tuple[int, float, float]]]] = []
    for part in parts:
        radius = max(60.0, 100.0 * math.sqrt(len(part)))
        if len(part) == 1:
            components.append((60.0, [(part[0], 0.0, 0.0)]))
            continue
        sub = simple.subgraph(part)
        pos = nx.spring_layout(sub, seed=42, scale=radius, iterations=_SPRING_ITERATIONS)
        placed = [(n, float(pos[n][0]), float(pos[n][1])) for n in part]
        components.append((radius + 100.0, placed))
    return pack(components, len(order))


def pack(
    components: list[tuple[float, list[tuple[int, float, float]]]], count: int
) -> list[tuple[float, float]]:
    """Shelf-pack components ``(radius, [(node, x, y)])`` in rows, largest first.

    Each component's points are relative to its centre; the result has one
    ``(x, y)`` per node ``0 .. count - 1``.

    >>> pack([(10.0, [(0, 0.0, 0.0)]), (20.0, [(1, 5.0, 0.0)])], 2)
    [(10.0, 50.0), (25.0, 20.0)]
    """
    components = sorted(components, key=lambda comp: -comp[0])
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


def radial_positions(order: list[str], neighbours: list[set[int]]) -> list[tuple[float, float]]:
    """Deterministic O(n + m) layout: each component as a radial BFS tree, packed in rows.

    Each component is rooted at its highest-degree node; a node ``k`` hops away
    sits in annulus ``k`` inside its parent's wedge, wedges being proportional
    to the number of leaves below, so subtrees stay together. ``order`` holds
    the node ids, used only to break ties.

    >>> radial_positions(["a", "b"], [{1}, {0}])
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
        # Each BFS depth fills an annulus of as many sub-rings as its nodes need
        # (``spacing`` px apart along each ring); nodes in angle order take the
        # sub-rings in turn, so neighbours stagger instead of overlapping and the
        # disc has about the same density everywhere (area ~ n * spacing²).
        by_depth: dict[int, list[int]] = {}
        for node in bfs[1:]:
            by_depth.setdefault(depth[node], []).append(node)
        radius_of = {root: 0.0}
        outer = 0.0
        for k in sorted(by_depth):
            ring = sorted(by_depth[k], key=lambda n: (start[n] + span[n] / 2, n))
            inner = outer + step if k > 1 else step
            rings, capacity = 0, 0
            while capacity < len(ring):
                capacity += max(1, int(2 * math.pi * (inner + rings * spacing) / spacing))
                rings += 1
            for j, node in enumerate(ring):
                radius_of[node] = inner + (j % rings) * spacing
            outer = inner + (rings - 1) * spacing
        placed = []
        for node in bfs:
            r, angle = radius_of[node], start[node] + span[node] / 2
            placed.append((node, r * math.cos(angle), r * math.sin(angle)))
        components.append((outer + spacing, placed))

    return pack(components, count)
