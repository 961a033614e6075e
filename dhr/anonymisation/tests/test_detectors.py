"""Each UK pattern detector: what it must find, and the look-alikes it must leave alone."""

from __future__ import annotations

import pytest

from dhr.anonymisation.scanner import detectors as d
from dhr.anonymisation.scanner import nhs_number_is_valid


def found(detector: d.PatternDetector, text: str) -> list[str]:
    return [finding.matched for finding in detector.find(text)]


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "642-621-2997", "4061358952"])
def test_valid_nhs_numbers_pass_the_modulus_11_check(number: str) -> None:
    assert nhs_number_is_valid(number)
    assert found(d.NHS_NUMBER, f"NHS number {number}.") == [number]


@pytest.mark.parametrize(
    "number",
    [
        "943 476 5918",  # last digit wrong
        "6907029313",
        "1111111111",  # passes the arithmetic, never issued
        "4010232170",  # check digit would be 10: invalid
        "94347659",  # too short
    ],
)
def test_invalid_nhs_numbers_are_not_reported(number: str) -> None:
    assert not nhs_number_is_valid(number)
    assert found(d.NHS_NUMBER, f"NHS number {number}.") == []


def test_an_nhs_number_inside_a_longer_number_is_not_reported() -> None:
    assert found(d.NHS_NUMBER, "account 194347659190") == []


@pytest.mark.parametrize("number", ["AB 12 34 56 C", "AB123456C", "JK 123456 D", "ZA123456A"])
def test_ni_numbers_with_allocated_prefixes(number: str) -> None:
    assert found(d.NI_NUMBER, f"NI {number} held") == [number]


@pytest.mark.parametrize(
    "number",
    [
        "BG123456A",  # never allocated
        "GB123456A",
        "NK123456A",
        "TN123456A",
        "ZZ123456A",
        "DA123456A",  # first letter D
        "QQ123456A",  # Q
        "AO123456A",  # second letter O
        "AB123456E",  # suffix beyond D
    ],
)
def test_ni_numbers_with_forbidden_prefixes_or_suffixes_are_not_reported(number: str) -> None:
    assert found(d.NI_NUMBER, f"NI {number} held") == []


@pytest.mark.parametrize(
    "postcode",
    [
        "CF10 1AA",
        "SW1A 1AA",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "EC1A 1BB",
        "cf37 2ab",
        "GIR 0AA",
        "W1A0AX",
    ],
)
def test_uk_postcodes(postcode: str) -> None:
    assert found(d.POSTCODE, f"lived at {postcode} until") == [postcode]


@pytest.mark.parametrize(
    "text",
    ["QA1 1AA", "AB1 1CI", "V1 1AA", "in 2019 and 2020", "the M4 motorway", "CF10 1A"],
)
def test_not_postcodes(text: str) -> None:
    assert found(d.POSTCODE, text) == []


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "020 7946 0958",
        "+44 (0)20 7946 0958",
        "0161 496 0123",
        "(0161) 496 0123",
        "01632 960001",
        "0117-496-0000",
    ],
)
def test_uk_phone_numbers(number: str) -> None:
    assert found(d.PHONE, f"called {number} twice") == [number]


@pytest.mark.parametrize("text", ["0.5% of cases", "paragraph 10.12", "£0 5", "0123", "in 2021"])
def test_not_phone_numbers(text: str) -> None:
    assert found(d.PHONE, text) == []


def test_email_and_url() -> None:
    text = (
        "Write to jane.sj+1@mail.example.org or see https://example.org/a?b=1, or www.example.org."
    )
    assert found(d.EMAIL, text) == ["jane.sj+1@mail.example.org"]
    assert found(d.URL, text) == ["https://example.org/a?b=1", "www.example.org"]


@pytest.mark.parametrize(
    "date",
    [
        "3 March 1990",
        "3rd March 1990",
        "3rd of March 1990",
        "03/03/1990",
        "3/3/90",
        "March 3rd 1990",
        "March 3, 1990",
        "3 Sept 2021",
        "2021-09-03",
        "03.09.2021",
        "3 Mawrth 1990",
    ],
)
def test_full_dates(date: str) -> None:
    assert found(d.DATE, f"on {date} police") == [date]


@pytest.mark.parametrize(
    "text",
    ["in March 1990", "on 3 March", "section 2.3.12", "32/13/2020", "version 1.2.3", "10.1-10.4"],
)
def test_not_full_dates(text: str) -> None:
    assert found(d.DATE, text) == []


def test_ages_attached_to_names() -> None:
    text = "Jane, 34, lived with Mark, aged 41, a 41-year-old man; her son was 9 years old."
    assert found(d.AGE, text) == ["34", "aged 41", "41-year-old", "9 years old"]


def test_a_number_in_a_list_is_not_an_age() -> None:
    assert found(d.AGE, "agencies (12), schools and 34 others") == []


@pytest.mark.parametrize("plate", ["AB12 CDE", "AB12CDE", "LM70 XYZ", "K123 BFT", "GHR 123K"])
def test_vehicle_registrations(plate: str) -> None:
    assert found(d.VEHICLE, f"car {plate} seen") == [plate]


@pytest.mark.parametrize("text", ["ab12 cde", "QB12 CDE", "AB12 CDI", "the A470 road"])
def test_not_vehicle_registrations(text: str) -> None:
    assert found(d.VEHICLE, text) == []


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Crime reference 12/34567/23 was", "12/34567/23"),
        ("crime ref: 4500123456", "4500123456"),
        ("incident log number 0345-140224", "0345-140224"),
        ("CAD 1234-15092023", "1234-15092023"),
        ("file 44WP0123423 went", "44WP0123423"),
        ("number CR/0123456/23", "CR/0123456/23"),
    ],
)
def test_police_references(text: str, reference: str) -> None:
    assert found(d.POLICE_REFERENCE, text) == [reference]


def test_police_words_without_a_reference_are_not_reported() -> None:
    text = "The incident on the night was logged by the crime team; catalogue 12345678."
    assert found(d.POLICE_REFERENCE, text) == []


@pytest.mark.parametrize(
    "reference",
    ["T20237001", "S2023 0012", "ZW23C50012", "[2024] EWCA Crim 123", "[2019] EWHC 1234 (Fam)"],
)
def test_court_references(reference: str) -> None:
    assert found(d.COURT_REFERENCE, f"case {reference} was") == [reference]


def test_every_finding_says_which_rule_fired_and_suggests_a_replacement() -> None:
    (finding,) = d.NHS_NUMBER.find("NHS 943 476 5919")
    assert finding.kind == "nhs_number"
    assert finding.span == (4, 16)
    assert "modulus 11" in finding.reason
    assert finding.replacement == "[NHS number]"


class ShoutDetector:
    """A stand-in for a council's own NER adapter."""

    name = "shout"

    def find(self, text: str) -> list:
        from dhr.anonymisation.scanner import Finding

        start = text.find("HELLO")
        if start < 0:
            return []
        return [Finding("person", start, start + 5, "HELLO", "shout: test", "[name]", "shout")]


def test_a_registered_detector_joins_the_default_set_and_can_leave_it() -> None:
    names = [det.name for det in d.default_detectors()]
    assert "shout" not in names
    d.register_detector(ShoutDetector())
    try:
        assert d.default_detectors()[-1].name == "shout"
        assert d.detectors_named(["shout"])[0].find("say HELLO")[0].matched == "HELLO"
    finally:
        d.unregister_detector("shout")
    assert [det.name for det in d.default_detectors()] == names


def test_registering_something_that_is_not_a_detector_is_refused() -> None:
    with pytest.raises(TypeError):
        d.register_detector(object())  # type: ignore[arg-type]


def test_prefiltered_rules_find_matches_at_the_edges_and_far_apart() -> None:
    """Rules that run only near digits still see the whole match and its word boundaries."""
    prose = "The panel met again to consider the chronology. " * 40
    text = f"AB12 CDE {prose}aged 34 {prose}XAB12 CDE {prose}CF10 1AA"
    assert found(d.VEHICLE, text) == ["AB12 CDE"]
    assert found(d.AGE, text) == ["aged 34"]
    assert found(d.POSTCODE, text) == ["CF10 1AA"]


def test_windows_of_one_text_are_not_reused_for_another() -> None:
    assert found(d.POSTCODE, "x " * 100 + "CF10 1AA") == ["CF10 1AA"]
    assert found(d.POSTCODE, "SW1A 1AA" + " y" * 100) == ["SW1A 1AA"]
