"""Reported speech and subjects: a sentence in, its :class:`~.clause.Clause` out.

"Putin said Russia wanted the root causes addressed" is read for its content
("Russia wanted the root causes addressed") and its speaker (Putin); "He
said …", "According to X, …", "…, X said." too. The subject is the first
actor the content names, or, for a pronoun ("he", "she", "they"), the actor
the previous sentences named last when that is unambiguous
(:class:`Discourse` carries it from sentence to sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.text.claims import Entity, SectionClaim
from kg.text.document import Sentence
from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink

__all__ = ["Discourse", "clause_of"]


@dataclass
class Discourse:
    """What earlier sentences of the section said, for pronouns to refer to."""

    last_actors: tuple[Entity, ...] = ()


def clause_of(
    sink: ClaimSink, sentence: Sentence, section: SectionClaim, state: Discourse
) -> Clause:
    """The clause a sentence's readers read (placeholder: the whole sentence, no frame)."""
    mentions = sink.gaz.entities_in(sentence.plain)
    return Clause(
        sentence,
        content=sentence.plain,
        mentions=mentions,
        topic=section.topic,
        section_actors=section.actors,
    )
