"""Every write of the redaction review: start it, record what a scan found, record decisions.

Each write checks `anonymisation.review_redactions`, validates with `full_clean()`, and writes
an audit event that carries ids and codes only (never the text found).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dhr.anonymisation import scanner
from dhr.anonymisation.gazetteer_builder import gazetteer_for
from dhr.anonymisation.models import Finding, RedactionDecision, RedactionReview
from dhr.audit.services import event_record
from dhr.reviews.models import Review

PERMISSION = "anonymisation.review_redactions"


def _require(actor: Any, review: Review) -> None:
    if not actor.has_perm(PERMISSION, review):
        raise PermissionDenied(PERMISSION)


@transaction.atomic
def redaction_review_start(*, actor: Any, review: Review) -> RedactionReview:
    """Open a redaction review; any open one for the same review is superseded."""
    _require(actor, review)
    RedactionReview.objects.filter(review=review, status=RedactionReview.Status.OPEN).update(
        status=RedactionReview.Status.SUPERSEDED
    )
    redaction_review = RedactionReview(review=review, started_by=actor)
    redaction_review.full_clean()
    redaction_review.save()
    event_record(
        action="anonymisation.review_started",
        actor=actor,
        review_id=review.pk,
        obj=redaction_review,
    )
    return redaction_review


@transaction.atomic
def document_scan(
    *, actor: Any, redaction_review: RedactionReview, document_label: str, text: str
) -> list[Finding]:
    """Scan one document with the review's gazetteer and every detector; store the findings.

    Rescanning a document replaces its earlier findings (and so their decisions): the text
    may have changed, and a decision about old offsets must not be applied to new text.
    """
    review = redaction_review.review
    _require(actor, review)
    found = scanner.scan(text, gazetteer_for(review))
    redaction_review.findings.filter(document_label=document_label).delete()
    rows = []
    for item in found:
        row = Finding(
            redaction_review=redaction_review,
            document_label=document_label,
            kind=item.kind,
            start=item.start,
            end=item.end,
            matched_text=item.matched,
            context=item.context,
            reason=item.reason[:300],
            suggested_replacement=item.replacement[:200],
            source=item.source,
        )
        row.full_clean()
        rows.append(row)
    Finding.objects.bulk_create(rows)
    event_record(
        action="anonymisation.document_scanned",
        actor=actor,
        review_id=review.pk,
        obj=redaction_review,
        detail={"document": document_label, "findings": len(rows)},
    )
    return rows


def pseudonym_map_load(redaction_review: RedactionReview) -> scanner.PseudonymMap:
    stored = json.loads(redaction_review.pseudonym_map or "[]")
    return scanner.PseudonymMap({(kind, key): value for kind, key, value in stored})


def _pseudonym_map_save(
    redaction_review: RedactionReview, pseudonyms: scanner.PseudonymMap
) -> None:
    redaction_review.pseudonym_map = json.dumps(
        [[kind, key, value] for (kind, key), value in sorted(pseudonyms.mapping.items())]
    )
    redaction_review.save(update_fields=["pseudonym_map", "updated_at"])


def _as_scanner_finding(row: Finding) -> scanner.Finding:
    return scanner.Finding(
        kind=row.kind,
        start=row.start,
        end=row.end,
        matched=row.matched_text,
        reason=row.reason,
        replacement=row.suggested_replacement,
        source=row.source,
    )


@transaction.atomic
def redaction_decision_record(
    *, actor: Any, finding: Finding, action: str, replacement: str = "", reason: str = ""
) -> RedactionDecision:
    """Record the reviewer's decision on one finding and keep the pseudonym map consistent.

    A pseudonym decision fixes the identifier's replacement for the whole review; choosing a
    different pseudonym for the same identifier later is refused (ValidationError).
    """
    redaction_review = RedactionReview.objects.select_for_update().get(
        pk=finding.redaction_review_id
    )
    review = redaction_review.review
    _require(actor, review)
    if redaction_review.status != RedactionReview.Status.OPEN:
        raise ValidationError(_("This redaction review is closed: start a new one to change it"))
    if action != RedactionDecision.Action.KEEP:
        replacement = replacement.strip() or finding.suggested_replacement
    decision = RedactionDecision(
        finding=finding,
        action=action,
        replacement=replacement if action != RedactionDecision.Action.KEEP else "",
        reason=reason.strip(),
        decided_by=actor,
    )
    decision.full_clean()
    if action == RedactionDecision.Action.PSEUDONYM:
        pseudonyms = pseudonym_map_load(redaction_review)
        try:
            decision.replacement = pseudonyms.resolve(_as_scanner_finding(finding), replacement)
        except ValueError as error:
            raise ValidationError({"replacement": str(error)}) from error
        _pseudonym_map_save(redaction_review, pseudonyms)
    decision.save()
    event_record(
        action="anonymisation.decision_recorded",
        actor=actor,
        review_id=review.pk,
        obj=decision,
        detail={"finding": str(finding.pk), "kind": finding.kind, "decision": action},
    )
    return decision


def document_apply(*, redaction_review: RedactionReview, document_label: str, text: str) -> str:
    """The document with the newest decision on each of its findings applied.

    Raises ValueError if a finding is undecided or the text changed since it was scanned.
    """
    pseudonyms = pseudonym_map_load(redaction_review)
    decisions: list[scanner.Decision] = []
    rows: Iterable[Finding] = redaction_review.findings.filter(
        document_label=document_label
    ).prefetch_related("decisions")
    for row in rows:
        latest = max(row.decisions.all(), key=lambda d: d.created_at, default=None)
        if latest is None:
            raise ValueError(f"Finding {row.pk} in {document_label!r} has no decision yet")
        decisions.append(
            scanner.Decision(
                finding=_as_scanner_finding(row),
                action=scanner.Action(latest.action),
                replacement=latest.replacement,
                reason=latest.reason,
            )
        )
    return scanner.apply(text, decisions, pseudonyms)
