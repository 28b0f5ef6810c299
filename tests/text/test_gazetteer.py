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
