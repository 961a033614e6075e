"""Eligibility for a Domestic Homicide Review (or, once commenced, a DARDR), in plain Python.

No Django here: the Django layer builds ``EligibilityFacts`` from the guided check, picks the
rule set with ``ruleset_for`` and renders ``Reason`` objects through ``gettext``. Rules and
their sources are listed in docs/statutory-rules/eligibility.md.
"""

from __future__ import annotations

from .engine import (
    EligibilityResult,
    Flag,
    Msgid,
    Reason,
    Recommendation,
    assess,
    assess_on,
    missing_answers,
)
from .facts import (
    AbusePattern,
    AbuseType,
    Cause,
    EligibilityFacts,
    Jurisdiction,
    PersonalConnection,
    Relationship,
)
from .messages import RECOMMENDATION_NOTICE
from .rulesets import (
    DARDR_VPA_2024,
    DHR_S9,
    RULESETS,
    Rule,
    RuleSet,
    get_ruleset,
    ruleset_for,
)

__all__ = [
    "DARDR_VPA_2024",
    "DHR_S9",
    "RECOMMENDATION_NOTICE",
    "RULESETS",
    "AbusePattern",
    "AbuseType",
    "Cause",
    "EligibilityFacts",
    "EligibilityResult",
    "Flag",
    "Jurisdiction",
    "Msgid",
    "PersonalConnection",
    "Reason",
    "Recommendation",
    "Relationship",
    "Rule",
    "RuleSet",
    "assess",
    "assess_on",
    "get_ruleset",
    "missing_answers",
    "ruleset_for",
]
