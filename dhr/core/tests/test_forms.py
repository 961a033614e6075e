"""The GOV.UK date input: the Design System's error messages and a real date or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms

from dhr.core.forms import GovukDateField, YesNoField


class DateForm(forms.Form):
    when = GovukDateField(label="Date of death")
    answer = YesNoField(label="Was anyone arrested?")


def _form(day: str, month: str, year: str, answer: str = "yes") -> DateForm:
    return DateForm({"when_0": day, "when_1": month, "when_2": year, "answer": answer})


def test_valid_date_and_yes_no() -> None:
    form = _form("29", "2", "2024", "no")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["when"] == dt.date(2024, 2, 29)
    assert form.cleaned_data["answer"] is False


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "3", "2024"), "The date must include a day"),
        (("1", "", "2024"), "The date must include a month"),
        (("1", "3", ""), "The date must include a year"),
        (("30", "2", "2024"), "The date must be a real date"),
        (("aa", "2", "2024"), "The date must be a real date"),
        (("1", "2", "24"), "The year must include 4 numbers"),
    ],
)
def test_date_errors_say_what_is_wrong(parts: tuple[str, str, str], message: str) -> None:
    form = _form(*parts)
    assert not form.is_valid()
    assert form.errors["when"] == [message]


def test_missing_date_is_required() -> None:
    form = _form("", "", "")
    assert not form.is_valid()
    assert "when" in form.errors


def test_rendered_markup_uses_govuk_date_input_with_error_link() -> None:
    form = _form("30", "2", "2024")
    form.is_valid()
    html = str(form)
    assert 'class="govuk-date-input"' in html
    assert 'id="id_when_0"' in html
    assert "govuk-form-group--error" in html
    assert "govuk-error-message" in html
