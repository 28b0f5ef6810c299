"""The per-document time budget: reading one document past it stops with a LoaderError.

The clock is the budget module's own (``kg.text.budget._clock``), replaced here by one
that moves a second each time it is read, so a normal article runs out of any budget
of a few seconds, whatever the machine's speed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import LoaderError, UsageError
from kg.loaders import article
from kg.loaders import html as html_loader
from kg.text import budget
from kg.text.extract import extract
from kg.text.parse import parse_article

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLE = FIXTURES / "harbour-summit.md"
PAGE = FIXTURES / "html" / "busan-preview.html"


@pytest.fixture()
def ticking(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A clock that moves one second each time it is read; yields the count of reads."""
    reads = [0]

    def clock() -> float:
        reads[0] += 1
        return float(reads[0])

    monkeypatch.setattr(budget, "_clock", clock)
    yield reads


def _message(path: Path, seconds: str) -> str:
    return f"{path}: reading stopped: it exceeded the per-document budget of {seconds} s"


def test_a_normal_article_reads_within_the_default_budget(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(budget.BUDGET_VARIABLE, raising=False)
    assert budget.document_budget() == budget.DOCUMENT_BUDGET == 30.0
    assert article.read(ARTICLE).graphs


def test_an_article_past_its_budget_is_a_loader_error_naming_the_file(ticking: list[int]):
    with pytest.raises(LoaderError) as caught:
        article.read(ARTICLE, budget=5)
    assert str(caught.value).startswith(_message(ARTICLE, "5"))
    assert budget.BUDGET_VARIABLE in str(caught.value)
    assert caught.value.path == str(ARTICLE)
    assert ticking[0] == 7  # the start, then one read per check: it stopped at the first late one


def test_parse_and_extract_share_one_budget(ticking: list[int]):
    text = ARTICLE.read_text(encoding="utf-8")
    start = ticking[0]
    document = parse_article(text, budget=1000)
    parse_checks = ticking[0] - start - 1  # the first read starts the clock
    start = ticking[0]
    extract(document, budget=1000)
    extract_checks = ticking[0] - start - 1
    assert parse_checks > 5 and extract_checks > 5
    # a budget that each stage alone stays within, but not the two together
    seconds = max(parse_checks, extract_checks)
    extract(parse_article(text, budget=seconds), budget=seconds)
    with budget.reading(ARTICLE, budget=seconds), pytest.raises(LoaderError):
        extract(parse_article(text))


def test_a_saved_page_past_its_budget_is_a_loader_error(ticking: list[int]):
    with pytest.raises(LoaderError) as caught:
        html_loader.read(PAGE, budget=2)
    assert str(caught.value).startswith(_message(PAGE, "2"))


def test_load_keeps_the_budget(ticking: list[int]):
    with pytest.raises(LoaderError, match="per-document budget of 3 s"):
        list(article.load(ARTICLE, budget=3))
    with pytest.raises(LoaderError, match="per-document budget of 3 s"):
        list(html_loader.load(PAGE, budget=3))


def test_the_environment_sets_the_budget(monkeypatch: pytest.MonkeyPatch, ticking: list[int]):
    monkeypatch.setenv(budget.BUDGET_VARIABLE, "4.5")
    assert budget.document_budget() == 4.5
    with pytest.raises(LoaderError, match=r"per-document budget of 4\.5 s"):
        article.read(ARTICLE)


def test_the_module_constant_sets_the_budget(monkeypatch: pytest.MonkeyPatch, ticking: list[int]):
    monkeypatch.delenv(budget.BUDGET_VARIABLE, raising=False)
    monkeypatch.setattr(budget, "DOCUMENT_BUDGET", 6.0)
    with pytest.raises(LoaderError, match="per-document budget of 6 s"):
        article.read(ARTICLE)


@pytest.mark.parametrize("value", ["abc", "0", "-1", "nan", "inf", "1e400"])
def test_a_bad_budget_in_the_environment_is_bad_usage(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(budget.BUDGET_VARIABLE, value)
    with pytest.raises(UsageError, match=budget.BUDGET_VARIABLE):
        article.read(ARTICLE)


@pytest.mark.parametrize("value", [0, -3, float("nan"), float("inf")])
def test_a_bad_budget_argument_is_bad_usage(value: float) -> None:
    with pytest.raises(UsageError, match="budget must be a positive number"):
        article.read(ARTICLE, budget=value)


def test_no_check_outside_a_reading(ticking: list[int]):
    budget.check_budget()
    assert ticking[0] == 0


def test_a_pathological_document_stops_near_its_budget(tmp_path: Path):
    # some 30 s of sentences to read on this machine; the budget stops it after one
    path = tmp_path / "long.md"
    path.write_text("# Talks\n\n" + "Trade talks may resume. " * 40_000, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(LoaderError, match="per-document budget of 1 s"):
        article.read(path, budget=1)
    assert time.monotonic() - start < 10
