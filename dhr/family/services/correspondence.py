"""Letters to the people around the victim, generated as DOCX and recorded as sent.

R78: a letter to anyone linked to the perpetrator is refused, and a letter carries only its
own recipient's name and address. The language follows the recipient's preference.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.documents.rendering import render_docx
from dhr.documents.rendering.letters import Language
from dhr.family.choices import LetterTemplate, StepKind
from dhr.family.letters import FamilyLetterData, family_letter, letter_filename
from dhr.family.models import Contact, InvolvementStep, LetterSent
from dhr.family.selectors import cadence_days
from dhr.family.services.involvement import step_record

# Sending these letters is itself the step (the leaflet goes with the first letter).
STEP_FOR_LETTER = {
    LetterTemplate.FIRST: StepKind.LEAFLET_SENT,
    LetterTemplate.UPDATE: StepKind.UPDATE_GIVEN,
}


@dataclass(frozen=True)
class GeneratedLetter:
    record: LetterSent
    filename: str
    content: bytes


def _latest(contact: Contact, kind: str) -> InvolvementStep | None:
    return (
        InvolvementStep.objects.filter(review_id=contact.review_id, kind=kind)
        .order_by("-occurred_on", "-created_at")
        .first()
    )


def _address_lines(address: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in address.replace(",", "\n").splitlines() if line.strip())


def letter_refusal(contact: Contact, template: str) -> str | None:
    """Why this letter cannot be sent to this person now, or None if it can."""
    if contact.never_share_with:
        return _(
            "This person is linked to the perpetrator. No letter about the review may be sent "
            "to them."
        )
    if template == LetterTemplate.DRAFT and _latest(contact, StepKind.DRAFT_SHARED) is None:
        return _("Record that the draft is shared, with its reading period, first.")
    if (
        template == LetterTemplate.PUBLICATION
        and _latest(contact, StepKind.PUBLICATION_NOTICE) is None
    ):
        return _("Record the publication date notice first.")
    return None


def letter_send(
    *,
    actor: Any,
    contact: Contact,
    template: str,
    sent_on: dt.date,
    request: HttpRequest | None = None,
) -> GeneratedLetter:
    review = contact.review
    if not actor.has_perm("family.send_letter", review):
        raise PermissionDenied("family.send_letter")
    if template not in LetterTemplate.values:
        raise ValidationError({"template": _("Choose a letter")})
    refusal = letter_refusal(contact, template)
    if refusal:
        event_record(
            action="family.letter_refused",
            actor=actor,
            request=request,
            review_id=review.pk,
            obj=contact,
            detail={"template": template, "never_share_with": contact.never_share_with},
        )
        # Outside the transaction below, so the refusal stays in the audit log.
        raise ValidationError(refusal)
    with transaction.atomic():
        return _generate(
            actor=actor, contact=contact, template=template, sent_on=sent_on, request=request
        )


def _generate(
    *, actor: Any, contact: Contact, template: str, sent_on: dt.date, request: HttpRequest | None
) -> GeneratedLetter:
    review = contact.review
    step_kind = STEP_FOR_LETTER.get(LetterTemplate(template))
    if step_kind is not None:
        step_record(
            actor=actor, review=review, kind=step_kind, occurred_on=sent_on, contact=contact
        )
    draft = _latest(contact, StepKind.DRAFT_SHARED)
    notice = _latest(contact, StepKind.PUBLICATION_NOTICE)
    language: Language = "cy" if contact.preferred_language == "cy" else "en"
    data = FamilyLetterData(
        template=template,
        language=language,
        csp_name=review.lead_csp.name,
        review_reference=review.reference,
        letter_date=sent_on,
        recipient_name=contact.full_name,
        recipient_address=_address_lines(contact.address),
        next_update_on=sent_on + dt.timedelta(days=cadence_days(review)),
        reading_ends_on=draft.reading_ends_on if draft else None,
        publication_on=notice.publication_on if notice else None,
    )
    content = render_docx(family_letter(data))
    filename = letter_filename(
        reference=review.reference, template=template, language=language, sent_on=sent_on
    )
    record = LetterSent(
        review=review,
        contact=contact,
        template=template,
        language=language,
        sent_on=sent_on,
        filename=filename,
        sent_by=actor,
    )
    record.full_clean()
    record.save()
    event_record(
        action="family.letter_sent",
        actor=actor,
        request=request,
        review_id=review.pk,
        obj=record,
        detail={"template": template, "language": language},
    )
    return GeneratedLetter(record=record, filename=filename, content=content)
