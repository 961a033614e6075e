from __future__ import annotations

from typing import Any

import pytest

from dhr.family.services.contacts import contact_create


@pytest.fixture
def mother(review: Any, coordinator: Any) -> Any:
    return contact_create(
        actor=coordinator,
        review=review,
        kind="family",
        relationship="mother",
        full_name="Margaret Testperson",
        address="1 Example Road\nWestshire",
        phone="07700 900982",
        email="margaret@example.com",
        preferred_channel="letter",
        preferred_language="cy",
        never_share_with=False,
    )


@pytest.fixture
def linked_brother(review: Any, coordinator: Any) -> Any:
    return contact_create(
        actor=coordinator,
        review=review,
        kind="family",
        relationship="brother of the perpetrator",
        full_name="Pete Linkedperson",
        address="9 Other Street",
        preferred_channel="letter",
        preferred_language="en",
        never_share_with=True,
    )
