"""Benchmark ingest and every catalogue query against rdflib and raw pyoxigraph, in one run.

On one generated corpus (``corpus.py``, deterministic seed) it measures:

* ingest throughput, articles/s and triples/s, and peak RSS (the ingest
  process and its reader processes), for the Oxigraph store with 1 and N jobs
  and for the in-memory store (on the first ``--rdflib-articles`` articles);
* raw pyoxigraph ``bulk_load`` of the same N-Quads, the reference for ingest;
* every catalogue query (and its example parameters) through summit-kg on the
  Oxigraph store, through raw pyoxigraph on a bulk-loaded copy of the same
  quads (same query text, in the same kind of worker), and on rdflib's
  in-memory store, which is
  measured on the first ``--rdflib-articles`` articles beside summit-kg's
  Oxigraph store of the same articles (rdflib is far too slow beyond).

Every query runs in a worker stopped after ``--timeout`` seconds (reported as
``>T``). Prints Markdown tables of times and ratios and writes JSON.

Usage::

    python benchmarks/run.py --articles 10000
    python benchmarks/run.py --articles 100000 --ingest-only   # the memory goal
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corpus import write_corpus  # type: ignore[import-not-found]

HERE = Path(__file__).resolve().parent


# --- ingest, each run in its own process so that its peak memory is its own -----------


def ingest_child(store: str, folder: str, jobs: int, executor: str = "processes") -> None:
    """Run one ingest and print its figures as JSON (the child side of :func:`ingest`)."""
    from kg.ingest import ingest
    from kg.stores import open_store

    start = time.perf_counter()
    with open_store(store) as target:
        summary = ingest(target, [folder], jobs=jobs, executor=executor)
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "articles": summary.written,
                "triples": summary.triples,
                "failed": summary.failed,
                "peak_rss_mb": own / 1024,
                "worker_peak_rss_mb": workers / 1024,
            }
        )
    )


def ingest(store: str, folder: Path, jobs: int, executor: str = "processes") -> dict[str, Any]:
    """Ingest ``folder`` into ``store`` in a fresh process; its figures."""
    child = subprocess.run(
        [sys.executable, __file__, "--ingest-child", store, str(folder), str(jobs), executor],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    figures["articles_per_s"] = figures["articles"] / figures["seconds"]
    figures["triples_per_s"] = figures["triples"] / figures["seconds"]
    return figures


def export_nquads(store_path: Path, target: Path) -> int:
    """Every quad of an Oxigraph store as N-Quads, the union default graph included.

    Raw pyoxigraph bulk-loads exactly what summit-kg stored and runs the same
    query text on it, so the difference is summit-kg's own work (gate,
    worker, conversion), not the data.
    """
    import pyoxigraph as ox

    db = ox.Store.read_only(str(store_path))
    quads = db.quads_for_pattern(None, None, None, None)
    ox.serialize(quads, output=str(target), format=ox.RdfFormat.N_QUADS)  # streams
    return len(db)


# --- queries -------------------------------------------------------------------------


def query_runs() -> list[tuple[str, str, dict[str, str]]]:
    """``(label, catalogue name, parameters)`` for every query and its example."""
    import kg

    runs = []
    for name, query in kg.catalogue().items():
        runs.append((name, name, {}))
        example = {p.name: p.example for p in query.params if p.example}
        if example:
            runs.append((f"{name} ({', '.join(example.values())})", name, example))
    return runs


def timed(function: Any, *args: Any, timeout: float) -> float | None:
    """Seconds ``function(*args)`` took in a forked worker, best of two; ``None`` past timeout."""
    from kg.errors import QueryTimeout
    from kg.sparql.sandbox import run_isolated

    best = None
    for _ in range(2):
        start = time.perf_counter()
        try:
            run_isolated(function, *args, timeout=timeout)
        except QueryTimeout:
            return None
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
        if seconds > timeout / 4:
            break  # slow enough that once tells
    return best


def ours(graph: Any, name: str, params: dict[str, str]) -> int:
    """A catalogue query through summit-kg (in-process: :func:`timed` is the worker)."""
    return len(graph.query(name, timeout=None, max_rows=None, **params))


def raw_oxigraph(store: Any, name: str, params: dict[str, str]) -> int:
    """The same text on raw pyoxigraph, parameters as VALUES, on the same default graph."""
    import kg
    from kg.sparql.engines import with_values
    from kg.sparql.gate import compile_readonly
    from kg.sparql.runner import bind_params

    query = kg.catalogue()[name]
    checked = compile_readonly(query.text)
    text = with_values(checked.text, checked.kind, bind_params(query, params))
    result = store.query(text)
    return 1 if checked.kind == "ASK" else sum(1 for _ in result)


def rdflib_memory(graph: Any, name: str, params: dict[str, str]) -> int:
    """The same query on rdflib's in-memory store."""
    return len(graph.query(name, timeout=None, max_rows=None, **params))


# --- report --------------------------------------------------------------------------


def seconds_text(value: float | None, timeout: float) -> str:
    return f">{timeout:g}" if value is None else f"{value:.3f}"


def ratio_text(slow: float | None, fast: float | None, timeout: float) -> str:
    if fast is None:
        return "–"
    if slow is None:
        return f">{timeout / fast:.0f}×"
    return f"{slow / fast:.2f}×" if slow / fast < 10 else f"{slow / fast:.0f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rdflib-articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per query")
    parser.add_argument(
        "--ingest-only", action="store_true", help="only the Oxigraph ingests (no references)"
    )
    parser.add_argument("--work", type=Path, help="folder for corpus and stores (kept)")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--ingest-child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest_child:
        store, folder, jobs, executor = args.ingest_child
        ingest_child(store, folder, int(jobs), executor)
        return

    work = args.work or Path(tempfile.mkdtemp(prefix="summit-kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-{args.articles}-seed{args.seed}"
    if not corpus.exists():
        write_corpus(corpus, args.articles, args.seed)
    small_count = min(args.articles, args.rdflib_articles)
    small = work / f"corpus-{small_count}-seed{args.seed}"
    if not small.exists():
        small.mkdir()
        for path in sorted(corpus.iterdir())[:small_count]:
            shutil.copyfile(path, small / path.name)  # a link out of the folder is not read
    results: dict[str, Any] = {
        "articles": args.articles,
        "rdflib_articles": small_count,
        "jobs": args.jobs,
        "seed": args.seed,
        "cores": os.cpu_count(),
        "ingest": {},
        "queries": [],
    }

    def fresh(name: str) -> Path:
        path = work / name
        shutil.rmtree(path, ignore_errors=True)
        return path

    big_store = fresh(f"oxigraph-{args.articles}")
    ingest_runs = [("oxigraph, 1 job", f"oxigraph:{big_store}", corpus, 1, "processes")]
    if args.jobs > 1:
        parallel = f"oxigraph:{fresh(f'oxigraph-{args.articles}-jobs')}"
        ingest_runs.append(
            (f"oxigraph, {args.jobs} jobs", parallel, corpus, args.jobs, "processes")
        )
    for workers in sorted({1, args.jobs}):
        on_dask = f"oxigraph:{fresh(f'oxigraph-{args.articles}-dask{workers}')}"
        label = f"oxigraph, Dask LocalCluster, {workers} worker{'s' if workers > 1 else ''}"
        ingest_runs.append((label, on_dask, corpus, workers, "dask"))
    if not args.ingest_only:
        ingest_runs.append(
            (f"memory, 1 job ({small_count} articles)", "memory", small, 1, "processes")
        )
        if args.jobs > 1:
            label = f"memory, {args.jobs} jobs ({small_count} articles)"
            ingest_runs.append((label, "memory", small, args.jobs, "processes"))
    for label, store, folder, jobs, executor in ingest_runs:
        print(f"ingest: {label} …", file=sys.stderr)
        results["ingest"][label] = ingest(store, folder, jobs, executor)
        if executor == "dask":
            shutil.rmtree(store.split(":", 1)[1], ignore_errors=True)  # only timed

    if args.ingest_only:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print_tables(results, args.timeout)
        return

    import pyoxigraph as ox

    nquads = work / f"corpus-{args.articles}.nq"
    results["nquads"] = export_nquads(big_store, nquads)
    raw_path = fresh(f"raw-{args.articles}")
    raw = ox.Store(str(raw_path))
    start = time.perf_counter()
    raw.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    raw_seconds = time.perf_counter() - start
    results["ingest"]["raw pyoxigraph bulk_load"] = {
        "seconds": raw_seconds,
        "articles": args.articles,
        "triples": results["nquads"],
        "articles_per_s": args.articles / raw_seconds,
        "triples_per_s": results["nquads"] / raw_seconds,
    }
    shutil.rmtree(work / f"oxigraph-{args.articles}-jobs", ignore_errors=True)  # only timed

    if not args.ingest_only:
        import kg
        from kg.sparql.gate import compile_readonly

        small_store = fresh(f"oxigraph-{small_count}")
        with kg.SummitGraph(f"oxigraph:{small_store}") as writer:
            writer.ingest([small], jobs=args.jobs)
        print(f"rdflib: loading {small_count} articles …", file=sys.stderr)
        memory = kg.load(small)
        with (
            kg.SummitGraph(f"oxigraph:{big_store}", read_only=True) as big,
            kg.SummitGraph(f"oxigraph:{small_store}", read_only=True) as little,
        ):
            for label, name, params in query_runs():
                print(f"query: {label} …", file=sys.stderr)
                compile_readonly(kg.catalogue()[name].text)  # warm: a library user's second call
                row = {
                    "query": label,
                    "ours": timed(ours, big, name, params, timeout=args.timeout),
                    "raw": timed(raw_oxigraph, raw, name, params, timeout=args.timeout),
                    "ours_small": timed(ours, little, name, params, timeout=args.timeout),
                    "rdflib_small": timed(
                        rdflib_memory, memory, name, params, timeout=args.timeout
                    ),
                }
                results["queries"].append(row)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_tables(results, args.timeout)


def print_tables(results: dict[str, Any], timeout: float) -> None:
    """The figures as Markdown tables."""
    raw = results["ingest"].get("raw pyoxigraph bulk_load", {"seconds": None})
    quads = f" ({results['nquads']} quads)" if "nquads" in results else ""
    print(f"Ingest of {results['articles']} generated articles{quads}:\n")
    print("| run | seconds | articles/s | triples/s | peak RSS (MB) | vs raw bulk_load |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, row in results["ingest"].items():
        rss = max(row.get("peak_rss_mb", 0), row.get("worker_peak_rss_mb", 0))
        versus = "1×" if row is raw else ratio_text(row["seconds"], raw["seconds"], timeout)
        if raw["seconds"] is None:
            versus = "–"
        if "articles" in label:
            versus = "–"
        print(
            f"| {label} | {row['seconds']:.1f} | {row['articles_per_s']:.0f} | "
            f"{row['triples_per_s']:.0f} | {rss:.0f} | {versus} |"
        )
    if not results["queries"]:
        return
    big, small = results["articles"], results["rdflib_articles"]
    print(f"\nCatalogue queries, seconds (best of two; >{timeout:g} = stopped):\n")
    print(
        f"| query | summit-kg Oxigraph @{big} | raw pyoxigraph @{big} | ratio | "
        f"rdflib memory @{small} | summit-kg Oxigraph @{small} | rdflib ÷ Oxigraph |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in results["queries"]:
        print(
            f"| {row['query']} | {seconds_text(row['ours'], timeout)} | "
            f"{seconds_text(row['raw'], timeout)} | "
            f"{ratio_text(row['ours'], row['raw'], timeout)} | "
            f"{seconds_text(row['rdflib_small'], timeout)} | "
            f"{seconds_text(row['ours_small'], timeout)} | "
            f"{ratio_text(row['rdflib_small'], row['ours_small'], timeout)} |"
        )


if __name__ == "__main__":
    main()
