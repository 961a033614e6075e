"""Forms for the decision, the Home Office letter and response, and agencies that decline."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dhr.accounts.models import Organisation, OrganisationKind
from dhr.core.forms import GovukDateField
from dhr.reviews.choices import DecisionForum, DecisionOutcome, HomeOfficeResponse
from dhr.reviews.models import Decision, EligibilityAssessment, Review
from dhr.reviews.services.decision import (
    JOINT_WITH_CHOICES,
    outcome_choices,
    rationale_required,
)
from dhr.reviews.services.home_office import response_choices


def _check_not_future(value: dt.date | None, message: Any) -> dt.date | None:
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What has been decided?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision")},
    )
    joint_with = forms.ChoiceField(
        label=_("For a joint review: held jointly with"),
        widget=forms.RadioSelect,
        required=False,
        choices=[(value.value, value.label) for value in JOINT_WITH_CHOICES],
    )
    forum = forms.ChoiceField(
        label=_("Who made the decision?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who made the decision")},
    )
    decided_on = GovukDateField(
        label=_("Date of decision"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date of decision")},
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea,
        required=False,
        help_text=_(
            "Why the decision was made. Required if no review will be held, or if the "
            "eligibility check did not recommend a review. Do not include names."
        ),
    )

    def __init__(
        self, *args: Any, review: Review, assessment: EligibilityAssessment | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.review = review
        self.assessment = assessment
        cast(forms.ChoiceField, self.fields["outcome"]).choices = outcome_choices(review)
        forum_name = review.lead_csp.joint_decision_forum
        if forum_name:
            cast(forms.ChoiceField, self.fields["forum"]).choices = [
                (DecisionForum.CSP_CHAIR.value, DecisionForum.CSP_CHAIR.label),
                (DecisionForum.JOINT_PANEL.value, forum_name),
            ]
        else:
            # Only the CSP chair can decide: no question to ask.
            del self.fields["forum"]

    def clean_decided_on(self) -> dt.date | None:
        value = _check_not_future(
            self.cleaned_data.get("decided_on"),
            _("The date of decision must be today or in the past"),
        )
        if value is not None and value < self.review.came_to_attention_on:
            raise forms.ValidationError(
                _(
                    "The date of decision must be the same as or after the date the death came "
                    "to the CSP's attention"
                )
            )
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        outcome = data.get("outcome")
        data.setdefault("forum", DecisionForum.CSP_CHAIR)
        missing_rationale = not (data.get("rationale") or "").strip()
        if (
            outcome
            and missing_rationale
            and rationale_required(outcome=outcome, assessment=self.assessment)
        ):
            self.add_error(
                "rationale",
                _("Enter the rationale for deciding not to hold a review")
                if outcome == DecisionOutcome.NO_REVIEW
                else _(
                    "Enter the rationale: the eligibility check did not recommend a "
                    "review, so explain why one will be held"
                ),
            )
        if outcome == DecisionOutcome.JOINT_REVIEW and not data.get("joint_with"):
            self.add_error("joint_with", _("Choose the review this will be held jointly with"))
        return data


class MarkSentForm(forms.Form):
    sent_on = GovukDateField(
        label=_("Date the letter was sent to the Home Office"),
        error_messages={"required": _("Enter the date the letter was sent")},
    )

    def __init__(self, *args: Any, decision: Decision, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "sent")
        super().__init__(*args, **kwargs)
        self.decision = decision

    def clean_sent_on(self) -> dt.date | None:
        value = _check_not_future(
            self.cleaned_data.get("sent_on"), _("The date sent must be today or in the past")
        )
        if value is not None and value < self.decision.decided_on:
            raise forms.ValidationError(
                _("The date sent must be the same as or after the date of decision")
            )
        return value


class HomeOfficeResponseForm(forms.Form):
    response = forms.ChoiceField(
        label=_("What did the Home Office say?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the Home Office response")},
    )
    response_on = GovukDateField(
        label=_("Date of response"),
        error_messages={"required": _("Enter the date of the response")},
    )
    directed_body = forms.CharField(
        label=_("Directed body"),
        required=False,
        max_length=200,
        help_text=_("For a direction: the body the Secretary of State directed"),
    )
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)

    def __init__(
        self, *args: Any, decision: Decision, sent_on: dt.date | None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("prefix", "response")
        super().__init__(*args, **kwargs)
        self.sent_on = sent_on
        cast(forms.ChoiceField, self.fields["response"]).choices = response_choices(decision)

    def clean_response_on(self) -> dt.date | None:
        value = _check_not_future(
            self.cleaned_data.get("response_on"),
            _("The date of response must be today or in the past"),
        )
        if value is not None and self.sent_on is not None and value < self.sent_on:
            raise forms.ValidationError(
                _("The date of response must be the same as or after the date sent")
            )
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if (
            data.get("response") == HomeOfficeResponse.DIRECTION_PARTICIPATE
            and not (data.get("directed_body") or "").strip()
        ):
            self.add_error("directed_body", _("Enter the body the direction is made to"))
        return data


class AgencyDeclineForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Organisation.objects.exclude(kind=OrganisationKind.CSP).order_by("name"),
        empty_label=_("Choose an agency"),
        error_messages={"required": _("Choose the agency that declined")},
    )
    asked_on = GovukDateField(
        label=_("Date the agency was asked to take part"),
        error_messages={"required": _("Enter the date the agency was asked")},
    )
    declined_on = GovukDateField(
        label=_("Date the agency declined"),
        error_messages={"required": _("Enter the date the agency declined")},
    )
    reason_given = forms.CharField(
        label=_("Reason the agency gave"), widget=forms.Textarea, required=False
    )
    steps_taken = forms.CharField(
        label=_("Steps taken to secure participation"),
        widget=forms.Textarea,
        help_text=_("One step on each line, for example: Letter from the CSP chair, 3 March"),
        error_messages={"required": _("Enter the steps taken to secure participation")},
    )

    def clean_asked_on(self) -> dt.date | None:
        return _check_not_future(
            self.cleaned_data.get("asked_on"), _("The date asked must be today or in the past")
        )

    def clean_declined_on(self) -> dt.date | None:
        return _check_not_future(
            self.cleaned_data.get("declined_on"),
            _("The date declined must be today or in the past"),
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        asked, declined = data.get("asked_on"), data.get("declined_on")
        if asked and declined and declined < asked:
            self.add_error(
                "declined_on", _("The date declined must be the same as or after the date asked")
            )
        return data
