"""Unit tests for the article parser (kg.text.parse): text → Document.

Covers the harbour fixture's structure and the parser's rules one by one:
normalisation, cells, table boundaries and intros, headings, list markers
and labels, noise above a table. The malformed inputs of the reliability
table (ragged rows, separators, pipes, line endings, Unicode, BOM, empty
files…) are in ``test_parse_malformed.py``.
"""

from __future__ import annotations

import pytest

from kg.text.document import Document, ListBlock, Paragraph, Table
from kg.text.parse import looks_like_heading, normalise_text, parse_article, split_cells
from tests.support.documents import LEAD, all_blocks, body_blocks, only_list, only_table
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


# --- tables: boundaries and intros ---------------------------------------------------


def test_table_ends_at_the_first_line_without_a_pipe():
    doc = parse_article(LEAD + "A | B |\n---|---|\n1 | 2 |\nAfterwards the talks continued.\n")
    table = only_table(doc)
    assert table.text == "A | B |\n---|---|\n1 | 2 |"
    assert isinstance(body_blocks(doc)[-1], Paragraph)
    assert body_blocks(doc)[-1].line == 6


def test_table_right_after_a_paragraph_takes_it_as_intro():
    doc = parse_article(LEAD + "Analysts expect these results:\nA | B |\n---|---|\n1 | 2 |\n")
    table = only_table(doc)
    assert table.intro is not None
    assert table.intro.text == "Analysts expect these results:"
    assert table.line == 4


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


def test_second_title_line_before_prose_is_a_sub_headline():
    doc = parse_article(
        "Leaders Meet in Oslo\nTrade and Energy on the Table\nThe talks begin today.\n"
    )
    assert [h.title for h in doc.headlines] == [
        "Leaders Meet in Oslo",
        "Trade and Energy on the Table",
    ]
    assert [s.title for s in doc.sections] == [None]


MASTHEAD = (
    "THE NORTHERN LEDGER\n"
    "Home ▸ World ▸ Europe\n\n"
    "Leaders of Erland and Vossia meet in Kirkwall over fishing\n\n"
    "**Leaders of Erland and Vossia meet in Kirkwall over fishing**\n\n"
    "By Ana Moreau | 2 June 2031\n\n"
    "The two leaders will meet on 9 June to settle the fishing quotas.\n"
)


def test_the_headline_under_an_outlets_masthead_is_the_title():
    """A short line in capitals, then (past a breadcrumb) a line that ends no sentence: the
    outlet's name, then the headline, which titles the document; its bold copy is skipped."""
    doc = parse_article(MASTHEAD)
    assert doc.title == "Leaders of Erland and Vossia meet in Kirkwall over fishing"
    assert [h.title for h in doc.headlines] == ["THE NORTHERN LEDGER", doc.title]
    assert any("breadcrumb" in warning for _, warning in doc.warnings)
    assert any("duplicate of the headline" in warning for _, warning in doc.warnings)


def test_a_line_of_fields_under_a_masthead_is_no_headline():
    doc = parse_article("THE NORTHERN LEDGER\nPolicy Brief No. 4 | 2 June 2031\n\nTalks.\n")
    assert doc.title == "THE NORTHERN LEDGER"


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
