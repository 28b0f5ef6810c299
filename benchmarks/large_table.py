"""Build and export one very large document: a curated table of N rows.

Runs the command line in fresh processes, as a user would, on a CSV and on an
article whose body is one Markdown pipe table (both made by
``tests/support/tables.py``), and reports for each step the wall-clock seconds
and the peak RSS of the process, also as a multiple of the input's size:

* ``build FILE --store oxigraph:DIR`` (a new store);
* ``build FILE --store oxigraph:DIR -o out.ttl`` (the file unchanged, skipped: the
  export of the store as Turtle);
* ``build FILE -o out.nq`` (no store: a temporary Oxigraph store for an input this large,
  then the export);
* ``build FILE --store memory -o out.nq`` (the memory store, then the export);
* ``kg.load(FILE).write("out.nq")`` in Python (the library: a temporary Oxigraph store
  for an input this large, as ``build`` without a store).

Usage::

    python benchmarks/large_table.py [--rows 20000] [--work DIR]

Without ``--work`` the files and stores go to a temporary folder, removed at the end.

Prints a Markdown table, ready for ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.tables import MAKERS  # noqa: E402

BUILD = "from kg.cli import main\ncode = main(['build', *sys.argv[1:]])\n"
LIBRARY = "import kg\nwith kg.load(sys.argv[1]) as graph:\n    graph.write(sys.argv[2])\ncode = 0\n"
STEPS = (
    ("build into Oxigraph", BUILD, ["--store", "oxigraph:{store}"]),
    ("export the store as Turtle", BUILD, ["--store", "oxigraph:{store}", "-o", "{out}.ttl"]),
    ("build without a store, export N-Quads", BUILD, ["-o", "{out}.nq"]),
    ("build in memory, export N-Quads", BUILD, ["--store", "memory", "-o", "{out}.nq"]),
    ("kg.load in Python, write N-Quads", LIBRARY, ["{out}.nq"]),
)


def run_step(program: str, arguments: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of ``program`` (which sets ``code``) with ``arguments`` in
    a fresh process."""
    script = (
        "import resource, sys\n"
        f"{program}"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - start
    return seconds, int(done.stderr.strip().splitlines()[-1]) * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--work", type=Path, default=None, help="a folder kept afterwards")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="summit-kg-large-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        report(args.rows, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def report(rows: int, work: Path) -> None:
    """Run every step on a CSV and a Markdown table of ``rows`` rows, printing a table."""
    print(f"Rows: {rows:,}; peak RSS of the process in MB and as a multiple of the file.\n")
    print("| input | size (MB) | step | seconds | peak RSS (MB) | RSS ÷ input |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    for suffix, make in sorted(MAKERS.items()):
        source = work / f"table-{rows}{suffix}"
        source.write_text(make(rows), encoding="utf-8")
        size = source.stat().st_size
        names = {"store": work / f"store{suffix}", "out": work / f"out{suffix}"}
        for step, program, template in STEPS:
            arguments = [str(source), *(part.format(**names) for part in template)]
            seconds, rss = run_step(program, arguments)
            print(
                f"| {suffix[1:]} | {size / 2**20:.1f} | {step} | {seconds:.1f} | "
                f"{rss / 2**20:.0f} | {rss / size:.0f}× |",
                flush=True,
            )


if __name__ == "__main__":
    main()
