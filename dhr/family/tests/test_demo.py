from __future__ import annotations

import io
from typing import Any

import pytest
from django.utils import timezone

from dhr.family import demo
from dhr.family.models import Contact
from dhr.family.selectors import library_tags, next_update_due
from dhr.testing import factories as f


@pytest.mark.django_db
def test_demo_seeds_a_family_with_an_advocate_and_an_overdue_update_once(
    csp: Any, coordinator: Any
) -> None:
    review: Any = f.ReviewFactory(lead_csp=csp, reference=demo.REFERENCE)
    demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())
    assert Contact.objects.filter(review=review).count() == 2
    assert library_tags(review)["supported_by_advocate"] is True
    due = next_update_due(review)
    assert due is not None and due < timezone.localdate()
