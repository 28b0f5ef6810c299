"""Time reading one article: parse + extract + map, per article of the evaluation set.

The figure the sentence readers are held to: parse + extract + map of a 1,000-word news
article in at most 5 ms. Every article of ``tests/fixtures/eval/<set>/`` is read
``--repeat`` times (after one warm-up read, so the gazetteer is built once); the best
time of each is kept and scaled to 1,000 words by the article's word count. A saved page
(``.html``) is timed as extract + map of the document its page reader gives: the page
extractor's own cost is a different figure (``bench.py``).

Usage::

    python benchmarks/reading.py [--set dev|holdout|all] [--repeat 20]

Prints a Markdown table: per form, articles, median words, median and worst milliseconds
per article and per 1,000 words; and a last row for one article of about 1,000 words (the
set's plain-text articles joined: headings, lists and prose as real coverage has them).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from extraction import articles  # type: ignore[import-not-found]

from kg.rdf.mapping import to_triples
from kg.text.extract import extract
from kg.text.html import read_page
from kg.text.parse import parse_article


def reader(path: Path) -> tuple[int, Callable[[], object]]:
    """The article's word count and one timed read of it."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        page = read_page(raw, source=str(path))
        return len(page.text.split()), lambda: to_triples(extract(page))
    return len(raw.split()), lambda: to_triples(extract(parse_article(raw)))


def best_time(read: Callable[[], object], repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` reads."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        read()
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="all", choices=("dev", "holdout", "all"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    paths = articles(args.set)
    rows: dict[str, list[tuple[int, float]]] = {}
    for path in paths:
        form = json.loads(path.with_name(path.stem + ".expected.json").read_text())["form"]
        words, read = reader(path)
        read()  # warm-up: the gazetteer is built once per process, caches fill
        rows.setdefault(form, []).append((words, best_time(read, args.repeat)))
    print(
        "| form | articles | words (median) | ms per article (median / worst) "
        "| ms per 1,000 words (median / worst) |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    every: list[tuple[int, float]] = []
    for form in sorted(rows):
        every.extend(rows[form])
        print(_row(form, rows[form]))
    print(_row("**all**", every))
    words, read = thousand_words(paths)
    read()
    print(_row("1,000-word article", [(words, best_time(read, args.repeat))]))


def thousand_words(paths: list[Path]) -> tuple[int, Callable[[], object]]:
    """A news article of about 1,000 words: the set's plain-text articles joined in order."""
    parts: list[str] = []
    for path in paths:
        if path.suffix != ".html":
            parts.append(path.read_text(encoding="utf-8"))
        if sum(len(part.split()) for part in parts) >= 1000:
            break
    text = "\n\n".join(parts)
    return len(text.split()), lambda: to_triples(extract(parse_article(text)))


def _row(name: str, timings: list[tuple[int, float]]) -> str:
    words = statistics.median(w for w, _ in timings)
    per_article = [t * 1000 for _, t in timings]
    per_thousand = [t * 1000 * 1000 / max(w, 1) for w, t in timings]
    return (
        f"| {name} | {len(timings)} | {words:.0f} | {statistics.median(per_article):.2f} / "
        f"{max(per_article):.2f} | {statistics.median(per_thousand):.2f} / "
        f"{max(per_thousand):.2f} |"
    )


if __name__ == "__main__":
    main()
