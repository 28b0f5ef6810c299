"""Stage 1, articles to claims: text in, :class:`~kg.text.claims.Claims` out.

Nothing here knows RDF. The pipeline inside the stage:

* :mod:`kg.text.parse` — article text → :class:`~kg.text.document.Document`
  (headings, paragraphs, lists and tables with character offsets);
* :mod:`kg.text.extract` — ``Document`` → :class:`~kg.text.claims.Claims`
  (topics, focus areas, outcomes with their likelihood, positions, concerns,
  recommendations, actors, places, the summit), each tied to its block;
* :mod:`kg.text.lexicon` — every word list and the pure functions over them
  (concept keys, hedges, column and list roles), shared with the curated-table loader;
* :mod:`kg.text.gazetteer` — known actors and places and how to find them in text;
* :mod:`kg.text.normalize` — invisible characters, slugs and content hashes.

Examples:
    >>> from kg.text.parse import parse_article
    >>> from kg.text.extract import extract
    >>> claims = extract(parse_article("# Talks\\n\\nKey concerns include:\\n- Arms control\\n"))
    >>> [item.label for item in claims.concerns]
    ['Arms control']
"""
