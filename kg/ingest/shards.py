"""Extraction as a pure map from source files to N-Quads shards, each with its manifest.

A partition of source files is read by :func:`write_shard`, in any process on any
machine that sees the files and the shard folder (a Dask worker, see
:mod:`kg.ingest.cluster`): every document's triples go to one N-Quads file,
``part-NNNNN.nq``, each in its own named graph, and ``part-NNNNN.json`` lists
each document (graph IRI, content hash, triple count, source file) and each file
that failed. Both are written under a temporary name and renamed, so a shard
that exists is whole. :func:`write_manifest` joins the pieces into
``manifest.json``; a store's :meth:`~kg.stores.Store.load_shard` hands a shard
to its bulk loader and registers its documents only once their quads are in.

Examples:
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.md").write_text("# Talks in Oslo\\n\\nNorway and Sweden met.\\n")
    >>> shard = write_shard([str(folder / "a.md")], str(folder / "out"), 0)
    >>> shard.path.name, len(shard.documents), shard.documents[0].source
    ('part-00000.nq', 1, 'a.md')
    >>> shard.documents[0].triples == len(shard.path.read_text().splitlines())
    True
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rdflib import URIRef

from kg.errors import LoaderError
from kg.ingest import FileReport, KnownGraphs, read_source
from kg.rdf.namespaces import SKG
from kg.sparql.engines import sparql_term

__all__ = ["MANIFEST", "Shard", "ShardDocument", "read_manifest", "write_manifest", "write_shard"]

MANIFEST = "manifest.json"
"""The joined manifest of a shard folder."""
_HASH = re.compile(r'"([0-9a-f]{16,128})"')


@dataclass(frozen=True)
class ShardDocument:
    """One document in a shard: its graph IRI, content hash, triple count and source file."""

    iri: str
    hash: str | None
    triples: int
    source: str


@dataclass(frozen=True)
class Shard:
    """One partition's N-Quads file, the documents in it, and every file's report, in order."""

    path: Path
    documents: tuple[ShardDocument, ...]
    reports: tuple[FileReport, ...]

    @property
    def iris(self) -> tuple[str, ...]:
        """The graph IRIs of the shard's documents, in order."""
        return tuple(document.iri for document in self.documents)


def _graph_hash(iri: str, statements: Iterable[str]) -> str | None:
    """The content hash the graph's own document carries (``skg:contentHash``), if any."""
    head = f"{sparql_term(URIRef(iri))} {sparql_term(SKG.contentHash)} "
    for statement in statements:
        if statement.startswith(head):
            found = _HASH.fullmatch(statement[len(head) :])
            if found:
                return found.group(1)
    return None


def _replace_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` whole: a temporary file, synced, then renamed."""
    draft = target.with_name(f".{target.name}.tmp")
    with draft.open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(draft, target)


def write_shard(
    files: Sequence[str], folder: str, index: int, known: KnownGraphs | None = None
) -> Shard:
    """Read ``files`` into ``folder/part-INDEX.nq`` and its manifest piece; the map step.

    A file whose graphs are all current in ``known`` is reported unchanged and not
    read (one an older reader made is read again, as :func:`~kg.ingest.read_source` says);
    a file that cannot be read is reported with its error. Pure but for the two
    files it writes: the same files give the same shard.

    Raises:
        LoaderError: the shard folder cannot be written.
    """
    out = Path(folder)
    name = f"part-{index:05d}"
    documents: list[ShardDocument] = []
    reports: list[FileReport] = []
    lines: list[str] = []
    for source in files:
        report, graphs = read_source(Path(source), True, known or KnownGraphs())
        reports.append(report)
        for data in graphs:
            statements = data.text_statements()
            graph = sparql_term(data.iri)
            lines.extend(f"{statement} {graph} .\n" for statement in statements)
            iri = str(data.iri)
            documents.append(
                ShardDocument(iri, _graph_hash(iri, statements), data.count, Path(source).name)
            )
    piece = {
        "shard": f"{name}.nq",
        "documents": [asdict(document) for document in documents],
        "failed": [
            {"source": str(report.path), "error": report.error}
            for report in reports
            if report.error is not None
        ],
    }
    try:
        out.mkdir(parents=True, exist_ok=True)
        _replace_atomically(out / f"{name}.nq", "".join(lines))
        _replace_atomically(out / f"{name}.json", json.dumps(piece, indent=1) + "\n")
    except OSError as exc:
        raise LoaderError(f"cannot write shard {name}: {exc.strerror}", path=out) from exc
    return Shard(out / f"{name}.nq", tuple(documents), tuple(reports))


def write_manifest(folder: Path, shards: Sequence[Shard]) -> Path:
    """Join the shards' manifest pieces into ``folder/manifest.json``, in partition order.

    Raises:
        LoaderError: the manifest cannot be written.
    """
    joined = {
        "format": "summit-kg shards 1",
        "shards": [
            {"shard": shard.path.name, "documents": [asdict(d) for d in shard.documents]}
            for shard in sorted(shards, key=lambda shard: shard.path.name)
        ],
    }
    target = folder / MANIFEST
    try:
        _replace_atomically(target, json.dumps(joined, indent=1) + "\n")
    except OSError as exc:
        raise LoaderError(f"cannot write the manifest: {exc.strerror}", path=target) from exc
    return target


def read_manifest(folder: Path) -> list[tuple[Path, tuple[ShardDocument, ...]]]:
    """Each shard of a folder with its documents, as ``manifest.json`` lists them.

    Raises:
        LoaderError: no manifest, or one that is not a summit-kg shard manifest.
    """
    target = folder / MANIFEST
    try:
        joined = json.loads(target.read_text(encoding="utf-8"))
        return [
            (
                folder / Path(entry["shard"]).name,
                tuple(ShardDocument(**document) for document in entry["documents"]),
            )
            for entry in joined["shards"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LoaderError(f"not a shard manifest: {exc}", path=target) from exc
