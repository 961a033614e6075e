"""Apply a rule set to the facts of a death and recommend whether a review can be held.

The result is a recommendation for the decision maker (the CSP chair, or the Regional
Safeguarding Board chair in Wales), never the decision itself. Precedence, for every rule set:
a deceased under 16 routes to a child review (R1); otherwise any test that is definitely not met
makes the death not eligible, since no further answer could change that; otherwise any answer
still unknown gives INSUFFICIENT_INFORMATION, naming what is missing; otherwise a review is
recommended. Unknown answers never count as met.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from . import messages as msg
from .facts import (
    QUALIFYING_CAUSES,
    AbuseType,
    Cause,
    EligibilityFacts,
    Jurisdiction,
    PersonalConnection,
    Relationship,
)
from .rulesets import DARDR_VPA_2024, DHR_S9, DVCVA_S9_COMMENCEMENT, RuleSet, ruleset_for


class Recommendation(enum.StrEnum):
    RECOMMEND_REVIEW = "recommend_review"
    NOT_ELIGIBLE = "not_eligible"
    ROUTE_TO_CHILD_REVIEW = "route_to_child_review"
    INSUFFICIENT_INFORMATION = "insufficient_information"


class Flag(enum.StrEnum):
    """Points about how a review would be run; each comes from one rule."""

    JOINT_REVIEW_CHILDREN = "joint_review_children"  # R12
    JOINT_REVIEW_ADULTS = "joint_review_adults"  # R11
    WALES_SUSR = "wales_susr"  # R79
    PERPETRATOR_DECEASED = "perpetrator_deceased"  # R7
    SUICIDE_REVIEW = "suicide_review"  # R5
    MULTIPLE_VICTIMS = "multiple_victims"  # R13
    HISTORIC_DEATH = "historic_death"  # R14


# Who decides still matters when the test is not met; how a review would run does not.
_FLAGS_KEPT_WHEN_NOT_ELIGIBLE = frozenset({Flag.WALES_SUSR, Flag.JOINT_REVIEW_CHILDREN})


@dataclass(frozen=True)
class Msgid:
    """A placeholder value that is itself a translatable string."""

    text: str


ParamValue = str | int | date | Msgid | frozenset[AbuseType] | frozenset[PersonalConnection]


def _identity(text: str) -> str:
    return text


def _render_value(value: ParamValue, translate: Callable[[str], str]) -> str | int:
    if isinstance(value, Msgid):
        return translate(value.text)
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, frozenset):
        labels: list[str] = []
        for connection in PersonalConnection:
            if connection in value:
                labels.append(translate(msg.PERSONAL_CONNECTION_LABELS[connection]))
        for abuse_type in AbuseType:
            if abuse_type in value:
                labels.append(translate(msg.ABUSE_TYPE_LABELS[abuse_type]))
        return "; ".join(labels)
    return value


@dataclass(frozen=True)
class Reason:
    """One sentence of the recommendation, with the rule and source that produced it."""

    rule_id: str
    source: str
    template: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] = _identity) -> str:
        """The sentence with its citation; pass ``gettext`` to translate it."""
        values = {name: _render_value(value, translate) for name, value in self.params.items()}
        sentence = translate(self.template) % values
        return msg.CITATION % {"sentence": sentence, "rule_id": self.rule_id, "source": self.source}

    @property
    def text(self) -> str:
        return self.render()


@dataclass(frozen=True)
class EligibilityResult:
    """The recommendation, its flags, the reasons in order, and the answers still needed."""

    ruleset_code: str
    recommendation: Recommendation
    flags: frozenset[Flag]
    reasons: tuple[Reason, ...]
    missing: tuple[str, ...]

    @property
    def texts(self) -> list[str]:
        return [reason.text for reason in self.reasons]


@dataclass
class _Assessment:
    """Collects what the checks find, in order; each reason must cite a rule in the set."""

    ruleset: RuleSet
    reasons: list[Reason] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    flags: set[Flag] = field(default_factory=set)
    failed: bool = False
    child: bool = False

    def say(self, rule_id: str, template: str, **params: ParamValue) -> None:
        rule = self.ruleset.rule(rule_id)
        self.reasons.append(Reason(rule.id, rule.source, template, params))

    def need(self, fact: str, rule_id: str, template: str, **params: ParamValue) -> None:
        self.say(rule_id, template, **params)
        if fact not in self.missing:
            self.missing.append(fact)

    def fail(self, rule_id: str, template: str, **params: ParamValue) -> None:
        self.say(rule_id, template, **params)
        self.failed = True


def _check_victim_age(a: _Assessment, facts: EligibilityFacts) -> None:
    """R1: the deceased must be 16 or over (else a child review); R12: 16-17 joint decision."""
    age = facts.victim_age_at_death
    review_name = Msgid(a.ruleset.review_name)
    if age is None:
        a.need("victim_age_at_death", "R1", msg.VICTIM_AGE_UNKNOWN, review_name=review_name)
    elif age < 16:
        a.say("R1", msg.VICTIM_UNDER_16, age=age, review_name=review_name)
        a.child = True
    else:
        a.say("R1", msg.VICTIM_16_PLUS, age=age, review_name=review_name)
        if age < 18:
            a.say("R12", msg.VICTIM_16_17_JOINT_DECISION, age=age)
            a.flags.add(Flag.JOINT_REVIEW_CHILDREN)


def _check_cause(
    a: _Assessment,
    facts: EligibilityFacts,
    *,
    rule_id: str,
    unknown: str,
    met: Mapping[Cause, str],
    not_met: str,
) -> None:
    """R2 (s.9) or R8 (DARDR): the death has, or appears to have, resulted from the conduct.

    R5: a suspected suicide with cause for concern meets the test on its own, with no charge
    needed; the charge answers are then not even mentioned, so they cannot affect the result.
    R6: "appears to have" is enough, and a missing charge or an acquittal is no bar.
    """
    qualifying = facts.cause in QUALIFYING_CAUSES
    if facts.suspected_suicide:
        if facts.abuse_concern_for_suicide:
            a.say("R5", msg.SUICIDE_WITH_CONCERN)
            a.flags.add(Flag.SUICIDE_REVIEW)
            return
        if facts.abuse_concern_for_suicide is None and not qualifying:
            a.need("abuse_concern_for_suicide", "R5", msg.SUICIDE_CONCERN_UNKNOWN)
            if facts.cause is Cause.UNKNOWN:
                a.need("cause", rule_id, unknown)
            return
        if facts.abuse_concern_for_suicide is False:
            a.say("R5", msg.SUICIDE_WITHOUT_CONCERN)
    if qualifying:
        a.say(rule_id, met[facts.cause])
        if facts.cause is Cause.APPEARS_SO:
            a.say("R6", msg.APPEARS_SO_IS_ENOUGH)
        if facts.suspect_acquitted:
            a.say("R6", msg.ACQUITTED_NO_BAR)
        elif facts.suspect_charged is False:
            a.say("R6", msg.NOT_CHARGED_NO_BAR)
    elif facts.cause is Cause.NO:
        if facts.suspected_suicide is None:
            a.need("suspected_suicide", "R5", msg.SUICIDE_UNKNOWN)
        else:
            a.fail(rule_id, not_met)
    else:
        a.need("cause", rule_id, unknown)
        if facts.suspected_suicide is None:
            a.need("suspected_suicide", "R5", msg.SUICIDE_UNKNOWN)


def _check_s9_relationship(a: _Assessment, facts: EligibilityFacts) -> None:
    """R3: relative, intimate partner (current or former) or household member; R4: any gender.

    R1 again: s.9(1) sets no age for the suspect, which the reasons say when it might surprise.
    """
    relationship = facts.relationship
    if relationship is Relationship.UNKNOWN:
        a.need("relationship", "R3", msg.RELATIONSHIP_UNKNOWN)
    elif relationship is Relationship.OTHER_OR_NONE:
        a.fail("R3", msg.RELATIONSHIP_NOT_MET)
    else:
        a.say("R3", msg.RELATIONSHIP_MET[relationship])
        if relationship in (
            Relationship.CURRENT_INTIMATE_PARTNER,
            Relationship.FORMER_INTIMATE_PARTNER,
        ):
            a.say("R4", msg.INTIMATE_ANY_GENDER)
    if facts.suspect_age is not None and facts.suspect_age < 16:
        a.say("R1", msg.SUSPECT_AGE_NO_LIMIT, age=facts.suspect_age)


def _check_dardr_domestic_abuse(a: _Assessment, facts: EligibilityFacts) -> None:
    """R8: both 16 or over (DAA 2021 s.1(2)(a)); R10: personally connected (s.2(1));
    R9: abusive behaviour of a kind in s.1(3), single incident or course of conduct."""
    if facts.suspect_age is None:
        a.need("suspect_age", "R8", msg.SUSPECT_AGE_UNKNOWN)
    elif facts.suspect_age < 16:
        a.fail("R8", msg.SUSPECT_UNDER_16, age=facts.suspect_age)
    else:
        a.say("R8", msg.SUSPECT_16_PLUS, age=facts.suspect_age)

    if facts.personal_connection is None:
        a.need("personal_connection", "R10", msg.CONNECTION_UNKNOWN)
    elif not facts.personal_connection:
        shares_household = facts.relationship in (
            Relationship.HOUSEHOLD_MEMBER,
            Relationship.FREQUENT_VISITOR,
        )
        a.fail(
            "R10", msg.CONNECTION_NOT_MET_HOUSEHOLD if shares_household else msg.CONNECTION_NOT_MET
        )
    else:
        a.say("R10", msg.CONNECTION_MET, bases=facts.personal_connection)

    if facts.abuse_types is None:
        a.need("abuse_types", "R9", msg.ABUSE_TYPES_UNKNOWN)
    elif not facts.abuse_types:
        a.fail("R9", msg.ABUSE_TYPES_NONE)
    else:
        a.say("R9", msg.ABUSE_TYPES_MET, types=facts.abuse_types)


def _check_context(a: _Assessment, facts: EligibilityFacts) -> None:
    """R7 perpetrator deceased, R13 several victims, R14 death before 13 April 2011 and R11
    care and support needs: none stops a review, each changes how it is run."""
    if facts.suspect_deceased:
        a.say("R7", msg.PERPETRATOR_DECEASED)
        a.flags.add(Flag.PERPETRATOR_DECEASED)
    if facts.number_of_victims is not None and facts.number_of_victims > 1:
        a.say("R13", msg.MULTIPLE_VICTIMS, count=facts.number_of_victims)
        a.flags.add(Flag.MULTIPLE_VICTIMS)
    if facts.date_of_death is not None and facts.date_of_death < DVCVA_S9_COMMENCEMENT:
        a.say("R14", msg.HISTORIC_DEATH, date=facts.date_of_death)
        a.flags.add(Flag.HISTORIC_DEATH)
    if facts.victim_has_care_and_support_needs:
        a.say("R11", msg.CARE_AND_SUPPORT_NEEDS)
        a.flags.add(Flag.JOINT_REVIEW_ADULTS)


def _check_eligibility(a: _Assessment, facts: EligibilityFacts) -> None:
    if a.ruleset.code == DHR_S9.code:
        a.say("R8", msg.RULESET_APPLIED_S9)
        _check_victim_age(a, facts)
        if a.child:
            return
        _check_cause(
            a,
            facts,
            rule_id="R2",
            unknown=msg.CAUSE_UNKNOWN_S9,
            met=msg.CAUSE_MET_S9,
            not_met=msg.CAUSE_NOT_MET_S9,
        )
        _check_s9_relationship(a, facts)
    elif a.ruleset.code == DARDR_VPA_2024.code:
        a.say("R8", msg.RULESET_APPLIED_DARDR)
        _check_victim_age(a, facts)
        if a.child:
            return
        _check_dardr_domestic_abuse(a, facts)
        _check_cause(
            a,
            facts,
            rule_id="R8",
            unknown=msg.CAUSE_UNKNOWN_DARDR,
            met=dict.fromkeys(QUALIFYING_CAUSES, msg.CAUSE_MET_DARDR),
            not_met=msg.CAUSE_NOT_MET_DARDR,
        )
    else:
        raise ValueError(f"no evaluator for rule set {a.ruleset.code!r}")


def assess(facts: EligibilityFacts, *, ruleset: RuleSet) -> EligibilityResult:
    """Recommend whether ``ruleset`` allows a review of the death described by ``facts``."""
    a = _Assessment(ruleset)
    _check_eligibility(a, facts)
    if a.child:
        recommendation = Recommendation.ROUTE_TO_CHILD_REVIEW
    elif a.failed:
        recommendation = Recommendation.NOT_ELIGIBLE
        a.flags &= _FLAGS_KEPT_WHEN_NOT_ELIGIBLE
    else:
        _check_context(a, facts)
        recommendation = (
            Recommendation.INSUFFICIENT_INFORMATION
            if a.missing
            else Recommendation.RECOMMEND_REVIEW
        )
    # R79 applies to every outcome in Wales, including child reviews (Child Practice Reviews
    # are part of SUSR); R80 only once the criteria are met.
    if facts.jurisdiction is Jurisdiction.WALES:
        a.say("R79", msg.WALES_SUSR)
        a.flags.add(Flag.WALES_SUSR)
        if recommendation is Recommendation.RECOMMEND_REVIEW:
            a.say("R80", msg.WALES_HOME_OFFICE_QA)
    return EligibilityResult(
        ruleset_code=ruleset.code,
        recommendation=recommendation,
        flags=frozenset(a.flags),
        reasons=tuple(a.reasons),
        missing=tuple(a.missing),
    )


def assess_on(
    facts: EligibilityFacts, *, on: date, dardr_commencement: date | None
) -> EligibilityResult:
    """``assess`` with the rule set in force on ``on`` (see ``ruleset_for``)."""
    return assess(facts, ruleset=ruleset_for(on, dardr_commencement=dardr_commencement))


def missing_answers(facts: EligibilityFacts, ruleset: RuleSet) -> list[str]:
    """Names of the ``EligibilityFacts`` fields that ``ruleset`` still needs, in question order.

    Every unknown answer that could still change a test's outcome is named, even when another
    test has already failed; nothing is needed once the deceased is known to be under 16.
    """
    return list(assess(facts, ruleset=ruleset).missing)
