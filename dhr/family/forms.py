"""Forms for family involvement. Validation messages follow the GOV.UK Design System."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dhr.core.forms import GovukDateField, YesNoField
from dhr.family.choices import (
    AdvocacyOutcome,
    Channel,
    ContactKind,
    ContributionForm,
    Language,
    PerpetratorOutcome,
    PerpetratorRoute,
    StepKind,
)
from dhr.family.models import Contact, validate_contact_email, validate_uk_phone
from dhr.family.services.involvement import SENDING_STEPS


def _not_future(value: dt.date | None) -> dt.date | None:
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(_("The date must be today or in the past"))
    return value


def _text(label: Any, *, required: bool = False, help_text: Any = "", **kwargs: Any) -> Any:
    return forms.CharField(
        label=label, required=required, help_text=help_text, widget=forms.Textarea, **kwargs
    )


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Who are they?"),
        choices=ContactKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who they are")},
    )
    relationship = forms.CharField(
        label=_("Relationship to the victim"),
        max_length=100,
        help_text=_("For example, mother, sister, best friend, line manager"),
        error_messages={"required": _("Enter their relationship to the victim")},
    )
    full_name = forms.CharField(
        label=_("Full name"), error_messages={"required": _("Enter their full name")}
    )
    address = _text(_("Address"))
    phone = forms.CharField(label=_("Phone number"), required=False, validators=[validate_uk_phone])
    email = forms.CharField(
        label=_("E-mail address"), required=False, validators=[validate_contact_email]
    )
    preferred_channel = forms.ChoiceField(
        label=_("How would they like to be contacted?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how they would like to be contacted")},
    )
    preferred_language = forms.ChoiceField(
        label=_("Which language would they like letters in?"),
        choices=Language.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose English or Welsh")},
    )
    accessibility_needs = _text(
        _("Accessibility needs"),
        help_text=_("For example, large print, an interpreter, or a quiet room"),
    )
    safety_notes = _text(_("Safety notes"))
    never_share_with = YesNoField(
        label=_("Is this person linked to the perpetrator?"),
        help_text=_(
            "If yes, nothing about the review will ever be sent to them, and they are left "
            "out of every list used for sending."
        ),
        error_messages={"required": _("Choose yes if this person is linked to the perpetrator")},
    )

    @classmethod
    def initial_from(cls, contact: Contact) -> dict[str, Any]:
        return {name: getattr(contact, name) for name in cls.base_fields}


class ArrangementForm(forms.Form):
    update_cadence_days = forms.IntegerField(
        label=_("How many days between updates did you agree with the family?"),
        help_text=_("At least every 28 days unless the family asked for something else"),
        min_value=1,
        max_value=91,
        error_messages={
            "required": _("Enter the number of days between updates"),
            "invalid": _("Enter a whole number of days, like 14"),
            "min_value": _("Enter at least 1 day"),
            "max_value": _("Enter 91 days or fewer"),
        },
    )


class StepKindForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What happened?"),
        choices=StepKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happened")},
    )


class StepForm(forms.Form):
    """The date, who it involved and notes; then the questions that belong to `kind`."""

    occurred_on = GovukDateField(label=_("Date"), error_messages={"required": _("Enter the date")})
    contact = forms.ChoiceField(label=_("Who was it with?"), required=False)
    notes = _text(_("Notes"), help_text=_("Do not include other people's contact details"))

    def __init__(self, *args: Any, kind: str, contacts: list[Contact], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        # R78: a list for sending leaves out anyone linked to the perpetrator.
        shown = [c for c in contacts if not (kind in SENDING_STEPS and c.never_share_with)]
        self.contacts = {str(c.pk): c for c in shown}
        choices: list[tuple[str, Any]] = [("", _("The family as a whole"))]
        choices += [(str(c.pk), f"{c.full_name} ({c.relationship})") for c in shown]
        cast(forms.ChoiceField, self.fields["contact"]).choices = choices
        if kind == StepKind.ADVOCACY_OFFERED:
            self.fields["advocacy_outcome"] = forms.ChoiceField(
                label=_("What did the family decide?"),
                choices=AdvocacyOutcome.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose what the family decided about advocacy")},
            )
            self.fields["national_homicide_service"] = forms.BooleanField(
                label=_("Referred through the National Homicide Service"), required=False
            )
        if kind == StepKind.CONTRIBUTION:
            self.fields["contribution_form"] = forms.ChoiceField(
                label=_("How did they contribute?"),
                choices=ContributionForm.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how they contributed")},
            )
            self.fields["consent_scope"] = _text(
                _("What did they agree their contribution may be used for?"),
                required=True,
                error_messages={
                    "required": _("Enter what they agreed their contribution may be used for")
                },
            )
        if kind == StepKind.DRAFT_SHARED:
            self.fields["reading_ends_on"] = GovukDateField(
                label=_("Last day of the reading period"),
                required=False,
                help_text=_(
                    "Leave blank for the minimum: 10 working days after the draft is shared"
                ),
            )
            self.fields["shorter_reading_reason"] = _text(
                _("If shorter than 10 working days, why did the family agree to that?")
            )
        if kind == StepKind.PSEUDONYM_CHOSEN:
            self.fields["pseudonym"] = forms.CharField(
                label=_("The pseudonym the family chose"),
                max_length=100,
                error_messages={"required": _("Enter the pseudonym the family chose")},
            )
        if kind == StepKind.TRIBUTE:
            self.fields["family_words"] = _text(
                _("The tribute, in the family's own words"),
                required=True,
                error_messages={"required": _("Enter the tribute in the family's words")},
            )
        if kind == StepKind.PUBLICATION_NOTICE:
            self.fields["publication_on"] = GovukDateField(
                label=_("Publication date"),
                error_messages={"required": _("Enter the publication date")},
            )

    def clean_occurred_on(self) -> dt.date | None:
        return _not_future(self.cleaned_data.get("occurred_on"))

    def chosen_contact(self) -> Contact | None:
        return self.contacts.get(self.cleaned_data.get("contact") or "")


class DraftCommentForm(forms.Form):
    received_on = GovukDateField(
        label=_("Date the comment was received"),
        error_messages={"required": _("Enter the date the comment was received")},
    )
    comment = _text(
        _("The family's comment"),
        required=True,
        error_messages={"required": _("Enter the family's comment")},
    )
    response = _text(_("The panel's response"), help_text=_("You can add this later"))
    responded_on = GovukDateField(label=_("Date of the response"), required=False)


class CommentResponseForm(forms.Form):
    response = _text(
        _("The panel's response"),
        required=True,
        error_messages={"required": _("Enter the panel's response")},
    )
    responded_on = GovukDateField(
        label=_("Date of the response"),
        error_messages={"required": _("Enter the date of the response")},
    )


class PerpetratorContributionForm(forms.Form):
    route = forms.ChoiceField(
        label=_("How was the perpetrator asked?"),
        choices=PerpetratorRoute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose prison or probation")},
    )
    requested_on = GovukDateField(
        label=_("Date asked"), error_messages={"required": _("Enter the date asked")}
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=PerpetratorOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome")},
    )
    outcome_on = GovukDateField(label=_("Date of the outcome"), required=False)
    notes = _text(_("Notes"))


class LetterForm(forms.Form):
    sent_on = GovukDateField(
        label=_("Date of the letter"),
        error_messages={"required": _("Enter the date of the letter")},
    )
