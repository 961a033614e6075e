"""Recording involvement as dated steps (R37-R42), draft comments (R41) and the perpetrator's
contribution (R44). Every write is checked, validated whole and audited; nothing half-saves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.family.choices import PerpetratorOutcome, StepKind
from dhr.family.models import (
    Contact,
    DraftComment,
    InvolvementStep,
    PerpetratorContribution,
)
from dhr.family.selectors import minimum_reading_end
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add

# Steps that send or show something to the person: never to anyone linked to the perpetrator.
SENDING_STEPS = frozenset(
    {
        StepKind.LEAFLET_SENT,
        StepKind.UPDATE_GIVEN,
        StepKind.DRAFT_SHARED,
        StepKind.PUBLICATION_NOTICE,
    }
)

STEP_FIELDS = (
    "notes",
    "advocacy_outcome",
    "national_homicide_service",
    "contribution_form",
    "consent_scope",
    "reading_ends_on",
    "shorter_reading_reason",
    "pseudonym",
    "family_words",
    "publication_on",
)


def _require(actor: Any, permission: str, review: Review) -> None:
    if not actor.has_perm(permission, review):
        raise PermissionDenied(permission)


def _step_errors(step: InvolvementStep) -> dict[str, str]:
    errors: dict[str, str] = {}
    kind = step.kind
    if step.contact is not None and step.contact.review_id != step.review_id:
        errors["contact"] = _("Choose a person recorded for this review")
    elif step.contact is not None and step.contact.never_share_with and kind in SENDING_STEPS:
        errors["contact"] = _(
            "This person is linked to the perpetrator: nothing about the review may be sent "
            "or shown to them"
        )
    if kind == StepKind.ADVOCACY_OFFERED and not step.advocacy_outcome:
        errors["advocacy_outcome"] = _("Choose what the family decided about advocacy")
    if kind == StepKind.CONTRIBUTION:
        if not step.contribution_form:
            errors["contribution_form"] = _("Choose how they contributed")
        if not step.consent_scope.strip():
            errors["consent_scope"] = _("Enter what they agreed their contribution may be used for")
    if kind == StepKind.DRAFT_SHARED:
        ends_on = step.reading_ends_on
        if ends_on is None or ends_on <= step.occurred_on:
            errors["reading_ends_on"] = _(
                "The reading period must end after the day the draft is shared"
            )
        elif ends_on < minimum_reading_end(step.occurred_on) and not (
            step.shorter_reading_reason.strip()
        ):
            errors["shorter_reading_reason"] = _(
                "The reading period is shorter than 10 working days: enter the reason the "
                "family agreed to a shorter period"
            )
    if kind == StepKind.PSEUDONYM_CHOSEN and not step.pseudonym.strip():
        errors["pseudonym"] = _("Enter the pseudonym the family chose")
    if kind == StepKind.TRIBUTE and not step.family_words.strip():
        errors["family_words"] = _("Enter the tribute in the family's words")
    if kind == StepKind.PUBLICATION_NOTICE and (
        step.publication_on is None or step.publication_on < step.occurred_on
    ):
        errors["publication_on"] = _(
            "Enter the publication date: the family must be told before it, not after"
        )
    return errors


@transaction.atomic
def step_record(
    *,
    actor: Any,
    review: Review,
    kind: str,
    occurred_on: dt.date,
    contact: Contact | None = None,
    **values: Any,
) -> InvolvementStep:
    """Record one step. A draft shared without a date for the end of reading gets the minimum
    (10 working days, R41); a chosen pseudonym becomes the review's pseudonym (R42)."""
    _require(actor, "family.record_step", review)
    fields = {name: values[name] for name in STEP_FIELDS if values.get(name) is not None}
    if kind == StepKind.DRAFT_SHARED and fields.get("reading_ends_on") is None:
        fields["reading_ends_on"] = minimum_reading_end(occurred_on)
    step = InvolvementStep(
        review=review,
        kind=kind,
        occurred_on=occurred_on,
        contact=contact,
        recorded_by=actor,
        **fields,
    )
    errors: dict[str, Any] = {}
    try:
        step.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    for field, message in _step_errors(step).items():
        errors.setdefault(field, []).append(message)
    if errors:
        raise ValidationError(errors)
    step.pseudonym = step.pseudonym.strip()
    step.save()
    if kind == StepKind.PSEUDONYM_CHOSEN:
        # Review.state is a protected FSM field, so write the one column directly.
        Review.objects.filter(pk=review.pk).update(pseudonym=step.pseudonym)
        review.pseudonym = step.pseudonym
    timeline_add(
        review=review,
        kind="family",
        summary=_("Family involvement: %(step)s") % {"step": step.get_kind_display()},
        actor=actor,
    )
    event_record(
        action="family.step_recorded",
        actor=actor,
        review_id=review.pk,
        obj=step,
        detail={"kind": kind},
    )
    return step


@transaction.atomic
def draft_comment_record(
    *,
    actor: Any,
    review: Review,
    received_on: dt.date,
    comment: str,
    contact: Contact | None = None,
    response: str = "",
    responded_on: dt.date | None = None,
) -> DraftComment:
    _require(actor, "family.record_step", review)
    if contact is not None and contact.review_id != review.pk:
        raise ValidationError({"contact": _("Choose a person recorded for this review")})
    if response.strip() and responded_on is None:
        raise ValidationError({"responded_on": _("Enter the date of the response")})
    item = DraftComment(
        review=review,
        contact=contact,
        received_on=received_on,
        comment=comment.strip(),
        response=response.strip(),
        responded_on=responded_on,
    )
    item.full_clean()
    item.save()
    timeline_add(
        review=review, kind="family", summary=_("Family comment on the draft recorded"), actor=actor
    )
    event_record(action="family.draft_comment_recorded", actor=actor, review_id=review.pk, obj=item)
    return item


@transaction.atomic
def draft_comment_respond(
    *, actor: Any, comment: DraftComment, response: str, responded_on: dt.date
) -> DraftComment:
    """The panel's response to one comment: every comment gets its own (R41)."""
    _require(actor, "family.record_step", comment.review)
    if not response.strip():
        raise ValidationError({"response": _("Enter the panel's response")})
    comment.response = response.strip()
    comment.responded_on = responded_on
    comment.full_clean()
    comment.save()
    timeline_add(
        review=comment.review,
        kind="family",
        summary=_("Panel response to a family comment recorded"),
        actor=actor,
    )
    event_record(
        action="family.draft_comment_answered",
        actor=actor,
        review_id=comment.review_id,
        obj=comment,
    )
    return comment


@transaction.atomic
def perpetrator_contribution_record(
    *,
    actor: Any,
    review: Review,
    route: str,
    requested_on: dt.date,
    outcome: str = PerpetratorOutcome.PENDING,
    outcome_on: dt.date | None = None,
    notes: str = "",
) -> PerpetratorContribution:
    """R44: the request through prison or probation and its outcome."""
    _require(actor, "family.record_perpetrator_contribution", review)
    item = PerpetratorContribution(
        review=review,
        route=route,
        requested_on=requested_on,
        outcome=outcome,
        outcome_on=outcome_on,
        notes=notes.strip(),
    )
    item.full_clean()
    item.save()
    timeline_add(
        review=review,
        kind="family",
        summary=_("Perpetrator contribution: %(outcome)s")
        % {"outcome": item.get_outcome_display()},
        actor=actor,
    )
    event_record(
        action="family.perpetrator_contribution_recorded",
        actor=actor,
        review_id=review.pk,
        obj=item,
        detail={"route": route, "outcome": outcome},
    )
    return item
