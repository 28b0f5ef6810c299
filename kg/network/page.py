"""Draw a summit knowledge graph as one self-contained, interactive HTML page.

In: a networkx ``MultiDiGraph`` whose node ids are IRIs and whose nodes carry
``label`` and ``type`` attributes (see :func:`render_html`). Out: the page as
text, or written atomically to a file. Node positions come from
:mod:`kg.network.layout`; the vis-network node and edge records, the legends,
the template, the inlined assets and the Content-Security-Policy are built
here, the records in one linear pass (pyvis's
``Network`` takes seconds for 10,000 nodes; only its bundled copy of
vis-network is used). The page comes from this package's own autoescaping
Jinja2 template (``kg/network/templates/view.html.j2``, with ``view.js`` and
``view.css``), never from pyvis's template, which loads Bootstrap and
tom-select from CDNs, writes a ``lib/`` folder and does not escape its heading.

Safety properties of the page:

* vis-network's JavaScript and CSS are read from the copy bundled with pyvis
  and inlined, so the page fetches nothing from any host.
* Node and edge data reach the page only through Jinja's ``tojson`` filter,
  which escapes ``<``, ``>``, ``&`` and ``'``; every other piece of text is
  autoescaped.
* Tooltips are plain text (vis-network >= 9 shows string titles as text); the
  page's own script writes every label, legend entry and search result with
  ``textContent``, never ``innerHTML``.
* A Content-Security-Policy meta tag allows only the page's own inline
  scripts and styles (by SHA-256 hash) and no request to any host.
* Bidi controls and zero-width characters are removed from everything shown,
  so a label cannot pretend to be a different name.

Examples:
    >>> CLASS_STYLES["Summit"]
    ('#d62728', 'star')
    >>> clean_text("Tru\\u200bmp \\u202eniţuP")
    'Trump niţuP'
    >>> short_label("x" * 80) == "x" * 59 + "…"
    True
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.resources
import math
import re
from collections.abc import Hashable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup

from kg._io import atomic_write_text
from kg.errors import ResourceMissing, UsageError
from kg.network.layout import layout
from kg.network.views import MAX_NODES, SIZE_MEASURES
from kg.text.normalize import INVISIBLE_CHARACTERS

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CLASS_STYLES",
    "LABEL_MAX",
    "LIKELIHOOD_COLOURS",
    "class_words",
    "clean_text",
    "render_html",
    "short_label",
    "view_title",
    "write_html",
]

#: Class local name -> (fill colour, vis-network shape). Unknown classes use "Other".
#: Each class the overview draws has its own shape (a family shares one: actors are
#: hexagons, the parts of a document grey). "box" and "database" are sized by the page.
CLASS_STYLES: dict[str, tuple[str, str]] = {
    "Summit": ("#d62728", "star"),
    "Person": ("#1f77b4", "hexagon"),
    "State": ("#2ca02c", "hexagon"),
    "Organization": ("#17becf", "hexagon"),
    "Group": ("#9edae5", "hexagon"),
    "Actor": ("#aec7e8", "hexagon"),
    "Place": ("#8c564b", "triangle"),
    "Topic": ("#ff7f0e", "square"),
    "FocusArea": ("#ffbb78", "diamond"),
    "Outcome": ("#9467bd", "dot"),
    "Concern": ("#e377c2", "triangleDown"),
    "Recommendation": ("#c5b0d5", "box"),
    "Position": ("#637939", "box"),
    "Likelihood": ("#f7b6d2", "dot"),
    "SourceDocument": ("#7f7f7f", "database"),
    "Section": ("#a5a5a5", "square"),
    "Paragraph": ("#c7c7c7", "dot"),
    "List": ("#bcbd22", "square"),
    "ListItem": ("#dbdb8d", "dot"),
    "Table": ("#98df8a", "square"),
    "TableRow": ("#c49c94", "dot"),
    "Sentence": ("#e0e0e0", "dot"),
    # the verdicts of the calls view (a node's ``style`` attribute wins over its class)
    "CameTrue": ("#2ca02c", "star"),
    "Missed": ("#d62728", "triangleDown"),
    "Open": ("#b0b0b0", "dot"),
    "Other": ("#b0b0b0", "dot"),
}

#: Outcome fill by likelihood rank (``skg:rank``: 5 agreed … 0 unlikely), surest darkest;
#: a refused outcome (no rank) is red, one with no stated likelihood grey.
LIKELIHOOD_COLOURS: dict[int, str] = {
    5: "#00441b",
    4: "#1b7837",
    3: "#5aae61",
    2: "#a6dba0",
    1: "#fee08b",
    0: "#fdae61",
}
_REFUSED_COLOUR, _UNRANKED_COLOUR = "#b2182b", "#bababa"

#: Longest label drawn on the canvas (the tooltip always has the full text).
LABEL_MAX = 60

_TOOLTIP_VALUE_MAX = 300
_TOOLTIP_LABEL_MAX = 500
_BIG_GRAPH = 2000  # above this: faint edges, no arrows, edges hidden while dragging

# Legend glyph for each vis shape (drawn in the class colour).
_GLYPHS = {
    "dot": "●",
    "star": "★",
    "diamond": "◆",
    "square": "■",
    "triangle": "▲",
    "triangleDown": "▼",
    "hexagon": "⬢",
    "box": "▬",
    "database": "⛁",
}
_SIZED_BY_PAGE = frozenset({"box", "database"})  # shapes vis-network sizes by their label

# Attributes the panel shows in their own place, or not at all (internal).
_OWN_PLACE = frozenset(
    {"label", "type", "style", "focus", "likelihood", "likelihoodRank", "quote", "evidence"}
    | {"source", "mentionedIn", "hedge", "altLabel", "sameAs"}
)
_FACTS_MAX = 12
_QUOTE_MAX = 600

_VIS_DIR = ("templates", "lib", "vis-9.1.2")
_TEMPLATE_NAME = "view.html.j2"
_PAGE_JS, _PAGE_CSS = "view.js", "view.css"

# Invisible characters (kg.text.normalize.INVISIBLE_CHARACTERS) are deleted; lone
# surrogates (unencodable in UTF-8) become U+FFFD.
_CLEAN_TABLE: dict[int, str | None] = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS))
_CLEAN_TABLE.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))


def clean_text(value: object) -> str:
    """Return ``value`` as one line of display text.

    Bidi controls and zero-width characters are removed, lone surrogates
    become U+FFFD, and runs of whitespace or control characters become one
    space. Visible characters (including emoji and U+FE0F) are kept.

    >>> clean_text("  Путин\\n\\t🇷🇺\\u2066 ")
    'Путин 🇷🇺'
    """
    text = str(value)
    if not text.isascii():  # every character removed or replaced is outside ASCII
        text = text.translate(_CLEAN_TABLE)
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


def short_label(text: str, limit: int = LABEL_MAX) -> str:
    """Cut ``text`` to at most ``limit`` characters, ending in "…" when cut.

    >>> short_label("Alaska summit")
    'Alaska summit'
    >>> short_label("abcdef", limit=4)
    'abc…'
    """
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"


def view_title(
    *, view: str | None = None, query: object = None, focus: str | None = None, depth: int = 1
) -> str:
    """The default heading of a view page.

    >>> view_title(view="topics", focus="Cybersecurity", depth=2)
    'summit-kg · topics · around Cybersecurity (2 links)'
    >>> view_title(query="queries/topic-network.rq")
    'summit-kg · query topic-network'
    """
    if query is not None:
        name = getattr(query, "name", None) or str(query)
        what = f"query {Path(name).stem if len(name) < 200 else 'text'}"
    else:
        what = view or "overview"
    if focus is not None:
        what += f" · around {focus} ({depth} link{'' if depth == 1 else 's'})"
    return f"summit-kg · {what}"


def _local_name(iri: str) -> str:
    """Return the part of an IRI after its last ``#`` or ``/``."""
    tail = re.split(r"[#/]", iri.rstrip("#/"))[-1]
    return tail or iri


def _style_class(kind: object) -> str:
    name = str(kind) if kind is not None else ""
    return name if name in CLASS_STYLES else "Other"


def _display(value: object) -> str | None:
    """Return a scalar or a small collection as tooltip text, or None to skip."""
    if value is None or isinstance(value, Mapping):
        return None
    if isinstance(value, str | bytes | int | float | bool):
        text = clean_text(value)
    elif isinstance(value, Iterable):
        text = clean_text(", ".join(str(item) for item in value))
    else:
        text = clean_text(value)
    return short_label(text, _TOOLTIP_VALUE_MAX) if text else None


def class_words(name: str) -> str:
    """A class local name in plain words.

    >>> class_words("FocusArea"), class_words("SourceDocument"), class_words("CameTrue")
    ('focus area', 'source document', 'came true')
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(kind: str, attrs: Mapping[str, Any], sources: int) -> str:
    """The tooltip's second line, e.g. "outcome · likely · 2 sources"."""
    parts = [class_words(kind)]
    likelihood = _display(attrs.get("likelihood"))
    if likelihood:
        parts.append(likelihood)
    if sources:
        parts.append(_plural(sources, "source"))
    mentioned = attrs.get("mentionedIn")
    if isinstance(mentioned, int) and mentioned:
        parts.append(f"named in {_plural(mentioned, 'passage')}")
    return " · ".join(parts)


def _node_tooltip(label: str, summary: str, attrs: Mapping[str, Any]) -> str:
    """Plain words: the label, what it is, and the passage it comes from."""
    lines = [short_label(label, _TOOLTIP_LABEL_MAX), summary]
    quote = _display(attrs.get("quote"))
    if quote:
        lines.append(f"“{short_label(quote, 200)}”")
    return "\n".join(lines)


def _facts(attrs: Mapping[str, Any]) -> list[list[str]]:
    """The other attributes as ``[words, value]`` pairs for the details panel."""
    facts = []
    alt = _display(attrs.get("altLabel"))
    if alt:
        facts.append(["also called", alt])
    for key in sorted((k for k in attrs if k not in _OWN_PLACE), key=str):
        if not isinstance(key, str):
            continue
        text = _display(attrs[key])
        if text is not None:
            facts.append([class_words(clean_text(key)) or "·", text])
    return facts[:_FACTS_MAX]


# --------------------------------------------------------------------------
# Bundled resources
# --------------------------------------------------------------------------


@functools.cache
def _vis_assets() -> tuple[Markup, Markup]:
    """Return vis-network's JS and CSS from pyvis's bundled copy, safe to inline."""
    folder = importlib.resources.files("pyvis")
    for part in _VIS_DIR:
        folder = folder / part
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceMissing(
            "vis-network is missing from the installed pyvis package; reinstall pyvis>=0.3.2",
            path=str(folder),
        ) from exc
    version = re.search(r"@version\s+(\d+)\.", js[:2000])
    if version is None or int(version.group(1)) < 9:
        # vis-network < 9 renders string tooltips as HTML.
        raise ResourceMissing("vis-network >= 9 is required", path=str(folder))
    # Nothing in the inlined text may end its <script>/<style> element early or
    # open an HTML comment; "<\/" is the same text to the JS parser.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    js = js.replace("<!--", "<\\!--").replace('"<script>"', '"\\x3cscript>"')
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    # Deliberately unescaped: this is code from the installed package, not data.
    return Markup(js), Markup(css)


def _own_file(name: str) -> str:
    resource = importlib.resources.files("kg.network") / "templates" / name
    try:
        return resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceMissing(f"the page's {name} is missing", path=str(resource)) from exc


@functools.cache
def _page_js() -> Markup:
    """The page's own script (``kg/network/templates/view.js``): code, not data."""
    return Markup(_own_file(_PAGE_JS))


@functools.cache
def _base_css() -> str:
    """The page's own style sheet, plus one colour class per class style."""
    colours = "".join(
        f".c-{name} {{ color: {colour}; }}\n" for name, (colour, _shape) in CLASS_STYLES.items()
    )
    return _own_file(_PAGE_CSS) + colours


def _page_css(likelihoods: Iterable[Mapping[str, Any]] = ()) -> Markup:
    """The style sheet with one colour class per likelihood in the legend (no inline styles)."""
    extra = "".join(
        f".lh-{i} {{ color: {item['colour']}; }}\n" for i, item in enumerate(likelihoods)
    )
    return Markup(_base_css() + extra)


@functools.cache
def _template() -> Template:
    """Load and compile ``kg/network/templates/view.html.j2`` (wheel, editable or checkout)."""
    resource = importlib.resources.files("kg.network") / "templates" / _TEMPLATE_NAME
    try:
        source = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceMissing("the page template is missing", path=str(resource)) from exc
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {
        "ensure_ascii": False,
        "separators": (",", ":"),
        "allow_nan": False,
    }
    return env.from_string(source)


# --------------------------------------------------------------------------
# Building the page
# --------------------------------------------------------------------------


def _edges(
    graph: nx.MultiDiGraph,
) -> Iterator[tuple[Hashable, Hashable, object, Mapping[str, Any]]]:
    if graph.is_multigraph():
        yield from graph.edges(keys=True, data=True)
    else:
        for u, v, data in graph.edges(data=True):
            yield u, v, data.get("predicate", data.get("label", "")), data


def _vis_options(*, physics: bool, big: bool) -> dict[str, Any]:
    """vis-network options; everything nodes and edges share is set here, once.

    Node labels are not drawn by vis-network: the page's script draws the
    labels that fit at the current zoom (see ``view.js``). Edge labels appear
    once they would be at least 10 px on screen.
    """
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 42},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140},
            "stabilization": {"enabled": physics, "iterations": 400, "fit": True},
        },
        "groups": {
            name: {"color": colour, "shape": shape}
            for name, (colour, shape) in CLASS_STYLES.items()
        },
        "nodes": {"borderWidth": 1, "font": {"size": 13, "color": "#1f2933"}},
        "edges": {
            # Large graphs: faint edges without arrow heads, so the nodes stay visible.
            "arrows": {"to": {"enabled": not big, "scaleFactor": 0.5}},
            "color": {
                "color": "rgba(154,165,177,0.15)" if big else "#9aa5b1",
                "highlight": "#323f4b",
                "hover": "#323f4b",
            },
            "font": {"size": 11, "color": "#52606d", "strokeWidth": 3, "align": "middle"},
            "scaling": {"label": {"drawThreshold": 10}},
            "smooth": False,
            "width": 0.5 if big else 1,
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": True,
        },
    }


def _likelihood_colour(rank: object, label: str | None) -> str:
    if isinstance(rank, int) and rank in LIKELIHOOD_COLOURS:
        return LIKELIHOOD_COLOURS[rank]
    return _REFUSED_COLOUR if label == "refused" else _UNRANKED_COLOUR


def _sizes(graph: nx.MultiDiGraph, size_by: str) -> list[float]:
    """Node sizes in ``graph.nodes`` order: 10 px plus a share of 50 px by centrality."""
    if size_by == "degree":
        return [round(min(10 + 4 * math.sqrt(d), 60), 1) for _, d in graph.degree()]
    from kg.network.analytics import scores

    values = scores(graph, size_by)
    top = max(values.values(), default=0.0) or 1.0
    return [round(10 + 50 * math.sqrt(values.get(n, 0.0) / top), 1) for n in graph.nodes]


def _build(graph: nx.MultiDiGraph, *, physics: bool, size_by: str) -> dict[str, Any]:
    """The vis-network data (nodes, edges, options) and the legends, in O(n + m)."""
    from kg.network.analytics import as_list
    from kg.network.convert import predicate_label

    iris = [str(n) for n in graph.nodes]
    index = {n: i for i, n in enumerate(graph.nodes)}
    neighbours: list[set[int]] = [set() for _ in iris]
    for u, v in graph.edges():
        neighbours[index[u]].add(index[v])
        neighbours[index[v]].add(index[u])

    focus = next((i for i, (_n, f) in enumerate(graph.nodes(data="focus")) if f is True), None)
    positions = layout(iris, neighbours, centre=focus)
    sizes = _sizes(graph, size_by)

    counts: dict[str, int] = {}
    source_index: dict[str, int] = {}
    source_counts: list[int] = []
    likelihoods: dict[str, tuple[int, str, int]] = {}  # label -> (order, colour, count)

    def document(title: object) -> int:
        shown = short_label(clean_text(title), _TOOLTIP_VALUE_MAX) or "(untitled)"
        if shown not in source_index:
            source_index[shown] = len(source_index)
            source_counts.append(0)
        return source_index[shown]

    nodes: list[dict[str, Any]] = []
    for i, (_node, attrs) in enumerate(graph.nodes(data=True)):
        full = clean_text(attrs.get("label") or "") or clean_text(_local_name(iris[i])) or "·"
        cls = _style_class(attrs.get("style") or attrs.get("type"))
        counts[cls] = counts.get(cls, 0) + 1
        label = short_label(full)
        x, y = positions[i]
        sources = []
        for title in as_list(attrs.get("source")):
            at = document(title)
            if at not in sources:
                sources.append(at)
                source_counts[at] += 1
        kind = clean_text(attrs.get("type") or "") or "Other"
        record: dict[str, Any] = {
            "id": i,
            "label": label,
            "group": cls,
            "title": _node_tooltip(full, _summary(kind, attrs, len(sources)), attrs),
            "size": sizes[i],
            "x": round(x, 1),
            "y": round(y, 1),
        }
        if label != full:
            record["full"] = full
        if kind != cls:
            record["kind"] = short_label(class_words(kind), _TOOLTIP_VALUE_MAX)
        if sources:
            record["src"] = sources
            if len(sources) > 1:  # the more sources, the thicker the border
                record["borderWidth"] = min(1 + len(sources), 6)
        if CLASS_STYLES[cls][1] in _SIZED_BY_PAGE:
            side = round(sizes[i] * 2, 1)
            record["widthConstraint"] = {"minimum": round(side * 1.5, 1)}
            record["heightConstraint"] = {"minimum": side}
        level = _display(attrs.get("likelihood"))
        if level is not None:
            rank = attrs.get("likelihoodRank")
            colour = _likelihood_colour(rank, level)
            record["lh"] = level
            record["color"] = colour
            place = rank if isinstance(rank, int) else (-1 if level == "refused" else -2)
            seen = likelihoods.get(level)
            likelihoods[level] = (place, colour, (seen[2] if seen else 0) + 1)
        hedge = _display(attrs.get("hedge"))
        if hedge is not None:
            record["hedge"] = hedge
        evidence = attrs.get("evidence")
        if isinstance(evidence, list | tuple) and evidence:
            record["ev"] = [
                [
                    short_label(clean_text(getattr(e, "quote", "")), _QUOTE_MAX),
                    document(getattr(e, "document", "") or ""),
                    e.line if isinstance(getattr(e, "line", None), int) else None,
                ]
                for e in evidence
            ]
        elif (quote := _display(attrs.get("quote"))) is not None:
            record["ev"] = [[quote, None, None]]
        mentioned = attrs.get("mentionedIn")
        if isinstance(mentioned, int) and mentioned:
            record["named"] = mentioned
        facts = _facts(attrs)
        if facts:
            record["facts"] = facts
        if i == focus:
            record["focus"] = True
            record["borderWidth"] = 4
        nodes.append(record)

    predicates: dict[str, int] = {}
    predicate_names: list[str] = []
    predicate_counts: list[int] = []
    edges: list[dict[str, Any]] = []
    parallel: dict[tuple[int, int], int] = {}
    for j, (u, v, key, data) in enumerate(_edges(graph)):
        source, target = index[u], index[v]
        pair = (min(source, target), max(source, target))
        nth = parallel.get(pair, 0)
        parallel[pair] = nth + 1
        predicate = clean_text(key)
        words = clean_text(predicate_label(predicate)) or predicate
        given = clean_text(data.get("label") or "")
        # A label the view chose (a likelihood, a verdict) wins over the predicate's name.
        name = given if given and given != clean_text(_local_name(str(key))) else words
        if predicate not in predicates:
            predicates[predicate] = len(predicates)
            predicate_names.append(short_label(words, _TOOLTIP_VALUE_MAX))
            predicate_counts.append(0)
        predicate_counts[predicates[predicate]] += 1
        record = {
            "id": j,
            "from": source,
            "to": target,
            "label": short_label(name),
            "p": predicates[predicate],
        }
        if len(name) > LABEL_MAX:
            record["full"] = short_label(name, _TOOLTIP_LABEL_MAX)
        likelihood = _display(data.get("likelihood"))
        if likelihood is not None:
            record["lh"] = likelihood
        if nth and source != target:  # fan out parallel edges instead of overdrawing
            record["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * nth}
        edges.append(record)

    order = list(CLASS_STYLES)
    legend = [
        {
            "name": cls,
            "words": class_words(cls),
            "glyph": _GLYPHS.get(CLASS_STYLES[cls][1], "●"),
            "count": counts[cls],
        }
        for cls in sorted(counts, key=order.index)
    ]
    sources_legend = [
        {"index": i, "title": title, "count": source_counts[i]}
        for title, i in sorted(source_index.items(), key=lambda item: item[0].casefold())
        if source_counts[i]
    ]
    likelihood_legend = [
        {"name": name, "colour": colour, "count": count}
        for name, (_o, colour, count) in sorted(likelihoods.items(), key=lambda i: (-i[1][0], i[0]))
    ]
    predicate_legend = [
        {"index": k, "name": predicate_names[k], "count": predicate_counts[k]}
        for k in sorted(range(len(predicate_names)), key=lambda k: predicate_names[k].casefold())
    ]
    big = len(iris) > _BIG_GRAPH
    documents = sorted(source_index, key=source_index.__getitem__)
    return {
        "data": {
            "nodes": nodes,
            "edges": edges,
            "predicates": list(predicates),
            "predicateNames": predicate_names,
            "documents": documents,
            "classes": {cls: class_words(cls) for cls in counts},
            "options": _vis_options(physics=physics, big=big),
            "physics": physics,
        },
        "legend": legend,
        "sources": sources_legend,
        "likelihoods": likelihood_legend,
        "links": predicate_legend,
    }


def _cap(graph: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The ``max_nodes`` best-connected nodes of ``graph`` (a read-only view)."""
    degrees = dict(graph.degree())
    keep = set(sorted(graph.nodes, key=lambda n: -degrees[n])[:max_nodes])  # stable: ties in order
    return graph.subgraph([n for n in graph.nodes if n in keep])


def _csp(scripts: Iterable[str], styles: Iterable[str]) -> str:
    """A Content-Security-Policy allowing exactly these inline scripts and styles."""

    def digest(text: str) -> str:
        raw = hashlib.sha256(text.encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(raw).decode('ascii')}'"

    return (
        "default-src 'none'; "
        f"script-src {' '.join(digest(s) for s in scripts)}; "
        f"style-src {' '.join(digest(s) for s in styles)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def render_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "summit-kg",
    physics: bool = False,
    size_by: str = "degree",
    max_nodes: int = MAX_NODES,
) -> str:
    """Return a self-contained HTML page that draws ``graph``.

    Node attributes used: ``label`` (text), ``type`` (class local name; sets
    colour and shape, see :data:`CLASS_STYLES`), ``source`` (titles of the
    documents that state the node; the page filters by them) and any scalar
    attributes, which are listed in the plain-text tooltip. Edge keys are
    predicate IRIs; the edge attribute ``label`` is drawn on the edge and
    ``likelihood`` is added to its tooltip. With ``physics=False`` (the
    default) positions are computed before the page opens
    (:func:`kg.network.layout.layout`) and vis-network draws them as they
    are; with ``physics=True`` vis-network settles them in the browser, then
    stops. Either way the same graph gives the same page. The caller's graph
    is not changed.

    Args:
        graph: a networkx graph as :func:`kg.network.convert.to_networkx` makes it.
        title: the page heading.
        physics: let vis-network move the nodes.
        size_by: node size from "degree", "pagerank" or "betweenness".
        max_nodes: above this many nodes, draw only the best-connected
            ``max_nodes`` and say so on the page.

    Raises:
        UsageError: ``graph`` is not a networkx graph, or an unknown ``size_by``.
        ResourceMissing: the template or vis-network's bundled files are missing.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("https://ex.org/s", label="Alaska <summit>", type="Summit")
    >>> page = render_html(g, title="Demo & co")
    >>> "<h1>Demo &amp; co</h1>" in page, "1 node · 0 edges" in page
    (True, True)
    >>> "Alaska <summit>" in page
    False
    """
    if not (hasattr(graph, "nodes") and hasattr(graph, "is_multigraph")):
        raise UsageError(f"expected a networkx graph, got {type(graph).__name__}")
    if size_by not in SIZE_MEASURES:
        raise UsageError(f"unknown size measure '{size_by}'. Known: {', '.join(SIZE_MEASURES)}")
    if max_nodes < 1:
        raise UsageError(f"max_nodes must be at least 1, not {max_nodes}")
    heading = clean_text(title) or "summit-kg"
    total = graph.number_of_nodes()
    notice = ""
    if total > max_nodes:
        graph = _cap(graph, max_nodes)
        notice = (
            f"Showing the {max_nodes:,} best-connected of {total:,} nodes: a larger page "
            "would freeze the browser. Narrow the view (--view, --focus, --query) to see the rest."
        )
    n_nodes, n_edges = graph.number_of_nodes(), graph.number_of_edges()
    context: dict[str, Any] = {
        "title": heading,
        "stats": f"{n_nodes} node{'' if n_nodes == 1 else 's'} · "
        f"{n_edges} edge{'' if n_edges == 1 else 's'}",
        "notice": notice,
        "empty": n_nodes == 0,
        "page_css": _page_css(),
        "size_by": size_by,
    }
    scripts: list[str] = []
    if n_nodes:
        context.update(_build(graph, physics=physics, size_by=size_by))
        context["page_css"] = _page_css(context["likelihoods"])
    styles = [context["page_css"]]
    if n_nodes:
        context["vis_js"], context["vis_css"] = _vis_assets()
        context["page_js"] = _page_js()
        scripts = [context["vis_js"], context["page_js"]]
        styles.insert(0, context["vis_css"])
    context["csp"] = _csp(scripts, styles)
    return _template().render(**context)


def write_html(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str = "summit-kg",
    physics: bool = False,
    size_by: str = "degree",
    max_nodes: int = MAX_NODES,
) -> Path:
    """Render ``graph`` with :func:`render_html` and write it atomically as UTF-8.

    Nothing else is written (no ``lib/`` folder). If rendering or writing
    fails, a previous file at ``path`` is left byte-identical.

    Raises:
        StoreError: the folder does not exist or the file cannot be written.

    >>> import networkx as nx, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "view.html"
    >>> write_html(nx.MultiDiGraph(), out) == out
    True
    >>> "empty graph" in out.read_text(encoding="utf-8")
    True
    """
    page = render_html(graph, title=title, physics=physics, size_by=size_by, max_nodes=max_nodes)
    return atomic_write_text(path, page)
