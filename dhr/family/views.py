"""Family involvement pages. Thin: get the review through `review_for_request`, call a
selector or service, render.

A family member's page answers 404, not 403, to anyone who may not see contact details (panel
members, agency contributors, the report writer): they must not learn that the page exists.
The denial is still written to the audit log.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.audit.services import event_record
from dhr.family.choices import LetterTemplate, StepKind
from dhr.family.forms import (
    ArrangementForm,
    CommentResponseForm,
    ContactForm,
    DraftCommentForm,
    LetterForm,
    PerpetratorContributionForm,
    StepForm,
    StepKindForm,
)
from dhr.family.models import Contact, DraftComment
from dhr.family.selectors import (
    LIBRARY_TAGS,
    TAG_LABELS,
    cadence_days,
    contacts_for,
    homicide_suspected,
    library_tags,
    next_update_due,
    reading_period_status,
    steps_for,
)
from dhr.family.services.contacts import arrangement_set, contact_create, contact_update
from dhr.family.services.correspondence import letter_refusal, letter_send
from dhr.family.services.involvement import (
    draft_comment_record,
    draft_comment_respond,
    perpetrator_contribution_record,
    step_record,
)
from dhr.reviews.models import Review
from dhr.reviews.viewing import review_for_request


def _service_error(form: Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _back(review: Review) -> Any:
    return redirect("family:family-overview", review_id=review.pk)


def _family_review(request: HttpRequest, review_id: uuid.UUID, permission: str) -> Review:
    return review_for_request(
        request,
        review_id,
        permission=permission,
        # A POST is audited by the service it calls.
        audit_action="family.view" if request.method == "GET" else None,
    )


def _contact_for(request: HttpRequest, review_id: uuid.UUID, contact_id: uuid.UUID) -> Contact:
    """A family member's page: 404 unless the user may see contact details (audited)."""
    review = review_for_request(request, review_id, audit_action=None)
    if not request.user.has_perm("family.view_contact_details", review):
        event_record(
            action="authz.denied",
            actor=request.user,
            request=request,
            review_id=review.pk,
            detail={"permission": "family.view_contact_details"},
        )
        raise Http404
    contact = get_object_or_404(
        Contact.objects.select_related("review"), pk=contact_id, review=review
    )
    event_record(
        action="family.view_contact",
        actor=request.user,
        request=request,
        review_id=review.pk,
        obj=contact,
    )
    return contact


@require_GET
@login_required
def family_overview(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="family.view_involvement", audit_action="family.view"
    )
    today = timezone.localdate()
    may_see_details = request.user.has_perm("family.view_contact_details", review)
    contacts = contacts_for(review) if may_see_details else []
    if contacts:
        event_record(
            action="family.view_contact_list",
            actor=request.user,
            request=request,
            review_id=review.pk,
            detail={"count": len(contacts)},
        )
    due = next_update_due(review)
    tags = library_tags(review)
    context = {
        "review": review,
        "may_see_details": may_see_details,
        "may_record": request.user.has_perm("family.record_step", review),
        "contacts": contacts,
        "steps": steps_for(review),
        "comments": list(DraftComment.objects.filter(review=review)),
        "perpetrator": list(review.perpetrator_contributions.all()),
        "tags": [(TAG_LABELS[name], tags[name]) for name in LIBRARY_TAGS],
        "reading": reading_period_status(review, today=today),
        "next_update_on": due,
        "update_overdue": due is not None and due < today,
        "cadence_days": cadence_days(review),
        "homicide": homicide_suspected(review),
    }
    return render(request, "family/overview.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def arrangement_update(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = _family_review(request, review_id, "family.record_step")
    form = ArrangementForm(
        request.POST or None, initial={"update_cadence_days": cadence_days(review)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            arrangement_set(
                actor=request.user,
                review=review,
                update_cadence_days=form.cleaned_data["update_cadence_days"],
            )
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(request, _("How often the family hears from you is saved."))
            return _back(review)
    return render(
        request,
        "family/form.html",
        {
            "review": review,
            "form": form,
            "heading": _("Updates agreed with the family"),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def contact_create_view(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = _family_review(request, review_id, "family.manage_contacts")
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = contact_create(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(request, _("Person added."))
            return redirect("family:contact-detail", review_id=review.pk, contact_id=contact.pk)
    return render(
        request,
        "family/form.html",
        {
            "review": review,
            "form": form,
            "heading": _("Add a person"),
        },
    )


@require_GET
@login_required
def contact_detail(
    request: HttpRequest, review_id: uuid.UUID, contact_id: uuid.UUID
) -> HttpResponse:
    contact = _contact_for(request, review_id, contact_id)
    context = {
        "review": contact.review,
        "contact": contact,
        "letters": list(contact.letters.all()),
        "templates": [
            (value, label, letter_refusal(contact, value))
            for value, label in LetterTemplate.choices
        ],
    }
    return render(request, "family/contact_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def contact_update_view(
    request: HttpRequest, review_id: uuid.UUID, contact_id: uuid.UUID
) -> HttpResponse:
    contact = _contact_for(request, review_id, contact_id)
    review = contact.review
    if not request.user.has_perm("family.manage_contacts", review):
        raise Http404
    form = ContactForm(request.POST or None, initial=ContactForm.initial_from(contact))
    if request.method == "POST" and form.is_valid():
        try:
            contact_update(actor=request.user, contact=contact, **form.cleaned_data)
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("family:contact-detail", review_id=review.pk, contact_id=contact.pk)
    return render(
        request,
        "family/form.html",
        {
            "review": review,
            "form": form,
            "heading": _("Change a person's details"),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def step_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = _family_review(request, review_id, "family.record_step")
    kind = request.GET.get("kind", "")
    if kind not in StepKind.values:
        chooser = StepKindForm(request.GET if "kind" in request.GET else None)
        return render(request, "family/step_choose.html", {"review": review, "form": chooser})
    form = StepForm(request.POST or None, kind=kind, contacts=contacts_for(review))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        occurred_on = data.pop("occurred_on")
        data.pop("contact", None)
        try:
            step_record(
                actor=request.user,
                review=review,
                kind=kind,
                occurred_on=occurred_on,
                contact=form.chosen_contact(),
                **data,
            )
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(request, _("Step recorded."))
            return _back(review)
    return render(
        request,
        "family/form.html",
        {
            "review": review,
            "form": form,
            "heading": StepKind(kind).label,
            "homicide": kind == StepKind.ADVOCACY_OFFERED and homicide_suspected(review),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def comment_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = _family_review(request, review_id, "family.record_step")
    form = DraftCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            draft_comment_record(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(request, _("Comment recorded."))
            return _back(review)
    return render(
        request,
        "family/form.html",
        {
            "review": review,
            "form": form,
            "heading": _("Record a comment on the draft"),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def comment_respond(
    request: HttpRequest, review_id: uuid.UUID, comment_id: uuid.UUID
) -> HttpResponse:
    review = _family_review(request, review_id, "family.record_step")
    comment = get_object_or_404(DraftComment, pk=comment_id, review=review)
    form = CommentResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            draft_comment_respond(actor=request.user, comment=comment, **form.cleaned_data)
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(request, _("Response recorded."))
            return _back(review)
    return render(
        request,
        "family/form.html",
        {
            "review": review,
            "form": form,
            "heading": _("Record the panel's response"),
            "comment": comment,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def perpetrator_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = _family_review(request, review_id, "family.record_perpetrator_contribution")
    form = PerpetratorContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            perpetrator_contribution_record(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(request, _("Perpetrator contribution recorded."))
            return _back(review)
    return render(
        request,
        "family/form.html",
        {
            "review": review,
            "form": form,
            "heading": _("Perpetrator contribution"),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def letter_create(
    request: HttpRequest, review_id: uuid.UUID, contact_id: uuid.UUID, template: str
) -> HttpResponse:
    contact = _contact_for(request, review_id, contact_id)
    review = contact.review
    if template not in LetterTemplate.values or not request.user.has_perm(
        "family.send_letter", review
    ):
        raise Http404
    refusal = letter_refusal(contact, template)
    form = LetterForm(request.POST or None, initial={"sent_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            letter = letter_send(
                actor=request.user,
                contact=contact,
                template=template,
                sent_on=form.cleaned_data["sent_on"],
                request=request,
            )
        except ValidationError as error:
            _service_error(form, error)
        else:
            response = HttpResponse(
                letter.content,
                content_type=(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                ),
            )
            response["Content-Disposition"] = f'attachment; filename="{letter.filename}"'
            return response
    context = {
        "review": review,
        "contact": contact,
        "form": form,
        "refusal": refusal,
        "heading": LetterTemplate(template).label,
        "language": contact.get_preferred_language_display(),
    }
    return render(
        request,
        "family/letter_create.html",
        context,
        status=409 if refusal and request.method == "POST" else 200,
    )
