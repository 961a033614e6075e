"""The chronology's vocabularies (domain.md 4.4). Values match `importer` so files map onto them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    EXACT = "exact", _("Exact (date and time)")
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    APPROXIMATE = "approximate", _("Approximate (within the year)")


class ContactType(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("Face to face")
    PHONE = "phone", _("Phone")
    HOME_VISIT = "home_visit", _("Home visit")
    APPOINTMENT = "appointment", _("Appointment")
    LETTER = "letter", _("Letter")
    REFERRAL = "referral", _("Referral")
    ASSESSMENT = "assessment", _("Assessment")
    OTHER = "other", _("Other")


class PersonInvolved(models.TextChoices):
    VICTIM = "victim", _("Victim")
    PERPETRATOR = "perpetrator", _("Perpetrator")
    CHILD = "child", _("Child")
    OTHER = "other", _("Other")


class Referral(models.TextChoices):
    MARAC = "marac", _("MARAC")
    MASH = "mash", _("MASH")
    IDVA = "idva", _("IDVA")
    SAFEGUARDING_ADULTS = "safeguarding_adults", _("Safeguarding adults")
    SAFEGUARDING_CHILDREN = "safeguarding_children", _("Safeguarding children")
    OTHER = "other", _("Other")


class PanelMark(models.TextChoices):
    NONE = "", _("None")
    MISSED_OPPORTUNITY = "missed_opportunity", _("Missed opportunity")
    GOOD_PRACTICE = "good_practice", _("Good practice")


class SubmissionMethod(models.TextChoices):
    UPLOAD = "upload", _("Uploaded file")
    FORM = "form", _("Entered in the service")
