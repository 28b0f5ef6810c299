"""The saved-page loader: ``.html``/``.htm`` pages in, the article's graph and a report out.

The pages in ``tests/fixtures/html/`` are saved the way newsrooms publish them:
navigation, a cookie banner, share bars, a figure whose caption names leaders of
an earlier summit, related-links asides, a byline, and an article with ``<h2>``
sections, lists and a real table, described by ``<meta>`` tags or JSON-LD.
"""

from __future__ import annotations

import hashlib
import io
import socket
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

import kg
import kg.loaders.sources
from kg.cli import main
from kg.errors import LoaderError
from kg.loaders import html as html_loader
from kg.loaders import loader_for
from kg.rdf.namespaces import SKG
from kg.text.document import Document, Heading, ListBlock, Paragraph, Row, Table
from kg.text.extract import extract
from kg.text.html import read_page
from kg.text.parse import parse_article
from tests.support.canary import Canary, canary_server

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
BUSAN = FIXTURES / "busan-preview.html"
HELSINKI = FIXTURES / "helsinki-explainer.htm"
FURNITURE = (
    "cookie",
    "Accept all",
    "Share",
    "Email this article",
    "Most read",
    "Markets rally",
    "Heatwave",
    "Related",
    "Osaka",
    "Why chip controls",
    "All rights reserved",
    "Privacy",
    "Subscribe",
    "Hanoi",
    "Kim Jong Un",
    "By Mira",
    "Opinion",
)


def page(path: Path) -> Document:
    return html_loader._document(path)


def graph_of(path: Path) -> tuple[URIRef, Graph]:
    ((iri, graph),) = list(loader_for(path).load(path))
    return iri, graph


def wrap(body: str, head: str = "<title>Leaders Meet in Oslo</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


ARTICLE = (
    "<article><h1>Leaders Meet in Oslo</h1>"
    "<p>Prime ministers from the Nordic countries met in Oslo on Monday for a day of talks on "
    "energy, defence and fisheries, their first meeting since the spring.</p>"
    "<p>Officials said a joint statement on grid links was expected before the evening, "
    "though several details were still being negotiated by the delegations.</p></article>"
)


# --- structure ----------------------------------------------------------------------------


def test_headings_lists_and_table_are_kept_as_structure() -> None:
    doc = page(BUSAN)
    assert doc.title == "Trump and Xi Set to Meet in Busan as Trade Truce Nears Its End"
    assert [h.title for h in doc.headlines] == [doc.title]
    assert [s.title for s in doc.sections] == [
        None,
        "What is on the agenda",
        "What each side could take home",
        "Risks",
    ]
    assert all(isinstance(s.heading, Heading) for s in doc.sections[1:])
    agenda = doc.sections[1].blocks
    assert [type(b) for b in agenda] == [Paragraph, ListBlock]
    assert isinstance(agenda[1], ListBlock)
    assert agenda[1].intro is agenda[0]
    assert [(i.label, i.description) for i in agenda[1].items] == [
        ("Tariffs", "the truce on higher duties runs out in November"),
        ("Export controls", "chips and the equipment used to make them"),
        ("Rare earths", "licences for magnets and processing technology"),
        ("Fentanyl", "the flow of precursor chemicals"),
    ]
    table = doc.sections[2].blocks[1]
    assert isinstance(table, Table)
    assert table.header == ("Topic", "Possible Outcome")
    assert [row.cells for row in table.rows] == [
        ("Tariffs", "Extension of the truce for another year"),
        ("Rare earths", "General licences for magnet exports"),
        ("Agriculture", "Renewed soybean purchases"),
    ]
    assert table.intro is doc.sections[2].blocks[0]


def test_an_html_table_gives_the_claims_a_pipe_table_gives() -> None:
    doc = page(BUSAN)
    table = doc.sections[2].blocks[1]
    assert isinstance(table, Table)
    markdown = "\n".join(
        [
            "Trump and Xi Set to Meet in Busan as Trade Truce Nears Its End",
            "",
            "Negotiators have sketched several possible results.",
            "",
            "Topic | Possible Outcome",
            "---|---",
            *(" | ".join(row.cells) for row in table.rows),
        ]
    )
    piped = parse_article(markdown)
    (pipe_table,) = [b for s in piped.sections for b in s.blocks if isinstance(b, Table)]
    assert pipe_table.header == table.header
    assert [r.cells for r in pipe_table.rows] == [r.cells for r in table.rows]

    def outcomes(document: Document) -> list[tuple[str, str, str, str | None]]:
        return sorted(
            (o.topic.label, o.label, o.likelihood.term, o.hedge)
            for o in extract(document).outcomes
            if isinstance(o.source, Row)  # the table's (the page's prose says more)
        )

    assert outcomes(doc) == outcomes(piped)
    assert len(outcomes(doc)) == 3


def test_nested_lists_ordered_lists_line_breaks_and_header_cells() -> None:
    doc = page(HELSINKI)
    lists = [b for s in doc.sections for b in s.blocks if isinstance(b, ListBlock)]
    assert [(i.marker, i.depth, i.content) for i in lists[0].items] == [
        ("1.", 0, "Baltic electricity links"),
        ("-", 1, "a second interconnector to Estonia"),
        ("2.", 0, "Hydrogen pipeline financing"),
        ("3.", 0, "Undersea cable protection"),
    ]
    assert any("nested list item (depth 1)" in message for _, message in doc.warnings)
    (table,) = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert table.header == ("Project", "Status", "Expected outcome")
    assert table.rows[0].cells[2] == "Likely agreement on joint financing; and a start date"
    assert [s.title for s in doc.sections][1:3] == [
        "What does Finland want?",
        "What does Germany want?",
    ]


def test_ragged_rows_are_padded_and_one_column_tables_are_paragraphs() -> None:
    tables = (
        "<table><tr><th>Topic</th><th>Likely Outcome</th></tr>"
        "<tr><td>Fisheries</td></tr><tr><td>Energy</td><td>Grid deal</td></tr></table>"
        "<table><tr><td>Layout cell with enough words to be a paragraph here.</td></tr></table>"
    )
    doc = read_page(wrap(ARTICLE.replace("</article>", tables + "</article>")), source="t.html")
    blocks = [b for s in doc.sections for b in s.blocks]
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert table.header == ("Topic", "Likely Outcome")
    assert [r.cells for r in table.rows] == [("Fisheries", ""), ("Energy", "Grid deal")]
    assert any(isinstance(b, Paragraph) and b.text.startswith("Layout cell") for b in blocks)


def test_parts_outside_the_article_are_reported() -> None:
    aside = "<table><tr><th>Index</th><th>Change</th></tr><tr><td>Oil</td><td>+2%</td></tr></table>"
    doc = read_page(wrap(ARTICLE + aside), source="t.html")
    assert "Oil" not in doc.text
    assert any(m.startswith("skipped <t") and "Oil" in m for _, m in doc.warnings), doc.warnings


# --- furniture ----------------------------------------------------------------------------


def literals(graph: Graph) -> list[str]:
    return [str(o) for o in graph.objects() if isinstance(o, Literal)]


@pytest.mark.parametrize("path", [BUSAN, HELSINKI], ids=lambda p: p.name)
def test_furniture_is_absent_from_every_label_and_quote(path: Path) -> None:
    _, graph = graph_of(path)
    text = page(path).text
    for value in [*literals(graph), text]:
        for furniture in FURNITURE:
            assert furniture not in value, (furniture, value)


def test_caption_leaders_of_an_earlier_summit_are_not_in_the_graph() -> None:
    _, graph = graph_of(BUSAN)
    labels = {str(o) for o in graph.objects(None, SKOS.prefLabel)}
    assert "Kim Jong Un" not in labels and "Hanoi" not in labels
    assert {"Donald Trump", "Xi Jinping"} <= labels
    (summit,) = graph.subjects(RDF.type, SKG.Summit)
    assert "Kim" not in str(graph.value(summit, RDFS.label))


def test_the_report_lists_every_skipped_part_with_its_reason(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "out.ttl"
    code = main(["build", str(BUSAN), "--report", "--quiet", "-o", str(target)], out=out, err=err)
    assert code == 0, err.getvalue()
    report = out.getvalue()
    for expected in (
        "line 18: skipped <div>: cookie banner: We use cookies",
        "line 24: skipped <nav>: navigation: World Asia Business Opinion Subscribe",
        "line 37: skipped <nav>: breadcrumbs",
        "line 39: skipped <p>: byline: By Mira Castellanos",
        "line 40: skipped <div>: share bar: Share on Facebook",
        "line 46: skipped <figure> caption: Donald Trump and Kim Jong Un at their 2019",
        "line 73: skipped <aside>: related links: Related What happened",
        "line 92: skipped <aside>: related links: Most read",
        "line 100: skipped <footer>: footer:",
    ):
        assert expected in report, report
    assert "1 table (3 rows), 2 lists (6 items)" in report
    assert "4 outcomes, 2 concerns" in report  # 3 table rows and 1 sentence
    graph = Graph().parse(target)
    assert len(list(graph.subjects(RDF.type, SKG.SourceDocument))) == 1


def test_furniture_kept_by_the_extractor_is_skipped_like_article_noise() -> None:
    body = ARTICLE.replace("</article>", "<p>Share this article</p></article>")
    doc = read_page(wrap(body), source="t.html")
    assert "Share this" not in doc.text
    assert any("share bar" in message for _, message in doc.warnings)


# --- metadata -----------------------------------------------------------------------------


def test_metadata_becomes_dcterms_triples() -> None:
    iri, graph = graph_of(BUSAN)
    assert graph.value(iri, DCTERMS.title) == Literal(
        "Trump and Xi Set to Meet in Busan as Trade Truce Nears Its End"
    )
    assert list(graph.objects(iri, DCTERMS.creator)) == [Literal("Mira Castellanos")]
    assert graph.value(iri, DCTERMS.date) == Literal("2025-10-27", datatype=XSD.date)
    assert graph.value(iri, DCTERMS.publisher) == Literal("The Harbour Ledger")
    assert graph.value(iri, DCTERMS.source) == URIRef(
        "https://harbour-ledger.example/world/asia/trump-xi-busan-preview"
    )


def test_json_ld_authors_and_date_and_the_graph_conforms(tmp_path: Path) -> None:
    iri, graph = graph_of(HELSINKI)
    assert sorted(str(a) for a in graph.objects(iri, DCTERMS.creator)) == [
        "Aino Lehtonen",
        "Jonas Weber",
    ]
    assert graph.value(iri, DCTERMS.date) == Literal("2025-03-11", datatype=XSD.date)
    assert graph.value(iri, DCTERMS.publisher) == Literal("Nordic Wire")
    loaded = kg.load(HELSINKI, BUSAN)
    assert sorted(d.title for d in loaded.documents()) == [
        "Explainer: What Stubb and Merz Want From the Helsinki Energy Talks",
        "Trump and Xi Set to Meet in Busan as Trade Truce Nears Its End",
    ]
    report = loaded.validate()
    assert report.conforms, report.violations


def test_a_page_without_metadata_gets_none_and_a_title_from_its_text() -> None:
    doc = read_page(wrap(ARTICLE.replace("<h1>Leaders Meet in Oslo</h1>", ""), head=""))
    assert doc.metadata.authors == () and doc.metadata.date is None
    assert doc.metadata.url is None
    assert doc.title.startswith("Prime ministers from the Nordic countries")


def test_a_canonical_url_that_is_not_http_is_dropped_with_a_warning() -> None:
    head = '<title>Leaders Meet in Oslo</title><link rel="canonical" href="javascript:alert(1)">'
    doc = read_page(wrap(ARTICLE, head=head), source="t.html")
    assert doc.metadata.url is None


# --- offsets and identity ---------------------------------------------------------------------


@pytest.mark.parametrize("path", [BUSAN, HELSINKI], ids=lambda p: p.name)
def test_offsets_and_quotes_index_the_extracted_text(path: Path) -> None:
    doc = page(path)
    blocks = list(doc.blocks())
    for block in blocks:
        assert doc.text[block.start : block.end] == block.text
        for child in (*getattr(block, "items", ()), *getattr(block, "rows", ())):
            assert doc.text[child.start : child.end] == child.text
            assert doc.text.split("\n")[child.line - 1] == child.text
    iri, graph = graph_of(path)
    quotes = 0
    for segment, quote in graph.subject_objects(SKG.quote):
        start = int(graph.value(segment, SKG.start))  # type: ignore[arg-type]
        end = int(graph.value(segment, SKG.end))  # type: ignore[arg-type]
        assert doc.text[start:end] == str(quote)
        quotes += 1
    assert quotes >= len(blocks)
    digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert graph.value(iri, SKG.contentHash) == Literal(digest)
    assert str(iri).endswith(digest[:16])


def test_the_same_page_saved_twice_is_one_document(tmp_path: Path) -> None:
    original = BUSAN.read_text(encoding="utf-8")
    resaved = (
        original.replace("We use cookies", "This site uses cookies")
        .replace('<li><a href="/opinion">Opinion</a></li>', "")
        .replace("\n", "\r\n")
    )
    copy = tmp_path / "busan-copy.htm"
    copy.write_bytes(resaved.encode("utf-8"))
    assert html_loader.identify(BUSAN) == html_loader.identify(copy)
    assert graph_of(copy)[0] == graph_of(BUSAN)[0]
    assert html_loader.identify(copy) == (html_loader.read(copy).graphs[0][0],)


def test_a_folder_of_pages_and_kg_load(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_bytes(BUSAN.read_bytes())
    (folder / "b.htm").write_bytes(HELSINKI.read_bytes())
    graph = kg.load(folder)
    assert len(graph.documents()) == 2
    assert loader_for("x.HTM").name == "html"
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(["build", str(folder), "--quiet", "-o", str(tmp_path / "o.ttl")], out=out, err=err)
        == 0
    )
    assert "2 documents" in out.getvalue()


# --- no network -----------------------------------------------------------------------------


def test_nothing_is_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lookups: list[Any] = []
    real = socket.getaddrinfo

    def recording(*args: Any, **kwargs: Any) -> Any:
        lookups.append(args[0])
        return real(*args, **kwargs)

    with canary_server() as url:
        monkeypatch.setattr(socket, "getaddrinfo", recording)
        head = (
            f"<title>Leaders Meet in Oslo</title>"
            f'<link rel="canonical" href="{url}canonical">'
            f'<link rel="stylesheet" href="{url}style.css">'
            f'<meta property="og:image" content="{url}og.png">'
            f'<meta http-equiv="refresh" content="0; url={url}refresh">'
            f'<script src="{url}script.js"></script>'
            f"<style>@import url({url}import.css);</style>"
        )
        body = (
            f'<img src="{url}img.png" srcset="{url}img2.png 2x">'
            f'<iframe src="{url}frame"></iframe>{ARTICLE}'
            f'<object data="{url}object"></object><p>&x;</p>'
        )
        path = tmp_path / "canary.html"
        doctype = f'<!DOCTYPE html [<!ENTITY x SYSTEM "{url}entity">]>'
        page_text = f"{doctype}<html><head>{head}</head><body>{body}</body></html>"
        path.write_text(page_text, encoding="utf-8")
        iri, graph = graph_of(path)
        assert Canary.hits == 0
    assert lookups == []
    assert graph.value(iri, DCTERMS.title) == Literal("Leaders Meet in Oslo")
    assert "canary" not in page(path).text


# --- reading the bytes ------------------------------------------------------------------------


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("declaration", "encoding"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        ('<meta charset="koi8-r">', "koi8-r"),
    ],
)
def test_the_declared_charset_decodes_the_page(
    tmp_path: Path, declaration: str, encoding: str
) -> None:
    words = "Macron’s visit" if encoding == "cp1252" else "Визит в Москву"
    body = ARTICLE.replace("Prime ministers", f"{words}: prime ministers")
    data = wrap(body, head=declaration + "<title>Leaders Meet in Oslo</title>").encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = page(write(tmp_path, "p.html", data))
    assert words in doc.text


def test_utf16_with_a_bom_and_utf8_with_a_bom(tmp_path: Path) -> None:
    text = wrap(ARTICLE.replace("Prime", "Café prime"))
    for name, data in (
        ("u16.html", text.encode("utf-16")),
        ("u8.html", b"\xef\xbb\xbf" + text.encode("utf-8")),
    ):
        assert "Café prime" in page(write(tmp_path, name, data)).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (wrap(ARTICLE).replace("Monday", "Café").encode("latin-1"), r"p\.html:1: not UTF-8"),
        (b'<meta charset="klingon">' + wrap(ARTICLE).encode(), "unknown charset 'klingon'"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"not UTF-8|not a text file"),
        (b"<html>\x00<body></body></html>", r"p\.html: not a text file \(NUL character"),
        (b"", r"p\.html: empty page"),
        (b"  \n\t", r"p\.html: empty page"),
        (
            wrap("<nav><a href='/'>Home</a></nav><footer>(c) Site</footer>").encode(),
            "no article text found",
        ),
        (b"<<<>>>", "no article text found|malformed HTML"),
    ],
    ids=["latin1-undeclared", "unknown-charset", "png", "nul", "empty", "blank", "no-body", "junk"],
)
def test_bad_pages_give_one_clear_error_naming_the_file(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = write(tmp_path, "p.html", data)
    with pytest.raises(LoaderError, match=message) as info:
        html_loader.read(path)
    assert info.value.path == str(path)


def test_an_oversized_page_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.loaders.sources, "MAX_SOURCE_BYTES", 100)
    path = write(tmp_path, "p.html", wrap(ARTICLE).encode())
    with pytest.raises(LoaderError, match="over the 100-byte limit"):
        html_loader.read(path)


def test_a_bad_page_in_a_build_is_reported_and_the_others_load(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.html").write_bytes(BUSAN.read_bytes())
    (folder / "empty.html").write_bytes(wrap("<nav>Home</nav>").encode())
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["build", str(folder), "--report", "--quiet", "-o", str(tmp_path / "o.ttl")],
        out=out,
        err=err,
    )
    assert "empty.html: no article text found" in out.getvalue() + err.getvalue()
    assert "good.html: " in out.getvalue()
    assert code == 2
    assert "1 document, " in out.getvalue()
    written = Graph().parse(tmp_path / "o.ttl")
    assert len(list(written.subjects(RDF.type, SKG.SourceDocument))) == 1


def test_a_standfirst_the_extractor_drops_is_the_second_headline() -> None:
    dek = '<p class="dek">Nordic leaders agreed to link their grids, but fisheries split them</p>'
    header = f"<header><h1>Leaders Meet in Oslo</h1>{dek}</header>"
    body = ARTICLE.replace("<h1>Leaders Meet in Oslo</h1>", header)
    doc = read_page(wrap(body), source="t.html")
    assert [h.title for h in doc.headlines] == [
        "Leaders Meet in Oslo",
        "Nordic leaders agreed to link their grids, but fisheries split them",
    ]
    assert not any("agreed to link" in message for _, message in doc.warnings)
    assert all(doc.text[h.start : h.end] == h.text for h in doc.headlines)


def test_furniture_by_role_hidden_and_plain_asides_and_a_furniture_named_wrapper() -> None:
    body = (
        '<div class="social-wrapper">' + ARTICLE + "</div>"
        '<div role="complementary"><p>Weather: sunny with light winds today.</p></div>'
        "<div hidden><p>Old version of this article with another title and text.</p></div>"
        "<aside><p>Background: the council was founded in 1952 by five states.</p></aside>"
    )
    doc = read_page(wrap(body), source="t.html")
    messages = [m for _, m in doc.warnings]
    assert "Prime ministers" in doc.text
    assert not any("share bar" in m for m in messages)
    assert any(m.startswith("skipped <div>: aside: Weather") for m in messages), messages
    assert any(m.startswith("skipped <div>: hidden: Old version") for m in messages), messages
    assert any(m.startswith("skipped <aside>: aside: Background") for m in messages), messages


def test_repeated_header_rows_and_header_only_tables() -> None:
    tables = (
        "<table><tr><th>Topic</th><th>Likely Outcome</th></tr>"
        "<tr><td>Topic</td><td>Likely Outcome</td></tr>"
        "<tr><td>Energy</td><td>Grid deal</td></tr></table>"
        "<p>Between the tables the talks went on into the evening, officials said.</p>"
        "<table><tr><th>Topic</th><th>Status</th></tr></table>"
    )
    doc = read_page(wrap(ARTICLE.replace("</article>", tables + "</article>")), source="t.html")
    found = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert [r.cells for r in found[0].rows] == [("Energy", "Grid deal")]
    messages = [m for _, m in doc.warnings]
    assert any("repeated header skipped" in m for m in messages), messages
    if len(found) == 2:  # the extractor keeps a header-only table
        assert found[1].rows == ()
        assert any("header without rows" in m for m in messages), messages
