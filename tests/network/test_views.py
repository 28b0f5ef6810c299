"""Tests for kg.network.views (names, cheap to import) and kg.network.layout (positions)."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.network.exports import EXPORT_TARGETS
from kg.network.layout import FORCE_MAX_NODES, force_positions, layout, radial_positions
from kg.network.views import ACTOR_TYPES, PROVENANCE_TYPES, SIZE_MEASURES, VIEWS
from tests.support.checks import run

# --- views ----------------------------------------------------------------------------


def test_views_import_without_networkx() -> None:
    script = (
        "import sys, kg.network.views as v\n"
        "assert v.VIEWS and v.SIZE_MEASURES\n"
        "print(sorted(m for m in ('networkx', 'numpy', 'scipy', 'pyvis') if m in sys.modules))\n"
    )
    root = str(Path(kg.__file__).parents[1])
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=root,
    )
    assert done.stdout.strip() == "[]"


def test_each_view_is_named_by_its_key() -> None:
    assert all(name == view.name and view.description for name, view in VIEWS.items())
    assert next(iter(VIEWS)) == "overview"
    assert VIEWS["overview"].classes is None


def test_actors_and_provenance_are_apart() -> None:
    assert not set(ACTOR_TYPES) & set(PROVENANCE_TYPES)
    assert set(ACTOR_TYPES) <= set(VIEWS["actors"].classes or ())


@pytest.mark.parametrize(
    ("command", "option", "names"),
    [
        ("viz", "--view", list(VIEWS)),
        ("export", "--view", list(VIEWS)),
        ("viz", "--size-by", list(SIZE_MEASURES)),
        ("export", "--to", list(EXPORT_TARGETS)),
    ],
)
def test_the_command_line_offers_the_library_names(
    command: str, option: str, names: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(command, "--help")
    printed = out + capsys.readouterr().out
    assert code == 0
    assert f"{option} {{{','.join(names)}}}" in printed


# --- layout ---------------------------------------------------------------------------


def _star(leaves: int) -> tuple[list[str], list[set[int]]]:
    """Node 0 linked to nodes 1..leaves."""
    order = [f"n{i}" for i in range(leaves + 1)]
    neighbours: list[set[int]] = [set(range(1, leaves + 1))] + [{0} for _ in range(leaves)]
    return order, neighbours


def test_layout_is_deterministic_and_finite() -> None:
    order, neighbours = _star(12)
    first = layout(order, neighbours)
    assert first == layout(order, neighbours)
    assert len(first) == len(order)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first)


def test_large_graphs_get_the_radial_layout() -> None:
    small, large = _star(FORCE_MAX_NODES - 1), _star(FORCE_MAX_NODES)
    assert layout(*small) == force_positions(*small)
    assert layout(*large) == radial_positions(*large)


def test_radial_layout_puts_the_hub_in_the_middle() -> None:
    order, neighbours = _star(8)
    positions = radial_positions(order, neighbours)
    hx, hy = positions[0]
    distances = {round(math.dist((hx, hy), p), 6) for p in positions[1:]}
    assert distances == {200.0}  # one ring, one step out


def test_components_are_packed_apart() -> None:
    order = ["a", "b", "c", "d", "e"]
    neighbours: list[set[int]] = [{1}, {0}, {3}, {2}, set()]
    for positions in (force_positions(order, neighbours), radial_positions(order, neighbours)):
        assert len(set(positions)) == len(order)
        assert min(x for x, _ in positions) >= 0 and min(y for _, y in positions) >= 0
