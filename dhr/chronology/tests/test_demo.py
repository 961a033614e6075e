"""The demo seed: a near-duplicate and a long gap on DHR-WSF-2024-006, and idempotent."""

from __future__ import annotations

import io
from typing import Any

import pytest

from dhr.chronology import demo
from dhr.chronology.combined import Filters, build
from dhr.chronology.models import ChronologySubmission
from dhr.demo import data
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db


def test_seed_shows_a_duplicate_and_a_gap_and_runs_twice_safely(csp: Any) -> None:
    review: Any = f.ReviewFactory(lead_csp=csp, reference=demo.REFERENCE)
    for key, kind in (("police", "police"), ("nhs", "nhs_trust")):
        name = next(spec.name for spec in data.ORGANISATIONS if spec.key == key)
        agency = f.OrganisationFactory(name=name, kind=kind)
        user_key = "police" if key == "police" else "health"
        user = f.UserFactory(email=f"{user_key}@{data.DEMO_EMAIL_DOMAIN}")
        f.ReviewMembershipFactory(
            review=review, user=user, role="agency_contributor", agency=agency
        )
    demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())
    assert ChronologySubmission.objects.filter(review=review).count() == 3
    assert ChronologySubmission.objects.filter(review=review, superseded=True).count() == 1
    combined = build(review=review, filters=Filters(), gap_days=90)
    assert len(combined.entries) == 5
    assert len(combined.duplicates) == 2
    assert [gap.days for gap in combined.gaps] == [170]
