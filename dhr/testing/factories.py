"""factory-boy factories shared by every test suite."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from dhr.accounts.models import Membership, Organisation, OrganisationKind, User
from dhr.reviews.models import Notification, Review, ReviewMembership, ReviewPerson

DEFAULT_PASSWORD = "correct horse battery staple"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")
    full_name = factory.Sequence(lambda n: f"Test Person {n}")

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.set_password(extracted or DEFAULT_PASSWORD)
        if create:
            self.save()

    @factory.post_generation
    def with_mfa(self, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        """Every persona has TOTP set up unless `with_mfa=False` is passed."""
        if create and extracted is not False:
            TOTP.activate(self, generate_totp_secret())


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = OrganisationKind.POLICE


class CSPFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Community Safety Partnership {n}")
    kind = OrganisationKind.CSP
    code = factory.Sequence(lambda n: f"C{n:03d}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(CSPFactory)
    role = "csp_coordinator"


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    reference = factory.Sequence(lambda n: f"DHR-TST-2026-{n:04d}")
    lead_csp = factory.SubFactory(CSPFactory)
    came_to_attention_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))


class ReviewMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewMembership

    review = factory.SubFactory(ReviewFactory)
    user = factory.SubFactory(UserFactory)
    role = "independent_chair"


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    review = factory.SubFactory(ReviewFactory)
    notifying_agency_name = "Test Police"
    notifying_officer = "DS Example"
    notified_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=3))
    date_of_death = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=5))
    place_of_death_type = "residential"
    police_force_area = "Kent"
    recorded_by = factory.SubFactory(UserFactory)


class ReviewPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewPerson

    review = factory.SubFactory(ReviewFactory)
    role = "victim"
    full_name = "Alex Example"
    age_at_death = 34
