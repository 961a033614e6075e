"""Uploaded documents: one intake for the whole service, stored privately under random keys.

The bytes live in `default_storage` (a private filesystem folder, or an S3-compatible bucket)
under `documents/<uuid4>`: never the uploader's filename (ASVS 5.3.2), which may itself carry a
name and is therefore kept only encrypted, for display to people who may download the file.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dhr.core.fields import EncryptedTextField
from dhr.core.models import TimeStampedModel
from dhr.documents.validation import TYPES


class Purpose(models.TextChoices):
    IMR = "imr", _("Individual management review")
    CHRONOLOGY = "chronology", _("Chronology")
    QA_LETTER = "qa_letter", _("Home Office quality assurance letter")
    EVIDENCE = "evidence", _("Evidence")
    CORRESPONDENCE = "correspondence", _("Correspondence")
    OTHER = "other", _("Other")


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class ScanStatus(models.TextChoices):
    NOT_SCANNED = "not_scanned", _("Not scanned (no virus scanner installed)")
    CLEAN = "clean", _("No virus found")
    INFECTED = "infected", _("Virus found")
    ERROR = "error", _("Scan failed")


class Document(TimeStampedModel):
    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="documents")
    # The agency the document belongs to: agency contributors see only their own agency's.
    agency = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    original_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    storage_key = models.CharField(max_length=100, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    extraction_status = models.CharField(
        max_length=16, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extracted_text = EncryptedTextField(blank=True)
    scan_status = models.CharField(
        max_length=16, choices=ScanStatus.choices, default=ScanStatus.NOT_SCANNED
    )
    # A newer version of the same document; the old one stays, so every version is kept.
    superseded_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="supersedes"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["review", "agency"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({str(self.pk)[:8]})"

    @property
    def extension(self) -> str:
        for file_type in TYPES.values():
            if file_type.mime_type == self.content_type:
                return "jpg" if file_type.kind == "jpeg" else file_type.extension
        return "bin"
