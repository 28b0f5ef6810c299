"""SPARQL servers' own ways to take many documents at once, for shards (:mod:`kg.ingest.shards`).

* :class:`VirtuosoBulkLoader`: Virtuoso's bulk loader, ``ld_dir`` then
  ``rdf_loader_run``, run through ``isql`` on the server's SQL port. The server
  reads the shard file itself, so the shard folder must be on a file system it
  sees and listed under ``DirsAllowed`` in its ``virtuoso.ini``.
* :class:`GraphStoreLoader`: the SPARQL 1.1 Graph Store HTTP Protocol, one ``PUT``
  of N-Triples per document graph, for any server that implements it (Fuseki,
  GraphDB, Oxigraph server, Virtuoso's ``/sparql-graph-crud``, QLever).

Both write the documents' own graphs only; :class:`~kg.stores.sparql.SparqlStore`
then adds them to the union graph and registers them, so a document is listed
only once its quads are in. :func:`bulk_loader_from_env` picks one from
``SUMMIT_KG_VIRTUOSO_ISQL`` (``HOST:PORT``, with ``SUMMIT_KG_VIRTUOSO_USER``
and ``SUMMIT_KG_VIRTUOSO_PASSWORD``) or ``SUMMIT_KG_SPARQL_GSP_URL``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg.errors import StoreError
from kg.stores.base import read_shard

if TYPE_CHECKING:
    from kg.stores.sparql import SparqlEndpoint

__all__ = ["BulkLoader", "GraphStoreLoader", "VirtuosoBulkLoader", "bulk_loader_from_env"]

ISQL_TIMEOUT = 3600.0
"""Seconds one shard's load through isql may take."""
_ADDRESS = re.compile(r"[A-Za-z0-9.\-]+:[0-9]{1,5}|\[[0-9A-Fa-f:]+\]:[0-9]{1,5}")


class BulkLoader(Protocol):
    """Writes the document graphs of one shard into a server, each graph whole."""

    def load(self, shard: Path, documents: Sequence[str]) -> None:
        """Write the graphs ``documents`` of ``shard``.

        Raises:
            StoreError: the server refused the shard or could not be reached.
        """


def _sql_string(text: str) -> str:
    """``text`` as an SQL string literal.

    Examples:
        >>> _sql_string("/data/o'brien")
        "'/data/o''brien'"
    """
    if "\x00" in text:
        raise StoreError("a shard path cannot hold a NUL character")
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class VirtuosoBulkLoader:
    """Virtuoso's ``ld_dir`` and ``rdf_loader_run`` through ``isql`` (``HOST:PORT``, a user
    with the right to run them, usually ``dba``)."""

    address: str
    user: str = "dba"
    password: str = field(default="", repr=False)
    isql: str | None = None

    def __post_init__(self) -> None:
        if not _ADDRESS.fullmatch(self.address):
            raise StoreError(f"not an isql address (HOST:PORT): '{self.address}'")

    def _program(self) -> str:
        found = self.isql or shutil.which("isql-vt") or shutil.which("isql")
        if not found:
            raise StoreError("Virtuoso's bulk loader needs isql-vt (virtuoso-opensource) on PATH")
        return found

    def load(self, shard: Path, documents: Sequence[str]) -> None:
        """Have the server read ``shard`` (N-Quads, each quad in its document's graph).

        Raises:
            StoreError: isql failed, the server may not read the folder, or the load
                reported an error for the file.
        """
        path = shard.resolve()
        file = _sql_string(str(path))
        script = (
            f"DELETE FROM DB.DBA.load_list WHERE ll_file = {file};\n"
            f"ld_dir({_sql_string(str(path.parent))}, {_sql_string(path.name)}, "
            "'urn:summit-kg:no-graph');\n"
            "rdf_loader_run();\n"
            "checkpoint;\n"
            f"SELECT 'summit-kg-load', ll_state, ll_error FROM DB.DBA.load_list "
            f"WHERE ll_file = {file};\n"
            f"DELETE FROM DB.DBA.load_list WHERE ll_file = {file};\n"
        )
        command = [
            self._program(),
            self.address,
            self.user,
            self.password,
            "VERBOSE=OFF",
            "BANNER=OFF",
            "PROMPT=OFF",
            "ECHO=OFF",
            "ERRORS=STDOUT",
        ]
        try:
            done = subprocess.run(
                command,
                input=script,
                capture_output=True,
                text=True,
                timeout=ISQL_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise StoreError(f"cannot run isql for Virtuoso's bulk loader: {exc}") from None
        output = done.stdout + done.stderr
        error = next((line for line in output.splitlines() if line.startswith("*** Error")), None)
        if done.returncode != 0 or error is not None:
            why = " ".join((error or output).split())[:300]
            if "FA003" in why:
                why += f" (list {path.parent} under DirsAllowed in virtuoso.ini)"
            raise StoreError(f"Virtuoso's bulk loader failed: {why}", path=shard)
        state = next(
            (line.split(None, 2) for line in output.splitlines() if "summit-kg-load" in line), None
        )
        if state is None or state[1] != "2" or state[2].strip() != "NULL":
            why = (
                " ".join(" ".join(state[1:]).split())[:300] if state else "the file was not listed"
            )
            raise StoreError(f"Virtuoso's bulk loader did not load the shard: {why}", path=shard)


@dataclass(frozen=True)
class GraphStoreLoader:
    """The SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT`` of N-Triples per document graph
    to ``url?graph=IRI`` (through the store's endpoint: its auth, deadline and limits)."""

    url: str
    endpoint: SparqlEndpoint
    timeout: float = 300.0

    def load(self, shard: Path, documents: Sequence[str]) -> None:
        """PUT each document graph of ``shard``; each is replaced whole by the server.

        Raises:
            StoreError: a PUT failed (the graphs before it are written, not yet listed).
        """
        from kg.stores.sparql import RequestBody  # sparql imports this module

        for data in read_shard(shard, documents):
            body = "".join(f"{statement} .\n" for statement in data.text_statements())
            separator = "&" if "?" in self.url else "?"
            target = f"{self.url}{separator}{urllib.parse.urlencode({'graph': str(data.iri)})}"
            self.endpoint.send(
                target,
                RequestBody(body.encode("utf-8"), "application/n-triples", "PUT"),
                "*/*",
                self.timeout,
            )


def bulk_loader_from_env(
    endpoint: SparqlEndpoint, env: Mapping[str, str] | None = None
) -> BulkLoader | None:
    """The bulk loader the environment names for a SPARQL store, if any.

    Examples:
        >>> from kg.stores.sparql import SparqlEndpoint
        >>> point = SparqlEndpoint("http://127.0.0.1:8890/sparql")
        >>> bulk_loader_from_env(point, {"SUMMIT_KG_VIRTUOSO_ISQL": "127.0.0.1:1111"})
        VirtuosoBulkLoader(address='127.0.0.1:1111', user='dba', isql=None)
        >>> bulk_loader_from_env(point, {}) is None
        True
    """
    env = os.environ if env is None else env
    if address := env.get("SUMMIT_KG_VIRTUOSO_ISQL"):
        return VirtuosoBulkLoader(
            address,
            env.get("SUMMIT_KG_VIRTUOSO_USER") or "dba",
            env.get("SUMMIT_KG_VIRTUOSO_PASSWORD", ""),
        )
    if url := env.get("SUMMIT_KG_SPARQL_GSP_URL"):
        return GraphStoreLoader(url, endpoint)
    return None
