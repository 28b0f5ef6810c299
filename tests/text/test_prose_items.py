"""Concerns and recommendations from sentences (kg.text.extract.prose.items)."""

from __future__ import annotations

from kg.text.extract import extract
from kg.text.parse import parse_article


def _items(body: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    claims = extract(parse_article("Talks in Oslo\n" + body + "\n"))
    recommendations = [(r.label, [a.label for a in r.addressed_to]) for r in claims.recommendations]
    return [c.label for c in claims.concerns], recommendations


def test_feared_content_is_the_label() -> None:
    concerns, _ = _items(
        "Analysts say sanctions may bite but warn that the Kremlin may respond by "
        "escalating strikes."
    )
    assert concerns == ["the Kremlin may respond by escalating strikes"]


def test_risk_in_place_and_pronoun_dropped() -> None:
    concerns, _ = _items("Beijing has warned that they could raise tensions near the shoal.")
    assert concerns == ["could raise tensions near the shoal"]


def test_urged_to_is_a_recommendation_to_the_actor_urged() -> None:
    _, recommendations = _items(
        "Zelenskyy urged allies to provide long-range missiles, which Trump declined."
    )
    assert recommendations == [("provide long-range missiles", ["allies"])]


def test_should_but_not_should_be() -> None:
    _, recommendations = _items("Leaders should agree on targets. Sanctions should be lifted.")
    assert recommendations == [("agree on targets", [])]


def test_a_concern_leaves_out_its_circumstance_and_the_risk_named_before_it() -> None:
    concerns, _ = _items(
        "Diplomats fear that a new dispute over the islets could overshadow the meeting, as "
        "such rows have done before. Aid agencies warned of a risk that the reopened crossing "
        "would be used to move weapons."
    )
    assert concerns == [
        "a new dispute over the islets could overshadow the meeting",
        "the reopened crossing would be used to move weapons",
    ]


def test_a_risk_item_leaves_out_its_circumstance_after_a_comma() -> None:
    claims = extract(
        parse_article(
            "Tirana summit\n\nWhat to watch:\n\n"
            "- Italian judges could again block transfers to the Albanian centres, as they did"
            " in 2024 and 2025, leaving the facilities largely empty.\n"
            "- Media framing of the meeting as a bloc aimed at Washington.\n"
        )
    )
    assert [c.label for c in claims.concerns] == [
        "Italian judges could again block transfers to the Albanian centres",
        "Media framing of the meeting as a bloc aimed at Washington.",
    ]


def test_a_concern_ends_before_its_circumstance_after_with_though_or_if() -> None:
    concerns, _ = _items(
        "Diplomats warn that the rivalry could split the bloc, with smaller members reluctant "
        "to sign anything. Analysts fear the fund could run dry, though donors deny it. "
        "Officials worry that the truce could collapse, if the rains come early."
    )
    assert concerns == [
        "the rivalry could split the bloc",
        "the fund could run dry",
        "the truce could collapse",
    ]
