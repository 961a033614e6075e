"""Every sentence the eligibility engine can say, as plain format strings.

Nothing here imports Django: the Django layer passes ``gettext`` to ``Reason.render`` and each
constant is a msgid. Placeholders use the ``%(name)s`` style so ``makemessages`` marks them as
python-format. Enum labels are msgids too, translated when a reason is rendered.
"""

from __future__ import annotations

from .facts import AbuseType, Cause, PersonalConnection, Relationship

# Appended to every rendered reason; holds no words, so it needs no translation.
CITATION = "%(sentence)s (%(rule_id)s, %(source)s)"

# Shown beside every result; carries no rule id, so it is not a reason.
RECOMMENDATION_NOTICE = (
    "This is a recommendation to support the decision. The decision, and the reasons for it, "
    "are the decision maker's and must be recorded."
)

RULESET_APPLIED_S9 = (
    "This check applies section 9(1) of the Domestic Violence, Crime and Victims Act 2004, "
    "because the domestic abuse related death review provisions are not in force."
)
RULESET_APPLIED_DARDR = (
    "This check applies the domestic abuse related death review test, which is now in force."
)

# Age of the deceased (R1) and 16 to 17 year olds (R12).
VICTIM_AGE_UNKNOWN = (
    "The age of the deceased at death is not known; a %(review_name)s can only be held if "
    "they were 16 or over."
)
VICTIM_UNDER_16 = (
    "The deceased was %(age)s at death, under 16, so a %(review_name)s cannot be held; refer "
    "the death for a child safeguarding review (a Child Safeguarding Practice Review in "
    "England, or a Child Practice Review within a Single Unified Safeguarding Review in Wales)."
)
VICTIM_16_PLUS = (
    "The deceased was %(age)s at death, so their age does not prevent a %(review_name)s."
)
VICTIM_16_17_JOINT_DECISION = (
    "Because the deceased was %(age)s, a joint decision with the Safeguarding Children "
    "Partnership on which review to hold must be documented."
)
SUSPECT_AGE_NO_LIMIT = (
    "The suspect was %(age)s; section 9 sets no minimum age for the suspect, so this does not "
    "prevent a review."
)

# Cause of death (R2 in force; R8 prospective), "appears to have" and charges (R6).
CAUSE_UNKNOWN_S9 = (
    "It is not known whether the death resulted, or appears to have resulted, from violence, "
    "abuse or neglect."
)
CAUSE_MET_S9: dict[Cause, str] = {
    Cause.VIOLENCE: "The death resulted from violence.",
    Cause.ABUSE: "The death resulted from abuse.",
    Cause.NEGLECT: "The death resulted from neglect.",
    Cause.APPEARS_SO: "The death appears to have resulted from violence, abuse or neglect.",
}
CAUSE_NOT_MET_S9 = (
    "The death did not result, and does not appear to have resulted, from violence, abuse or "
    "neglect, so the test is not met."
)
CAUSE_UNKNOWN_DARDR = (
    "It is not known whether the death resulted, or appears to have resulted, from the "
    "suspect's behaviour towards the deceased."
)
CAUSE_MET_DARDR = (
    "The death has, or appears to have, resulted from the suspect's behaviour towards the deceased."
)
CAUSE_NOT_MET_DARDR = (
    "The death did not result, and does not appear to have resulted, from the suspect's "
    "behaviour towards the deceased, so the test is not met."
)
APPEARS_SO_IS_ENOUGH = (
    "It is enough that the death appears to have resulted from this; no conviction is needed."
)
NOT_CHARGED_NO_BAR = "No one has been charged; a review does not depend on a charge."
ACQUITTED_NO_BAR = "The suspect was acquitted; an acquittal does not prevent a review."

# Suspected suicide (R5).
SUICIDE_UNKNOWN = (
    "It is not known whether the deceased is suspected to have taken their own life; a "
    "suspected suicide following abuse can also be reviewed."
)
SUICIDE_CONCERN_UNKNOWN = (
    "The deceased is suspected to have taken their own life, but it is not known whether the "
    "circumstances give cause for concern, for example coercive or controlling behaviour."
)
SUICIDE_WITH_CONCERN = (
    "The deceased is suspected to have taken their own life and the circumstances give cause "
    "for concern, so a review should be held; no charge is needed and an acquittal does not "
    "prevent it."
)
SUICIDE_WITHOUT_CONCERN = (
    "The deceased is suspected to have taken their own life, but the circumstances are "
    "recorded as giving no cause for concern about abuse."
)

# Relationship under s.9 (R3, R4).
RELATIONSHIP_UNKNOWN = "The relationship between the deceased and the suspect is not known."
RELATIONSHIP_MET: dict[Relationship, str] = {
    Relationship.RELATIVE: "The suspect was related to the deceased.",
    Relationship.CURRENT_INTIMATE_PARTNER: (
        "The suspect was in an intimate personal relationship with the deceased."
    ),
    Relationship.FORMER_INTIMATE_PARTNER: (
        "The suspect had been in an intimate personal relationship with the deceased."
    ),
    Relationship.HOUSEHOLD_MEMBER: (
        "The suspect was a member of the household the deceased lived in at the time of the act "
        "that caused the death."
    ),
    Relationship.FREQUENT_VISITOR: (
        "The suspect visited the deceased's household so often and for such periods that they "
        "count as a member of it."
    ),
}
RELATIONSHIP_NOT_MET = (
    "The suspect was not related to the deceased, had not been in an intimate personal "
    "relationship with them and was not a member of their household, so the test is not met."
)
INTIMATE_ANY_GENDER = (
    "An intimate personal relationship counts whatever the gender or sexuality of the people "
    "involved."
)

# DAA 2021 parts of the prospective test (R8, R9, R10).
SUSPECT_AGE_UNKNOWN = (
    "The suspect's age at the time of the behaviour is not known; domestic abuse needs both "
    "people to be 16 or over."
)
SUSPECT_UNDER_16 = (
    "The suspect was %(age)s, under 16; domestic abuse needs both people to be 16 or over, so "
    "the test is not met."
)
SUSPECT_16_PLUS = "The suspect was %(age)s, so both people were 16 or over."
CONNECTION_UNKNOWN = (
    "It is not known whether the deceased and the suspect were personally connected, for "
    "example married, partners, relatives or parents of the same child."
)
CONNECTION_MET = "The deceased and the suspect were personally connected: %(bases)s."
CONNECTION_NOT_MET = (
    "The deceased and the suspect were not personally connected, so the behaviour is not "
    "domestic abuse and the test is not met."
)
CONNECTION_NOT_MET_HOUSEHOLD = (
    "The suspect shared the deceased's household but they were not personally connected (for "
    "example a lodger or flatmate); this met the old section 9 test but does not meet this one."
)
ABUSE_TYPES_UNKNOWN = "It is not known what kind of abusive behaviour there was."
ABUSE_TYPES_MET = (
    "The behaviour was abusive: %(types)s. A single incident and a course of conduct both count."
)
ABUSE_TYPES_NONE = (
    "None of the kinds of abusive behaviour in the Domestic Abuse Act 2021 was identified, so "
    "the test is not met."
)

# How a review would be run (R7, R11, R13, R14, R79, R80).
PERPETRATOR_DECEASED = (
    "The suspect has died; this does not prevent a review, which follows the guidance for "
    "cases where the perpetrator is deceased."
)
CARE_AND_SUPPORT_NEEDS = (
    "The deceased had care and support needs; consider a joint review with the Safeguarding "
    "Adults Board (a Safeguarding Adults Review)."
)
MULTIPLE_VICTIMS = "There were %(count)s victims; one review can cover more than one victim."
HISTORIC_DEATH = (
    "The death was on %(date)s, before section 9 came into force on 13 April 2011; the date of "
    "death alone is not a reason to decline a review."
)
WALES_SUSR = (
    "In Wales, reviews are run as a Single Unified Safeguarding Review: the chair of the Regional "
    "Safeguarding Board decides whether to hold one after the Case Review Group, and Welsh "
    "Government must be notified."
)
WALES_HOME_OFFICE_QA = (
    "Because the criteria are met, the review must also be sent to the Home Office for quality "
    "assurance."
)

PERSONAL_CONNECTION_LABELS: dict[PersonalConnection, str] = {
    PersonalConnection.MARRIED: "married, now or in the past",
    PersonalConnection.CIVIL_PARTNERS: "civil partners, now or in the past",
    PersonalConnection.AGREED_TO_MARRY: "agreed to marry",
    PersonalConnection.CIVIL_PARTNERSHIP_AGREEMENT: "agreed to enter a civil partnership",
    PersonalConnection.INTIMATE_PERSONAL_RELATIONSHIP: "an intimate personal relationship",
    PersonalConnection.PARENTAL_RELATIONSHIP_SAME_CHILD: (
        "a parental relationship to the same child"
    ),
    PersonalConnection.RELATIVES: "relatives",
}
ABUSE_TYPE_LABELS: dict[AbuseType, str] = {
    AbuseType.PHYSICAL_OR_SEXUAL: "physical or sexual abuse",
    AbuseType.VIOLENT_OR_THREATENING: "violent or threatening behaviour",
    AbuseType.CONTROLLING_OR_COERCIVE: "controlling or coercive behaviour",
    AbuseType.ECONOMIC: "economic abuse",
    AbuseType.PSYCHOLOGICAL_EMOTIONAL_OR_OTHER: "psychological, emotional or other abuse",
}
