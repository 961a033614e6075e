"""GOV.UK Design System markup for ordinary Django forms.

Every form renders through `GovukFormRenderer`: labels, hints, error messages and the error
summary follow the Design System, so views and forms stay plain Django.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


class GovukDateWidget(forms.MultiWidget):
    """Three inputs (day, month, year) as in the GOV.UK date input pattern."""

    template_name = "forms/widgets/govuk_date.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets = [
            forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
            forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
            forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with the Design System's error wording."""

    widget = GovukDateWidget

    def __init__(self, **kwargs: Any) -> None:
        # Subfields are optional so that `compress` can say which part is missing, in the
        # Design System's words, instead of Django's generic "Enter a complete value".
        fields = tuple(forms.CharField(required=False) for _part in range(3))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        self.label_text = str(kwargs.get("label") or "")

    def compress(self, data_list: list[Any]) -> dt.date | None:
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [
            name
            for name, part in ((_("day"), day), (_("month"), month), (_("year"), year))
            if not part
        ]
        if missing:
            raise forms.ValidationError(
                _("The date must include a %(part)s") % {"part": missing[0]}, code="incomplete"
            )
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError as error:
            raise forms.ValidationError(
                _("The date must be a real date"), code="invalid"
            ) from error
        if date.year < 1900:
            raise forms.ValidationError(_("The year must include 4 numbers"), code="invalid")
        return date


class GovukTimeField(forms.TimeField):
    widget = forms.TimeInput(attrs={"class": "govuk-input--width-5"}, format="%H:%M")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("Use the 24-hour clock, for example 14:30"))
        super().__init__(input_formats=["%H:%M", "%H.%M"], **kwargs)


def yes_no_choices() -> list[tuple[str, Any]]:
    return [("yes", _("Yes")), ("no", _("No"))]


class YesNoField(forms.TypedChoiceField):
    """A required yes/no question as GOV.UK radios, cleaned to a bool."""

    widget = forms.RadioSelect(attrs={"class": "govuk-radios--inline"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=yes_no_choices(),
            coerce=lambda value: value == "yes",
            **kwargs,
        )

    def prepare_value(self, value: Any) -> Any:
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value
