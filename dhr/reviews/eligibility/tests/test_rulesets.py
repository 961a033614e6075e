"""The rule sets as data, and which one is in force when."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dhr.reviews.eligibility import (
    DARDR_VPA_2024,
    DHR_S9,
    RULESETS,
    EligibilityFacts,
    Jurisdiction,
    RuleSet,
    get_ruleset,
    ruleset_for,
)

DOC = Path(__file__).resolve().parents[4] / "docs" / "statutory-rules" / "eligibility.md"


def test_section_9_is_in_force_when_dardr_is_not_commenced() -> None:
    # As at November 2026 VPA 2024 s.19 has not been commenced.
    assert ruleset_for(date(2026, 11, 1), dardr_commencement=None) is DHR_S9


def test_dardr_applies_from_its_commencement_day_and_not_before() -> None:
    commencement = date(2027, 4, 1)

    assert ruleset_for(date(2027, 3, 31), dardr_commencement=commencement) is DHR_S9
    assert ruleset_for(commencement, dardr_commencement=commencement) is DARDR_VPA_2024
    assert ruleset_for(date(2030, 1, 1), dardr_commencement=commencement) is DARDR_VPA_2024


def test_dardr_cannot_commence_before_royal_assent() -> None:
    with pytest.raises(ValueError, match="Royal Assent"):
        ruleset_for(date(2026, 1, 1), dardr_commencement=date(2024, 5, 23))


def test_assessments_dated_before_2011_still_use_section_9() -> None:
    assert ruleset_for(date(2009, 6, 1), dardr_commencement=None) is DHR_S9


def test_rule_sets_are_registered_by_code() -> None:
    assert [ruleset.code for ruleset in RULESETS] == ["dhr-s9-dvcva-2004", "dardr-vpa-2024"]
    assert get_ruleset("dardr-vpa-2024") is DARDR_VPA_2024
    with pytest.raises(KeyError):
        get_ruleset("dhr-2011")


def test_section_9_is_in_force_from_13_april_2011_and_dardr_is_prospective() -> None:
    assert DHR_S9.effective_from == date(2011, 4, 13)
    assert not DHR_S9.prospective
    assert DARDR_VPA_2024.effective_from is None
    assert DARDR_VPA_2024.prospective


def test_each_set_encodes_the_rules_the_domain_reference_assigns_it() -> None:
    shared = {"R5", "R6", "R7", "R8", "R11", "R12", "R13", "R14", "R79", "R80"}
    assert DHR_S9.rule_ids == shared | {"R1", "R2", "R3", "R4"}
    assert DARDR_VPA_2024.rule_ids == shared | {"R1", "R9", "R10"}


@pytest.mark.parametrize("ruleset", RULESETS, ids=lambda r: r.code)
def test_every_rule_has_one_id_a_statement_a_source_and_links(ruleset: RuleSet) -> None:
    ids = [rule.id for rule in ruleset.rules]
    assert len(ids) == len(set(ids))
    for rule in ruleset.rules:
        assert re.fullmatch(r"R\d+", rule.id)
        assert rule.statement.endswith(".")
        assert rule.source
        assert rule.urls
        assert all(url.startswith(("http://", "https://")) for url in rule.urls)
        assert rule.evidence in {"V", "K", "L", "D"}


def test_asking_for_a_rule_a_set_does_not_encode_fails() -> None:
    with pytest.raises(KeyError, match="R3"):
        DARDR_VPA_2024.rule("R3")


@pytest.mark.parametrize("ruleset", RULESETS, ids=lambda r: r.code)
def test_the_documentation_lists_every_rule_with_its_source(ruleset: RuleSet) -> None:
    doc = DOC.read_text(encoding="utf-8")
    section = doc.split(f"`{ruleset.code}`", 1)[1]
    for rule in ruleset.rules:
        row = next(line for line in section.splitlines() if line.startswith(f"| {rule.id} |"))
        assert rule.source in row, rule.id
        for url in rule.urls:
            assert url in row, (rule.id, url)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"victim_age_at_death": -1}, "victim_age_at_death"),
        ({"victim_age_at_death": 131}, "victim_age_at_death"),
        ({"victim_age_at_death": True}, "victim_age_at_death"),
        ({"suspect_age": 200}, "suspect_age"),
        ({"number_of_victims": 0}, "number_of_victims"),
        ({"suspect_charged": False, "suspect_acquitted": True}, "never charged"),
    ],
)
def test_impossible_facts_are_refused(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        EligibilityFacts(jurisdiction=Jurisdiction.ENGLAND, **overrides)  # type: ignore[arg-type]


def test_sets_of_answers_must_be_frozen() -> None:
    with pytest.raises(TypeError, match="abuse_types"):
        EligibilityFacts(jurisdiction=Jurisdiction.ENGLAND, abuse_types=set())  # type: ignore[arg-type]


def test_the_engine_imports_without_django() -> None:
    """The engine is plain Python (conventions.md; import-linter contract)."""
    code = "import sys, dhr.reviews.eligibility; sys.exit('django' in sys.modules)"
    repo = Path(__file__).resolve().parents[4]
    completed = subprocess.run([sys.executable, "-c", code], cwd=repo, check=False)  # noqa: S603

    assert completed.returncode == 0
