"""Benchmark the views: RDF → networkx, the HTML page, and the page in a browser.

For the embedded default and for generated graphs of N claim nodes
(``synthetic.py``; N from ``--sizes``), measures as the best of ``--repeat``
runs (wall clock):

* ``to_networkx``: converting the RDF graph (one pass over the triples);
* write HTML: building the vis-network data, the layout and the page, written
  atomically (what ``summit-kg viz`` does after loading);
* the file's size;
* page ready: seconds from navigation start until vis-network first drew
  the graph in headless Chromium (skipped with ``--no-browser`` or without
  chromium), measured once; above ``kg.network.views.MAX_NODES`` the page draws the
  best-connected nodes only, and the table says how many it drew.

Usage::

    python benchmarks/bench_viz.py --sizes 1000 10000 --repeat 3

Prints a Markdown table, ready for the README. Not a test: figures depend on
the machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench import best_of  # type: ignore[import-not-found]
from synthetic import synthetic_graph  # type: ignore[import-not-found]

import kg
from kg.network.convert import to_networkx
from kg.network.page import write_html
from kg.network.views import MAX_NODES

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for tests.support
from tests.support import browser

PROBE = "({nodes: kgView.nodes.length, edges: kgView.edges.length})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timing")
    args = parser.parse_args()

    inputs = [("embedded default", kg.load().data())]
    inputs += [(f"generated, {n:,} nodes", synthetic_graph(n)) for n in args.sizes]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, rdf in inputs:
            convert, network = best_of(args.repeat, lambda rdf=rdf: to_networkx(rdf))
            page = Path(tmp) / "view.html"
            render, _ = best_of(args.repeat, lambda n=network, p=page: write_html(n, p))
            ready = "–"
            drawn = (min(network.number_of_nodes(), MAX_NODES), network.number_of_edges())
            if not args.no_browser and browser.CHROMIUM is not None:
                report = browser.open_page(page, timeout=600, settle=0, probe=PROBE)
                if report.ready_ms is not None:
                    ready = f"{report.ready_ms / 1000:.2f}"
                    drawn = (report.result["nodes"], report.result["edges"])
            rows.append(
                (
                    name,
                    f"{len(rdf):,}",
                    f"{network.number_of_nodes():,}",
                    f"{drawn[0]:,} / {drawn[1]:,}",
                    f"{convert:.3f}",
                    f"{render:.3f}",
                    f"{page.stat().st_size / 1e6:.1f}",
                    ready,
                )
            )

    print(
        "| graph | triples | nodes | drawn: nodes / edges | to_networkx (s) | write HTML (s) "
        "| file (MB) | page ready in Chromium (s) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
