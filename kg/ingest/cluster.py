"""Reading on a Dask cluster: partitions of source files mapped to N-Quads shards.

:func:`read_on_dask` splits the files into partitions, has Dask workers run
:func:`kg.ingest.shards.write_shard` on each (a pure map from articles to N-Quads), and
yields each finished :class:`~kg.ingest.shards.Shard`; the caller hands it to the store's
bulk loader. Without a scheduler address a ``LocalCluster`` of ``workers``
single-threaded processes runs on loopback for the call; with one, the workers of
that cluster read the files, so the sources and the shard folder must be on a file
system they all see (docs/scale-out.md).

Dask is an optional dependency (``pip install 'summit-kg[dask]'``).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg.errors import LoaderError, UsageError
from kg.ingest import KnownGraphs
from kg.ingest.shards import Shard, write_shard

__all__ = ["PARTITION_FILES", "partitions", "read_on_dask"]

PARTITION_FILES = 256
"""Files at most in one partition (one shard): about 60,000 quads of news articles."""


def partitions(files: Sequence[Path], workers: int) -> list[list[str]]:
    """Split ``files`` into partitions, at least four per worker when there are enough files.

    Examples:
        >>> [len(p) for p in partitions([Path(f"{i}.md") for i in range(10)], 2)]
        [2, 2, 2, 2, 2]
        >>> len(partitions([Path(f"{i}.md") for i in range(2000)], 2))
        8
    """
    if not files:
        return []
    wanted = max(1, 4 * workers)
    size = max(1, min(PARTITION_FILES, -(-len(files) // wanted)))
    names = [str(path.absolute()) for path in files]
    return [names[start : start + size] for start in range(0, len(names), size)]


def _dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError(
            "the dask executor needs Dask's distributed scheduler: pip install 'summit-kg[dask]'"
        ) from None
    return distributed


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A Dask client: to the scheduler at ``scheduler``, or to a LocalCluster on loopback."""
    distributed = _dask()
    with contextlib.ExitStack() as stack:
        try:
            if scheduler:
                client = stack.enter_context(distributed.Client(scheduler, timeout="10s"))
            else:
                cluster = stack.enter_context(
                    distributed.LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                )
                client = stack.enter_context(distributed.Client(cluster))
        except OSError as exc:  # no scheduler at that address
            raise LoaderError(f"cannot reach the Dask scheduler: {exc}") from None
        except RuntimeError as exc:  # a local worker did not start
            raise LoaderError(
                f"the local Dask cluster did not start ({exc}); a script that starts one "
                "must do so under 'if __name__ == \"__main__\":'"
            ) from None
        yield client


def read_on_dask(
    files: Sequence[Path],
    folder: Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    known: KnownGraphs | None = None,
) -> Iterator[Shard]:
    """Map ``files`` to shards in ``folder`` on Dask; yield each shard as it is finished.

    Shards come in the order they finish, not in partition order; a file
    whose graphs are all current in ``known`` is not read.

    Raises:
        UsageError: Dask is not installed.
        LoaderError: the scheduler cannot be reached, or a partition failed on the
            cluster (a worker died, or the shard folder is not writable there).
    """
    parts = partitions(files, workers)
    if not parts:
        return
    distributed = _dask()
    with _client(scheduler, workers) as client:
        # once to every worker, not into each task; in a list, as scatter splits collections
        shared = client.scatter([known], broadcast=True)[0] if known else KnownGraphs()
        futures = [
            client.submit(write_shard, part, str(folder), index, shared, pure=False)
            for index, part in enumerate(parts)
        ]
        try:
            for future in distributed.as_completed(futures):
                try:
                    shard = future.result()
                except LoaderError:
                    raise
                except Exception as exc:  # a worker's failure, as Dask reports it
                    message = " ".join(str(exc).split())[:300] or type(exc).__name__
                    raise LoaderError(f"a partition failed on the Dask cluster: {message}") from exc
                yield shard
        finally:
            for future in futures:
                future.cancel()
