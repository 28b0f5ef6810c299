"""``summit-kg serve``: a local SPARQL 1.1 endpoint, a web UI and Linked Data pages.

:func:`create_app` builds the Starlette application for a
:class:`~kg.graph.SummitGraph`; ``summit-kg serve`` runs it with uvicorn on
loopback. The modules, one job each: :mod:`kg.serve.protocol` (SPARQL 1.1
Protocol requests and content negotiation), :mod:`kg.serve.workers` and
:mod:`kg.serve.broker` (where queries run), :mod:`kg.serve.linked` (entity and
ontology data), :mod:`kg.serve.pages` (the HTML pages), :mod:`kg.serve.security`
(headers, body limit) and :mod:`kg.serve.app` (the routes).

Examples:
    >>> import kg
    >>> app = create_app(kg.load(), timeout=5, max_rows=1000)
    >>> "/sparql" in [route.path for route in app.routes]
    True
    >>> app.state.service.close()
"""

from __future__ import annotations

from kg.serve.app import create_app

__all__ = ["create_app"]
