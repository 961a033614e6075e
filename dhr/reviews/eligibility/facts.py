"""The answers to the guided eligibility check, as plain data.

Every answer the law turns on can be "not known": ``None`` (or an ``UNKNOWN`` member) means the
question has not been answered, and the engine then says so instead of guessing. The enum
values line up with ``dhr.reviews.choices`` where the two overlap, so the Django layer can map
form answers onto these facts without a lookup table.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

# Older than anyone has lived; a larger age is a typing error, not a fact.
MAX_AGE = 130


class Jurisdiction(enum.StrEnum):
    """Where the death falls to be reviewed: England, or Wales (SUSR, domain.md 6; R79)."""

    ENGLAND = "england"
    WALES = "wales"


class Relationship(enum.StrEnum):
    """The suspect's relationship to the deceased, as DVCVA 2004 s.9(1)(a)-(b) sorts it (R3)."""

    RELATIVE = "relative"
    CURRENT_INTIMATE_PARTNER = "current_partner"
    FORMER_INTIMATE_PARTNER = "former_partner"
    HOUSEHOLD_MEMBER = "household_member"
    FREQUENT_VISITOR = "frequent_visitor"
    OTHER_OR_NONE = "other"
    UNKNOWN = "unknown"


class PersonalConnection(enum.StrEnum):
    """A basis on which two people are "personally connected" (DAA 2021 s.2(1)(a)-(g); R10)."""

    MARRIED = "married"
    CIVIL_PARTNERS = "civil_partners"
    AGREED_TO_MARRY = "agreed_to_marry"
    CIVIL_PARTNERSHIP_AGREEMENT = "civil_partnership_agreement"
    INTIMATE_PERSONAL_RELATIONSHIP = "intimate_personal_relationship"
    PARENTAL_RELATIONSHIP_SAME_CHILD = "parental_relationship_same_child"
    RELATIVES = "relatives"


class Cause(enum.StrEnum):
    """Whether the death resulted, or appears to have resulted, from the suspect's conduct.

    DVCVA 2004 s.9(1) asks about "violence, abuse or neglect"; "appears to have" is enough (R6).
    """

    VIOLENCE = "violence"
    ABUSE = "abuse"
    NEGLECT = "neglect"
    APPEARS_SO = "appears_so"
    NO = "no"
    UNKNOWN = "unknown"


class AbuseType(enum.StrEnum):
    """The kinds of abusive behaviour in DAA 2021 s.1(3)(a)-(e) (R9)."""

    PHYSICAL_OR_SEXUAL = "physical_or_sexual"
    VIOLENT_OR_THREATENING = "violent_or_threatening"
    CONTROLLING_OR_COERCIVE = "controlling_or_coercive"
    ECONOMIC = "economic"
    PSYCHOLOGICAL_EMOTIONAL_OR_OTHER = "psychological_emotional_or_other"


class AbusePattern(enum.StrEnum):
    """Single incident or course of conduct: both count (DAA 2021 s.1(3), closing words; R9)."""

    SINGLE_INCIDENT = "single_incident"
    COURSE_OF_CONDUCT = "course_of_conduct"


QUALIFYING_CAUSES: frozenset[Cause] = frozenset(
    {Cause.VIOLENCE, Cause.ABUSE, Cause.NEGLECT, Cause.APPEARS_SO}
)


@dataclass(frozen=True, kw_only=True)
class EligibilityFacts:
    """What is known about a death when the CSP checks whether a review can be held.

    Only ``jurisdiction`` is required: the CSP always knows which nation it is in. Everything else
    defaults to "not known". For the set-valued answers ``None`` means not known and an empty set
    means "none of these" (for example, the people were not personally connected).

    ``suspect_age`` is the suspect's age at the time of the behaviour: DAA 2021 s.1(2)(a) requires
    both people to be 16 or over then. ``relationship`` feeds the s.9 test and
    ``personal_connection`` the DARDR test; they are asked separately because the tests differ
    (a lodger is a household member but not personally connected).
    """

    jurisdiction: Jurisdiction
    date_of_death: date | None = None
    victim_age_at_death: int | None = None
    suspect_age: int | None = None
    relationship: Relationship = Relationship.UNKNOWN
    personal_connection: frozenset[PersonalConnection] | None = None
    cause: Cause = Cause.UNKNOWN
    suspected_suicide: bool | None = None
    abuse_concern_for_suicide: bool | None = None
    suspect_charged: bool | None = None
    suspect_acquitted: bool | None = None
    suspect_deceased: bool | None = None
    victim_has_care_and_support_needs: bool | None = None
    abuse_types: frozenset[AbuseType] | None = None
    abuse_pattern: AbusePattern | None = None
    number_of_victims: int | None = None

    def __post_init__(self) -> None:
        for name in ("victim_age_at_death", "suspect_age"):
            age = getattr(self, name)
            # bool is an int subclass; True is not an age.
            if age is not None and (
                isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_AGE
            ):
                raise ValueError(f"{name} must be a whole number from 0 to {MAX_AGE}, got {age!r}")
        if self.number_of_victims is not None and (
            isinstance(self.number_of_victims, bool) or self.number_of_victims < 1
        ):
            raise ValueError(f"number_of_victims must be 1 or more, got {self.number_of_victims!r}")
        if self.suspect_acquitted and self.suspect_charged is False:
            raise ValueError("a suspect who was never charged cannot have been acquitted")
        for name in ("personal_connection", "abuse_types"):
            if getattr(self, name) is not None and not isinstance(getattr(self, name), frozenset):
                raise TypeError(f"{name} must be a frozenset or None")
