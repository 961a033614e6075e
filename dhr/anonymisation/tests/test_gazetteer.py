"""The case gazetteer: variants from the case record and how they are matched."""

from __future__ import annotations

import datetime as dt
import unicodedata

from dhr.anonymisation.scanner import (
    Gazetteer,
    GazetteerEntry,
    address_entries,
    date_entries,
    date_forms,
    organisation_entries,
    person_entries,
)

JANE = person_entries(
    "Jane Mary Smith-Jones", "Adele Brown", nicknames=["Janey"], maiden_names=["Evans"]
)


def matches(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(f.matched, f.replacement) for f in gazetteer.find(text)]


def test_each_part_of_a_name_maps_to_the_matching_part_of_the_pseudonym() -> None:
    gazetteer = Gazetteer(JANE)
    text = "Jane Mary Smith-Jones, Jane, Smith-Jones, Mary, Jones, Janey, Evans, J. Smith-Jones"
    assert matches(gazetteer, text) == [
        ("Jane Mary Smith-Jones", "Adele Brown"),
        ("Jane", "Adele"),
        ("Smith-Jones", "Brown"),
        ("Mary", "Adele"),
        ("Jones", "Brown"),
        ("Janey", "Adele"),
        ("Evans", "Brown"),
        ("J. Smith-Jones", "A. Brown"),
    ]


def test_longest_match_wins() -> None:
    gazetteer = Gazetteer(JANE)
    assert matches(gazetteer, "JANE EVANS said") == [("JANE EVANS", "Adele Brown")]


def test_word_boundaries() -> None:
    gazetteer = Gazetteer(person_entries("Ann Lee", "Beth"))
    assert matches(gazetteer, "Annual leave; Leeds; Ann's and Lee' files; ann.") == [
        ("Ann", "Beth"),
        ("Lee", "Beth"),
        ("ann", "Beth"),
    ]


def test_initials_are_case_sensitive() -> None:
    gazetteer = Gazetteer(person_entries("John Smith", "Tom Reed"))
    assert [f.matched for f in gazetteer.find("J.S. and JS and J. S. but not js or J.")] == [
        "J.S.",
        "JS",
        "J. S.",
    ]
    assert gazetteer.find("JS")[0].replacement == "T. R."


def test_names_that_are_everyday_words_match_only_as_names() -> None:
    gazetteer = Gazetteer(person_entries("Will Hall", "Sam Lee"))
    assert [f.matched for f in gazetteer.find("Will said he will go to the hall. WILL")] == [
        "Will",
        "WILL",
    ]


def test_without_a_pseudonym_every_part_gets_the_generic_replacement() -> None:
    gazetteer = Gazetteer(person_entries("Priya Raman", kind="professional"))
    assert {f.replacement for f in gazetteer.find("Priya Raman, Priya, Raman, P. Raman, PR")} == {
        "a professional"
    }


def test_date_forms_cover_the_common_written_forms() -> None:
    forms = set(date_forms(dt.date(1990, 3, 3)))
    assert {
        "3 March 1990",
        "3rd March 1990",
        "3rd of March 1990",
        "March 3rd 1990",
        "March 3, 1990",
        "03/03/1990",
        "3/3/1990",
        "03/03/90",
        "1990-03-03",
        "3rd March",
        "3 Mar 1990",
        "3 Mawrth 1990",
    } <= forms


def test_dates_of_birth_are_found_in_any_written_form() -> None:
    gazetteer = Gazetteer(date_entries(dt.date(1990, 3, 3), kind="date_of_birth"))
    text = "born 3rd March 1990 (03/03/1990), birthday March 3rd, not 13 March or 3/3/1991."
    assert [f.matched for f in gazetteer.find(text)] == [
        "3rd March 1990",
        "03/03/1990",
        "March 3rd",
    ]


def test_address_lines() -> None:
    gazetteer = Gazetteer(address_entries("Flat 3, 22 Bute Street, Cardiff, CF10 5AB"))
    found = [
        (f.kind, f.matched)
        for f in gazetteer.find(
            "Flat 3, 22 Bute Street; 22 Bute Street; Bute Street; Cardiff; yng Nghardiff; CF105AB"
        )
    ]
    assert found == [
        ("address", "Flat 3, 22 Bute Street"),
        ("address", "22 Bute Street"),
        ("street", "Bute Street"),
        ("town", "Cardiff"),
        ("town", "Nghardiff"),
        ("postcode", "CF105AB"),
    ]


def test_a_whole_address_across_lines() -> None:
    gazetteer = Gazetteer(address_entries("14 Heol y Felin\nPontypridd\nCF37 2AB"))
    (finding,) = gazetteer.find("at 14 Heol y Felin,\nPontypridd CF37 2AB.")
    assert finding.kind == "address"
    assert finding.matched == "14 Heol y Felin,\nPontypridd CF37 2AB"


def test_organisations() -> None:
    gazetteer = Gazetteer(organisation_entries("St Mary's Primary School", kind="school"))
    assert [
        f.replacement
        for f in gazetteer.find("St. Mary’s Primary School and Saint Mary's Primary School")
    ] == [
        "a local school",
        "a local school",
    ]


def test_decomposed_unicode_is_matched_and_offsets_point_into_the_original() -> None:
    gazetteer = Gazetteer(person_entries("Siân Jones", "Nia"))
    text = unicodedata.normalize("NFD", "Met Siân today")
    (finding,) = gazetteer.find(text)
    assert text[finding.start : finding.end] == finding.matched
    assert unicodedata.normalize("NFC", finding.matched) == "Siân"


def test_text_with_a_character_whose_lower_case_is_longer() -> None:
    gazetteer = Gazetteer(person_entries("Jane Smith", "Adele"))
    text = "İstanbul trip: Jane went."
    (finding,) = gazetteer.find(text)
    assert finding.matched == "Jane"


def test_first_entry_wins_a_clash_and_short_terms_are_ignored() -> None:
    gazetteer = Gazetteer(
        [
            GazetteerEntry("Smith", "person", "Brown"),
            GazetteerEntry("smith", "person", "Green"),
            GazetteerEntry("J", "person", "X"),
        ]
    )
    assert len(gazetteer) == 1
    assert matches(gazetteer, "SMITH J") == [("SMITH", "Brown")]


def test_an_empty_gazetteer_finds_nothing() -> None:
    assert Gazetteer([]).find("Jane Smith") == []
