"""The extraction evaluation set: recall and precision must not fall below today's figures.

In: the dev articles of ``tests/fixtures/eval/dev`` and their ``.expected.json``, scored in
process by ``benchmarks/extraction.py``. Out: pass/fail per category against the floors
below (the figures measured when they were set, rounded down to 2 decimals; raise them as
extraction improves), and checks of the scorer's matching rule itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.extraction import (
    CATEGORIES,
    Report,
    is_noise,
    labels_match,
    match_pairs,
    normalise,
    score,
    score_file,
)

#: category -> (recall floor, precision floor) on the dev set (41 articles: 29-38, written
#: blind by an outside reader, joined it for the sixth pass; 39, a briefing note with a memo
#: header and an actor-first table written blind for the seventh pass, joined it once it had
#: been read to find that pass's table and memo rules). Where nothing is extracted yet the
#: precision floor is 0.0: a precision over no labels measures nothing. Set after the
#: seventh pass (labelled items of agenda and friction lists read sentence by sentence,
#: table cells written as clauses, a stance on "the idea", a second stance verb, undoing
#: verbs and heads kept in labels, one issue named as an issue, memo headers): topics 0.57 /
#: 0.51, outcomes 0.58 / 0.63, positions 0.44 / 0.54, concerns 0.62 / 0.82, recommendations
#: 0.72 / 0.72, summit place 0.97 / 0.97, participants 0.74 / 0.93, each floor 0.01-0.02
#: below its figure (article 39 alone lowered topics' precision, recommendations and
#: participants: the leaders it names come in its second paragraph, not its lead). After
#: the eighth pass (briefing forms, long agreed objects; the scorer also matches a position's
#: object as written): outcomes 0.59 / 0.63, positions 0.47 / 0.58. The ninth pass added
#: 40 (a wire filed the day its summit ended) and 41 (a memo whose header is in capitals),
#: written blind and read for its summit rules: on 41 articles topics 0.56 / 0.49 (145 of
#: 297 found), outcomes with modality 0.51 / 0.55, places 0.56 / 0.75, concerns 0.56 / 0.82.
#: The eleventh pass (regional organisations and armed groups in the gazetteer) lifted
#: actors to 0.86 / 0.81; the thirteenth (places after "port of" and in list items) places
#: to 0.62 / 0.77. The fourteenth (lists of outcomes, what a text commits the parties to,
#: offers taken up; the scorer matches "set up a fund" with "a fund") outcomes to 0.61 /
#: 0.65 and outcomes with modality to 0.55 / 0.58; the scorer's reading of "unlikely" (an
#: expected label that says it) to 0.55 / 0.58 (152 of 276). The sixteenth step (what an
#: instrument or a dispute is "on", no topic of an outcome's action, date or meeting; dates
#: after a wire's dateline and in later sentences) took topics to 0.59 / 0.54 (155 of 287
#: found), positions to 0.48 / 0.57 and summit start to 0.95 / 1.00; who the opening says
#: was sent or is expected, participants to 0.77 / 0.94 (115 of 149).
FLOOR: dict[str, tuple[float, float]] = {
    "topics": (0.58, 0.52),
    "outcomes": (0.59, 0.63),
    "outcomes+modality": (0.54, 0.57),
    "positions": (0.47, 0.56),
    "actors": (0.85, 0.80),
    "places": (0.60, 0.76),
    "concerns": (0.55, 0.81),
    "recommendations": (0.70, 0.70),
    "summit.place": (0.95, 0.96),
    "summit.status": (1.0, 1.0),
    "summit.start": (0.93, 0.98),
    "summit.end": (0.93, 0.99),
    "summit.participants": (0.76, 0.93),
}

#: The most extracted labels that may match a noise string (the aim is 0; 0 on the 28 older
#: articles; 3 on articles 29-38: a place a noise line also names that the reader does not
#: list ("Port Moresby"), a label-bullets label read as a topic ("Watch points") and an
#: outcome bullet of two sentences that holds a named treaty). A label the reader lists is
#: no noise (it was: "Mae Sot", "Pacific", "Baltic Sea").
NOISE_MAX = 3


@pytest.fixture(scope="module")
def dev() -> Report:
    """The dev set, scored once."""
    return score("dev")


def test_the_dev_set_is_large_enough(dev: Report) -> None:
    assert len(dev.files) >= 20
    assert sum(1 for r in dev.files if r.path.suffix == ".html") >= 5
    assert {r.form for r in dev.files} >= {
        "saved-page",
        "preview",
        "wire",
        "explainer",
        "label-bullets",
        "prose",
    }


@pytest.mark.parametrize("category", CATEGORIES)
def test_recall_and_precision_stay_above_the_floor(dev: Report, category: str) -> None:
    count = dev.total(category)
    recall, precision = FLOOR[category]
    assert count.recall >= recall, f"{category}: recall {count.recall:.3f} < {recall}"
    assert count.precision >= precision, (
        f"{category}: precision {count.precision:.3f} < {precision}"
    )


def test_noise_does_not_grow(dev: Report) -> None:
    found = {r.path.name: r.noise for r in dev.files if r.noise}
    assert dev.noise <= NOISE_MAX, found


def test_every_category_has_expectations(dev: Report) -> None:
    for category in CATEGORIES:
        assert dev.total(category).expected > 0, category


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Trump's tariffs", "tariffs"),
        ("Xi", "Xi Jinping"),
        ("the South China Sea", "South China Sea"),
        ("MARITIME SECURITY", "Maritime security:"),
        ("Erdoğan’s visit", "erdoğan visit"),
        ("critical minerals supply pact", "Critical minerals pact"),
    ],
)
def test_labels_that_match(first: str, second: str) -> None:
    assert labels_match(first, second)
    assert labels_match(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Security guarantees for Ukraine", "Ukraine"),
        ("trade", "trade war escalation risk"),
        ("Paris", "Paris climate agreement"),
        ("North Korea", "South Korea"),
        ("", "trade"),
        ("—", "—"),
    ],
)
def test_labels_that_do_not_match(first: str, second: str) -> None:
    assert not labels_match(first, second)


def test_normalise_drops_articles_possessives_and_punctuation() -> None:
    assert normalise("The U.S.–China Trade War's Toll!") == "u s china trade war toll"
    assert normalise("An agenda") == "agenda"
    assert normalise("theatre") == "theatre"


def test_one_extracted_label_counts_once() -> None:
    assert match_pairs(["trade", "trade deal"], ["trade deal"], labels_match) == 1
    assert match_pairs(["a b", "b"], ["b", "a b c"], labels_match) == 2
    assert match_pairs([], ["x"], labels_match) == 0


def test_a_label_the_reader_lists_is_no_noise(tmp_path: Path) -> None:
    article = tmp_path / "mae-sot.md"
    article.write_text(
        "Aid talks in Bangkok\n\nThailand proposed an aid corridor from Mae Sot.\n\n"
        "Also on the desk: Inside Mae Sot's clinics\n",
        encoding="utf-8",
    )
    expected = {"places": ["Mae Sot"], "noise": ["Inside Mae Sot's clinics"]}
    assert score_file(article, expected).noise == []
    assert score_file(article, {"noise": ["Inside Mae Sot's clinics"]}).noise == ["Mae Sot"]


def test_noise_glued_to_a_heading_is_noise() -> None:
    assert is_noise("More ShortsSecurity guarantees", "More Shorts")
    assert is_noise("Hiroshima", "Hiroshima")
    assert not is_noise("Security guarantees", "More Shorts")
    assert not is_noise("Sochi", "AFP")
