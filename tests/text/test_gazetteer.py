"""A gazetteer extended with a document's names: shares the base, finds both, changes nothing."""

from __future__ import annotations

from kg.text.claims import Entity
from kg.text.gazetteer import Gazetteer

BERG = Entity("actor/ana-berg", "Person", "Ana Berg", aliases=("Berg",))


def test_extension_finds_new_and_known_names() -> None:
    gaz = Gazetteer.bundled().extended([BERG], {BERG.id: ["Ana Berg", "Berg"]})
    found = [m.entity.id for m in gaz.find("Berg and Putin met; Ana Berg spoke.")]
    assert found == ["actor/ana-berg", "actor/vladimir-putin", "actor/ana-berg"]
    assert gaz.lookup("Berg") == BERG
    assert gaz.entities["actor/ana-berg"] == BERG


def test_extension_leaves_the_base_unchanged() -> None:
    base = Gazetteer.bundled()
    before = (len(base.entities), base.lookup("Berg"), len(base.find("Berg met Putin.")))
    base.extended([BERG], {BERG.id: ["Ana Berg", "Berg"]})
    assert (len(base.entities), base.lookup("Berg"), len(base.find("Berg met Putin."))) == before


def test_a_form_shared_with_a_known_entity_lists_both_in_id_order() -> None:
    base = Gazetteer.bundled()
    known = base.lookup("Putin")
    assert known is not None
    twin = Entity("actor/a-putin", "Person", "A. Putin")
    gaz = base.extended([twin], {twin.id: ["Putin"]})
    assert gaz.lookup("Putin") == twin  # first by id, as a rebuilt gazetteer would have it
    assert base.lookup("Putin") == known


def test_new_forms_of_a_known_entity_find_the_known_entity() -> None:
    base = Gazetteer.bundled()
    putin = base.entities["actor/vladimir-putin"]
    gaz = base.extended([putin], {putin.id: ["the northern envoy"]})
    assert [m.entity for m in gaz.find("the northern envoy arrived")] == [putin]
    assert base.find("the northern envoy arrived") == []


def test_an_extension_of_an_extension_keeps_both() -> None:
    other = Entity("actor/li-wen", "Person", "Li Wen", aliases=("Wen",))
    gaz = (
        Gazetteer.bundled()
        .extended([BERG], {BERG.id: ["Berg"]})
        .extended([other], {other.id: ["Li Wen", "Wen"]})
    )
    assert [m.entity.label for m in gaz.find("Wen met Berg.")] == ["Li Wen", "Ana Berg"]


PARAGRAPH = (
    "Prime Minister Anthony Albanese of Australia met Vladimir Putin in Helsinki on Monday. "
    "Donald Trump said Moscow wants the Paris Agreement reopened before any talks in Geneva."
)


def _spans(gaz: Gazetteer, text: str) -> list[tuple[str, int, int, str]]:
    return [(m.entity.id, m.start, m.end, m.surface) for m in gaz.find(text)]


def test_a_part_of_a_scanned_paragraph_is_answered_as_a_fresh_scan_would() -> None:
    """Each sentence's mentions come from its paragraph's scan, at the sentence's offsets."""
    read_alone = [_spans(Gazetteer.bundled().extended([], {}), s) for s in _sentences()]
    gaz = Gazetteer.bundled().extended([], {})
    gaz.find(PARAGRAPH)
    assert [_spans(gaz, s) for s in _sentences()] == read_alone
    assert ("actor/russia", 18, 24, "Moscow") in read_alone[1]
    assert all(entity != "place/paris" for entity, *_ in read_alone[1])


def _sentences() -> list[str]:
    first, second = PARAGRAPH.split(". ", 1)
    return [first + ".", second]


def test_a_name_inside_a_longer_name_of_the_paragraph_is_read_alone() -> None:
    """ "Trump" of "Donald Trump" (a mention across the part's edge), and a short text, are
    scanned on their own: no mention is lost or borrowed from the paragraph's context."""
    gaz = Gazetteer.bundled().extended([], {})
    gaz.find(PARAGRAPH)
    assert [
        m.entity.id for m in gaz.find("Trump said Moscow wants the Paris Agreement reopened")
    ] == [
        "actor/donald-trump",
        "actor/russia",
    ]
    assert [m.entity.id for m in gaz.find("Geneva")] == ["place/geneva"]
    cut = "lbanese of Australia met Vladimir Putin in Helsinki"  # begins inside a word
    assert gaz.find(cut) == list(gaz._scan(cut))
