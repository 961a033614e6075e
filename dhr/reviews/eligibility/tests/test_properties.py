"""Properties that hold for any answers to the guided check (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dhr.reviews.eligibility import (
    DARDR_VPA_2024,
    DHR_S9,
    RULESETS,
    AbusePattern,
    AbuseType,
    Cause,
    EligibilityFacts,
    EligibilityResult,
    Flag,
    Jurisdiction,
    PersonalConnection,
    Recommendation,
    Relationship,
    RuleSet,
    assess,
    missing_answers,
    ruleset_for,
)

optional_bool = st.none() | st.booleans()
# Every charge history the facts allow: only "never charged, yet acquitted" is impossible.
CHARGE_HISTORIES = [
    (charged, acquitted)
    for charged in (None, True, False)
    for acquitted in (None, True, False)
    if not (charged is False and acquitted)
]


@st.composite
def eligibility_facts(draw: st.DrawFn) -> EligibilityFacts:
    charged, acquitted = draw(st.sampled_from(CHARGE_HISTORIES))
    return EligibilityFacts(
        jurisdiction=draw(st.sampled_from(Jurisdiction)),
        date_of_death=draw(st.none() | st.dates(date(1995, 1, 1), date(2030, 12, 31))),
        victim_age_at_death=draw(st.none() | st.integers(0, 110)),
        suspect_age=draw(st.none() | st.integers(0, 110)),
        relationship=draw(st.sampled_from(Relationship)),
        personal_connection=draw(st.none() | st.frozensets(st.sampled_from(PersonalConnection))),
        cause=draw(st.sampled_from(Cause)),
        suspected_suicide=draw(optional_bool),
        abuse_concern_for_suicide=draw(optional_bool),
        suspect_charged=charged,
        suspect_acquitted=acquitted,
        suspect_deceased=draw(optional_bool),
        victim_has_care_and_support_needs=draw(optional_bool),
        abuse_types=draw(st.none() | st.frozensets(st.sampled_from(AbuseType))),
        abuse_pattern=draw(st.none() | st.sampled_from(AbusePattern)),
        number_of_victims=draw(st.none() | st.integers(1, 5)),
    )


rulesets = st.sampled_from(RULESETS)


def _outcome(result: EligibilityResult) -> tuple[Recommendation, frozenset[Flag]]:
    return result.recommendation, result.flags


@given(eligibility_facts(), rulesets, st.integers(0, 15))
def test_a_deceased_under_16_always_routes_to_a_child_review(
    facts: EligibilityFacts, ruleset: RuleSet, age: int
) -> None:
    result = assess(replace(facts, victim_age_at_death=age), ruleset=ruleset)

    assert result.recommendation is Recommendation.ROUTE_TO_CHILD_REVIEW
    assert result.missing == ()


@given(eligibility_facts(), rulesets, st.sampled_from(CHARGE_HISTORIES))
def test_suicide_with_concern_never_depends_on_charge_or_acquittal(
    facts: EligibilityFacts, ruleset: RuleSet, history: tuple[bool | None, bool | None]
) -> None:
    suicide = replace(facts, suspected_suicide=True, abuse_concern_for_suicide=True)
    charged, acquitted = history

    other = replace(suicide, suspect_charged=charged, suspect_acquitted=acquitted)

    assert assess(other, ruleset=ruleset) == assess(suicide, ruleset=ruleset)


@given(eligibility_facts(), rulesets, st.sampled_from(CHARGE_HISTORIES))
def test_no_recommendation_depends_on_a_charge_or_conviction(
    facts: EligibilityFacts, ruleset: RuleSet, history: tuple[bool | None, bool | None]
) -> None:
    charged, acquitted = history
    other = replace(facts, suspect_charged=charged, suspect_acquitted=acquitted)

    assert _outcome(assess(other, ruleset=ruleset)) == _outcome(assess(facts, ruleset=ruleset))


@given(eligibility_facts(), rulesets)
def test_every_reason_cites_a_rule_of_the_set_in_force_with_its_source(
    facts: EligibilityFacts, ruleset: RuleSet
) -> None:
    result = assess(facts, ruleset=ruleset)

    assert result.reasons
    assert result.ruleset_code == ruleset.code
    for reason in result.reasons:
        rule = ruleset.rule(reason.rule_id)
        assert reason.source == rule.source
        assert reason.text.endswith(f"({rule.id}, {rule.source})")


@given(eligibility_facts(), rulesets)
def test_reasons_render_through_the_translation_function(
    facts: EligibilityFacts, ruleset: RuleSet
) -> None:
    seen: list[str] = []

    def translate(text: str) -> str:
        seen.append(text)
        return text

    for reason in assess(facts, ruleset=ruleset).reasons:
        reason.render(translate)
        assert reason.template in seen


@given(eligibility_facts(), rulesets)
def test_unknown_answers_are_never_a_silent_pass(facts: EligibilityFacts, ruleset: RuleSet) -> None:
    result = assess(facts, ruleset=ruleset)
    missing = missing_answers(facts, ruleset)

    assert list(result.missing) == missing
    if result.recommendation is Recommendation.INSUFFICIENT_INFORMATION:
        assert missing
    if result.recommendation is Recommendation.RECOMMEND_REVIEW:
        assert missing == []
    if not missing:
        assert result.recommendation is not Recommendation.INSUFFICIENT_INFORMATION
    if facts.victim_age_at_death is None:
        assert result.recommendation in {
            Recommendation.INSUFFICIENT_INFORMATION,
            Recommendation.NOT_ELIGIBLE,
        }
    for name in missing:
        assert hasattr(facts, name)


@given(eligibility_facts())
def test_a_section_9_recommendation_needs_age_cause_and_relationship(
    facts: EligibilityFacts,
) -> None:
    if assess(facts, ruleset=DHR_S9).recommendation is Recommendation.RECOMMEND_REVIEW:
        assert facts.victim_age_at_death is not None and facts.victim_age_at_death >= 16
        assert facts.relationship not in {Relationship.OTHER_OR_NONE, Relationship.UNKNOWN}
        assert facts.cause not in {Cause.NO, Cause.UNKNOWN} or (
            facts.suspected_suicide and facts.abuse_concern_for_suicide
        )


@given(eligibility_facts())
def test_a_dardr_recommendation_needs_both_16_connection_and_abuse(
    facts: EligibilityFacts,
) -> None:
    if assess(facts, ruleset=DARDR_VPA_2024).recommendation is Recommendation.RECOMMEND_REVIEW:
        assert facts.victim_age_at_death is not None and facts.victim_age_at_death >= 16
        assert facts.suspect_age is not None and facts.suspect_age >= 16
        assert facts.personal_connection
        assert facts.abuse_types


@given(eligibility_facts(), st.none() | st.integers(0, 110))
def test_section_9_sets_no_age_limit_for_the_suspect(
    facts: EligibilityFacts, suspect_age: int | None
) -> None:
    other = replace(facts, suspect_age=suspect_age)

    assert _outcome(assess(other, ruleset=DHR_S9)) == _outcome(assess(facts, ruleset=DHR_S9))


@given(eligibility_facts(), rulesets)
def test_the_wales_flag_follows_the_jurisdiction(facts: EligibilityFacts, ruleset: RuleSet) -> None:
    result = assess(facts, ruleset=ruleset)

    assert (Flag.WALES_SUSR in result.flags) == (facts.jurisdiction is Jurisdiction.WALES)


@given(st.dates(), st.none() | st.dates(min_value=date(2024, 5, 24)))
def test_dardr_is_in_force_exactly_from_its_commencement(
    on: date, commencement: date | None
) -> None:
    expected = DARDR_VPA_2024 if commencement is not None and on >= commencement else DHR_S9

    assert ruleset_for(on, dardr_commencement=commencement) is expected
