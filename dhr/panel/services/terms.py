"""Terms of reference with versions (R31; domain.md 2.5) and their DOCX export.

- The panel sets the review period, the agencies in scope and why, and the key lines of
  enquiry (2016 statutory guidance, Section 4 "Determining the Scope of the Review"). There is
  no national look-back period (domain.md 2.5 E4): the period is whatever the panel sets, often
  years before the death, so only "end on or after start" is enforced.
- Whether and when the family was consulted on the terms is recorded (Home Office library tag
  "family consulted about terms of reference", R40).
- A version agreed by the panel is locked: nothing here updates a version; every change is a
  new version, prefilled from the last one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dhr.accounts.models import Organisation
from dhr.audit.services import event_record
from dhr.documents import rendering
from dhr.documents.rendering.letters import format_date
from dhr.panel.models import TermsOfReference, TermsQuestion, TermsVersion
from dhr.panel.services._common import not_in_future, require
from dhr.reviews.models import AgencyInScope, Review
from dhr.reviews.services.timeline import timeline_add

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def current_version(review: Review) -> TermsVersion | None:
    return (
        TermsVersion.objects.filter(terms__review=review)
        .select_related("terms")
        .order_by("-number")
        .first()
    )


def agencies_in_scope(review: Review) -> list[AgencyInScope]:
    return list(
        AgencyInScope.objects.filter(review=review)
        .select_related("agency")
        .order_by("agency__name")
    )


def questions_by_agency(version: TermsVersion) -> list[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = {}
    for question in version.questions.select_related("agency"):
        grouped.setdefault(question.agency.name, []).append(question.text)
    return sorted(grouped.items())


@transaction.atomic
def terms_version_create(
    *,
    actor: Any,
    review: Review,
    period_start: dt.date,
    period_end: dt.date,
    lines_of_enquiry: Sequence[str],
    questions: Mapping[Organisation, Sequence[str]],
    family_consulted: bool,
    family_consulted_on: dt.date | None,
    agreed_on: dt.date | None,
) -> TermsVersion:
    """Make the next version. The agencies in scope are snapshotted as they stand now."""
    require(actor, "panel.manage_terms", review)
    not_in_future(
        family_consulted_on,
        "family_consulted_on",
        _("The date the family was consulted must be today or in the past"),
    )
    not_in_future(agreed_on, "agreed_on", _("The date agreed must be today or in the past"))
    scope = agencies_in_scope(review)
    scope_ids = {row.agency_id for row in scope}
    for agency, texts in questions.items():
        if agency.pk not in scope_ids and any(t.strip() for t in texts):
            raise ValidationError(_("Questions can be put only to agencies in scope."))
    terms, _created = TermsOfReference.objects.select_for_update().get_or_create(review=review)
    last = terms.versions.order_by("-number").first()
    version = TermsVersion(
        terms=terms,
        number=(last.number + 1) if last else 1,
        period_start=period_start,
        period_end=period_end,
        agencies=[{"agency": row.agency.name, "reason": row.reason} for row in scope],
        lines_of_enquiry=[line.strip() for line in lines_of_enquiry if line.strip()],
        family_consulted=family_consulted,
        family_consulted_on=family_consulted_on if family_consulted else None,
        agreed_on=agreed_on,
        created_by=actor,
    )
    version.full_clean()
    version.save()
    for agency, texts in questions.items():
        for position, text in enumerate(t.strip() for t in texts if t.strip()):
            TermsQuestion.objects.create(
                version=version, agency=agency, text=text, position=position
            )
    timeline_add(
        review=review,
        kind="terms_of_reference",
        summary=(
            _("Terms of reference version %(number)s agreed")
            if version.is_agreed
            else _("Terms of reference version %(number)s drafted")
        )
        % {"number": version.number},
        actor=actor,
    )
    event_record(
        action="panel.terms_version_created",
        actor=actor,
        review_id=review.pk,
        obj=version,
        detail={"number": version.number, "agreed": version.is_agreed},
    )
    return version


@dataclass(frozen=True)
class RenderedTerms:
    content: bytes
    filename: str
    content_type: str = DOCX_CONTENT_TYPE


def _safe_reference(review: Review) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", review.reference).strip("-") or "review"


def _date(value: dt.date | None) -> str:
    return format_date(value, "en") if value else _("Not recorded")


def terms_document(*, review: Review, version: TermsVersion) -> rendering.Letter:
    """The terms of reference as a document for the shared renderer (no names of people)."""
    csp = review.lead_csp
    status = (
        _("Agreed by the panel on %(date)s") % {"date": _date(version.agreed_on)}
        if version.is_agreed
        else _("Draft: not yet agreed by the panel")
    )
    family = (
        _("Yes, on %(date)s") % {"date": _date(version.family_consulted_on)}
        if version.family_consulted
        else _("No")
    )
    blocks: list[Any] = [
        rendering.KeyValueTable(
            caption=_("About these terms of reference"),
            rows=(
                (_("Review reference"), review.reference),
                (_("Version"), str(version.number)),
                (_("Status"), status),
                (
                    _("Review period"),
                    f"{_date(version.period_start)} – {_date(version.period_end)}",
                ),
                (_("Family consulted on the terms of reference"), family),
            ),
        ),
        rendering.Heading(_("Agencies in scope and why")),
    ]
    if version.agencies:
        blocks.append(
            rendering.BulletList(
                tuple(
                    f"{row['agency']}: {row['reason']}" if row.get("reason") else row["agency"]
                    for row in version.agencies
                )
            )
        )
    else:
        blocks.append(
            rendering.Paragraph(_("No agencies were in scope when this version was made."))
        )
    blocks.append(rendering.Heading(_("Key lines of enquiry")))
    blocks.append(rendering.BulletList(tuple(version.lines_of_enquiry)))
    grouped = questions_by_agency(version)
    if grouped:
        blocks.append(rendering.Heading(_("Specific questions for agencies")))
        for agency_name, texts in grouped:
            blocks.append(rendering.Paragraph(agency_name))
            blocks.append(rendering.BulletList(tuple(texts)))
    title = _("Terms of reference")
    return rendering.Letter(
        title=title,
        subject=_("%(reference)s: terms of reference, version %(number)s")
        % {"reference": review.reference, "number": version.number},
        reference=review.reference,
        date=version.agreed_on or timezone.localdate(),
        author_organisation=csp.name,
        sender_lines=(csp.name,),
        recipient_lines=(_("Members of the review panel"),),
        salutation="",
        blocks=tuple(blocks),
        closing="",
        signatory_lines=(),
    )


def terms_docx_render(*, review: Review, version: TermsVersion) -> RenderedTerms:
    content = rendering.render_docx(terms_document(review=review, version=version))
    return RenderedTerms(
        content=content,
        filename=f"{_safe_reference(review)}-terms-of-reference-v{version.number}.docx",
    )
