"""The fixed vocabularies of family involvement (domain.md 2.7; R37-R44)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    """R43: reviews hear from friends, colleagues, employers and neighbours as well as family."""

    FAMILY = "family", _("Family member")
    FRIEND = "friend", _("Friend")
    COLLEAGUE = "colleague", _("Colleague")
    EMPLOYER = "employer", _("Employer")
    NEIGHBOUR = "neighbour", _("Neighbour")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    WELSH = "cy", _("Welsh")


class StepKind(models.TextChoices):
    LEAFLET_SENT = "leaflet_sent", _("Home Office leaflet sent")
    ADVOCACY_OFFERED = "advocacy_offered", _("Specialist advocacy offered")
    TOR_CONSULTED = "tor_consulted", _("Consulted on the terms of reference")
    CONTRIBUTION = "contribution", _("Contribution to the review")
    MET_PANEL = "met_panel", _("Met the review panel")
    UPDATE_GIVEN = "update_given", _("Update given")
    DRAFT_SHARED = "draft_shared", _("Draft report shared")
    PSEUDONYM_CHOSEN = "pseudonym_chosen", _("Pseudonym chosen")
    TRIBUTE = "tribute", _("Tribute or pen portrait")
    PUBLICATION_NOTICE = "publication_notice", _("Told the publication date")


class AdvocacyOutcome(models.TextChoices):
    """R37: the family is given time to choose; "considering" records that they are."""

    AAFDA = "aafda", _("AAFDA advocate")
    OTHER_SPECIALIST = "other_specialist", _("Another specialist advocate")
    DECLINED = "declined", _("Declined")
    CONSIDERING = "considering", _("Still considering")


class ContributionForm(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    WRITTEN = "written", _("Written account")
    DOCUMENTS = "documents", _("Documents")


class PerpetratorRoute(models.TextChoices):
    PRISON = "prison", _("Through the prison")
    PROBATION = "probation", _("Through probation")


class PerpetratorOutcome(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    AGREED = "agreed", _("Agreed to contribute")
    DECLINED = "declined", _("Declined")
    NO_RESPONSE = "no_response", _("No response")


class LetterTemplate(models.TextChoices):
    FIRST = "first", _("First letter, with the Home Office leaflet")
    UPDATE = "update", _("Update letter")
    DRAFT = "draft", _("Draft-sharing letter")
    PUBLICATION = "publication", _("Publication notice")
