"""Bulk ingest: read source files in worker processes, write each document whole, in order.

The pipeline streams: at most ``4 × jobs`` files are in flight (and three
batches, for a store that takes them), so memory is bounded by the largest
documents, not by the corpus. Each file is read by
its loader in a worker (``jobs`` processes; one reads in-process), turned
into :class:`~kg.stores.GraphData` in the form the store wants, and written
by the parent, each document all or nothing: one per store call, or, for a
store that takes batches (Oxigraph) and at least :data:`BATCHED_FROM` files,
many per :meth:`~kg.stores.Store.put_batch`. Files whose
graphs are all in the store already (same content hash, so same IRIs) are
skipped before parsing, so an interrupted ingest can simply be run again;
but a text whose stored graph an older reader made (its ``skg:readerVersion``
below :data:`~kg.rdf.mapping.READER_VERSION`, or none) is read again and
its graph replaced (``FileReport.reread``), and ``skip_unchanged=False``
reads every file again.

``strict`` reads every file before writing any, and stops at the first bad
one with nothing written; the default reports bad files and writes the rest.

Examples:
    >>> from kg.stores import open_store
    >>> summary = ingest(open_store("memory"), [])     # the embedded default
    >>> summary.written, summary.skipped, summary.failed
    (1, 0, 0)
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import shutil
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Literal
from rdflib.namespace import RDF

from kg.errors import LoaderError, StoreError, UsageError
from kg.loaders import Loaded, loader_for
from kg.loaders.sources import expand_sources
from kg.rdf.iris import document_iri
from kg.rdf.mapping import READER_VERSION
from kg.rdf.namespaces import ID, SKG
from kg.resources import default_sources
from kg.stores.base import LARGE_GRAPH, GraphData, Store

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "COUNTED",
    "EXECUTORS",
    "MEMORY_INPUT_BYTES",
    "FileReport",
    "IngestSummary",
    "KnownGraphs",
    "default_jobs",
    "ingest",
    "input_bytes",
    "read_source",
    "release_freed_memory",
]

COUNTED = {
    "tables": SKG.Table,
    "rows": SKG.TableRow,
    "lists": SKG.List,
    "items": SKG.ListItem,
    "summits": SKG.Summit,
    "topics": SKG.Topic,
    "outcomes": SKG.Outcome,
    "concerns": SKG.Concern,
    "recommendations": SKG.Recommendation,
}
"""What ``build --report`` counts per file: parts read and claims made."""
PARALLEL_FROM = 32
"""Fewer files than this are read in-process: starting workers costs about a second."""
EXECUTORS = ("processes", "dask")
"""Where files are read: a process pool here, or a Dask cluster (into N-Quads shards)."""
BATCHED_FROM = 32
"""Fewer files than this are written one at a time, even to a store that takes batches."""
FIRST_BATCH = 2_000
"""Statements in the first batch; each next one is twice as large, up to the store's
``batch_statements``, so an ingest stopped early has still written its first documents."""
BATCH_FILES = 512
"""Files at most in one batch (files skipped as unchanged count, though they add nothing)."""


@dataclass(frozen=True)
class FileReport:
    """What loading one file gave: triples, parts and claims counted, skipped lines, or an error.

    ``unchanged`` files were not read: their graphs are in the store already.
    ``reread`` files were in the store already too, but their graphs were made by an
    older reader (:data:`~kg.rdf.mapping.READER_VERSION`): they were read again and
    their graphs replaced.
    """

    path: Path
    triples: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[tuple[int, str], ...] = ()
    error: str | None = None
    unchanged: bool = False
    reread: bool = False
    failure: LoaderError | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, loaded: Loaded) -> FileReport:
        """Count the tables, lists and claims in what a loader read."""
        names = {klass: name for name, klass in COUNTED.items()}
        counts = dict.fromkeys(COUNTED, 0)
        triples = 0
        a = RDF.type  # once: rdflib makes a new term on each access
        for _, graph in loaded.graphs:
            triples += len(graph)
            for _, p, o in graph:
                if p == a and o in names:
                    counts[names[o]] += 1  # type: ignore[index]
        return cls(loaded.path, triples, counts, loaded.warnings)


@dataclass
class IngestSummary:
    """Totals of one ingest: files written, skipped as unchanged, failed; triples written.

    ``reread`` counts the files among those written whose graphs were in the store
    already, made by an older reader (see :class:`FileReport`).
    """

    written: int = 0
    skipped: int = 0
    failed: int = 0
    triples: int = 0
    reread: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def files(self) -> int:
        """Every file seen."""
        return self.written + self.skipped + self.failed


def default_jobs() -> int:
    """Reader processes by default: one per core this process may use, less the writer's.

    The writer thread needs a core of its own: on 2 cores (and a busy machine), 2,000
    articles went into Oxigraph in batches at 85-114 articles/s with 1 reader and at 60/s
    with 2.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores - 1)


MEMORY_INPUT_BYTES = 256_000
"""Input from which ``build`` without a store reads into a temporary Oxigraph store instead
of the memory store. rdflib holds about 2.5 KB a triple: 390-610 times the size of a table
(a 20,000-row CSV of 4 MB took 1,555 MB, a 5,000-row Markdown table of 0.9 MB 551 MB),
where the Oxigraph build of the same CSV took 340 MB. From about 100 articles (90 KB)
Oxigraph is also the faster (2.0 s against 2.7 s, 102 MB against 114 MB)."""


def input_bytes(sources: Iterable[str | Path], *, follow_links: bool = False) -> int:
    """The size in bytes of the files ``sources`` name (folders and globs expanded); 0 when
    they cannot be listed (the ingest then reports why).

    Examples:
        >>> input_bytes([])
        0
        >>> input_bytes(["no/such/file.md"])
        0
    """
    given = list(sources)
    if not given:
        return 0
    try:
        files = expand_sources(given, follow_links=follow_links, on_link_out=lambda _: None)
        return sum(path.stat().st_size for path in files)
    except (LoaderError, OSError):
        return 0


@dataclass(frozen=True)
class KnownGraphs:
    """The store's graphs, as an ingest checks each file's graphs against them before reading.

    A file whose graphs are all ``current`` is skipped as unchanged. ``stale`` are
    graphs of texts (articles, pages, tables) that carry their own hash but were made
    by an older reader: a file whose graphs are all known, some of them stale, is read
    again (``FileReport.reread``). Empty (false) when nothing is to be skipped.
    """

    current: frozenset[str] = frozenset()
    stale: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.current or self.stale)


_KNOWN = KnownGraphs()


_DOCUMENT_SPACE = str(ID["doc/"])


def _unchanged_candidates(store: Store) -> KnownGraphs:
    """The graphs a file may be skipped for: an article's only while it carries its own hash
    and the current reader version (:data:`~kg.rdf.mapping.READER_VERSION`) or a later one.

    An article's graph name is made of its text's hash; a graph of that name
    that does not hold the document node with that hash (data written some
    other way) is no reason to skip the article: reading it replaces the graph.
    One that holds it, made by an older reader (or one that recorded no
    version), is ``stale``: reading it again replaces the graph too. Other
    graphs (RDF files, loaded as they are) are skipped by name alone. One
    query for the whole store (:meth:`~kg.stores.Store.graph_stamps`).
    """
    current: set[str] = set()
    stale: set[str] = set()
    for iri, (digest, reader) in store.graph_stamps().items():
        if not iri.startswith(_DOCUMENT_SPACE):
            current.add(iri)
        elif digest is not None and str(document_iri(digest)) == iri:
            (current if reader is not None and reader >= READER_VERSION else stale).add(iri)
    return KnownGraphs(frozenset(current), frozenset(stale))


def _remember(known: KnownGraphs) -> None:
    """Worker initialiser: the graph IRIs the store held when the ingest began."""
    global _KNOWN
    _KNOWN = known


def _with_file_name(loaded: Loaded, loader: str) -> Loaded:
    """What a loader read, each document also naming the file it came from (``skg:fileName``).

    RDF files name their own graphs and documents: they are taken as they are.
    """
    if loader == "rdf":
        return loaded
    name = Literal(loaded.path.name)
    graphs = tuple((iri, (*triples, (iri, SKG.fileName, name))) for iri, triples in loaded.graphs)
    return Loaded(loaded.path, graphs, loaded.warnings)


def read_source(
    path: Path, as_text: bool = True, known: KnownGraphs | None = None
) -> tuple[FileReport, tuple[GraphData, ...]]:
    """Read one file into its graphs, or report why not; never raises for bad input.

    With ``known`` graphs, a file whose graphs are all current is not read
    (``FileReport.unchanged``); one whose graphs are all known, some made by an
    older reader, is read again (``FileReport.reread``).
    """
    known = _KNOWN if known is None else known
    reread = False
    try:
        loader = loader_for(path)
        if known:
            ids = {str(iri) for iri in loader.identify(path) or ()}
            if ids and ids <= known.current:
                return FileReport(path, unchanged=True), ()
            reread = bool(ids) and all(i in known.current or i in known.stale for i in ids)
        loaded = _with_file_name(loader.read(path), loader.name)
        graphs = tuple(GraphData.of(iri, graph, as_text=as_text) for iri, graph in loaded.graphs)
    except LoaderError as exc:
        return FileReport(path, error=str(exc), failure=exc), ()
    except (RecursionError, ValueError, OSError, UnicodeError) as exc:  # a reader's own failure
        error = LoaderError(f"cannot read: {type(exc).__name__}: {exc}", path=path)
        return FileReport(path, error=str(error), failure=error), ()
    report = FileReport.of(loaded)
    return (replace(report, reread=True) if reread else report), graphs


def _read_all(
    files: Sequence[Path], jobs: int, as_text: bool, known: KnownGraphs
) -> Iterator[tuple[FileReport, tuple[GraphData, ...]]]:
    """Read ``files`` in order, in ``jobs`` worker processes when there are enough of them."""
    if jobs <= 1 or len(files) < PARALLEL_FROM:
        for path in files:
            yield read_source(path, as_text, known)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pending: deque[Future[tuple[FileReport, tuple[GraphData, ...]]]] = deque()
    queue = iter(files)
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_remember, initargs=(known,)
    ) as pool:
        try:
            for path in queue:
                pending.append(pool.submit(read_source, path, as_text))
                if len(pending) >= 4 * jobs:
                    break
            while pending:
                result = pending.popleft().result()
                following = next(queue, None)
                if following is not None:
                    pending.append(pool.submit(read_source, following, as_text))
                yield result
        except BrokenProcessPool:
            raise LoaderError(
                "a reader process crashed; the documents written so far are kept, "
                "run the command again to go on"
            ) from None
        finally:
            for future in pending:
                future.cancel()


def ingest(
    store: Store,
    sources: Iterable[str | Path],
    *,
    strict: bool = False,
    jobs: int = 1,
    skip_unchanged: bool = True,
    follow_links: bool = False,
    progress: bool | None = False,
    on_file: Callable[[FileReport], None] | None = None,
    executor: str = "processes",
    scheduler: str | None = None,
    shards: Path | None = None,
) -> IngestSummary:
    """Read ``sources`` (none: the embedded default) into ``store``, one document at a time.

    Args:
        follow_links: read links in a folder to files outside it (they are
            reported as failed, and not read, by default).
        jobs: worker processes reading files (1: read in this process); with
            the ``dask`` executor and no scheduler, the local cluster's workers.
        executor: ``processes`` (a process pool on this machine) or ``dask``:
            the files are read on a Dask cluster into N-Quads shards that the
            store's bulk loader takes (:mod:`kg.ingest.cluster`, :mod:`kg.ingest.shards`).
        scheduler: the Dask scheduler's address (none: a local cluster).
        shards: the folder the shards and their manifest go to, kept after the
            ingest (none: a temporary folder, removed); with a scheduler, a
            folder every worker and this process see.
        skip_unchanged: do not read files whose graphs the store holds already, unless
            an older reader made them (``False``: read every file again, as
            ``build --reread`` does).
        progress: a progress bar on stderr (``None``: only when it is a terminal).
        on_file: called with each file's report, in order, as it is done.

    Raises:
        LoaderError: a source path is missing or not local, or (``strict``) a file is bad.
        StoreError: the store refused a write (the documents before it are kept).
        UsageError: an unknown executor, Dask missing, or a scheduler without ``shards``.
    """
    if executor not in EXECUTORS:
        raise UsageError(f"unknown executor '{executor}' (choose from {', '.join(EXECUTORS)})")
    if scheduler and executor != "dask":
        raise UsageError("a scheduler address needs the dask executor")
    if scheduler and shards is None:
        raise UsageError("with a Dask scheduler, give a shard folder that its workers can write to")
    given = list(sources)
    links_out: list[LoaderError] = []
    files = (
        expand_sources(
            given, follow_links=follow_links, on_link_out=None if strict else links_out.append
        )
        if given
        else default_sources()
    )
    known = _unchanged_candidates(store) if skip_unchanged and store.persistent else KnownGraphs()
    summary = IngestSummary()
    results = (
        _read_all(files, min(jobs, len(files)), store.wants_text, known)
        if executor == "processes"
        else iter(())
    )
    if strict and executor == "processes":
        staged = []
        for report, graphs in results:
            if report.failure is not None:
                raise report.failure
            staged.append((report, graphs))
        results = iter(staged)
    bar = _progress_bar(len(files), progress)

    def record(report: FileReport, triples: int) -> None:
        if report.error is not None:
            summary.failed += 1
            summary.errors.append(report.error)
        elif report.unchanged:
            summary.skipped += 1
        else:
            summary.written += 1
            summary.reread += report.reread
            summary.triples += triples
        if on_file is not None:
            on_file(report)
        if bar is not None:
            bar.update()

    for refused in links_out:
        assert refused.path is not None
        record(FileReport(Path(refused.path), error=str(refused), failure=refused), 0)
    if executor == "dask":
        try:
            _ingest_on_dask(store, files, known, strict, jobs, scheduler, shards, record)
        finally:
            if bar is not None:
                bar.close()
        store.flush()
        store.optimize()
        return summary
    batch = store.batch_statements if len(files) >= BATCHED_FROM else 0
    writer = _Writer(store, depth=4 * max(jobs, 1), batch_statements=batch)
    try:
        for report, graphs in results:
            writer.submit(report, graphs)
            writer.finished(record)
        writer.close()
        writer.finished(record)
    except BaseException:
        writer.stop()
        writer.finished(record)
        with contextlib.suppress(StoreError):  # keep what was written; the error says more
            store.flush()
        raise
    finally:
        if bar is not None:
            bar.close()
    store.flush()
    if batch:
        store.optimize()
    if summary.triples >= LARGE_GRAPH:
        release_freed_memory()
    return summary


def release_freed_memory() -> None:
    """Hand the memory a large ingest freed back to the system (glibc's ``malloc_trim``, as
    Dask's workers do); elsewhere nothing. The heap keeps freed pages otherwise, and whatever
    runs next (an export, a query) adds its own on top: a 20,000-row table built and
    exported in one process peaked 18 MB higher."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # not glibc: no malloc_trim
        ctypes.CDLL(None).malloc_trim(0)


def _ingest_on_dask(
    store: Store,
    files: Sequence[Path],
    known: KnownGraphs,
    strict: bool,
    workers: int,
    scheduler: str | None,
    shards: Path | None,
    record: Callable[[FileReport, int], None],
) -> None:
    """Read ``files`` on Dask into shards and bulk-load each shard as it is finished.

    The shards' manifest is written once every shard is loaded; a temporary
    shard folder is removed in any case. ``strict`` waits for every shard and
    loads none when a file failed.
    """
    from kg.ingest.cluster import read_on_dask
    from kg.ingest.shards import write_manifest

    folder = shards if shards is not None else Path(tempfile.mkdtemp(prefix="summit-kg-shards-"))
    loaded = []
    try:
        stream: Iterable[Any] = read_on_dask(
            files, folder, scheduler=scheduler, workers=max(1, workers), known=known
        )
        if strict:
            stream = list(stream)
            for shard in stream:
                for report in shard.reports:
                    if report.failure is not None:
                        raise report.failure
        for shard in stream:
            if shard.documents:
                store.load_shard(shard.path, shard.iris)
            loaded.append(shard)
            for report in shard.reports:
                record(report, report.triples)
        if shards is not None:
            write_manifest(folder, loaded)
    except BaseException:
        with contextlib.suppress(StoreError):  # keep what was written; the error says more
            store.flush()
        raise
    finally:
        if shards is None:
            shutil.rmtree(folder, ignore_errors=True)


class _Writer:
    """Writes documents in order in a background thread, so reading and writing overlap.

    The stores' writes (Oxigraph's RocksDB, a SPARQL server's HTTP) release
    the GIL, so a document is written while the next one is parsed. With
    ``batch_statements``, files are gathered into batches written by one
    :meth:`~kg.stores.Store.put_batch` (from :data:`FIRST_BATCH` statements,
    doubling up to ``batch_statements``) and at most one batch waits;
    otherwise each file is written alone and at most ``depth`` wait. A write
    error stops the writer and is raised by the next :meth:`submit` or by
    :meth:`close`.
    """

    def __init__(self, store: Store, depth: int, batch_statements: int = 0) -> None:
        self.store = store
        self.limit = batch_statements
        self.size = min(FIRST_BATCH, batch_statements)
        self.gathered: list[tuple[FileReport, tuple[GraphData, ...]]] = []
        self.statements = 0
        self.todo: queue.Queue[list[tuple[FileReport, tuple[GraphData, ...]]] | None]
        self.todo = queue.Queue(1 if batch_statements else depth)
        self.done: queue.Queue[tuple[FileReport, int]] = queue.Queue()
        self.error: BaseException | None = None
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="summit-kg-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (batch := self.todo.get()) is not None:
            if self.error is not None or self.stopped.is_set():
                continue  # drain what was queued without writing it
            try:
                self._write(batch)
            except BaseException as exc:  # handed to the reading thread
                self.error = exc

    def _write(self, batch: list[tuple[FileReport, tuple[GraphData, ...]]]) -> None:
        """Write one batch, then report its files; after a failed batch, one file at a time,
        so the error names its file and the files before it are kept."""
        if len(batch) > 1:
            try:
                self.store.put_batch([data for _, graphs in batch for data in graphs])
            except StoreError:
                pass  # each graph is whole or absent: write them again one by one
            else:
                for report, graphs in batch:
                    self.done.put((report, sum(data.count for data in graphs)))
                return
        for report, graphs in batch:
            for data in graphs:
                self.store.put(data)
            self.done.put((report, sum(data.count for data in graphs)))

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def submit(self, report: FileReport, graphs: tuple[GraphData, ...]) -> None:
        """Queue one file's graphs (waits while the queue is full)."""
        self._raise()
        self.gathered.append((report, graphs))
        self.statements += sum(data.count for data in graphs)
        if self.statements >= self.size or len(self.gathered) >= BATCH_FILES:
            self._send()

    def _send(self) -> None:
        if self.gathered:
            self.todo.put(self.gathered)
            self.size = min(2 * self.size, self.limit)
        self.gathered, self.statements = [], 0

    def finished(self, record: Callable[[FileReport, int], None]) -> None:
        """Call ``record`` for every file written so far, in order."""
        while True:
            try:
                record(*self.done.get_nowait())
            except queue.Empty:
                return

    def close(self) -> None:
        """Wait for every queued write; raise the first write error."""
        self._send()
        self.todo.put(None)
        self.thread.join()
        self._raise()

    def stop(self) -> None:
        """Finish the write in progress, drop the rest, and wait (after an interrupt)."""
        self.stopped.set()  # the writer now skips what is queued, so the queue drains
        self.gathered, self.statements = [], 0
        self.todo.put(None)
        self.thread.join()


def _progress_bar(total: int, progress: bool | None) -> Any:
    """A tqdm bar in documents per second on stderr, or ``None`` when quiet."""
    show = sys.stderr.isatty() if progress is None else progress
    if not show or total < 2:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
