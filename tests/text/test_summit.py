"""The summit from prose (kg.text.extract.summit): dates, venue, participants and status.

Small articles of our own in the forms of real coverage: prose dates with and
without a year and a page date, the venue after "in"/"at", the actors meeting
(not a leader who will not attend, not a meeting of the past), and the status
from cues (never from a map legend's "held by").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.rdf.mapping import to_graph
from kg.rdf.namespaces import SCHEMA, SKG
from kg.rdf.validation import validate
from kg.text.claims import SummitClaim
from kg.text.document import Metadata
from kg.text.extract import extract
from kg.text.extract.summit import find_dates, sentences
from kg.text.parse import parse_article


def summit_of(text: str, published: str | None = None) -> SummitClaim:
    doc = parse_article(text)
    if published is not None:
        doc = replace(doc, metadata=Metadata(date=published))
    summit = extract(doc).summit
    assert summit is not None
    return summit


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "written", "start", "end"),
    [
        (
            "Leaders meet on 9-10 September 2023.",
            None,
            "9-10 September 2023",
            "2023-09-09",
            "2023-09-10",
        ),
        ("The summit ended on Feb. 28, 2019.", None, "Feb. 28, 2019", "2019-02-28", "2019-02-28"),
        (
            "They gather on 22 and 23 November.",
            "2025-11-02",
            "22 and 23 November",
            "2025-11-22",
            "2025-11-23",
        ),
        (
            "Talks are set for June 24 and 25.",
            "2025-06-10",
            "June 24 and 25",
            "2025-06-24",
            "2025-06-25",
        ),
        ("Talks run March 12–13.", "2026-02-20", "March 12–13", "2026-03-12", "2026-03-13"),
        ("Talks open on 3 January.", "2025-12-20", "3 January", "2026-01-03", "2026-01-03"),
        ("They will meet on Friday.", "2025-08-12", "Friday", "2025-08-15", "2025-08-15"),
        (
            "They meet on Thursday (Oct 30).",
            "2025-10-27",
            "Thursday (Oct 30)",
            "2025-10-30",
            "2025-10-30",
        ),
        ("The meeting is on 2025-08-15.", None, "2025-08-15", "2025-08-15", "2025-08-15"),
    ],
)
def test_dates_written_in_prose(
    text: str, published: str | None, written: str, start: str, end: str
) -> None:
    page = date.fromisoformat(published) if published else None
    found = find_dates(text, page)
    assert found is not None and found.text == written
    assert found.start == date.fromisoformat(start) and found.end == date.fromisoformat(end)


def test_a_weekday_after_the_summit_counts_back() -> None:
    found = find_dates("The leaders met on Friday.", date(2025, 8, 17), "Held")
    assert found is not None and found.start == date(2025, 8, 15)


@pytest.mark.parametrize("text", ["Talks may 5 times stall.", "next week", "in 30 days"])
def test_no_date_from_words_that_are_no_date(text: str) -> None:
    assert find_dates(text) is None


def test_without_a_year_or_a_page_date_only_the_text_is_kept() -> None:
    summit = summit_of("Xi and Albanese to Meet in Beijing\n\nThe talks are on 9-10 September.\n")
    assert summit.dates == "9-10 September" and summit.start is None and summit.end is None


def test_the_page_date_gives_the_year_and_the_graph_types_the_dates() -> None:
    text = (
        "G20 Leaders Gather in Johannesburg\n\n"
        "Leaders of the G20 will gather in Johannesburg on 22 and 23 November, but the "
        "presidents of China and Russia will not attend.\n"
    )
    doc = replace(parse_article(text), metadata=Metadata(date="2025-11-10"))
    claims = extract(doc)
    summit = claims.summit
    assert summit is not None
    assert (summit.start, summit.end) == (date(2025, 11, 22), date(2025, 11, 23))
    _, graph = to_graph(claims)
    node = next(graph.subjects(RDF.type, SKG.Summit))
    assert isinstance(node, URIRef)
    assert graph.value(node, SCHEMA.startDate) == Literal("2025-11-22", datatype=XSD.date)
    assert graph.value(node, SCHEMA.endDate) == Literal("2025-11-23", datatype=XSD.date)
    assert str(graph.value(node, SKG.dates)) == "22 and 23 November"
    assert validate(graph).conforms


def test_a_sentence_about_an_earlier_summit_gives_no_date() -> None:
    text = (
        "Trump and Kim to Meet Again\n\n"
        "Trump and Kim will hold a new round of talks. Their previous summit ended on "
        "Feb. 28, 2019 without a deal.\n"
    )
    assert summit_of(text).dates is None


def test_sentences_do_not_end_at_abbreviations() -> None:
    assert sentences("Met on Feb. 28 with U.S. officials. Then left.") == [
        "Met on Feb. 28 with U.S. officials.",
        "Then left.",
    ]


# --- venue and participants -------------------------------------------------------------------


def test_the_venue_follows_in_or_at() -> None:
    text = (
        "Albanese and Xi Hold Talks\n\n"
        "Fresh from Washington, Australia's prime minister, Anthony Albanese, met Chinese "
        "President Xi Jinping at the Great Hall of the People in Beijing on Monday.\n"
    )
    summit = summit_of(text, "2025-07-14")
    assert summit.place is not None and summit.place.id == "place/beijing"
    assert {p.label for p in summit.participants} == {"Anthony Albanese", "Xi Jinping"}


def test_a_leader_who_will_not_attend_is_no_participant() -> None:
    text = (
        "G20 Leaders Gather in Johannesburg\n\n"
        "The presidents of China and Russia will not attend, but leaders of the G20 meet in "
        "Johannesburg.\n"
    )
    summit = summit_of("Summit Opens\n\n" + text.split("\n\n", 1)[1])
    assert [p.id for p in summit.participants] == ["actor/g20"]
    assert summit.place is not None and summit.place.id == "place/johannesburg"


def test_leaders_of_an_earlier_meeting_are_no_participants() -> None:
    summit = summit_of(
        "Summit Opens\n\nModi will meet Albanese in Delhi, after Biden and Xi last met in Bali.\n"
    )
    assert {p.label for p in summit.participants} == {"Narendra Modi"}


# --- status ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "status"),
    [
        ("Trump and Kim set to meet in Hanoi", "Scheduled"),
        ("Trump and Kim will meet in Hanoi", "Scheduled"),
        ("Trump and Kim met on Thursday in Hanoi", "Held"),
        ("Trump-Kim summit ended early in Hanoi", "Held"),
        ("After the summit in Hanoi, Trump and Kim left", "Held"),
        ("Trump and Kim reached no deal in Hanoi", "Held"),
        ("Trump and Kim, who last met in Singapore, will meet in Hanoi", "Scheduled"),
    ],
)
def test_status_from_cues(lead: str, status: str) -> None:
    assert summit_of(lead + "\n\nMore text follows here.\n").status == status


def test_a_map_legend_says_nothing_about_the_status() -> None:
    summit = summit_of("Trump and Putin in Alaska\n\nArea held by Russia\n")
    assert summit.status is None


def test_the_status_follows_from_the_dates_and_the_page_date() -> None:
    lead = "Xi and Albanese in Beijing\n\nXi and Albanese talks on 15 July.\n"
    assert summit_of(lead, "2025-07-01").status == "Scheduled"
    assert summit_of(lead, "2025-07-20").status == "Held"


# --- the page's date from a byline or a dateline ----------------------------------------------


def test_a_byline_gives_the_year_and_is_no_summit_date() -> None:
    summit = summit_of(
        "Lula and Ramaphosa to Meet in Pretoria\n"
        "By Ana Souza | Updated 3 March 2026 | 5 min read\n"
        "Brazilian President Luiz Inacio Lula da Silva will meet South African President "
        "Cyril Ramaphosa in Pretoria on 9 March.\n"
    )
    assert (summit.start, summit.end) == (date(2026, 3, 9), date(2026, 3, 9))
    assert summit.status == "Scheduled"


def test_a_wire_dateline_dates_the_report_and_a_two_day_summit_ends_that_day() -> None:
    summit = summit_of(
        "ASEAN Leaders Close Summit\n\n"
        "JAKARTA, Indonesia, Sept 10, 2025 (Wire) - Leaders of ASEAN wrapped up a two-day "
        "summit in Jakarta on Wednesday.\n"
    )
    assert (summit.start, summit.end) == (date(2025, 9, 9), date(2025, 9, 10))
    assert summit.status == "Held"


def test_a_date_line_alone_gives_the_status_by_the_summit_dates() -> None:
    summit = summit_of(
        "Modi and Albanese in Canberra\nOctober 2, 2026\n"
        "Modi and Albanese talks in Canberra on 14 and 15 October.\n"
    )
    assert (summit.start, summit.status) == (date(2026, 10, 14), "Scheduled")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Leaders meet from 30 September to 2 October 2026.", "2026-09-30", "2026-10-02"),
        ("Talks run September 30 to October 2, 2026.", "2026-09-30", "2026-10-02"),
        (
            "The forum opens on 3 May and is scheduled to close on 14 May 2026.",
            "2026-05-03",
            "2026-05-14",
        ),
    ],
)
def test_ranges_across_months_and_sentences_that_open_and_close(
    text: str, start: str, end: str
) -> None:
    found = find_dates(text)
    assert found is not None
    assert (found.start, found.end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_a_weekday_that_dates_a_statement_is_no_summit_date() -> None:
    assert find_dates("Officials said on Tuesday that talks would go on.", date(2026, 1, 6)) is None


# --- more venues and participants ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "venue"),
    [
        ("Modi and Lula will meet in the seaside resort of Goa next week.", "place/goa"),
        ("Trump and Kim may meet at the Panmunjom truce village.", "place/panmunjom"),
        ("Erdogan and Putin set to meet in Sochi.", "place/sochi"),
    ],
)
def test_a_venue_the_gazetteer_does_not_know(lead: str, venue: str) -> None:
    summit = summit_of("Summit News\n\n" + lead + "\n")
    assert summit.place is not None and summit.place.id == venue
    assert summit.place.is_place


def test_a_bloc_summit_is_its_leaders_when_the_lead_names_them() -> None:
    summit = summit_of(
        "BRICS Summit Opens in Kazan\n\n"
        "Leaders of BRICS gather in Kazan, where Vladimir Putin welcomes Narendra Modi and "
        "Cyril Ramaphosa. Putin aide Yuri Ushakov told reporters the leaders would meet twice.\n"
    )
    assert {p.label for p in summit.participants} == {
        "Vladimir Putin",
        "Narendra Modi",
        "Cyril Ramaphosa",
    }


def test_a_bloc_summit_is_the_one_leader_the_lead_names() -> None:
    summit = summit_of(
        "G20 Leaders Gather in Rio\n\nBrazilian President Lula will host the summit.\n"
    )
    assert [p.label for p in summit.participants] == ["Luiz Inácio Lula da Silva"]
    nato = summit_of(
        "NATO leaders converge on The Hague\n\nLeaders of the NATO allies meet in The Hague "
        "for a summit that Secretary General Mark Rutte has kept short.\n"
    )
    assert [p.label for p in nato.participants] == ["Mark Rutte"]


def test_a_leader_who_speaks_of_the_summit_attends_it_and_an_aide_does_not() -> None:
    summit = summit_of(
        "G20 Leaders Adopt Declaration\n\nLeaders of the G20 adopted a declaration in "
        "Johannesburg. South African President Cyril Ramaphosa said the text showed that "
        "multilateralism worked, even though the United States boycotted the meeting.\n"
    )
    assert [p.label for p in summit.participants] == ["Cyril Ramaphosa"]
    aide = summit_of(
        "G20 Leaders Gather\n\nLeaders of the G20 meet in Johannesburg. Kremlin aide Yuri "
        "Ushakov told reporters the meeting would be short.\n"
    )
    assert [p.id for p in aide.participants] == ["actor/g20"]


def test_a_bloc_stays_the_participant_when_the_lead_names_no_leader() -> None:
    summit = summit_of("G20 Leaders Gather in Rio\n\nLeaders of the G20 meet in Rio on Monday.\n")
    assert [p.id for p in summit.participants] == ["actor/g20"]


@pytest.mark.parametrize(
    ("lead", "venue"),
    [
        ("Trump and Ramaphosa met at the White House on Monday.", None),
        ("Macron and Xi met at the Elysee Palace on Monday.", None),
        ("Xi and Putin met at the Great Hall of the People in the morning.", None),
        ("Moon Jae-in and Kim Jong Un met at the Blue House on Tuesday.", None),
        ("Putin and Trump met at the Anchorage Summit on Friday.", "place/anchorage"),
        ("Erdogan and Putin met in Sochi Friday.", "place/sochi"),
        ("Xi and Putin met at the Great Hall of the People in Beijing.", "place/beijing"),
    ],
)
def test_a_venue_is_never_a_name_cut_short(lead: str, venue: str | None) -> None:
    summit = summit_of("Leaders Hold Talks\n\n" + lead + "\n")
    assert (summit.place.id if summit.place else None) == venue


def test_a_memo_header_in_capitals_gives_the_subject_and_leaves_room_for_the_opening() -> None:
    """ "SUBJECT:" is a memo's field as "Subject:" is; its fields, one a line, take none of the
    opening's blocks, so who attended (two paragraphs down) is still read."""
    doc = parse_article(
        "**MEMORANDUM**\n\n"
        "**TO:** Minister for Europe\n"
        "**FROM:** Eurasia Desk\n"
        "**DATE:** 11 September 2026\n"
        "**SUBJECT:** Tashkent summit (8–9 September): outcomes\n"
        "**CLASSIFICATION:** Internal\n\n"
        "## Summary\n\n"
        "The third regional summit, held in Tashkent on 8 and 9 September, produced a fund.\n\n"
        "Uzbek President Timur Karimov hosted. Kazakh President Aidos Serikbayev attended, "
        "together with Saudi Investment Minister Fahad al-Rashed.\n"
    )
    assert doc.title == "Tashkent summit (8–9 September): outcomes"
    summit = extract(doc).summit
    assert summit is not None and summit.status == "Held"
    assert {p.label for p in summit.participants} == {
        "Timur Karimov",
        "Aidos Serikbayev",
        "Fahad al-Rashed",
    }


def test_a_wire_filed_the_day_the_summit_ends_is_held_by_its_verbs() -> None:
    """The summit's date is the page's: the lead's verbs decide, read up to where a clause
    tells an earlier event ("relations severed nine years ago")."""
    summit = summit_of(
        "Chile, Bolivia agree to restore ties at Lima summit\n\n"
        "By A. Reporter\n"
        "Published March 3, 2026\n\n"
        "LIMA, March 3 (Wire) - The presidents of Chile and Bolivia agreed on Tuesday to "
        "restore diplomatic relations severed nine years ago, ending the first summit between "
        "the two rivals in a decade.\n"
    )
    assert summit.status == "Held"
    assert summit.start == date(2026, 3, 3)


# --- dates as newsrooms write them --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        pytest.param(
            "Lithium leaders agree on water rules\n\nSALTA, Argentina, April 24 — The presidents "
            "of Argentina and Chile ended a two-day summit in Salta on Thursday with a deal.\n",
            "2026-04-24",
            "2026-04-22",
            "2026-04-23",
            id="a wire dateline's day is the filing day, not the summit's",
        ),
        pytest.param(
            "Northern leaders agree rescue command\n\nSKARVIK — The prime ministers of Norway and "
            "Sweden agreed on Monday to set up a joint rescue command.\n\nThe two-day summit, held "
            "on 22 and 23 November in Skarvik, was the first in a decade.\n",
            "2026-11-24",
            "2026-11-22",
            "2026-11-23",
            id="a later calendar date says more than the lead's weekday",
        ),
        pytest.param(
            "Oman and Iran set up a naval hotline\n\nThe presidents of Iran and Oman agreed on "
            "Tuesday to open a hotline between their navies.\n\nThe sultan opened the two-day "
            "meeting in Muscat on Monday, 9 November.\n",
            "2026-11-10",
            "2026-11-09",
            "2026-11-10",
            id="the day it opened and the day it agreed",
        ),
        pytest.param(
            "Australia backs gas study but will not pay for pipeline\n\nAustralia and Timor-Leste "
            "agreed on Tuesday to pay jointly for a study of the gas field. The study was the "
            "centrepiece of two days of talks in Dili, which ended on Tuesday.\n",
            "2026-02-18",
            "2026-02-16",
            "2026-02-17",
            id="'will not pay' is no schedule; 'two days of talks' is a length",
        ),
        pytest.param(
            "China, Japan and South Korea meet in Seoul: what to know\n\n**Explainer** | Asia Desk "
            "| 17 November 2026, 09:30 KST\n\nLeaders of China, Japan and South Korea will gather "
            "in Seoul next week.\n\nSouth Korean President Lee Jae-myung will host the meeting on "
            "23 and 24 November.\n",
            None,
            "2026-11-23",
            "2026-11-24",
            id="a byline date with its time of day dates the page",
        ),
        pytest.param(
            "Border leaders agree dengue fund\n\nFOZ DO IGUAÇU, Brazil, March 5 (Southcone Wire) - "
            "The presidents of Brazil and Paraguay agreed on Thursday to create a joint fund to "
            "fight dengue.\n\n© 2026 Southcone Wire\n",
            None,
            "2026-03-05",
            "2026-03-05",
            id="a dateline without a year takes the copyright line's",
        ),
        pytest.param(
            "In Chisinau, two neighbours find power lines easier than a river\n\nWhen the prime "
            "ministers of Moldova and Ukraine stood side by side in Chisinau on Wednesday, the "
            "mood was warm.\n",
            "2026-10-16",
            "2026-10-14",
            "2026-10-14",
            id="a weekday after a verb in the past counts back",
        ),
        pytest.param(
            "Nordic talks in Oslo\n\nThe prime ministers of Norway and Sweden need a deal when "
            "they sit down in Oslo on Friday.\n",
            "2026-10-14",
            "2026-10-16",
            "2026-10-16",
            id="'need' is no verb in the past",
        ),
        pytest.param(
            "Cambodia and Thailand leaders to meet in Siem Reap\n\nThe first formal summit since "
            "last year's fighting.\n\nThe prime ministers of Cambodia and Thailand will meet in "
            "Siem Reap on Thursday and Friday, 5–6 November, a year after last year's ceasefire.\n",
            "2026-11-02",
            "2026-11-05",
            "2026-11-06",
            id="a sentence is read up to where it tells an earlier event",
        ),
    ],
)
def test_dates_as_newsrooms_write_them(
    text: str, published: str | None, start: str, end: str
) -> None:
    summit = summit_of(text, published)
    assert (str(summit.start), str(summit.end)) == (start, end)


# --- participants beside the leaders the lead names --------------------------------------------


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        pytest.param(
            "Nordic leaders meet in Tallinn\n\nEstonian Prime Minister Kadri Sepp hosts the "
            "Nordic and Baltic prime ministers in Tallinn on Thursday. Expected in Tallinn are "
            "Finnish Prime Minister Juhani Lehtola and Swedish Prime Minister Anders Holmqvist. "
            "Iceland's Prime Minister Hildur Arnardóttir will not attend.\n",
            ["Anders Holmqvist", "Juhani Lehtola", "Kadri Sepp"],
            id="expected in the city, not who will not attend",
        ),
        pytest.param(
            "Mercosur summit in Montevideo\n\nMercosur presidents met in Montevideo on 2 and 3 "
            "July, hosted by Uruguayan President Martín Ferreira. Argentine President Federico "
            "Landa and Brazilian President Helena Monteiro attended, with Chilean Foreign "
            "Minister Valentina Rojas present as a guest.\n",
            ["Federico Landa", "Helena Monteiro", "Martín Ferreira", "Valentina Rojas"],
            id="who attended, and a guest",
        ),
        pytest.param(
            "Forum leaders agree climate fund\n\nVanuatu's Prime Minister Jotham Naupa and Fiji's "
            "Prime Minister Viliame Tabua agreed on a fund in Port Vila on Friday. Papua New "
            "Guinea's prime minister stayed home and sent Foreign Minister Kila Wari.\n",
            ["Jotham Naupa", "Kila Wari", "Viliame Tabua"],
            id="a minister sent in a leader's place",
        ),
    ],
)
def test_participants_the_opening_says_were_sent_or_are_expected(
    text: str, participants: list[str]
) -> None:
    summit = summit_of(text, "2026-10-05")
    assert sorted(p.label for p in summit.participants) == participants
