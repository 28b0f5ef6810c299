"""Actors and places in an open world (kg.text.gazetteer, kg.text.extract.actors).

Every country and territory, its demonyms and capital, and the large cities
come from data packages; the curated gazetteer wins over them. Titled people
in their usual shapes, organisations introduced with an acronym, metonyms
that act, and names inside other names, on small articles of our own.
"""

from __future__ import annotations

import pytest

from kg.text.claims import Claims
from kg.text.extract import extract
from kg.text.extract.actors import acronyms, appositive_names
from kg.text.gazetteer import Gazetteer, world_entries
from kg.text.parse import parse_article


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.bundled()


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.entity.id, m.surface) for m in gaz.find(text)]


def claims_of(text: str) -> Claims:
    return extract(parse_article(text))


def actors_of(claims: Claims) -> set[str]:
    return {e.label for found in claims.mentions.values() for e in found if not e.is_place}


# --- the world from data packages --------------------------------------------------------------


def test_every_iso_country_is_a_state_with_a_territory(gaz: Gazetteer) -> None:
    states = [e for e in world_entries() if e.kind == "State"]
    assert len(states) >= 245  # ISO 3166-1 lists 249 countries and territories
    for name, key in [("Kenya", "kenya"), ("Vietnam", "vietnam"), ("Bhutan", "bhutan")]:
        assert gaz.lookup(name) is not None and gaz.lookup(name).id == f"actor/{key}"
        assert f"place/{key}" in gaz.entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan officials said", "actor/kenya"),
        ("Vietnamese diplomats", "actor/vietnam"),
        ("the talks with South Korea", "actor/south-korea"),
        ("Britain insists", "actor/united-kingdom"),
        ("Talks in Nairobi", "place/nairobi"),
        ("Flights to Lagos", "place/lagos"),
        ("a summit in Bogota", "place/bogota"),
    ],
)
def test_countries_demonyms_capitals_and_cities(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in [key for key, _ in found(gaz, text)]


def test_the_curated_gazetteer_wins_over_the_packages(gaz: Gazetteer) -> None:
    norway = gaz.entities["actor/norway"]
    assert norway.same_as == ("http://www.wikidata.org/entity/Q20",)
    assert [key for key, _ in found(gaz, "Norwegian officials")] == ["actor/norway"]
    assert "actor/norway-1" not in gaz.entities and "actor/kingdom-of-norway" not in gaz.entities
    assert gaz.lookup("Russian Federation") == gaz.entities["actor/russia"]


def test_ambiguous_names_are_no_places(gaz: Gazetteer) -> None:
    assert found(gaz, "Victoria and Sofia said the Male voters") == []


def test_the_world_is_read_once() -> None:
    assert world_entries() is world_entries()


# --- metonyms act, places are where -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington wants a deal.", "actor/united-states"),
        ("Officials met in Washington.", "place/washington-dc"),
        ("Hanoi insists on talks.", "actor/vietnam"),
        ("Leaders met in Hanoi.", "place/hanoi"),
        ("Hanoi's position is firm.", "actor/vietnam"),
        ("Talks between Hanoi and Beijing", "actor/vietnam"),
        ("Canberra-Beijing ties", "actor/australia"),
        ("Canada wants more.", "actor/canada"),
    ],
)
def test_a_capital_is_its_state_where_it_acts_and_a_place_where_it_is(
    gaz: Gazetteer, text: str, expected: str
) -> None:
    assert found(gaz, text)[0][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bogotá wants a deal.", "actor/colombia"),  # the capital as written, with its accent
        ("Talks opened in Bogotá.", "place/bogota"),  # the place keeps its identifier
        ("Talks opened in Bogota.", "place/bogota"),
    ],
)
def test_a_capital_written_with_its_accents(gaz: Gazetteer, text: str, expected: str) -> None:
    assert found(gaz, text)[0][0] == expected


def test_names_that_act_are_actors_the_gazetteer_does_not_know() -> None:
    """An unknown name before a stance or speech verb is an actor when the text writes it as a
    name elsewhere; its formal name ("the Republic of Hanwei") is its label."""
    claims = claims_of(
        "Talks in Port Amara\n\n"
        "The Republic of Hanwei sent a deputy minister. Hanwei wants a security role in the "
        "region, and the Minjoo Alliance accused the government of selling out. Kestria "
        "demands a ceasefire. Talks with Kestria resume on Monday, and Naurel's president "
        "spoke.\n"
    )
    assert {"Republic of Hanwei", "Minjoo Alliance", "Kestria", "Naurel"} <= actors_of(claims)
    stances = {(p.actors[0].label, p.stance) for p in claims.positions}
    assert ("Republic of Hanwei", "seeks") in stances and ("Kestria", "demands") in stances


@pytest.mark.parametrize(
    "text",
    [
        "Producers are also seeking cheaper finance. Producers want more.",  # a common noun
        "Traders in Poipet said one crossing was not enough. Poipet is small.",  # a place
        "Tomas Lind of the Institute for Northern Security said so. Lind said more.",
        "President Surangel Whipps spoke first. Whipps said Palau would write to donors.",
        "Analysts said the Declaration says little. The Blue Line Declaration says more.",
    ],
)
def test_no_new_actor_from_a_common_noun_a_place_a_surname_or_a_document(text: str) -> None:
    claims = claims_of("Talks in Koror\n\n" + text + "\n")
    assert not actors_of(claims) & {
        "Producers",
        "Poipet",
        "Northern Security",
        "Whipps",
        "Blue Line Declaration",
        "Declaration",
    }


@pytest.mark.parametrize(
    "text",
    [
        "They recommitted to the Paris Agreement.",
        "the Norwegian Nobel committee announced the prize",
        "patrols in the South China Sea",
        "a report in the Washington Post",
        "the Russian Security Council",
    ],
)
def test_no_actor_or_place_from_a_name_inside_another_name(gaz: Gazetteer, text: str) -> None:
    assert found(gaz, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Central American leaders met in Antigua.",
        "Latin American states want a common line.",
        "the Pan-American highway",
        "South American ministers",
    ],
)
def test_no_state_from_a_regions_demonym(gaz: Gazetteer, text: str) -> None:
    assert [m.entity.label for m in gaz.find(text)] == []


def test_a_states_demonym_beside_a_region_word_is_still_the_state(gaz: Gazetteer) -> None:
    mentions = gaz.find("the South Korean and American envoys")
    assert [(m.entity.label, m.surface) for m in mentions] == [
        ("South Korea", "South Korean"),
        ("United States", "American"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "They returned to the Paris agreement.",
        "the Minsk accords collapsed",
        "under the Oslo accords",
        "the Geneva conventions apply",
        "the Astana process stalled",
        "leaders of the Normandy format",
        "they left the Paris climate accord",
        "the Budapest memorandum of 1994",
    ],
)
def test_a_place_in_the_name_of_a_pact_in_any_case_is_not_mentioned(
    gaz: Gazetteer, text: str
) -> None:
    assert found(gaz, text) == []


def test_the_parties_to_a_pact_and_a_place_before_a_full_stop_are_kept(gaz: Gazetteer) -> None:
    assert found(gaz, "a U.S.-Russia agreement") == [
        ("actor/united-states", "U.S."),
        ("actor/russia", "Russia"),
    ]
    assert found(gaz, "They met in Geneva. Agreement came later.") == [("place/geneva", "Geneva")]


@pytest.mark.parametrize(
    "text",
    [
        "The prize went to a Venezuelan opposition leader.",
        "a Russian dissident in exile",
        "a Chinese pro-democracy activist",
        "the Iranian film-maker",
        "Belarusian exiles gathered in Vilnius",
    ],
)
def test_a_demonym_of_a_private_person_is_not_the_state(gaz: Gazetteer, text: str) -> None:
    assert not [e for e, _ in found(gaz, text) if e.startswith("actor/")]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("the Russian delegation arrived", "actor/russia"),
        ("Chinese officials said talks went well", "actor/china"),
        ("Russian officials and activists met", "actor/russia"),
    ],
)
def test_a_demonym_of_officials_is_the_state(gaz: Gazetteer, text: str, state: str) -> None:
    assert [e for e, _ in found(gaz, text)] == [state]


# --- titled people, organisations with acronyms ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Anthony Albanese of Australia arrived in Beijing.",
        "Australia's prime minister, Anthony Albanese, arrived in Beijing.",
        "Anthony Albanese, the Australian prime minister, arrived in Beijing.",
        "Australian Prime Minister Anthony Albanese arrived in Beijing.",
    ],
)
def test_titled_people_in_every_usual_shape(sentence: str) -> None:
    claims = claims_of(f"Albanese Visits China\n\n{sentence} Albanese said the visit mattered.\n")
    assert "Anthony Albanese" in actors_of(claims)
    people = {e.id for found in claims.mentions.values() for e in found if e.kind == "Person"}
    assert "actor/anthony-albanese" in people
    assert not any("prime" in p or "australia" in p for p in people)


def test_foreign_minister_and_a_known_leader() -> None:
    claims = claims_of(
        "Talks in Beijing\n\nForeign Minister Penny Wong met Chinese President Xi Jinping.\n"
    )
    assert {"Penny Wong", "Xi Jinping"} <= actors_of(claims)


def test_apposition_does_not_read_other_words_as_names() -> None:
    assert appositive_names("In Hanoi, the president spoke to the leader.") == []
    assert appositive_names("the host, South Africa, said") == ["South Africa"]


def test_an_organisation_introduced_with_its_acronym() -> None:
    claims = claims_of(
        "Leaders Meet in Honiara\n\nLeaders of the Coral Sea Forum (CSF) met in Honiara. "
        "CSF members agreed a statement.\n"
    )
    forum = [e for found in claims.mentions.values() for e in found if e.label.startswith("Cor")]
    assert forum and forum[0].kind == "Organization" and forum[0].aliases == ("CSF",)
    assert acronyms("the Talks (2019) and the European Union (EU)") == [("European Union", "EU")]


def test_a_known_organisation_gets_its_long_name() -> None:
    claims = claims_of(
        "Summit in Jakarta\n\nThe Association of Southeast Asian Nations (ASEAN) met.\n"
    )
    assert actors_of(claims) == {"ASEAN"}


def test_a_new_place_that_acts_is_also_a_state() -> None:
    """ "in Drovania" makes a place; "Drovania refuses" makes its state, as a country is both."""
    claims = claims_of(
        "Talks in Lindqvar\n\nTroops remain in Drovania. Drovania refuses any foreign "
        "presence at the dam, a demand that Kestria makes.\n"
    )
    stances = {(p.actors[0].id, p.stance) for p in claims.positions}
    assert ("actor/drovania", "rejects") in stances


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Argentina's energy secretary, Martín Echeverría, spoke.", "Martín Echeverría"),
        (
            "Peña will host Haiti's Prime Minister, Jean-Robert Dorval, at noon.",
            "Jean-Robert Dorval",
        ),
        ("Joaquim Mabota, the AU's special envoy, will chair the talks.", "Joaquim Mabota"),
        ("Rodrigo Vial, a former Chilean ambassador, said so.", "Rodrigo Vial"),
    ],
)
def test_people_beside_more_roles(text: str, person: str) -> None:
    assert appositive_names(text) == [person]


def test_no_person_from_a_region_before_a_title_without_an_article() -> None:
    text = "The mediator for the Great Lakes, former Tanzanian president Amani Mwaka, spoke."
    assert appositive_names(text) == ["Amani Mwaka"]


def test_a_body_named_whole_is_an_actor_and_a_state_inside_its_name_is_not() -> None:
    claims = extract(
        parse_article(
            "Lake talks\n\n"
            '"Promises," said Paul Wambura of the Kenya Transporters Association. The three'
            " states should hand enforcement to the Lake Victoria Fisheries Organization, said"
            " a researcher at the Catholic University of Chile.\n"
        )
    )
    found = {e.label: e.kind for mentioned in claims.mentions.values() for e in mentioned}
    assert found.get("Kenya Transporters Association") == "Organization"
    assert found.get("Lake Victoria Fisheries Organization") == "Organization"
    assert "Kenya" not in found
    assert "Catholic University of Chile" not in found  # a source's university is no actor


def test_a_place_after_port_of_and_a_place_in_a_list_item_are_places() -> None:
    claims = extract(
        parse_article(
            "Lake talks\n\nWhat was agreed:\n\n"
            "- Nurses: Italy offered to co-fund a nursing school in Shkodra.\n\n"
            "The pipeline carrying crude to the port of Tangala was on track.\n"
        )
    )
    places = {e.label for found in claims.mentions.values() for e in found if e.is_place}
    assert {"Shkodra", "Tangala"} <= places


def test_both_congos_named_in_full_stay_apart() -> None:
    labels = actors_of(
        claims_of(
            "Bridge summit\n\nRepublic of Congo President Ana Mbemba hosted Democratic Republic of"
            " Congo President Joseph Lukusa. Congo wants a rail link.\n"
        )
    )
    assert {"Republic of the Congo", "Democratic Republic of the Congo"} <= labels


def test_people_beside_the_body_they_speak_for_or_lead() -> None:
    labels = actors_of(
        claims_of(
            "Lake summit\n\nThe Executive Secretary of the Nile Basin Initiative, Ruth Achieng,"
            " joined the talks. Omar Haddad of the Cairo-based Centre for Water Studies urged"
            " restraint. Lena Moritz, who heads the Danube Anglers Network, said fish stocks were"
            " falling.\n"
        )
    )
    assert {"Ruth Achieng", "Omar Haddad", "Lena Moritz"} <= labels


def test_a_state_inside_a_regional_communitys_name_is_not_an_actor() -> None:
    labels = actors_of(
        claims_of(
            "Bridge summit\n\nThe Economic Community of West Sahel States backed the bridge.\n"
        )
    )
    assert "Economic Community of West Sahel States" in labels
