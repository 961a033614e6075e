"""Welsh initial mutations of place names (soft, nasal, aspirate)."""

from __future__ import annotations

import pytest

from dhr.anonymisation.scanner import Gazetteer, mutate, mutated_forms, place_entries


@pytest.mark.parametrize(
    ("place", "forms"),
    [
        ("Caerdydd", ["Gaerdydd", "Nghaerdydd", "Chaerdydd"]),
        ("Bangor", ["Fangor", "Mangor"]),
        ("Pontypridd", ["Bontypridd", "Mhontypridd", "Phontypridd"]),
        ("Tredegar", ["Dredegar", "Nhredegar", "Thredegar"]),
        ("Dinbych", ["Ddinbych", "Ninbych"]),
        ("Gwynedd", ["Wynedd", "Ngwynedd"]),
        ("Merthyr Tudful", ["Ferthyr Tudful"]),
        ("Llanelli", ["Lanelli"]),
        ("Rhuthun", ["Ruthun"]),
    ],
)
def test_mutated_forms(place: str, forms: list[str]) -> None:
    assert mutated_forms(place) == forms


@pytest.mark.parametrize("place", ["Aberystwyth", "Chwilog", "Ffestiniog", "Newport", "Swansea"])
def test_places_that_do_not_mutate(place: str) -> None:
    assert mutated_forms(place) == []


def test_lower_case_stays_lower_case() -> None:
    assert mutate("caerdydd", "nasal") == "nghaerdydd"


def test_welsh_text_finds_mutated_place_names() -> None:
    gazetteer = Gazetteer(place_entries("Caerdydd") + place_entries("Bangor"))
    text = "Symudodd o Fangor i Gaerdydd; roedd yn byw yng Nghaerdydd, nid ym Mangor."
    assert [f.matched for f in gazetteer.find(text)] == [
        "Fangor",
        "Gaerdydd",
        "Nghaerdydd",
        "Mangor",
    ]
    assert {f.reason for f in gazetteer.find(text)} >= {
        "case gazetteer: town, Welsh nasal mutation"
    }


def test_mutations_can_be_switched_off_for_english_only_places() -> None:
    assert len(place_entries("Bangor", welsh=False)) == 1
