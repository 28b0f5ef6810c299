"""The named views and the class groups they draw: names in, :class:`View` specs out.

A view is a named part of the graph (which classes and predicates it keeps)
that ``summit-kg viz --view``, ``summit-kg export --view`` and
:meth:`kg.SummitGraph.to_html` draw; :data:`SIZE_MEASURES` are what node size
can follow. This module does not import networkx, so the command line can
list the names cheaply; :func:`kg.network.convert.view_graph` builds
a view.

Examples:
    >>> list(VIEWS)
    ['overview', 'topics', 'actors', 'sources', 'calls']
    >>> VIEWS["topics"].classes
    ('Topic', 'FocusArea', 'Outcome')
    >>> "State" in ACTOR_TYPES, "Place" in ACTOR_TYPES
    (True, False)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kg.rdf.namespaces import SKG

__all__ = [
    "ACTOR_TYPES",
    "MAX_NODES",
    "PROVENANCE_TYPES",
    "SIZE_MEASURES",
    "VIEWS",
    "View",
    "view_builder",
]

ACTOR_TYPES: tuple[str, ...] = ("Person", "State", "Organization", "Group", "Actor")
"""The ``type`` values (summit-kg class local names) of actors."""

PROVENANCE_TYPES: tuple[str, ...] = (
    "SourceDocument",
    "Section",
    "Heading",
    "Paragraph",
    "List",
    "ListItem",
    "Table",
    "TableRow",
    "Cell",
    "Sentence",
)
"""The classes of the provenance structure (documents and their parts), not claims.

Views leave them out; :func:`kg.network.convert.to_networkx` keeps them with
``provenance=True`` (documents alone with ``documents=True``).
"""

SIZE_MEASURES: tuple[str, ...] = ("degree", "pagerank", "betweenness")
"""What node size can follow: degree, or a centrality from :mod:`kg.network.analytics`."""

MAX_NODES = 20_000
"""Above this many nodes a page shows only the best-connected ones (and says so):
20,000 nodes are ready in a few seconds in Chromium; far more freeze the tab."""


@dataclass(frozen=True)
class View:
    """A named part of the graph for views and analytics (see :data:`VIEWS`).

    Examples:
        >>> View("people", "who", classes=("Person",)).predicates is None
        True
    """

    name: str
    description: str
    classes: tuple[str, ...] | None = None
    predicates: tuple[str, ...] | None = None
    documents: bool = False
    edge_label: str | None = None
    """An edge attribute drawn as the edge's label where an edge has it."""
    builder: str | None = None
    """``"module:function"`` that computes the view from a :class:`kg.SummitGraph` (for
    views drawn from a query's answer rather than picked out by class); ``classes`` and
    ``predicates`` then describe what it draws."""


VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View(
            "overview",
            "every claim: the summit, actors, places, topics, focus areas, outcomes, "
            "concerns and recommendations",
        ),
        View(
            "topics",
            "topic → focus area → outcome, edges labelled with the outcome's likelihood",
            classes=("Topic", "FocusArea", "Outcome"),
            edge_label="likelihood",
        ),
        View(
            "actors",
            "who: the summit, its actors and places, the topics, concerns and "
            "recommendations that name them",
            classes=("Summit", *ACTOR_TYPES, "Place", "Topic", "Concern", "Recommendation"),
        ),
        View(
            "sources",
            "which document says what: each claim linked to the documents that state it",
            classes=("SourceDocument", "Summit", "Topic", "Outcome", "Concern", "Recommendation"),
            predicates=(str(SKG.inDocument), str(SKG.topic)),
            documents=True,
        ),
        View(
            "calls",
            "expectations against results: each topic, the outcomes sources expected before "
            "the summit and what was reported after it, edges 'came true', 'missed' or 'open'",
            classes=("Topic", "Outcome"),
            predicates=(str(SKG.topic),),
            edge_label="likelihood",
            builder="kg.network.calls:calls_view",
        ),
    )
}
"""The views of ``summit-kg viz --view`` and :meth:`kg.SummitGraph.to_html`."""


def view_builder(name: str) -> Callable[[Any], Any] | None:
    """The function that computes view ``name`` from a graph, or None for a class view.

    Imported only when asked for, so listing the views stays cheap.

    >>> view_builder("topics") is None, view_builder("calls").__name__
    (True, 'calls_view')
    """
    spec = VIEWS[name].builder
    if spec is None:
        return None
    module, _, function = spec.partition(":")
    built: Callable[[Any], Any] = getattr(importlib.import_module(module), function)
    return built
