"""Agenda enumerations in sentences (kg.text.extract.prose.agenda)."""

from __future__ import annotations

import pytest

from kg.text.claims import Claims
from kg.text.document import Sentence
from kg.text.extract import extract
from kg.text.extract.prose.agenda import agenda_items, contained_issues
from kg.text.extract.prose.topics import issue_of
from kg.text.parse import parse_article


def _claims(body: str) -> Claims:
    return extract(parse_article("Ministers meet in Oslo\n" + body + "\n"))


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "Talks will focus on fisheries, ports and rail links.",
            ["fisheries", "ports", "rail links"],
        ),
        (
            "The agenda ranges from grain exports to water rights.",
            ["grain exports", "water rights"],
        ),
        (
            "Key issues include border tolls, the issue of river data and visas.",
            ["border tolls", "river data", "visas"],
        ),
        ("Grain exports and water rights are on the table.", ["Grain exports", "water rights"]),
        (
            "The envoys are expected to discuss fishing quotas, ferry routes and tariffs.",
            ["fishing quotas", "ferry routes", "tariffs"],
        ),
        ("Topics include a new ferry line and energy prices.", ["new ferry line", "energy prices"]),
        (
            "The visit would focus on trade, technology and the Arctic.",
            ["trade", "technology", "Arctic"],
        ),
        (
            "The agenda ranged from port fees and ferry links to salmon farming, grid tariffs"
            " and flood defences.",
            ["port fees", "ferry links", "salmon farming", "grid tariffs", "flood defences"],
        ),
        (
            "The agenda ran from coastal radar and fishing to cable repair and visas, after a"
            " tense year.",
            ["coastal radar", "fishing", "cable repair", "visas"],
        ),
        (
            "The two-day meeting will deal with ferry fares, river dredging and visas.",
            ["ferry fares", "river dredging", "visas"],
        ),
        (
            "Grain is first, with ferry routes and port fees also on the agenda.",
            ["ferry routes", "port fees"],
        ),
        (
            "The envoy said that dredging and ferry fares would also be discussed.",
            ["dredging", "ferry fares"],
        ),
        (
            "The agenda had ranged from ferry fares to port fees and dredging.",
            ["ferry fares", "port fees", "dredging"],
        ),
        (
            "They meet for a summit on rivers, with irrigation, hydropower and the delta all on"
            " the table.",
            ["irrigation", "hydropower", "delta"],
        ),
        (
            "Talks will focus on ferry fares, port fees and the rule that members must set"
            " their tolls jointly.",
            ["ferry fares", "port fees"],
        ),
        (
            "The leaders met in a converted mill, and their talks covered grain, ferry fares"
            " and port fees.",
            ["grain", "ferry fares", "port fees"],
        ),
        (
            "The agenda ranged from grain to ferry fares, port fees and dredging, and officials"
            " on both sides had played down hopes of a breakthrough.",
            ["grain", "ferry fares", "port fees", "dredging"],
        ),
        (
            "The two-day meeting, on 22 and 23 June, is expected to cover energy, seasonal"
            " labour, fishing and the 2030 World Cup.",
            ["energy", "seasonal labour", "fishing", "2030 World Cup"],
        ),
        (
            "They came away with new deals on defence, workers and internet cables, but not on"
            " the gas field.",
            ["defence", "workers", "internet cables"],
        ),
    ],
)
def test_enumerations_give_their_items(text: str, items: list[str]) -> None:
    assert agenda_items(text) == items


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Oslo on Tuesday.",
        "Talks will focus on what the two governments can agree before the elections next spring.",
        "They discussed it at length.",
        "Norland signed a deal with Westmark and a pact with Ostia.",
        "The issue was discussed.",
        "The two leaders signed agreements on Thursday and Friday.",
    ],
)
def test_no_agenda_without_an_enumeration_of_issues(text: str) -> None:
    assert agenda_items(text) == []


def test_items_are_agenda_topics_of_the_sentence() -> None:
    claims = _claims("Talks will focus on fisheries, ports and rail links.")
    sentence_agenda = [c for c in claims.agenda if isinstance(c.source, Sentence)]
    assert [c.surface for c in sentence_agenda] == ["fisheries", "ports", "rail links"]
    for claim in sentence_agenda:
        assert claim.surface in claim.source.plain


def test_later_outcomes_attach_to_an_agenda_topic() -> None:
    claims = _claims(
        "Talks will focus on fisheries, ports and rail links. "
        "A joint plan on rail links is likely next month."
    )
    (outcome,) = [o for o in claims.outcomes if isinstance(o.source, Sentence)]
    assert outcome.topic.key == "rail-links"


@pytest.mark.parametrize(
    ("phrase", "issue"),
    [
        ("a statement on countering migrant smuggling", "countering migrant smuggling"),
        ("an understanding on water rights", "water rights"),
        ("sanctions on two oil firms", "sanctions"),
        ("a ceasefire along the current front line", "ceasefire"),
        ("set up a new trade dialogue", "trade dialogue"),
        ("a common currency", "common currency"),
    ],
)
def test_issue_of_an_outcome_phrase(phrase: str, issue: str) -> None:
    assert issue_of(phrase) == issue


def test_a_time_or_a_bare_generic_word_is_no_topic() -> None:
    claims = _claims(
        "The leaders are scheduled to hold a joint news conference on Tuesday afternoon."
        " Togo asked for more time."
    )
    labels = {t.label.casefold() for t in (*claims.agenda, *claims.topics)}
    labels |= {o.topic.label.casefold() for o in claims.outcomes}
    labels |= {p.topic.label.casefold() for p in claims.positions if p.topic is not None}
    assert not labels & {"tuesday afternoon", "time"}


# --- issues an instrument or a dispute is "on" --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        ("A declaration on freedom of navigation is all but certain.", ["freedom of navigation"]),
        ("They failed to narrow a dispute over maritime boundaries.", ["maritime boundaries"]),
        ("A deal on halal certification was left to trade ministers.", ["halal certification"]),
        (
            "They adopted statements on migrant smuggling and wildfires.",
            ["migrant smuggling", "wildfires"],
        ),
        (
            "The leaders agreed a protocol on cross-border patrols in March.",
            ["cross-border patrols"],
        ),
        ("Officials expect a deal on organised crime instead.", ["organised crime"]),
    ],
)
def test_what_an_instrument_or_a_dispute_is_on_is_an_issue(text: str, issues: list[str]) -> None:
    assert contained_issues(text) == issues


@pytest.mark.parametrize(
    "text",
    [
        "No deal on Thursday was possible.",  # a day
        "Talks on it stalled.",  # a pronoun
        "A deal on the table is unlikely.",  # a stock phrase
        "The talks on Bolivia's demand went nowhere.",  # whose request, not the issue
        "A statement on the date of the next summit is due.",  # "the date": no issue alone
    ],
)
def test_no_issue_from_a_day_a_pronoun_or_a_stock_phrase(text: str) -> None:
    assert contained_issues(text) == []


def test_an_issue_from_prose_becomes_a_topic_but_not_under_an_issue_label() -> None:
    prose = _claims("A row over fishing licences overshadowed the talks in Oslo.")
    assert [(t.surface, t.source.line) for t in prose.topics] == [("fishing licences", 2)]
    assert prose.agenda == ()
    labelled = _claims("* Energy: They may sign a memorandum on green hydrogen.")
    assert "green hydrogen" not in [t.surface for t in (*labelled.topics, *labelled.agenda)]
