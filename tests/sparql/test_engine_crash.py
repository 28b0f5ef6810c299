"""An engine that crashes ends its worker, never the caller: one error, exit 3, nothing lost.

Two real crashes of Oxigraph 0.5: an ``ORDER BY`` over ``xsd:dateTime`` values
with and without a time zone panics ("comparison function does not correctly
implement a total order", abort), and a flat sum of about 9,000 terms
overflows its stack (segfault). Untrusted queries run in a worker also on a
store this process writes (on a snapshot, from a clean worker) and with no
timeout (``timeout=None``, ``--timeout 0``).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

import kg
from kg.errors import EngineCrashed, QueryError
from kg.sparql.engines import Snapshot, execute
from kg.sparql.sandbox import run_isolated
from tests.support.checks import run
from tests.support.tally import tally

XSD_DATETIME = "<http://www.w3.org/2001/XMLSchema#dateTime>"
_PICK = random.Random(0)
ZONES = [
    f"2020-01-01T{_PICK.randrange(24):02d}:{_PICK.randrange(60):02d}:00"
    + _PICK.choice(["", "+00:00", "+14:00", "-14:00", "+05:30"])
    for _ in range(60)
]
"""Times with and without zones: an ORDER BY over them makes Oxigraph 0.5 panic."""
MIXED_ZONES = "".join(
    f'<urn:x{i}> <urn:when> "{value}"^^{XSD_DATETIME} <urn:g> .\n' for i, value in enumerate(ZONES)
)
PANIC = "SELECT ?o { ?s <urn:when> ?o } ORDER BY ?o"
SEGFAULT = "ASK { FILTER(" + "+".join(["1"] * 9000) + ") }"


@pytest.fixture()
def mixed_zones(tmp_path: Path) -> Path:
    path = tmp_path / "zones.nq"
    path.write_text(MIXED_ZONES, encoding="utf-8")
    return path


def test_a_panic_on_a_store_this_process_writes_is_one_error_and_the_graph_lives_on(
    tmp_path: Path, mixed_zones: Path
) -> None:
    with kg.SummitGraph(f"oxigraph:{tmp_path / 'store'}") as graph:
        graph.load(mixed_zones)
        before = len(graph)
        for timeout in (5.0, None):
            tally("hostile inputs")
            with pytest.raises(EngineCrashed, match="the query engine crashed"):
                graph.query(PANIC, timeout=timeout)
        assert len(graph) == before
        assert graph.query("ASK { ?s <urn:when> ?o }").boolean is True
    leftovers = [p.name for p in tmp_path.iterdir() if "snapshot" in p.name]
    assert leftovers == []  # every snapshot removed


def test_with_no_timeout_a_query_still_runs_in_a_worker(
    mixed_zones: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.sparql.runner

    calls: list[float | None] = []

    def spy(*args: Any, timeout: float | None, **kwargs: Any) -> Any:
        calls.append(timeout)
        return run_isolated(*args, timeout=timeout, **kwargs)

    monkeypatch.setattr(kg.sparql.runner, "run_isolated", spy)
    graph = kg.load(mixed_zones)
    assert len(graph.query("SELECT ?o { ?s <urn:when> ?o }", timeout=None)) == len(ZONES)
    assert calls == [None]


def test_a_segfault_in_a_clean_worker_on_a_snapshot_is_one_error(tmp_path: Path) -> None:
    import pyoxigraph as ox

    store = ox.Store(str(tmp_path / "db"))
    store.backup(str(tmp_path / "snapshot"))
    tally("hostile inputs")
    with pytest.raises(EngineCrashed, match=r"signal 11"):
        run_isolated(
            execute,
            Snapshot(str(tmp_path / "snapshot")),
            SEGFAULT,
            "ASK",
            {},
            None,
            timeout=None,
            clean=True,
        )


def test_the_cli_says_the_engine_crashed_in_one_line_and_exits_3(
    tmp_path: Path, mixed_zones: Path
) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    assert run("build", str(mixed_zones), "--store", store, "--quiet")[0] == 0
    query = tmp_path / "panic.rq"
    query.write_text(PANIC, encoding="utf-8")
    for extra in ((), ("--timeout", "0")):
        tally("hostile inputs")
        code, out, err = run("query", str(query), "--store", store, *extra)
        assert code == 3, err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "the query engine crashed" in lines[0], err
        assert out == ""
    assert run("query", "summit", "--store", store)[0] == 0  # the store is still there


def test_an_engine_crash_is_a_query_error() -> None:
    assert issubclass(EngineCrashed, QueryError)
    assert EngineCrashed("x").exit_code == 3


def test_a_failed_answer_leaves_no_oxigraph_solutions_to_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pyoxigraph's solutions may be freed only by the thread that made them: a traceback
    kept past the error (and freed by the cycle collector on any thread) must not hold them."""
    import pyoxigraph as ox

    import kg.sparql.engines as engines

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x")))

    def broken(value: Any) -> Any:
        raise ValueError("cannot convert")

    monkeypatch.setattr(engines, "from_oxigraph", broken)
    with pytest.raises(ValueError) as caught:
        execute(store, "SELECT ?s WHERE { ?s ?p ?o }", "SELECT", {})
    frames, tb = [], caught.value.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    assert any(frame.f_code.co_name == "_oxigraph_answer" for frame in frames)
    held = [v for frame in frames for v in frame.f_locals.values()]
    assert not any(isinstance(v, ox.QuerySolutions) for v in held)
