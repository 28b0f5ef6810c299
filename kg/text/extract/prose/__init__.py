"""Prose → claims: the sentences of a section's paragraphs and unread list items in,
outcomes, positions, concerns, recommendations and agenda topics out.

:func:`read_prose` splits each prose block a section hands on
(:attr:`kg.text.claims.SectionClaim.prose`) into sentences
(:func:`kg.text.parse.sentences.split_sentences`), reads each sentence's
speech frame and subject once (:mod:`.speech`: "Putin said …", "He …"), and
gives the resulting :class:`~.clause.Clause` to each reader of
:data:`SENTENCE_READERS` in turn:

* :mod:`.agenda` — enumerations of issues ("talks will focus on A, B and C");
* :mod:`.outcomes` — outcomes with the hedge that states them ("may", "agreed",
  "could not agree"), and time cues ("next month");
* :mod:`.positions` — an actor's stance on a topic ("Kyiv rejects any land swap");
* :mod:`.items` — concerns ("analysts fear …") and recommendations ("should …").

Every claim's source is the :class:`~kg.text.document.Sentence` it comes from;
its label is the minimal phrase as written, a substring of the sentence's
clean view. The cue words are in :mod:`kg.text.cues`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kg.text.budget import check_budget
from kg.text.claims import SectionClaim
from kg.text.extract.prose import agenda, items, outcomes, positions, speech
from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink
from kg.text.parse.sentences import split_sentences

__all__ = ["MAX_SENTENCE", "SENTENCE_READERS", "Clause", "read_prose"]

SentenceReader = Callable[[ClaimSink, Clause], None]

MAX_SENTENCE = 1_500
"""Characters beyond which a "sentence" is an artefact (a run-on line with no stop), not
prose: it is reported, not read, so no reader's time grows with its square."""

SENTENCE_READERS: tuple[SentenceReader, ...] = (
    agenda.read_agenda,
    outcomes.read_outcomes,
    positions.read_positions,
    items.read_items,
)
"""The readers every sentence goes through, in order (agenda first: later readers
attach to the topics it finds)."""


def read_prose(sink: ClaimSink, section: SectionClaim) -> None:
    """Read every sentence of a section's prose, in order, with every sentence reader."""
    state = speech.Discourse()
    for block in section.prose:
        own = sink.item_topics.get(id(block))  # "* Energy: Jakarta is seeking …" → Energy
        read = replace(section, topic=own) if own is not None else section
        for sentence in split_sentences(block):
            check_budget()
            if sentence.plain.endswith(":"):
                continue  # a list's intro: the list's own reader has read it
            if len(sentence.plain) > MAX_SENTENCE:
                sink.warn(
                    sentence.line,
                    f"a sentence of {len(sentence.plain):,} characters is not read for claims "
                    f"(longer than {MAX_SENTENCE:,}: no sentence of prose is)",
                )
                continue
            clause = speech.clause_of(sink, sentence, read, state)
            for reader in SENTENCE_READERS:
                reader(sink, clause)
