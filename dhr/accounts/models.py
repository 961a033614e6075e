"""People, organisations (CSPs and agencies) and the roles people hold in them."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dhr.core.models import TimeStampedModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A professional who signs in. Family members never hold accounts."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Secret for the personal calendar feed; rotating it revokes old subscriptions.
    calendar_token = models.CharField(max_length=64, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email


class Jurisdiction(models.TextChoices):
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")


class OrganisationKind(models.TextChoices):
    CSP = "csp", _("Community Safety Partnership")
    POLICE = "police", _("Police force")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    NHS_TRUST = "nhs_trust", _("NHS trust")
    ICB = "icb", _("Integrated care board")
    HEALTH_BOARD = "health_board", _("Local Health Board (Wales)")
    GP_PRACTICE = "gp_practice", _("GP practice")
    PROBATION = "probation", _("Probation service")
    HOUSING = "housing", _("Housing provider")
    DA_SERVICE = "da_service", _("Specialist domestic abuse service")
    CPS = "cps", _("Crown Prosecution Service")
    GOVERNMENT = "government", _("Government department")
    OTHER = "other", _("Other")


class Organisation(TimeStampedModel):
    """A CSP or an agency. A CSP is the tenant: it sees only its own reviews."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=32, choices=OrganisationKind.choices)
    # Short code used in review references, e.g. "WSF". CSPs only.
    code = models.CharField(_("reference code"), max_length=12, blank=True)
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=16, choices=Jurisdiction.choices, default=Jurisdiction.ENGLAND
    )
    # A joint decision forum, e.g. a "One Panel" of CSP + Safeguarding Adults Board +
    # Safeguarding Children Partnership that decides in place of the CSP chair.
    joint_decision_forum = models.CharField(_("joint decision forum"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    address = models.TextField(_("postal address"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~models.Q(code=""), name="organisation_code_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_csp(self) -> bool:
        return self.kind == OrganisationKind.CSP


class Role(models.TextChoices):
    """Every role the service knows. Some are held in an organisation, some in one review."""

    CSP_COORDINATOR = "csp_coordinator", _("CSP coordinator")
    CSP_CHAIR = "csp_chair", _("CSP chair")
    DECISION_PANEL_MEMBER = "decision_panel_member", _("Decision panel member")
    INDEPENDENT_CHAIR = "independent_chair", _("Independent chair")
    REPORT_WRITER = "report_writer", _("Report writer")
    AGENCY_CONTRIBUTOR = "agency_contributor", _("Agency contributor")
    REVIEW_PANEL_MEMBER = "review_panel_member", _("Review panel member")
    OVERSIGHT = "oversight", _("Read-only oversight")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles held in a CSP that give sight of that CSP's reviews.
CSP_WIDE_ROLES = frozenset(
    {Role.CSP_COORDINATOR, Role.CSP_CHAIR, Role.DECISION_PANEL_MEMBER, Role.OVERSIGHT}
)
# Roles held in one review (reviews.ReviewMembership).
REVIEW_ROLES = frozenset(
    {Role.INDEPENDENT_CHAIR, Role.REPORT_WRITER, Role.AGENCY_CONTRIBUTOR, Role.REVIEW_PANEL_MEMBER}
)


class Membership(TimeStampedModel):
    """A person's role in an organisation, e.g. coordinator of a CSP, contributor for a trust."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=32, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"
