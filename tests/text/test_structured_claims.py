"""Claims inside structure, read in the seventh pass: labelled list items under an agenda or
friction heading whose descriptions are sentences, table cells written as clauses, outcome
cells of an actor-first table, a memo's header fields, one issue named as an issue in a
sentence, and the gazetteer's short "St" names. Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from kg.rdf.mapping import to_triples
from kg.rdf.namespaces import SKG
from kg.text.claims import Claims
from kg.text.extract import extract
from kg.text.extract.prose.agenda import framed_issue
from kg.text.gazetteer import Gazetteer
from kg.text.parse import parse_article

_HEAD = "Norland and Westmark leaders meet in Oslo next week\n\n"


def _claims(body: str) -> Claims:
    return extract(parse_article(_HEAD + body + "\n"))


# --- labelled items of a role list ---------------------------------------------------------


def test_an_agenda_item_written_as_sentences_is_read_sentence_by_sentence() -> None:
    claims = _claims(
        "WHAT IS ON THE AGENDA\n\n"
        "* Energy: The two sides are expected to sign a memorandum on green hydrogen. "
        "Norway is seeking long-term gas contracts.\n"
        "* Fishing: Denmark rejects any change to the quota rules.\n"
    )
    assert [t.label for t in claims.agenda] == ["Energy", "Fishing"]
    assert [(p.actors[0].label, p.stance, p.label, p.topic.label if p.topic else None)
            for p in claims.positions] == [
        ("Norway", "seeks", "long-term gas contracts", "Energy"),
        ("Denmark", "rejects", "change to the quota rules", "Fishing"),
    ]  # fmt: skip
    assert [(o.label, o.topic.label) for o in claims.outcomes] == [
        ("a memorandum on green hydrogen", "Energy")
    ]


def test_a_friction_item_is_an_issue_not_one_long_concern() -> None:
    claims = _claims(
        "POINTS OF FRICTION\n\n"
        "– Live cattle – Norway wants more breeding cattle. Farmers fear the return of "
        "foot-and-mouth disease.\n"
        "– A price war on salmon\n"
    )
    assert [c.label for c in claims.concerns] == [
        "A price war on salmon",  # an item without sentences stays one concern
        "the return of foot-and-mouth disease",  # read from the item's sentences
    ]
    assert "Live Cattle" in [t.label for t in claims.topics]
    assert "Points of Friction" not in [t.label for t in claims.topics]  # a generic heading


# --- table cells ---------------------------------------------------------------------------


_POSITIONS_TABLE = (
    "| Agenda item | Stated positions | Likely outcome |\n|---|---|---|\n"
    "| Security in Haiti | Haiti seeks more troops; Jamaica and the Bahamas offer police "
    "officers | Statement backing the force; new pledges possible |\n"
)


def test_a_positions_cell_written_as_clauses_gives_each_actors_position() -> None:
    claims = _claims(_POSITIONS_TABLE)
    assert [(p.actors[0].label, p.stance, p.label, p.topic.label if p.topic else None)
            for p in claims.positions] == [
        ("Haiti", "seeks", "troops", "Security in Haiti"),
        ("Jamaica", "offers", "police officers", "Security in Haiti"),
        ("Bahamas", "offers", "police officers", "Security in Haiti"),
    ]  # fmt: skip
    assert all(p.column == 2 for p in claims.positions)  # each tied to its cell


def test_an_outcome_cell_written_as_clauses_gives_each_outcome_its_hedge() -> None:
    claims = _claims(_POSITIONS_TABLE)
    assert [(o.label, o.likelihood.term) for o in claims.outcomes] == [
        ("Statement backing the force", "Likely"),  # the header's hedge
        ("new pledges possible", "Possible"),  # its own
    ]


def test_clauses_of_one_cell_map_to_distinct_claims() -> None:
    claims = _claims(_POSITIONS_TABLE)
    _, triples = to_triples(claims)
    positions = {s for s, p, _ in triples if p == SKG.stance}
    outcomes = {s for s, p, _ in triples if p == SKG.likelihood and "/outcome" in str(s)}
    assert len(positions) == 3
    assert len(outcomes) == 2


def test_an_actor_first_table_keeps_its_outcomes() -> None:
    """Under a heading that names no issue, a row's outcome takes the issue it names."""
    claims = _claims(
        "## Positions at a glance\n\n"
        "| Actor | Stated positions | Likely outcome |\n|---|---|---|\n"
        "| Norway | Proposes a contact group | Contact group expected to be endorsed |\n"
        "| Denmark | Seeks a fishing accord | Likely to stay away; could reject the text |\n"
    )
    assert [(o.label, o.likelihood.term) for o in claims.outcomes] == [
        ("Contact group expected to be endorsed", "Anticipated"),
        ("Likely to stay away", "Likely"),
        ("could reject the text", "Possible"),
    ]
    assert claims.outcomes[0].topic.label == "Contact Group"


# --- a memo's header -----------------------------------------------------------------------


def test_a_memos_subject_is_its_title_and_its_fields_no_headings() -> None:
    text = (
        "# BRIEFING NOTE\n\n"
        "**To:** Director, Nordic Department\n"
        "**Date:** 6 July 2026\n"
        "**Subject:** Norland–Westmark summit, Oslo, 14 July 2026\n\n"
        "## 1. Summary\n\n"
        "Prime Minister Ana Berg of Norland will meet Westmark's President Olav Lind in Oslo "
        "on 14 July.\n"
    )
    document = parse_article(text)
    assert document.title == "Norland–Westmark summit, Oslo, 14 July 2026"
    assert [s.title for s in document.sections] == [None, "1. Summary"]
    summit = extract(document).summit
    assert summit is not None and summit.place is not None
    assert (summit.place.label, summit.start.isoformat() if summit.start else None) == (
        "Oslo",
        "2026-07-14",
    )


# --- one issue named as an issue ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "issue"),
    [
        ("The thorniest question is water.", ["water"]),
        ("The most delicate issue, regional policing, was not mentioned.", ["regional policing"]),
        ("Another sticking point is the sugar tariff, which Kenya wants cut.", ["sugar tariff"]),
        ("Visas are also on the agenda.", ["Visas"]),
        ("On migration, Bolivia rejected the request.", ["migration"]),
        ("On Tuesday, the leaders met.", []),
        ("On the sidelines, the two ministers spoke.", []),
        ("The key question is whether Moscow will agree.", []),
        ("Few expect it to be a big issue.", []),
    ],
)  # fmt: skip
def test_a_sentence_that_names_one_issue(sentence: str, issue: list[str]) -> None:
    assert framed_issue(sentence) == issue


def test_a_framed_issue_is_an_agenda_topic_later_claims_find() -> None:
    claims = _claims(
        "The thorniest question is water. Norway wants a binding water treaty for the river."
    )
    assert [t.label for t in claims.agenda] == ["Water"]
    assert [p.topic.label if p.topic else None for p in claims.positions] == ["Water"]


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "state"),
    [
        ("St Vincent", "Saint Vincent and the Grenadines"),
        ("St Lucia", "Saint Lucia"),
        ("St. Kitts and Nevis", "Saint Kitts and Nevis"),
    ],
)
def test_the_short_st_names_of_states(written: str, state: str) -> None:
    found = Gazetteer.bundled().find(f"{written} backs the plan.")
    assert [(m.entity.label, m.surface) for m in found][:1] == [(state, written)]


def test_a_request_to_another_side_is_sought() -> None:
    claims = _claims("Norway asked Denmark to slow the filling of the reservoir in dry years.")
    assert [(p.actors[0].label, p.stance, p.label) for p in claims.positions] == [
        ("Norway", "seeks", "slow the filling of the reservoir")
    ]


def test_who_represents_a_side_is_no_outcome() -> None:
    claims = _claims(
        "Denmark is expected to be represented at ministerial level. Norway will be "
        "represented by its foreign minister."
    )
    assert claims.outcomes == ()
