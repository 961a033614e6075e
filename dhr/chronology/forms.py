"""Forms for adding an entry, uploading a file, marking an entry and the gap setting."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dhr.chronology.choices import ContactType, DatePrecision, PanelMark, PersonInvolved, Referral
from dhr.chronology.importer import MAX_TEXT, MAX_UPLOAD_BYTES, window_end
from dhr.chronology.messages import message_for
from dhr.core.forms import GovukDateField, GovukTimeField, YesNoField
from dhr.documents.validation import UploadRejected, check_upload


class EntryForm(forms.Form):
    occurred_on = GovukDateField(
        label=_("Date of the contact"),
        help_text=_("For example, 14 3 2023. For a month or an approximate date, give day 1."),
        error_messages={"required": _("Enter the date of the contact")},
    )
    date_precision = forms.ChoiceField(
        label=_("How precise is the date?"),
        choices=DatePrecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how precise the date is")},
    )
    occurred_time = GovukTimeField(label=_("Time (only for an exact date)"), required=False)
    source_reference = forms.CharField(
        label=_("Source record (optional)"),
        max_length=200,
        required=False,
        help_text=_("Your agency's record reference. Do not include names."),
    )
    contact_type = forms.ChoiceField(
        label=_("Type of contact"),
        choices=ContactType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the type of contact")},
    )
    what_happened = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea,
        max_length=MAX_TEXT,
        error_messages={"required": _("Enter what happened")},
    )
    people_involved = forms.MultipleChoiceField(
        label=_("Who was involved"),
        choices=PersonInvolved.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose who was involved")},
    )
    abuse_disclosed = YesNoField(
        label=_("Was abuse disclosed or observed?"),
        error_messages={"required": _("Answer whether abuse was disclosed or observed")},
    )
    risk_assessment = forms.CharField(
        label=_("Risk assessment (optional)"),
        max_length=500,
        required=False,
        help_text=_("For example, DASH: high risk"),
    )
    referrals_made = forms.MultipleChoiceField(
        label=_("Referrals made (optional)"),
        choices=Referral.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    action_taken = forms.CharField(
        label=_("Action taken (optional)"),
        widget=forms.Textarea,
        max_length=MAX_TEXT,
        required=False,
    )

    def __init__(self, *args: Any, victim_born_on: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.victim_born_on = victim_born_on

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        occurred_on: dt.date | None = data.get("occurred_on")
        precision = data.get("date_precision")
        if occurred_on is None or not precision:
            return data
        if precision == DatePrecision.MONTH:
            occurred_on = data["occurred_on"] = occurred_on.replace(day=1)
        if data.get("occurred_time") and precision != DatePrecision.EXACT:
            self.add_error("occurred_time", _("Give a time only when the date is exact"))
        if occurred_on > timezone.localdate():
            self.add_error("occurred_on", message_for("date_future"))
        elif self.victim_born_on and window_end(occurred_on, precision) < self.victim_born_on:
            self.add_error("occurred_on", message_for("date_before_birth"))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Upload your chronology"),
        help_text=_("An Excel workbook (.xlsx) or a CSV file (UTF-8) made from the template"),
        error_messages={"required": _("Choose a file to upload")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(message_for("file_type"))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(message_for("too_large"))
        # The service-wide intake check: type by content, zip bombs, macros, CSV encoding.
        # The importer repeats the chronology-specific checks, so either refusal is clear.
        try:
            check_upload(
                upload.name, upload.file, allowed={"xlsx", "csv"}, max_bytes=MAX_UPLOAD_BYTES
            )
        except UploadRejected as error:
            raise forms.ValidationError(gettext(error.template) % error.params) from error
        upload.file.seek(0)
        return upload


class MarkForm(forms.Form):
    mark = forms.ChoiceField(
        label=_("How does the panel read this entry?"),
        choices=PanelMark.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea,
        required=False,
        max_length=5000,
        help_text=_("Why: the panel's analysis. Required for a mark."),
    )

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if data.get("mark") and not (data.get("note") or "").strip():
            self.add_error("note", _("Enter a note explaining the mark"))
        return data


class GapForm(forms.Form):
    gap_days = forms.IntegerField(
        label=_("Flag gaps in contact longer than (days)"),
        min_value=1,
        max_value=3650,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={"required": _("Enter a number of days")},
    )
