"""Hard-wrapped prose (wire copy and Markdown wrapped at a fixed width) reads as unwrapped."""

from __future__ import annotations

import textwrap

import pytest

from kg.text.claims import Claims
from kg.text.extract import extract
from kg.text.parse import parse_article

LEAD = "Lake states agree on water fund but split over dam releases"
PARAGRAPHS = [
    "N'DJAMENA, Nov 19 (Wire) - Leaders of the four states around Lake Chad agreed on "
    "Thursday to set up a joint water fund, but failed to agree on a schedule for releases "
    "from the Maga dam, officials said.",
    "Chadian President Idriss Mahamat and Nigerien Prime Minister Ali Lamine attended the "
    "one-day meeting at the presidential palace, together with Cameroonian Foreign Minister "
    "Paul Atanga.",
    "Niger wants a binding schedule for the dam and rejects any new irrigation scheme "
    "upstream, while Cameroon has offered to host a technical secretariat for the fund.",
    "Analysts warn that a dry season could revive clashes between herders and farmers along "
    "the shore. A follow-up summit is expected in Yaoundé next year.",
]


def claims_of(text: str) -> Claims:
    return extract(parse_article(text))


def summary(claims: Claims) -> tuple[object, ...]:
    summit = claims.summit
    return (
        sorted((o.label, o.likelihood.term) for o in claims.outcomes),
        sorted((p.actors[0].label, p.stance, p.label) for p in claims.positions),
        sorted(c.label for c in claims.concerns),
        summit is not None and summit.place is not None and summit.place.label,
        summit is not None and sorted(p.label for p in summit.participants),
    )


@pytest.mark.parametrize("width", [60, 72, 80])
def test_a_wrapped_article_gives_the_claims_of_the_unwrapped_one(width: int) -> None:
    flat = LEAD + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    wrapped = LEAD + "\n\n" + "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"
    assert wrapped.count("\n") > flat.count("\n") + 6
    expected = summary(claims_of(flat))
    assert expected[1] and expected[3] == "N'Djamena"  # the article has claims to lose
    assert summary(claims_of(wrapped)) == expected


def test_a_heading_marked_or_in_capitals_still_interrupts_a_wrapped_paragraph() -> None:
    text = (
        LEAD + "\n\nNiger wants a binding schedule for releases from the dam that\n"
        "# Fisheries\nCameroon offers a joint patrol.\n\nMORE TO COME\nChad wants help.\n"
    )
    doc = parse_article(text)
    assert [s.title for s in doc.sections][1:] == ["Fisheries", "MORE TO COME"]
