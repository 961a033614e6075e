"""The panel's demo records: on reviews at information gathering and later, added once."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from dhr.panel.models import AgencyConsidered, PanelMeeting, PanelMember, TermsVersion

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_a_panel_once(settings: Any) -> None:
    settings.DHR_ALLOW_DEMO_SEED = True
    call_command("seed_demo", stdout=StringIO())
    counts = [
        m.objects.count() for m in (PanelMember, PanelMeeting, TermsVersion, AgencyConsidered)
    ]
    call_command("seed_demo", stdout=StringIO())
    again = [m.objects.count() for m in (PanelMember, PanelMeeting, TermsVersion, AgencyConsidered)]
    assert counts == again
    assert PanelMember.objects.filter(review__reference="DHR-WSF-2024-006").count() == 5
    assert not PanelMember.objects.filter(review__reference="DHR-WSF-2024-001").exists()
    excluded = AgencyConsidered.objects.filter(review__reference="DHR-WSF-2024-006", included=False)
    assert excluded.exists() and all(row.reason for row in excluded)
    assert TermsVersion.objects.get(terms__review__reference="DHR-WSF-2024-006").is_agreed
