"""Field-labelled items and paragraphs of a briefing card (kg.text.extract.fields): the label
names the role of its text ("Topic:", "Likely outcome:", "Position:", "Concern:",
"Recommendation:"), not an issue. Every text here is written for these tests."""

from __future__ import annotations

from kg.text.claims import Claims
from kg.text.extract import extract
from kg.text.parse import parse_article

_CARD = """# Briefing card: Norland–Westmark talks in Tromsø

Prepared 4 May 2026 for internal use.

Norland's prime minister and Westmark's president met in Tromsø on 2–3 May 2026.

**WHAT WAS SETTLED**

*Topic: fishing quotas
*Outcome: Both leaders signed a five-year quota accord.
*Topic: ferry links
*Likely outcome: a night ferry between the two capitals

**WHAT WAS NOT**

• Topic: the border bridge
• Position: Westmark demands a toll-free border bridge.
• Outcome: No deal on the bridge; officials will meet again in June.
• Likely outcome: The bridge toll will probably fall before June.

Concern: Risk that the bridge row stalls the quota accord.

Recommendation: We should offer engineers to the bridge commission.
"""


def _claims(text: str = _CARD) -> Claims:
    return extract(parse_article(text))


def test_a_topic_field_is_a_topic_and_no_field_label_is_one() -> None:
    labels = {t.label for t in _claims().topics}
    assert {"Fishing Quotas", "Ferry Links", "Border Bridge"} <= labels
    assert not labels & {"Topic", "Position", "Outcome", "Likely Outcome"}


def test_outcome_fields_take_the_topic_field_before_them_and_their_hedge() -> None:
    outcomes = {o.label: (o.topic.label, o.likelihood.term) for o in _claims().outcomes}
    assert outcomes["a night ferry between the two capitals"] == ("Ferry Links", "Likely")
    signed = next(label for label in outcomes if "quota accord" in label)
    assert outcomes[signed] == ("Fishing Quotas", "Agreed")
    assert outcomes["The bridge toll will probably fall before June"] == ("Border Bridge", "Likely")
    refused = [label for label, (_, term) in outcomes.items() if term == "Refused"]
    assert refused and all("bridge" in label for label in refused)


def test_a_position_field_is_read_as_a_sentence_under_its_topic() -> None:
    [position] = [p for p in _claims().positions if "Westmark" in {a.label for a in p.actors}]
    assert position.stance == "demands"
    assert position.topic is not None and position.topic.label == "Border Bridge"


def test_concern_and_recommendation_fields_lose_their_label_and_cue() -> None:
    claims = _claims()
    assert [c.label for c in claims.concerns] == ["the bridge row stalls the quota accord"]
    assert [r.label for r in claims.recommendations] == ["offer engineers to the bridge commission"]


def test_a_label_naming_an_issue_stays_a_topic_and_a_memo_subject_is_no_field() -> None:
    claims = _claims(
        "SUBJECT: Norland talks\n\nTalks in Oslo\n\n- Fishing: Norland rejects any new quota.\n"
    )
    assert "Fishing" in {t.label for t in claims.topics}
    assert "Norland Talks" not in {t.label for t in claims.topics}


def test_a_cards_prepared_date_is_not_the_summits() -> None:
    summit = _claims(_CARD.replace("Prepared 4 May", "Caucasus desk · prepared 4 May")).summit
    assert summit is not None
    assert (summit.status, summit.start.isoformat() if summit.start else None) == (
        "Held",
        "2026-05-02",
    )
    assert summit.place is not None and summit.place.label == "Tromsø"
