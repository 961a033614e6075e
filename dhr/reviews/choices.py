"""Fixed vocabularies of the review record, with national library labels where they exist."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewState(models.TextChoices):
    """The review lifecycle (domain.md 7.0; issue 2 item 8)."""

    NOTIFIED = "notified", _("Notified")
    ELIGIBILITY_ASSESSED = "eligibility_assessed", _("Eligibility assessed")
    DECIDED_REVIEW = "decided_review", _("Decided: review")
    DECIDED_NO_REVIEW = "decided_no_review", _("Decided: no review (awaiting Home Office)")
    SET_UP = "set_up", _("Set up")
    INFORMATION_GATHERING = "information_gathering", _("Information gathering")
    ANALYSIS_DRAFTING = "analysis_drafting", _("Analysis and drafting")
    LOCAL_SIGN_OFF = "local_sign_off", _("Local sign-off")
    SUBMITTED_QA = "submitted_qa", _("Submitted to Home Office quality assurance")
    APPROVED_FOR_PUBLICATION = "approved_for_publication", _("Approved for publication")
    PUBLISHED = "published", _("Published")
    MONITORING = "monitoring", _("Monitoring actions")
    CLOSED = "closed", _("Closed")


class DecisionOutcome(models.TextChoices):
    REVIEW = "review", _("Hold a Domestic Homicide Review")
    NO_REVIEW = "no_review", _("Do not hold a review")
    JOINT_REVIEW = (
        "joint_review",
        _("Hold a joint review (with a SAR or child safeguarding review)"),
    )
    SUSR = "susr", _("Single Unified Safeguarding Review (Wales)")


class DecisionForum(models.TextChoices):
    CSP_CHAIR = "csp_chair", _("CSP chair")
    JOINT_PANEL = "joint_panel", _("Joint decision panel")


class HomeOfficeResponse(models.TextChoices):
    AWAITING = "awaiting", _("Awaiting response")
    ACCEPTED = "accepted", _("Accepted")
    CHALLENGED = "challenged", _("Challenged")
    DIRECTION_ESTABLISH = "direction_establish", _("Direction to establish a review (s.9(2))")
    DIRECTION_PARTICIPATE = "direction_participate", _("Direction to participate (s.9(2))")


class PersonRole(models.TextChoices):
    VICTIM = "victim", _("Victim (deceased)")
    SUSPECT = "suspect", _("Suspect or perpetrator")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNKNOWN = "unknown", _("Unclear, unknown or not stated")


class Relationship(models.TextChoices):
    """The suspect's relationship to the victim (s.9(1) DVCVA 2004; library categories)."""

    CURRENT_PARTNER = "current_partner", _("Current intimate partner")
    FORMER_PARTNER = "former_partner", _("Former intimate partner")
    SPOUSE = "spouse", _("Spouse or civil partner")
    PARENT = "parent", _("Parent or step-parent")
    CHILD = "child", _("Son or daughter (including adult children)")
    SIBLING = "sibling", _("Brother or sister")
    OTHER_RELATIVE = "other_relative", _("Other relative")
    HOUSEHOLD_MEMBER = "household_member", _("Member of the same household")
    FREQUENT_VISITOR = "frequent_visitor", _("Frequent visitor to the household")
    OTHER = "other", _("Other or none of these")
    UNKNOWN = "unknown", _("Not known")


class PlaceOfDeathType(models.TextChoices):
    RESIDENTIAL = "residential", _("Residential location")
    PUBLIC = "public", _("Public place")
    OTHER = "other", _("Other")
    NOT_KNOWN = "not_known", _("Not known")


class OtherReview(models.TextChoices):
    SAR = "sar", _("Safeguarding Adults Review")
    CSPR = "cspr", _("Child Safeguarding Practice Review")
    MHHR = "mhhr", _("Mental Health Homicide Review")
    OWHR = "owhr", _("Offensive Weapons Homicide Review")
    IOPC = "iopc", _("IOPC investigation")
    INQUEST = "inquest", _("Coroner's inquest")
    SUSR = "susr", _("Single Unified Safeguarding Review (Wales)")


class AppointmentRole(models.TextChoices):
    INDEPENDENT_CHAIR = "independent_chair", _("Independent chair")
    REPORT_WRITER = "report_writer", _("Report writer")


# The 43 territorial police forces of England and Wales, grouped as the national library does.
POLICE_FORCE_AREAS: list[tuple[str, str]] = [
    (name, name)
    for name in [
        "Avon and Somerset",
        "Bedfordshire",
        "Cambridgeshire",
        "Cheshire",
        "City of London",
        "Cleveland",
        "Cumbria",
        "Derbyshire",
        "Devon and Cornwall",
        "Dorset",
        "Durham",
        "Dyfed-Powys",
        "Essex",
        "Gloucestershire",
        "Greater Manchester",
        "Gwent",
        "Hampshire",
        "Hertfordshire",
        "Humberside",
        "Kent",
        "Lancashire",
        "Leicestershire",
        "Lincolnshire",
        "Merseyside",
        "Metropolitan Police",
        "Norfolk",
        "North Wales",
        "North Yorkshire",
        "Northamptonshire",
        "Northumbria",
        "Nottinghamshire",
        "South Wales",
        "South Yorkshire",
        "Staffordshire",
        "Suffolk",
        "Surrey",
        "Sussex",
        "Thames Valley",
        "Warwickshire",
        "West Mercia",
        "West Midlands",
        "West Yorkshire",
        "Wiltshire",
    ]
]
