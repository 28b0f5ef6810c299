"""General shapes of news English read in the sixth pass, one rule at a time.

Concerns are reported in many ways ("have warned that", "is a genuine risk", "the danger is
that", "the greater the risk that", "accused X of", "warned that A, and that B", "the same
obstacles: A, B and C"), and their labels drop asides and judgements ("A, in place since
1967, lets …", "a spill would be a disaster"); a recommendation ends before its
circumstances ("where …", "that …", ", or …"); the summit's place comes from a dateline with
a long dash, a summit named by its city, or the city of a venue value, past bylines and
lines of links. Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from kg.text.claims import Claims
from kg.text.extract import extract
from kg.text.extract.prose.outcomes import outcomes_in
from kg.text.parse import parse_article

PREVIEW = "Ministers of Norland and Westmark set to meet in Oslo next week\n"


def _claims(head: str, body: str) -> Claims:
    return extract(parse_article(head + body + "\n"))


# --- concerns ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "labels"),
    [
        (
            "Opposition senators have warned that any concession could cost the government a vote.",
            ["any concession could cost the government a vote"],
        ),
        ("A domestic backlash is a genuine risk.", ["A domestic backlash"]),
        (
            "The longer talks drag on, the greater the risk that a clash at sea escalates.",
            ["a clash at sea escalates"],
        ),
        ("The danger is that the truce collapses by spring.", ["the truce collapses by spring"]),
        (
            "Farm unions accused the minister of selling out the dairy sector.",
            ["selling out the dairy sector"],
        ),
        (
            "The ministers expressed “grave concern” over “unsafe intercepts” near the strait.",
            ["unsafe intercepts"],
        ),
        (
            "Engineers warned that the dam could crack, and that floods may reach the valley.",
            ["the dam could crack", "floods may reach the valley"],
        ),
        (
            "Analysts warned that the mine will face old obstacles: dry wells, weak roads and "
            "shifting tax rules.",
            ["dry wells", "weak roads", "shifting tax rules"],
        ),
        (
            "Observers fear that a dispute over the pipeline that runs to the coast could derail "
            "the talks.",
            ["a dispute over the pipeline could derail the talks"],
        ),
        (
            "Critics warned that the veto rule, in force since 1990, lets one member block any "
            "text.",
            ["the veto rule lets one member block any text"],
        ),
        (
            "Officials worry that a spill from an old tanker would be a disaster for the bay.",
            ["a spill from an old tanker"],
        ),
        ("Trade is growing, and analysts say the old port risks losing traffic to it.", None),
    ],
)
def test_concern_shapes(body: str, labels: list[str] | None) -> None:
    found = [c.label for c in _claims(PREVIEW, body).concerns]
    if labels is None:
        assert any(label.startswith("the old port risks losing") for label in found), found
    else:
        assert all(label in found for label in labels), found


# --- recommendations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "label"),
    [
        ("Donors should fund new wells where the drought is worst.", "fund new wells"),
        ("The ministers should repair the canals that leak most.", "repair the canals"),
        (
            "The bloc must split trade from politics, or it will get neither.",
            "split trade from politics",
        ),
        (
            "Countries should file new plans before the next conference.",
            "file new plans before the next conference",
        ),
    ],
)
def test_a_recommendation_ends_before_its_circumstances(body: str, label: str) -> None:
    assert [r.label for r in _claims(PREVIEW, body).recommendations] == [label]


# --- outcomes ----------------------------------------------------------------------------------


def test_signing_up_to_a_treaty_long_ago_is_no_result() -> None:
    text = "The three states left the bloc decades after they signed up to the treaty."
    assert [o.label for o in outcomes_in(text, held=True)] == []


# --- the summit's place ------------------------------------------------------------------------


def _place(text: str) -> str | None:
    claims = extract(parse_article(text))
    assert claims.summit is not None
    return claims.summit.place.label if claims.summit.place is not None else None


def test_a_dateline_with_a_long_dash_names_the_place() -> None:
    text = (
        "Estonia and Latvia leaders agree on a water swap\n\n"
        "By Ana Berg | 4 May 2026\n\n"
        "TARTUVILLE, Estonia — The leaders of Estonia and Latvia agreed on Friday to share "
        "river data after two days of talks.\n"
    )
    assert _place(text) == "Tartuville"


def test_a_summit_named_by_its_city() -> None:
    text = (
        "Kestrelby summit: what Estonia and Latvia agreed\n\n"
        "Leaders of Estonia and Latvia ended a special summit on the coast on Thursday.\n\n"
        "They met for two days in Kestrelby, the old port.\n"
    )
    assert _place(text) == "Kestrelby"


def test_a_byline_and_a_line_of_links_are_no_lead() -> None:
    text = (
        "THE NORTHERN LEDGER\n"
        "Politics | Security | Economy\n\n"
        "Explainer: what Estonia and Latvia want\n\n"
        "Leaders of Estonia and Latvia will hold a summit in Oslo on Saturday, 7 February.\n"
    )
    assert _place(text) == "Oslo"


@pytest.mark.parametrize(
    ("venue", "place"),
    [
        ("Grand Philharmonic Hall, Old island, Tartuville", "Tartuville"),
        ("Kananaskis, Alberta", "Kananaskis"),
    ],
)
def test_a_venue_value_names_its_city(venue: str, place: str) -> None:
    text = (
        "Estonia and Latvia to meet\n\n"
        "| Summit | |\n| --- | --- |\n"
        "| Participants | Estonia, Latvia |\n"
        f"| Venue | {venue} |\n\n"
        "The leaders of Estonia and Latvia will meet next week.\n"
    )
    assert _place(text) == place
