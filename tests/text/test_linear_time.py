"""Reading an article is linear in its text, on hostile repetitions of every construct.

Each family repeats one construct's delimiter (``[``, ``](``, ``**``, ``__``, ``*``, a
backtick, ``<``, ``&``, table pipes, ``#`` headings, list markers, numbered items, a
ticker's digits, ``%``, quotes, parentheses, modal words, abbreviations, ellipses, runs of
capitalised words…) into a document of about 10^3, 10^4 and, where that is cheap, 10^5
characters, and times reading it (parse and extract). Ten times the input must take less
than :data:`GROWTH` times as long (a quadratic pattern takes a hundred), and the reading
must stay under :data:`SECONDS_PER_100K` seconds per 10^5 characters. Times are the best
of up to three runs, each of a text not read before (no cache answers for it), so a
loaded machine does not fail the test.
"""

from __future__ import annotations

import contextlib
import itertools
import time
from collections.abc import Callable

import pytest

from kg.errors import LoaderError
from kg.text.extract import extract
from kg.text.parse import parse_article

GROWTH = 30
"""Ten times the input may take at most this many times as long (linear: about 10)."""

SECONDS_PER_100K = 30.0
"""Reading 10^5 characters of any family takes less (measured: under 8 s, most under 1 s)."""

RUNS = 3
FLOOR = 0.005
"""Seconds: a shorter run is taken as this long when the growth is judged."""

Family = Callable[[int], str]
"""The body of a document of about ``n`` characters."""


def _times(unit: str) -> Family:
    return lambda n: unit * max(1, n // len(unit))


def _lines(line: str) -> Family:
    return lambda n: (line + "\n") * max(1, n // (len(line) + 1))


# name: (family, also read at 10^5)
FAMILIES: dict[str, tuple[Family, bool]] = {
    "open brackets": (_times("["), True),
    "link middles": (_times("]("), True),
    "unclosed links": (_times("[a]("), True),
    "links": (_times("[a](b) "), False),
    "bold": (_times("**a "), True),
    "bold runs": (_times("**"), True),
    "underscores": (_times("__a "), True),
    "italic": (_times("*a "), True),
    "stars": (_times("*"), True),
    "backticks": (_times("`a "), True),
    "angle brackets": (_times("<"), True),
    "tags": (_times("<b "), True),
    "ampersands": (_times("&"), True),
    "entities": (_times("&a"), True),
    "pipes": (_times("|"), True),
    "cells": (_times("| a "), False),
    "table rows": (lambda n: "| a | b |\n|---|---|\n" + _lines("| a | b |")(n), True),
    "hashes": (lambda n: "#" * n + " a", True),
    "heading lines": (_lines("# a"), False),
    "list markers": (_lines("- a"), False),
    "bare markers": (_times("- "), True),
    "numbered items": (_lines("1. a"), False),
    "numbers": (_times("1. "), False),
    "ticker digits": (lambda n: "AB 1" + " 1" * (n // 2), True),
    "percentages": (_times("AB 1% "), True),
    "per cents": (_times("%"), True),
    "double quotes": (_times('"'), True),
    "quoted words": (_times('"a '), True),
    "single quotes": (_times("'"), True),
    "curly quotes": (_times("“a "), True),
    "parentheses": (_times("("), True),
    "parenthesised words": (_times("(a "), True),
    "modal words": (lambda n: "The leaders should " * (n // 19) + "meet.", False),
    "long modal sentences": (_times("The leaders should " * 70 + "meet. "), False),
    "abbreviations": (_times("U.S. "), False),
    "ellipses": (_times("…"), True),
    "ellipsis words": (_times("a… "), True),
    "stops": (_times("."), True),
    "capitals": (_times("AB "), True),
    "capitalised words": (_times("Ab "), True),
    "titles": (_times("Top "), True),
    "role words": (_times("trade "), True),
    "place names": (_times("Paris "), True),
    "possessives": (_times("Russia’s "), False),
    "sentences": (_times("Trade talks may resume. "), False),
    "questions": (_times("Why? "), False),
    "colons": (_times("a: "), True),
    "backslashes": (_times("\\"), True),
    "white space": (lambda n: "a" + " \t\u00a0" * (n // 3) + "b", True),
    "long word": (_times("A-"), True),
}

_fresh = itertools.count()


def _seconds(body: str) -> float:
    """Seconds to read a document with ``body`` (parse and extract), never read before."""
    text = f"# Title\n\n{next(_fresh)} {body}\n"
    start = time.perf_counter()
    with contextlib.suppress(LoaderError):  # a document of noise only is refused, once read
        extract(parse_article(text, source="hostile.md"))
    return time.perf_counter() - start


def _best(family: Family, n: int, bound: float) -> float:
    """The best of up to :data:`RUNS` runs at size ``n``: the first under ``bound`` ends it."""
    best = float("inf")
    for _ in range(RUNS):
        best = min(best, _seconds(family(n)))
        if best < bound:
            break
    return best


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Load the gazetteer and compile the patterns before anything is timed."""
    _seconds("Trump and Putin met in Paris.")


@pytest.mark.parametrize("name", list(FAMILIES))
def test_reading_grows_linearly(name: str) -> None:
    family, large = FAMILIES[name]
    small = min(_seconds(family(1_000)) for _ in range(RUNS))
    # a floor of 5 ms: a run of a millisecond or two is mostly fixed cost and noise
    limit = GROWTH * max(small, FLOOR)
    medium = _best(family, 10_000, min(limit, SECONDS_PER_100K / 10))
    assert medium < limit, f"{name}: 10^3 in {small:.4f} s, 10^4 in {medium:.4f} s"
    assert medium < SECONDS_PER_100K / 10, f"{name}: 10^4 in {medium:.3f} s"
    if large:
        limit = GROWTH * max(medium, FLOOR)
        big = _best(family, 100_000, min(limit, SECONDS_PER_100K))
        assert big < limit, f"{name}: 10^4 in {medium:.4f} s, 10^5 in {big:.4f} s"
        assert big < SECONDS_PER_100K, f"{name}: 10^5 in {big:.3f} s"
