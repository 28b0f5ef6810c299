"""Time the fixed cost of a small query through summit-kg, per store, against the engine alone.

A small query (a few rows) costs summit-kg more than its engine: the read-only gate, the
worker that enforces the timeout and closes the network, and, on an Oxigraph store this
process writes, a snapshot the worker opens. Each query text is new (its ``LIMIT``
changes), so no cache of a parsed text helps. Stores:

* ``memory``: ``kg.load`` of ``--small`` generated articles (rdflib, a forked worker);
* ``oxigraph (writer)``: a store this process writes (a snapshot, the warm clean worker);
* ``oxigraph (read-only)``: the same store opened ``read_only`` (a forked worker).

Usage::

    python benchmarks/overhead.py [--articles 300] [--small 20] [--repeat 30]

Prints a Markdown table: per store, the median milliseconds of one query through
``SummitGraph.query``, the engine alone on the same data in this process, and the
difference.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import write_corpus  # type: ignore[import-not-found]

import kg

QUERY = (
    "SELECT ?summit WHERE {{ ?summit a <https://w3id.org/summit-kg/ontology#Summit> }} LIMIT {n}"
)


def median_ms(repeat: int, run: Callable[[int], Any]) -> float:
    """The median wall-clock milliseconds of ``run(n)`` for ``n`` in ``1..repeat``."""
    run(repeat + 1)  # warm-up: imports, the first worker
    times = []
    for n in range(1, repeat + 1):
        began = time.perf_counter()
        run(n)
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def row(name: str, through: float, engine: float) -> str:
    return f"| {name} | {through:.1f} | {engine:.2f} | {through - engine:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        write_corpus(folder / "corpus", args.articles, seed=1)
        write_corpus(folder / "small", args.small, seed=1)
        lines = [
            "| store | summit-kg (ms) | engine alone (ms) | fixed cost (ms) |",
            "| --- | ---: | ---: | ---: |",
        ]
        with kg.load(folder / "small") as graph:
            dataset = graph.dataset
            through = median_ms(args.repeat, lambda n: graph.query(QUERY.format(n=n)))
            alone = median_ms(args.repeat, lambda n: list(dataset.query(QUERY.format(n=n))))
            lines.append(row(f"memory ({args.small} articles)", through, alone))
        path = f"oxigraph:{folder / 'store'}"
        with kg.SummitGraph(path) as graph:
            graph.ingest([folder / "corpus"], progress=False)
            raw = graph.store._store  # the pyoxigraph Store, for the engine alone
            through = median_ms(args.repeat, lambda n: graph.query(QUERY.format(n=n)))
            alone = median_ms(args.repeat, lambda n: list(raw.query(QUERY.format(n=n))))
            lines.append(row(f"oxigraph, writer ({args.articles} articles)", through, alone))
        with kg.SummitGraph(path, read_only=True) as graph:
            raw = graph.store._store
            through = median_ms(args.repeat, lambda n: graph.query(QUERY.format(n=n)))
            alone = median_ms(args.repeat, lambda n: list(raw.query(QUERY.format(n=n))))
            lines.append(row(f"oxigraph, read-only ({args.articles} articles)", through, alone))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
