"""The sentence lexicon: the cue words the prose readers go by, and the hedges they carry.

The structural word lists (column roles, list roles, headings, hedges of
headers) are in :mod:`kg.text.lexicon`; this module holds what the sentence
readers of :mod:`kg.text.extract.prose` look for inside a sentence. One
section per reader; each cue is a compiled pattern or a word table, so a
reader never spells a word of its own.
"""

from __future__ import annotations

__all__: list[str] = []

# --- reported speech and subjects (speech.py) -----------------------------------------------

# --- agenda enumerations (agenda.py) ---------------------------------------------------------

# --- outcomes and their hedges (outcomes.py) ------------------------------------------------

# --- positions and stances (positions.py) ----------------------------------------------------

# --- concerns and recommendations (items.py) -------------------------------------------------
