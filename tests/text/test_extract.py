"""Unit tests for extraction (kg.text.extract): Document → Claims.

The harbour fixture (tests/fixtures/harbour-summit.md, answer key beside it)
is checked against its answer key; inline mini-articles cover the rules one
at a time (topic keys, hedges, list roles, column roles, empty cells, the
gazetteer).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.text.claims import Claims, Likelihood
from kg.text.document import Sentence
from kg.text.extract import extract
from kg.text.gazetteer import Gazetteer
from kg.text.lexicon import column_role, concept_key, hedge_of, list_role
from kg.text.parse import parse_article
from tests.support.paths import FIXTURES

LEAD = "Leaders Meet in Oslo\nThe talks begin today.\n"


def claims_of(text: str) -> Claims:
    return extract(parse_article(text))


def table_article(header: str, *rows: str) -> Claims:
    columns = header.count("|")
    separator = "---|" * columns
    return claims_of(LEAD + header + "\n" + separator + "\n" + "\n".join(rows) + "\n")


@pytest.fixture(scope="module")
def harbour_all() -> Claims:
    text = (FIXTURES / "harbour-summit.md").read_text(encoding="utf-8")
    return extract(parse_article(text, source="harbour-summit.md"))


@pytest.fixture(scope="module")
def harbour(harbour_all: Claims) -> Claims:
    """The harbour claims with the table rows' outcomes only (the answer key's five); the
    outlook sentence's outcome is checked on its own."""
    rows = tuple(o for o in harbour_all.outcomes if not isinstance(o.source, Sentence))
    return replace(harbour_all, outcomes=rows)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.bundled()


# --- the harbour fixture --------------------------------------------------------------


def test_harbour_has_five_outcomes_one_per_row(harbour: Claims):
    assert [(o.source.line, o.label) for o in harbour.outcomes] == [
        (10, "Joint management plan"),
        (11, "Expanded shipping capacity"),
        (12, "Faster emergency response"),
        (20, "Likely agreement on shared cod quotas"),
        (21, "Joint polar research station in Svalbard"),
    ]


def test_harbour_outlook_sentence_hopes_for_a_declaration(harbour_all: Claims):
    sentences = [o for o in harbour_all.outcomes if isinstance(o.source, Sentence)]
    assert [(o.source.line, o.label, o.likelihood, o.hedge) for o in sentences] == [
        (27, "a joint declaration by Friday evening", Likelihood.POSSIBLE, "hope to")
    ]


def test_harbour_outcome_topics(harbour: Claims):
    assert [(o.topic.key, o.topic.label) for o in harbour.outcomes] == [
        ("fisheries-cooperation", "Fisheries Cooperation"),
        ("port-infrastructure", "Port Infrastructure"),
        ("search-and-rescue", "Search and Rescue"),
        ("fisheries-cooperation", "Fisheries Cooperation"),
        ("arctic-research", "Arctic Research"),
    ]


def test_harbour_four_distinct_topics(harbour: Claims):
    assert [t.key for t in harbour.topics] == [
        "fisheries-cooperation",
        "port-infrastructure",
        "search-and-rescue",
        "fisheries-cooperation",
        "arctic-research",
    ]
    assert len({t.key for t in harbour.topics}) == 4


def test_harbour_likelihoods(harbour: Claims):
    assert [(o.likelihood, o.hedge) for o in harbour.outcomes] == [
        (Likelihood.ANTICIPATED, "Expected"),  # header "Expected Outcome"
        (Likelihood.ANTICIPATED, "Expected"),
        (Likelihood.ANTICIPATED, "Expected"),
        (Likelihood.LIKELY, "Likely"),  # the cell overrides the header
        (Likelihood.POSSIBLE, "Possible"),  # header "Possible Outcome"
    ]


def test_harbour_cell_hedge_records_the_header_likelihood(harbour: Claims):
    overridden = harbour.outcomes[3]
    assert overridden.header_likelihood is Likelihood.POSSIBLE
    assert overridden.header_hedge == "Possible"
    others = [o for i, o in enumerate(harbour.outcomes) if i != 3]
    assert all(o.header_likelihood is None and o.header_hedge is None for o in others)


def test_harbour_focus_areas_split_at_the_comma(harbour: Claims):
    assert [[(f.key, f.label) for f in o.focus_areas] for o in harbour.outcomes] == [
        [
            ("quota-coordination", "Quota coordination"),
            ("catch-data-sharing", "Catch data sharing"),
        ],
        [("harbour-investment", "Harbour investment")],
        [("coast-guard-patrols", "Coast guard patrols")],
        [],  # table B's first column "Area of Focus" holds topics, not focus areas
        [],
    ]
    assert harbour.outcomes[0].focus_areas[1].surface == "catch data sharing"


def test_harbour_significance(harbour: Claims):
    assert [o.significance for o in harbour.outcomes] == [
        None,
        None,
        None,
        "Stronger North Atlantic partnership",
        "Greater scientific presence in the High North",
    ]


def test_harbour_no_extra_cells(harbour: Claims):
    assert harbour.extra_cells == {}


def test_harbour_agenda_and_gerund_merge(harbour: Claims):
    assert [(a.key, a.label, a.surface, a.source.line) for a in harbour.agenda] == [
        (
            "fisheries-cooperation",
            "Fisheries Cooperation",
            "Strengthening fisheries cooperation",
            5,
        ),
        ("port-infrastructure", "Port Infrastructure", "Port infrastructure", 6),
        ("search-and-rescue", "Search and Rescue", "Search and rescue", 7),
    ]
    # every agenda item meets a table topic on the same key
    assert {a.key for a in harbour.agenda} <= {t.key for t in harbour.topics}


def test_harbour_concerns(harbour: Claims):
    assert [(c.label, c.source.line) for c in harbour.concerns] == [
        ("Declining cod stocks in the Barents Sea", 15),
        ("Growing ship traffic through Arctic waters", 16),
    ]
    assert [e.id for e in harbour.concerns[1].mentions] == ["place/arctic"]


def test_harbour_recommendations(harbour: Claims):
    assert [(r.label, r.source.line) for r in harbour.recommendations] == [
        ("Publishing a joint statement on fishing quotas before the summit closes.", 24),
        ("Setting up a permanent working group on port safety.", 25),
        ("keep the talks focused on practical gains", 23),  # a sentence: "… should keep …"
    ]
    # "Both delegations should …" names no gazetteer actor
    assert all(r.addressed_to == () for r in harbour.recommendations)


def test_harbour_summit_from_people_the_article_introduces_with_a_title(harbour: Claims):
    # "Norwegian Prime Minister Ana Ølgaard will host Icelandic President Jónas
    # Ellertsson": two new persons, found again by surname in the headline.
    summit = harbour.summit
    assert summit is not None
    assert [(p.id, p.kind, p.label) for p in summit.participants] == [
        ("actor/ana-ølgaard", "Person", "Ana Ølgaard"),
        ("actor/jónas-ellertsson", "Person", "Jónas Ellertsson"),
    ]
    assert summit.participants[0].aliases == ("Ølgaard",)
    assert summit.place is not None and summit.place.label == "Tromsø"
    assert summit.status == "Scheduled"
    assert summit.label == "Summit of Ana Ølgaard and Jónas Ellertsson in Tromsø"


def test_harbour_mentions_match_the_answer_key(harbour: Claims):
    by_line = {block.line: [e.id for e in found] for block, found in harbour.mentions.items()}
    people = ["actor/ana-ølgaard", "actor/jónas-ellertsson"]
    assert by_line == {
        1: [*people, "place/tromso"],
        2: ["actor/norway", "actor/iceland", "place/arctic"],
        3: [
            "actor/norway",  # "Norwegian Prime Minister …": the demonym is the state
            people[0],
            "actor/iceland",
            people[1],
            "place/tromso",
            "place/north-atlantic",
        ],
        4: ["place/oslo", "place/reykjavik"],  # "Officials in Oslo and Reykjavík": places
        6: ["place/tromso", "place/reykjavik"],
        7: ["place/norwegian-sea"],  # the longest name wins over "Norwegian"
        13: ["place/north-atlantic"],
        14: ["actor/analysts", "place/arctic"],  # "Observers" (alias) and "Arctic"
        15: ["place/barents-sea"],
        16: ["place/arctic"],
        17: ["actor/analysts"],  # "Analysts" at sentence start
        20: ["place/north-atlantic"],
        21: ["place/arctic", "place/svalbard"],  # "Arctic Research" … "High North"
        22: ["place/tromso"],
    }
    assert [e.id for e in harbour.outcomes[4].mentions] == ["place/arctic", "place/svalbard"]
    assert harbour.outcomes[4].topic.places[0].id == "place/arctic"


# --- concept_key ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "key", "pref"),
    [
        ("Reevaluating arms control", "arms-control", "Arms Control"),
        ("arms control frameworks", "arms-control", "Arms Control"),
        ("Arms Control", "arms-control", "Arms Control"),
        ("Sanctions Policy", "sanctions", "Sanctions"),
        ("U.S. trade", "u-s-trade", "U.S. Trade"),
        ("Strengthening fisheries cooperation", "fisheries-cooperation", "Fisheries Cooperation"),
        ("Policy", "policy", "Policy"),  # a lone generic noun is kept
        ("Trading", "trading", "Trading"),  # a lone gerund is kept
        ("Energy", "energy", "Energy"),
        ("NATO expansion", "nato-expansion", "NATO Expansion"),
        ("Ølgaard Doctrine", "ølgaard-doctrine", "Ølgaard Doctrine"),
        ("Arms\u200b control.", "arms-control", "Arms Control"),
    ],
)
def test_concept_key(label: str, key: str, pref: str):
    assert concept_key(label) == (key, pref)


def test_concept_key_keeps_minor_words_lower_case():
    assert concept_key("Search and Rescue") == ("search-and-rescue", "Search and Rescue")


@pytest.mark.parametrize(
    ("label", "key"),
    [("Shipping lanes", "shipping-lanes"), ("Peacekeeping operations", "peacekeeping-operations")],
)
def test_concept_key_keeps_noun_modifiers_ending_in_ing(label: str, key: str):
    assert concept_key(label)[0] == key


# --- hedge_of -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anywhere", "expected"),
    [
        ("Possible relaxation or reinforcement", False, (Likelihood.POSSIBLE, "Possible")),
        ("Likely agreement", False, (Likelihood.LIKELY, "Likely")),
        ("Signed treaty", False, (Likelihood.AGREED, "Signed")),
        ("Improbable deal", False, (Likelihood.UNLIKELY, "Improbable")),
        ("Improved security with potential mistrust", False, None),
        ("Most likely outcome", False, None),  # cells: first word only
        ("Most likely outcome", True, (Likelihood.LIKELY, "likely")),  # headers: anywhere
        ("Expected Outcome", True, (Likelihood.ANTICIPATED, "Expected")),
        ("Projected Result", True, (Likelihood.PROJECTED, "Projected")),
        ("Outcome", True, None),
        ("2025 forecast", False, (Likelihood.PROJECTED, "forecast")),  # digits are not words
        ("", False, None),
    ],
)
def test_hedge_of(text: str, anywhere: bool, expected: tuple[Likelihood, str] | None):
    assert hedge_of(text, anywhere=anywhere) == expected


def test_compound_cell_with_a_later_hedge_is_unstated():
    claims = table_article(
        "Area of Focus | Outcome |", "Security | Improved security with potential mistrust |"
    )
    (outcome,) = claims.outcomes
    assert (outcome.likelihood, outcome.hedge) == (Likelihood.UNSTATED, None)
    assert outcome.header_likelihood is None


def test_cell_hedge_overrides_header_hedge_and_records_both():
    claims = table_article(
        "Topic | Likely Outcome |",
        "Sanctions Policy | Possible relaxation or reinforcement |",
        "Trade | Likely deal |",
        "Energy | New pipelines |",
    )
    got = [(o.likelihood, o.hedge, o.header_likelihood, o.header_hedge) for o in claims.outcomes]
    assert got == [
        (Likelihood.POSSIBLE, "Possible", Likelihood.LIKELY, "Likely"),
        (Likelihood.LIKELY, "Likely", None, None),  # same as the header: nothing extra
        (Likelihood.LIKELY, "Likely", None, None),  # from the header
    ]
    assert claims.outcomes[0].topic.key == "sanctions"


# --- list_role ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intro", "heading", "role"),
    [
        ("The agenda is expected to cover:", None, "agenda"),
        ("Among the primary topics under consideration are:", None, "agenda"),
        ("Other items. Key strategic concerns include:", None, "concerns"),
        ("Points of friction remain:", None, "concerns"),
        ("Recommended approaches include:", None, "recommendations"),
        ("Washington should:", None, "recommendations"),
        ("Risks were raised. The agenda covers:", None, "agenda"),  # last sentence only
        (None, "Guidance for U.S. Strategy", "recommendations"),
        (None, "Recommendations", "recommendations"),
        (None, "Key Risks Ahead", "concerns"),
        (None, "The Agenda", "agenda"),
        ("The talks began on Monday.", "Guidance for Negotiators", "recommendations"),
        ("The talks began on Monday.", "Background", None),
        (None, None, None),
    ],
)
def test_list_role(intro: str | None, heading: str | None, role: str | None):
    assert list_role(intro, heading) == role


def test_lists_become_agenda_concerns_and_recommendations():
    claims = claims_of(
        LEAD
        + "Topics on the table include:\n- Trade: tariffs\n- Energy\n"
        + "Key concerns include:\n- Rising tension;\n- Mistrust,\n"
        + "Guidance for Negotiators\nThe talks began on Monday.\n- Keep talking.\n"
        + "Background\nThe talks began on Monday.\n- Nothing to see\n"
    )
    assert [(a.key, a.surface) for a in claims.agenda] == [("trade", "Trade"), ("energy", "Energy")]
    assert [c.label for c in claims.concerns] == ["Rising tension", "Mistrust"]
    assert [r.label for r in claims.recommendations] == ["Keep talking."]
    # the list under "Background" has no role: no claim of any kind
    lines = [c.source.line for c in (*claims.agenda, *claims.concerns, *claims.recommendations)]
    assert sorted(lines) == [4, 5, 7, 8, 11]  # nothing from line 14


def test_recommendations_are_addressed_to_actors_that_must_act():
    claims = claims_of(
        "Trump and Putin Met in Anchorage\nThe summit was held on Friday.\n"
        "Guidance for U.S. Strategy\nWashington must keep allies informed.\n"
        "- Keep talking to Ukraine;\n- Press Russia on the Arctic\n"
    )
    assert [r.label for r in claims.recommendations] == [
        "Keep talking to Ukraine",
        "Press Russia on the Arctic",
        "keep allies informed",  # the sentence: "Washington must keep …"
    ]
    assert [[e.id for e in r.addressed_to] for r in claims.recommendations] == [
        ["actor/united-states"],
        ["actor/united-states"],
        ["actor/united-states"],
    ]
    assert [e.id for e in claims.recommendations[1].mentions] == ["actor/russia", "place/arctic"]


# --- column roles ---------------------------------------------------------------------


def test_first_column_is_the_subject_even_when_headed_area_of_focus():
    claims = table_article("Area of Focus | Possible Outcome |", "Cybersecurity | New norms |")
    (outcome,) = claims.outcomes
    assert (outcome.topic.key, outcome.topic.label) == ("cybersecurity", "Cybersecurity")
    assert outcome.focus_areas == ()


def test_column_roles_subject_focus_outcome_significance_and_extra():
    claims = table_article(
        "Strategic Focus | Tactical Objective | Likely Outcome | Geopolitical Significance "
        "| Notes |",
        "Arms Control | Nuclear arms treaties, missile defense systems | Renewal or new "
        "agreements | Altered leverage | see annex |",
        "Trade | Tariffs; quotas | Likely deal | Growth | — |",
    )
    first, second = claims.outcomes
    assert first.topic.key == "arms-control"
    assert [(f.key, f.label, f.surface) for f in first.focus_areas] == [
        ("nuclear-arms-treaties", "Nuclear arms treaties", "Nuclear arms treaties"),
        ("missile-defense-systems", "Missile defense systems", "missile defense systems"),
    ]
    assert first.label == "Renewal or new agreements"
    assert (first.likelihood, first.hedge) == (Likelihood.LIKELY, "Likely")
    assert first.significance == "Altered leverage"
    assert [f.key for f in second.focus_areas] == ["tariffs", "quotas"]
    # the unknown "Notes" header is kept as an extra cell (1-based column, header, value)
    assert {row.line: cells for row, cells in claims.extra_cells.items()} == {
        5: ((5, "Notes", "see annex"),)
    }


def test_a_second_outcome_column_is_kept_as_an_extra_cell():
    claims = table_article(
        "Topic | Possible Outcome | Long-term Result |", "Trade | New deals | Lasting growth |"
    )
    assert [o.label for o in claims.outcomes] == ["New deals"]
    assert list(claims.extra_cells.values()) == [((3, "Long-term Result", "Lasting growth"),)]


def test_table_without_an_outcome_column_gives_topics_but_no_outcomes():
    claims = table_article("Topic | Primary Focus |", "Trade | Tariffs |")
    assert claims.outcomes == ()
    assert [t.key for t in claims.topics] == ["trade"]


@pytest.mark.parametrize("cell", ["—", "–", "-", "TBD", "N/A", "n/a", ""])
def test_empty_outcome_cells_produce_no_outcome(cell: str):
    claims = table_article("Topic | Possible Outcome |", f"| Trade | {cell} |")
    assert claims.outcomes == ()
    assert [t.key for t in claims.topics] == ["trade"]


def test_empty_subject_cell_skips_the_row():
    claims = table_article(
        "Topic | Possible Outcome |", "| — | Orphan outcome |", "| Trade | Deal |"
    )
    assert [o.label for o in claims.outcomes] == ["Deal"]
    assert [t.key for t in claims.topics] == ["trade"]


def test_unicode_names_are_preserved():
    claims = table_article(
        "Topic | Possible Outcome | Significance |",
        "Ølgaard Doctrine | Ølgaard–Ellertsson accord in Tromsø | Jónas’s legacy |",
    )
    (outcome,) = claims.outcomes
    assert outcome.topic.label == "Ølgaard Doctrine"
    assert outcome.topic.key == "ølgaard-doctrine"
    assert outcome.label == "Ølgaard–Ellertsson accord in Tromsø"
    assert outcome.significance == "Jónas’s legacy"


# --- summit ---------------------------------------------------------------------------


def test_summit_scheduled_from_the_headline():
    claims = claims_of("Putin and Trump Set to Meet in Alaska\nThe talks begin today.\n")
    summit = claims.summit
    assert summit is not None
    assert [p.id for p in summit.participants] == ["actor/donald-trump", "actor/vladimir-putin"]
    assert summit.place is not None and summit.place.id == "place/alaska"
    assert summit.status == "Scheduled"
    assert summit.label == "Summit of Donald Trump and Vladimir Putin in Alaska"
    assert summit.source.line == 1


def test_summit_held_with_states_when_no_person_is_named():
    claims = claims_of("U.S. and Russia Envoys Met in Anchorage\nThe talks concluded.\n")
    summit = claims.summit
    assert summit is not None
    assert [p.id for p in summit.participants] == ["actor/russia", "actor/united-states"]
    assert summit.place is not None and summit.place.id == "place/anchorage"
    assert summit.status == "Held"


def test_no_summit_without_known_participants():
    assert claims_of(LEAD).summit is None


# --- gazetteer matching ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Trump and Putin meet in Alaska.",
            [
                ("actor/donald-trump", "Trump"),
                ("actor/vladimir-putin", "Putin"),
                ("place/alaska", "Alaska"),
            ],
        ),
        ("U.S.-Russia relations", [("actor/united-states", "U.S."), ("actor/russia", "Russia")]),
        (
            "Trump-Putin summit",
            [("actor/donald-trump", "Trump"), ("actor/vladimir-putin", "Putin")],
        ),
        ("ports in the Russian Far East", [("place/russian-far-east", "Russian Far East")]),
        ("Russian officials", [("actor/russia", "Russian")]),
        ("analysts say", [("actor/analysts", "analysts")]),
        ("Analysts say", [("actor/analysts", "Analysts")]),
        ("Observers note", [("actor/analysts", "Observers")]),
        ("crises in Ukraine", [("place/ukraine", "Ukraine")]),
        ("Ukraine insists on guarantees", [("actor/ukraine", "Ukraine")]),
        ("Syria said no", [("actor/syria", "Syria")]),
        ("Putin’s plan", [("actor/vladimir-putin", "Putin")]),
        ("Trumpism is not Trump", [("actor/donald-trump", "Trump")]),  # word boundaries
        ("ANALYSTS", []),  # only the first letter's case is relaxed
        ("Ølgaard in Tromsø", [("place/tromso", "Tromsø")]),  # Ølgaard is no known name
        ("talks in Moscow", [("place/moscow", "Moscow")]),  # after "in": a place
        ("Moscow insists", [("actor/russia", "Moscow")]),  # acting: the state
        (
            "Washington and Moscow have signalled",
            [
                ("actor/united-states", "Washington"),
                ("actor/russia", "Moscow"),
            ],
        ),
        ("in Kananaskis, Canada", [("place/kananaskis", "Kananaskis"), ("place/canada", "Canada")]),
        ("Canada’s position", [("actor/canada", "Canada")]),
        (
            "Erdogan met Zelenskiy",
            [
                ("actor/recep-tayyip-erdogan", "Erdogan"),
                ("actor/volodymyr-zelenskyy", "Zelenskiy"),
            ],
        ),
        (
            "Erdoğan and Sergey Lavrov",
            [
                ("actor/recep-tayyip-erdogan", "Erdoğan"),
                ("actor/sergei-lavrov", "Sergey Lavrov"),
            ],
        ),
        (
            "Kremlin aide Yury Ushakov",
            [("actor/russia", "Kremlin"), ("actor/yuri-ushakov", "Yury Ushakov")],
        ),
    ],
)
def test_gazetteer_find(gaz: Gazetteer, text: str, found: list[tuple[str, str]]):
    assert [(m.entity.id, m.surface) for m in gaz.find(text)] == found


def test_gazetteer_mention_offsets_slice_the_text(gaz: Gazetteer):
    text = "In the Russian Far East, U.S. envoys met Putin."
    for mention in gaz.find(text):
        assert text[mention.start : mention.end] == mention.surface


def test_place_and_actor_for_the_same_name_in_an_article():
    claims = claims_of(
        "Trump and Putin Set to Meet in Alaska\nThe talks begin today.\n"
        "Key concerns include:\n- Renewed crises in Ukraine\n- Ukraine insists on guarantees\n"
    )
    assert [[e.id for e in c.mentions] for c in claims.concerns] == [
        ["place/ukraine"],
        ["actor/ukraine"],
    ]


def test_gazetteer_ignores_zero_width_characters_inside_a_name(gaz: Gazetteer):
    assert [m.entity.id for m in gaz.find("Tru\u200bmp met Putin")] == [
        "actor/donald-trump",
        "actor/vladimir-putin",
    ]


# --- column roles, list roles and intro hedges (genre (c)) ----------------------------


@pytest.mark.parametrize(
    ("header", "index", "role"),
    [
        ("Discussion Topic", 0, "topic"),
        ("Area of Focus", 0, "topic"),
        ("Strategic Focus", 0, "topic"),
        ("Delegation", 0, "actor"),
        ("Country", 0, "actor"),
        ("Date", 0, "timeline"),
        ("Day", 0, "timeline"),  # a programme table: "15 November" is no topic
        ("Schedule", 1, "timeline"),
        ("Primary Focus", 1, "focus"),
        ("Focus Area", 1, "focus"),
        ("Tactical Objective", 1, "focus"),
        ("Anticipated Result", 1, "outcome"),
        ("Expected Impact", 1, "outcome"),
        ("Global Impact", 1, "significance"),
        ("Geopolitical Significance", 1, "significance"),
        ("Why It Matters", 1, "significance"),
        ("Key Risk", 1, "concern"),
        ("What to watch out for", 1, "concern"),
        ("Recommended Action", 1, "recommendation"),
        ("Outcome Likelihood", 1, "likelihood"),
        ("Agreement Status", 1, "status"),
        ("Timeline", 1, "timeline"),
        ("Next Steps", 1, "timeline"),
        ("Lead Stakeholders", 1, "actor"),
        ("The Players", 1, "actor"),
        ("Stated Position", 1, "position"),
        ("Priority Topic", 1, "topic"),
        ("Agenda Item", 1, "topic"),
        ("Notes", 1, "note"),
        ("Financial Coverage", 1, "other"),  # spun wording: kept as a raw cell
    ],
)
def test_column_role(header: str, index: int, role: str):
    assert column_role(header, index) == role


@pytest.mark.parametrize(
    ("intro", "role"),
    [
        ("Some of the potential implications include:", "outcomes"),
        ("The summit concluded with several agreements:", "outcomes"),
        ("Among the highlights were plans to:", "outcomes"),
        ("Key actors include:", "actors"),
        ("This document was signed by:", "actors"),
        ("Key areas expected to be highlighted include:", "agenda"),
        ("Topics on which outcomes are expected include:", "agenda"),
        ("What to Watch:", "concerns"),
    ],
)
def test_list_role_first_cue_wins(intro: str, role: str):
    assert list_role(intro, None) == role


def test_list_outcomes_take_the_intro_hedge_unless_the_item_has_its_own():
    claims = claims_of(
        LEAD
        + "Some of the potential implications include:\n"
        + "- Trade: a tariff truce\n- Likely friction over Arctic shipping\n"
    )
    got = [(o.topic.label, o.label, o.likelihood, o.hedge) for o in claims.outcomes]
    assert got == [
        ("Trade", "a tariff truce", Likelihood.POSSIBLE, "potential"),
        (
            "friction over Arctic shipping",  # a span as written, never Title-Cased
            "Likely friction over Arctic shipping",
            Likelihood.LIKELY,
            "Likely",
        ),
    ]


def test_people_introduced_by_a_title_become_persons_found_again_by_surname():
    claims = claims_of(
        "Berg and Lavrov Meet in Geneva\n"
        "Norwegian Foreign Minister Anna Berg met Russia’s Sergey Lavrov on Monday.\n"
        "Berg said the talks were useful; envoy Jonas Lund of Sweden took notes.\n"
    )
    assert claims.summit is not None
    assert [(p.id, p.kind) for p in claims.summit.participants] == [
        ("actor/anna-berg", "Person"),
        ("actor/sergei-lavrov", "Person"),
    ]
    assert [e.id for e in claims.mentions[claims.document.sections[0].blocks[1]]] == [
        "actor/anna-berg",
        "actor/jonas-lund",
        "actor/sweden",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly met in New York.",  # "General" + an institution
        "President of Russia and the Prime Minister spoke.",  # no name follows
        "an official said the talks went well",
    ],
)
def test_titles_without_a_name_mint_nobody(text: str):
    claims = claims_of(LEAD + text + "\n")
    minted = [e for found in claims.mentions.values() for e in found if e.kind == "Person"]
    assert minted == []


# --- one vocabulary of roles, one handler per role --------------------------------------


def test_every_column_role_has_one_lexicon_row_and_one_handler():
    from typing import get_args

    from kg.text.extract.cells import HANDLERS
    from kg.text.lexicon import COLUMN_ROLES, ColumnRole

    assert set(COLUMN_ROLES) == set(get_args(ColumnRole)) == set(HANDLERS)


def test_every_list_role_has_one_item_reader():
    from typing import get_args

    from kg.text.extract.lists import ITEM_READERS
    from kg.text.lexicon import LIST_ROLES, ListRole

    assert {role for role, _ in LIST_ROLES} == set(get_args(ListRole)) == set(ITEM_READERS)


def test_curated_tables_read_their_header_roles_from_the_lexicon():
    from kg.loaders.table import COLUMNS
    from kg.text.lexicon import COLUMN_ROLES, curated_role

    assert {role: c.headers for role, c in COLUMN_ROLES.items() if c.headers} == COLUMNS
    assert [curated_role(h) for h in ("Focus_Area", "why-it-matters", "URL", "Notes")] == [
        "focus",
        "significance",
        "source",
        None,
    ]
    # a curated header that an article's table reads too gives it the same role
    for role, cues in COLUMN_ROLES.items():
        for header in cues.headers:
            assert column_role(header) in (role, "other"), header
