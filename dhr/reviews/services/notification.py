"""Recording the notification of a death: the Review, its people and the decision clock, at once.

R16/R17 (domain.md 7.2): a notification or referral from any agency is recorded in writing with
its date and time. R18: the date the death came to the CSP's attention starts the one-month
decision clock. R23: the lead CSP and any co-operating CSPs are recorded.

Names are stored only in encrypted fields; the keyed blind index lets us spot the same death
notified twice, across every CSP, without storing or querying a name in plaintext.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from dhr.accounts.models import Organisation, OrganisationKind, Role
from dhr.audit.services import event_record
from dhr.clock.services import deadline_start
from dhr.core import crypto
from dhr.reviews.access import csps_where
from dhr.reviews.choices import PersonRole, Sex
from dhr.reviews.models import Notification, Review, ReviewPerson
from dhr.reviews.services.timeline import timeline_add

# Attempts at a unique reference before giving up: two coordinators of one CSP saving at the
# same moment is rare; five collisions in a row means something else is wrong.
REFERENCE_ATTEMPTS = 5


@dataclass(frozen=True, kw_only=True)
class PersonDetails:
    """The victim or the suspect as notified. Only `full_name` and `date_of_birth` identify."""

    full_name: str = ""
    date_of_birth: dt.date | None = None
    age_at_death: int | None = None
    sex: str = Sex.UNKNOWN
    relationship_to_victim: str = ""


@dataclass(frozen=True)
class DuplicateMatch:
    """An existing review of what may be the same death. Carries nothing that identifies anyone."""

    review_id: Any
    reference: str
    lead_csp_name: str
    in_own_csp: bool


@dataclass
class DuplicateNotification(Exception):
    """Raised instead of creating a review when the same death seems to be recorded already."""

    matches: list[DuplicateMatch] = field(default_factory=list)


def notifying_csps_for(user: Any) -> Any:
    """The CSPs `user` may record a notification for: where they are coordinator or chair."""
    return csps_where(user, Role.CSP_COORDINATOR, Role.CSP_CHAIR).order_by("name")


def notification_find_duplicates(
    *, actor: Any, victim_full_name: str, date_of_death: dt.date
) -> list[DuplicateMatch]:
    """Reviews in ANY CSP with a victim of the same (normalised) name and the same date of death.

    Deliberately unscoped: a neighbouring CSP may already hold the case. Only the reference and
    the lead CSP's name leave this function. The same name with another date of death is a
    different death.
    """
    name_index = crypto.blind_index(victim_full_name)
    if not name_index:
        return []
    reviews = (
        Review.objects.filter(
            people__role=PersonRole.VICTIM,
            people__name_index=name_index,
            notifications__date_of_death=date_of_death,
        )
        .select_related("lead_csp")
        .distinct()
        .order_by("created_at")
    )
    own_csp_ids = set(notifying_csps_for(actor).values_list("pk", flat=True))
    return [
        DuplicateMatch(
            review_id=review.pk,
            reference=review.reference,
            lead_csp_name=review.lead_csp.name,
            in_own_csp=review.lead_csp_id in own_csp_ids,
        )
        for review in reviews
    ]


def _next_reference(csp: Organisation, year: int) -> str:
    """DHR-<CSP code>-<year>-<sequence>: no name, no date of death, nothing identifying."""
    prefix = f"DHR-{csp.code}-{year}-"
    highest = 0
    for reference in Review.objects.filter(reference__startswith=prefix).values_list(
        "reference", flat=True
    ):
        tail = reference.removeprefix(prefix)
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:03d}"


def _create_review(*, csp: Organisation, came_to_attention_on: dt.date) -> Review:
    """Save a Review under the next free reference, retrying if another save took it first."""
    for _attempt in range(REFERENCE_ATTEMPTS):
        review = Review(
            reference=_next_reference(csp, came_to_attention_on.year),
            lead_csp=csp,
            came_to_attention_on=came_to_attention_on,
        )
        # The FSM state field is protected; uniqueness of the reference is enforced on insert.
        review.full_clean(exclude=["reference", "state"])
        try:
            # A savepoint, so a clash rolls back only this insert and we can try again.
            with transaction.atomic():
                review.save()
        except IntegrityError:
            continue
        return review
    raise ValidationError(_("A reference for the review could not be created. Try again."))


def _person(review: Review, role: str, person: PersonDetails) -> ReviewPerson:
    record = ReviewPerson(
        review=review,
        role=role,
        full_name=person.full_name.strip(),
        name_index=crypto.blind_index(person.full_name),
        date_of_birth=person.date_of_birth.isoformat() if person.date_of_birth else "",
        age_at_death=person.age_at_death,
        sex=person.sex or Sex.UNKNOWN,
        relationship_to_victim=person.relationship_to_victim if role == PersonRole.SUSPECT else "",
    )
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def notification_record(
    *,
    actor: Any,
    csp: Organisation,
    notified_at: dt.datetime,
    came_to_attention_on: dt.date,
    date_of_death: dt.date,
    place_of_death_type: str,
    police_force_area: str,
    victim: PersonDetails,
    suspect: PersonDetails | None = None,
    notifying_agency: Organisation | None = None,
    notifying_agency_name: str = "",
    notifying_officer: str = "",
    notifying_officer_contact: str = "",
    place_of_death: str = "",
    circumstances: str = "",
    suspect_arrested: bool = False,
    suspect_charged: bool = False,
    suspect_deceased: bool = False,
    suspected_suicide: bool = False,
    children_in_household: bool = False,
    children_present: bool = False,
    known_agency_contact: str = "",
    other_reviews: Sequence[str] = (),
    cooperating_csps: Iterable[Organisation] = (),
    allow_duplicate: bool = False,
) -> Review:
    """Create the review for a newly notified death, or raise.

    Raises PermissionDenied unless `actor` is coordinator or chair of `csp`; DuplicateNotification
    if the same death seems recorded already (unless `allow_duplicate`, after the user confirmed
    it is a different death); ValidationError for invalid data. Nothing is saved on any error.
    """
    if not notifying_csps_for(actor).filter(pk=csp.pk).exists():
        raise PermissionDenied("reviews.record_notification")
    if not csp.code:
        raise ValidationError(_("This CSP has no reference code. Ask an administrator to set one."))
    if came_to_attention_on < date_of_death:
        raise ValidationError(
            {
                "came_to_attention_on": _(
                    "The date the death came to the CSP's attention must be the same as or "
                    "after the date of death"
                )
            }
        )
    if notifying_agency is not None and notifying_agency.kind == OrganisationKind.CSP:
        raise ValidationError({"notifying_agency": _("Choose an agency, not a CSP")})
    matches = (
        []
        if allow_duplicate
        else notification_find_duplicates(
            actor=actor, victim_full_name=victim.full_name, date_of_death=date_of_death
        )
    )
    if matches:
        raise DuplicateNotification(matches)

    review = _create_review(csp=csp, came_to_attention_on=came_to_attention_on)
    partners = [c for c in cooperating_csps if c.pk != csp.pk and c.kind == OrganisationKind.CSP]
    if partners:
        review.cooperating_csps.set(partners)

    notification = Notification(
        review=review,
        notifying_agency=notifying_agency,
        notifying_agency_name=(
            notifying_agency.name if notifying_agency is not None else notifying_agency_name
        ).strip(),
        notifying_officer=notifying_officer.strip(),
        notifying_officer_contact=notifying_officer_contact.strip(),
        notified_at=notified_at,
        date_of_death=date_of_death,
        place_of_death_type=place_of_death_type,
        place_of_death=place_of_death.strip(),
        police_force_area=police_force_area,
        circumstances=circumstances.strip(),
        suspect_arrested=suspect_arrested,
        suspect_charged=suspect_charged,
        suspect_deceased=suspect_deceased,
        suspected_suicide=suspected_suicide,
        children_in_household=children_in_household,
        children_present=children_present,
        known_agency_contact=known_agency_contact.strip(),
        other_reviews=sorted(set(other_reviews)),
        recorded_by=actor,
    )
    notification.full_clean()
    notification.save()

    _person(review, PersonRole.VICTIM, victim)
    if suspect is not None:
        _person(review, PersonRole.SUSPECT, suspect)

    timeline_add(
        review=review,
        kind="notification",
        summary=_("Notification of the death recorded; the one-month decision clock started"),
        actor=actor,
    )
    event_record(
        action="review.notified",
        actor=actor,
        review_id=review.pk,
        obj=notification,
        detail={
            "csp": csp.code,
            "cooperating_csps": [c.code for c in partners],
            "duplicate_confirmed_different": allow_duplicate,
        },
    )
    deadline_start(review=review, rule_code="decision", starts_on=came_to_attention_on)
    return review


def duplicate_warning_record(
    *, actor: Any, matches: Sequence[DuplicateMatch], request: Any = None
) -> None:
    """Audit that a possible duplicate was shown: which reviews, never whose death."""
    event_record(
        action="review.duplicate_warning",
        actor=actor,
        request=request,
        detail={"matched_review_ids": [str(m.review_id) for m in matches]},
    )
