"""Unit tests for the article parser (kg.parse): text → Document.

Covers the harbour fixture's structure and the malformed or unusual inputs a
pipe-table/markdown parser must handle (line endings, pipes, separators,
ragged rows, Unicode line separators, BOM, NBSP, headings, list markers).
"""

from __future__ import annotations

import pytest

from kg.errors import LoaderError
from kg.text.document import Document, Heading, ListBlock, Paragraph, Table
from kg.text.parse import looks_like_heading, normalise_text, parse_article, split_cells
from tests.support.documents import LEAD, all_blocks, body_blocks, only_list, only_table, shape
from tests.support.paths import FIXTURES

HARBOUR = FIXTURES / "harbour-summit.md"


@pytest.fixture(scope="module")
def harbour_text() -> str:
    return HARBOUR.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def harbour(harbour_text: str) -> Document:
    return parse_article(harbour_text, source="harbour-summit.md")


# --- the harbour fixture --------------------------------------------------------------


def test_harbour_text_is_normalised_fixture_with_28_lines(harbour: Document, harbour_text: str):
    assert harbour.text == harbour_text  # already LF, NFC, no BOM
    assert harbour.text.count("\n") == 27
    assert not harbour.text.endswith("\n")
    assert harbour.source == "harbour-summit.md"


def test_harbour_headlines(harbour: Document):
    assert harbour.title == "Ølgaard and Ellertsson Set to Meet in Tromsø for Harbour Summit"
    assert [(h.line, h.title, h.level) for h in harbour.headlines] == [
        (1, "Ølgaard and Ellertsson Set to Meet in Tromsø for Harbour Summit", 1),
        (2, "Norway and Iceland Plan Talks on Fisheries, Ports and Arctic Research", 1),
    ]


def test_harbour_sections_titles_and_heading_lines(harbour: Document):
    assert [s.title for s in harbour.sections] == [
        None,
        "Regional Stakes in the North Atlantic",
        "Guidance for the Negotiators in Tromsø",
        "Outlook for the Talks",
    ]
    assert [s.heading.line if s.heading else None for s in harbour.sections] == [
        None,
        13,
        22,
        26,
    ]


def test_harbour_block_kinds_and_lines_per_section(harbour: Document):
    kinds = [[(type(b).__name__, b.line) for b in s.blocks] for s in harbour.sections]
    assert kinds == [
        [("Paragraph", 3), ("Paragraph", 4), ("ListBlock", 5), ("Table", 8)],
        [("Paragraph", 14), ("ListBlock", 15), ("Paragraph", 17), ("Table", 18)],
        [("Paragraph", 23), ("ListBlock", 24)],
        [("Paragraph", 27)],
    ]


def test_harbour_agenda_list_items_have_label_and_description(harbour: Document):
    agenda = harbour.sections[0].blocks[2]
    assert isinstance(agenda, ListBlock)
    assert [(i.line, i.label, i.description) for i in agenda.items] == [
        (
            5,
            "Strengthening fisheries cooperation",
            "Sharing catch data and setting joint quotas for cod and herring",
        ),
        (6, "Port infrastructure", "Upgrading harbour facilities in Tromsø and Reykjavík"),
        (7, "Search and rescue", "Coordinating coast guard patrols in the Norwegian Sea"),
    ]
    assert agenda.items[1].content == (
        "Port infrastructure: Upgrading harbour facilities in Tromsø and Reykjavík"
    )


def test_harbour_list_intros_are_the_preceding_paragraphs(harbour: Document):
    lists = [b for b in body_blocks(harbour) if isinstance(b, ListBlock)]
    intros = [(lb.intro.line, lb.intro.text.split(". ")[-1]) for lb in lists if lb.intro]
    assert intros == [
        (4, "The agenda is expected to cover:"),
        (14, "Key concerns include:"),
        (23, "Two steps are recommended for the negotiators:"),
    ]


def test_harbour_concern_and_recommendation_items_have_no_label(harbour: Document):
    concerns = harbour.sections[1].blocks[1]
    recs = harbour.sections[2].blocks[1]
    assert isinstance(concerns, ListBlock) and isinstance(recs, ListBlock)
    assert [(i.content, i.label) for i in concerns.items] == [
        ("Declining cod stocks in the Barents Sea", None),
        ("Growing ship traffic through Arctic waters", None),
    ]
    assert [i.content for i in recs.items] == [
        "Publishing a joint statement on fishing quotas before the summit closes.",
        "Setting up a permanent working group on port safety.",
    ]
    assert all(i.description is None for i in recs.items)


def test_harbour_table_a(harbour: Document):
    table = harbour.sections[0].blocks[3]
    assert isinstance(table, Table)
    assert table.header == ("Discussion Topic", "Primary Focus", "Expected Outcome")
    assert table.header_line == 8
    assert table.intro is None  # preceded by a list, not a paragraph
    assert [(r.line, r.cells) for r in table.rows] == [
        (
            10,
            (
                "Fisheries Cooperation",
                "Quota coordination, catch data sharing",
                "Joint management plan",
            ),
        ),
        (11, ("Port Infrastructure", "Harbour investment", "Expanded shipping capacity")),
        (12, ("Search and Rescue", "Coast guard patrols", "Faster emergency response")),
    ]


def test_harbour_table_b_and_its_intro(harbour: Document):
    table = harbour.sections[1].blocks[3]
    assert isinstance(table, Table)
    assert table.header == ("Area of Focus", "Possible Outcome", "Geopolitical Significance")
    assert table.header_line == 18
    assert table.intro is not None and table.intro.line == 17
    assert table.intro.text == "Analysts have sketched the most probable results in two areas:"
    assert [r.cells[0] for r in table.rows] == ["Fisheries Cooperation", "Arctic Research"]
    assert [r.line for r in table.rows] == [20, 21]
    assert table.rows[0].cells[1] == "Likely agreement on shared cod quotas"


def test_harbour_noise_line_is_dropped_but_kept_in_text(harbour: Document):
    assert "Stay tuned" in harbour.text
    assert not any("Stay tuned" in b.text for b in all_blocks(harbour))
    last = harbour.sections[-1].blocks[-1]
    assert last.text.startswith("The summit opens next Thursday")


def test_harbour_warns_only_about_its_noise_line(harbour: Document):
    assert harbour.warnings == (
        (28, "skipped as noise (footer): Stay tuned for further coverage as the talks progress."),
    )


def test_harbour_offsets_slice_the_text_for_every_block(harbour: Document):
    blocks = all_blocks(harbour)
    # 2 headlines, 3 headings, 6 paragraphs, 3 lists with 7 items, 2 tables with 5 rows
    assert len(blocks) == 28
    for block in blocks:
        assert harbour.text[block.start : block.end] == block.text, block


def test_harbour_line_numbers_point_at_the_first_line_of_each_block(harbour: Document):
    lines = harbour.text.split("\n")
    for block in all_blocks(harbour):
        assert lines[block.line - 1] == block.text.split("\n")[0], block
        assert harbour.text.count("\n", 0, block.start) == block.line - 1


# --- normalise_text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeffA\r\nB\rC", "A\nB\nC"),
        ("a\r\r\nb", "a\n\nb"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9"),  # NFC composes the combining accent
        ("x\ufeffy", "x\ufeffy"),  # only a leading BOM is dropped
        ("no change", "no change"),
        ("trailing newline\n", "trailing newline"),
        ("spaces  \ntabs\t\nnbsp\u00a0\n\n\n", "spaces\ntabs\nnbsp"),
        ("  indented\n\n  kept", "  indented\n\n  kept"),
    ],
)
def test_normalise_text(raw: str, expected: str):
    assert normalise_text(raw) == expected


def test_offsets_index_the_nfc_text():
    doc = parse_article("Cafe\u0301 Summit Opens\nThe cafe\u0301 talks begin.\n")
    assert doc.title == "Caf\u00e9 Summit Opens"
    paragraph = body_blocks(doc)[0]
    assert doc.text[paragraph.start : paragraph.end] == "The caf\u00e9 talks begin."


# --- split_cells ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("a | b", ["a", "b"]),
        ("| a | b |", ["a", "b"]),
        ("| a | b", ["a", "b"]),
        ("a | b |", ["a", "b"]),
        ("  | a | b |  ", ["a", "b"]),
        (r"| a \| b | c |", ["a | b", "c"]),
        (r"x \|", ["x |"]),  # an escaped trailing pipe is data, not an outer pipe
        ("|\u00a0a\u00a0b\u00a0| c |", ["a b", "c"]),
        ("| \t a \t |  |", ["a", ""]),
    ],
)
def test_split_cells(line: str, cells: list[str]):
    assert split_cells(line) == cells


# --- tables: pipe placement and separators --------------------------------------------


@pytest.mark.parametrize(
    "table_text",
    [
        "Topic | Focus | Outcome\n---|---|---\nTrade | Tariffs | New deals\n",  # no outer pipes
        "| Topic | Focus | Outcome |\n|---|---|---|\n| Trade | Tariffs | New deals |\n",  # both
        "| Topic | Focus | Outcome\n|---|---|---\n| Trade | Tariffs | New deals\n",  # leading only
        "Topic | Focus | Outcome |\n---|---|---|\nTrade | Tariffs | New deals |\n",  # trailing only
    ],
    ids=["no-outer-pipes", "both-pipes", "leading-only", "trailing-only"],
)
def test_pipe_placement_gives_the_same_cells(table_text: str):
    doc = parse_article(LEAD + table_text)
    table = only_table(doc)
    assert table.header == ("Topic", "Focus", "Outcome")
    assert [r.cells for r in table.rows] == [("Trade", "Tariffs", "New deals")]
    assert table.header_line == 3
    assert table.rows[0].line == 5
    assert doc.warnings == ()


@pytest.mark.parametrize(
    "separator",
    ["|---|---|---|", "| --- | --- | --- |", "|:---|:---:|---:|", "---|---|---|", ":-|-|-:"],
)
def test_separator_variants_are_recognised(separator: str):
    doc = parse_article(LEAD + f"| A | B | C |\n{separator}\n| 1 | 2 | 3 |\n")
    table = only_table(doc)
    assert table.header == ("A", "B", "C")
    assert [r.cells for r in table.rows] == [("1", "2", "3")]


def test_separator_count_mismatch_is_a_paragraph_with_a_warning_naming_the_line():
    doc = parse_article(LEAD + "A | B | C |\n---|---|\n1 | 2 | 3 |\n")
    assert not any(isinstance(b, Table) for b in body_blocks(doc))
    paragraph = body_blocks(doc)[1]
    assert isinstance(paragraph, Paragraph)
    assert (paragraph.line, paragraph.text) == (3, "A | B | C |")
    line, message = doc.warnings[0]
    assert line == 3
    assert "separator" in message and "3 header cells" in message and "2 separator cells" in message
    # the stray separator row is skipped and the pipe line after it is prose: both named
    assert [w[0] for w in doc.warnings] == [3, 4, 5]
    assert "separator row without a header" in doc.warnings[1][1]
    assert "not a table" in doc.warnings[2][1]


def test_pipe_line_without_separator_is_a_paragraph():
    doc = parse_article(LEAD + "Trade | Tariffs\nMore prose follows here.\n")
    assert [type(b).__name__ for b in body_blocks(doc)] == ["Paragraph", "Paragraph", "Paragraph"]
    assert body_blocks(doc)[1].text == "Trade | Tariffs"


def test_ragged_row_shorter_is_padded_with_a_warning():
    doc = parse_article(LEAD + "A | B | C |\n---|---|---|\n1 | 2 |\n")
    table = only_table(doc)
    assert [r.cells for r in table.rows] == [("1", "2", "")]
    assert doc.warnings == ((5, "table row has 2 cells, header has 3"),)


def test_ragged_row_longer_drops_the_excess_with_a_warning():
    doc = parse_article(LEAD + "A | B | C |\n---|---|---|\n1 | 2 | 3 | 4 | 5 |\n")
    table = only_table(doc)
    assert [r.cells for r in table.rows] == [("1", "2", "3")]
    assert len(doc.warnings) == 1
    line, message = doc.warnings[0]
    assert line == 5
    assert "5 cells" in message and "extra cells ignored" in message


def test_escaped_pipe_stays_in_its_cell():
    doc = parse_article(LEAD + "A | B |\n---|---|\nEU \\| Brussels | Trade |\n")
    table = only_table(doc)
    assert [r.cells for r in table.rows] == [("EU | Brussels", "Trade")]
    assert doc.warnings == ()


def test_all_empty_row_is_skipped_with_a_warning():
    doc = parse_article(LEAD + "| A | B |\n|---|---|\n| 1 | 2 |\n|   |   |\n| 3 | 4 |\n")
    table = only_table(doc)
    assert [(r.line, r.cells) for r in table.rows] == [(5, ("1", "2")), (7, ("3", "4"))]
    assert doc.warnings == ((6, "empty table row skipped"),)
    # the table still spans the skipped row
    assert table.text.endswith("| 3 | 4 |")


def test_table_ends_at_the_first_line_without_a_pipe():
    doc = parse_article(LEAD + "A | B |\n---|---|\n1 | 2 |\nAfterwards the talks continued.\n")
    table = only_table(doc)
    assert table.text == "A | B |\n---|---|\n1 | 2 |"
    assert isinstance(body_blocks(doc)[-1], Paragraph)
    assert body_blocks(doc)[-1].line == 6


# --- line endings and Unicode line separators -----------------------------------------

MIXED = (
    LEAD
    + "Key Points\n"
    + "The agenda covers:\n"
    + "- Trade: tariffs\n"
    + "- Energy: pipelines\n"
    + "Topic | Possible Outcome |\n"
    + "---|---|\n"
    + "Trade | New deals |\n"
    + "Energy | Gas pipelines |"
)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_give_the_same_document_as_lf(newline: str):
    lf = parse_article(MIXED)
    other = parse_article(MIXED.replace("\n", newline))
    assert other.text == lf.text
    assert shape(other) == shape(lf)
    assert other.title == lf.title
    assert [s.title for s in other.sections] == [s.title for s in lf.sections]
    assert all("\r" not in b.text for b in all_blocks(other))
    assert only_table(other).rows[-1].cells == ("Energy", "Gas pipelines")


def test_mixed_line_endings_give_the_same_document_as_lf():
    lines = MIXED.split("\n")
    endings = ["\r\n", "\r", "\n"]
    mixed = "".join(line + endings[i % 3] for i, line in enumerate(lines[:-1])) + lines[-1]
    assert shape(parse_article(mixed)) == shape(parse_article(MIXED))


@pytest.mark.parametrize(
    "separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"], ids=repr
)
def test_unicode_line_separators_inside_a_cell_do_not_split_the_row(separator: str):
    doc = parse_article(LEAD + f"A | B |\n---|---|\nTrade{separator}talks | New deals |\n")
    table = only_table(doc)
    assert len(table.rows) == 1
    assert table.rows[0].cells[1] == "New deals"
    assert table.rows[0].cells[0] == "Trade talks"  # cleaned: any whitespace is a space
    assert separator in table.rows[0].text  # the source text is kept as it was
    assert table.rows[0].line == 5
    assert doc.warnings == ()


def test_bom_is_dropped_from_the_title_and_text():
    doc = parse_article("\ufeffLeaders Meet in Oslo\nThe talks begin today.\n")
    assert doc.title == "Leaders Meet in Oslo"
    assert "\ufeff" not in doc.text
    assert doc.headlines[0].start == 0
    assert doc.text[doc.headlines[0].start : doc.headlines[0].end] == "Leaders Meet in Oslo"


def test_nbsp_in_cells_is_normalised_to_spaces_and_trimmed():
    doc = parse_article(
        LEAD + "A | B |\n---|---|\n\u00a0Arms\u00a0Control\u00a0 | \u00a0New deals |\n"
    )
    table = only_table(doc)
    assert table.rows[0].cells == ("Arms Control", "New deals")
    # the row text itself keeps the source characters
    assert "\u00a0" in table.rows[0].text


# --- table placement ------------------------------------------------------------------


def test_table_as_last_line_without_final_newline():
    doc = parse_article(LEAD + "A | B |\n---|---|\nTrade | New deals |")
    table = only_table(doc)
    assert [r.cells for r in table.rows] == [("Trade", "New deals")]
    assert table.end == len(doc.text)
    assert table.rows[0].end == len(doc.text)


def test_table_right_after_a_paragraph_takes_it_as_intro():
    doc = parse_article(LEAD + "Analysts expect these results:\nA | B |\n---|---|\n1 | 2 |\n")
    table = only_table(doc)
    assert table.intro is not None
    assert table.intro.text == "Analysts expect these results:"
    assert table.line == 4


def test_two_tables_back_to_back_separated_by_a_blank_line():
    doc = parse_article(
        LEAD + "A | B |\n---|---|\n1 | 2 |\n\nC | D |\n---|---|\n3 | 4 |\n5 | 6 |\n"
    )
    tables = [b for b in body_blocks(doc) if isinstance(b, Table)]
    assert [(t.line, t.header, [r.cells for r in t.rows]) for t in tables] == [
        (3, ("A", "B"), [("1", "2")]),
        (7, ("C", "D"), [("3", "4"), ("5", "6")]),
    ]
    assert tables[1].intro is None


def test_table_with_header_only_has_zero_rows():
    doc = parse_article(LEAD + "A | B |\n---|---|\n\nThe end of the briefing.\n")
    table = only_table(doc)
    assert table.header == ("A", "B")
    assert table.rows == ()
    assert table.text == "A | B |\n---|---|"
    assert doc.warnings == ((3, "table header without rows: no claims from it"),)


# --- headings -------------------------------------------------------------------------


def test_atx_headings_set_title_level_and_sections():
    doc = parse_article("# Leaders Meet\n\n## Background ##\nSome text here.\n### Details\nMore.\n")
    assert doc.title == "Leaders Meet"
    assert doc.headlines[0].text == "# Leaders Meet"
    assert [(s.title, s.heading.level if s.heading else None) for s in doc.sections] == [
        ("Background", 2),
        ("Details", 3),
    ]
    assert doc.sections[0].heading is not None and doc.sections[0].heading.line == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Summary and Outlook", True),
        ("Regional Stakes in the North Atlantic", True),
        ("Guidance for U.S. Strategy", True),
        ("The talks will cover trade.", False),
        ("Summary and Outlook.", False),
        ("What Comes Next?", False),
        ("Key Concerns:", False),
        ("the talks went on for hours", False),
        ("Topic | Outcome", False),
        ("", False),
        ("   ", False),
        ("2025", False),
        (" ".join(["Word"] * 16), False),
        (" ".join(["Word"] * 15), True),
    ],
)
def test_looks_like_heading(line: str, expected: bool):
    assert looks_like_heading(line) is expected


def test_heading_heuristics_in_a_document():
    doc = parse_article(
        LEAD + "Summary and Outlook\nThe talks will cover trade.\nThe Talks Went On.\n"
    )
    assert [s.title for s in doc.sections] == [None, "Summary and Outlook"]
    assert [(type(b).__name__, b.text) for b in doc.sections[1].blocks] == [
        ("Paragraph", "The talks will cover trade."),
        ("Paragraph", "The Talks Went On."),
    ]


def test_second_title_line_before_prose_is_a_sub_headline():
    doc = parse_article(
        "Leaders Meet in Oslo\nTrade and Energy on the Table\nThe talks begin today.\n"
    )
    assert [h.title for h in doc.headlines] == [
        "Leaders Meet in Oslo",
        "Trade and Energy on the Table",
    ]
    assert [s.title for s in doc.sections] == [None]


def test_a_short_first_paragraph_becomes_the_headline():
    doc = parse_article("the talks began today in oslo.\nMore prose.\n")
    assert doc.title == "the talks began today in oslo."
    assert isinstance(doc.headlines[0], Heading)


# --- lists ----------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["-", "*", "•", "1.", "1)", "+", "  -"])
def test_list_markers(marker: str):
    doc = parse_article(LEAD + f"{marker} Trade: tariffs and quotas\n")
    items = only_list(doc).items
    assert len(items) == 1
    item = items[0]
    assert item.content == "Trade: tariffs and quotas"
    assert (item.label, item.description) == ("Trade", "tariffs and quotas")
    assert item.text == f"{marker} Trade: tariffs and quotas"
    assert doc.text[item.start : item.end] == item.text


def test_mixed_markers_form_one_list_in_order():
    doc = parse_article(LEAD + "- one\n* two\n• three\n1. four\n2) five\n")
    block = only_list(doc)
    assert [i.content for i in block.items] == ["one", "two", "three", "four", "five"]
    assert [i.line for i in block.items] == [3, 4, 5, 6, 7]
    assert block.intro is not None and block.intro.text == "The talks begin today."


def test_marker_without_a_space_is_not_a_list_item():
    doc = parse_article(LEAD + "-Trade is key to the talks.\n")
    assert not any(isinstance(b, ListBlock) for b in body_blocks(doc))


@pytest.mark.parametrize(
    ("body", "label", "description"),
    [
        ("Time: 10:30 local", "Time", "10:30 local"),
        ("Meeting: starts at 10:30: sharp", "Meeting", "starts at 10:30: sharp"),
        ("Link: http://example.org/a:b", "Link", "http://example.org/a:b"),
        ("U.S. strategy: keep allies close", "U.S. strategy", "keep allies close"),
        ("10:30 start of the talks", None, None),
        ("http://example.org/briefing", None, None),
        ("Ratio 3:1 in favour", None, None),
        ("Declining cod stocks in the Barents Sea", None, None),
        ("A very long lead in with many words here: then text", None, None),
        ("Ends with a stop.: odd", None, None),
    ],
)
def test_label_description_split(body: str, label: str | None, description: str | None):
    doc = parse_article(LEAD + f"- {body}\n")
    item = only_list(doc).items[0]
    assert item.content == body
    assert (item.label, item.description) == (label, description)


# --- empty input ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\ufeff", "\r\n\r\n", "\ufeff \r"])
def test_empty_or_whitespace_text_is_a_loader_error(text: str):
    with pytest.raises(LoaderError, match="empty article") as info:
        parse_article(text, source="blank.md")
    assert info.value.path == "blank.md"
    assert str(info.value).startswith("blank.md: ")


def test_noise_only_text_is_a_loader_error():
    with pytest.raises(LoaderError, match="no article text found"):
        parse_article("Stay tuned for more.\nShare this article\n", source="noise.md")


# --- cleaning, label splits, table boundaries (genre variations) ----------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("R&amp;D&nbsp;talks", "R&D talks"),
        ("Putin&#8217;s &ldquo;plan&rdquo;", "Putin’s “plan”"),
        ("one<br>two<BR />three", "one two three"),
        ("<p>Trade <strong>talks</strong></p>", "Trade talks"),
        ('\\"quoted\\" and \\$5', '"quoted" and $5'),
        ("**Bold** and __strong__ and *em*", "Bold and strong and em"),
        ("a [link](http://x.org/a) here", "a link here"),
        ("claim[1][23] ends", "claim ends"),
        ("seen (Photo: Reuters) here", "seen here"),
        ("▪️ item", "▪ item"),
        ("RussiaÕs view, â€œquotedâ€\x9d", "Russia’s view, “quoted”"),
        ("5 * 3 * 2", "5 * 3 * 2"),
        ("AT&T and x&y;z", "AT&T and x&y;z"),
        ("  spaced \t out\u2028line  ", "spaced out line"),
        ("«Reform now», she said", "«Reform now», she said"),
    ],
)
def test_clean_text(raw: str, clean: str):
    from kg.text.document import clean_text

    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("body", "label", "description"),
    [
        ("**Debt relief**: extend the framework", "Debt relief", "extend the framework"),
        ("**Debt relief:** extend the framework", "Debt relief", "extend the framework"),
        ("__Debt relief__ – extend it", "Debt relief", "extend it"),
        ("Food security – grain corridors", "Food security", "grain corridors"),
        ("Energy transition — grid investment", "Energy transition", "grid investment"),
        ("Digital trade - data flows", "Digital trade", "data flows"),
        ("U.S.-Russia ties remain strained", None, None),  # no spaced dash
        ("March 12–13 talks", None, None),  # a range, not a split
        ("A sentence that runs on for a while - then more", None, None),  # 8 words
    ],
)
def test_split_label_forms(body: str, label: str | None, description: str | None):
    from kg.text.parse import split_label

    assert split_label(body) == (label, description)


def test_a_byline_with_pipes_above_a_table_is_noise_not_the_header():
    doc = parse_article(
        LEAD + "By Ann Roe | Aug 3 | 5 min read\nTopic | Focus | Outcome\n---|---|---\n"
        "Trade | Tariffs | Deal\n"
    )
    table = only_table(doc)
    assert table.header == ("Topic", "Focus", "Outcome")
    assert doc.warnings[0][0] == 3 and "byline" in doc.warnings[0][1]


def test_a_table_without_separator_needs_three_lines_with_the_same_cell_count():
    three = parse_article(LEAD + "Topic | Outcome\nTrade | Deal\nEnergy | Pipeline\n")
    table = only_table(three)
    assert (table.separator, table.header, len(table.rows)) == (False, ("Topic", "Outcome"), 2)
    two = parse_article(LEAD + "Topic | Outcome\nTrade | Deal\nMore prose follows.\n")
    assert not [b for b in body_blocks(two) if isinstance(b, Table)]
    assert [line for line, _ in two.warnings] == [3, 4]


def test_horizontal_rules_are_markup_and_lists_end_at_prose():
    doc = parse_article(LEAD + "---\n- one\n- two\nThe talks went on.\n***\n")
    assert [type(b).__name__ for b in body_blocks(doc)] == ["Paragraph", "ListBlock", "Paragraph"]
    assert doc.warnings == ()


def test_a_marker_alone_at_the_end_is_skipped_with_a_warning():
    doc = parse_article(LEAD + "- one\n-\n")
    assert [i.content for i in only_list(doc).items] == ["one"]
    assert doc.warnings == ((4, "list marker without text: skipped"),)


def test_indented_bullets_are_top_level_when_all_items_share_the_indent():
    doc = parse_article(LEAD + "  • one\n  • two\n")
    assert [(i.content, i.depth) for i in only_list(doc).items] == [("one", 0), ("two", 0)]
    assert doc.warnings == ()


def test_last_item_of_a_numbered_list_is_not_a_heading():
    doc = parse_article(LEAD + "1. Arms Control\n2. Trade Relations\nThe talks went on.\n")
    assert [i.content for i in only_list(doc).items] == ["Arms Control", "Trade Relations"]
    assert [s.title for s in doc.sections] == [None]
