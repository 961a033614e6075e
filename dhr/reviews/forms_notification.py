"""The notification of a death (domain.md 4.1; R16, R17, R18, R23), as one GOV.UK form.

The form only parses and checks what a person typed; `notification_record` does the writing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from dhr.accounts.models import Organisation, OrganisationKind
from dhr.core.forms import GovukDateField, GovukTimeField, YesNoField
from dhr.reviews.choices import (
    POLICE_FORCE_AREAS,
    OtherReview,
    PlaceOfDeathType,
    Relationship,
    Sex,
)
from dhr.reviews.services.notification import PersonDetails

MAX_AGE = 130


def _age_on(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class NotificationForm(forms.Form):
    """Everything the CSP needs to open a case. Sections are grouped by `SECTIONS`."""

    csp = forms.ModelChoiceField(
        label=_("Which CSP is this notification for?"),
        help_text=_("Normally the CSP for the area where the victim lived"),
        queryset=Organisation.objects.none(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the CSP this notification is for"),
            "invalid_choice": _("Select a CSP you are coordinator or chair of"),
        },
    )
    notifying_agency = forms.ModelChoiceField(
        label=_("Notifying agency"),
        help_text=_("Choose the agency, or type its name below if it is not listed"),
        queryset=Organisation.objects.exclude(kind=OrganisationKind.CSP).order_by("name"),
        required=False,
        empty_label=_("Not listed"),
        error_messages={"invalid_choice": _("Select an agency from the list")},
    )
    notifying_agency_name = forms.CharField(
        label=_("Name of the notifying agency, if not listed"), max_length=200, required=False
    )
    notifying_officer = forms.CharField(
        label=_("Name of the notifying officer or professional"),
        max_length=200,
        error_messages={"required": _("Enter the name of the notifying officer")},
    )
    notifying_officer_contact = forms.CharField(
        label=_("Their contact details"),
        help_text=_("Telephone number or e-mail address"),
        max_length=300,
        required=False,
    )
    notified_on = GovukDateField(
        label=_("Date notified"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date notified")},
    )
    notified_time = GovukTimeField(
        label=_("Time notified"),
        error_messages={
            "required": _("Enter the time notified"),
            "invalid": _("Enter the time notified using the 24-hour clock, like 14:30"),
        },
    )
    came_to_attention_on = GovukDateField(
        label=_("Date the death came to the CSP's attention"),
        help_text=_(
            "The one-month decision clock starts on this date. Leave blank to use the date "
            "notified."
        ),
        required=False,
    )
    date_of_death = GovukDateField(
        label=_("Date of death"),
        help_text=_("If the exact date is not known, enter the date the death was discovered"),
        error_messages={"required": _("Enter the date of death")},
    )
    place_of_death_type = forms.ChoiceField(
        label=_("Place of death"),
        choices=PlaceOfDeathType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the type of place where the death happened")},
    )
    place_of_death = forms.CharField(
        label=_("Address or description of the place of death"),
        widget=forms.Textarea,
        required=False,
    )
    police_force_area = forms.ChoiceField(
        label=_("Police force area"),
        choices=[("", _("Choose a police force area")), *POLICE_FORCE_AREAS],
        error_messages={"required": _("Select the police force area")},
    )
    victim_full_name = forms.CharField(
        label=_("Victim's full name"),
        max_length=200,
        error_messages={"required": _("Enter the victim's full name")},
    )
    victim_date_of_birth = GovukDateField(
        label=_("Victim's date of birth"),
        help_text=_("Leave blank if not known and give their age at death instead"),
        required=False,
    )
    victim_age_at_death = forms.IntegerField(
        label=_("Victim's age at death"),
        min_value=0,
        max_value=MAX_AGE,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={"invalid": _("Age at death must be a whole number, like 34")},
    )
    victim_sex = forms.ChoiceField(
        label=_("Victim's sex"),
        choices=Sex.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the victim's sex")},
    )
    suspect_full_name = forms.CharField(
        label=_("Suspect's full name"),
        help_text=_("Leave blank if no suspect has been identified"),
        max_length=200,
        required=False,
    )
    suspect_age = forms.IntegerField(
        label=_("Suspect's age"),
        min_value=0,
        max_value=MAX_AGE,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={"invalid": _("The suspect's age must be a whole number, like 40")},
    )
    suspect_sex = forms.ChoiceField(
        label=_("Suspect's sex"),
        choices=Sex.choices,
        initial=Sex.UNKNOWN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the suspect's sex")},
    )
    suspect_relationship = forms.ChoiceField(
        label=_("Suspect's relationship to the victim"),
        choices=[("", _("Choose a relationship")), *Relationship.choices],
        error_messages={"required": _("Select the suspect's relationship to the victim")},
    )
    suspect_arrested = YesNoField(
        label=_("Has the suspect been arrested?"),
        error_messages={"required": _("Select yes if the suspect has been arrested")},
    )
    suspect_charged = YesNoField(
        label=_("Has the suspect been charged?"),
        error_messages={"required": _("Select yes if the suspect has been charged")},
    )
    suspect_deceased = YesNoField(
        label=_("Has the suspect died?"),
        error_messages={"required": _("Select yes if the suspect has died")},
    )
    suspected_suicide = YesNoField(
        label=_("Is the death a suspected suicide?"),
        error_messages={"required": _("Select yes if the death is a suspected suicide")},
    )
    children_in_household = YesNoField(
        label=_("Were there children in the household?"),
        error_messages={"required": _("Select yes if there were children in the household")},
    )
    children_present = YesNoField(
        label=_("Were children present at the time?"),
        error_messages={"required": _("Select yes if children were present at the time")},
    )
    known_agency_contact = forms.CharField(
        label=_("Known contact with agencies"),
        help_text=_("Agencies known to have been in contact with the victim or suspect"),
        widget=forms.Textarea,
        required=False,
    )
    other_reviews = forms.MultipleChoiceField(
        label=_("Other reviews or investigations this death has triggered"),
        help_text=_("Select all that apply"),
        choices=OtherReview.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    circumstances = forms.CharField(
        label=_("Summary of the circumstances"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter a summary of the circumstances")},
    )
    cooperating_csps = forms.ModelMultipleChoiceField(
        label=_("Other CSPs co-operating on this review (cross-border cases)"),
        help_text=_("Select any other CSPs involved, for example where the victim lived"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.CSP).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    SECTIONS: tuple[tuple[Any, tuple[str, ...]], ...] = (
        (_("CSP"), ("csp",)),
        (
            _("Who notified the CSP"),
            (
                "notifying_agency",
                "notifying_agency_name",
                "notifying_officer",
                "notifying_officer_contact",
                "notified_on",
                "notified_time",
                "came_to_attention_on",
            ),
        ),
        (
            _("The death"),
            ("date_of_death", "place_of_death_type", "place_of_death", "police_force_area"),
        ),
        (
            _("The victim"),
            ("victim_full_name", "victim_date_of_birth", "victim_age_at_death", "victim_sex"),
        ),
        (
            _("The suspect"),
            (
                "suspect_full_name",
                "suspect_age",
                "suspect_sex",
                "suspect_relationship",
                "suspect_arrested",
                "suspect_charged",
                "suspect_deceased",
            ),
        ),
        (
            _("Circumstances"),
            (
                "suspected_suicide",
                "children_in_household",
                "children_present",
                "known_agency_contact",
                "other_reviews",
                "circumstances",
            ),
        ),
        (_("Cross-border"), ("cooperating_csps",)),
    )

    def __init__(self, *args: Any, csps: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.only_csp: Organisation | None = None
        if csps.count() == 1:
            # One CSP: no question to ask (GOV.UK: do not ask what you already know).
            self.only_csp = csps.get()
            del self.fields["csp"]
        else:
            self.fields["csp"].queryset = csps

    def sections(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [
            (title, [self[name] for name in names if name in self.fields])
            for title, names in self.SECTIONS
            if any(name in self.fields for name in names)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        today = timezone.localdate()
        if self.only_csp is not None:
            data["csp"] = self.only_csp

        agency_named = (data.get("notifying_agency_name") or "").strip()
        if (
            not data.get("notifying_agency")
            and not agency_named
            and "notifying_agency" not in self.errors
        ):
            self.add_error(
                "notifying_agency",
                _("Choose the notifying agency, or type its name if it is not listed"),
            )

        death = data.get("date_of_death")
        notified_on = data.get("notified_on")
        notified_time = data.get("notified_time")
        attention = data.get("came_to_attention_on") or notified_on
        data["came_to_attention_on"] = attention

        if death and death > today:
            self.add_error("date_of_death", _("The date of death must be today or in the past"))
        if notified_on and notified_time:
            notified_at = timezone.make_aware(dt.datetime.combine(notified_on, notified_time))
            data["notified_at"] = notified_at
            if notified_at > timezone.now():
                self.add_error("notified_on", _("The date notified must be today or in the past"))
            elif death and notified_on < death:
                self.add_error(
                    "notified_on",
                    _("The date notified must be the same as or after the date of death"),
                )
        if attention and "came_to_attention_on" not in self.errors:
            if attention > today:
                self.add_error(
                    "came_to_attention_on",
                    _(
                        "The date the death came to the CSP's attention must be today or in "
                        "the past"
                    ),
                )
            elif death and attention < death:
                self.add_error(
                    "came_to_attention_on",
                    _(
                        "The date the death came to the CSP's attention must be the same as or "
                        "after the date of death"
                    ),
                )

        born = data.get("victim_date_of_birth")
        age = data.get("victim_age_at_death")
        if born and death:
            if born > death:
                self.add_error(
                    "victim_date_of_birth",
                    _("The victim's date of birth must be before the date of death"),
                )
            else:
                worked_out = _age_on(born, death)
                if age is not None and age != worked_out:
                    self.add_error(
                        "victim_age_at_death",
                        _("The age at death does not match the date of birth and date of death"),
                    )
                data["victim_age_at_death"] = worked_out
        elif (
            born is None
            and age is None
            and "victim_date_of_birth" not in self.errors
            and "victim_age_at_death" not in self.errors
        ):
            self.add_error(
                "victim_age_at_death",
                _("Enter the victim's date of birth or their age at death"),
            )

        lead = data.get("csp")
        if lead is not None and data.get("cooperating_csps"):
            data["cooperating_csps"] = [c for c in data["cooperating_csps"] if c.pk != lead.pk]
        return data

    def service_kwargs(self) -> dict[str, Any]:
        """The cleaned answers as keyword arguments for `notification_record`."""
        d = self.cleaned_data
        return {
            "csp": d["csp"],
            "notified_at": d["notified_at"],
            "came_to_attention_on": d["came_to_attention_on"],
            "date_of_death": d["date_of_death"],
            "place_of_death_type": d["place_of_death_type"],
            "place_of_death": d["place_of_death"],
            "police_force_area": d["police_force_area"],
            "notifying_agency": d["notifying_agency"],
            "notifying_agency_name": d["notifying_agency_name"],
            "notifying_officer": d["notifying_officer"],
            "notifying_officer_contact": d["notifying_officer_contact"],
            "victim": PersonDetails(
                full_name=d["victim_full_name"],
                date_of_birth=d["victim_date_of_birth"],
                age_at_death=d["victim_age_at_death"],
                sex=d["victim_sex"],
            ),
            "suspect": PersonDetails(
                full_name=d["suspect_full_name"],
                age_at_death=d["suspect_age"],
                sex=d["suspect_sex"],
                relationship_to_victim=d["suspect_relationship"],
            ),
            "suspect_arrested": d["suspect_arrested"],
            "suspect_charged": d["suspect_charged"],
            "suspect_deceased": d["suspect_deceased"],
            "suspected_suicide": d["suspected_suicide"],
            "children_in_household": d["children_in_household"],
            "children_present": d["children_present"],
            "known_agency_contact": d["known_agency_contact"],
            "other_reviews": d["other_reviews"],
            "circumstances": d["circumstances"],
            "cooperating_csps": list(d["cooperating_csps"]),
        }

    def summary_rows(self) -> list[tuple[Any, list[tuple[Any, str, str]]]]:
        """Check-your-answers rows per section: (label, answer as text, field id to change)."""
        d = self.cleaned_data
        no_answer = str(_("Not given"))

        def text(name: str) -> str:
            value = d.get(name)
            field = self.fields[name]
            if value in (None, "", []):
                return no_answer
            if isinstance(value, bool):
                return str(_("Yes") if value else _("No"))
            if isinstance(value, dt.date):
                return date_format(value, "j F Y")
            if isinstance(value, dt.time):
                return value.strftime("%H:%M")
            if isinstance(field, forms.ModelMultipleChoiceField):
                return ", ".join(str(v) for v in value)
            if isinstance(field, forms.MultipleChoiceField):
                labels = dict(field.choices)
                return ", ".join(str(labels.get(v, v)) for v in value)
            if isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.ModelChoiceField
            ):
                return str(dict(field.choices).get(value, value))
            return str(value)

        rows = []
        for title, names in self.SECTIONS:
            section = [
                (self.fields[name].label, text(name), self[name].auto_id)
                for name in names
                if name in self.fields
            ]
            if section:
                rows.append((title, section))
        return rows
