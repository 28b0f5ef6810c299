"""Hypothesis strategies for articles of the genre, and the check that labels occur in the source.

Shared by test_genre.py (small articles of plain words), test_properties.py and
test_fuzz.py (the whole genre: headlines, heading styles, actor and place
sentences, lists with intro sentences, pipe tables with hedged outcome headers,
noise lines, hostile Unicode and mixed line endings).
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.rdf.namespaces import ID, SCHEMA, SKG
from kg.text.document import Document, Table, clean_text
from kg.text.normalize import strip_invisible
from tests.support.paths import GENRE, ROOT

SAMPLE_ARTICLES = (*sorted(GENRE.glob("*.md")), ROOT / "data" / "alaska-summit-briefing.md")
"""The project's own articles: seeds for mutation."""

# --- small articles of plain words (test_genre.py) ---------------------------------------

WORD = st.one_of(
    st.text(alphabet=string.ascii_letters + "ÆØÅæøåéüğ", min_size=2, max_size=9),
    st.sampled_from(["R&amp;D", "Putin", "Moscow", "in\u00a0Oslo", "&quot;red&quot;", "[2]"]),
)
PHRASE = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
NOISE = st.sampled_from(
    [
        "Share this article",
        "Related: More from our correspondents",
        "By Ann Example | 4 min read",
        "Facebook | X | LinkedIn",
        "Advertisement",
        "HOME › NEWS › WORLD",
        "Stay tuned for updates.",
        "© 2025 Example Press",
    ]
)
MARKERS = st.sampled_from(["-", "*", "•", "1.", "2)", "3:", "▪️"])
HEADERS = st.sampled_from(
    ["Topic", "Possible Outcome", "Focus Area", "Significance", "Key Risk", "Notes", "Likelihood"]
)


def _list_item(draw: st.DrawFn, phrase: st.SearchStrategy[str]) -> str:
    """One list item: a marker and ``label: description`` in one of the genre's forms."""
    form = draw(st.sampled_from(["{l}: {d}", "**{l}**: {d}", "{l} – {d}", "{l}"]))
    return f"{draw(MARKERS)} " + form.format(l=draw(phrase), d=draw(phrase))


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A small article of plain words, and the noise lines in it."""
    noise: list[str] = []
    lines = [draw(PHRASE).title()]
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["prose", "list", "table", "noise", "heading"]))
        if kind == "prose":
            lines.append(draw(PHRASE).capitalize() + ".")
        elif kind == "heading":
            lines.append(draw(PHRASE).upper())
        elif kind == "noise":
            line = draw(NOISE)
            noise.append(line)
            lines.append(line)
        elif kind == "list":
            intro = draw(
                st.sampled_from(["Key concerns include:", "The agenda covers:", "Outcomes:"])
            )
            lines.append(intro)
            lines.extend(_list_item(draw, PHRASE) for _ in range(draw(st.integers(1, 4))))
        else:
            width = draw(st.integers(2, 5))
            header = ["Topic", *[draw(HEADERS) for _ in range(width - 1)]]
            lines.append(" | ".join(header) + " |")
            lines.append("---|" * width)
            for _ in range(draw(st.integers(1, 3))):
                lines.append(" | ".join(draw(PHRASE) for _ in range(width)) + " |")
    return "\n".join(lines), noise


# --- the whole genre (test_properties.py, test_fuzz.py) ----------------------------------

ACTORS = st.sampled_from(
    [
        "Trump",
        "Putin",
        "Donald Trump",
        "Vladimir Putin",
        "President Trump",
        "Zelenskyy",
        "Zelensky",
        "Lavrov",
        "Marco Rubio",
        "NATO",
        "the Kremlin",
        "Washington",
        "Kyiv",
        "the European Union",
        "Ukraine",
        "Russia",
        "Analysts",
    ]
)
PLACES = st.sampled_from(
    ["Alaska", "Anchorage", "Moscow", "Ukraine", "Helsinki", "Geneva", "Istanbul", "the Arctic"]
)
ODD = st.one_of(
    st.sampled_from(
        [
            "Путин",
            "Москва",
            "Аляска",
            "بوتين",
            "ترامب",
            "🤝",
            "🇺🇸",
            "📌",
            "👨‍👩‍👧",
            "\u200b",  # zero-width space
            "\u200d",  # zero-width joiner
            "\u2060",  # word joiner
            "\ufeff",  # a BOM inside the text
            "e\u0301",  # combining acute
            "g\u0306",  # combining breve
            "\u0301",  # a combining mark with nothing to combine with
            "\u2028",  # LINE SEPARATOR: not a line break for the project
            "\u2029",  # PARAGRAPH SEPARATOR
            "\u0085",  # NEL
            "\x0b",
            "\x0c",
            "\u00a0",  # NBSP
            "\u202e",  # right-to-left override
            "\t",
            "&nbsp;",
            "&amp;",
            "<br>",
            "[3]",
            "**",
            "|",
            "\\|",
            ":",
            "–",
            "—",
            "“",
            "’",
        ]
    ),
    # anything but the line endings, which are drawn on their own
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\n"), max_size=6),
)
INTROS = st.sampled_from(
    [
        "Key topics on the agenda include:",
        "Key strategic concerns include:",
        "Possible outcomes include:",
        "Analysts recommend:",
        "Key actors include:",
        "The agenda covers:",
        "Concerns:",
    ]
)
FIRST_HEADERS = st.sampled_from(["Topic", "Issue", "Discussion Topic", "Area", "Country"])
HEDGED_HEADERS = st.sampled_from(
    [
        "Possible Outcome",
        "Anticipated Result",
        "Likely Outcome",
        "Expected Outcome",
        "Projected Result",
        "Likelihood",
        "Key Risk",
        "Significance",
        "Focus Area",
        "Russian Position",
        "Timeline",
        "Notes",
    ]
)
CELLS = st.one_of(
    PHRASE,
    st.sampled_from(["Possible truce", "Likely", "Unlikely", "High", "—", "", "A<br>B", "TBD"]),
)
LINE_ENDINGS = ("\n", "\r\n", "\r")


@st.composite
def _sprinkled(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """``base`` with, now and then, an odd character or fragment put somewhere in it."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(ODD) + text[at:]
    return text


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    form = draw(
        st.sampled_from(
            [
                "{a} and {b} will meet in {p} to discuss {x}.",
                "Officials in {p} said {a} wants {x}.",
                "{a}’s envoy arrived in {p} on Friday.",
                "Talks in {p} will turn to {x}, {a} said.",
                "{x}",
            ]
        )
    )
    a, b, p, x = draw(ACTORS), draw(ACTORS), draw(PLACES), draw(PHRASE)
    return form.format(a=a, b=b, p=p, x=x)


@st.composite
def _heading(draw: st.DrawFn) -> str:
    title = draw(st.one_of(PHRASE, PLACES, ACTORS)).title()
    form = draw(
        st.sampled_from(
            ["# {}", "## {}", "### {}", "{}", "{}:", "== {} ==", "**{}**", "📌 {}", "1. {}"]
        )
    )
    text = form.format(title)
    return text.upper() if draw(st.booleans()) else text


@st.composite
def _list(draw: st.DrawFn) -> list[str]:
    lines = [draw(INTROS)]
    if draw(st.booleans()):
        lines.append("")
    for _ in range(draw(st.integers(1, 4))):
        lines.append(_list_item(draw, _sprinkled(PHRASE)))
        if draw(st.integers(0, 5)) == 0:
            lines.append("  - " + draw(PHRASE))  # nested
        if draw(st.integers(0, 5)) == 0:
            lines.append("    " + draw(PHRASE))  # a continuation line
    return lines


@st.composite
def _table(draw: st.DrawFn) -> list[str]:
    width = draw(st.integers(2, 5))
    header = [draw(FIRST_HEADERS), *[draw(HEDGED_HEADERS) for _ in range(width - 1)]]
    pipes = draw(st.sampled_from(["both", "leading", "none"]))

    def row(cells: list[str]) -> str:
        inner = " | ".join(cells)
        return {"both": f"| {inner} |", "leading": f"| {inner}", "none": inner}[pipes]

    lines = [row(header)]
    if draw(st.booleans()):
        lines.append(row([draw(st.sampled_from(["---", ":---", ":---:", "-"])) for _ in header]))
    for _ in range(draw(st.integers(0, 4))):
        cells = [draw(_sprinkled(CELLS)) for _ in range(draw(st.integers(width - 1, width + 1)))]
        lines.append(row(cells))
    return lines


NOISE_LINES = st.one_of(
    NOISE,
    st.sampled_from(
        [
            "By Jane Roe | Updated Aug 14, 2025",
            "Advertisement",
            "Read more…",
            "Read more: Trump and Putin to meet",
            "(Photo: Reuters)",
            "Subscribe to our newsletter",
            "August 14, 2025",
        ]
    ),
)


@st.composite
def _section(draw: st.DrawFn) -> list[str]:
    lines: list[str] = []
    if draw(st.integers(0, 3)):
        lines.append(draw(_heading()))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["prose", "prose", "list", "table", "noise"]))
        if kind == "prose":
            lines.append(draw(_sprinkled(_sentence())))
        elif kind == "list":
            lines.extend(draw(_list()))
        elif kind == "table":
            lines.extend(draw(_table()))
        else:
            lines.append(draw(NOISE_LINES))
        if draw(st.booleans()):
            lines.append("")
    return lines


@dataclass(frozen=True)
class GenreArticle:
    """A generated article: headline lines, body sections (lists of lines), line endings.

    ``endings`` holds one line ending per line of :meth:`lines` (cycled), so a
    single article can be rendered with mixed endings or with one kind.
    """

    head: tuple[str, ...]
    sections: tuple[tuple[str, ...], ...]
    endings: tuple[str, ...] = ("\n",)

    def lines(self, repeat: int = 1) -> list[str]:
        """The article's lines, its sections repeated ``repeat`` times."""
        body = [line for section in self.sections for line in section]
        return [*self.head, *(body * repeat)]

    def text(self, ending: str | None = None, *, repeat: int = 1) -> str:
        """The article as text: every line ended by ``ending``, or by its own drawn ending."""
        lines = self.lines(repeat)
        endings = (ending,) if ending is not None else self.endings
        return "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))


@st.composite
def genre_articles(draw: st.DrawFn, max_sections: int = 4) -> GenreArticle:
    """An article of the genre: optional noise, a headline, sections of mixed blocks."""
    head = [draw(NOISE_LINES)] if draw(st.integers(0, 3)) == 0 else []
    headline = f"{draw(ACTORS)} and {draw(ACTORS)} Set to Meet in {draw(PLACES)}"
    form = draw(st.sampled_from(["{}", "# {}", "**{}**", "{}"]))
    head.append(draw(_sprinkled(st.just(form.format(headline)))))
    sections = tuple(tuple(draw(_section())) for _ in range(draw(st.integers(1, max_sections))))
    endings = draw(
        st.one_of(
            st.sampled_from(LINE_ENDINGS).map(lambda e: (e,)),
            st.lists(st.sampled_from(LINE_ENDINGS), min_size=1, max_size=7).map(tuple),
        )
    )
    return GenreArticle(tuple(head), sections, endings)


# --- labels occur in the source ------------------------------------------------------------

_CLAIM_CLASSES = (
    SKG.Outcome,
    SKG.Concern,
    SKG.Recommendation,
    SKG.Position,
    SKG.Topic,
    SKG.FocusArea,
)
_ENTITY_CLASSES = (SKG.Person, SKG.State, SKG.Organization, SKG.Place, SKG.Group)
_LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
_SOURCE_TEXTS = (
    # texts the mapping copies from the source: the summit's name and dates, document and
    # section titles, an outcome's significance and timeframe, a kept cell's value
    SCHEMA.name,
    SKG.dates,
    DCTERMS.title,
    SKG.significance,
    SKG.timeframe,
    RDF.value,
)


def assert_labels_in_source(graph: Graph, doc: Document) -> int:
    """Every label and copied text in ``graph`` occurs in the clean view of ``doc``'s text.

    The clean view is :func:`~kg.text.document.clean_text` of the text, and of each
    table cell as a cell (where ``<br>`` separates values with ``"; "``).

    Checked: the labels of claims, topics and focus areas; the labels of
    entities the loader minted (known entities carry the gazetteer's names);
    and every text copied from the source (:data:`_SOURCE_TEXTS`). The
    summit's ``rdfs:label`` is composed ("Summit of … in …") and not checked.
    Returns the number of labels checked.
    """
    cells = [c for b in doc.blocks() if isinstance(b, Table) for c in _cells_of(b)]
    # Preferred labels built from merge keys drop invisible characters, as the keys do.
    clean = strip_invisible("\n".join([clean_text(doc.text), *cells])).casefold()
    checked = 0

    def check(node: object, label: object, *, preview: bool = False) -> None:
        nonlocal checked
        assert isinstance(label, Literal), (node, label)
        text = str(label)
        if preview and not doc.headlines:  # no headline: the title is the first words + "…"
            text = text.removesuffix("…")
        assert strip_invisible(text).casefold() in clean, (node, label)
        checked += 1

    for klass in _CLAIM_CLASSES:
        for node in graph.subjects(RDF.type, klass):
            for prop in _LABELS:
                for label in graph.objects(node, prop):
                    check(node, label)
    for klass in _ENTITY_CLASSES:
        for node in graph.subjects(RDF.type, klass):
            if str(node) in gazetteer_ids():
                continue
            for prop in _LABELS:
                for label in graph.objects(node, prop):
                    check(node, label)
    for prop in _SOURCE_TEXTS:
        for node, label in graph.subject_objects(prop):
            check(node, label, preview=prop == DCTERMS.title)
    return checked


def _cells_of(table: Table) -> Iterator[str]:
    yield from table.header
    for row in table.rows:
        yield from row.cells


@cache
def gazetteer_ids() -> frozenset[str]:
    """The IRIs of the bundled gazetteer's entities."""
    return frozenset(_gazetteer_iris())


def _gazetteer_iris() -> Iterator[str]:
    from kg.text.gazetteer import Gazetteer

    for key in Gazetteer.bundled().entities:
        yield str(ID[key])
