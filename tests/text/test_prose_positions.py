"""Positions from sentences (kg.text.extract.prose.positions)."""

from __future__ import annotations

from kg.text.extract import extract
from kg.text.parse import parse_article


def _positions(body: str) -> list[tuple[str, str | None, str]]:
    claims = extract(parse_article("Talks in Oslo\n" + body + "\n"))
    return [(p.actors[0].label, p.stance, p.label) for p in claims.positions]


def test_demand_and_the_relative_rejection() -> None:
    found = _positions(
        "Moscow insists that Ukraine withdraw from the rest of the Donetsk region, "
        "a demand Kyiv rejects."
    )
    assert found == [
        ("Russia", "demands", "the rest of the Donetsk region"),
        ("Ukraine", "rejects", "the rest of the Donetsk region"),
    ]


def test_which_clause_and_negated_support() -> None:
    found = _positions("Kyiv wants a clear path to membership, which Washington did not support.")
    assert found == [
        ("Ukraine", "seeks", "a clear path to membership"),
        ("United States", "opposes", "a clear path to membership"),
    ]


def test_two_actors_one_position_each() -> None:
    found = _positions("Namibia and Mauritania hope to secure buyers for green hydrogen.")
    assert [(a, s) for a, s, _ in found] == [("Namibia", "seeks"), ("Mauritania", "seeks")]


def test_no_actor_no_position() -> None:
    assert _positions("Several governments oppose linking visas to returns.") == []


def test_a_noun_is_no_stance_verb() -> None:
    assert _positions("Japan will announce support for chip plants.") == []
