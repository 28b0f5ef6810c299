"""Positions from sentences (kg.text.extract.prose.positions)."""

from __future__ import annotations

from kg.text.extract import extract
from kg.text.parse import parse_article


def _positions(body: str) -> list[tuple[str, str | None, str]]:
    claims = extract(parse_article("Talks in Oslo\n" + body + "\n"))
    return [(p.actors[0].label, p.stance, p.label) for p in claims.positions]


def test_demand_and_the_relative_rejection() -> None:
    found = _positions(
        "Moscow insists that Ukraine withdraw from the rest of the Donetsk region, "
        "a demand Kyiv rejects."
    )
    assert found == [
        ("Russia", "demands", "Donetsk region"),
        ("Ukraine", "rejects", "Donetsk region"),
    ]


def test_a_positions_label_is_its_issue_and_the_object_stays_its_quote() -> None:
    """The label is the issue the object names, as written inside it; the whole object is
    the claim's quote, and the sentence its source."""
    text = "Moscow demands a withdrawal of Ukrainian forces from the Donetsk region."
    claims = extract(parse_article("Talks in Oslo\n" + text + "\n"))
    (position,) = claims.positions
    assert position.label == "Donetsk region"
    assert position.quote == "a withdrawal of Ukrainian forces from the Donetsk region"
    assert position.quote in position.source.text and position.label in position.quote


def test_no_label_is_a_pronoun_an_amount_or_a_function_word() -> None:
    found = _positions(
        "Ethiopia rejected both. Oslo offers $3 billion. Bern wants more. Rome backs the idea."
    )
    assert found == [("Italy", "supports", "idea")]


def test_which_clause_and_negated_support() -> None:
    found = _positions("Kyiv wants a clear path to membership, which Washington did not support.")
    assert found == [
        ("Ukraine", "seeks", "membership"),
        ("United States", "opposes", "membership"),
    ]


def test_two_actors_one_position_each() -> None:
    found = _positions("Namibia and Mauritania hope to secure buyers for green hydrogen.")
    assert [(a, s) for a, s, _ in found] == [("Namibia", "seeks"), ("Mauritania", "seeks")]


def test_no_actor_no_position() -> None:
    assert _positions("Several governments oppose linking visas to returns.") == []


def test_a_noun_is_no_stance_verb() -> None:
    assert _positions("Japan will announce support for chip plants.") == []


def _stances(body: str) -> list[tuple[str, str | None, str, str | None]]:
    """Actor, stance, phrase and topic label of every position a text states."""
    claims = extract(parse_article("Talks in Oslo\n" + body + "\n"))
    return [
        (p.actors[0].label, p.stance, p.label, p.topic.label if p.topic else None)
        for p in claims.positions
    ]


def test_a_capital_stands_for_its_state() -> None:
    assert _stances("Ottawa opposed the new dairy quotas. The new dairy quotas start in May.") == [
        ("Canada", "opposes", "new dairy quotas", "New Dairy Quotas")
    ]


def test_an_issue_named_once_stays_the_positions_label_not_a_topic() -> None:
    """One stance read once does not make an issue of the summit: the issue stays the
    position's label, and the position takes the section's topic (here none)."""
    assert _stances("Ottawa opposed the new dairy quotas.") == [
        ("Canada", "opposes", "new dairy quotas", None)
    ]
    claims = extract(parse_article("Talks in Oslo\nOttawa opposed the new dairy quotas.\n"))
    assert claims.topics == ()


def test_a_long_object_gives_its_issue_as_written_as_topic() -> None:
    (found,) = _stances(
        "Lisbon wants an end to Spanish water transfers from the Tagus river. Madrid says "
        "Spanish water transfers from the Tagus river are within the treaty."
    )
    # the label keeps "end to" (Lisbon does not want the transfers); the topic is what it ends
    assert found[:3] == ("Portugal", "seeks", "end to Spanish water transfers")
    assert found[3] == "Spanish water transfers from the Tagus river"


def test_a_reported_want_inside_speech() -> None:
    (found,) = _stances(
        "Modi said that India wanted cheaper fertiliser imports from the Gulf. Talks on "
        "cheaper fertiliser imports from the Gulf began in May."
    )
    assert found[:2] == ("India", "seeks")
    assert found[3] == "cheaper fertiliser imports from the Gulf"


def test_a_refusal_with_a_modal() -> None:
    (found,) = _stances("Macron said Paris would not lift its veto on the trade pact.")
    assert found[:3] == ("France", "rejects", "veto on the trade pact")


def test_would_not_accept_is_a_rejection_not_a_support() -> None:
    (found,) = _stances("Warsaw will not accept mandatory relocation quotas.")
    assert found[:3] == ("Poland", "rejects", "mandatory relocation quotas")


def test_does_not_want_opposes() -> None:
    assert _stances("Berlin does not want a tariff war.")[0][:2] == ("Germany", "opposes")


def test_pressing_for_and_calls_on() -> None:
    assert _stances("Italy is pressing for a faster rollout of the recovery fund.")[0][:2] == (
        "Italy",
        "demands",
    )
    (found,) = _stances("Norway called on Moscow to release the detained fishermen.")
    assert found[:3] == ("Norway", "demands", "detained fishermen")


def test_possessive_nominal_stances() -> None:
    (call,) = _stances("Seoul's call for a nuclear freeze went unanswered.")
    assert call[:3] == ("South Korea", "demands", "nuclear freeze")
    (offer,) = _stances("Tokyo's offer of a new credit line was welcomed.")
    assert offer[:3] == ("Japan", "offers", "credit line")
    (opposition,) = _stances("Madrid's opposition to the fishing quotas hardened.")
    assert opposition[:2] == ("Spain", "opposes")


def test_more_verbs_of_each_stance() -> None:
    cases = {
        "Vienna has ruled out troop deployments.": ("Austria", "rejects"),
        "Rome favours a cap on gas prices.": ("Italy", "supports"),
        "Athens has pledged two frigates to the mission.": ("Greece", "offers"),
        "Dublin put forward a plan for border checks.": ("Ireland", "proposes"),
        "Oslo resisted new drilling limits.": ("Norway", "opposes"),
        "Lisbon is lobbying for more cohesion funds.": ("Portugal", "seeks"),
    }
    for sentence, expected in cases.items():
        assert [f[:2] for f in _stances(sentence)] == [expected], sentence


def test_two_actions_give_two_positions() -> None:
    found = _stances("Canada wants Mexico to lift steel tariffs and ease controls on lumber.")
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("Canada", "seeks", "lift steel tariffs"),
        ("Canada", "seeks", "ease controls on lumber"),
    ]


def test_a_verb_that_undoes_its_object_stays_in_the_label() -> None:
    """Dropping "lift" would turn the stance around: Bulgaria is not against objections."""
    found = _stances(
        "Bulgaria refuses to lift its objections. Ankara wants Athens to end the drills."
    )
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("Bulgaria", "rejects", "lift its objections"),
        ("Turkey", "seeks", "end the drills"),
    ]
    found = _stances("Kyiv refused to sign the declaration.")
    assert [(f[0], f[1], f[2]) for f in found] == [("Ukraine", "rejects", "declaration")]


def test_a_second_stance_verb_ends_the_first_object() -> None:
    found = _stances("Iceland rejects the current mackerel split and wants a bigger share.")
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("Iceland", "rejects", "current mackerel split"),
        ("Iceland", "seeks", "bigger share"),
    ]


def test_a_stance_on_the_idea_takes_the_proposal_it_refers_to() -> None:
    found = _stances(
        "Manila wants wider hot-pursuit rights for its coast guard. Jakarta opposes the idea, "
        "and Brunei and the Maldives back the plan in principle."
    )
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("Philippines", "seeks", "wider hot-pursuit rights for its coast guard"),
        ("Indonesia", "opposes", "wider hot-pursuit rights for its coast guard"),
        ("Brunei", "supports", "wider hot-pursuit rights for its coast guard"),
        ("Maldives", "supports", "wider hot-pursuit rights for its coast guard"),
    ]
    assert len({f[3] for f in found}) == 1  # one topic: the sides meet on it
    assert [f[2] for f in _stances("Jakarta opposes the idea.")] == ["idea"]  # nothing before


def test_two_noun_phrases_give_two_positions() -> None:
    found = _stances(
        "Beijing seeks the removal of the chip tariff and a pause on visa bans. The chip "
        "tariff and visa bans were raised in May."
    )
    assert [f[3] for f in found] == ["Chip Tariff", "Visa Bans"]


def test_a_light_verb_is_skipped() -> None:
    (found,) = _stances("Kenya pressed Ethiopia to do more to stop cattle raids.")
    assert found[:3] == ("Kenya", "demands", "cattle raids")


def test_a_pronoun_stands_for_the_person_named_before() -> None:
    found = _stances("Trump met Xi on Thursday. He said he wanted lower soybean tariffs.")
    assert found and found[0][:2] == ("Donald Trump", "seeks")


def test_a_passive_participle_is_no_stance() -> None:
    assert _stances("Zelenskyy has been invited to the leaders' dinner.") == []
    assert _stances("The plan was backed by Canada.") == []


def test_an_actor_or_pronoun_object_is_no_issue() -> None:
    assert _stances("Washington backs Ukraine.") == []
    assert _stances("Xi invited him to Beijing.") == []


def test_no_actor_stance_in_analysis_or_a_bare_name_list() -> None:
    assert _stances("Analysts said the talks could reach a deal.") == []
    assert _stances("The United States and China.") == []
    assert _stances("Talks could resume next week, officials said.") == []


def test_a_verb_after_but_shares_the_subject_before() -> None:
    found = _positions(
        "India supports the idea but demands that processing plants be built on Indian soil. "
        "Australia would contribute to the fund but rejects a debt moratorium."
    )
    assert ("India", "demands", "processing plants be built on Indian soil") in found
    assert ("Australia", "rejects", "debt moratorium") in found


def test_a_which_clause_between_the_actor_and_its_verb() -> None:
    found = _positions("Bolivia, which joined as a full member in 2024, asked for a grace period.")
    assert found == [("Bolivia", "seeks", "grace period")]


def test_what_a_proposal_is_for_is_not_its_object() -> None:
    found = _positions("Seoul has proposed a permanent peace regime to replace the armistice.")
    assert found == [("South Korea", "proposes", "permanent peace regime")]


def test_a_word_for_people_inside_an_issue_is_no_person() -> None:
    assert _positions("Thailand proposes a new envoy arrangement.") == [
        ("Thailand", "proposes", "new envoy arrangement")
    ]


def test_a_second_verb_after_and_with_its_auxiliary_shares_the_subject() -> None:
    found = _positions(
        "Phnom Penh denies laying any new mines and has instead proposed a joint demining "
        "programme run with international experts."
    )
    assert found == [("Cambodia", "proposes", "joint demining programme")]


def test_a_label_keeps_a_number_written_with_a_comma_and_drops_what_he_called() -> None:
    found = _positions(
        "Morocco is pushing for a firm construction date for a 1,000-megawatt subsea power"
        " cable that would carry solar power north. Argentina rejected any renegotiation of what"
        ' he called "a limit set by our Congress".'
    )
    labels = [label for _, _, label in found]
    assert "firm construction date for a 1,000-megawatt subsea power cable" in labels
    assert "renegotiation" in labels
