"""The eligibility rule sets, as versioned data.

Two tests exist in law. The one in force is DVCVA 2004 s.9(1) (in force 13 April 2011) read with
the December 2016 statutory guidance. The prospective one is the Domestic Abuse Related Death
Review (DARDR) inserted by VPA 2024 s.19, which ties the test to "domestic abuse" in DAA 2021
s.1-s.2. Section 19 received Royal Assent on 24 May 2024 but had not been commenced by the
latest commencement regulations read (SI 2025/1168, SI 2025/1325), so its start date is
configuration, not code (R8). Rule ids are those of domain.md section 7; evidence tags are that
file's: V verified, K 2016 guidance as known, L local practice, D prospective.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Sources (domain.md 0.4). Kept as names so each citation is spelled once.
DVCVA_S9_URL = (
    "http://www.legislation.gov.uk/ukpga/2004/28/part/1/crossheading/"
    "domestic-homicide-reviews?view=plain"
)
VPA_S19_URL = "https://legislation.gov.uk/ukpga/2024/21/section/19"
DAA_S1_URL = "https://www.legislation.gov.uk/ukpga/2021/17/section/1"
DAA_S2_URL = "https://www.legislation.gov.uk/ukpga/2021/17/section/2"
GUIDANCE_2016_URL = (
    "https://www.gov.uk/government/publications/"
    "revised-statutory-guidance-for-the-conduct-of-domestic-homicide-reviews"
)
GUIDANCE_2016_TOC_URL = (
    "https://9dok.net/document/zgwk4w06-multi-agency-statutory-guidance-conduct-domestic-"
    "homicide-reviews.html"
)
SOUTHWARK_PROTOCOL_URL = (
    "https://wixlib.com/document/4e1b7_ssp-multi-agency-protocol-for-the-conduct-of-"
    "domestic-homicide-reviews.html"
)
SUFFOLK_GUIDANCE_URL = (
    "https://www.readkong.com/page/suffolk-domestic-homicide-review-guidance-2021-2547143"
)
BRIGHTON_GUIDANCE_URL = (
    "https://www.brighton-hove.gov.uk/community-safety-partnership/"
    "published-domestic-homicide-reviews-dhrs/domestic-homicide-review-guidance"
)
TEES_PROTOCOL_URL = (
    "https://www.tsab.org.uk/professionals/tees-safeguarding-children-and-adults-joint-review-"
    "protocol/"
)
CPS_REVIEWS_URL = (
    "https://cps.gov.uk/legal-guidance/inquiries-and-reviews-statutory-and-independent-child-"
    "and-adult-safeguarding"
)
SHEFFIELD_PROTOCOL_URL = (
    "https://docest.com/sheffield-safer-and-sustainable-communities-partnership"
)
HOME_OFFICE_LIBRARY_URL = "https://homicide-review.homeoffice.gov.uk/"
DHRD_CODEBOOK_URL = "https://github.com/lillycrellin/alcohol-indicators-dhr"
SUSR_GUIDANCE_URL = "https://gov.wales/single-unified-safeguarding-review-guidance"
SAFER_COMMUNITIES_WALES_URL = (
    "https://safercommunities.wales/safeguarding-early-intervention/safeguarding-homicide-reviews"
)

DVCVA_S9_COMMENCEMENT = date(2011, 4, 13)
VPA_ROYAL_ASSENT = date(2024, 5, 24)


@dataclass(frozen=True)
class Rule:
    """One encoded rule: its domain.md id, what it says, and where it comes from."""

    id: str
    statement: str
    source: str
    urls: tuple[str, ...]
    evidence: str


@dataclass(frozen=True)
class RuleSet:
    """A versioned eligibility test.

    ``effective_from`` is the fixed date the law came into force, or ``None`` for a prospective
    set whose commencement date is supplied at run time (see ``ruleset_for``).
    """

    code: str
    title: str
    version: str
    review_name: str
    effective_from: date | None
    rules: tuple[Rule, ...]

    @property
    def prospective(self) -> bool:
        return self.effective_from is None

    @property
    def rule_ids(self) -> frozenset[str]:
        return frozenset(rule.id for rule in self.rules)

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; KeyError if this set does not encode it."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"rule {rule_id} is not part of rule set {self.code}")


# Rules shared by both sets: how a review is run, not whether one can be held.
_SUICIDE = Rule(
    "R5",
    "A suspected suicide where the circumstances give rise to concern (for example coercive "
    "control) should be reviewed, even without a charge or after an acquittal.",
    "2016 statutory guidance, as restated in Suffolk DHR guidance 2021",
    (SUFFOLK_GUIDANCE_URL, BRIGHTON_GUIDANCE_URL),
    "V",
)
_PERPETRATOR_DECEASED = Rule(
    "R7",
    "The death of the perpetrator does not prevent a review.",
    "2016 statutory guidance s.9, 'perpetrator is deceased' (p.26)",
    (GUIDANCE_2016_URL, GUIDANCE_2016_TOC_URL),
    "K",
)
_JOINT_ADULTS = Rule(
    "R11",
    "Flag a possible Safeguarding Adults Review and support a joint or parallel review.",
    "Tees joint review protocol; CPS guidance on inquiries and reviews",
    (TEES_PROTOCOL_URL, CPS_REVIEWS_URL),
    "L",
)
_JOINT_CHILDREN = Rule(
    "R12",
    "For a deceased aged 16 or 17, document a joint decision with the Safeguarding Children "
    "Partnership.",
    "Sheffield DHR protocol, 'Victims aged between 16 and 18'",
    (SHEFFIELD_PROTOCOL_URL,),
    "L",
)
_MULTIPLE_VICTIMS = Rule(
    "R13",
    "One review may cover more than one victim.",
    "Home Office DHR Library, number of victims",
    (HOME_OFFICE_LIBRARY_URL, DHRD_CODEBOOK_URL),
    "V",
)
_HISTORIC_DEATH = Rule(
    "R14",
    "A death before 13 April 2011 is not rejected on its date.",
    "Home Office DHR Library, date band 2004-2010",
    (HOME_OFFICE_LIBRARY_URL,),
    "V",
)
_WALES_SUSR = Rule(
    "R79",
    "In Wales the review is a Single Unified Safeguarding Review: the Regional Safeguarding "
    "Board chair decides after the Case Review Group, and Welsh Government is notified.",
    "Welsh Government SUSR guidance",
    (SUSR_GUIDANCE_URL,),
    "V",
)
_WALES_HOME_OFFICE_QA = Rule(
    "R80",
    "A Welsh review that meets the DHR criteria still goes to Home Office quality assurance.",
    "Safer Communities Wales, safeguarding homicide reviews",
    (SAFER_COMMUNITIES_WALES_URL,),
    "V",
)

DHR_S9 = RuleSet(
    code="dhr-s9-dvcva-2004",
    title="Domestic Homicide Review: DVCVA 2004 s.9(1) and 2016 statutory guidance",
    version="2016.1",
    review_name="domestic homicide review",
    effective_from=DVCVA_S9_COMMENCEMENT,
    rules=(
        Rule(
            "R1",
            "The deceased must have been 16 or over at death; otherwise route to a child "
            "safeguarding review. The suspect has no minimum age.",
            "DVCVA 2004 s.9(1)",
            (DVCVA_S9_URL,),
            "V",
        ),
        Rule(
            "R2",
            "The death has, or appears to have, resulted from violence, abuse or neglect.",
            "DVCVA 2004 s.9(1)",
            (DVCVA_S9_URL,),
            "V",
        ),
        Rule(
            "R3",
            "The suspect was related to the deceased, is or was in an intimate personal "
            "relationship with them, or was a member of the same household (including a "
            "frequent visitor; the household at the time of the fatal act).",
            "DVCVA 2004 s.9(1)(a)-(b); Southwark DHR protocol para 2.1",
            (DVCVA_S9_URL, SOUTHWARK_PROTOCOL_URL),
            "V",
        ),
        Rule(
            "R4",
            "An intimate personal relationship covers partners and family members regardless "
            "of gender or sexuality.",
            "2016 statutory guidance, as restated in Suffolk DHR guidance 2021",
            (SUFFOLK_GUIDANCE_URL,),
            "V",
        ),
        _SUICIDE,
        Rule(
            "R6",
            "No conviction is needed: 'has, or appears to have' is enough, and an acquittal "
            "does not bar a review.",
            "DVCVA 2004 s.9(1)",
            (DVCVA_S9_URL,),
            "V",
        ),
        _PERPETRATOR_DECEASED,
        Rule(
            "R8",
            "The s.9(1) test applies until VPA 2024 s.19 (DARDR) is commenced.",
            "VPA 2024 s.19 (not commenced)",
            (VPA_S19_URL,),
            "V",
        ),
        _JOINT_ADULTS,
        _JOINT_CHILDREN,
        _MULTIPLE_VICTIMS,
        _HISTORIC_DEATH,
        _WALES_SUSR,
        _WALES_HOME_OFFICE_QA,
    ),
)

DARDR_VPA_2024 = RuleSet(
    code="dardr-vpa-2024",
    title="Domestic Abuse Related Death Review: VPA 2024 s.19 and DAA 2021 s.1-s.2",
    version="2024.1",
    review_name="domestic abuse related death review",
    effective_from=None,
    rules=(
        Rule(
            "R1",
            "The deceased must have been 16 or over; otherwise route to a child safeguarding "
            "review.",
            "DAA 2021 s.1(2)(a), applied by VPA 2024 s.19",
            (DAA_S1_URL, VPA_S19_URL),
            "D",
        ),
        _SUICIDE,
        Rule(
            "R6",
            "No conviction is needed: 'has, or appears to have' is enough, and an acquittal "
            "does not bar a review.",
            "VPA 2024 s.19",
            (VPA_S19_URL,),
            "D",
        ),
        _PERPETRATOR_DECEASED,
        Rule(
            "R8",
            "The death has, or appears to have, resulted from domestic abuse towards the "
            "deceased: both people 16 or over, personally connected, behaviour abusive.",
            "VPA 2024 s.19; DAA 2021 s.1(2)",
            (VPA_S19_URL, DAA_S1_URL),
            "D",
        ),
        Rule(
            "R9",
            "The behaviour is abusive: physical or sexual abuse; violent or threatening "
            "behaviour; controlling or coercive behaviour; economic abuse; psychological, "
            "emotional or other abuse. A single incident or a course of conduct both count.",
            "DAA 2021 s.1(3)",
            (DAA_S1_URL,),
            "V",
        ),
        Rule(
            "R10",
            "The people are personally connected: married, civil partners, agreed to marry, "
            "civil partnership agreement, intimate personal relationship, parental relationship "
            "to the same child, or relatives.",
            "DAA 2021 s.2(1)",
            (DAA_S2_URL,),
            "V",
        ),
        _JOINT_ADULTS,
        _JOINT_CHILDREN,
        _MULTIPLE_VICTIMS,
        _HISTORIC_DEATH,
        _WALES_SUSR,
        _WALES_HOME_OFFICE_QA,
    ),
)

RULESETS: tuple[RuleSet, ...] = (DHR_S9, DARDR_VPA_2024)


def get_ruleset(code: str) -> RuleSet:
    """The rule set with this code, for replaying a stored assessment."""
    for ruleset in RULESETS:
        if ruleset.code == code:
            return ruleset
    raise KeyError(f"no eligibility rule set with code {code!r}")


def ruleset_for(on: date, *, dardr_commencement: date | None) -> RuleSet:
    """The rule set in force on ``on`` (the date of the assessment).

    ``dardr_commencement`` is the day VPA 2024 s.19 comes into force, from settings; ``None``
    means not commenced, which is the position in every source read up to early 2026 (R8). Dates
    before 13 April 2011 still get the s.9 set: historic deaths are not rejected on date (R14).
    Whether the new test applies by date of death, notification or decision awaits the
    transitional provisions (domain.md 8.2); callers pass the date they have chosen.
    """
    if dardr_commencement is not None and dardr_commencement < VPA_ROYAL_ASSENT:
        raise ValueError(
            f"VPA 2024 s.19 cannot commence before Royal Assent on {VPA_ROYAL_ASSENT.isoformat()}"
        )
    if dardr_commencement is not None and on >= dardr_commencement:
        return DARDR_VPA_2024
    return DHR_S9
