"""The demo requests and IMR: created once, scoped per agency like everything else."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from dhr.accounts.models import User
from dhr.contributions.choices import ShownStatus
from dhr.contributions.models import IMR, InformationRequest
from dhr.contributions.selectors import imr_list_for, request_rows_for
from dhr.reviews.models import Review

pytestmark = pytest.mark.django_db


def test_demo_is_seeded_once_and_each_agency_sees_only_its_own(settings: Any) -> None:
    settings.DHR_ALLOW_DEMO_SEED = True
    call_command("seed_demo", stdout=StringIO())
    counts = (InformationRequest.objects.count(), IMR.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (InformationRequest.objects.count(), IMR.objects.count()) == counts == (5, 1)

    review = Review.objects.get(reference="DHR-WSF-2024-006")
    police = User.objects.get(email="police@demo.dhr.test")
    health = User.objects.get(email="health@demo.dhr.test")
    assert imr_list_for(user=police, review=review).count() == 1
    assert imr_list_for(user=health, review=review).count() == 0
    rows = request_rows_for(user=health, review=review, today=timezone.localdate())
    assert {row.request.agency.name for row in rows} == {"Westshire NHS Foundation Trust"}
    coordinator = User.objects.get(email="coordinator@demo.dhr.test")
    statuses = {
        row.status
        for row in request_rows_for(user=coordinator, review=review, today=timezone.localdate())
    }
    assert ShownStatus.OVERDUE in statuses and ShownStatus.NIL_RETURN in statuses
