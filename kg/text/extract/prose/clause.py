"""What a sentence reader reads: one sentence, its content without the speech frame, its context.

A :class:`Clause` is built once per sentence by :func:`kg.text.extract.prose.read_prose`
and handed to every sentence reader: the sentence (the claim's source), the
clean text to read (``content``: the sentence without "Putin said" and the
like), who said it (``speakers``), who the sentence is about where it says
(``subject``: its first actor, or the nearest named actor a pronoun stands
for), and the section's topic and actors.

Examples:
    >>> from kg.text.document import Sentence
    >>> s = Sentence(0, 15, 1, "Talks may end.")
    >>> Clause(s, content=s.plain).content
    'Talks may end.'
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.text.claims import ConceptClaim, Entity
from kg.text.document import Sentence

__all__ = ["Clause"]


@dataclass(frozen=True)
class Clause:
    """One sentence as the sentence readers see it.

    ``content`` is a substring of ``sentence.plain`` (every label a reader
    gives is a substring of it); ``offset`` is where it starts there.
    ``mentions`` are the entities the sentence names, in order.
    """

    sentence: Sentence
    content: str
    offset: int = 0
    speakers: tuple[Entity, ...] = ()
    subject: tuple[Entity, ...] = ()
    mentions: tuple[Entity, ...] = ()
    topic: ConceptClaim | None = None
    section_actors: tuple[Entity, ...] = ()
