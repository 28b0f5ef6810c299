"""Outcomes stated in sentences, with hedges and timeframes (kg.text.extract.prose.outcomes)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.text.claims import Likelihood, OutcomeClaim
from kg.text.document import Sentence
from kg.text.extract import extract
from kg.text.extract.prose.outcomes import outcomes_in
from kg.text.parse import parse_article


def _outcomes(body: str) -> list[OutcomeClaim]:
    """The outcomes read from the sentences of a one-paragraph article."""
    claims = extract(parse_article("Ministers meet in Oslo\n" + body + "\n"))
    return [o for o in claims.outcomes if isinstance(o.source, Sentence)]


def _read(body: str) -> list[tuple[str, str, str | None]]:
    return [(o.label, o.likelihood.term, o.hedge) for o in _outcomes(body)]


@pytest.mark.parametrize(
    ("text", "label", "term", "hedge"),
    [
        # possible
        ("A fisheries accord may follow.", "A fisheries accord may follow", "Possible", "may"),
        ("The ministers could sign a water pact.", "a water pact", "Possible", "could"),
        ("A possible deal on grain exports was raised.", "deal on grain exports", "Possible", None),
        ("Rivera is open to a prisoner swap.", "a prisoner swap", "Possible", None),
        ("There is a chance of a border truce.", "a border truce", "Possible", None),
        ("They would sign a fishing pact if talks go well.", "a fishing pact", "Possible", "would"),
        # likely
        ("A joint statement on ports is likely.", "A joint statement on ports", "Likely", "likely"),
        ("The talks are likely to ease pressure on grain prices.", None, "Likely", "likely"),
        ("The two sides will probably sign a visa accord.", "a visa accord", "Likely", None),
        # expected (anticipated)
        ("The leaders are expected to sign a trade pact.", "a trade pact", "Anticipated", None),
        (
            "Both sides are set to adopt a climate charter.",
            "a climate charter",
            "Anticipated",
            None,
        ),
        (
            "A grain corridor deal is poised to be signed.",
            "A grain corridor deal",
            "Anticipated",
            None,
        ),
        ("A customs accord will be signed in Oslo.", "A customs accord", "Anticipated", "will"),
        # projected
        ("The bloc aims to conclude a tariff deal.", "a tariff deal", "Projected", "aims"),
        ("Exports are projected to reach record highs.", None, "Projected", "projected"),
        (
            "Officials forecast that grain exports will reach $2 billion by 2030 if ports open.",
            "grain exports will reach $2 billion",
            "Projected",
            "forecast",
        ),
        (
            "Planners forecast 40,000 visitors under the new visa scheme.",
            "40,000 visitors under the new visa scheme",
            "Projected",
            "forecast",
        ),
        (
            "A pilot scheme for shared stockpiles of rare industrial gases could follow later"
            " in the year.",
            "A pilot scheme for shared stockpiles of rare industrial gases could follow",
            "Possible",
            "could",
        ),
        (
            "Trade ministers announced a plan to lift trade to $10 billion, from about $6"
            " billion last year.",
            "a plan to lift trade to $10 billion",
            "Agreed",
            "announced",
        ),
        (
            "Ministers are expected to meet again in March.",
            "meet again in March",
            "Anticipated",
            None,
        ),
        (
            "Diplomats expect the meeting to close on 4 May with a joint communiqué.",
            "a joint communiqué",
            "Anticipated",
            "expect",
        ),
        # agreed
        ("The two sides agreed on a prisoner exchange.", "a prisoner exchange", "Agreed", None),
        ("The ministers signed a fisheries accord.", "a fisheries accord", "Agreed", "signed"),
        ("They reached an understanding on water rights.", None, "Agreed", "reached"),
        ("The leaders pledged to double rail funding.", "double rail funding", "Agreed", None),
        # refused
        ("The ministers could not agree on a grain deal.", "a grain deal", "Refused", None),
        ("The leaders did not agree on border tolls.", "border tolls", "Refused", None),
        ("The two sides failed to reach a water accord.", "a water accord", "Refused", None),
        ("The talks ended without a joint communiqué.", "joint communiqué", "Refused", "without"),
        ("Neither minister announced a truce.", "a truce", "Refused", None),
        ("There was no agreement on a ceasefire.", "a ceasefire", "Refused", None),
        ("She walked away from the rail accord.", "the rail accord", "Refused", None),
        # unlikely
        ("A broader accord on tariffs is unlikely.", None, "Unlikely", "unlikely"),
        ("The leaders are unlikely to sign a grain pact.", "a grain pact", "Unlikely", None),
    ],
)
def test_modality_of_each_cue_family(
    text: str, label: str | None, term: str, hedge: str | None
) -> None:
    (found,) = _outcomes(text)
    assert found.likelihood.term == term
    if label is not None:
        assert found.label == label
    if hedge is not None:
        assert found.hedge == hedge
    assert not found.label.casefold().startswith(found.hedge.casefold() if found.hedge else "\0")


def test_the_object_of_a_hedged_verb_is_the_outcome() -> None:
    (found,) = _outcomes("Analysts say the tariffs are likely to raise pressure on grain prices.")
    assert (found.label, found.hedge) == ("raise pressure on grain prices", "likely")


@pytest.mark.parametrize(
    "text",
    [
        "The ministers did not agree on a grain deal.",
        "The leaders could not agree on border tolls.",
        "Neither leader signed the water accord.",
        "There was no agreement on a ceasefire in the north.",
        "The envoys failed to reach a fishing accord.",
    ],
)
def test_negation_never_reads_as_agreed(text: str) -> None:
    terms = {o.likelihood for o in _outcomes(text)}
    assert terms == {Likelihood.REFUSED}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("They signed a rail pact, which critics called costly.", "a rail pact"),
        ("They signed a rail pact, but the details stay secret.", "a rail pact"),
        ("They signed a rail pact because tolls rose.", "a rail pact"),
        ("They could sign a rail pact if funds allow.", "a rail pact"),
        ("They signed a rail pact; markets rose.", "a rail pact"),
        ("They signed a rail pact after long talks.", "a rail pact"),
        ("A rail pact is expected next month.", "A rail pact"),
        ("They agreed on a grain plan on Tuesday.", "a grain plan"),
        ("They signed a fishing accord, officials said.", "a fishing accord"),
        (
            "They adopted a regional water quality strategy to protect the rivers.",
            "a regional water quality strategy",
        ),
    ],
)
def test_labels_stop_at_the_clause_boundary(text: str, label: str) -> None:
    assert [o.label for o in _outcomes(text)] == [label]


@pytest.mark.parametrize(
    ("text", "timeframe"),
    [
        ("A joint statement on ports is likely next month.", "next month"),
        ("The bloc aims to conclude a tariff deal by 2027.", "by 2027"),
        ("A customs accord could be signed later this year.", "later this year"),
        ("A grain accord is expected within weeks.", "within weeks"),
        ("The ministers signed a fisheries accord.", None),
    ],
)
def test_time_cues_give_the_timeframe(text: str, timeframe: str | None) -> None:
    (found,) = _outcomes(text)
    assert found.timeframe == timeframe
    assert timeframe is None or timeframe not in found.label


def test_reported_speech_reads_the_content_and_keeps_the_speaker() -> None:
    (found,) = _outcomes("Vladimir Putin said the two sides agreed on a prisoner exchange.")
    assert (found.label, found.likelihood) == ("a prisoner exchange", Likelihood.AGREED)
    assert [s.label for s in found.speakers] == ["Vladimir Putin"]


def test_an_expectation_in_the_frame_hedges_its_content() -> None:
    (found,) = _outcomes("Officials expect a package of grain purchase deals.")
    assert (found.label, found.likelihood) == (
        "a package of grain purchase deals",
        Likelihood.ANTICIPATED,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Oslo on Tuesday.",
        "The foreign office had announced the meeting a week earlier.",
        "The summit is scheduled to close on Friday.",
        "Critics fear the rail pact could raise fares.",
        "The leaders discussed fisheries and ports.",
        "They agreed on many points.",
    ],
)
def test_no_outcome_without_a_cue_or_from_background(text: str) -> None:
    assert _outcomes(text) == []


SENTENCES = (
    "Analysts say the tariffs are likely to raise pressure on grain prices but warn of risks. "
    "The two sides agreed to set up a joint water commission and to share river data. "
    "A customs accord, long sought by exporters, could be signed later this year. "
    "The ministers could not agree on a fishing quota, which remains the main dispute. "
    "Officials said a rail link would be built if funds allow; critics disagree. "
    "Neither leader announced a truce, and the talks ended without a joint communiqué."
)


def test_every_label_is_a_substring_of_its_sentence() -> None:
    found = _outcomes(SENTENCES)
    assert len(found) >= 6
    for outcome in found:
        assert outcome.label in outcome.source.plain
        assert outcome.label.strip() == outcome.label


def test_outcomes_in_gives_spans_of_the_text() -> None:
    text = "The envoys could not agree on a fishing quota."
    (found,) = outcomes_in(text)
    assert text[found.start : found.end] == found.label == "a fishing quota"


def test_two_sentence_item_gives_one_likely_outcome() -> None:
    text = (
        "Leaders meet in Berlin\n"
        "Macron and Scholz met in Berlin on Tuesday. "
        "A joint statement on defence spending is likely next month.\n"
    )
    claims = extract(parse_article(text))
    prose = [o for o in claims.outcomes if isinstance(o.source, Sentence)]
    assert [(o.label, o.likelihood, o.hedge, o.timeframe) for o in prose] == [
        ("A joint statement on defence spending", Likelihood.LIKELY, "likely", "next month")
    ]
    assert claims.summit is not None
    assert claims.summit.place is not None and claims.summit.place.label == "Berlin"
    assert claims.summit.status == "Held"
    assert "Emmanuel Macron" in [p.label for p in claims.summit.participants]


ARTICLE = """Nordic ministers wrap up fisheries talks in Tromsø
TROMSØ, March 4, 2026 — Norway's fisheries minister and her Icelandic counterpart signed a \
joint plan on cod quotas on Tuesday, but could not agree on a ban on bottom trawling.
Officials said a second accord on coastal patrols is likely next year. A review of the quota \
plan is expected to begin within weeks.
"""


def test_end_to_end_through_load(tmp_path: Path) -> None:
    path = tmp_path / "tromso.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    graph = kg.load(str(path))
    rows = graph.query(
        """
        PREFIX skg: <https://w3id.org/summit-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label ?likelihood WHERE {
          ?o a skg:Outcome ; rdfs:label ?label ; skg:likelihood ?likelihood .
        }
        """
    )
    found = {(str(r["label"]), str(r["likelihood"]).rsplit("#", 1)[-1]) for r in rows}
    assert found == {
        ("a joint plan on cod quotas", "Agreed"),
        ("a ban on bottom trawling", "Refused"),
        ("a second accord on coastal patrols", "Likely"),
        ("A review of the quota plan", "Anticipated"),
    }


@pytest.mark.parametrize(
    ("body", "topic"),
    [
        # the phrase's own issue, cut before its verb
        ("Fisheries access could resume within weeks, officials said.", "Fisheries access"),
        # an amount names no issue: what it is for does
        (
            "Norway pledged a further $50 million for the Arctic Research Fund.",
            "Arctic Research Fund",
        ),
    ],
)
def test_an_outcome_topic_is_an_issue_not_a_clause_or_an_amount(body: str, topic: str) -> None:
    (outcome,) = _outcomes(body)
    assert outcome.topic.surface == topic


def test_an_amount_with_nothing_it_is_for_takes_the_paragraphs_topic() -> None:
    claims = extract(
        parse_article(
            "Ministers meet in Oslo\n## Climate finance\n"
            "Climate finance dominated the talks. Norway pledged a further $50 million to it.\n"
        )
    )
    amounts = [o for o in claims.outcomes if "$50 million" in o.label]
    assert amounts and all(o.topic.key == "climate-finance" for o in amounts)


def test_a_decision_put_off_leaves_its_object_open() -> None:
    assert _read("Leaders deferred a decision on a costly plan to refill the lake.") == [
        ("a costly plan to refill the lake", "Possible", "deferred a decision on")
    ]


def test_an_expectation_ends_where_the_next_outcome_begins() -> None:
    """ "X is expected, and a Y is likely": two outcomes, each with its own hedge."""
    found = _read(
        "Diplomats expect a joint statement on cable protection, and a patrol pact is likely "
        "to be announced on the second day."
    )
    assert ("a joint statement on cable protection", "Anticipated", "expect") in found
    assert ("a patrol pact", "Likely", "likely") in found


def test_a_list_of_actions_agreed_gives_one_outcome_each() -> None:
    assert _read(
        "Ministers Ana Sousa and Karim Benali agreed on Saturday to double a currency swap line,"
        " ease visas for young people and set up a joint fund for hydrogen research."
    ) == [
        ("double a currency swap line", "Agreed", "agreed on Saturday to"),
        ("ease visas for young people", "Agreed", "agreed on Saturday to"),
        ("set up a joint fund for hydrogen research", "Agreed", "agreed on Saturday to"),
    ]


def test_nouns_listed_after_an_action_are_its_objects_not_actions() -> None:
    assert [
        f.label for f in outcomes_in("The sides agreed to expand trade, finance and energy ties.")
    ] == ["expand trade, finance and energy ties"]


def test_a_name_ending_in_ly_before_agreed_is_the_actor_not_an_adverb() -> None:
    """ "Italy agreed to …" is a result; "previously agreed" is background."""
    found = outcomes_in("Italy agreed to co-fund a nursing school in Shkodër.", held=True)
    assert [(f.label, f.likelihood) for f in found] == [
        ("co-fund a nursing school in Shkodër", Likelihood.AGREED)
    ]
    assert outcomes_in("They had previously agreed to open a school.") == []
    ended = outcomes_in("The summit finally ended with a joint declaration.")
    assert [(f.label, f.likelihood) for f in ended] == [("a joint declaration", Likelihood.AGREED)]


def test_a_new_subject_with_its_modal_ends_the_outcome_before_it() -> None:
    """ "… in Albania and the two police forces will set up …": two commitments."""
    found = outcomes_in(
        "Italy will post six more liaison officers in Albania and the two police forces will"
        " set up a joint investigative team.",
        lambda subject: True,
        held=True,
    )
    assert [f.label for f in found] == [
        "post six more liaison officers in Albania",
        "set up a joint investigative team",
    ]


def test_an_agreed_list_item_written_as_sentences_is_read_sentence_by_sentence() -> None:
    claims = extract(
        parse_article(
            "Tirana summit\n\nWHAT WAS AGREED\n\n"
            "*Power cable: The two governments signed an intergovernmental agreement for a"
            " subsea interconnector between Vlore and Brindisi. Grid operators say it should be"
            " in service by 2031, provided the bank approves a loan.\n\n"
            "*Pensions: a social security agreement\n"
        )
    )
    labels = [o.label for o in claims.outcomes]
    assert (
        "an intergovernmental agreement for a subsea interconnector between Vlore and Brindisi"
        in labels
    )
    assert not any(label.startswith("The two governments") for label in labels)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "The leaders signed a memorandum on electricity sales, under which Venezuela will"
            " export power.",
            "a memorandum on electricity sales",
        ),
        (
            "Alemu is expected to propose non-binding guidelines on drought operations, plus a"
            " data-sharing arrangement, in place of a treaty.",
            "non-binding guidelines on drought operations",
        ),
        (
            "The two presidents signed nine agreements at the provincial Government House.",
            "nine agreements",
        ),
    ],
)
def test_an_outcome_ends_before_what_it_sets_up_or_where_it_was_signed(
    text: str, label: str
) -> None:
    assert outcomes_in(text, lambda subject: True, held=True)[0].label == label


def test_no_agreement_reached_on_an_issue_refuses_the_issue() -> None:
    assert _read("No agreement was reached on fisheries quotas.") == [
        ("fisheries quotas", "Refused", "reached")
    ]
    assert [f.label for f in outcomes_in("No agreement was reached on Friday.")] == ["agreement"]


def test_a_refusal_to_talk_is_no_outcome_and_no_stance() -> None:
    claims = extract(
        parse_article(
            "Ministers meet in Oslo\nNorway refused to be drawn on whether it would buy back"
            " the lease on the port.\n"
        )
    )
    assert not claims.outcomes and not claims.positions


def test_an_agreed_item_loses_the_clause_that_details_it() -> None:
    claims = extract(
        parse_article(
            "Darwin talks\n\nThe two leaders signed:\n\n"
            "- a defence cooperation arrangement under which Australia will supply two more"
            " patrol boats and help build a naval wharf;\n"
            "- a labour mobility deal adding 3,000 places for Timorese workers over two years;\n"
            "- a pledge of A$40 million to help Timor-Leste meet the costs of its membership.\n"
        )
    )
    assert [o.label for o in claims.outcomes] == [
        "a defence cooperation arrangement",
        "a labour mobility deal",
        "a pledge of A$40 million",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "A follow-up meeting in Cap-Haitien has been floated by the Haitian side.",
            ("A follow-up meeting in Cap-Haitien", Likelihood.POSSIBLE),
        ),
        (
            "Officials said a lithium working group report could be ready by then.",
            ("a lithium working group report could be ready by then", Likelihood.POSSIBLE),
        ),
        (
            "Officials on both sides told us an agreement on a flow-monitoring station is likely.",
            ("an agreement on a flow-monitoring station", Likelihood.LIKELY),
        ),
    ],
)
def test_an_outcome_put_forward_ready_or_reported_to_us(
    text: str, found: tuple[str, Likelihood]
) -> None:
    assert [(f.label, f.likelihood) for f in outcomes_in(text, lambda subject: True)] == [found]


def _held(text: str) -> list[tuple[str, str, str]]:
    """What ``outcomes_in`` reads in a report of a summit already held."""
    return [
        (o.label, o.likelihood.term, o.hedge) for o in outcomes_in(text, lambda s: True, held=True)
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "The accord commits both governments to pool coastguard data.",
            [("pool coastguard data", "Agreed", "commits")],
        ),
        (
            "The final statement did commit the four states to map the reef and to ban"
            " trawling in two bays by 2027, a step welcomed by divers.",
            [
                ("map the reef", "Agreed", "did commit"),
                ("ban trawling in two bays", "Agreed", "did commit"),
            ],
        ),
        (
            "Ghana offered instead to cap trawler licences, which the other leaders accepted.",
            [("cap trawler licences", "Agreed", "accepted")],
        ),
        (
            "Peru offered to fund a ranger school, an offer Quito accepted.",
            [("fund a ranger school", "Agreed", "accepted")],
        ),
        (
            "Oman also secured a bigger share of the storage tanks at Duqm.",
            [("a bigger share of the storage tanks at Duqm", "Agreed", "secured")],
        ),
        (
            'The others agreed "in principle" to a pilot ferry route.',
            [("a pilot ferry route", "Agreed", 'agreed "in principle" to')],
        ),
        (
            "Norway pledged $40 million for the clinics, whose staff will be trained abroad.",
            [("$40 million for the clinics", "Agreed", "pledged")],
        ),
    ],
)
def test_what_a_text_commits_the_parties_to_and_offers_taken_up_are_agreed(
    text: str, read: list[tuple[str, str, str]]
) -> None:
    assert _held(text) == read


def test_a_result_owed_by_a_date_is_expected() -> None:
    assert _read("A costing of the bridge is due by March.") == [
        ("A costing of the bridge", "Anticipated", "due")
    ]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "The two leaders signed a defence pact, a trade protocol and a memorandum on ports.",
            ["a defence pact", "a trade protocol", "a memorandum on ports"],
        ),
        (
            "The most we expect is a brief statement, a customs accord and a promise to meet"
            " again.",
            ["a brief statement", "a customs accord", "a promise to meet again"],
        ),
        (
            "They agreed on a truce, the release of hostages and a monitoring mission.",
            ["a truce", "the release of hostages", "a monitoring mission"],
        ),
    ],
)
def test_a_list_of_outcomes_gives_one_outcome_each(text: str, labels: list[str]) -> None:
    assert [o.label for o in _outcomes(text)] == labels


@pytest.mark.parametrize(
    "text",
    [
        # a clause after ", and": not a list item
        "The sides failed to agree on a timetable, and the fisheries panel is expected to meet"
        " in May.",
        # an item that is a clause's subject
        "Coastguards will begin patrols in June, their agencies will set up a hotline and the"
        " ports will share data.",
    ],
)
def test_a_clause_after_an_outcome_is_no_item_of_a_list(text: str) -> None:
    labels = [o.label for o in outcomes_in(text, lambda s: True, held=True)]
    assert "the fisheries panel" not in labels
    assert "their agencies" not in labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Officials said the levy could return at a later summit.", "the levy could return"),
        (
            "The ferry plan could come back in a smaller form once the survey is done.",
            "The ferry plan could come back in a smaller form",
        ),
        (
            "Diplomats hinted the water charter could resurface next spring.",
            "the water charter could resurface",
        ),
        (
            "The new lab could be operating by mid-2027.",
            "The new lab could be operating by mid-2027",
        ),
    ],
)
def test_an_issue_that_could_return_or_a_body_that_could_be_running_is_possible(
    text: str, label: str
) -> None:
    assert [(o.label, o.likelihood.term) for o in _outcomes(text)] == [(label, "Possible")]


@pytest.mark.parametrize(
    "text",
    [
        "Ministers could return home early.",  # actors going home: no outcome
        "It could be running within six months.",  # what runs is named elsewhere
    ],
)
def test_actors_returning_and_a_pronouns_state_are_no_outcome(text: str) -> None:
    assert _outcomes(text) == []


def test_agreed_once_again_reads_the_action() -> None:
    assert _read("The leaders agreed once again to extend the truce.") == [
        ("extend the truce", "Agreed", "agreed once again to")
    ]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "An official cautioned that a tender for construction was unlikely before the end "
            "of the year.",
            "a tender for construction",
        ),
        ("Officials said a settlement remained unlikely this year.", "a settlement"),
        ("A deal on the toll is still unlikely before June.", "A deal on the toll"),
        ("An easing of the export ban is unlikely.", "An easing of the export ban"),
    ],
)
def test_a_hedge_after_a_past_or_lasting_copula_is_unlikely(text: str, label: str) -> None:
    assert [(o.label, o.likelihood.term) for o in _outcomes(text)] == [(label, "Unlikely")]


@pytest.mark.parametrize(
    "text",
    ["The tender was rigged, he said.", "The easing was welcomed.", "The mood was grim."],
)
def test_a_past_copula_without_a_hedge_is_no_outcome(text: str) -> None:
    assert _outcomes(text) == []


# --- the topic an outcome takes when its own phrase names no issue ------------------------------


@pytest.mark.parametrize(
    ("body", "topic"),
    [
        # a leading verb is cut off: the object is the issue
        ("The leaders agreed to restart joint army patrols along the border.", "Army Patrols"),
        ("The two sides are likely to accept hurricane clauses.", "Hurricane Clauses"),
        # a phrase that names who acts, a date or a meeting takes a topic the document names
        (
            "Talks will focus on fisheries and ferry routes. "
            "The two sides are likely to invite Ito to the next round.",
            "Ferry Routes",
        ),
        (
            "Talks will focus on fisheries and ferry routes. "
            "They are expected to agree on the date.",
            "Ferry Routes",
        ),
        ("A deal on fisheries is possible. They may also agree on the next summit.", "Fisheries"),
    ],
)
def test_an_outcome_topic_is_an_issue_not_an_action_a_date_or_a_meeting(
    body: str, topic: str
) -> None:
    assert [o.topic.label for o in _outcomes(body)][-1] == topic
