"""Briefing and wire forms read in the eighth pass: outcome items that end in their
likelihood, bold run-in heads, a memo header in bold, crossheads that are clauses, a
signature line, long agreed objects and a pronoun standing for the speaker. Every text here
is written for these tests.
"""

from __future__ import annotations

from kg.text.claims import Claims
from kg.text.extract import extract
from kg.text.lexicon import issue_heading
from kg.text.parse import parse_article

_HEAD = "Norland and Westmark leaders meet in Oslo next week\n\n"


def _claims(body: str, head: str = _HEAD) -> Claims:
    return extract(parse_article(head + body + "\n"))


def test_an_outcome_item_ending_in_its_likelihood_is_the_outcome_with_that_hedge() -> None:
    claims = _claims(
        "## Likely outcomes\n\n"
        "- A joint declaration on fishing rights: expected.\n"
        "- A hotline between the coastguards: likely.\n"
        "- Endorsement of the quota swap: possible, if Oslo settles the list first.\n"
        "- A restart of the border talks: unlikely before the spring.\n"
        "- Trade: likely to dominate the talks\n"
    )
    found = [(o.label, o.hedge) for o in claims.outcomes]
    assert found[:4] == [
        ("A joint declaration on fishing rights", "expected"),
        ("A hotline between the coastguards", "likely"),
        ("Endorsement of the quota swap", "possible"),
        ("A restart of the border talks", "unlikely"),
    ]
    assert ("Trade", "likely") not in found  # a label, then a clause: no verdict
    topics = {o.label: o.topic.label for o in claims.outcomes}
    assert topics["A hotline between the coastguards"] != "A hotline between the coastguards"


def test_a_bold_run_in_head_is_a_topic_for_its_paragraphs_sentences() -> None:
    claims = _claims(
        "## Issues and positions\n\n"
        "**Shipping lanes.** Sweden rejects any escort arrangement led from outside.\n\n"
        "**Norway:** The delegation is small this year.\n"
    )
    labels = [t.label.casefold() for t in claims.topics]
    assert "shipping lanes" in labels
    [position] = claims.positions
    assert position.topic is not None and position.topic.label.casefold() == "shipping lanes"
    assert "norway" not in labels  # an actor, not an issue


def test_a_memo_header_in_bold_gives_the_subject_as_title_and_no_topics() -> None:
    text = (
        "**To:** Minister for Nordic Affairs\n"
        "**From:** Nordic Team\n"
        "**Date:** 2 March 2026\n"
        "**Subject:** Oslo summit on fisheries, 9 March 2026\n\n"
        "### Purpose\n\nTo brief you before the summit.\n\n"
        "### Likely outcomes\n\n- A joint declaration on fishing rights: expected.\n\n"
        "*Background note: the 1994 accord on quotas stays in force.*\n\n"
        "Nordic Team\n"
    )
    document = parse_article(text)
    assert document.title == "Oslo summit on fisheries, 9 March 2026"
    labels = [t.label for t in extract(document).topics]
    for furniture in ("To", "From", "Date", "Subject", "Purpose", "Nordic Team"):
        assert furniture not in labels
    last_list = [b for s in document.sections for b in s.blocks if hasattr(b, "items")][-1]
    items = [i.content for i in last_list.items]
    assert items == ["A joint declaration on fishing rights: expected."]  # the note is no item


def test_a_crosshead_that_is_a_clause_names_no_issue() -> None:
    for clause in (
        "NIAMEY HOLDS ITS LINE",
        "Water plan deferred",
        "No deal on haze",
        "Money left open",
        "Greenland wants more than a photo",
        "History is still in the room",
        "Issues",
        "Handling",
        "Smaller items on the list",
        "Cautious forecasts",
        "Issues for the meeting",
        "ANALYSTS SAY",
        "Recommended lines",
        "Nadia Rahman, Regional Correspondent",
        "Gulf and Yemen Team",
        "Cleared by: D. Amaruq, Director General",
        "ASUNCIÓN, 3 July 2026",
    ):
        assert issue_heading(clause) is None, clause
    for issue in (
        "Fisheries",
        "Rules of origin",
        "Visas and people",
        "The Middle Corridor",
        "Trade issues",
    ):
        assert issue_heading(issue) == issue


def test_a_long_agreed_object_loses_its_relative_clause_not_the_outcome() -> None:
    claims = _claims(
        "The leaders agreed to commission a joint study on expanding the interconnectors that "
        "link Norland with Westmark, Sudria and Ostland, now that the old pipeline is shut."
    )
    assert [(o.label, o.likelihood.term) for o in claims.outcomes] == [
        ("commission a joint study on expanding the interconnectors", "Agreed")
    ]


def test_he_after_a_speaker_is_the_speaker_not_the_first_actor_named() -> None:
    claims = _claims(
        "Norland's prime minister, Anna Berg, attended.\n\n"
        "Berg said the gap left by Westmark troops had let smugglers move freely, and she "
        "offered to fund fuel and patrol boats for any unit that came back."
    )
    assert [(p.actors[0].label, p.stance) for p in claims.positions] == [("Anna Berg", "offers")]


def test_a_risk_item_of_two_clauses_is_two_concerns() -> None:
    claims = _claims(
        "## Risks\n\n"
        "- Fuel imports into the port are running short; a crisis in the north could "
        "overtake the talks.\n"
        "- Delays; costs\n"
    )
    assert [c.label for c in claims.concerns] == [
        "Fuel imports into the port are running short",
        "a crisis in the north could overtake the talks.",
        "Delays; costs",  # parts too short to be clauses: one concern
    ]


def test_a_stance_on_a_bare_noun_takes_the_sections_topic_not_its_own() -> None:
    claims = _claims(
        "## Research vessels\n\n"
        "Sweden rejects a ban. Officials say a ban aimed at one country would be a mistake, "
        "and the ban is unpopular.\n"
    )
    topics = {p.topic.label.casefold() for p in claims.positions if p.topic is not None}
    assert topics == {"research vessels"}
    assert "ban" not in {t.label.casefold() for t in claims.topics}


def test_an_apposition_between_the_actor_and_its_verb_keeps_the_actor() -> None:
    claims = _claims(
        "Sweden, home to the largest rare-earth deposit in Europe, has offered to share "
        "permitting expertise.\n\nNorway, a founding member, supports the plan.\n"
    )
    assert [(p.actors[0].label, p.stance) for p in claims.positions] == [
        ("Sweden", "offers"),
        ("Norway", "supports"),
    ]


def test_names_listed_after_a_plural_role_are_people_and_participants() -> None:
    claims = _claims(
        "Swedish Prime Minister Jonas Lund hosted his Danish, Finnish and Icelandic "
        "counterparts, Mette Holm, Mikko Virtanen and Sigrun Dottir, at the castle in "
        "Stockholm on Thursday for a summit on Baltic shipping.\n",
        head="Nordic leaders meet in Stockholm\n\n",
    )
    assert claims.summit is not None
    assert {p.label for p in claims.summit.participants} >= {
        "Jonas Lund",
        "Mette Holm",
        "Mikko Virtanen",
        "Sigrun Dottir",
    }
