"""Benchmark the pipeline on the embedded default and on generated corpora.

Measures, each as the best of ``--repeat`` runs (wall clock, seconds):

* parse + extract + map of one article (the embedded default);
* ``kg.load`` of corpora of N generated articles (N from ``--sizes``);
* every catalogue query on the embedded default (in memory, each in its forked
  worker, parameters from the catalogue's examples);
* one query in the forked worker, SHACL validation and the HTML view of the
  largest corpus.

Stores, ingest and every catalogue query against rdflib and raw pyoxigraph
are measured by ``run.py``.

Usage::

    python benchmarks/bench.py --sizes 10 100 --repeat 3

Prints a Markdown table, ready for the README.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import write_corpus  # type: ignore[import-not-found]

import kg
from kg.network.page import render_html
from kg.rdf.mapping import to_graph
from kg.resources import default_sources
from kg.sparql.catalogue import catalogue
from kg.text.extract import extract
from kg.text.parse import parse_article


def best_of(repeat: int, function: Callable[[], Any]) -> tuple[float, Any]:
    """Run ``function`` ``repeat`` times; the fastest time and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[Any, ...]] = []

    text = default_sources()[0].read_text(encoding="utf-8")
    seconds, _ = best_of(args.repeat * 5, lambda: to_graph(extract(parse_article(text))))
    rows.append(("parse + extract + map, embedded default", "1 article", seconds))

    default = kg.load()
    for name, query in catalogue().items():
        params = {p.name: p.example for p in query.params if p.example}
        seconds, _ = best_of(
            args.repeat, lambda name=name, params=params: default.query(name, **params)
        )
        rows.append((f"query {name} (memory store, forked worker)", "embedded default", seconds))

    with tempfile.TemporaryDirectory() as tmp:
        graph = None
        for size in args.sizes:
            folder = Path(tmp) / f"corpus-{size}"
            write_corpus(folder, size)
            seconds, graph = best_of(args.repeat, lambda folder=folder: kg.load(folder))
            rows.append((f"kg.load ({len(graph)} triples)", f"{size} articles", seconds))
        assert graph is not None
        largest = f"{args.sizes[-1]} articles"
        seconds, _ = best_of(args.repeat, lambda: graph.query("summit"))
        rows.append(("query summit in a forked worker (the default)", largest, seconds))
        seconds, report = best_of(1, graph.validate)
        rows.append((f"validate (conforms={report.conforms})", largest, seconds))
        network = graph.to_networkx()
        seconds, _ = best_of(args.repeat, lambda: render_html(network))
        rows.append((f"viz render ({network.number_of_nodes()} nodes)", largest, seconds))

    print("| step | input | seconds |")
    print("| --- | --- | ---: |")
    for step, size, *seconds in rows:
        print(f"| {step} | {size} | {' / '.join(f'{s:.3f}' for s in seconds)} |")


if __name__ == "__main__":
    main()
