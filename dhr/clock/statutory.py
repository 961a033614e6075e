"""Statutory and local deadline rules for a Domestic Homicide Review, held as data.

Each rule names the event its clock starts from, its period, whether it may pause, the rule ids
in docs (domain.md section 7) and its source. Periods that guidance leaves open, or that reform
may change, are configurable through ``rule_for(code, overrides=...)`` so a deployment can change
them in settings (for example ``{"COMPLETION_MONTHS": 12}``) without editing code.

Plain Python with no Django import; docs/statutory-rules/clock.md is the readable version.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from dhr.clock.arithmetic import ENGLAND_AND_WALES_BANK_HOLIDAYS, Period, PeriodUnit, add_period

GUIDANCE_2016_URL = (
    "https://www.gov.uk/government/publications/"
    "revised-statutory-guidance-for-the-conduct-of-domestic-homicide-reviews"
)
BRIGHTON_HOVE_GUIDANCE_URL = (
    "https://www.brighton-hove.gov.uk/community-safety-partnership/"
    "published-domestic-homicide-reviews-dhrs/domestic-homicide-review-guidance"
)
BRIGHTON_HOVE_MR_C_URL = (
    "https://www.brighton-hove.gov.uk/community-safety-partnership/"
    "published-domestic-homicide-reviews-dhrs/"
    "domestic-homicide-review-relating-death-mr-c-executive-summary"
)
CROYDON_URL = (
    "https://www.croydon.gov.uk/community-and-safety/support-groups-and-advice/domestic-abuse/"
    "why-do-we-carry-out-domestic-homicide-reviews"
)
BBC_2025_URL = (
    "https://github.com/thebadely/thebadely.github.io/blob/main/_posts/"
    "2025-06-04-new-review-into-my-daughters-killing-has-been-hell-on-earth.md"
)
DRAFT_GUIDANCE_2024_URL = (
    "https://www.gov.uk/government/consultations/updating-the-domestic-homicide-review-"
    "statutory-guidance/draft-domestic-homicide-review-statutory-guidance-accessible"
)
BARNSLEY_PROCESS_URL = (
    "https://fdocuments.in/document/barnsley-process-for-requesting-a-domestic-homicide-review-"
    "process-for-requesting.html"
)


class Anchor(StrEnum):
    """The recorded event a deadline clock starts from."""

    CAME_TO_ATTENTION = "came_to_attention"
    DECISION = "decision"
    HOME_OFFICE_NOTIFIED = "home_office_notified"
    IMR_REQUESTED = "imr_requested"


class Basis(StrEnum):
    """How firm the period is: set by national guidance, or a local default DHR Manager chose."""

    NATIONAL_GUIDANCE = "national_guidance"
    LOCAL_DEFAULT = "local_default"


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """One deadline: its clock starts on the ``starts_from`` event and runs for ``period``.

    ``setting_name`` is the key in ``rule_for`` overrides that replaces ``period.amount``.
    ``pausable`` says whether recorded pauses (R46) move the deadline.
    """

    code: str
    title: str
    starts_from: Anchor
    period: Period
    pausable: bool
    basis: Basis
    rule_ids: tuple[str, ...]
    source: str
    source_url: str
    setting_name: str
    see_also_urls: tuple[str, ...] = ()

    def due_on(
        self, anchor_date: date, *, holidays: frozenset[date] = ENGLAND_AND_WALES_BANK_HOLIDAYS
    ) -> date:
        """The gross due date for a clock started on ``anchor_date`` (pauses not applied)."""
        return add_period(anchor_date, self.period, holidays=holidays)


DECISION = DeadlineRule(
    code="decision",
    title="CSP decides whether to hold a review",
    starts_from=Anchor.CAME_TO_ATTENTION,
    period=Period(1, PeriodUnit.MONTHS),
    pausable=False,
    basis=Basis.NATIONAL_GUIDANCE,
    rule_ids=("R18", "R59"),
    source=(
        "Multi-Agency Statutory Guidance for the Conduct of Domestic Homicide Reviews "
        "(Home Office, December 2016), Section 3 'Establishing a DHR': the CSP decides within "
        "one month of the death coming to its attention. Restated by Brighton & Hove CSP's DHR "
        "guidance; the national text itself is still to be checked against the PDF."
    ),
    source_url=BRIGHTON_HOVE_GUIDANCE_URL,
    setting_name="DECISION_MONTHS",
    see_also_urls=(GUIDANCE_2016_URL,),
)

HOME_OFFICE_NOTIFIED = DeadlineRule(
    code="home_office_notified",
    title="Home Office told of the decision",
    starts_from=Anchor.DECISION,
    period=Period(5, PeriodUnit.WORKING_DAYS),
    pausable=False,
    basis=Basis.LOCAL_DEFAULT,
    rule_ids=("R20",),
    source=(
        "LOCAL DEFAULT, not a national time limit. The Home Office must be told of every "
        "decision, to hold a review or not (Croydon CSP; Brighton & Hove 'Mr C' executive "
        "summary para 3.2), but no national day count has been found. DHR Manager defaults to "
        "5 working days after the decision; change HOME_OFFICE_NOTIFICATION_WORKING_DAYS to "
        "match local protocol."
    ),
    source_url=CROYDON_URL,
    setting_name="HOME_OFFICE_NOTIFICATION_WORKING_DAYS",
    see_also_urls=(BRIGHTON_HOVE_MR_C_URL,),
)

COMPLETION = DeadlineRule(
    code="completion",
    title="Review completed and submitted to the Home Office",
    starts_from=Anchor.DECISION,
    period=Period(6, PeriodUnit.MONTHS),
    pausable=True,
    basis=Basis.NATIONAL_GUIDANCE,
    rule_ids=("R46", "R56", "R57", "R58"),
    source=(
        "2016 statutory guidance Section 5 'Timescales' (p.16): a review should be finished "
        "within six months of the decision to proceed (six months confirmed by BBC News, "
        "4 June 2025). The May 2024 draft guidance proposed 12 months; it has not been adopted. "
        "Set COMPLETION_MONTHS=12 to apply it. Documented pauses, for example until criminal "
        "proceedings conclude (Brighton & Hove 'Mr C', para 3.2), move the date."
    ),
    source_url=GUIDANCE_2016_URL,
    setting_name="COMPLETION_MONTHS",
    see_also_urls=(BBC_2025_URL, DRAFT_GUIDANCE_2024_URL, BRIGHTON_HOVE_MR_C_URL),
)

IMR_DUE = DeadlineRule(
    code="imr_due",
    title="Agency returns its Individual Management Review",
    starts_from=Anchor.IMR_REQUESTED,
    period=Period(6, PeriodUnit.WEEKS),
    pausable=False,
    basis=Basis.LOCAL_DEFAULT,
    rule_ids=("R32", "R59"),
    source=(
        "LOCAL DEFAULT, not a national time limit. Agencies are asked for IMRs with a deadline "
        "(Barnsley DHR process, Appendices 2-3 and 9-10) but no national period has been found. "
        "DHR Manager defaults to 6 weeks from the request; change IMR_DUE_WEEKS to match local "
        "protocol."
    ),
    source_url=BARNSLEY_PROCESS_URL,
    setting_name="IMR_DUE_WEEKS",
)

DEADLINE_RULES: Mapping[str, DeadlineRule] = MappingProxyType(
    {rule.code: rule for rule in (DECISION, HOME_OFFICE_NOTIFIED, COMPLETION, IMR_DUE)}
)


def validate_overrides(overrides: Mapping[str, int]) -> None:
    """Raise ValueError naming any key that is not a rule's ``setting_name``, or an amount
    that is not a whole number of at least 1.

    ``rule_for`` ignores keys it does not need, so call this once (for example in a Django
    system check) to catch a misspelt setting such as ``COMPLETION_MONTH``.
    """
    known = {rule.setting_name for rule in DEADLINE_RULES.values()}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise ValueError(
            f"Unknown deadline setting(s): {', '.join(unknown)}. "
            f"Known settings: {', '.join(sorted(known))}"
        )
    for rule in DEADLINE_RULES.values():
        rule_for(rule.code, overrides=overrides)  # raises on an amount that is not a period


def rule_for(code: str, *, overrides: Mapping[str, int] | None = None) -> DeadlineRule:
    """Return the rule ``code`` with its period taken from ``overrides`` when configured.

    ``overrides`` maps a rule's ``setting_name`` to a new amount in the rule's own unit, e.g.
    ``rule_for("completion", overrides={"COMPLETION_MONTHS": 12})`` gives the 12-month target
    of the May 2024 draft guidance (R57). Raises KeyError for an unknown code and
    TypeError/ValueError for an amount that is not a whole number of at least 1.
    """
    try:
        rule = DEADLINE_RULES[code]
    except KeyError:
        raise KeyError(
            f"No deadline rule {code!r}; known rules: {', '.join(sorted(DEADLINE_RULES))}"
        ) from None
    if overrides is None or rule.setting_name not in overrides:
        return rule
    period = Period(overrides[rule.setting_name], rule.period.unit)
    return dataclasses.replace(rule, period=period)
