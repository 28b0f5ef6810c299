"""An outcome that is an instrument (a fund, a timetable, a programme, a protocol) takes its
topic from what the instrument is for, not from the instrument's own noun. Every text here
is written for these tests.
"""

from __future__ import annotations

from kg.text.extract import extract
from kg.text.parse import parse_article


def _topics(body: str) -> dict[str, str]:
    claims = extract(parse_article("Norland and Westmark leaders meet in Oslo\n\n" + body + "\n"))
    return {o.label: o.topic.key for o in claims.outcomes}


def test_a_fund_or_a_timetable_takes_the_issue_it_is_for() -> None:
    topics = _topics(
        "The two governments agreed on a timetable to ratify the fisheries accord with Iceland. "
        "They also announced a joint fund to repair flood defences along the Glomma."
    )
    assert set(topics.values()) == {"fisheries-accord", "flood-defences"}


def test_a_programme_named_by_its_verb_takes_what_it_is_to_do() -> None:
    topics = _topics(
        "The leaders agreed to set up a joint programme to monitor the sea level and to share "
        "satellite data."
    )
    assert list(topics.values()) == ["sea-level"]


def test_an_instrument_with_no_purpose_after_it_takes_its_sections_topic() -> None:
    topics = _topics("## Fisheries\n\nThe ministers signed a protocol on Tuesday, officials said.")
    assert list(topics.values()) == ["fisheries"]
