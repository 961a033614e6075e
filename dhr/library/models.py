"""The public library's own tables: catalogue records, published reports, recommendations.

Nothing here refers to case data. Publication (dhr.library.services.publication_upsert) copies
into these tables what has been approved for publication, and the DHRD import copies the
national catalogue; the library reads nothing else (import-linter contract in pyproject.toml).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from dhr.core.models import TimeStampedModel
from dhr.library import taxonomy


def _flag(label: str) -> models.BooleanField:  # type: ignore[type-arg]
    # False means "not tagged in the metadata", never "absent" (DHRD CODEBOOK, boolean notes).
    return models.BooleanField(label, default=False)


class CatalogueRecord(TimeStampedModel):
    """One reviewed death in the catalogue: a national DHRD entry or one published here."""

    class Source(models.TextChoices):
        DHRD = "dhrd", _("National catalogue (DHRD)")
        LOCAL = "local", _("Published in this service")

    source = models.CharField(max_length=10, choices=Source.choices)
    dhrd_incident_id = models.CharField(max_length=20, unique=True, null=True, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    csp_name = models.CharField(max_length=200, db_index=True)
    region = models.CharField(max_length=60, blank=True, db_index=True)
    death_year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    # As published: "Month YYYY" or "YYYY" in DHRD; no exact dates in the public library.
    death_date_text = models.CharField(max_length=30, blank=True)
    multiple_victims = models.BooleanField(default=False)
    cause_of_death = models.CharField(max_length=100, blank=True)
    location_of_death = models.CharField(max_length=40, blank=True)
    intimate_partner_violence = _flag("intimate partner violence")
    familial_homicide = _flag("familial homicide")
    parricide = _flag("parricide")
    homicide_suicide = _flag("homicide-suicide")
    children_present = _flag("children present")
    coercive_control = _flag("coercive control")
    economic_abuse = _flag("economic abuse")
    faith_based_marriage = _flag("faith-based abuse")
    forced_marriage = _flag("forced marriage")
    honour_based_violence = _flag("honour-based abuse")
    physical_abuse = _flag("physical abuse")
    emotional_abuse = _flag("emotional abuse")
    separation = _flag("separation")
    sexual_abuse = _flag("sexual abuse")
    stalking = _flag("stalking")
    summary = models.TextField(blank=True)
    has_text = models.BooleanField(default=False)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    attribution = models.TextField(blank=True)

    class Meta:
        ordering = ["-published_on", "-death_year", "csp_name", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source="dhrd") | models.Q(dhrd_incident_id__isnull=False),
                name="library_dhrd_record_has_incident_id",
            )
        ]

    def __str__(self) -> str:
        return self.title


class CataloguePerson(models.Model):
    """A victim or perpetrator as the catalogue describes them: bands and categories only."""

    class Role(models.TextChoices):
        VICTIM = "victim", _("Victim")
        PERPETRATOR = "perpetrator", _("Perpetrator")

    record = models.ForeignKey(CatalogueRecord, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(max_length=12, choices=Role.choices)
    source_id = models.CharField(max_length=20, blank=True)
    age_band = models.CharField(max_length=10, blank=True)
    sex = models.CharField(max_length=10, blank=True)
    relationship = models.CharField(max_length=60, blank=True)
    # The rest of the DHRD row (ethnicity, orientation, mental-health and vulnerability flags),
    # kept whole so the JSON export loses nothing.
    attributes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["role", "source_id", "pk"]
        indexes = [
            models.Index(fields=["role", "age_band"], name="library_person_role_age"),
            models.Index(fields=["role", "sex"], name="library_person_role_sex"),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.source_id}"


class PublishedReport(TimeStampedModel):
    """The published text of a record in one language; a Welsh version links to the English."""

    record = models.ForeignKey(CatalogueRecord, on_delete=models.CASCADE, related_name="reports")
    slug = models.SlugField(max_length=120, unique=True)
    language = models.CharField(max_length=5, choices=taxonomy.LANGUAGES.choices)
    translation_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="translations"
    )
    title = models.CharField(max_length=300)
    published_on = models.DateField()
    retention_ends_on = models.DateField(null=True, blank=True)
    executive_summary_html = models.TextField(blank=True)
    executive_summary_text = models.TextField(blank=True)
    overview_html = models.TextField(blank=True)
    overview_text = models.TextField(blank=True)
    briefing_html = models.TextField(blank=True)
    briefing_text = models.TextField(blank=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["record", "language"], name="library_one_report_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.slug


class PublicRecommendation(models.Model):
    report = models.ForeignKey(
        PublishedReport, on_delete=models.CASCADE, related_name="recommendations"
    )
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    addressee = models.CharField(max_length=200)
    sector = models.CharField(max_length=30, choices=taxonomy.SECTORS.choices)
    status = models.CharField(
        max_length=20, choices=taxonomy.IMPLEMENTATION_STATUSES.choices, default="not_known"
    )

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "position"], name="library_recommendation_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report.slug} #{self.position}"

    @property
    def theme_labels(self) -> list[str]:
        return [taxonomy.THEMES.label(theme.theme) for theme in self.themes.all()]


class RecommendationTheme(models.Model):
    recommendation = models.ForeignKey(
        PublicRecommendation, on_delete=models.CASCADE, related_name="themes"
    )
    theme = models.CharField(max_length=30, choices=taxonomy.THEMES.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "theme"], name="library_theme_once")
        ]

    def __str__(self) -> str:
        return self.theme
