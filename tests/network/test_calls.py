"""Expectations against results: queries/calls.rq and kg.network.calls.

Small graphs are written inline as Turtle (one summit, documents before and after it);
the fixtures in tests/fixtures/calls/ run the whole pipeline on a preview and a report.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

import kg
from kg.network.calls import (
    VERDICTS,
    CallsReport,
    calls,
    calls_network,
    calls_view,
    judge,
    label_words,
    probability,
)
from kg.network.views import VIEWS, view_builder
from kg.sparql.engines import oxigraph_store
from kg.sparql.runner import run_query
from tests.support.answers import result_set
from tests.support.paths import FIXTURES

CALLS = FIXTURES / "calls"
PREFIXES = """\
@prefix skg: <https://w3id.org/summit-kg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

Outcome = tuple[str, str, str]  # topic, label, likelihood local name


def document(
    name: str,
    outcomes: Iterable[Outcome],
    *,
    summit: str = "s",
    status: str | None = None,
    date: str | None = None,
    start: str | None = None,
) -> str:
    """Turtle for one source document describing ``summit`` with ``outcomes``."""
    doc = f"<urn:doc:{name}>"
    lines = [f'{doc} a skg:SourceDocument ; dcterms:title "{name}" .']
    if date is not None:
        lines.append(f'{doc} dcterms:date "{date}"^^xsd:date .')
    lines.append(f"<urn:{name}:lead> a skg:Paragraph ; skg:inDocument {doc} ; skg:start 0 .")
    lines.append(f"<urn:summit:{summit}> a skg:Summit ; prov:wasDerivedFrom <urn:{name}:lead> .")
    if status is not None:
        lines.append(f"<urn:summit:{summit}> skg:status skg:{status} .")
    if start is not None:
        lines.append(f'<urn:summit:{summit}> schema:startDate "{start}"^^xsd:date .')
    for i, (topic, label, level) in enumerate(outcomes, 1):
        row, outcome = f"<urn:{name}:row{i}>", f"<urn:{name}:o{i}>"
        topic_iri = f"<urn:topic:{topic.lower().replace(' ', '-')}>"
        lines += [
            f"{row} a skg:TableRow ; skg:inDocument {doc} ; skg:start {i * 10} .",
            f'{topic_iri} a skg:Topic ; skos:prefLabel "{topic}" .',
            f'{outcome} a skg:Outcome ; rdfs:label "{label}" ; skg:topic {topic_iri} ;',
            f'    skg:likelihood skg:{level} ; skg:hedge "{level}" ; prov:wasDerivedFrom {row} .',
            f"<urn:summit:{summit}> skg:hasOutcome {outcome} .",
        ]
    return "\n".join(lines) + "\n"


def graph_of(tmp_path: Path, *documents: str) -> kg.SummitGraph:
    path = tmp_path / "calls.ttl"
    path.write_text(PREFIXES + "".join(documents), encoding="utf-8")
    return kg.load(path)


def by_expected(report: CallsReport) -> dict[str, tuple[str, str | None, str | None]]:
    return {c.expected: (c.verdict, c.reported, c.result) for c in report.calls}


PREVIEW: list[Outcome] = [
    ("Trade", "Lower grain tariffs", "Likely"),
    ("Energy", "A power cable study", "Possible"),
    ("Whaling", "A whaling moratorium", "Unlikely"),
    ("Climate", "A flood-warning network", "Unstated"),
    ("Tourism", "Visa-free stopovers", "Anticipated"),
]
REPORT: list[Outcome] = [
    ("Trade", "Grain tariffs lowered", "Agreed"),
    ("Energy", "Power cable study", "Refused"),
    ("Whaling", "Whaling moratorium", "Refused"),
    ("Climate", "Flood-warning network", "Possible"),
]


# --- judging and scoring ----------------------------------------------------------------


def test_a_call_comes_true_when_the_result_goes_the_way_it_leaned() -> None:
    assert judge(4, "agreed") == "came true"
    assert judge(1, "refused") == "missed"
    assert judge(None, "agreed") == "came true"  # unstated: the source still expects it
    assert judge(0, "refused") == "came true"  # "unlikely", and it was refused
    assert judge(0, "agreed") == "missed"
    assert judge(2, "open") == judge(2, None) == "open"


def test_probabilities_split_the_ranks_below_agreed_evenly() -> None:
    assert [probability(r) for r in range(5)] == [0.1, 0.3, 0.5, 0.7, 0.9]
    assert probability(5) is None and probability(None) is None


def test_label_words_leave_out_function_words_and_plurals() -> None:
    assert label_words("A joint quota for the shelf") == label_words("Joint quotas on shelf")


# --- the query and the report on small graphs -----------------------------------------------


def test_scheduled_then_held_gives_each_verdict(tmp_path: Path) -> None:
    g = graph_of(
        tmp_path,
        document("Preview", PREVIEW, status="Scheduled"),
        document("Report", REPORT, status="Held"),
    )
    report = calls(g)
    assert by_expected(report) == {
        "Lower grain tariffs": ("came true", "agreed", "Grain tariffs lowered"),
        "A power cable study": ("missed", "refused", "Power cable study"),
        "A whaling moratorium": ("came true", "refused", "Whaling moratorium"),
        "A flood-warning network": ("open", "open", "Flood-warning network"),
        "Visa-free stopovers": ("open", None, None),
    }
    assert report.reported
    [score] = report.sources
    assert (score.source, score.calls, score.came_true, score.missed, score.open) == (
        "Preview",
        5,
        2,
        1,
        2,
    )
    # settled and ranked: likely agreed (0.5-1)², possible refused (0.3-0)², unlikely refused
    assert score.scored == 3
    assert score.brier == pytest.approx(round((0.25 + 0.09 + 0.01) / 3, 4))
    assert [c.topic for c in report.calls] == sorted(c.topic for c in report.calls)


def test_results_of_the_after_document_are_not_expectations(tmp_path: Path) -> None:
    g = graph_of(
        tmp_path,
        document("Preview", PREVIEW[:1], status="Scheduled"),
        document("Report", [("Trade", "Grain tariffs lowered", "Agreed")], status="Held"),
    )
    report = calls(g)
    assert [c.source for c in report.calls] == ["Preview"]


def test_a_preview_alone_leaves_every_call_open(tmp_path: Path) -> None:
    report = calls(graph_of(tmp_path, document("Preview", PREVIEW, status="Scheduled")))
    assert len(report.calls) == len(PREVIEW) and not report.reported
    assert {c.verdict for c in report.calls} == {"open"}
    assert report.sources[0].brier is None


def test_a_report_alone_makes_no_calls(tmp_path: Path) -> None:
    report = calls(graph_of(tmp_path, document("Report", REPORT, status="Held")))
    assert report.calls == () and report.sources == ()


def test_dates_decide_before_and_after(tmp_path: Path) -> None:
    """Both documents undated would be ambiguous (one summit, no status); dates settle it."""
    g = graph_of(
        tmp_path,
        document("Preview", PREVIEW[:1], date="2026-03-01", start="2026-03-12"),
        document("Report", REPORT[:1], date="2026-03-12"),
    )
    assert by_expected(calls(g)) == {
        "Lower grain tariffs": ("came true", "agreed", "Grain tariffs lowered")
    }


def test_a_dated_report_before_the_summit_is_no_result(tmp_path: Path) -> None:
    g = graph_of(
        tmp_path,
        document("Preview", PREVIEW[:1], date="2026-03-01", start="2026-03-12"),
        document("Leak", REPORT[:1], date="2026-03-05"),
    )
    assert by_expected(calls(g))["Lower grain tariffs"] == ("open", None, None)


def test_a_merged_summit_counts_documents_with_results_as_after(tmp_path: Path) -> None:
    """Two undated sources merge into one summit, scheduled and held: the one that reports
    a result is after, the other before."""
    g = graph_of(
        tmp_path,
        document("Preview", PREVIEW[:2], status="Scheduled"),
        document("Report", REPORT[:2], status="Held"),
    )
    report = calls(g)
    assert {c.source for c in report.calls} == {"Preview"}
    assert {c.reported_by for c in report.calls} == {"Report"}


def test_results_of_another_summit_do_not_count(tmp_path: Path) -> None:
    g = graph_of(
        tmp_path,
        document("Preview", PREVIEW[:1], summit="a", status="Scheduled"),
        document("Report", REPORT[:1], summit="b", status="Held"),
    )
    assert by_expected(calls(g))["Lower grain tariffs"] == ("open", None, None)


def test_the_report_sharing_words_wins_then_a_settled_one(tmp_path: Path) -> None:
    g = graph_of(
        tmp_path,
        document(
            "Preview",
            [("Trade", "Lower grain tariffs", "Likely"), ("Trade", "A steel deal", "Possible")],
            status="Scheduled",
        ),
        document(
            "Report",
            [
                ("Trade", "Steel deal refused", "Refused"),
                ("Trade", "Grain tariffs cut", "Agreed"),
                ("Trade", "Talks on fish to go on", "Possible"),
            ],
            status="Held",
        ),
    )
    report = calls(g)
    matched = {c.expected: (c.result, c.match) for c in report.calls}
    assert matched == {
        "Lower grain tariffs": ("Grain tariffs cut", "words"),
        "A steel deal": ("Steel deal refused", "words"),
    }
    # no shared word: the same topic only, a settled result before a still-open one
    g2 = graph_of(
        tmp_path,
        document("Preview", [("Trade", "Better access", "Likely")], status="Scheduled"),
        document(
            "Report",
            [("Trade", "Talks to go on", "Possible"), ("Trade", "Quota raised", "Agreed")],
            status="Held",
        ),
    )
    [call] = calls(g2).calls
    assert (call.result, call.match, call.verdict) == ("Quota raised", "topic", "came true")


def test_sources_are_ranked_by_brier_score(tmp_path: Path) -> None:
    g = graph_of(
        tmp_path,
        document("Sure", [("Trade", "Lower grain tariffs", "Anticipated")], status="Scheduled"),
        document("Doubtful", [("Trade", "Grain tariffs lower", "Unlikely")], status="Scheduled"),
        document("Report", REPORT[:1], status="Held"),
    )
    report = calls(g)
    assert [s.source for s in report.sources] == ["Sure", "Doubtful"]
    assert [s.brier for s in report.sources] == [pytest.approx(0.01), pytest.approx(0.81)]


def test_the_topic_parameter_filters(tmp_path: Path) -> None:
    g = graph_of(
        tmp_path,
        document("Preview", PREVIEW, status="Scheduled"),
        document("Report", REPORT, status="Held"),
    )
    rows = g.query("calls", topic="energy").rows
    assert [(str(r["expected"]), str(r["verdict"])) for r in rows] == [
        ("A power cable study", "refused")
    ]


def test_rdflib_and_oxigraph_agree(tmp_path: Path) -> None:
    g = graph_of(
        tmp_path,
        document("Preview", PREVIEW, status="Scheduled", date="2026-03-01", start="2026-03-12"),
        document("Report", REPORT, status="Held"),
        document("Other", PREVIEW[:2], summit="b", status="Scheduled"),
    )
    store = oxigraph_store(g.dataset)
    for params in ({}, {"topic": "Trade"}):
        left, right = run_query(g.dataset, "calls", params), run_query(store, "calls", params)
        assert len(left) > 0
        assert result_set(left) == result_set(right)


# --- the fixtures: the whole pipeline ---------------------------------------------------------


@pytest.fixture(scope="module")
def tromso() -> kg.SummitGraph:
    return kg.load(CALLS / "preview.md", CALLS / "report.md")


def test_preview_and_report_of_the_same_summit(tromso: kg.SummitGraph) -> None:
    report = calls(tromso)
    calls_by_topic = {c.topic: c for c in report.calls}
    assert set(calls_by_topic) == {
        "Fisheries",
        "Energy",
        "Search and Rescue",
        "Whaling",
        "Climate",
        "Tourism",
    }
    preview = "Leaders of Norway and Iceland to Meet in Tromsø for Talks on the Northern Seas"
    assert {c.source for c in report.calls} == {preview}
    assert calls_by_topic["Fisheries"].verdict == "came true"
    assert calls_by_topic["Fisheries"].match == "words"
    assert calls_by_topic["Climate"].verdict == "came true"
    assert calls_by_topic["Tourism"].reported is None  # nothing reported afterwards
    assert calls_by_topic["Search and Rescue"].reported == "open"  # "still under discussion"
    # "Not agreed" and "Refused" cells: open while the readers give them no likelihood,
    # settled once they read skg:Refused; never agreed.
    assert calls_by_topic["Energy"].reported in ("open", "refused")
    assert calls_by_topic["Whaling"].reported in ("open", "refused")
    [score] = report.sources
    assert score.calls == 6 and score.came_true >= 2


def test_the_calls_view_draws_topics_expectations_and_results(tromso: kg.SummitGraph) -> None:
    assert VIEWS["calls"].builder is not None
    build = view_builder("calls")
    assert build is calls_view
    network = build(tromso)
    assert {t for _, t in network.nodes(data="type")} == {"Topic", "Outcome"}
    edges = {label for *_, label in network.edges(data="label")}
    assert {"expected", "came true"} <= edges <= {"expected", *VERDICTS}
    fisheries = next(n for n, label in network.nodes(data="label") if label == "Fisheries")
    [(_, expectation)] = network.out_edges(fisheries)
    [(_, result, data)] = network.out_edges(expectation, data=True)
    assert data["label"] == "came true"
    assert network.nodes[result]["reported"] == "agreed"
    assert network.nodes[expectation]["style"] == "CameTrue"


def test_an_empty_report_draws_an_empty_view() -> None:
    assert calls_network(CallsReport((), ())).number_of_nodes() == 0


PROSE = ("prose-preview.md", "prose-report.md")


def test_the_prose_pair_describes_one_summit_before_and_after() -> None:
    """What the structural readers give today: one summit, scheduled by one source and
    held by the other, stated by both."""
    g = kg.load(*(CALLS / name for name in PROSE))
    rows = g.query("summit").rows
    assert {str(r["status"]) for r in rows} == {"scheduled", "held"}
    assert {str(r["sources"]) for r in rows} == {"2"}


def test_the_prose_pair_ceasefire_came_true() -> None:
    report = calls(kg.load(*(CALLS / name for name in PROSE)))
    verdicts = {c.topic.casefold(): c.verdict for c in report.calls}
    assert verdicts.get("ceasefire") == "came true"
    assert verdicts.get("prisoner exchange") == "came true"  # unlikely, then refused


BYLINES = ("byline-preview.md", "byline-report.txt")


def test_byline_dates_date_the_documents_and_order_the_calls() -> None:
    """A date in a byline the parser skips ("By … | Published April 28, 2031 | 4 min
    read", below a standfirst; "May 6, 2031 5:10 PM GMT+3 | Updated …") is the document's
    ``dcterms:date`` and gives the year of a summit dated "May 5-6"."""
    g = kg.load(*(CALLS / name for name in BYLINES))
    dates = g.query(
        "PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT ?title ?date WHERE { ?d dcterms:title ?title ; dcterms:date ?date }"
    )
    assert sorted(str(r["date"]) for r in dates) == ["2031-04-28", "2031-05-06"]
    verdicts = {c.expected.casefold(): c.verdict for c in calls(g).calls}
    assert verdicts == {
        "an agreement on a third power cable": "came true",
        "a joint plan to protect seabed infrastructure": "missed",
    }


ONE_LEADER = ("one-leader-preview.md", "one-leader-report.md")


def test_a_report_naming_one_leader_on_the_same_days_reports_on_the_same_summit() -> None:
    """The report names one of the preview's participants and no place: its summit node
    differs, but the same person meeting on the same days is the same summit."""
    g = kg.load(*(CALLS / name for name in ONE_LEADER))
    summits = g.query("summit").rows
    assert len(summits) == 2 and {str(r["participants"]) for r in summits} >= {"Jonas Rydell"}
    verdicts = {c.expected: (c.verdict, c.result) for c in calls(g).calls}
    assert verdicts["a new ferry timetable"] == ("missed", "a new ferry timetable")
