"""The rule set in force: DVCVA 2004 s.9(1) with the 2016 statutory guidance."""

from __future__ import annotations

from datetime import date

import pytest

from dhr.reviews.eligibility import (
    DHR_S9,
    Cause,
    EligibilityFacts,
    Flag,
    Jurisdiction,
    Recommendation,
    Relationship,
    assess,
    missing_answers,
)

from .cases import Case, facts

REC = Recommendation.RECOMMEND_REVIEW
NOT = Recommendation.NOT_ELIGIBLE
CHILD = Recommendation.ROUTE_TO_CHILD_REVIEW
INSUFFICIENT = Recommendation.INSUFFICIENT_INFORMATION

CASES: dict[str, Case] = {
    "adult partner homicide": Case({}, REC, cites=("R8", "R1", "R2", "R3", "R4")),
    # R1 and R12: the age edges.
    "age 0": Case({"victim_age_at_death": 0}, CHILD, cites=("R1",), not_cites=("R2", "R3")),
    "age 15": Case({"victim_age_at_death": 15}, CHILD, cites=("R1",), says=("under 16",)),
    "age 16": Case(
        {"victim_age_at_death": 16}, REC, frozenset({Flag.JOINT_REVIEW_CHILDREN}), ("R1", "R12")
    ),
    "age 17": Case(
        {"victim_age_at_death": 17},
        REC,
        frozenset({Flag.JOINT_REVIEW_CHILDREN}),
        ("R1", "R12"),
        says=("Safeguarding Children Partnership",),
    ),
    "age 18": Case({"victim_age_at_death": 18}, REC, cites=("R1",), not_cites=("R12",)),
    "age unknown": Case(
        {"victim_age_at_death": None}, INSUFFICIENT, cites=("R1",), missing=("victim_age_at_death",)
    ),
    # R2 and R6: cause, "appears to have", no conviction needed.
    "neglect": Case({"cause": Cause.NEGLECT}, REC, cites=("R2",), says=("neglect",)),
    "abuse": Case({"cause": Cause.ABUSE}, REC, cites=("R2",)),
    "appears so, not charged": Case(
        {"cause": Cause.APPEARS_SO, "suspect_charged": False, "suspect_acquitted": None},
        REC,
        cites=("R2", "R6"),
        says=("no conviction is needed", "does not depend on a charge"),
    ),
    "acquitted": Case({"suspect_acquitted": True}, REC, cites=("R6",), says=("acquittal",)),
    "not caused by conduct": Case({"cause": Cause.NO}, NOT, cites=("R2",)),
    "cause no, suicide unknown": Case(
        {"cause": Cause.NO, "suspected_suicide": None},
        INSUFFICIENT,
        cites=("R5",),
        missing=("suspected_suicide",),
    ),
    "cause unknown": Case(
        {"cause": Cause.UNKNOWN}, INSUFFICIENT, cites=("R2",), missing=("cause",)
    ),
    "cause and suicide unknown": Case(
        {"cause": Cause.UNKNOWN, "suspected_suicide": None},
        INSUFFICIENT,
        missing=("cause", "suspected_suicide"),
    ),
    # R5: suspected suicide.
    "suicide with concern, never charged": Case(
        {
            "cause": Cause.NO,
            "suspected_suicide": True,
            "abuse_concern_for_suicide": True,
            "suspect_charged": False,
            "suspect_acquitted": None,
        },
        REC,
        frozenset({Flag.SUICIDE_REVIEW}),
        ("R5",),
        not_cites=("R2",),
        says=("no charge is needed",),
    ),
    "suicide with concern, cause unknown": Case(
        {"cause": Cause.UNKNOWN, "suspected_suicide": True, "abuse_concern_for_suicide": True},
        REC,
        frozenset({Flag.SUICIDE_REVIEW}),
        ("R5",),
    ),
    "suicide, concern unknown": Case(
        {"cause": Cause.NO, "suspected_suicide": True},
        INSUFFICIENT,
        cites=("R5",),
        missing=("abuse_concern_for_suicide",),
    ),
    "suicide, concern and cause unknown": Case(
        {"cause": Cause.UNKNOWN, "suspected_suicide": True},
        INSUFFICIENT,
        missing=("abuse_concern_for_suicide", "cause"),
    ),
    "suicide without concern": Case(
        {"cause": Cause.NO, "suspected_suicide": True, "abuse_concern_for_suicide": False},
        NOT,
        cites=("R5", "R2"),
    ),
    "suicide without concern but abuse caused death": Case(
        {"cause": Cause.ABUSE, "suspected_suicide": True, "abuse_concern_for_suicide": False},
        REC,
        cites=("R5", "R2"),
    ),
    # R3 and R4: relationship.
    "relative": Case(
        {"relationship": Relationship.RELATIVE}, REC, cites=("R3",), not_cites=("R4",)
    ),
    "former partner": Case(
        {"relationship": Relationship.FORMER_INTIMATE_PARTNER},
        REC,
        cites=("R3", "R4"),
        says=("whatever the gender or sexuality",),
    ),
    "lodger (household member, not personally connected)": Case(
        {"relationship": Relationship.HOUSEHOLD_MEMBER, "personal_connection": frozenset()},
        REC,
        cites=("R3",),
        says=("member of the household",),
    ),
    "frequent visitor": Case(
        {"relationship": Relationship.FREQUENT_VISITOR}, REC, cites=("R3",), says=("visited",)
    ),
    "stranger": Case({"relationship": Relationship.OTHER_OR_NONE}, NOT, cites=("R3",)),
    "relationship unknown": Case(
        {"relationship": Relationship.UNKNOWN},
        INSUFFICIENT,
        cites=("R3",),
        missing=("relationship",),
    ),
    # s.9 has no age limit for the suspect.
    "suspect aged 14": Case({"suspect_age": 14}, REC, cites=("R1",), says=("no minimum age",)),
    "suspect age unknown": Case({"suspect_age": None}, REC),
    # R7, R11, R13, R14: how the review is run.
    "perpetrator deceased": Case(
        {"suspect_deceased": True}, REC, frozenset({Flag.PERPETRATOR_DECEASED}), ("R7",)
    ),
    "two victims": Case(
        {"number_of_victims": 2}, REC, frozenset({Flag.MULTIPLE_VICTIMS}), ("R13",)
    ),
    "one victim": Case({"number_of_victims": 1}, REC, not_cites=("R13",)),
    "died the day before commencement": Case(
        {"date_of_death": date(2011, 4, 12)},
        REC,
        frozenset({Flag.HISTORIC_DEATH}),
        ("R14",),
        says=("12 April 2011",),
    ),
    "died on commencement": Case({"date_of_death": date(2011, 4, 13)}, REC, not_cites=("R14",)),
    "care and support needs": Case(
        {"victim_has_care_and_support_needs": True},
        REC,
        frozenset({Flag.JOINT_REVIEW_ADULTS}),
        ("R11",),
        says=("Safeguarding Adults Board",),
    ),
    # R79 and R80: Wales.
    "Wales": Case(
        {"jurisdiction": Jurisdiction.WALES}, REC, frozenset({Flag.WALES_SUSR}), ("R79", "R80")
    ),
    "Wales, child": Case(
        {"jurisdiction": Jurisdiction.WALES, "victim_age_at_death": 14},
        CHILD,
        frozenset({Flag.WALES_SUSR}),
        ("R1", "R79"),
        not_cites=("R80",),
    ),
    "Wales, not eligible": Case(
        {"jurisdiction": Jurisdiction.WALES, "relationship": Relationship.OTHER_OR_NONE},
        NOT,
        frozenset({Flag.WALES_SUSR}),
        ("R79",),
        not_cites=("R80",),
    ),
    # Precedence: a failed test beats unknown answers; context flags need a possible review.
    "not eligible despite unknown cause": Case(
        {"relationship": Relationship.OTHER_OR_NONE, "cause": Cause.UNKNOWN},
        NOT,
        missing=("cause",),
    ),
    "not eligible keeps only who-decides flags": Case(
        {
            "relationship": Relationship.OTHER_OR_NONE,
            "victim_age_at_death": 17,
            "suspect_deceased": True,
            "number_of_victims": 3,
        },
        NOT,
        frozenset({Flag.JOINT_REVIEW_CHILDREN}),
        not_cites=("R7", "R13"),
    ),
    "insufficient keeps context flags": Case(
        {"relationship": Relationship.UNKNOWN, "suspect_deceased": True},
        INSUFFICIENT,
        frozenset({Flag.PERPETRATOR_DECEASED}),
        missing=("relationship",),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_s9_case(case: Case) -> None:
    result = assess(facts(**case.overrides), ruleset=DHR_S9)

    cited = [reason.rule_id for reason in result.reasons]
    text = " ".join(result.texts)
    assert result.recommendation is case.recommendation, text
    assert result.flags == case.flags
    assert set(case.cites) <= set(cited), cited
    assert not set(case.not_cites) & set(cited), cited
    assert result.missing == case.missing
    for phrase in case.says:
        assert phrase in text
    assert result.ruleset_code == "dhr-s9-dvcva-2004"


def test_every_s9_rule_is_exercised_by_the_table() -> None:
    cited = {
        reason.rule_id
        for case in CASES.values()
        for reason in assess(facts(**case.overrides), ruleset=DHR_S9).reasons
    }
    assert cited == DHR_S9.rule_ids


def test_reasons_for_a_17_year_old_read_as_the_decision_maker_sees_them() -> None:
    texts = assess(facts(victim_age_at_death=17), ruleset=DHR_S9).texts

    assert texts[1] == (
        "The deceased was 17 at death, so their age does not prevent a domestic homicide "
        "review. (R1, DVCVA 2004 s.9(1))"
    )
    assert texts[2].startswith("Because the deceased was 17, a joint decision with the")
    assert texts[2].endswith("(R12, Sheffield DHR protocol, 'Victims aged between 16 and 18')")


def test_reasons_come_in_rule_order() -> None:
    result = assess(
        facts(jurisdiction=Jurisdiction.WALES, victim_age_at_death=16, suspect_deceased=True),
        ruleset=DHR_S9,
    )

    assert [reason.rule_id for reason in result.reasons] == [
        "R8", "R1", "R12", "R2", "R3", "R4", "R7", "R79", "R80",
    ]  # fmt: skip


def test_missing_answers_for_an_empty_check_names_every_question_in_order() -> None:
    empty = EligibilityFacts(jurisdiction=Jurisdiction.ENGLAND)

    assert missing_answers(empty, DHR_S9) == [
        "victim_age_at_death", "cause", "suspected_suicide", "relationship",
    ]  # fmt: skip
    assert assess(empty, ruleset=DHR_S9).recommendation is INSUFFICIENT


def test_missing_answers_is_empty_once_the_deceased_is_known_to_be_a_child() -> None:
    child = EligibilityFacts(jurisdiction=Jurisdiction.ENGLAND, victim_age_at_death=15)

    assert missing_answers(child, DHR_S9) == []
