"""People around the victim and the record of their involvement (domain.md 2.7; R37-R44, R78).

Names, contact details, safety notes and the family's own words are `EncryptedTextField`s
(Fernet with FIELD_ENCRYPTION_KEYS, separate from SECRET_KEY): the database holds ciphertext.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dhr.core.fields import EncryptedTextField
from dhr.core.models import TimeStampedModel
from dhr.family.choices import (
    AdvocacyOutcome,
    Channel,
    ContactKind,
    ContributionForm,
    Language,
    LetterTemplate,
    PerpetratorOutcome,
    PerpetratorRoute,
    StepKind,
)
from dhr.reviews.models import Review

# UK numbers: 0 then 9 or 10 digits, or +44 then 9 or 10 digits (spaces, dashes, brackets ok).
UK_PHONE = re.compile(r"^(?:0\d{9,10}|\+44\d{9,10})$")

# R41 (AAFDA model, guidance Section 6): time and privacy with the draft; at least 10 working
# days unless a shorter period is agreed and its reason recorded.
MIN_READING_WORKING_DAYS = 10
# Regular updates: at least every four weeks unless the family agreed otherwise.
DEFAULT_UPDATE_CADENCE_DAYS = 28


def normalise_phone(value: str) -> str:
    return re.sub(r"[\s\-()]", "", value or "")


def validate_uk_phone(value: str) -> None:
    if value and not UK_PHONE.match(normalise_phone(value)):
        raise ValidationError(
            _("Enter a UK phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"),
            code="invalid_phone",
        )


def validate_contact_email(value: str) -> None:
    if value:
        try:
            validate_email(value)
        except ValidationError as error:
            raise ValidationError(
                _("Enter an e-mail address in the correct format, like name@example.com"),
                code="invalid_email",
            ) from error


class FamilyArrangement(TimeStampedModel):
    """What was agreed with the family for this review: how often they hear from us."""

    review = models.OneToOneField(
        Review, on_delete=models.CASCADE, related_name="family_arrangement"
    )
    update_cadence_days = models.PositiveSmallIntegerField(
        _("days between updates"),
        default=DEFAULT_UPDATE_CADENCE_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(91)],
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])


class Contact(TimeStampedModel):
    """A person around the victim. `never_share_with`: linked to the perpetrator (R78)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="family_contacts")
    kind = models.CharField(_("who they are"), max_length=16, choices=ContactKind.choices)
    relationship = models.CharField(_("relationship to the victim"), max_length=100)
    full_name = EncryptedTextField(_("full name"))
    address = EncryptedTextField(_("address"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True, validators=[validate_uk_phone])
    email = EncryptedTextField(_("e-mail"), blank=True, validators=[validate_contact_email])
    preferred_channel = models.CharField(
        _("preferred way to be contacted"), max_length=16, choices=Channel.choices
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    accessibility_needs = EncryptedTextField(_("accessibility needs"), blank=True)
    safety_notes = EncryptedTextField(_("safety notes"), blank=True)
    never_share_with = models.BooleanField(_("linked to the perpetrator"), default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["created_at"]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.preferred_channel == Channel.EMAIL and not self.email:
            errors["email"] = str(_("Enter an e-mail address, or choose another way to contact"))
        if self.preferred_channel == Channel.PHONE and not self.phone:
            errors["phone"] = str(_("Enter a phone number, or choose another way to contact"))
        if self.preferred_channel == Channel.LETTER and not self.address:
            errors["address"] = str(_("Enter an address, or choose another way to contact"))
        if errors:
            raise ValidationError(errors)


class InvolvementStep(TimeStampedModel):
    """One dated step of involvement (R37-R42). Fields beyond the date belong to some kinds."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="family_steps")
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="steps"
    )
    kind = models.CharField(_("step"), max_length=24, choices=StepKind.choices)
    occurred_on = models.DateField(_("date"))
    notes = EncryptedTextField(_("notes"), blank=True)
    advocacy_outcome = models.CharField(
        _("the family's choice"), max_length=20, choices=AdvocacyOutcome.choices, blank=True
    )
    national_homicide_service = models.BooleanField(
        _("referred through the National Homicide Service"), default=False
    )
    contribution_form = models.CharField(
        _("form of contribution"), max_length=12, choices=ContributionForm.choices, blank=True
    )
    consent_scope = EncryptedTextField(_("consent agreed"), blank=True)
    reading_ends_on = models.DateField(_("reading period ends"), null=True, blank=True)
    shorter_reading_reason = EncryptedTextField(_("reason for a shorter period"), blank=True)
    pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    family_words = EncryptedTextField(_("in the family's words"), blank=True)
    publication_on = models.DateField(_("publication date"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["occurred_on", "created_at"]


class DraftComment(TimeStampedModel):
    """A family comment on the draft and the panel's response to it (R41)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="draft_comments")
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    received_on = models.DateField(_("date received"))
    comment = EncryptedTextField(_("the family's comment"))
    response = EncryptedTextField(_("the panel's response"), blank=True)
    responded_on = models.DateField(_("date of response"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["received_on", "created_at"]

    def clean(self) -> None:
        if self.responded_on and self.responded_on < self.received_on:
            raise ValidationError(
                {"responded_on": _("The response cannot be before the comment was received")}
            )


class PerpetratorContribution(TimeStampedModel):
    """R44: a request to the perpetrator through prison or probation, and what came of it."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="perpetrator_contributions"
    )
    route = models.CharField(_("asked"), max_length=12, choices=PerpetratorRoute.choices)
    requested_on = models.DateField(_("date asked"))
    outcome = models.CharField(
        _("outcome"),
        max_length=12,
        choices=PerpetratorOutcome.choices,
        default=PerpetratorOutcome.PENDING,
    )
    outcome_on = models.DateField(_("date of outcome"), null=True, blank=True)
    notes = EncryptedTextField(_("notes"), blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["requested_on", "created_at"]

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.outcome != PerpetratorOutcome.PENDING and self.outcome_on is None:
            errors["outcome_on"] = _("Enter the date of the outcome")
        if self.outcome_on and self.outcome_on < self.requested_on:
            errors["outcome_on"] = _("The outcome cannot be before the request")
        if errors:
            raise ValidationError(errors)


class LetterSent(TimeStampedModel):
    """A letter generated for a contact and recorded as sent."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="family_letters")
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="letters")
    template = models.CharField(_("letter"), max_length=12, choices=LetterTemplate.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    sent_on = models.DateField(_("date"))
    filename = models.CharField(max_length=120)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["sent_on", "created_at"]
