"""Node positions for the HTML page, computed before it opens.

In: the node ids in drawing order and, for each node, the set of indices of
its neighbours (direction ignored). Out: one ``(x, y)`` pair in page pixels
per node, in the same order. The same graph always gives the same positions:
networkx's spring layout (seed 42) per connected component for graphs of at
most :data:`FORCE_MAX_NODES` nodes, else a deterministic O(n + m) radial
tree layout; components are shelf-packed in rows, largest first. Nodes of a
spring layout are then pushed apart until no two are closer than
:data:`MIN_DISTANCE` (room for a label between them), and the nodes with no
link at all are gathered in one compact grid beside the rest instead of a
long row. ``centre`` (an ego view's focus) roots a radial layout there, so the
focus sits in the middle with its neighbours in rings around it.

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

__all__ = [
    "FORCE_MAX_NODES",
    "MIN_DISTANCE",
    "force_positions",
    "layout",
    "pack",
    "radial_positions",
    "spread",
]

# networkx's spring layout (numpy) up to 499 nodes, per component: 0.1–0.4 s; it
# switches to a slow sparse variant at 500 (1.5 s; 8.6 s at 2000), and Kamada–Kawai
# took 1.5–4.6 s at 60–150 nodes. Larger graphs get the O(n + m) radial layout.
FORCE_MAX_NODES = 499
"""The largest graph laid out by the spring layout; larger ones get the radial layout."""
_SPRING_ITERATIONS = 200
MIN_DISTANCE = 90.0
"""Least distance in page pixels between two nodes of a spring layout (room for a label)."""
_GRID_STEP = 110.0  # px between the isolated nodes of the grid


def layout(
    order: list[str], neighbours: list[set[int]], *, centre: int | None = None
) -> list[tuple[float, float]]:
    """Positions for every node: the spring layout up to :data:`FORCE_MAX_NODES`, else radial.

    With ``centre`` (the index of an ego view's focus node) the radial layout
    rooted at that node, whatever the size.

    >>> layout(["a", "b"], [{1}, {0}]) == force_positions(["a", "b"], [{1}, {0}])
    True
    >>> layout(["a", "b", "c"], [{1}, {0, 2}, {1}], centre=1)[1]
    (320.0, 320.0)
    """
    if centre is not None:
        return radial_positions(order, neighbours, root=centre)
    if len(order) <= FORCE_MAX_NODES:
        return force_positions(order, neighbours)
    return radial_positions(order, neighbours)


def spread(
    points: list[tuple[float, float]], minimum: float = MIN_DISTANCE, rounds: int = 30
) -> list[tuple[float, float]]:
    """Push points apart until no two are closer than ``minimum`` (or ``rounds`` ran out).

    Each round moves every too-close pair apart along the line joining them,
    each by half the shortfall; close pairs are found through a grid of
    ``minimum``-sized cells, so a round is linear in the number of points.
    Deterministic: coincident points part along a fixed direction.

    >>> [(round(x), round(y)) for x, y in spread([(0.0, 0.0), (10.0, 0.0)], 50.0)]
    [(-20, 0), (30, 0)]
    """
    pts = [list(p) for p in points]
    for _ in range(rounds):
        cells: dict[tuple[int, int], list[int]] = {}
        for i, (x, y) in enumerate(pts):
            cells.setdefault((int(x // minimum), int(y // minimum)), []).append(i)
        moved = False
        for (cx, cy), members in sorted(cells.items()):
            near = [
                j
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
                for j in cells.get((cx + dx, cy + dy), ())
            ]
            for i in members:
                for j in near:
                    if j <= i:
                        continue
                    dx, dy = pts[j][0] - pts[i][0], pts[j][1] - pts[i][1]
                    dist = math.hypot(dx, dy)
                    if dist >= minimum:
                        continue
                    if dist < 1e-9:
                        angle = (i * 2.399963) % (2 * math.pi)  # golden angle: fixed, distinct
                        dx, dy, dist = math.cos(angle), math.sin(angle), 1.0
                        push = minimum / 2
                    else:
                        push = (minimum - dist) / 2 + 1e-6
                    ux, uy = dx / dist, dy / dist
                    pts[i][0] -= ux * push
                    pts[i][1] -= uy * push
                    pts[j][0] += ux * push
                    pts[j][1] += uy * push
                    moved = True
        if not moved:
            break
    return [(x, y) for x, y in pts]


def _grid(nodes: list[int]) -> tuple[float, list[tuple[int, float, float]]]:
    """The isolated ``nodes`` as one compact square grid: a component ``(radius, placed)``."""
    columns = max(1, math.ceil(math.sqrt(len(nodes))))
    rows = math.ceil(len(nodes) / columns)
    half_w, half_h = (columns - 1) * _GRID_STEP / 2, (rows - 1) * _GRID_STEP / 2
    placed = [
        (node, (k % columns) * _GRID_STEP - half_w, (k // columns) * _GRID_STEP - half_h)
        for k, node in enumerate(nodes)
    ]
    return max(half_w, half_h) + _GRID_STEP / 2 + 30.0, placed


def force_positions(order: list[str], neighbours: list[set[int]]) -> list[tuple[float, float]]:
    """networkx's spring layout (Fruchterman–Reingold, seed 42) per component, packed in rows.

    Components are laid out apart, so an isolated node does not squash the
    rest into a corner. ``order`` holds the node ids (only its length is used).

    >>> [(round(x), round(y)) for x, y in force_positions(["a"], [set()])]
    [(85, 85)]
    """
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(range(len(order)))
    simple.add_edges_from((i, j) for i, js in enumerate(neighbours) for j in js if i < j)
    parts = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    components: list[tuple[float, list[tuple[int, float, float]]]] = []
    alone = [part[0] for part in parts if len(part) == 1]
    if alone:
        components.append(_grid(alone))
    for part in parts:
        if len(part) == 1:
            continue
        radius = max(60.0, 110.0 * math.sqrt(len(part)))
        sub = simple.subgraph(part)
        pos = nx.spring_layout(sub, seed=42, scale=radius, iterations=_SPRING_ITERATIONS)
        points = spread([(float(pos[n][0]), float(pos[n][1])) for n in part])
        reach = max(math.hypot(x, y) for x, y in points)
        placed = [(n, x, y) for n, (x, y) in zip(part, points, strict=True)]
        components.append((reach + 100.0, placed))
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


def radial_positions(
    order: list[str], neighbours: list[set[int]], *, root: int | None = None
) -> list[tuple[float, float]]:
    """Deterministic O(n + m) layout: each component as a radial BFS tree, packed in rows.

    Each component is rooted at its highest-degree node (``root``'s at ``root``);
    isolated nodes share one grid; a node ``k`` hops away
    sits in annulus ``k`` inside its parent's wedge, wedges being proportional
    to the number of leaves below, so subtrees stay together. ``order`` holds
    the node ids, used only to break ties.

    >>> radial_positions(["a", "b"], [{1}, {0}])
    [(320.0, 320.0), (120.0, 320.0)]
    """
    count = len(order)
    spacing, step = 120.0, 200.0  # px between ring neighbours / between rings
    rank = sorted(range(count), key=lambda i: (i != root, -len(neighbours[i]), order[i]))
    position_of = [0] * count
    for position, i in enumerate(rank):
        position_of[i] = position

    seen = [False] * count
    children: list[list[int]] = [[] for _ in range(count)]
    components: list[tuple[float, list[tuple[int, float, float]]]] = []
    alone = [i for i in rank if not neighbours[i] or neighbours[i] == {i}]
    for i in alone:
        seen[i] = True
    if alone:
        components.append(_grid(sorted(alone)))
    for top in rank:
        if seen[top]:
            continue
        seen[top] = True
        bfs = [top]
        depth = {top: 0}
        queue = deque([top])
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
        start, span = {top: 0.0}, {top: 2 * math.pi}
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
        radius_of = {top: 0.0}
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
