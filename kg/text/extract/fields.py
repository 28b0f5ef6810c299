"""Field-labelled items and paragraphs to claims: a briefing card's "Topic: peace treaty",
"Likely outcome: …", "Position: …", "Concern: …", "Recommendation: …".

Such a label (:func:`kg.text.lexicon.field_label`) names the role of its text, not an
issue, and decides how the text is read whatever the list's or section's role:

* a topic field names a topic, which the fields after it in the same list (or the same
  section's paragraphs) take as theirs;
* an outcome field written as sentences that state their outcomes, and a position field,
  go to the sentence reader with that topic; any other outcome field is one outcome, with
  the first hedge of its text, else of its label ("Likely outcome: a joint statement");
* a concern or recommendation field is one concern or recommendation, without its cue
  ("Risk that …", "We should …").

Examples:
    >>> from kg.text.gazetteer import Gazetteer
    >>> from kg.text.parse import parse_article
    >>> doc = parse_article("Card\\n\\n* Topic: fishing quotas\\n* Likely outcome: a joint "
    ...     "statement\\n* Risk that the talks stall\\n")
    >>> sink = ClaimSink(doc, Gazetteer.bundled())
    >>> fields = Fields(sink)
    >>> items = doc.sections[0].blocks[0].items
    >>> [fields.read(item, item.label, item.description) for item in items]
    [False, False, None]
    >>> [(o.label, o.likelihood.term, o.topic.label) for o in sink.outcomes]
    [('a joint statement', 'Likely', 'Fishing Quotas')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text.claims import ConceptClaim, Entity, ItemClaim, Likelihood, OutcomeClaim
from kg.text.cues import AGENDA_ITEM_LEAD, RECOMMEND_CUE
from kg.text.document import Block
from kg.text.extract.blocks import trim_item
from kg.text.extract.prose.outcomes import outcomes_in
from kg.text.extract.sink import ClaimSink
from kg.text.lexicon import field_label, hedge_of, intro_hedge

__all__ = ["FIELD_PARAGRAPH", "Fields"]

FIELD_PARAGRAPH = re.compile(r"(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:\s+(?=\S)")
"""A paragraph that opens with a label and a colon ("Concern: Russian border guards …")."""

_CONCERN_LEAD = re.compile(
    r"(?:(?:the|a)\s+)?(?:risk|danger|fear|concern|worry|threat)\s+(?:that|of)\s+(?=\S)", re.I
)
_LEAD_WORDS = 6  # a recommendation cue further in belongs to a clause of the text, not its lead


@dataclass
class Fields:
    """The field-labelled blocks of one list or one section, read in order; ``topic`` is the
    last topic field's."""

    sink: ClaimSink
    actors: tuple[Entity, ...] = ()
    addressed: tuple[Entity, ...] = ()
    topic: ConceptClaim | None = None

    def read(self, block: Block, label: str | None, text: str | None) -> bool | None:
        """Read one block whose label is ``label`` and text ``text``: ``None`` when the label
        is no field label (the block is the caller's to read), ``True`` when the block's
        sentences are for the sentence reader, ``False`` when it is read."""
        role = field_label(label) if label and text else None
        if role is None or not text or not label:
            return None
        sink = self.sink
        text = trim_item(text).rstrip(" .")
        if role == "topic":
            self.topic = sink.concept(AGENDA_ITEM_LEAD.sub("", text) or text, block, block.plain)
            sink.topics.append(self.topic)
            sink.item_topics[id(block)] = self.topic
            return False
        if self.topic is not None:
            sink.item_topics[id(block)] = self.topic
        if role == "position" or (role == "outcome" and outcomes_in(text)):
            return True
        mentioned = sink.mentions.get(block, ())
        if role == "outcome":
            chosen = intro_hedge(text) or hedge_of(label, anywhere=True)
            likelihood, hedge = chosen if chosen else (Likelihood.UNSTATED, None)
            topic = self.topic or sink.concept(text, block, block.plain)
            sink.topics.append(topic)
            sink.outcomes.append(
                OutcomeClaim(
                    label=text,
                    topic=topic,
                    source=block,
                    likelihood=likelihood,
                    hedge=hedge,
                    mentions=mentioned,
                    actors=self.actors,
                )
            )
            return False
        claim = ItemClaim(
            label=_without_cue(role, text),
            source=block,
            mentions=mentioned,
            addressed_to=self.addressed if role == "recommendation" else (),
            topic=self.topic,
            actors=self.actors,
        )
        (sink.concerns if role == "concern" else sink.recommendations).append(claim)
        return False


def _without_cue(role: str, text: str) -> str:
    """A concern's or recommendation's text without the cue that opens it.

    Examples:
        >>> _without_cue("concern", "Risk that a swing in the vote unpicks the text")
        'a swing in the vote unpicks the text'
        >>> _without_cue("recommendation", "We should offer mapping data")
        'offer mapping data'
        >>> _without_cue("recommendation", "Press both capitals to publish the text")
        'Press both capitals to publish the text'
    """
    if role == "concern":
        lead = _CONCERN_LEAD.match(text)
        return text[lead.end() :] if lead is not None else text
    cue = RECOMMEND_CUE.search(text)
    if cue is None or cue.end() >= len(text) or len(text[: cue.start()].split()) > _LEAD_WORDS:
        return text
    return text[cue.end() :]
