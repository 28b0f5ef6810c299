"""Row F of the reliability table: malformed articles → defined behaviour.

One test per malformed input of the table, named after it (``test_F_…``):
ragged rows, missing or mismatched separator rows, outer and escaped pipes,
empty cells, odd whitespace and Unicode, BOMs and line endings, table and
list placement, heading heuristics, markup, size caps, binary input, empty
files, repeated articles. Each asserts what the parser makes of the input,
the warning that names the line, and what reaches the graph: no empty
literal, no shifted cell, every label in its source. Inputs that must not
reach a store are tried with ``summit-kg build`` and leave the previous
export byte-identical with no temporary file. Every hostile input is counted
with ``tally("hostile inputs")``.
"""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

import kg
from kg.errors import LoaderError
from kg.loaders import article as article_loader
from kg.rdf.mapping import to_graph
from kg.rdf.namespaces import ID, SKG
from kg.text.document import Document, Heading, ListBlock, Paragraph, Table
from kg.text.extract import extract
from kg.text.parse import parse_article
from tests.support.checks import run
from tests.support.documents import LEAD, all_blocks, body_blocks, only_list, only_table, shape
from tests.support.genre_strategies import assert_labels_in_source
from tests.support.tally import tally

TABLE = "Topic | Possible Outcome | Focus |\n---|---|---|\n"
"""A three-column claims table's header and separator (trailing pipes, as in the seed)."""


# --- helpers ------------------------------------------------------------------------------


def hostile(number: int = 1) -> None:
    tally("hostile inputs", number)


def parsed(text: str) -> Document:
    """``text`` parsed, counted as one hostile input."""
    hostile()
    return parse_article(text, source="hostile.md")


def graph_of(doc: Document) -> Graph:
    """The named graph of a parsed document."""
    return to_graph(extract(doc))[1]


def literals(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects() if isinstance(o, Literal)}


def labels(graph: Graph) -> set[str]:
    return {
        str(o) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(None, p)
    }


def rows(doc: Document) -> list[tuple[int, tuple[str, ...]]]:
    return [(r.line, r.cells) for r in only_table(doc).rows]


def written(folder: Path, name: str, body: str | bytes) -> Path:
    """``body`` written to ``folder/name`` (text as UTF-8)."""
    path = folder / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return path


class Export:
    """A good export of the embedded default, to check a refused build leaves it alone."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "out.ttl"
        assert run("build", "-o", str(self.path))[0] == 0
        self.before = self.path.read_bytes()

    def refuses(self, source: Path, *phrases: str) -> None:
        """``summit-kg build SOURCE`` over the export: exit 2 with one error line naming
        the source and ``phrases``, no traceback, the export as it was, no temporary file."""
        hostile()
        code, out, err = run("build", str(source), "-o", str(self.path))
        assert (code, out) == (2, ""), (code, out, err)
        assert err.count("\n") == 1 and err.startswith("summit-kg: error: "), err
        assert "Traceback" not in err
        for phrase in (source.name, *phrases):
            assert phrase in err, (phrase, err)
        assert self.path.read_bytes() == self.before
        assert not [p.name for p in self.folder.rglob("*") if p.name.endswith(".tmp")]


# --- tables: rows, separators, pipes ------------------------------------------------------


def test_F_ragged_row_with_fewer_cells_is_padded_and_warned() -> None:
    """F: a row with fewer cells than the header is padded with empty cells, with a warning."""
    doc = parsed(LEAD + TABLE + "Trade | New deals |\n")
    assert rows(doc) == [(5, ("Trade", "New deals", ""))]
    assert doc.warnings == ((5, "table row has 2 cells, header has 3"),)
    graph = graph_of(doc)
    assert "" not in {s.strip() for s in literals(graph)}
    assert "New deals" in labels(graph)


def test_F_ragged_row_with_more_cells_drops_the_excess_never_shifts() -> None:
    """F: a row with more cells than the header loses the extra cells, never shifts them."""
    doc = parsed(LEAD + TABLE + "Trade | New deals | Tariffs | stray | more |\n")
    assert rows(doc) == [(5, ("Trade", "New deals", "Tariffs"))]
    ((line, message),) = doc.warnings
    assert line == 5 and "5 cells" in message and "extra cells ignored" in message
    graph = graph_of(doc)
    (outcome,) = graph.subjects(RDF.type, SKG.Outcome)
    assert graph.value(outcome, RDFS.label) == Literal("New deals")
    assert not {"stray", "more"} & labels(graph)


def test_F_header_without_delimiter_row_is_a_paragraph_with_warnings() -> None:
    """F: pipe lines without a separator row are paragraphs, each named in a warning,
    unless three or more of them have the same number of cells."""
    doc = parsed(LEAD + "Trade | Tariffs\nEnergy | Pipelines\nThe talks went on.\n")
    assert not any(isinstance(b, Table) for b in body_blocks(doc))
    assert [b.text for b in body_blocks(doc)][1:3] == ["Trade | Tariffs", "Energy | Pipelines"]
    assert [line for line, _ in doc.warnings] == [3, 4]
    assert all("not a table" in message for _, message in doc.warnings)
    one = parsed(LEAD + "Trade | Tariffs\nMore prose follows here.\n")
    assert [type(b) for b in body_blocks(one)] == [Paragraph, Paragraph, Paragraph]
    assert body_blocks(one)[1].text == "Trade | Tariffs"
    # documented: three pipe lines with the same cell count are a table without separator
    three = parsed(LEAD + "Topic | Outcome\nTrade | Deal\nEnergy | Pipeline\n")
    table = only_table(three)
    assert (table.separator, table.header, len(table.rows)) == (False, ("Topic", "Outcome"), 2)


def test_F_delimiter_count_unlike_the_header_is_not_a_table() -> None:
    """F: a separator row with another number of cells than the header makes no table."""
    doc = parsed(LEAD + "A | B | C |\n---|---|\n1 | 2 | 3 |\n")
    assert [(type(b), b.line, b.text) for b in body_blocks(doc)][1:] == [
        (Paragraph, 3, "A | B | C |"),
        (Paragraph, 5, "1 | 2 | 3 |"),
    ]
    line, message = doc.warnings[0]
    assert line == 3
    assert "separator" in message and "3 header cells" in message and "2 separator cells" in message
    # the stray separator row is skipped and the pipe line after it is prose: both named
    assert [line for line, _ in doc.warnings] == [3, 4, 5]
    assert "separator row without a header" in doc.warnings[1][1]
    assert "not a table" in doc.warnings[2][1]


@pytest.mark.parametrize(
    "delimiter",
    [
        ":---:|:---|---:",
        "| --- | --- | --- |",
        "-|-|-",
        ":-: | - | -:",
        "|---|---|---|",
        "|:---|:---:|---:|",
        "---|---|---|",
        ":-|-|-:",
    ],
)
@pytest.mark.parametrize(
    ("header", "row"),
    [("A | B | C |", "1 | 2 | 3 |"), ("| A | B | C |", "| 1 | 2 | 3 |")],
    ids=["trailing-pipes", "outer-pipes"],
)
def test_F_alignment_colons_spaces_and_single_dashes_are_a_delimiter(
    header: str, row: str, delimiter: str
) -> None:
    """F: alignment colons, spaces and single dashes in the separator row."""
    doc = parsed(LEAD + f"{header}\n{delimiter}\n{row}\n")
    assert (only_table(doc).header, rows(doc)) == (("A", "B", "C"), [(5, ("1", "2", "3"))])
    assert doc.warnings == ()


def test_F_leading_trailing_and_mixed_outer_pipes_give_the_same_cells() -> None:
    """F: outer pipes are optional on every line, header, separator and rows alike."""
    lines = ["| Trade | Tariffs | Deal |", "Trade | Tariffs | Deal", "| Trade | Tariffs | Deal"]
    reference = rows(parsed(LEAD + TABLE + "Trade | Tariffs | Deal |\n"))
    for line in lines:
        assert [cells for _, cells in rows(parsed(LEAD + TABLE + line + "\n"))] == [
            cells for _, cells in reference
        ]
    mixed = parsed(LEAD + TABLE + "\n".join(lines) + "\n")
    assert [cells for _, cells in rows(mixed)] == [("Trade", "Tariffs", "Deal")] * 3
    assert mixed.warnings == ()
    whole_tables = [
        "Topic | Focus | Outcome\n---|---|---\nTrade | Tariffs | New deals\n",
        "| Topic | Focus | Outcome |\n|---|---|---|\n| Trade | Tariffs | New deals |\n",
        "| Topic | Focus | Outcome\n|---|---|---\n| Trade | Tariffs | New deals\n",
        "Topic | Focus | Outcome |\n---|---|---|\nTrade | Tariffs | New deals |\n",
    ]
    for text in whole_tables:
        doc = parsed(LEAD + text)
        table = only_table(doc)
        assert table.header == ("Topic", "Focus", "Outcome"), text
        assert rows(doc) == [(5, ("Trade", "Tariffs", "New deals"))], text
        assert table.header_line == 3
        assert doc.warnings == ()


def test_F_escaped_pipes_are_literal_in_cells_also_inside_backticks() -> None:
    """F: ``\\|`` is a literal pipe in a cell, inside backticks too."""
    doc = parsed(LEAD + "A | B |\n---|---|\nEU \\| NATO | `x \\| y` |\n\\| | lone |\n")
    assert [cells for _, cells in rows(doc)] == [("EU | NATO", "`x | y`"), ("|", "lone")]
    assert doc.warnings == ()
    # GFM: an unescaped pipe splits even inside backticks
    split = parsed(LEAD + "A | B | C |\n---|---|---|\n`x | y` | z |\n")
    assert [cells for _, cells in rows(split)] == [("`x", "y`", "z")]


def test_F_backslash_before_a_pipe_is_an_escaped_backslash_then_a_separator() -> None:
    """F: ``\\\\|`` is an escaped backslash and then a cell boundary."""
    doc = parsed(LEAD + "A | B |\n---|---|\nEU\\\\| NATO |\nEU\\\\\\| NATO | x |\n")
    assert [cells for _, cells in rows(doc)] == [("EU\\", "NATO"), ("EU\\| NATO", "x")]
    assert doc.warnings == ()


def test_F_empty_cells_give_no_empty_literals_and_an_empty_row_is_skipped() -> None:
    """F: empty cells make no empty literal; an all-empty row is skipped with a warning."""
    doc = parsed(LEAD + TABLE + "Trade |  | Tariffs |\n|  |  |  |\n| | | |\nEnergy | Gas | |\n")
    assert rows(doc) == [(5, ("Trade", "", "Tariffs")), (8, ("Energy", "Gas", ""))]
    assert doc.warnings == ((6, "empty table row skipped"), (7, "empty table row skipped"))
    graph = graph_of(doc)
    assert not [o for o in literals(graph) if not o.strip()]
    assert not [s for s in graph.subjects() if str(s).endswith(("/", "/-"))]
    middle = parsed(LEAD + "| A | B |\n|---|---|\n| 1 | 2 |\n|   |   |\n| 3 | 4 |\n")
    assert rows(middle) == [(5, ("1", "2")), (7, ("3", "4"))]
    assert middle.warnings == ((6, "empty table row skipped"),)
    assert only_table(middle).text.endswith("| 3 | 4 |")  # the table spans the skipped row


# --- characters and line endings ----------------------------------------------------------


def test_F_whitespace_nbsp_and_tabs_in_cells_are_trimmed_and_normalised() -> None:
    """F: spaces, NBSP and tabs around and inside cells."""
    doc = parsed(LEAD + TABLE + "\u00a0Arms\u00a0Control\t|\t \u00a0New  deals\u00a0| \t |\n")
    assert rows(doc) == [(5, ("Arms Control", "New deals", ""))]
    assert "\u00a0" in only_table(doc).rows[0].text  # the row keeps its source characters
    assert {"Arms Control", "New deals"} <= labels(graph_of(doc))
    assert not [label for label in labels(graph_of(doc)) if label != label.strip()]


def test_F_unicode_rtl_combining_emoji_and_cjk_labels_are_kept_nfc() -> None:
    """F: Cyrillic, Hebrew, Arabic, combining accents, emoji flags and CJK in cells."""
    names = ["Армия", "שלום עכשיו", "سلام", "Cafe\u0301 talks", "🇺🇦 grain", "中文 合意"]
    body = "".join(f"Topic {i} | {name} | focus |\n" for i, name in enumerate(names))
    body += "".join(f"{name} | outcome {i} | focus |\n" for i, name in enumerate(names))
    doc = parsed(LEAD + TABLE + body)
    nfc = [unicodedata.normalize("NFC", name) for name in names]
    assert [cells[1] for _, cells in rows(doc)[:6]] == nfc
    assert [cells[0] for _, cells in rows(doc)[6:]] == nfc
    graph = graph_of(doc)
    outcomes = {str(graph.value(o, RDFS.label)) for o in graph.subjects(RDF.type, SKG.Outcome)}
    assert set(nfc) <= outcomes  # byte for byte (NFC)
    topics = {str(label).casefold() for label in graph.objects(None, SKOS.prefLabel)}
    assert {name.casefold() for name in nfc} <= topics  # topic labels are capitalised
    assert isomorphic(graph, Graph().parse(data=graph.serialize(format="nt"), format="nt"))
    for node in set(graph.all_nodes()):
        if isinstance(node, URIRef):
            assert not re.search(r"[\s<>\"{}|\\^`]", str(node)), node


def test_F_zero_width_and_bidi_controls_are_not_in_iris_or_match_keys() -> None:
    """F: zero-width and bidi control characters inside a label."""
    hidden = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u202a", "\u202e", "\u2066", "\u2069"]
    body = "".join(f"Tru{c}mp | outcome {i} | focus |\n" for i, c in enumerate(hidden))
    graph = graph_of(parsed(LEAD + TABLE + "Trump | plain | focus |\n" + body))
    assert set(graph.subjects(RDF.type, SKG.Topic)) == {ID["topic/trump"]}
    invisible = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
    assert not [n for n in graph.all_nodes() if isinstance(n, URIRef) and invisible.search(n)]


def test_F_bom_at_file_start_is_dropped_and_the_title_node_is_the_same(tmp_path: Path) -> None:
    """F: a byte-order mark at the start of the file."""
    text = "Leaders Meet in Oslo\nThe talks begin today.\n"
    doc = parsed("\ufeff" + text)
    assert doc.title == "Leaders Meet in Oslo"
    assert "\ufeff" not in doc.text
    assert doc.headlines[0].start == 0
    assert doc.text[doc.headlines[0].start : doc.headlines[0].end] == "Leaders Meet in Oslo"
    plain = written(tmp_path, "plain.md", text)
    bom = written(tmp_path, "bom.md", b"\xef\xbb\xbf" + text.encode())
    hostile()
    read = article_loader.read(bom)
    assert read.warnings == ()
    ((iri, triples),) = read.graphs
    ((plain_iri, plain_graph),) = article_loader.load(plain)
    assert iri == plain_iri and set(triples) == set(plain_graph)
    assert not [o for o in literals(plain_graph) if "\ufeff" in o]


MIXED = (
    LEAD
    + "Key Outcomes\n"
    + "The agenda covers:\n"
    + "- Trade: tariffs\n"
    + "- Energy: pipelines\n"
    + TABLE
    + "Trade | New deals | Tariffs |\n"
    + "Energy | Gas | Grid |"
)
"""A heading, an intro, a list and a table, with LF endings and none after the last line."""


@pytest.mark.parametrize("newline", ["\r\n", "\r", "mixed"])
def test_F_crlf_lone_cr_and_mixed_endings_give_the_same_graph(newline: str) -> None:
    """F: CRLF, lone CR and mixed line endings."""
    lines = MIXED.split("\n")
    if newline == "mixed":
        endings = ["\r\n", "\r", "\n"]
        other = "".join(line + endings[i % 3] for i, line in enumerate(lines[:-1])) + lines[-1]
    else:
        other = newline.join(lines) + newline
    doc, lf = parsed(other), parse_article(MIXED)
    assert doc.text == lf.text
    assert shape(doc) == shape(lf)
    assert doc.title == lf.title
    assert [s.title for s in doc.sections] == [s.title for s in lf.sections]
    assert not [b for b in all_blocks(doc) if "\r" in b.text]
    assert only_table(doc).rows[-1].cells == ("Energy", "Gas", "Grid")
    graph = graph_of(doc)
    assert isomorphic(graph, graph_of(lf))
    assert not [o for o in literals(graph) if "\r" in o]


@pytest.mark.parametrize(
    "separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"], ids=repr
)
def test_F_line_and_paragraph_separators_inside_a_cell_keep_one_row(separator: str) -> None:
    """F: Unicode line and paragraph separators (and VT, FF, FS) inside a cell."""
    doc = parsed(LEAD + TABLE + f"Trade{separator}talks | New{separator}deals | Tariffs |\n")
    assert rows(doc) == [(5, ("Trade talks", "New deals", "Tariffs"))]
    assert separator in only_table(doc).rows[0].text  # the source text is kept as it was
    assert doc.warnings == ()
    assert len(doc.text.split("\n")) == 5
    assert {"trade talks", "new deals"} <= {label.casefold() for label in labels(graph_of(doc))}


# --- placement ----------------------------------------------------------------------------


def test_F_table_as_last_line_and_right_after_a_heading_or_bullet_is_parsed() -> None:
    """F: a table on the last line (no final newline), right after a heading or a list item."""
    last = parsed(LEAD + TABLE + "Trade | New deals | Tariffs |")
    assert rows(last) == [(5, ("Trade", "New deals", "Tariffs"))]
    assert only_table(last).end == len(last.text)
    assert only_table(last).rows[0].end == len(last.text)
    doc = parsed(
        LEAD + "Key Outcomes\nA | B |\n---|---|\n1 | 2 |\n- item: one\nC | D |\n---|---|\n3 | 4 |"
    )
    assert doc.sections[-1].title == "Key Outcomes"
    shapes = [(type(b), b.line) for b in body_blocks(doc)]
    assert shapes == [(Paragraph, 2), (Table, 4), (ListBlock, 7), (Table, 8)]
    assert [t.rows[0].cells for t in body_blocks(doc) if isinstance(t, Table)] == [
        ("1", "2"),
        ("3", "4"),
    ]
    assert doc.warnings == ()


def test_F_two_tables_back_to_back_and_a_header_only_table() -> None:
    """F: two tables with or without a blank line between; a header with no rows."""
    for between, second in (("", 6), ("\n", 7)):
        doc = parsed(LEAD + f"A | B |\n---|---|\n1 | 2 |\n{between}C | D |\n---|---|\n3 | 4 |\n")
        tables = [b for b in body_blocks(doc) if isinstance(b, Table)]
        assert [(t.line, t.header, [r.cells for r in t.rows]) for t in tables] == [
            (3, ("A", "B"), [("1", "2")]),
            (second, ("C", "D"), [("3", "4")]),
        ]
        assert tables[1].intro is None
    header_only = parsed(LEAD + TABLE.rstrip("\n"))
    assert only_table(header_only).rows == ()
    assert header_only.warnings == ((3, "table header without rows: no claims from it"),)
    assert not list(graph_of(header_only).subjects(RDF.type, SKG.Outcome))
    before_prose = parsed(LEAD + "A | B |\n---|---|\n\nThe end of the briefing.\n")
    table = only_table(before_prose)
    assert (table.header, table.rows, table.text) == (("A", "B"), (), "A | B |\n---|---|")
    assert before_prose.warnings == ((3, "table header without rows: no claims from it"),)


def test_F_bullet_variants_split_at_the_first_colon_after_a_label() -> None:
    """F: ``-``, ``*``, ``+`` and nested markers, colons inside the description, no colon,
    and a marker without a space (not a marker)."""
    doc = parsed(
        LEAD + "- Key: value\n* Star: x\n+ Plus: y\n  - Nested: z\n- Time: 10:30 local\n"
        "- Link: http://example.org/a:b\n- no colon in this item\n-Key without a space\n"
    )
    items = [(i.label, i.description, i.depth) for i in only_list(doc).items]
    assert items == [
        ("Key", "value", 0),
        ("Star", "x", 0),
        ("Plus", "y", 0),
        ("Nested", "z", 1),
        ("Time", "10:30 local", 0),
        ("Link", "http://example.org/a:b", 0),
        (None, None, 0),
    ]
    assert isinstance(body_blocks(doc)[-1], Paragraph)  # "-Key": no marker without a space
    assert body_blocks(doc)[-1].text == "-Key without a space"
    assert doc.warnings[0][0] == 6 and "nested list item" in doc.warnings[0][1]
    alone = parsed(LEAD + "-Trade is key to the talks.\n")
    assert not any(isinstance(b, ListBlock) for b in body_blocks(alone))


def test_F_heading_heuristics_follow_the_documented_rules() -> None:
    """F: questions, Title Case with a stop, over-long lines, ``#`` headings, one-line files."""
    long_line = " ".join(["Long"] * 40)
    doc = parsed(
        LEAD + "Is This a Heading?\nText here.\nA Heading With a Stop.\nMore text.\n"
        f"{long_line}\n# Real Heading\nEnd text.\n"
    )
    assert [s.title for s in doc.sections] == [None, "Is This a Heading?", "Real Heading"]
    assert [b.text for b in doc.sections[1].blocks] == [
        "Text here.",
        "A Heading With a Stop.",
        "More text.",
        long_line,
    ]
    plain = parsed(LEAD + "Summary and Outlook\nThe talks will cover trade.\nThe Talks Went On.\n")
    assert [s.title for s in plain.sections] == [None, "Summary and Outlook"]
    assert [(type(b), b.text) for b in plain.sections[1].blocks] == [
        (Paragraph, "The talks will cover trade."),
        (Paragraph, "The Talks Went On."),
    ]
    one = parsed("One line only.")
    assert (one.title, one.sections) == ("One line only.", ())
    assert isinstance(one.headlines[0], Heading)
    lower = parsed("the talks began today in oslo.\nMore prose.\n")
    assert lower.title == "the talks began today in oslo."
    assert isinstance(lower.headlines[0], Heading)


def test_F_markdown_and_html_in_text_are_stored_as_plain_text() -> None:
    """F: script tags, ``javascript:`` links and bold markup in prose and cells."""
    doc = parsed(
        LEAD
        + "Watch <script>alert(1)</script> and [x](javascript:alert(1)) and **bold**.\n\n"
        + TABLE
        + "<script>x</script> Trade | **New** deals [y](javascript:z) | Tariffs |\n"
    )
    graph = graph_of(doc)
    assert "New deals y" in labels(graph)
    assert not [label for label in labels(graph) if "javascript" in label or "**" in label]
    datatypes = {o.datatype for o in graph.objects() if isinstance(o, Literal)}
    assert not datatypes & {RDF.HTML, RDF.XMLLiteral}
    assert_labels_in_source(graph, doc)


# --- size, encoding, empty and repeated files ---------------------------------------------


def test_F_a_file_over_the_size_cap_or_a_10_mb_line_is_a_clear_error(tmp_path: Path) -> None:
    """F: a 10 MB line, and a file of more rows than the byte limit allows."""
    export = Export(tmp_path)
    export.refuses(written(tmp_path, "line.md", LEAD + "x" * 10_000_000), "byte limit")
    many = LEAD + TABLE + "Trade | Deal | Focus |\n" * 300_000
    export.refuses(written(tmp_path, "rows.md", many), "byte limit")


def test_F_below_the_size_cap_parsing_time_is_linear() -> None:
    """F: a table ten times longer takes about ten times as long, not a hundred."""

    def seconds(count: int, tag: str) -> float:
        body = "".join(f"Topic {tag}{i} | Outcome {i} | Focus {i} |\n" for i in range(count))
        hostile()
        start = time.perf_counter()
        extract(parse_article(LEAD + TABLE + body))
        return time.perf_counter() - start

    seconds(50, "warm")
    small, large = seconds(300, "s"), seconds(3000, "l")
    assert large < 30 * small + 0.5, (small, large)  # quadratic would be ~100×


@pytest.mark.parametrize(
    ("name", "data", "phrase"),
    [
        ("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
        ("utf16.md", "Leaders Meet\nTalks.\n".encode("utf-16-le"), "not a text file"),
        ("nul.md", b"Leaders Meet\nTalks\x00.\n", "NUL"),
        ("latin1.md", "Caf\u00e9 Summit\nTalks.\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_F_binary_or_non_utf8_input_is_a_clear_error_and_nothing_is_written(
    tmp_path: Path, name: str, data: bytes, phrase: str
) -> None:
    """F: PNG bytes, UTF-16, a NUL byte, Latin-1."""
    Export(tmp_path).refuses(written(tmp_path, name, data), phrase)


def test_F_empty_whitespace_only_table_only_and_headings_only_files(tmp_path: Path) -> None:
    """F: an empty file, whitespace only, noise only, a table only, headings only."""
    for text in ("", "   ", "\n\n\t\n", "\ufeff", "\r\n\r\n", "\ufeff \r"):
        hostile()
        with pytest.raises(LoaderError, match="empty article") as info:
            parse_article(text, source="blank.md")
        assert info.value.path == "blank.md"
        assert str(info.value).startswith("blank.md: ")
    hostile()
    with pytest.raises(LoaderError, match="no article text found"):
        parse_article("Stay tuned for more.\nShare this article\n", source="noise.md")
    export = Export(tmp_path)
    for name, body in (("empty.md", ""), ("blank.md", " \n\t\n\u00a0\n")):
        export.refuses(written(tmp_path, name, body))
    table = parsed("Topic | Possible Outcome |\n---|---|\nTrade | New deals |\n")
    assert [type(b) for b in table.blocks()] == [Table]
    assert "New deals" in labels(graph_of(table))
    headings = parsed("# One\n## Two\n### Three\n")
    assert (headings.title, [s.title for s in headings.sections]) == ("One", ["Two", "Three"])
    assert len(graph_of(headings)) > 0


def test_F_same_article_twice_is_idempotent_and_us_aliases_meet(tmp_path: Path) -> None:
    """F: the same article loaded twice, under two names; "U.S.", "US", "United States"."""
    text = (
        "Trump-Putin Summit Set for Alaska\n"
        "The U.S. and US officials said the United States would attend.\n"
    )
    source = written(tmp_path, "a.md", text)
    copy = written(tmp_path, "b.md", text)
    hostile(2)
    once = kg.load(source)
    twice = kg.load(source, copy, source)
    data = twice.data()
    assert isomorphic(once.data(), data) and len(twice.documents()) == 1
    mentioned = set(data.objects(None, SKG.mentions))
    assert {ID["actor/united-states"], ID["actor/donald-trump"], ID["actor/vladimir-putin"]} <= (
        mentioned
    )
    assert not [m for m in mentioned if "u-s" in str(m) or str(m).endswith("/us")]


def test_F_every_label_occurs_in_the_normalised_article_text() -> None:
    """F: CRLF, NBSP, bold, entities, footnote marks, a U+2028, a combining accent and a
    zero-width space in one article: every label still occurs in the text."""
    doc = parsed(
        "Leaders\u00a0Meet in Oslo\r\n"
        "The talks begin today; **Arms Control** and &amp; trade.[1]\r\n\r\n"
        "The agenda is expected to cover:\r\n- Trade: tariffs\u2028and quotas\r\n"
        + TABLE
        + "Caf\u0301e Security | Possible **new** deals | Grid\u200b |\r\n"
    )
    assert assert_labels_in_source(graph_of(doc), doc) >= 4
