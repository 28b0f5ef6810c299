"""Rules that read any summit coverage, not one article's wording: subjects, metonyms and
pronouns, stance verbs and their objects, wire datelines and captions."""

from __future__ import annotations

from kg.text.claims import Claims
from kg.text.extract import extract
from kg.text.parse import parse_article
from kg.text.parse.lists import split_label


def _claims(body: str, title: str = "Talks in Oslo") -> Claims:
    return extract(parse_article(title + "\n" + body + "\n"))


def _positions(body: str) -> list[tuple[str, str | None, str | None]]:
    """(actor, stance, issue): the topic's surface, else (an issue the document names once:
    no topic of its own) the position's label, the issue its object names."""
    claims = _claims(body)
    return [
        (p.actors[0].label, p.stance, p.topic.surface if p.topic else p.label)
        for p in claims.positions
    ]


def test_a_pronoun_in_reported_speech_is_its_speaker() -> None:
    found = _positions(
        "Washington remains wary of Chinese ports. Japan said it supported a rules-based order."
    )
    assert ("Japan", "supports", "rules-based order") in found


def test_the_speakers_own_side_is_the_speaker() -> None:
    found = _positions(
        "Solomon Islands Prime Minister Peter Tanito met Xi.\n\n"
        "Tanito said his government would not end its police cooperation with Beijing."
    )
    assert found == [("Peter Tanito", "rejects", "police cooperation with Beijing")]


def test_a_title_between_the_demonym_and_the_verb() -> None:
    assert _positions("The Chinese leader wants Washington to roll back tariffs.") == [
        ("China", "seeks", "tariffs")
    ]


def test_a_parenthetical_between_verb_and_object() -> None:
    found = _positions("Paris rejected, as it always has, any sharing of its nuclear codes.")
    assert found == [("France", "rejects", "sharing of its nuclear codes")]


def test_a_metonym_is_kept_as_a_name_of_its_state() -> None:
    claims = _claims("Bangkok offered to run an aid corridor from the border.")
    (position,) = claims.positions
    assert position.actors[0].label == "Thailand"
    assert "Bangkok" in position.actors[0].aliases


def test_a_second_verb_shares_its_subject() -> None:
    found = _positions("Norway will raise the collision at sea and seek a joint statement.")
    assert ("Norway", "seeks", "joint statement") in found


def test_a_relative_clause_takes_its_antecedent() -> None:
    found = _positions(
        "The summit ended without the binding treaty that Egypt has sought for a decade."
    )
    assert found == [("Egypt", "seeks", "binding treaty")]


def test_stance_verb_families() -> None:
    text = (
        "India is unwilling to sign the charter. Moscow would like sanctions lifted. "
        "Tokyo is wary of Chinese investment in ports. Seoul remains committed to a free "
        "and open Indo-Pacific. Canberra signalled openness to a prisoner swap."
    )
    assert _positions(text) == [
        ("India", "rejects", "charter"),
        ("Russia", "seeks", "sanctions"),  # named once: its label, the issue as written
        ("Japan", "opposes", "Chinese investment in ports"),
        ("South Korea", "supports", "free and open Indo-Pacific"),
        ("Australia", "supports", "prisoner swap"),
    ]


def test_an_object_of_people_is_no_issue() -> None:
    assert _positions("Poland invited its French and German counterparts to Warsaw.") == []


def test_coordinated_outcomes_are_two() -> None:
    claims = _claims("Officials expect a joint declaration and a package of investment deals.")
    assert [o.label for o in claims.outcomes] == [
        "a joint declaration",
        "a package of investment deals",
    ]


def test_a_wire_takeaway_label_ends_in_a_stop() -> None:
    assert split_label("Policing. Leaders endorsed the plan.") == (
        "Policing",
        "Leaders endorsed the plan.",
    )
    assert split_label("Leaders met. They agreed to meet again.") == (None, None)


def test_a_wire_dateline_names_the_venue() -> None:
    claims = _claims(
        "SUVA (PNS) - Pacific leaders wrapped up three days of talks on Thursday, agreeing to "
        "expand a policing scheme with Australia and New Zealand.",
        title="Pacific leaders back police plan",
    )
    assert claims.summit is not None and claims.summit.place is not None
    assert claims.summit.place.label == "Suva"


def test_participants_named_after_the_lead() -> None:
    claims = _claims(
        "Heads of state gather in Lusaka on Thursday for an extraordinary summit.\n\n"
        "Zambian President Mulenga Banda will host the talks. Congolese President Jean-Pierre "
        "Kalala and Tanzania's President Neema Mushi have confirmed they will attend.",
        title="Southern African leaders meet in Lusaka",
    )
    assert claims.summit is not None
    assert {p.label for p in claims.summit.participants} == {
        "Mulenga Banda",
        "Jean-Pierre Kalala",
        "Neema Mushi",
    }


def test_an_image_line_and_related_links_are_noise() -> None:
    document = parse_article(
        "Talks in Oslo\n![Leaders at the 2019 summit in Osaka](osaka.jpg)\n\n"
        "Leaders met in Oslo.\n\nRelated coverage\n- Why Osaka mattered\n- More from Oslo\n"
    )
    texts = [b.plain for s in document.sections for b in s.blocks]
    assert texts == ["Leaders met in Oslo."]
