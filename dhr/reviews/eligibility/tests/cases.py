"""Shared builders and the table format for the eligibility tests."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from dhr.reviews.eligibility import (
    AbuseType,
    Cause,
    EligibilityFacts,
    Flag,
    Jurisdiction,
    PersonalConnection,
    Recommendation,
    Relationship,
)

# A death that meets both tests: an adult killed by their partner, who is charged.
ELIGIBLE = EligibilityFacts(
    jurisdiction=Jurisdiction.ENGLAND,
    victim_age_at_death=34,
    suspect_age=36,
    relationship=Relationship.CURRENT_INTIMATE_PARTNER,
    personal_connection=frozenset({PersonalConnection.INTIMATE_PERSONAL_RELATIONSHIP}),
    cause=Cause.VIOLENCE,
    suspected_suicide=False,
    suspect_charged=True,
    suspect_acquitted=False,
    suspect_deceased=False,
    victim_has_care_and_support_needs=False,
    abuse_types=frozenset({AbuseType.PHYSICAL_OR_SEXUAL}),
    number_of_victims=1,
)


def facts(**overrides: Any) -> EligibilityFacts:
    return replace(ELIGIBLE, **overrides)


@dataclass(frozen=True)
class Case:
    """One row: the answers that differ from ELIGIBLE and what a decision maker should see."""

    overrides: dict[str, Any]
    recommendation: Recommendation
    flags: frozenset[Flag] = frozenset()
    cites: tuple[str, ...] = ()
    not_cites: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    says: tuple[str, ...] = field(default=())
