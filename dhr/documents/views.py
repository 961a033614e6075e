"""Documents of a review: the list, the upload page and authorised downloads."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.audit.services import event_record
from dhr.documents.forms import DocumentUploadForm
from dhr.documents.models import Document
from dhr.documents.selectors import document_list_for
from dhr.documents.services import document_open, document_store, max_upload_bytes
from dhr.documents.validation import human_size
from dhr.reviews.viewing import review_for_request


def download_filename(document: Document) -> str:
    """Built from the review reference only: the uploader's filename may carry a name."""
    return (
        f"{document.review.reference}-{document.purpose}-{str(document.pk)[:8]}"
        f".{document.extension}"
    )


@require_GET
@login_required
def document_list(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="documents.view_documents",
        audit_action="document.list_viewed",
    )
    documents = document_list_for(user=request.user, review=review)
    return render(
        request,
        "documents/document_list.html",
        {
            "review": review,
            "documents": documents,
            "can_upload": request.user.has_perm("documents.upload_document", review),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def document_upload(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="documents.upload_document",
        audit_action="document.view_upload_form" if request.method == "GET" else None,
    )
    posted = request.method == "POST"
    form = DocumentUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        user=request.user,
        review=review,
        help_size=human_size(max_upload_bytes()),
    )
    status = 200
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            document_store(
                actor=request.user,
                review=review,
                upload=data["file"],
                purpose=data["purpose"],
                agency=data.get("agency"),
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "too_large":
                status = 413
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error("file", error)
        else:
            messages.success(request, _("The document has been uploaded."))
            return redirect("documents:document-list", review_id=review.pk)
    return render(
        request, "documents/document_upload.html", {"review": review, "form": form}, status=status
    )


@require_GET
@login_required
def document_download(
    request: HttpRequest, review_id: uuid.UUID, document_id: uuid.UUID
) -> FileResponse:
    review = review_for_request(
        request, review_id, permission="documents.view_documents", audit_action=None
    )
    # Scoped: another agency's document is simply not there for a contributor (404), so
    # changing the id in the address reveals nothing.
    document = get_object_or_404(
        document_list_for(user=request.user, review=review), pk=document_id
    )
    if not request.user.has_perm("documents.download_document", document):
        event_record(
            action="authz.denied",
            actor=request.user,
            request=request,
            review_id=review.pk,
            obj=document,
            detail={"permission": "documents.download_document"},
        )
        raise PermissionDenied("documents.download_document")
    response = FileResponse(
        document_open(document),
        as_attachment=True,
        filename=download_filename(document),
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    event_record(
        action="document.downloaded",
        actor=request.user,
        request=request,
        review_id=review.pk,
        obj=document,
        detail={"purpose": document.purpose},
    )
    return response
