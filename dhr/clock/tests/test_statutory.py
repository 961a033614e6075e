"""The deadline rules registry: periods, anchors, sources and configuration (R18, R20, R32, R56,
R57). Plain pytest, no Django."""

from __future__ import annotations

import re
from datetime import date

import pytest

from dhr.clock.arithmetic import Period, PeriodUnit, read_clock
from dhr.clock.statutory import (
    DEADLINE_RULES,
    Anchor,
    Basis,
    DeadlineRule,
    rule_for,
    validate_overrides,
)


def test_registry_holds_the_four_rules_under_their_own_codes() -> None:
    assert set(DEADLINE_RULES) >= {"decision", "home_office_notified", "completion", "imr_due"}
    for code, rule in DEADLINE_RULES.items():
        assert rule.code == code


def test_registry_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        DEADLINE_RULES["decision"] = DEADLINE_RULES["completion"]  # type: ignore[index]


@pytest.mark.parametrize("rule", list(DEADLINE_RULES.values()), ids=list(DEADLINE_RULES))
def test_every_rule_cites_a_source_and_rule_ids(rule: DeadlineRule) -> None:
    assert rule.source.strip()
    assert rule.source_url.startswith("https://")
    assert all(url.startswith("https://") for url in rule.see_also_urls)
    assert rule.rule_ids
    assert all(re.fullmatch(r"R\d+", rule_id) for rule_id in rule.rule_ids)
    assert re.fullmatch(r"[A-Z_]+", rule.setting_name)


def test_setting_names_are_unique() -> None:
    names = [rule.setting_name for rule in DEADLINE_RULES.values()]
    assert len(names) == len(set(names))


def test_decision_is_due_one_calendar_month_after_the_death_came_to_attention() -> None:
    rule = rule_for("decision")
    assert rule.starts_from is Anchor.CAME_TO_ATTENTION
    assert rule.period == Period(1, PeriodUnit.MONTHS)
    assert "R18" in rule.rule_ids
    assert not rule.pausable
    assert rule.due_on(date(2025, 1, 31)) == date(2025, 2, 28)
    assert rule.due_on(date(2024, 1, 31)) == date(2024, 2, 29)
    assert "Brighton & Hove" in rule.source and "Section 3" in rule.source


def test_home_office_notification_is_a_local_default_and_says_so() -> None:
    rule = rule_for("home_office_notified")
    assert rule.starts_from is Anchor.DECISION
    assert rule.basis is Basis.LOCAL_DEFAULT
    assert rule.period == Period(5, PeriodUnit.WORKING_DAYS)
    assert "R20" in rule.rule_ids
    assert "LOCAL DEFAULT" in rule.source and "no national day count" in rule.source
    # Decision on Friday 19 December 2025: Christmas Day and Boxing Day are skipped.
    assert rule.due_on(date(2025, 12, 19)) == date(2025, 12, 30)


def test_completion_is_six_months_from_the_decision_and_pausable() -> None:
    rule = rule_for("completion")
    assert rule.starts_from is Anchor.DECISION
    assert rule.period == Period(6, PeriodUnit.MONTHS)
    assert rule.pausable
    assert {"R56", "R57"} <= set(rule.rule_ids)
    assert rule.due_on(date(2025, 1, 15)) == date(2025, 7, 15)
    assert rule.due_on(date(2025, 8, 31)) == date(2026, 2, 28)


def test_completion_months_setting_applies_the_draft_twelve_month_target() -> None:
    rule = rule_for("completion", overrides={"COMPLETION_MONTHS": 12})
    assert rule.period == Period(12, PeriodUnit.MONTHS)
    assert rule.due_on(date(2025, 1, 15)) == date(2026, 1, 15)
    # The registry itself is untouched, so other callers still see six months.
    assert DEADLINE_RULES["completion"].period.amount == 6


def test_a_twelve_month_target_turns_a_red_review_green() -> None:
    started, today = date(2025, 1, 15), date(2025, 8, 1)
    six = read_clock(started_on=started, period=rule_for("completion").period, today=today)
    twelve = read_clock(
        started_on=started,
        period=rule_for("completion", overrides={"COMPLETION_MONTHS": 12}).period,
        today=today,
    )
    assert (six.rag.value, twelve.rag.value) == ("red", "green")


def test_imr_is_due_six_weeks_after_the_request_and_is_configurable() -> None:
    rule = rule_for("imr_due")
    assert rule.starts_from is Anchor.IMR_REQUESTED
    assert rule.basis is Basis.LOCAL_DEFAULT
    assert "R32" in rule.rule_ids
    assert rule.due_on(date(2025, 3, 3)) == date(2025, 4, 14)
    longer = rule_for("imr_due", overrides={"IMR_DUE_WEEKS": 8})
    assert longer.due_on(date(2025, 3, 3)) == date(2025, 4, 28)


def test_overrides_for_other_rules_leave_a_rule_alone() -> None:
    assert rule_for("decision", overrides={"COMPLETION_MONTHS": 12}) == DEADLINE_RULES["decision"]


def test_unknown_rule_code_is_a_clear_key_error() -> None:
    with pytest.raises(KeyError, match="No deadline rule 'complete'"):
        rule_for("complete")


@pytest.mark.parametrize(
    ("amount", "error"), [(0, ValueError), (-6, ValueError), (True, TypeError)]
)
def test_nonsense_period_overrides_are_refused(amount: int, error: type[Exception]) -> None:
    with pytest.raises(error):
        rule_for("completion", overrides={"COMPLETION_MONTHS": amount})


def test_validate_overrides_names_a_misspelt_setting() -> None:
    validate_overrides({"COMPLETION_MONTHS": 12, "IMR_DUE_WEEKS": 4})
    with pytest.raises(ValueError, match="COMPLETION_MONTH\\b"):
        validate_overrides({"COMPLETION_MONTH": 12})
    with pytest.raises(ValueError):
        validate_overrides({"DECISION_MONTHS": 0})
