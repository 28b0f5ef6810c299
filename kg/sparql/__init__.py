"""Stage 4, questions: a query in, a :class:`~kg.sparql.runner.QueryResult` out.

* :mod:`kg.sparql.catalogue` — ``queries/*.rq`` with their ``# title:``/``# param:`` headers;
* :mod:`kg.sparql.gate` — the read-only, local-only check every query passes first;
* :mod:`kg.sparql.runner` — binds parameters as terms and runs the query, time-limited;
* :mod:`kg.sparql.engines` — rdflib, Oxigraph and remote endpoints behind one call;
* :mod:`kg.sparql.sandbox` — a worker process with a deadline and no network;
* :mod:`kg.sparql.results` — answers as a table, CSV, TSV, JSON, XML or RDF.
"""
