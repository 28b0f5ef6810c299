"""Stage 5, views and analytics: an RDF graph in, networkx graphs, measures and HTML pages out.

* :mod:`kg.network.views` — the named views (which classes each draws); no networkx import,
  so the command line can list them cheaply;
* :mod:`kg.network.convert` — RDF → a networkx ``MultiDiGraph`` of claims;
* :mod:`kg.network.analytics` — centrality, communities, paths, source agreement;
* :mod:`kg.network.calls` — expectations against results: which calls came true, per
  source (from one catalogue query, ``calls``), and the ``calls`` view;
* :mod:`kg.network.layout` — node positions computed before the page opens;
* :mod:`kg.network.page` — one self-contained, escaped HTML page (vis-network inlined);
* :mod:`kg.network.exports` — GraphML, GEXF and Cytoscape JSON.
"""
