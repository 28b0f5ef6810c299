"""Load test of ``summit-kg serve`` on loopback: throughput and latency under a mix of questions.

Starts ``python -m kg serve --port 0`` (or uses ``--url``), then runs
``--clients`` concurrent clients for ``--seconds``, each sending catalogue
queries (the mix below) to ``/sparql``, and reports requests/s, p50/p95/p99
latency and errors. A second run adds one client that sends a query which
runs past ``--timeout`` again and again, to show the others' latency meanwhile.
Bounded: every request has a deadline and the server is killed at the end.

Examples:
    python benchmarks/serve.py                        # 50 clients, 30 s per run
    python benchmarks/serve.py --clients 10 --seconds 5
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import time

import httpx

from kg.sparql.catalogue import catalogue

MIX = ("topics", "summit", "documents", "concerns", "places", "focus-areas", "actors")
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _start(timeout: float) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", "0", "--timeout", str(timeout)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    found = re.search(r"at (http://\S+/) ", process.stdout.readline())
    if not found:
        process.kill()
        raise SystemExit("the server did not start")
    return process, found.group(1)


async def _client(
    http: httpx.AsyncClient,
    url: str,
    end: float,
    queries: list[str],
    latencies: list[float],
    errors: list[str],
) -> None:
    i = 0
    while time.monotonic() < end:
        query = queries[i % len(queries)]
        i += 1
        start = time.monotonic()
        try:
            response = await http.post(url + "sparql", data={"query": query})
            if response.status_code != 200:
                errors.append(str(response.status_code))
        except httpx.HTTPError as exc:
            errors.append(type(exc).__name__)
        latencies.append(time.monotonic() - start)


async def _run(url: str, clients: int, seconds: float, slow: bool) -> dict[str, float]:
    texts = [catalogue()[name].text for name in MIX]
    latencies: list[float] = []
    errors: list[str] = []
    slow_latencies: list[float] = []
    slow_errors: list[str] = []
    limits = httpx.Limits(max_connections=clients + 2)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        end = time.monotonic() + seconds
        tasks = [
            _client(
                http, url, end, texts[i % len(texts) :] + texts[: i % len(texts)], latencies, errors
            )
            for i in range(clients)
        ]
        if slow:
            tasks.append(_client(http, url, end, [SLOW], slow_latencies, slow_errors))
        started = time.monotonic()
        await asyncio.gather(*tasks)
        elapsed = time.monotonic() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "mean": 1000 * statistics.fmean(latencies) if latencies else 0.0,
        "errors": len(errors),
        "slow_requests": len(slow_latencies),
        "slow_503": slow_errors.count("503"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--timeout", type=float, default=2.0, help="the server's --timeout")
    parser.add_argument("--url", help="a running server instead of starting one")
    args = parser.parse_args()
    process = None
    url = args.url
    if url is None:
        process, url = _start(args.timeout)
    try:
        for slow in (False, True):
            figures = asyncio.run(_run(url, args.clients, args.seconds, slow))
            what = "with one client timing out" if slow else "catalogue mix"
            print(
                f"{what}: {args.clients} clients, {args.seconds:g} s: "
                f"{figures['requests']:.0f} requests, {figures['rps']:.1f} req/s, "
                f"p50 {figures['p50']:.0f} ms, p95 {figures['p95']:.0f} ms, "
                f"p99 {figures['p99']:.0f} ms, {figures['errors']:.0f} errors"
                + (
                    f"; slow client: {figures['slow_requests']:.0f} requests, "
                    f"{figures['slow_503']:.0f} answered 503"
                    if slow
                    else ""
                )
            )
    finally:
        if process is not None:
            process.kill()
            process.wait(10)


if __name__ == "__main__":
    main()
