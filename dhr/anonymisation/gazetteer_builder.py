"""Building a review's gazetteer from its own records.

Each provider is a function taking a `Review` and returning `GazetteerEntry`s. This module
registers the providers for what the reviews app holds (the people, the notification); later
apps (family contacts, panel members, agencies' staff) add theirs with `register_provider`, so
this module never has to import them:

    from dhr.anonymisation.gazetteer_builder import register_provider

    @register_provider
    def family_terms(review):
        for contact in review.family_contacts.all():
            yield from person_entries(contact.full_name, contact.pseudonym)

Encrypted fields decrypt as the rows load; the terms live only in memory.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from dhr.anonymisation.scanner import (
    Gazetteer,
    GazetteerEntry,
    address_entries,
    date_entries,
    person_entries,
)
from dhr.reviews.models import Review

Provider = Callable[[Review], Iterable[GazetteerEntry]]

_providers: list[Provider] = []

# Titles and ranks written before a name in the notification ("DS Jane Doe", "Dr Patel").
_TITLES = re.compile(
    r"^(?:(?:Det(?:ective)?|D/?S|D/?C|DCI|DI|DSupt|PC|PCSO|Sgt|Insp(?:ector)?|Supt|Ch"
    r"|Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+)+",
    re.IGNORECASE,
)


def register_provider(provider: Provider) -> Provider:
    """Add a source of gazetteer terms (once, however often it is registered)."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def registered_providers() -> list[Provider]:
    return list(_providers)


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


@register_provider
def review_people_terms(review: Review) -> Iterable[GazetteerEntry]:
    """The victim and suspects: names (to their pseudonyms), dates of birth and addresses."""
    for person in review.people.all():
        pseudonym = person.pseudonym or (review.pseudonym if person.role == "victim" else "")
        yield from person_entries(person.full_name or "", pseudonym)
        born = _parse_date(person.date_of_birth or "")
        if born is not None:
            yield from date_entries(born, kind="date_of_birth")
        if person.address:
            yield from address_entries(person.address)


@register_provider
def notification_terms(review: Review) -> Iterable[GazetteerEntry]:
    """The place and date of death, and the officer who notified the CSP."""
    for notification in review.notifications.all():
        if notification.place_of_death:
            yield from address_entries(notification.place_of_death)
        if notification.date_of_death:
            yield from date_entries(notification.date_of_death, kind="date_of_death")
        officer = _TITLES.sub("", (notification.notifying_officer or "").strip())
        if officer:
            yield from person_entries(officer, kind="professional")


def gazetteer_entries_for(review: Review) -> list[GazetteerEntry]:
    """Every provider's terms for `review`, in registration order (earlier wins a clash)."""
    entries: list[GazetteerEntry] = []
    for provider in _providers:
        entries.extend(provider(review))
    return entries


def gazetteer_for(review: Review) -> Gazetteer:
    return Gazetteer(gazetteer_entries_for(review))
