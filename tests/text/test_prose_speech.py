"""Speech frames and subjects of sentences (kg.text.extract.prose.speech)."""

from __future__ import annotations

import pytest

from kg.text.claims import SectionClaim
from kg.text.extract.prose.clause import Clause
from kg.text.extract.prose.speech import Discourse, clause_of, read_frame
from kg.text.extract.sink import ClaimSink
from kg.text.gazetteer import Gazetteer
from kg.text.parse import parse_article
from kg.text.parse.sentences import split_sentences


def _clauses(body: str) -> list[Clause]:
    doc = parse_article("Talks in Oslo\n" + body + "\n")
    sink = ClaimSink(doc, Gazetteer.bundled())
    state = Discourse()
    return [
        clause_of(sink, s, SectionClaim(None), state)
        for s in split_sentences(doc.sections[0].blocks[0])
    ]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Putin said that talks may resume.", "talks may resume.", "Putin"),
        ("Talks may resume, a senior official said.", "Talks may resume", "a senior official"),
        ("According to Seoul, talks may resume.", "talks may resume.", "Seoul"),
        ("Talks may resume, according to diplomats.", "Talks may resume", "diplomats"),
        ("Analysts fear the talks could collapse.", "the talks could collapse.", "Analysts"),
    ],
)
def test_frames(text: str, content: str, speaker: str) -> None:
    frame = read_frame(text)
    assert (text[frame.start : frame.end], frame.speaker) == (content, speaker)


def test_no_frame_when_the_subject_acts() -> None:
    text = "Beijing opposes any patrols and has warned that they may fail."
    assert read_frame(text).speaker == ""


def test_nested_speech_keeps_the_outer_speaker() -> None:
    (clause,) = _clauses("Trump said Kim Jong Un promised to stop missile tests.")
    assert clause.content == "Kim Jong Un promised to stop missile tests."
    assert [s.label for s in clause.speakers] == ["Donald Trump"]
    assert [s.label for s in clause.subject] == ["Kim Jong Un"]
    assert clause.sentence.plain[clause.offset :].startswith(clause.content)


def test_unnamed_speakers_name_no_entity() -> None:
    (clause,) = _clauses("Officials said the talks could resume.")
    assert clause.speakers == ()


def test_pronoun_resolves_to_the_last_named_person() -> None:
    first, second = _clauses("Zelenskyy visited Oslo. He wants air defence.")
    assert [e.label for e in first.subject] == ["Volodymyr Zelenskyy"]
    assert [e.label for e in second.subject] == ["Volodymyr Zelenskyy"]


def test_metonym_subject_is_the_state() -> None:
    (clause,) = _clauses("Moscow wants a deal.")
    assert [e.id for e in clause.subject] == ["actor/russia"]
