"""The sentence splitter: boundaries, abbreviations, offsets, list markers, linear time."""

from __future__ import annotations

import time

import pytest

from kg.text.document import ListItem, Paragraph
from kg.text.parse import parse_article
from kg.text.parse.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [s.text for s in split_sentences(Paragraph(0, len(text), 1, text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks began. They ended.", ["Talks began.", "They ended."]),
        ("Will they meet? Yes! Soon…", ["Will they meet?", "Yes!", "Soon…"]),
        ("Growth was 3.5 percent. Trade rose.", ["Growth was 3.5 percent.", "Trade rose."]),
        ("Gen. Lee and Mr. Kim met.", ["Gen. Lee and Mr. Kim met."]),
        (
            "The U.S. delegation left. Talks stalled.",
            ["The U.S. delegation left.", "Talks stalled."],
        ),
        ("They met on Sept. 4 in Oslo.", ["They met on Sept. 4 in Oslo."]),
        ("J. D. Vance spoke.", ["J. D. Vance spoke."]),
        ("It starts at 9 a.m. Monday.", ["It starts at 9 a.m. Monday."]),
        ('"We agreed." Then he left.', ['"We agreed."', "Then he left."]),
        (
            "He said: “It is over.” The rest followed.",
            ["He said: “It is over.”", "The rest followed."],
        ),
        ("Wait... Then it began.", ["Wait...", "Then it began."]),
        ("Talks (in Oslo.) Then more.", ["Talks (in Oslo.)", "Then more."]),
        ("One; two; three.", ["One; two; three."]),
        ("the talks ended. then what", ["the talks ended. then what"]),
        ("2026 ended well. 2027 begins.", ["2026 ended well.", "2027 begins."]),
        ("", []),
        ("   ", []),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_us_at_a_sentence_end_stays_joined() -> None:
    """A stop after "U.S." is read as the abbreviation's: mid-sentence use is far more common."""
    assert _split("Sanctions hit the U.S. Markets fell.") == [
        "Sanctions hit the U.S. Markets fell."
    ]


def test_offsets_index_the_document_text_and_lines_count() -> None:
    text = (
        "Leaders Meet in Oslo\nThe talks opened. Trade was first.\n- Tariffs may fall. Or rise.\n"
    )
    doc = parse_article(text)
    blocks = [b for section in doc.sections for b in section.blocks]
    items = [i for b in blocks for i in getattr(b, "items", ())]
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    for block in [*paragraphs, *items]:
        for sentence in split_sentences(block):
            assert doc.text[sentence.start : sentence.end] == sentence.text
            assert sentence.parent is block
            assert doc.text.count("\n", 0, sentence.start) + 1 == sentence.line
    item_sentences = [s.text for i in items for s in split_sentences(i)]
    assert item_sentences == ["Tariffs may fall.", "Or rise."]


def test_a_multi_line_item_keeps_its_offsets_and_lines() -> None:
    text = "- Tariffs\n  may fall. Quotas\n  may rise."
    item = ListItem(0, len(text), 5, text, marker="-")
    sentences = split_sentences(item)
    assert [s.text for s in sentences] == ["Tariffs\n  may fall.", "Quotas\n  may rise."]
    assert [s.line for s in sentences] == [5, 6]
    assert [s.plain for s in sentences] == ["Tariffs may fall.", "Quotas may rise."]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_numbers_from_one_and_no_empty_sentences() -> None:
    sentences = split_sentences(Paragraph(0, 20, 1, "A. B. Cee met. Go!  "))
    assert [s.index for s in sentences] == list(range(1, len(sentences) + 1))
    assert all(s.text.strip() for s in sentences)


def _seconds(line: str) -> float:
    """The best of three timings (the least disturbed by other work on the machine)."""
    timings = []
    for _ in range(3):
        began = time.perf_counter()
        split_sentences(Paragraph(0, len(line), 1, line))
        timings.append(time.perf_counter() - began)
    return min(timings)


@pytest.mark.parametrize("unit", [".", "A. ", "x? ", "U.S. "])
def test_linear_time_on_hostile_lines(unit: str) -> None:
    """Twice the text takes about twice the time (not four times); the absolute bound is
    loose (a slow or busy machine), the ratio is the test."""
    small, large = _seconds(unit * 40_000), _seconds(unit * 80_000)
    assert large < 5.0
    assert large < 3 * small + 0.05


def test_a_run_on_sentence_is_reported_not_read() -> None:
    """A "sentence" longer than MAX_SENTENCE is an artefact: a warning names its line, no claim
    comes from it, and reading it stays fast (readers are not linear in a sentence's length)."""
    from kg.text.extract import extract
    from kg.text.extract.prose import MAX_SENTENCE

    text = "Talks\nA ceasefire may follow. " + "Analysts fear " * 2_000 + "peace.\n"
    began = time.perf_counter()
    claims = extract(parse_article(text))
    assert time.perf_counter() - began < 2.0
    assert len(claims.outcomes) == 1  # from the short sentence before it
    assert claims.concerns == ()
    (warning,) = [w for w in claims.document.warnings if "not read for claims" in w[1]]
    assert warning[0] == 2 and f"longer than {MAX_SENTENCE:,}" in warning[1]
