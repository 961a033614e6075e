"""Recording the people around the victim (R43, R78) and what was agreed with the family."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.family.models import Contact, FamilyArrangement, normalise_phone
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add

CONTACT_FIELDS = (
    "kind",
    "relationship",
    "full_name",
    "address",
    "phone",
    "email",
    "preferred_channel",
    "preferred_language",
    "accessibility_needs",
    "safety_notes",
    "never_share_with",
)


def _require(actor: Any, permission: str, review: Review) -> None:
    if not actor.has_perm(permission, review):
        raise PermissionDenied(permission)


def _clean_values(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = {name: values[name] for name in CONTACT_FIELDS if name in values}
    for name, value in cleaned.items():
        if isinstance(value, str):
            cleaned[name] = value.strip()
    if cleaned.get("phone"):
        cleaned["phone"] = normalise_phone(cleaned["phone"])
    return cleaned


@transaction.atomic
def contact_create(*, actor: Any, review: Review, **values: Any) -> Contact:
    """Record a person. The timeline says only what kind of person: never a name (R78)."""
    _require(actor, "family.manage_contacts", review)
    contact = Contact(review=review, **_clean_values(values))
    contact.full_clean()
    contact.save()
    timeline_add(
        review=review,
        kind="family",
        summary=_("Person recorded: %(kind)s") % {"kind": contact.get_kind_display()},
        actor=actor,
    )
    event_record(
        action="family.contact_created",
        actor=actor,
        review_id=review.pk,
        obj=contact,
        detail={"kind": contact.kind, "never_share_with": contact.never_share_with},
    )
    return contact


@transaction.atomic
def contact_update(*, actor: Any, contact: Contact, **values: Any) -> Contact:
    _require(actor, "family.manage_contacts", contact.review)
    for name, value in _clean_values(values).items():
        setattr(contact, name, value)
    contact.full_clean()
    contact.save()
    event_record(
        action="family.contact_updated",
        actor=actor,
        review_id=contact.review_id,
        obj=contact,
        detail={"never_share_with": contact.never_share_with},
    )
    return contact


@transaction.atomic
def arrangement_set(*, actor: Any, review: Review, update_cadence_days: int) -> FamilyArrangement:
    """The cadence of updates agreed with the family (default every 28 days)."""
    _require(actor, "family.record_step", review)
    arrangement, _created = FamilyArrangement.objects.get_or_create(review=review)
    arrangement.update_cadence_days = update_cadence_days
    arrangement.full_clean()
    arrangement.save()
    event_record(
        action="family.arrangement_set",
        actor=actor,
        review_id=review.pk,
        obj=arrangement,
        detail={"update_cadence_days": update_cadence_days},
    )
    return arrangement
