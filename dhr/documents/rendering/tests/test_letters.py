from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, cast

import pytest

from dhr.documents.rendering.letters import (
    LABELS,
    AgencyDirectionRequestData,
    BulletList,
    Decision,
    DecisionLetterData,
    Heading,
    KeyValueTable,
    Letter,
    Paragraph,
    agency_direction_request_letter,
    decision_letter,
    format_date,
    label,
)

from .conftest import CSP, PSEUDONYM


def _all_text(letter: Letter) -> str:
    parts: list[str] = []
    for block in letter.blocks:
        if isinstance(block, Paragraph | Heading):
            parts.append(block.text)
        elif isinstance(block, KeyValueTable):
            parts += [block.caption, *(f"{k} {v}" for k, v in block.rows)]
        elif isinstance(block, BulletList):
            parts += block.items
    return "\n".join(parts)


def _table_rows(letter: Letter) -> tuple[tuple[str, str], ...]:
    table = letter.blocks[1]
    assert isinstance(table, KeyValueTable)
    return table.rows


def test_not_hold_without_rationale_is_refused(decision_data: DecisionLetterData) -> None:
    data = dataclasses.replace(decision_data, decision=Decision.NOT_HOLD, rationale="  ")
    with pytest.raises(ValueError, match="rationale"):
        decision_letter(data)


def test_not_hold_letter_mentions_qa_panel_and_direction(
    decision_data: DecisionLetterData,
) -> None:
    letter = decision_letter(dataclasses.replace(decision_data, decision=Decision.NOT_HOLD))
    text = _all_text(letter)
    assert "not to hold a Domestic Homicide Review" in text
    assert "Quality Assurance Panel" in text
    assert "section 9(2)" in text
    assert "Independent chair" not in text


@pytest.mark.parametrize("decision", [d for d in Decision if d is not Decision.NOT_HOLD])
def test_every_outcome_is_notified_without_the_not_hold_note(
    decision_data: DecisionLetterData, decision: Decision
) -> None:
    letter = decision_letter(dataclasses.replace(decision_data, decision=decision))
    text = _all_text(letter)
    assert "Quality Assurance Panel" not in text
    assert "Morgan Example-Chair" in text
    assert letter.recipient_lines[0] == "Domestic Homicide Review Team"


def test_letter_identifies_the_case_only_by_reference_and_pseudonym(
    decision_data: DecisionLetterData,
) -> None:
    letter = decision_letter(decision_data)
    assert letter.reference == "DHR-WSF-2026-003"
    assert ("Agreed pseudonym", PSEUDONYM) in _table_rows(letter)
    assert letter.author_organisation == CSP
    assert PSEUDONYM not in letter.subject


def test_unknown_date_of_death_is_stated(decision_data: DecisionLetterData) -> None:
    letter = decision_letter(dataclasses.replace(decision_data, date_of_death=None))
    assert ("Date of death", "Not known") in _table_rows(letter)


def test_decision_before_notification_is_refused(decision_data: DecisionLetterData) -> None:
    with pytest.raises(ValueError, match="precede"):
        decision_letter(dataclasses.replace(decision_data, decision_date=date(2026, 1, 31)))


def test_joint_panel_can_be_the_decision_maker(decision_data: DecisionLetterData) -> None:
    data = dataclasses.replace(
        decision_data, decision=Decision.JOINT_SAR, decision_maker_role="One Panel"
    )
    assert ("Decision made by", "One Panel") in _table_rows(decision_letter(data))


def test_direction_request_lists_agency_and_steps(
    direction_data: AgencyDirectionRequestData,
) -> None:
    letter = agency_direction_request_letter(direction_data)
    text = _all_text(letter)
    for expected in (
        "Westshire Hospitals NHS Trust",
        "section 9(2)",
        "12 March 2026",
        "2 April 2026",
        "Capacity pressures.",
        "Meeting with the Medical Director",
    ):
        assert expected in text
    assert "Westshire Hospitals NHS Trust" in letter.subject


def test_direction_request_needs_steps_taken(direction_data: AgencyDirectionRequestData) -> None:
    with pytest.raises(ValueError, match="steps"):
        agency_direction_request_letter(dataclasses.replace(direction_data, steps_taken=[" "]))


def test_direction_request_refuses_decline_before_request(
    direction_data: AgencyDirectionRequestData,
) -> None:
    data = dataclasses.replace(direction_data, date_declined=date(2026, 3, 1))
    with pytest.raises(ValueError, match="declined|decline"):
        agency_direction_request_letter(data)


def test_welsh_switches_fixed_labels(decision_data: DecisionLetterData) -> None:
    letter = decision_letter(dataclasses.replace(decision_data, language="cy"))
    assert letter.protective_marking == "SWYDDOGOL-SENSITIF"
    assert letter.closing == "Yn gywir,"
    assert letter.language_tag == "cy-GB"
    assert label("reference", "cy") == "Cyfeirnod"
    assert format_date(date(2026, 11, 5), "cy") == "5 Tachwedd 2026"
    # A label not yet translated falls back to English rather than failing.
    assert label("salutation", "cy") == LABELS["en"]["salutation"]


def test_every_welsh_label_has_an_english_original() -> None:
    assert set(LABELS["cy"]) <= set(LABELS["en"])


@pytest.mark.parametrize("reference", ["", "Jane Smith", "dhr-wsf", "DHR WSF 2026"])
def test_reference_must_look_like_a_case_reference(
    decision_data: DecisionLetterData, reference: str
) -> None:
    with pytest.raises(ValueError, match="reference"):
        decision_letter(dataclasses.replace(decision_data, review_reference=reference))


def test_unsupported_language_is_refused(decision_data: DecisionLetterData) -> None:
    letter = decision_letter(decision_data)
    with pytest.raises(ValueError, match="language"):
        dataclasses.replace(letter, language=cast(Any, "fr"))
