"""Large tables read in time and memory linear in their rows: a curated CSV and an article's
Markdown pipe table, 1,000 and 10,000 rows.

Each file is read in a fresh interpreter (loader and mapping to triples, as a build's
readers do), which reports the seconds the read took and its peak RSS. The bounds are
ratios with generous margins, for a loaded two-core machine: ten times the rows may take
at most 25 times as long (best of two), and the 10,000-row read may add at most 100
bytes of peak RSS per byte of input to what a 10-row file of the same shape needs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.support.documents import document_graphs
from tests.support.tables import MAKERS

SMALL, LARGE = 1_000, 10_000
TIME_RATIO = 25.0
"""Ten times the rows: at most this many times the seconds (linear is 10)."""
LARGE_SECONDS = 300.0
"""Far above the 10,000-row reads measured (under 15 seconds on a busy two-core machine)."""
BYTES_PER_INPUT_BYTE = 100

_READ = """\
import json, resource, sys, time
from pathlib import Path
from kg.loaders import loader_for
from kg.text.gazetteer import Gazetteer
Gazetteer.bundled()
path = Path(sys.argv[1])
start = time.perf_counter()
loaded = loader_for(path).read(path)
seconds = time.perf_counter() - start
triples = sum(len(triples) for _, triples in loaded.graphs)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "rss": rss, "triples": triples}))
"""


def read_in_subprocess(path: Path) -> dict[str, float]:
    """Seconds, peak RSS (bytes) and triples of reading ``path`` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(path)],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


@pytest.mark.parametrize("suffix", sorted(MAKERS))
def test_a_large_table_reads_in_linear_time_and_memory(suffix: str, tmp_path: Path) -> None:
    files = {}
    for count in (10, SMALL, LARGE):
        files[count] = tmp_path / f"table-{count}{suffix}"
        files[count].write_text(MAKERS[suffix](count), encoding="utf-8")
    base = read_in_subprocess(files[10])
    small = min(read_in_subprocess(files[SMALL])["seconds"] for _ in range(2))
    large = read_in_subprocess(files[LARGE])
    seconds = large["seconds"]
    if seconds > TIME_RATIO * small:  # a busy moment: best of two
        seconds = min(seconds, read_in_subprocess(files[LARGE])["seconds"])
    assert large["triples"] > 25 * LARGE  # every row read into claims
    assert seconds <= TIME_RATIO * small, (small, seconds)
    assert seconds < LARGE_SECONDS
    size = files[LARGE].stat().st_size
    grown = large["rss"] - base["rss"]
    assert grown <= BYTES_PER_INPUT_BYTE * size, (grown / size, size)


def test_a_summit_named_on_every_row_is_mapped_in_linear_time(tmp_path: Path) -> None:
    """Each distinct summit name is a summit claim scoped to its rows.

    Four times the rows may take at most ten times as long (linear is 4; mapping every
    summit against every claim, as before, took 16 times as long: 78 seconds for 4,000).
    """
    files = {}
    for count in (1000, 4000):
        files[count] = tmp_path / f"summits-{count}.csv"
        files[count].write_text(
            "Summit,Topic,Outcome\n"
            + "".join(
                f"Trump–Putin summit in Alaska no. {i},Topic {i},Outcome {i}\n"
                for i in range(count)
            ),
            encoding="utf-8",
        )
    small = min(read_in_subprocess(files[1000])["seconds"] for _ in range(2))
    large = read_in_subprocess(files[4000])["seconds"]
    if large > 10 * small:  # a busy moment: best of two
        large = min(large, read_in_subprocess(files[4000])["seconds"])
    assert large <= 10 * small, (small, large)


_BUILD = """\
import resource, sys
from kg.cli import main
code = main(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
sys.exit(code)
"""


_LOAD = """\
import resource, sys
import kg
with kg.load(sys.argv[1]) as graph:
    graph.write(sys.argv[2])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def build_rss(*arguments: str) -> int:
    """Peak RSS (bytes) of ``summit-kg build ARGUMENTS`` in a fresh interpreter."""
    return _peak_rss(_BUILD, "build", "--quiet", *arguments)


def load_rss(source: str, output: str) -> int:
    """Peak RSS (bytes) of ``kg.load(SOURCE).write(OUTPUT)`` in a fresh interpreter."""
    return _peak_rss(_LOAD, source, output)


def _peak_rss(script: str, *arguments: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    return int(done.stdout.split()[-1])


@pytest.mark.parametrize("suffix", sorted(MAKERS))
def test_a_large_table_builds_into_oxigraph_and_exports_in_memory_linear_in_its_size(
    suffix: str, tmp_path: Path
) -> None:
    """A 10,000-row table into an Oxigraph store, then that store written as Turtle: each
    adds at most 120 bytes of peak RSS per byte of input to what a 10-row table needs (the
    terms are written as text a slice at a time; the export streams from the store)."""
    grown = {}
    for count in (10, 10_000):
        table = tmp_path / f"table-{count}{suffix}"
        table.write_text(MAKERS[suffix](count), encoding="utf-8")
        store = f"oxigraph:{tmp_path / f'db-{count}'}"
        built = build_rss(str(table), "--store", store)
        written = build_rss(str(table), "--store", store, "-o", str(tmp_path / f"{count}.ttl"))
        grown[count] = (built, written, table.stat().st_size)
    (base_built, base_written, _), (built, written, size) = grown[10], grown[10_000]
    # the Markdown build measured 100-102 bytes a byte on a slow two-core machine: 20% slack
    bound = 1.2 * BYTES_PER_INPUT_BYTE * size
    assert built - base_built <= bound, ((built - base_built) / size, size)
    assert written - base_written <= bound, (written - base_written) / size


@pytest.mark.parametrize(
    ("suffix", "how"), [(".csv", "build"), (".md", "build"), (".csv", "kg.load")]
)
def test_a_large_table_read_without_a_store_goes_through_oxigraph_linear_in_its_size(
    suffix: str, how: str, tmp_path: Path
) -> None:
    """``build TABLE -o FILE`` with no store, and ``kg.load(TABLE)`` in Python: tables of
    5,000 and 10,000 rows (about 1 and 2 MB) are read into a temporary Oxigraph store, not
    the memory store (which needs 390-610 bytes a byte), and each further byte of input
    adds at most 100 bytes of peak RSS. The whole peak is bounded at 300 bytes a byte: the
    10,000-row Markdown build peaks at 262 MB alone but at 377 MB (210 a byte) in a full
    parallel test run, the same figure in two runs (the cause is not known yet)."""
    peaks = {}
    for count in (5_000, 10_000):
        table = tmp_path / f"table-{count}{suffix}"
        table.write_text(MAKERS[suffix](count), encoding="utf-8")
        out = tmp_path / f"{count}.nq"
        if how == "build":
            peak = build_rss(str(table), "-o", str(out))
        else:
            peak = load_rss(str(table), str(out))
        peaks[count] = (peak, table.stat().st_size)
        assert out.stat().st_size > count * 1_000
    (small, small_size), (large, large_size) = peaks[5_000], peaks[10_000]
    slope = (large - small) / (large_size - small_size)
    assert slope <= BYTES_PER_INPUT_BYTE, slope
    assert large <= 3 * BYTES_PER_INPUT_BYTE * large_size  # far below the memory store's


def test_a_build_through_a_temporary_store_writes_what_the_memory_store_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import kg.ingest
    from kg.cli import main

    table = tmp_path / "table.csv"
    table.write_text(MAKERS[".csv"](40), encoding="utf-8")
    # without the ontology: Oxigraph writes its xsd:nonNegativeInteger as xsd:integer
    build = ["build", "--quiet", "--no-ontology", str(table), "-o"]
    assert main([*build, str(tmp_path / "memory.nq")]) == 0
    assert "temporary" not in capsys.readouterr().out
    monkeypatch.setattr(kg.ingest, "MEMORY_INPUT_BYTES", 1)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert main([*build, str(tmp_path / "spilled.nq")]) == 0
    assert "built in a temporary Oxigraph store, now removed" in capsys.readouterr().out
    assert not list(scratch.iterdir())  # the temporary store is removed
    spilled, memory = tmp_path / "spilled.nq", tmp_path / "memory.nq"
    assert document_graphs(spilled) == document_graphs(memory)


def test_a_large_ingest_hands_its_freed_memory_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ingest
    from kg.stores import open_store

    calls: list[int] = []
    table = tmp_path / "table.csv"
    table.write_text(MAKERS[".csv"](20), encoding="utf-8")
    monkeypatch.setattr(kg.ingest, "release_freed_memory", lambda: calls.append(1))
    kg.ingest.ingest(open_store("memory"), [table])
    assert calls == []  # a small ingest: nothing to hand back
    monkeypatch.setattr(kg.ingest, "LARGE_GRAPH", 100)
    kg.ingest.ingest(open_store("memory"), [table])
    assert calls == [1]


def test_handing_freed_memory_back_trims_the_c_heap_where_there_is_malloc_trim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ctypes

    from kg.ingest import release_freed_memory

    trimmed: list[int] = []

    class Glibc:
        def malloc_trim(self, pad: int) -> int:
            trimmed.append(pad)
            return 1

    monkeypatch.setattr(ctypes, "CDLL", lambda name: Glibc())
    release_freed_memory()
    assert trimmed == [0]
    monkeypatch.setattr(ctypes, "CDLL", lambda name: object())  # a C library without it
    release_freed_memory()
    assert trimmed == [0]
