"""Notebook display: what Jupyter shows for a graph, a query result, a report and a view."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

import kg
from kg.display import ROWS_SHOWN, InlineView, html_table
from kg.rdf.validation import ValidationReport, Violation
from kg.sparql.runner import QueryResult

HOSTILE = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>'


class _Tags(HTMLParser):
    """Collects the start tags of a fragment and checks that every element closes."""

    VOID = frozenset({"br", "img", "input", "meta", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()


def tags_of(fragment: str) -> list[str]:
    """The start tags of a well-formed fragment (an unclosed element fails the test)."""
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    assert not parser.open, f"unclosed: {parser.open}"
    return parser.tags


@pytest.fixture(scope="module")
def graph() -> kg.SummitGraph:
    return kg.load()


def test_graph_shows_its_store_summit_counts_and_documents(graph: kg.SummitGraph) -> None:
    page = graph._repr_html_()
    assert set(tags_of(page)) <= {"p", "strong", "ul", "li", "table", "thead", "tbody", "tr"} | {
        "th",
        "td",
        "small",
        "caption",
    }
    assert "memory" in page and f"{len(graph):,} triples from 1 document" in page
    assert "<li>Summit of Donald Trump and Vladimir Putin in Alaska</li>" in page
    for name, count in graph.counts().items():
        assert f"<tr><td>{name}</td><td>{count}</td></tr>" in page
    assert graph.documents()[0].title in page


def test_graph_display_escapes_what_articles_say(tmp_path: Path) -> None:
    article = tmp_path / "hostile.md"
    article.write_text(
        f"# {HOSTILE}\n\nLeaders of France and Germany meet in Berlin on Tuesday.\n",
        encoding="utf-8",
    )
    page = kg.load(article)._repr_html_()
    assert "img" not in tags_of(page) and "script" not in tags_of(page)
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page


def test_select_result_is_a_table_cut_short_with_a_note() -> None:
    rows: list[dict[str, object]] = [
        {"topic": Literal(f"{HOSTILE} {i}"), "n": Literal(i)} for i in range(ROWS_SHOWN + 7)
    ]
    result = QueryResult("SELECT", ["topic", "n"], rows, truncated=True)  # type: ignore[arg-type]
    page = result._repr_html_()
    assert page.count("<tr>") == ROWS_SHOWN + 1  # the heading row and the rows shown
    assert "7 more rows not shown; the row cap stopped the query early." in page
    assert f"SELECT: {ROWS_SHOWN + 7} rows" in page
    assert "img" not in tags_of(page) and "script" not in tags_of(page)


def test_catalogue_result_shows_short_names(graph: kg.SummitGraph) -> None:
    result = graph.query("outcomes-by-topic", topic="Cybersecurity")
    page = result._repr_html_()
    tags_of(page)
    assert "<th>outcome</th>" in page and "Strengthened Cyber Defenses" in page


def test_ask_and_construct_results() -> None:
    assert "<strong>yes</strong>" in QueryResult("ASK", boolean=True)._repr_html_()
    assert "<strong>no</strong>" in QueryResult("ASK", boolean=False)._repr_html_()
    from rdflib import Graph

    built = Graph()
    built.add(
        (URIRef("https://w3id.org/summit-kg/id/topic/trade"), URIRef("urn:p"), Literal(HOSTILE))
    )
    page = QueryResult("CONSTRUCT", graph=built)._repr_html_()
    assert "CONSTRUCT: 1 triple" in page and "id:topic/trade" in page
    assert "script" not in tags_of(page)


def test_validation_report_lists_violations_escaped() -> None:
    assert "conforms" in ValidationReport(conforms=True)._repr_html_()
    violation = Violation(
        focus=HOSTILE, path="rdfs:label", message="Less than 1 values", severity="Violation"
    )
    page = ValidationReport(conforms=False, violations=(violation,))._repr_html_()
    assert "SHACL: 1 violation" in page and "Less than 1 values" in page
    assert "img" not in tags_of(page)


def test_to_html_without_a_path_returns_the_page_it_would_write(
    graph: kg.SummitGraph, tmp_path: Path
) -> None:
    page = graph.to_html(view="topics")
    written = graph.to_html(tmp_path / "topics.html", view="topics")
    assert written == tmp_path / "topics.html"
    assert written.read_text(encoding="utf-8") == page
    assert page.startswith("<!DOCTYPE html>")


def test_show_is_a_sandboxed_frame_holding_the_whole_page(graph: kg.SummitGraph) -> None:
    inline = graph.show(view="topics", height=420)
    assert isinstance(inline, InlineView) and inline.page == graph.to_html(view="topics")
    frame = inline._repr_html_()
    assert tags_of(frame) == ["iframe"]  # the page is an attribute value, not markup
    assert 'sandbox="allow-scripts"' in frame and "allow-same-origin" not in frame
    assert "height: 420px" in frame


def test_html_table_escapes_headers_and_caption() -> None:
    table = html_table([HOSTILE], [[None]], caption=HOSTILE)
    assert tags_of(table) == ["table", "caption", "thead", "tr", "th", "tbody", "tr", "td"]
