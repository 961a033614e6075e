"""The prospective rule set: DARDR under VPA 2024 s.19, using DAA 2021 s.1-s.2."""

from __future__ import annotations

from datetime import date

import pytest

from dhr.reviews.eligibility import (
    DARDR_VPA_2024,
    DHR_S9,
    AbusePattern,
    AbuseType,
    Cause,
    EligibilityFacts,
    Flag,
    Jurisdiction,
    PersonalConnection,
    Recommendation,
    Relationship,
    assess,
    messages,
    missing_answers,
)

from .cases import Case, facts

REC = Recommendation.RECOMMEND_REVIEW
NOT = Recommendation.NOT_ELIGIBLE
CHILD = Recommendation.ROUTE_TO_CHILD_REVIEW
INSUFFICIENT = Recommendation.INSUFFICIENT_INFORMATION

CASES: dict[str, Case] = {
    "adult partner homicide": Case({}, REC, cites=("R8", "R1", "R10", "R9")),
    "victim 15": Case({"victim_age_at_death": 15}, CHILD, cites=("R1",), not_cites=("R9", "R10")),
    "victim 16": Case(
        {"victim_age_at_death": 16}, REC, frozenset({Flag.JOINT_REVIEW_CHILDREN}), ("R12",)
    ),
    "victim 17": Case(
        {"victim_age_at_death": 17}, REC, frozenset({Flag.JOINT_REVIEW_CHILDREN}), ("R12",)
    ),
    "victim 18": Case({"victim_age_at_death": 18}, REC, not_cites=("R12",)),
    "victim age unknown": Case(
        {"victim_age_at_death": None}, INSUFFICIENT, missing=("victim_age_at_death",)
    ),
    # R8: both 16 or over.
    "suspect 15": Case({"suspect_age": 15}, NOT, cites=("R8",), says=("both people",)),
    "suspect 16": Case({"suspect_age": 16}, REC),
    "suspect 17": Case({"suspect_age": 17}, REC),
    "suspect 18": Case({"suspect_age": 18}, REC),
    "suspect age unknown": Case(
        {"suspect_age": None}, INSUFFICIENT, cites=("R8",), missing=("suspect_age",)
    ),
    # R10: personally connected.
    "lodger": Case(
        {"relationship": Relationship.HOUSEHOLD_MEMBER, "personal_connection": frozenset()},
        NOT,
        cites=("R10",),
        says=("lodger",),
    ),
    "not connected": Case(
        {"relationship": Relationship.OTHER_OR_NONE, "personal_connection": frozenset()},
        NOT,
        cites=("R10",),
    ),
    "connection unknown": Case(
        {"personal_connection": None}, INSUFFICIENT, missing=("personal_connection",)
    ),
    "connected though s.9 relationship is 'other'": Case(
        {
            "relationship": Relationship.OTHER_OR_NONE,
            "personal_connection": frozenset({PersonalConnection.AGREED_TO_MARRY}),
        },
        REC,
        says=("agreed to marry",),
    ),
    # R9: abusive behaviour.
    "no abusive behaviour identified": Case({"abuse_types": frozenset()}, NOT, cites=("R9",)),
    "abuse types unknown": Case({"abuse_types": None}, INSUFFICIENT, missing=("abuse_types",)),
    "single incident": Case({"abuse_pattern": AbusePattern.SINGLE_INCIDENT}, REC),
    "course of conduct": Case({"abuse_pattern": AbusePattern.COURSE_OF_CONDUCT}, REC),
    # R8 cause, R5 suicide, R6 no conviction needed.
    "not caused by the behaviour": Case({"cause": Cause.NO}, NOT, cites=("R8",)),
    "cause unknown": Case({"cause": Cause.UNKNOWN}, INSUFFICIENT, missing=("cause",)),
    "appears so, acquitted": Case(
        {"cause": Cause.APPEARS_SO, "suspect_acquitted": True}, REC, cites=("R6",)
    ),
    "suicide after coercive control": Case(
        {
            "cause": Cause.NO,
            "suspected_suicide": True,
            "abuse_concern_for_suicide": True,
            "abuse_types": frozenset({AbuseType.CONTROLLING_OR_COERCIVE}),
            "suspect_charged": False,
            "suspect_acquitted": None,
        },
        REC,
        frozenset({Flag.SUICIDE_REVIEW}),
        ("R5", "R9"),
    ),
    # R7, R11, R13, R14, R79, R80 apply here too.
    "context": Case(
        {
            "suspect_deceased": True,
            "number_of_victims": 2,
            "victim_has_care_and_support_needs": True,
            "date_of_death": date(2010, 1, 1),
            "jurisdiction": Jurisdiction.WALES,
        },
        REC,
        frozenset(
            {
                Flag.PERPETRATOR_DECEASED,
                Flag.MULTIPLE_VICTIMS,
                Flag.JOINT_REVIEW_ADULTS,
                Flag.HISTORIC_DEATH,
                Flag.WALES_SUSR,
            }
        ),
        ("R7", "R13", "R11", "R14", "R79", "R80"),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_dardr_case(case: Case) -> None:
    result = assess(facts(**case.overrides), ruleset=DARDR_VPA_2024)

    cited = [reason.rule_id for reason in result.reasons]
    text = " ".join(result.texts)
    assert result.recommendation is case.recommendation, text
    assert result.flags == case.flags
    assert set(case.cites) <= set(cited), cited
    assert not set(case.not_cites) & set(cited), cited
    assert result.missing == case.missing
    for phrase in case.says:
        assert phrase in text
    assert result.ruleset_code == "dardr-vpa-2024"


def test_every_dardr_rule_is_exercised_by_the_table() -> None:
    cited = {
        reason.rule_id
        for case in CASES.values()
        for reason in assess(facts(**case.overrides), ruleset=DARDR_VPA_2024).reasons
    }
    assert cited == DARDR_VPA_2024.rule_ids


@pytest.mark.parametrize("basis", list(PersonalConnection))
def test_each_personal_connection_basis_is_enough_on_its_own(basis: PersonalConnection) -> None:
    result = assess(facts(personal_connection=frozenset({basis})), ruleset=DARDR_VPA_2024)

    assert result.recommendation is REC
    assert messages.PERSONAL_CONNECTION_LABELS[basis] in " ".join(result.texts)


@pytest.mark.parametrize("abuse_type", list(AbuseType))
def test_each_kind_of_abusive_behaviour_is_enough_on_its_own(abuse_type: AbuseType) -> None:
    result = assess(facts(abuse_types=frozenset({abuse_type})), ruleset=DARDR_VPA_2024)

    assert result.recommendation is REC
    assert messages.ABUSE_TYPE_LABELS[abuse_type] in " ".join(result.texts)


@pytest.mark.parametrize(
    ("overrides", "label"),
    [
        (
            {"relationship": Relationship.HOUSEHOLD_MEMBER, "personal_connection": frozenset()},
            "lodger",
        ),
        ({"suspect_age": 15}, "suspect under 16"),
        ({"suspect_age": 12, "relationship": Relationship.RELATIVE}, "child kills relative"),
    ],
)
def test_deaths_the_new_test_narrows_out(overrides: dict[str, object], label: str) -> None:
    """HOEN 0029 expected tighter criteria: these qualify under s.9 but not under DARDR."""
    assert assess(facts(**overrides), ruleset=DHR_S9).recommendation is REC, label
    assert assess(facts(**overrides), ruleset=DARDR_VPA_2024).recommendation is NOT, label


def test_lodger_reason_explains_the_difference_from_section_9() -> None:
    result = assess(
        facts(relationship=Relationship.HOUSEHOLD_MEMBER, personal_connection=frozenset()),
        ruleset=DARDR_VPA_2024,
    )

    lodger = [r for r in result.reasons if r.template == messages.CONNECTION_NOT_MET_HOUSEHOLD]
    assert len(lodger) == 1
    assert lodger[0].rule_id == "R10"
    assert lodger[0].source == "DAA 2021 s.2(1)"


def test_missing_answers_for_an_empty_check() -> None:
    empty = EligibilityFacts(jurisdiction=Jurisdiction.ENGLAND)

    assert missing_answers(empty, DARDR_VPA_2024) == [
        "victim_age_at_death",
        "suspect_age",
        "personal_connection",
        "abuse_types",
        "cause",
        "suspected_suicide",
    ]
