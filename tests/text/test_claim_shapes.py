"""The shapes of hedged and reported claims added in the fifth pass, one rule at a time.

Previews state expected outcomes in many shapes ("could sign", "is within reach", "hope to
announce", "doubt", "is not expected", "the most likely outcome is"); reports of a summit
already held state results ("agreed to … and to …", "would fund", "turned down", "was
dropped", "were left for a later meeting"). Places inside the names of pacts and furniture
lines give no place; a person's position is also the position of the state they act for;
concerns are named before their cue too. Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.text.claims import Claims, Likelihood
from kg.text.document import Sentence
from kg.text.extract import extract
from kg.text.extract.prose.outcomes import outcomes_in
from kg.text.gazetteer import Gazetteer
from kg.text.parse import parse_article
from kg.text.parse.noise import noise_kind

PREVIEW = "Ministers of Norland and Westmark set to meet in Oslo next week\n"
REPORT = (
    "Ministers end talks in Oslo\n"
    "OSLO, May 4, 2026 (Wire) - Ministers of Estonia and Latvia agreed on Friday to share "
    "border data.\n\n"
)


def _claims(head: str, body: str) -> Claims:
    return extract(parse_article(head + body + "\n"))


def _read(head: str, body: str) -> list[tuple[str, str, str | None]]:
    claims = _claims(head, body)
    lead = claims.document.sections[0].blocks[0] if head is REPORT else None
    return [
        (o.label, o.likelihood.term, o.hedge)
        for o in claims.outcomes
        if isinstance(o.source, Sentence) and o.source.parent is not lead
    ]


# --- outcomes in previews ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Officials hope to announce a fisheries charter on Thursday.",
            [("a fisheries charter", "Possible", "hope to")],
        ),
        (
            "A deal on ferry tolls is within reach.",
            [("A deal on ferry tolls", "Likely", "within reach")],
        ),
        (
            "Analysts doubt a breakthrough on grazing rights.",
            [("a breakthrough on grazing rights", "Unlikely", "doubt")],
        ),
        (
            "A binding water treaty is not expected at this meeting.",
            [("A binding water treaty", "Unlikely", "not expected")],
        ),
        (
            "No agreement on the pipeline is expected this week.",
            [("the pipeline", "Unlikely", "No agreement")],
        ),
        (
            "A joint statement on fishing is likely; a security pact is not.",
            [
                ("A joint statement on fishing", "Likely", "likely"),
                ("a security pact", "Unlikely", "is not"),
            ],
        ),
        (
            "Diplomats say the most likely outcome is a short statement on ports.",
            [("a short statement on ports", "Likely", "most likely outcome")],
        ),
        (
            "A freeze on drilling is the most that could be agreed.",
            [("A freeze on drilling", "Possible", "the most that could be agreed")],
        ),
        (
            "A rail corridor, backed by both ministries, could be agreed as a compromise.",
            [("A rail corridor", "Possible", "could")],
        ),
        (
            "A customs office has been proposed by Norland but is not expected to be approved.",
            [("A customs office", "Unlikely", "not expected")],
        ),
    ],
)
def test_hedged_preview_shapes(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(PREVIEW, body) == expected


def test_few_expect_is_unlikely_not_expected() -> None:
    found = _read(PREVIEW, "Few expect the talks to produce a deal on grazing rights.")
    assert [(term, hedge) for _, term, hedge in found] == [("Unlikely", "Few expect")]


def test_a_later_meeting_is_an_outcome_the_summit_itself_is_not() -> None:
    found = _read(PREVIEW, "The next ministerial meeting is expected in Tartu in 2027.")
    assert found == [("The next ministerial meeting", "Anticipated", "expected")]
    assert _read(PREVIEW, "The summit is expected to take place in Oslo.") == []


def test_hosting_a_new_event_is_an_outcome() -> None:
    found = _read(PREVIEW, "Norland will host a conference on river pollution in 2027.")
    assert found == [("a conference on river pollution", "Anticipated", "will")]


# --- outcomes in reports of a summit already held -------------------------------------------


def test_the_report_fixture_is_a_held_summit() -> None:
    claims = _claims(REPORT, "Both sides issued a statement.")
    assert claims.summit is not None and claims.summit.status == "Held"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The leaders agreed to cut port fees and to harmonise ferry timetables.",
            [
                ("cut port fees", "Agreed", "agreed to"),
                ("harmonise ferry timetables", "Agreed", "agreed to"),
            ],
        ),
        (
            "Kask said Tallinn would fund the new radar stations.",
            [("fund the new radar stations", "Agreed", "would")],
        ),
        (
            "Kask said Riga would not extradite the former minister.",
            [("extradite the former minister", "Refused", "would not")],
        ),
        (
            "Estonia turned down a request for lower rail tariffs.",
            [("a request for lower rail tariffs", "Refused", "turned down")],
        ),
        (
            "A plan for a joint coast guard was dropped from the final text.",
            [("A plan for a joint coast guard", "Refused", None)],
        ),
        (
            "The size of the fund and its host were left for a later meeting.",
            [
                ("The size of the fund", "Possible", "left for a later meeting"),
                ("its host", "Possible", "left for a later meeting"),
            ],
        ),
        (
            "The ministers pledged 2.5 billion euros for rail links.",
            [("2.5 billion euros for rail links", "Agreed", "pledged")],
        ),
        (
            "Both sides set a new target of 40 percent renewable power by 2030.",
            [("a new target of 40 percent renewable power", "Agreed", "set")],
        ),
        (
            "The moratorium on seal hunting was extended for five years.",
            [("The moratorium on seal hunting", "Agreed", "extended")],
        ),
        (
            "The talks ended without agreeing to lift the fishing ban.",
            [("lift the fishing ban", "Refused", "without agreeing to")],
        ),
        (
            "Latvia asked for a guaranteed rail quota, which Estonia did not accept.",
            [("a guaranteed rail quota", "Refused", "did not accept")],
        ),
    ],
)
def test_reported_result_shapes(body: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = _read(REPORT, body)
    for item in expected:
        label, term, hedge = item
        assert any(
            f[0] == label and f[1] == term and (hedge is None or f[2] == hedge) for f in found
        ), found


def test_left_open_is_not_refused() -> None:
    terms = {term for _, term, _ in _read(REPORT, "The toll question was left open.")}
    assert Likelihood.REFUSED.term not in terms


@pytest.mark.parametrize(
    "body",
    [
        "Tanner said the ferry line would carry freight soon, the Tallinn officials hoped.",
        "Asked whether Riga would accept the quota, Kask declined to answer.",
        "Riga opposed any rule that would restrict its fishing fleet.",
    ],
)
def test_no_commitment_without_an_actor_who_commits(body: str) -> None:
    assert all(term != "Agreed" for _, term, _ in _read(REPORT, body))


def test_future_tense_in_a_preview_stays_expected() -> None:
    found = _read(PREVIEW, "Tanner said Westmark would fund the radar stations.")
    assert all(term != "Agreed" for _, term, _ in found)


def test_background_in_a_time_clause_is_no_result() -> None:
    body = "The ministers meet on Monday, their first talks since the ferry accord was extended."
    assert _read(PREVIEW, body) == []


def test_a_date_is_no_outcome_an_amount_is() -> None:
    assert outcomes_in("They signed 12 March 2026 as the date.") == []
    (found,) = outcomes_in("They pledged 300 million euros for dams.")
    assert found.label == "300 million euros for dams"


# --- lists whose items are sentences ----------------------------------------------------------


def test_an_outcome_item_written_as_sentences_is_read_sentence_by_sentence() -> None:
    body = (
        "What was agreed:\n"
        "*Ferries: The ministers signed a ferry accord on Friday. Norland refused to lift "
        "the toll.\n"
        "*Ports: A port fund\n"
    )
    claims = _claims(REPORT, body)
    read = {(o.label, o.likelihood.term) for o in claims.outcomes}
    assert ("a ferry accord", "Agreed") in read
    assert ("lift the toll", "Refused") in read
    assert ("A port fund", "Agreed") in read  # the heading's "agreed" hedges a plain item


# --- places and furniture ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The 1995 Treaty of Oslo still binds them.",
        "They cited the Bergen Code of Conduct.",
        "Pacific leaders met on Monday.",
    ],
)
def test_no_place_inside_a_name_or_before_people(text: str) -> None:
    assert [m.entity.label for m in Gazetteer.bundled().find(text) if m.entity.is_place] == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Explainer | 8 May 2026 | Nordic desk", "byline"),
        ("Lead author: Dr. Kari Holm.", "byline"),
        ("Photo caption: Delegates at an earlier summit in Bergen.", "caption"),
    ],
)
def test_furniture_lines(line: str, kind: str) -> None:
    assert noise_kind(line) == kind


def test_cells_without_a_date_are_no_byline() -> None:
    assert noise_kind("Fisheries | Ports | Research") is None


# --- positions ---------------------------------------------------------------------------------


def _positions(body: str) -> list[tuple[list[str], str | None, str]]:
    claims = _claims(PREVIEW, body)
    return [([a.label for a in p.actors], p.stance, p.label) for p in claims.positions]


def test_a_leaders_position_is_also_the_states() -> None:
    body = "Estonian President Mari Tamm met reporters. Tamm demands a rail corridor."
    assert _positions(body) == [(["Mari Tamm", "Estonia"], "demands", "rail corridor")]


def test_an_actor_before_a_relative_clause_holds_the_stance() -> None:
    body = "Foreign Minister Kari Holm, who chairs the talks, supports the ferry plan."
    assert _positions(body) == [(["Kari Holm"], "supports", "ferry plan")]


def test_a_states_person_named_after_its_possessive() -> None:
    body = "Latvia's Janis Berzins, who arrives on Friday, opposes the toll."
    assert _positions(body) == [(["Latvia"], "opposes", "toll")]


# --- concerns ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "label"),
    [
        ("A ferry deal could come, though its funding remains a sticking point.", "its funding"),
        ("Tension on the border is a further risk.", "Tension on the border"),
        ("Unlicensed trawlers have worried coastal towns.", "Unlicensed trawlers"),
        ("Fishing towns complain of delays at the locks.", "delays at the locks"),
        (
            "There is a worry in both capitals that a spill could derail the talks.",
            "a spill could derail the talks",
        ),
    ],
)
def test_concern_shapes(body: str, label: str) -> None:
    assert label in [c.label for c in _claims(PREVIEW, body).concerns]


# --- the summit read before the prose ----------------------------------------------------------


def test_a_byline_of_dated_cells_dates_the_page_and_is_no_place() -> None:
    text = (
        "Estonia and Latvia go back to Tartu\n\n"
        "Explainer | 8 May 2026 | Middle East desk\n\n"
        "Estonian and Latvian ministers meet in Tartu on Sunday, 10 May, for talks on rail.\n"
    )
    claims = extract(parse_article(text))
    assert claims.published == date(2026, 5, 8)
    assert claims.summit is not None and claims.summit.start == date(2026, 5, 10)
    places = {e.label for block in claims.mentions for e in claims.mentions[block] if e.is_place}
    assert "Middle East" not in places


def test_an_earlier_attempt_that_ended_does_not_make_the_summit_held() -> None:
    text = (
        "Estonia and Latvia go back to Tartu\n\n"
        "Estonian and Latvian ministers meet in Tartu on Sunday for their first talks since a "
        "border incident last June ended the previous attempt.\n"
    )
    claims = extract(parse_article(text))
    assert claims.summit is not None and claims.summit.status != "Held"
