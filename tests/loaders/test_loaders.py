"""Unit tests for input handling: loader registry, sources, the RDF loader, atomic loading."""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

import kg.loaders.sources
from kg.errors import LoaderError
from kg.graph import SummitGraph
from kg.loaders import LOADERS, known_suffixes, loader_for
from kg.loaders import article as article_loader
from kg.loaders import rdf as rdf_loader
from kg.loaders.sources import expand_sources, read_text
from kg.rdf.namespaces import ID, SKG
from tests.support.paths import FIXTURES

EX = "http://example.org/"
ARTICLE = "Trump and Putin Set to Meet in Alaska\nTalks are planned for next week.\n"

# rdflib's TriG and JSON-LD parsers build a deprecated ConjunctiveGraph internally;
# the project turns warnings into errors, so tests of those formats silence it.
IGNORE_CONJUNCTIVE = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load_rdf(path: Path) -> dict[str, set[tuple[str, str, str]]]:
    return {
        str(iri): {tuple(str(t) for t in triple) for triple in graph}
        for iri, graph in rdf_loader.load(path)
    }


# --- loader_for -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "loader"),
    [
        ("briefing.md", "article"),
        ("briefing.markdown", "article"),
        ("notes.txt", "article"),
        ("UPPER.MD", "article"),
        ("dir.v2/a.md", "article"),
        ("data.ttl", "rdf"),
        ("data.nt", "rdf"),
        ("data.nq", "rdf"),
        ("data.trig", "rdf"),
        ("data.jsonld", "rdf"),
        ("data.TTL", "rdf"),
        ("outcomes.csv", "table"),
        ("outcomes.TSV", "table"),
    ],
)
def test_loader_for_by_suffix(name: str, loader: str):
    spec = loader_for(name)
    assert spec.name == loader
    assert spec is LOADERS[loader]


def test_loader_for_by_name_overrides_the_suffix():
    assert loader_for("export.md", format="rdf").name == "rdf"
    assert loader_for(Path("a.ttl"), format="article").name == "article"


def test_loader_for_unknown_suffix_lists_the_known_ones():
    with pytest.raises(LoaderError) as info:
        loader_for("notes.xlsx")
    assert str(info.value) == (
        "notes.xlsx: no loader for '.xlsx'. Known: article (.md, .markdown, .txt), "
        "html (.html, .htm, .xhtml), "
        "rdf (.jsonld, .nq, .nt, .trig, .ttl), table (.csv, .tsv)"
    )
    assert info.value.path == "notes.xlsx"


def test_loader_for_no_suffix_names_the_path():
    with pytest.raises(LoaderError, match=r"^README: no loader for 'README'\. Known: article"):
        loader_for("README")


def test_loader_for_unknown_format_name():
    with pytest.raises(LoaderError) as info:
        loader_for("a.md", format="xlsx")
    assert str(info.value) == "a.md: unknown format 'xlsx'. Known: article, html, rdf, table"


def test_known_suffixes():
    assert known_suffixes() == {
        ".md",
        ".markdown",
        ".txt",
        ".html",
        ".htm",
        ".xhtml",
        ".jsonld",
        ".nq",
        ".nt",
        ".trig",
        ".ttl",
        ".csv",
        ".tsv",
    }


def test_article_loader_yields_one_document_graph(tmp_path: Path):
    path = write(tmp_path / "a.md", ARTICLE)
    ((iri, graph),) = list(loader_for(path).load(path))
    assert str(iri).startswith(f"{ID}doc/")
    assert len(graph) > 10
    assert (iri, None, Literal("Trump and Putin Set to Meet in Alaska")) in graph


def test_article_loader_on_an_empty_file_is_a_loader_error(tmp_path: Path):
    path = write(tmp_path / "empty.md", "  \n\n")
    with pytest.raises(LoaderError, match="empty article") as info:
        list(article_loader.load(path))
    assert info.value.path == str(path)


# --- expand_sources -------------------------------------------------------------------


def test_expand_sources_file(tmp_path: Path):
    path = write(tmp_path / "a.md", ARTICLE)
    assert expand_sources([path]) == [path]
    assert expand_sources([str(path)]) == [path]


def test_expand_sources_directory_is_recursive_sorted_and_filtered(tmp_path: Path):
    write(tmp_path / "b.md", ARTICLE)
    write(tmp_path / "a.ttl", "")
    write(tmp_path / "sub" / "c.TXT", ARTICLE)
    write(tmp_path / "notes.docx", "x")
    write(tmp_path / "image.png", "x")
    found = expand_sources([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.ttl", "b.md", "sub/c.TXT"]


def test_expand_sources_glob(tmp_path: Path):
    write(tmp_path / "one.md", ARTICLE)
    write(tmp_path / "two.md", ARTICLE)
    write(tmp_path / "three.ttl", "")
    found = expand_sources([str(tmp_path / "*.md")])
    assert [p.name for p in found] == ["one.md", "two.md"]


def test_expand_sources_keeps_argument_order(tmp_path: Path):
    b = write(tmp_path / "b.md", ARTICLE)
    a = write(tmp_path / "a.md", ARTICLE)
    assert expand_sources([b, a]) == [b, a]


@pytest.mark.parametrize(
    "url",
    ["http://example.org/a.md", "https://example.org/a.ttl", "file:///etc/passwd", "ftp://x/y"],
)
def test_expand_sources_refuses_urls(url: str):
    with pytest.raises(LoaderError) as info:
        expand_sources([url])
    assert str(info.value) == f"{url}: inputs must be local files, not URLs"


def test_expand_sources_missing_path(tmp_path: Path):
    missing = tmp_path / "nope.md"
    with pytest.raises(LoaderError) as info:
        expand_sources([missing])
    assert str(info.value) == f"{missing}: no such file or directory"


def test_expand_sources_glob_without_match(tmp_path: Path):
    pattern = str(tmp_path / "*.md")
    with pytest.raises(LoaderError, match="no file matches this pattern"):
        expand_sources([pattern])


def test_expand_sources_directory_without_articles(tmp_path: Path):
    write(tmp_path / "notes.docx", "x")
    with pytest.raises(LoaderError) as info:
        expand_sources([tmp_path])
    message = str(info.value)
    assert message.startswith(f"{tmp_path}: no articles or RDF files in this directory")
    assert ".md" in message and ".ttl" in message and ".jsonld" in message


# --- read_text ------------------------------------------------------------------------


def test_read_text_plain_utf8(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_bytes("Tromsø\r\n".encode())
    assert read_text(path) == "Tromsø\r\n"  # line endings are the parser's business


def test_read_text_invalid_utf8_names_the_byte_offset(tmp_path: Path):
    path = tmp_path / "latin1.md"
    path.write_bytes(b"Caf" + b"\xe9 talks")
    with pytest.raises(LoaderError) as info:
        read_text(path)
    assert str(info.value) == f"{path}:1: not UTF-8 text (invalid byte at offset 3)"


def test_read_text_invalid_utf8_offset_counts_the_bom(tmp_path: Path):
    path = tmp_path / "bom-latin1.md"
    path.write_bytes(b"\xef\xbb\xbfab\xff")
    with pytest.raises(LoaderError, match=r"invalid byte at offset 5\)"):
        read_text(path)


def test_read_text_refuses_nul_bytes(tmp_path: Path):
    path = tmp_path / "binary.md"
    path.write_bytes(b"abc\x00def")
    with pytest.raises(LoaderError) as info:
        read_text(path)
    assert str(info.value) == f"{path}: not a text file (NUL character at offset 3)"


def test_read_text_refuses_utf16(tmp_path: Path):
    path = tmp_path / "utf16.md"
    path.write_bytes("Talks".encode("utf-16-le"))
    with pytest.raises(LoaderError, match="NUL character at offset 1"):
        read_text(path)


def test_read_text_accepts_and_drops_a_bom(tmp_path: Path):
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + "Ølgaard".encode())
    assert read_text(path) == "Ølgaard"


def test_read_text_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(kg.loaders.sources, "MAX_SOURCE_BYTES", 10)
    at_limit = tmp_path / "ten.md"
    at_limit.write_bytes(b"0123456789")
    assert read_text(at_limit) == "0123456789"
    over = tmp_path / "eleven.md"
    over.write_bytes(b"0123456789A")
    with pytest.raises(LoaderError) as info:
        read_text(over)
    assert str(info.value) == f"{over}: file is 11 bytes, over the 10-byte limit"


def test_read_text_unreadable_path(tmp_path: Path):
    with pytest.raises(LoaderError, match="cannot read"):
        read_text(tmp_path)  # a directory
    with pytest.raises(LoaderError, match="cannot read"):
        read_text(tmp_path / "missing.md")


# --- the RDF loader -------------------------------------------------------------------


def test_turtle_becomes_one_graph_named_by_content_hash(tmp_path: Path):
    text = f"@prefix ex: <{EX}> .\nex:a ex:b ex:c , ex:d .\n"
    first = load_rdf(write(tmp_path / "a.ttl", text))
    again = load_rdf(write(tmp_path / "copy.ttl", text))
    assert first == again  # same bytes, same graph IRI
    ((iri, triples),) = first.items()
    assert iri.startswith(f"{ID}import/") and len(iri) == len(f"{ID}import/") + 16
    assert triples == {(f"{EX}a", f"{EX}b", f"{EX}c"), (f"{EX}a", f"{EX}b", f"{EX}d")}


def test_n_triples(tmp_path: Path):
    path = write(tmp_path / "a.nt", f'<{EX}a> <{EX}b> "Tromsø" .\n<{EX}a> <{EX}c> <{EX}d> .\n')
    ((_, triples),) = load_rdf(path).items()
    assert triples == {(f"{EX}a", f"{EX}b", "Tromsø"), (f"{EX}a", f"{EX}c", f"{EX}d")}


def test_n_quads_keep_their_graphs(tmp_path: Path):
    path = write(
        tmp_path / "a.nq",
        f"<{EX}a> <{EX}b> <{EX}c> <{EX}g1> .\n"
        f"<{EX}a> <{EX}b> <{EX}d> <{EX}g2> .\n"
        f"<{EX}a> <{EX}b> <{EX}e> <{EX}g2> .\n",
    )
    assert load_rdf(path) == {
        f"{EX}g1": {(f"{EX}a", f"{EX}b", f"{EX}c")},
        f"{EX}g2": {(f"{EX}a", f"{EX}b", f"{EX}d"), (f"{EX}a", f"{EX}b", f"{EX}e")},
    }


@IGNORE_CONJUNCTIVE
def test_trig_keeps_its_graphs(tmp_path: Path):
    path = write(
        tmp_path / "a.trig",
        f"@prefix ex: <{EX}> .\n"
        "ex:g1 { ex:a ex:b ex:c . }\n"
        "ex:g2 { ex:a ex:b ex:d , ex:e . }\n",
    )
    graphs = load_rdf(path)
    assert {k: len(v) for k, v in graphs.items()} == {f"{EX}g1": 1, f"{EX}g2": 2}


@IGNORE_CONJUNCTIVE
def test_json_ld_with_an_inline_context(tmp_path: Path):
    path = write(
        tmp_path / "a.jsonld",
        '{"@context": {"ex": "http://example.org/", "name": "ex:name"},'
        ' "@id": "ex:a", "name": "Tromsø", "ex:b": {"@id": "ex:c"}}',
    )
    ((_, triples),) = load_rdf(path).items()
    assert triples == {(f"{EX}a", f"{EX}name", "Tromsø"), (f"{EX}a", f"{EX}b", f"{EX}c")}


def test_trig_loads_when_warnings_are_errors(tmp_path: Path):
    path = write(tmp_path / "a.trig", f"<{EX}g1> {{ <{EX}a> <{EX}b> <{EX}c> . }}\n")
    assert list(load_rdf(path)) == [f"{EX}g1"]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and block) any attempt to open a connection or URL."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


@pytest.mark.parametrize(
    "document",
    [
        '{"@context": "http://127.0.0.1:9/ctx", "@id": "http://example.org/a", "name": "x"}',
        '{"@context": ["http://127.0.0.1:9/ctx", {"ex": "http://example.org/"}], "@id": "ex:a"}',
        '{"@context": "ctx.jsonld", "@id": "http://example.org/a"}',
        '{"@context": {"ex": "http://example.org/"}, "@graph": '
        '[{"@context": "http://127.0.0.1:9/ctx", "@id": "ex:a"}]}',
    ],
    ids=["remote", "remote-in-list", "relative-file", "nested"],
)
def test_json_ld_with_a_remote_or_file_context_is_refused_offline(
    tmp_path: Path, no_network: list[str], document: str
):
    path = write(tmp_path / "remote.jsonld", document)
    with pytest.raises(LoaderError) as info:
        list(rdf_loader.load(path))
    assert "remote or file @context is refused" in str(info.value)
    assert info.value.path == str(path)
    assert no_network == []


def test_invalid_json_names_file_and_line(tmp_path: Path):
    path = write(tmp_path / "bad.jsonld", '{\n  "@id": "x",\n  oops\n}')
    with pytest.raises(LoaderError) as info:
        list(rdf_loader.load(path))
    assert info.value.path == str(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3: invalid JSON")


def test_malformed_turtle_names_the_file(tmp_path: Path):
    path = write(tmp_path / "bad.ttl", f"@prefix ex: <{EX}> .\nex:a ex:b ex:c .\nex:a ex:b .\n")
    with pytest.raises(LoaderError) as info:
        list(rdf_loader.load(path))
    assert info.value.path == str(path)
    assert str(info.value).startswith(str(path))
    assert "cannot parse as turtle" in str(info.value)


def test_malformed_turtle_reports_the_1_based_line(tmp_path: Path):
    path = write(tmp_path / "bad.ttl", f"@prefix ex: <{EX}> .\nex:a ex:b ex:c .\nex:a ex:b .\n")
    with pytest.raises(LoaderError) as info:
        list(rdf_loader.load(path))
    assert info.value.line == 3


def test_malformed_n_triples_names_the_file(tmp_path: Path):
    path = write(tmp_path / "bad.nt", f"<{EX}a> <{EX}b> .\n")
    with pytest.raises(LoaderError, match="cannot parse as nt") as info:
        list(rdf_loader.load(path))
    assert info.value.path == str(path)


def test_rdf_loader_refuses_a_non_rdf_suffix(tmp_path: Path):
    path = write(tmp_path / "a.md", ARTICLE)
    with pytest.raises(LoaderError, match=r"not an RDF file suffix: '\.md'"):
        list(rdf_loader.load(path))


# --- SummitGraph.load is all-or-nothing -----------------------------------------------


def test_load_with_a_bad_file_leaves_the_graph_unchanged(tmp_path: Path):
    first = write(tmp_path / "first.ttl", f"<{EX}a> <{EX}b> <{EX}c> .\n")
    graph = SummitGraph().load(first)
    before_len, before_docs = len(graph), graph.documents()
    assert before_len == 1 and len(before_docs) == 1

    good = write(tmp_path / "good.md", ARTICLE)
    bad = write(tmp_path / "bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b .\n")
    with pytest.raises(LoaderError) as info:
        graph.load(good, bad)
    assert info.value.path == str(bad)
    assert len(graph) == before_len
    assert graph.documents() == before_docs


def test_load_with_a_bad_article_leaves_an_empty_graph_empty(tmp_path: Path):
    good = write(tmp_path / "good.nt", f"<{EX}a> <{EX}b> <{EX}c> .\n")
    empty = write(tmp_path / "empty.md", "\n\n")
    graph = SummitGraph()
    with pytest.raises(LoaderError, match="empty article"):
        graph.load(good, empty)
    assert len(graph) == 0
    assert graph.documents() == []


def test_loading_the_same_article_twice_replaces_it(tmp_path: Path):
    path = write(tmp_path / "a.md", ARTICLE)
    graph = SummitGraph().load(path)
    once = (len(graph), graph.documents())
    graph.load(path)
    assert (len(graph), graph.documents()) == once
    assert [d.title for d in graph.documents()] == ["Trump and Putin Set to Meet in Alaska"]


def test_load_the_harbour_fixture_and_an_rdf_file(tmp_path: Path):
    rdf = write(tmp_path / "extra.nq", f"<{EX}a> <{EX}b> <{EX}c> <{EX}g> .\n")
    graph = SummitGraph().load(FIXTURES / "harbour-summit.md", rdf)
    docs = {d.iri: d.title for d in graph.documents()}
    assert docs[f"{EX}g"] is None
    assert "Ølgaard and Ellertsson Set to Meet in Tromsø for Harbour Summit" in docs.values()
    assert (URIRef(f"{EX}a"), URIRef(f"{EX}b"), URIRef(f"{EX}c")) in graph.data()


# --- the curated-table loader ------------------------------------------------------------

CURATED = FIXTURES / "curated"


def test_curated_csv_one_outcome_per_row_with_provenance():
    from kg.loaders.table import read_claims

    claims = read_claims(CURATED / "outcomes.csv")
    got = [
        (
            o.source.line,
            o.topic.label,
            o.label,
            o.likelihood.term,
            o.hedge,
            [f.label for f in o.focus_areas],
            o.cited,
        )
        for o in claims.outcomes
    ]
    assert got == [
        (
            3,
            "Arms Control",
            "Extension of New START limits",
            "Possible",
            "possible",
            ["Treaty verification", "Warhead limits"],
            "https://example.org/arms",
        ),
        (
            4,
            "Cybersecurity",
            "Hotline for cyber incidents, staffed around the clock",  # a quoted comma
            "Anticipated",
            "expected",
            [],
            "Example Times",
        ),
        (6, "Trade Relations", "Tariff truce among members", "Likely", "likely", ["Tariffs"], None),
        (7, "Fisheries", "Joint quota board", "Unstated", None, [], None),
    ]
    doc = claims.document
    for outcome in claims.outcomes:
        assert doc.text[outcome.source.start : outcome.source.end] == outcome.source.text
    assert {row.line: cells for row, cells in claims.extra_cells.items()} == {
        4: ((7, "Analyst Note", "needs a second source"),)  # an unknown column is kept
    }
    summits = [claims.summit, *claims.other_summits]
    assert [(s.label, s.name, sorted(b.line for b in s.scope or ())) for s in summits if s] == [
        (
            "Summit of Donald Trump and Vladimir Putin in Alaska",
            "Trump–Putin summit in Alaska",
            [3, 4],
        ),
        ("Summit of G7 in Kananaskis", "G7 summit in Kananaskis", [6]),
    ]
    assert [line for line, _ in doc.warnings] == [7]  # "Harbour summit": no known participant


def test_curated_tsv_and_likelihood_words():
    from kg.loaders.table import read_claims

    claims = read_claims(CURATED / "outcomes.tsv")
    assert [(o.topic.key, o.label, o.likelihood.term, o.significance) for o in claims.outcomes] == [
        ("sanctions", "Partial relaxation", "Unlikely", "Signals a thaw"),
        ("arctic-strategy", "Joint rescue centre", "Agreed", None),
    ]
    assert claims.summit is None


def test_curated_rows_merge_with_the_articles_summit_and_topics():
    graph = SummitGraph().load(CURATED / "outcomes.csv")
    graph.load()  # and the embedded briefing
    rows = graph.query("outcomes-by-topic", topic="Arms Control")
    assert "Extension of New START limits" in {str(r["outcome"]) for r in rows}
    summit = ID["summit/alaska-donald-trump-vladimir-putin"]
    outcomes = set(graph.data().objects(summit, SKG.hasOutcome))
    assert len(outcomes) == 13 + 1 + 2  # briefing rows, briefing sentence, curated rows
    report = graph.validate()
    assert report.conforms, report.text


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("outcome,likelihood\nDeal,likely\n", 1, "no 'topic' column"),
        ("topic,Topic,outcome\nA,B,C\n", 1, "columns 'topic' and 'Topic' both give the topic"),
        ("topic,outcome\nTrade,Deal,extra\n", 2, "row has 3 fields, the header has 2"),
        ("topic,outcome\nTrade,Deal\n,Orphan\n", 3, "empty topic"),
        ("topic,outcome\n\nTrade,\n", 3, "empty outcome"),
        ("topic,outcome,likelihood\nTrade,Deal,certain\n", 2, "unknown likelihood 'certain'"),
        ('topic,outcome\nTrade,"Deal\n', 2, "malformed"),
        ("\n\n", None, "empty table"),
    ],
    ids=[
        "no-topic",
        "doubled",
        "too-many",
        "empty-topic",
        "empty-outcome",
        "likelihood",
        "quote",
        "empty",
    ],
)
def test_curated_bad_rows_name_file_and_line(
    tmp_path: Path, content: str, line: int | None, message: str
):
    from kg.loaders.table import read_claims

    path = write(tmp_path / "bad.csv", content)
    with pytest.raises(LoaderError) as info:
        read_claims(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_a_bad_curated_table_leaves_the_graph_unchanged(tmp_path: Path):
    graph = SummitGraph().load(CURATED / "outcomes.tsv")
    before = set(graph.data())
    bad = write(tmp_path / "bad.csv", "topic,outcome,likelihood\nTrade,Deal,certain\n")
    with pytest.raises(LoaderError):
        graph.load(CURATED / "outcomes.csv", bad)
    assert set(graph.data()) == before


def test_curated_csv_with_semicolons_and_crlf(tmp_path: Path):
    from kg.loaders.table import read_claims

    path = tmp_path / "excel.csv"
    path.write_bytes(
        "\ufefftopic;outcome;likelihood\r\nTrade;Lower tariffs, phased;possible\r\n".encode()
    )
    (outcome,) = read_claims(path).outcomes
    assert (outcome.topic.label, outcome.label, outcome.likelihood.term) == (
        "Trade",
        "Lower tariffs, phased",
        "Possible",
    )


# --- links out of a folder ----------------------------------------------------------------


def _folder_with_a_link_out(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text("# Outside\n\nLeaders of Spain and Italy meet in Rome on Monday.\n", "utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "inside.md").write_text(
        "# Inside\n\nLeaders of Chile and Peru meet in Lima.\n", "utf-8"
    )
    (folder / "link.md").symlink_to(secret)
    (folder / "also-inside.md").symlink_to(folder / "inside.md")  # a link that stays inside
    return folder, secret


def test_links_out_of_a_folder_are_reported_not_read(tmp_path: Path):
    folder, secret = _folder_with_a_link_out(tmp_path)
    told: list[LoaderError] = []
    found = expand_sources([folder], on_link_out=told.append)
    assert found == [folder / "also-inside.md", folder / "inside.md"]
    assert [e.path for e in told] == [str(folder / "link.md")]
    assert str(secret) in str(told[0]) and "--follow-links" in str(told[0])
    with pytest.raises(LoaderError, match="a link to a file outside"):
        expand_sources([folder])  # no one to tell: the load stops
    assert folder / "link.md" in expand_sources([folder], follow_links=True)
    assert expand_sources([folder / "link.md"]) == [folder / "link.md"]  # named itself: read


def test_build_reports_a_link_out_and_loads_the_rest(tmp_path: Path):
    folder, _ = _folder_with_a_link_out(tmp_path)
    graph = SummitGraph()
    summary = graph.ingest([folder])
    assert (summary.written, summary.failed) == (2, 1)
    assert "link.md: a link to a file outside" in summary.errors[0]
    assert "Rome" not in graph.serialize(format="nt")
    followed = SummitGraph().ingest([folder], follow_links=True)
    assert (followed.written, followed.failed) == (3, 0)


def test_ill_typed_literals_are_kept_reported_and_not_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    data = tmp_path / "ill-typed.nt"
    data.write_text(
        '<urn:a> <urn:p> "abc"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        '<urn:a> <urn:q> "<b>x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .\n',
        encoding="utf-8",
    )
    with caplog.at_level("DEBUG"):
        loaded = loader_for(data).read(data)
        graph = SummitGraph().load(data)
    assert not [r for r in caplog.records if "Literal lexical form" in r.getMessage()]
    assert [message for _, message in loaded.warnings] == [
        "literal '<b>x' is not a valid http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral; "
        "kept as written",
        "literal 'abc' is not a valid http://www.w3.org/2001/XMLSchema#integer; kept as written",
    ]
    assert '"abc"^^<http://www.w3.org/2001/XMLSchema#integer>' in graph.serialize(format="nt")
