"""The guided eligibility check: the questions the engine needs, each answerable "Not known".

Answers become a JSON-safe dict (stored on the assessment) that
`dhr.reviews.services.eligibility.eligibility_facts` turns into the engine's facts.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dhr.reviews.eligibility import AbusePattern, AbuseType, Cause, PersonalConnection, Relationship
from dhr.reviews.eligibility.facts import MAX_AGE

_TRI = {"yes": True, "no": False, "unknown": None}


class TriStateField(forms.TypedChoiceField):
    """Yes, No or Not known as GOV.UK radios, cleaned to True, False or None."""

    widget = forms.RadioSelect(attrs={"class": "govuk-radios--inline"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=[("yes", _("Yes")), ("no", _("No")), ("unknown", _("Not known"))],
            coerce=lambda value: _TRI.get(value),
            empty_value=None,
            **kwargs,
        )

    def prepare_value(self, value: Any) -> Any:
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value


RELATIONSHIP_CHOICES = [
    (Relationship.RELATIVE.value, _("A relative (including a parent, child or sibling)")),
    (
        Relationship.CURRENT_INTIMATE_PARTNER.value,
        _("Current intimate partner, including a spouse or civil partner"),
    ),
    (Relationship.FORMER_INTIMATE_PARTNER.value, _("Former intimate partner")),
    (Relationship.HOUSEHOLD_MEMBER.value, _("A member of the same household")),
    (Relationship.FREQUENT_VISITOR.value, _("A frequent visitor to the household")),
    (Relationship.OTHER_OR_NONE.value, _("None of these")),
    (Relationship.UNKNOWN.value, _("Not known")),
]
CAUSE_CHOICES = [
    (Cause.VIOLENCE.value, _("Yes, violence")),
    (Cause.ABUSE.value, _("Yes, abuse")),
    (Cause.NEGLECT.value, _("Yes, neglect")),
    (Cause.APPEARS_SO.value, _("It appears so")),
    (Cause.NO.value, _("No")),
    (Cause.UNKNOWN.value, _("Not known")),
]
CONNECTION_CHOICES = [
    (PersonalConnection.MARRIED.value, _("Married, now or in the past")),
    (PersonalConnection.CIVIL_PARTNERS.value, _("Civil partners, now or in the past")),
    (PersonalConnection.AGREED_TO_MARRY.value, _("Agreed to marry")),
    (
        PersonalConnection.CIVIL_PARTNERSHIP_AGREEMENT.value,
        _("Agreed to enter a civil partnership"),
    ),
    (
        PersonalConnection.INTIMATE_PERSONAL_RELATIONSHIP.value,
        _("In an intimate personal relationship, now or in the past"),
    ),
    (
        PersonalConnection.PARENTAL_RELATIONSHIP_SAME_CHILD.value,
        _("Each a parent of, or with parental responsibility for, the same child"),
    ),
    (PersonalConnection.RELATIVES.value, _("Relatives")),
]
ABUSE_TYPE_CHOICES = [
    (AbuseType.PHYSICAL_OR_SEXUAL.value, _("Physical or sexual abuse")),
    (AbuseType.VIOLENT_OR_THREATENING.value, _("Violent or threatening behaviour")),
    (AbuseType.CONTROLLING_OR_COERCIVE.value, _("Controlling or coercive behaviour")),
    (AbuseType.ECONOMIC.value, _("Economic abuse")),
    (
        AbuseType.PSYCHOLOGICAL_EMOTIONAL_OR_OTHER.value,
        _("Psychological, emotional or other abuse"),
    ),
]
PATTERN_CHOICES = [
    (AbusePattern.SINGLE_INCIDENT.value, _("A single incident")),
    (AbusePattern.COURSE_OF_CONDUCT.value, _("A course of conduct")),
    ("", _("Not known")),
]


def _age_field(label: Any, help_text: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=MAX_AGE,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": _("Enter the age as a whole number, like 34"),
            "min_value": _("The age must be 0 or more"),
            "max_value": _("The age must be %(limit_value)s or less"),
        },
    )


class EligibilityForm(forms.Form):
    victim_age_at_death = _age_field(
        _("How old was the deceased when they died?"), _("Leave blank if not known")
    )
    cause = forms.ChoiceField(
        label=_("Did the death result, or appear to result, from violence, abuse or neglect?"),
        help_text=_("A conviction or charge is not needed: it is enough that it appears so"),
        choices=CAUSE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether the death resulted from violence, abuse or neglect")
        },
    )
    relationship = forms.ChoiceField(
        label=_("What was the suspect's relationship to the deceased?"),
        help_text=_(
            "Intimate relationships count whatever the gender or sexuality of those involved"
        ),
        choices=RELATIONSHIP_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the suspect's relationship to the deceased")},
    )
    suspect_age = _age_field(
        _("How old was the suspect at the time?"), _("Leave blank if not known")
    )
    suspected_suicide = TriStateField(
        label=_("Is the death a suspected suicide?"),
        error_messages={"required": _("Select whether the death is a suspected suicide")},
    )
    abuse_concern_for_suicide = TriStateField(
        label=_(
            "If it is a suspected suicide, do the circumstances give cause for concern about abuse?"
        ),
        help_text=_("For example, coercive or controlling behaviour. Leave blank if not a suicide"),
        required=False,
    )
    suspect_charged = TriStateField(
        label=_("Has anyone been charged?"),
        error_messages={"required": _("Select whether anyone has been charged")},
    )
    suspect_acquitted = TriStateField(
        label=_("Has the suspect been acquitted?"),
        help_text=_("An acquittal does not prevent a review"),
        required=False,
    )
    suspect_deceased = TriStateField(
        label=_("Has the suspect died?"),
        error_messages={"required": _("Select whether the suspect has died")},
    )
    victim_has_care_and_support_needs = TriStateField(
        label=_("Did the deceased have care and support needs?"),
        help_text=_("If so, a joint review with the Safeguarding Adults Board may be needed"),
        error_messages={"required": _("Select whether the deceased had care and support needs")},
    )
    number_of_victims = forms.IntegerField(
        label=_("How many people died?"),
        min_value=1,
        max_value=99,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
        error_messages={
            "invalid": _("Enter the number of people who died as a whole number, like 1"),
            "min_value": _("The number of people who died must be 1 or more"),
        },
    )
    personally_connected = TriStateField(
        label=_("Were the deceased and the suspect personally connected?"),
        help_text=_(
            "Domestic Abuse Act 2021 section 2. Needed for the Domestic Abuse Related Death "
            "Review test; recorded now so it is ready"
        ),
        required=False,
    )
    personal_connection = forms.MultipleChoiceField(
        label=_("How were they personally connected?"),
        help_text=_("Select all that apply"),
        choices=CONNECTION_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    abusive_behaviour = TriStateField(
        label=_("Was there abusive behaviour by the suspect towards the deceased?"),
        help_text=_("Domestic Abuse Act 2021 section 1"),
        required=False,
    )
    abuse_types = forms.MultipleChoiceField(
        label=_("What kind of abusive behaviour?"),
        help_text=_("Select all that apply"),
        choices=ABUSE_TYPE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    abuse_pattern = forms.ChoiceField(
        label=_("Was it a single incident or a course of conduct?"),
        help_text=_("Both count"),
        choices=PATTERN_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: Any, answers: dict[str, Any] | None = None, **kwargs: Any) -> None:
        if answers is not None and "initial" not in kwargs:
            kwargs["initial"] = answers
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("suspect_acquitted") and data.get("suspect_charged") is False:
            self.add_error(
                "suspect_acquitted",
                _("The suspect cannot have been acquitted if nobody was charged"),
            )
        if data.get("personally_connected") and not data.get("personal_connection"):
            self.add_error(
                "personal_connection", _("Select how the deceased and the suspect were connected")
            )
        if data.get("abusive_behaviour") and not data.get("abuse_types"):
            self.add_error("abuse_types", _("Select the kind of abusive behaviour"))
        return data

    def answers(self) -> dict[str, Any]:
        """The answers as JSON-safe values: None means "not known"; [] means "none of these"."""
        d = self.cleaned_data
        connected = d.get("personally_connected")
        abusive = d.get("abusive_behaviour")
        connections = sorted(d.get("personal_connection") or []) if connected else []
        abuse_types = sorted(d.get("abuse_types") or []) if abusive else []
        return {
            "victim_age_at_death": d.get("victim_age_at_death"),
            "suspect_age": d.get("suspect_age"),
            "relationship": d.get("relationship") or Relationship.UNKNOWN.value,
            "cause": d.get("cause") or Cause.UNKNOWN.value,
            "suspected_suicide": d.get("suspected_suicide"),
            "abuse_concern_for_suicide": d.get("abuse_concern_for_suicide"),
            "suspect_charged": d.get("suspect_charged"),
            "suspect_acquitted": d.get("suspect_acquitted"),
            "suspect_deceased": d.get("suspect_deceased"),
            "victim_has_care_and_support_needs": d.get("victim_has_care_and_support_needs"),
            "number_of_victims": d.get("number_of_victims"),
            "personal_connection": None if connected is None else connections,
            "abuse_types": None if abusive is None else abuse_types,
            "abuse_pattern": d.get("abuse_pattern") or None,
        }
