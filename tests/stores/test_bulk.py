"""The SPARQL servers' bulk loaders as summit-kg drives them, against stand-in programs.

The real loads (Virtuoso's ``ld_dir`` and the Graph Store Protocol) are tested against
Virtuoso in ``test_virtuoso.py``; here isql is a script that answers as isql does when
a load goes wrong, so each failure is one clear :class:`StoreError`.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.stores.bulk import VirtuosoBulkLoader, bulk_loader_from_env
from kg.stores.sparql import SparqlEndpoint


def _isql(tmp_path: Path, output: str, code: int = 0) -> str:
    """A stand-in isql that reads its script and prints ``output``."""
    program = tmp_path / "isql"
    program.write_text(f"#!/bin/sh\ncat >/dev/null\ncat <<'EOF'\n{output}\nEOF\nexit {code}\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return str(program)


@pytest.mark.parametrize(
    ("output", "code", "message"),
    [
        (
            "*** Error 42000: [Virtuoso Driver][Virtuoso Server]FA003: Access to '/data' is "
            "denied due to access control in ini file",
            0,
            "list .* under DirsAllowed",
        ),
        ("summit-kg-load  2  37000 SP029: TURTLE RDF loader, line 3: syntax error", 0, "SP029"),
        ("summit-kg-load  0  NULL", 0, "did not load the shard"),
        ("", 0, "the file was not listed"),
        ("*** Error 28000: Bad login", 1, "Bad login"),
    ],
)
def test_a_failed_virtuoso_load_is_one_store_error(
    tmp_path: Path, output: str, code: int, message: str
) -> None:
    shard = tmp_path / "part-00000.nq"
    shard.write_text("")
    loader = VirtuosoBulkLoader(
        "127.0.0.1:1111", "dba", "secret", isql=_isql(tmp_path, output, code)
    )
    with pytest.raises(StoreError, match=message):
        loader.load(shard, ["urn:g"])


def test_a_loaded_shard_passes(tmp_path: Path) -> None:
    shard = tmp_path / "part-00000.nq"
    shard.write_text("")
    loader = VirtuosoBulkLoader("127.0.0.1:1111", isql=_isql(tmp_path, "summit-kg-load  2  NULL"))
    loader.load(shard, ["urn:g"])


def test_the_password_is_not_shown() -> None:
    assert "secret" not in repr(VirtuosoBulkLoader("127.0.0.1:1111", "dba", "secret"))


@pytest.mark.parametrize("address", ["127.0.0.1", "host:port", "a b:1", "127.0.0.1:1;rm"])
def test_an_isql_address_must_be_host_and_port(address: str) -> None:
    with pytest.raises(StoreError, match="not an isql address"):
        VirtuosoBulkLoader(address)


def test_the_environment_chooses_the_graph_store_protocol() -> None:
    endpoint = SparqlEndpoint("http://127.0.0.1:9/sparql")
    loader = bulk_loader_from_env(endpoint, {"SUMMIT_KG_SPARQL_GSP_URL": "http://127.0.0.1:9/gsp"})
    assert type(loader).__name__ == "GraphStoreLoader"
