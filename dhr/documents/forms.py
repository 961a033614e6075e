"""The upload form. The file itself is judged by the service (validation.py), not here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from dhr.accounts.models import Organisation, OrganisationKind
from dhr.documents.models import Purpose
from dhr.reviews.models import Review
from dhr.reviews.rules import can_view_case_record


def agency_choices() -> QuerySet[Organisation]:
    """Agencies a case-record reader may file a document under: any agency, not a CSP."""
    return Organisation.objects.exclude(kind=OrganisationKind.CSP)


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Upload a file"),
        help_text=_("PDF, DOCX, XLSX, CSV, ODT, PNG or JPEG. The file must be smaller than 25MB."),
        error_messages={
            "required": _("Select a file"),
            "empty": _("The selected file is empty"),
            "invalid": _("Select a file"),
        },
    )
    purpose = forms.ChoiceField(
        label=_("What is the document?"),
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what the document is")},
    )
    agency = forms.ModelChoiceField(
        label=_("Which agency does it belong to?"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("None: a CSP document"),
        help_text=_("Agency contributors see only their own agency's documents."),
    )

    def __init__(
        self, *args: Any, user: Any, review: Review, help_size: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if help_size:
            self.fields["file"].help_text = _(
                "PDF, DOCX, XLSX, CSV, ODT, PNG or JPEG. The file must be smaller than %(size)s."
            ) % {"size": help_size}
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        if can_view_case_record.test(user, review):
            field.queryset = agency_choices()
        else:
            # An agency contributor speaks for one agency in a review (one membership per
            # role): the service files the document under it.
            del self.fields["agency"]
