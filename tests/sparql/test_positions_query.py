"""The ``positions`` question: who wants what, from sentences and table columns."""

from __future__ import annotations

import pytest

import kg
from kg.errors import QueryError

ARTICLE = """# Leaders meet in Lindqvar to end the river dispute

LINDQVAR, June 3 - Kestria and Drovania meet in Lindqvar on Friday.

## The dam

Kestria wants a full, monitored ceasefire along the line of contact. Drovania rejects any
foreign presence at the dam and proposes a joint water commission instead.

Russia's foreign minister said Moscow opposes new sanctions.
"""


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def graph(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> kg.SummitGraph:
    folder = tmp_path_factory.mktemp("positions")
    article = folder / "lindqvar.md"
    article.write_text(ARTICLE, encoding="utf-8")
    store = None if request.param == "memory" else f"oxigraph:{folder / 'store'}"
    loaded = kg.load(article, store=store)
    yield loaded
    loaded.close()


def rows(graph: kg.SummitGraph, **params: str) -> list[tuple[str, ...]]:
    result = graph.query("positions", **params)
    return [
        tuple(
            str(row[v]) if row.get(v) is not None else ""
            for v in ("actorLabel", "stance", "position", "cue", "line")
        )
        for row in result.rows
    ]


def test_every_stated_position_with_its_cue_and_line(graph: kg.SummitGraph) -> None:
    assert rows(graph) == [
        ("Drovania", "proposes", "joint water commission", "proposes", "7"),
        ("Drovania", "rejects", "foreign presence", "rejects", "7"),
        ("Kestria", "seeks", "full, monitored ceasefire", "wants", "7"),
        ("Russia", "opposes", "new sanctions", "opposes", "10"),
    ]


def test_one_actors_positions_by_label_or_alias(graph: kg.SummitGraph) -> None:
    assert [r[:3] for r in rows(graph, actor="Moscow")] == [("Russia", "opposes", "new sanctions")]
    with pytest.raises(QueryError, match="nothing is labelled 'Freedonia'"):
        rows(graph, actor="Freedonia")
