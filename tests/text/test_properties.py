"""Properties of the article loader over generated articles of the genre.

Articles come from :func:`genre_strategies.genre_articles`: headlines, heading
styles, sentences naming actors and places, lists with intro sentences, pipe
tables with hedged outcome headers (with and without separator rows and outer
pipes), noise lines, hostile Unicode and mixed line endings. For each:

(a) the loader raises nothing but :class:`~kg.errors.KGError`;
(b) every label in the graph occurs in the source's clean text;
(c) loading twice changes nothing;
(d) the LF, CRLF and CR versions give isomorphic graphs;
(e) an article ten times larger takes less than twenty times as long.

Each property tries ``SUMMIT_KG_PROPERTY_EXAMPLES`` articles (default 60; (c) half as
many, (e) an eighth); a deeper run sets it higher outside the test command.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import KGError
from kg.graph import SummitGraph
from kg.loaders import article
from kg.rdf.mapping import to_graph
from kg.text.document import Document
from kg.text.extract import extract
from kg.text.parse import parse_article
from tests.support.genre_strategies import GenreArticle, assert_labels_in_source, genre_articles
from tests.support.tally import tally

EXAMPLES = int(os.environ.get("SUMMIT_KG_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


HEADLINE = ("Trump and Putin Set to Meet in Alaska",)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("articles")


def _write(folder: Path, text: str) -> Path:
    path = folder / f"article-{time.monotonic_ns()}.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def _graph(text: str) -> tuple[Document, Graph] | None:
    """The document and graph of ``text``, or ``None`` if the loader refused it (a KGError)."""
    try:
        doc = parse_article(text)
        _, graph = to_graph(extract(doc))
    except KGError:
        return None
    return doc, graph


# --- (a) only KGError ---------------------------------------------------------------------


@SETTINGS
@given(genre_articles())
def test_the_loader_raises_nothing_but_kg_errors(folder: Path, generated: GenreArticle):
    tally("property examples")
    text = generated.text()
    path = _write(folder, text)
    try:
        for step in (
            lambda: article.read(path),
            lambda: list(article.load(path)),
            lambda: article.identify(path),
            lambda: to_graph(extract(parse_article(text))),
        ):
            with contextlib.suppress(KGError):
                step()
    finally:
        path.unlink()


# --- (b) labels occur in the source ----------------------------------------------------------


@SETTINGS
@given(genre_articles())
# the topic's label dropped the zero-width joiners of the emoji ("👨👩👧AA") while the clean
# view kept them: clean_text now drops invisible characters as labels and keys do
@example(
    GenreArticle(HEADLINE, (("Key topics on the agenda include:", "- 👨\u200d👩\u200d👧AA: AA"),))
)
# "<br>" in a cell separates values: the label "A; B" is in the cell's clean view
@example(
    GenreArticle(HEADLINE, (("| Topic | Possible Outcome |", "| --- | --- |", "| AA | A<br>B |"),))
)
def test_every_label_occurs_in_the_source(generated: GenreArticle):
    tally("property examples")
    loaded = _graph(generated.text())
    if loaded is None:
        return
    doc, graph = loaded
    assert_labels_in_source(graph, doc)
    for block in doc.blocks():
        assert doc.text[block.start : block.end] == block.text


# --- (c) loading twice changes nothing -------------------------------------------------------


@settings(SETTINGS, max_examples=max(1, EXAMPLES // 2))
@given(genre_articles())
def test_loading_twice_changes_nothing(folder: Path, generated: GenreArticle):
    tally("property examples")
    text = generated.text()
    loaded = _graph(text)
    if loaded is None:
        return
    again = _graph(text)
    assert again is not None
    assert isomorphic(loaded[1], again[1]) and set(loaded[1]) == set(again[1])
    path = _write(folder, text)
    try:
        try:
            store = SummitGraph().load(path)
        except KGError:  # a file is refused where the text is not: a NUL character
            assert "\x00" in text
            return
        size, data = len(store), set(store.data())
        store.load(path)
        assert len(store) == size
        assert set(store.data()) == data
        assert len(store.documents()) == 1
    finally:
        path.unlink()


# --- (d) line endings ------------------------------------------------------------------------


@SETTINGS
@given(genre_articles())
def test_lf_crlf_and_cr_give_isomorphic_graphs(generated: GenreArticle):
    tally("property examples")
    graphs = [_graph(generated.text(ending)) for ending in ("\n", "\r\n", "\r")]
    if graphs[0] is None:
        assert graphs == [None, None, None]
        return
    lf = graphs[0][1]
    for other in graphs[1:]:
        assert other is not None
        assert isomorphic(lf, other[1]) and set(lf) == set(other[1])


# --- (e) linear time -------------------------------------------------------------------------


def _best_of(runs: int, function: Callable[[], object]) -> float:
    """The shortest of ``runs`` timings, the garbage collector paused (its pauses are noise)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def _load(text: str) -> Callable[[], object]:
    def run() -> object:
        return _graph(text)

    return run


@settings(SETTINGS, max_examples=max(1, EXAMPLES // 8))
@given(genre_articles(max_sections=6))
def test_ten_times_the_article_takes_less_than_twenty_times_as_long(generated: GenreArticle):
    tally("property examples")
    small, large = generated.text(), generated.text(repeat=10)
    if _graph(small) is None:
        return
    base = max(_best_of(3, _load(small)), 0.005)  # below ~5 ms, noise is what gets measured
    ratio = _best_of(3, _load(large)) / base
    assert ratio < 20, (ratio, len(small), len(large))
