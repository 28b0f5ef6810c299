"""The structure of real coverage: issue headings, furniture, any list, labels as written.

Fixtures (tests/fixtures/genre/issue-headings.md, wire-takeaways.md) are the
project's own text about an invented summit, in the forms newsrooms write:
sentence-case issue headings, a question heading between dashes, widget
titles (one glued to a heading), a photo caption with an agency credit, a
wire's key-takeaways list and label bullets without a space after the star.
"""

from __future__ import annotations

import pytest

from kg.text.claims import Claims
from kg.text.document import Document, ListBlock, ListItem, Paragraph, Sentence
from kg.text.extract import extract
from kg.text.lexicon import concept_key, issue_heading, question_heading
from kg.text.parse import parse_article
from kg.text.parse.cursor import Cursor
from kg.text.parse.headings import sentence_heading
from kg.text.parse.noise import credit_kind, glued_widget, noise_kind
from tests.support.paths import GENRE


def doc_of(name: str) -> Document:
    return parse_article((GENRE / name).read_text(encoding="utf-8"), source=name)


def claims_of(name: str) -> Claims:
    return extract(doc_of(name))


# --- headings -----------------------------------------------------------------------------


def test_sentence_case_and_dashed_question_headings_open_sections():
    doc = doc_of("issue-headings.md")
    assert [(s.title, s.heading.style) for s in doc.sections if s.heading] == [
        ("Fishing quotas", "sentence"),
        ("Security guarantees for the Baltic", "sentence"),  # after "More Shorts" glued
        ("What does Paris want?", "dashed"),
        ("Emerging technologies", "sentence"),
        ("What could go wrong", "sentence"),
    ]
    for section in doc.sections:
        if section.heading is not None:
            heading = section.heading
            assert doc.text[heading.start : heading.end] == heading.text


def test_glued_widget_is_cut_and_the_heading_keeps_its_own_offsets():
    doc = doc_of("issue-headings.md")
    heading = next(s.heading for s in doc.sections if s.title and s.title.startswith("Security"))
    assert heading is not None
    assert heading.text == "Security guarantees for the Baltic"
    assert doc.text[heading.start - len("More Shorts") : heading.start] == "More Shorts"


def test_furniture_is_skipped_and_each_line_reported_with_its_reason():
    doc = doc_of("issue-headings.md")
    assert [(line, message.split(":")[0]) for line, message in doc.warnings] == [
        (2, "skipped as noise (byline)"),  # "Last modified: …"
        (3, "skipped as noise (advert)"),  # "ARTICLE AD BOX"
        (9, "skipped as noise (widget)"),  # "Impact Shorts"
        (10, "skipped as noise (widget title glued to the next line)"),
        (12, "skipped as noise (caption)"),  # "… REUTERS/Ola Dahl"
        (22, "skipped as noise (related)"),  # "Also Read"
        (23, "skipped as noise (navigation)"),  # "Back to Library"
    ]
    kept = " ".join(b.plain for s in doc.sections for b in s.blocks)
    assert "REUTERS" not in kept and "Shorts" not in kept and "AD BOX" not in kept


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Impact Shorts", "widget"),
        ("More Shorts", "widget"),
        ("ARTICLE AD BOX", "advert"),
        ("Back to Library", "navigation"),
        ("Last modified: 14 May 2031 09:12 BST", "byline"),
        ("Image caption, The leaders met in Hanoi", "caption"),
    ],
)
def test_widget_and_furniture_lines(line: str, kind: str):
    assert noise_kind(line) == kind


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("AFP via Getty Images", True),
        ("Leaders at the 2029 summit in Osaka. REUTERS/Kim Lee", True),
        ("The two leaders shake hands in Hanoi. Photo: AP", True),
        ("WASHINGTON (Reuters) - The talks will resume on Monday, officials said.", False),
        ("The talks ended early, according to AFP.", False),
        ("Erdoğan will host the talks next week.[1] (Photo: Press Office)", False),
    ],
)
def test_captions_and_credits_are_read_on_the_source_line(line: str, caption: bool):
    assert (credit_kind(line) == "caption") is caption


def test_glued_widget_needs_a_capital_right_after_the_title():
    assert glued_widget("Also ReadTrade truce holds") == "Also Read"
    assert glued_widget("Also Read the statement in full.") is None
    assert glued_widget("Related talks are planned") is None


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Land swaps\nRussia could demand the whole region, analysts believe.", "Land swaps"),
        ("A ceasefire\nKyiv is seeking a full ceasefire before any talks.", "A ceasefire"),
        (
            "Will there be a deal?\nFew expect a signed text before the end of the week.",
            "Will there be a deal?",
        ),
        # not a heading: a stop, a list after it, short prose after it, an intro above it
        ("Land swaps.\nRussia could demand the whole region, analysts believe.", None),
        ("Land swaps\n- Donbas\n- Crimea", None),
        ("Land swaps\nNot yet.", None),
        ("land swaps\nRussia could demand the whole region, analysts believe.", None),
    ],
)
def test_sentence_heading_rule(text: str, heading: str | None):
    got = sentence_heading(Cursor(text, "<t>"), 0)
    assert (got[0] if got else None) == heading


def test_a_line_after_an_intro_is_an_item_not_a_sentence_heading():
    cursor = Cursor(
        "The agenda:\nLand swaps\nRussia could demand the whole region, analysts say.", "t"
    )
    assert sentence_heading(cursor, 1) is None


def test_issue_headings_become_topics_and_framing_headings_do_not():
    claims = claims_of("issue-headings.md")
    assert [(t.label, t.surface, t.source.line) for t in claims.topics] == [
        ("Fishing Quotas", "Fishing quotas", 7),
        ("Security guarantees for the Baltic", "Security guarantees for the Baltic", 10),
        ("Emerging Technologies", "Emerging technologies", 17),  # whole, not "Technologies"
        (
            "Ferry Contract",
            "ferry contract",
            21,
        ),  # "a row over the ferry contract", not the heading
    ]
    by_title = {s.heading.title if s.heading else None: s for s in claims.sections}
    assert by_title["What could go wrong"].topic is None
    assert by_title["Fishing quotas"].topic is not None
    assert [p.line for p in by_title["Fishing quotas"].prose] == [8]


def test_a_question_heading_naming_an_actor_makes_the_section_that_actors():
    claims = claims_of("issue-headings.md")
    (paris,) = [s for s in claims.sections if s.heading and "Paris" in s.heading.text]
    assert [a.id for a in paris.actors] == ["actor/france"]
    assert paris.topic is None
    assert [b.line for b in paris.prose] == [15]


@pytest.mark.parametrize(
    ("title", "issue"),
    [
        ("Security guarantees for Ukraine", "Security guarantees for Ukraine"),
        ("TAKING STOCK OF CLIMATE FINANCE", "TAKING STOCK OF CLIMATE FINANCE"),
        ("What could go wrong", None),
        ("Background", None),
        ("Analysis", None),
        ("What happens next", None),
        ("Key takeaways", None),
        ("The bottom line", None),
        ("Will there be a deal?", None),
    ],
)
def test_issue_heading(title: str, issue: str | None):
    assert issue_heading(title) == issue


def test_question_heading():
    assert question_heading("What does Beijing want?")
    assert question_heading("What Russia wants")
    assert not question_heading("Land swaps")


# --- any list -----------------------------------------------------------------------------


def test_lists_without_a_role_are_kept_and_handed_to_the_sentence_reader():
    claims = claims_of("wire-takeaways.md")
    doc = claims.document
    takeaways, _expect = [b for s in doc.sections for b in s.blocks if isinstance(b, ListBlock)]
    assert [i.marker for i in takeaways.items] == ["•", "•", "•"]
    assert takeaways.items[0].label is None  # a sentence is not split into a label
    (lead,) = claims.sections
    prose = lead.prose
    assert [type(b).__name__ for b in prose] == [
        "Paragraph",
        "ListItem",
        "ListItem",
        "ListItem",
        "Paragraph",
        "ListItem",
        "ListItem",
    ]
    assert [b.line for b in prose if isinstance(b, ListItem)] == [3, 4, 5, 7, 8]
    assert all(isinstance(b, Paragraph | ListItem) for b in prose)
    # no claim of a structural reader from these blocks: only the sentence reader reads them
    structural = [
        c for c in (*claims.outcomes, *claims.concerns) if not isinstance(c.source, Sentence)
    ]
    assert structural == []


def test_star_glued_to_a_label_is_an_item_and_its_label_a_topic_as_written():
    claims = claims_of("wire-takeaways.md")
    items = [
        b
        for s in claims.document.sections
        for block in s.blocks
        if isinstance(block, ListBlock)
        for b in block.items
    ]
    assert [(i.marker, i.label) for i in items[3:]] == [
        ("*", "Ferry contract"),
        ("*", "Port authority"),
    ]
    assert [(t.label, t.surface) for t in claims.topics] == [
        ("Ferry Contract", "Ferry contract"),
        ("Port Authority", "Port authority"),
    ]


def test_emphasis_and_bold_lines_are_not_tight_items():
    doc = parse_article("Talks\nThe talks began.\n*Note* the date.\n**Trade:** tariffs\n")
    blocks = [b for s in doc.sections for b in s.blocks]
    assert not any(isinstance(b, ListBlock) for b in blocks[:2])


def test_a_role_less_list_label_that_names_an_actor_or_reads_as_a_clause_is_no_topic():
    text = (
        "Talks in Oslo\nThe talks ended on Friday in Oslo, officials said. The main points:\n"
        "- Norway: it will raise the quota\n- Moreau said France wanted: a new date\n"
        "- Fishing quotas: a rise by a fifth\n"
    )
    claims = extract(parse_article(text))
    assert [t.label for t in claims.topics] == ["Fishing Quotas"]


# --- labels as written --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "key", "shown"),
    [
        ("Emerging technologies", "emerging-technologies", "Emerging Technologies"),
        ("Reevaluating arms control", "arms-control", "Arms Control"),  # the briefing's merge
        ("Sanctions Policy", "sanctions", "Sanctions"),
        (
            "Both sides want calmer borders",
            "both-sides-want-calmer-borders",
            "Both sides want calmer borders",
        ),
        # a heading opened by a verb phrase ("taking stock of") names its object as written
        ("Taking stock of climate progress", "climate-progress", "Climate Progress"),
        ("TAKING STOCK OF EMISSIONS", "emissions", "Emissions"),
    ],
)
def test_concept_labels_are_spans_never_a_last_word_nor_a_title_cased_sentence(
    label: str, key: str, shown: str
):
    assert concept_key(label) == (key, shown)
    if len(shown.split()) > 3:
        assert shown in label  # a span of the source, in its case
