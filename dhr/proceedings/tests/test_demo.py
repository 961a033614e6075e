"""The demo adds a criminal case and an inquest to DHR-WSF-2024-006, once."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from dhr.proceedings.models import DisclosureDecision, Proceeding, ProceedingEvent


@pytest.mark.django_db
def test_seed_adds_criminal_case_and_inquest_once(settings: Any) -> None:
    settings.DHR_ALLOW_DEMO_SEED = True
    call_command("seed_demo", stdout=StringIO())
    proceedings = Proceeding.objects.filter(review__reference="DHR-WSF-2024-006")
    assert sorted(proceedings.values_list("kind", flat=True)) == ["criminal", "inquest"]
    criminal = proceedings.get(kind="criminal")
    assert set(criminal.events.values_list("kind", flat=True)) >= {"charge", "trial"}
    assert criminal.events.get(kind="trial").scheduled
    assert set(proceedings.get(kind="inquest").events.values_list("kind", flat=True)) == {
        "opened",
        "adjourned",
    }
    counts = (Proceeding.objects.count(), ProceedingEvent.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Proceeding.objects.count(), ProceedingEvent.objects.count()) == counts
    assert DisclosureDecision.objects.count() == 1
