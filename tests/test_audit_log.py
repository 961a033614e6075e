"""The audit log is append-only in the database itself, on SQLite and on PostgreSQL (D.4 item 8).

The same tests run in both suites: `make test` runs pytest once on SQLite and once with
DATABASE_URL pointing at a throwaway PostgreSQL server.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from dhr.audit.models import Event
from dhr.audit.services import event_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db: Any) -> Event:
    return event_record(action="test.event", detail={"n": 1})


def _table() -> str:
    return connection.ops.quote_name(Event._meta.db_table)


def test_events_can_be_appended_and_read(event: Event) -> None:
    stored = Event.objects.get(pk=event.pk)
    assert stored.action == "test.event"
    assert stored.occurred_at.utcoffset() == dt.timedelta(0)


def test_orm_update_is_refused(event: Event) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(action="tampered")
    assert Event.objects.get(pk=event.pk).action == "test.event"


def test_orm_save_of_existing_row_is_refused(event: Event) -> None:
    event.action = "tampered"
    with pytest.raises(DatabaseError), transaction.atomic():
        event.save()
    assert Event.objects.get(pk=event.pk).action == "test.event"


def test_orm_delete_is_refused(event: Event) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(pk=event.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        event.delete()
    assert Event.objects.filter(pk=event.pk).exists()


def test_raw_sql_update_is_refused(event: Event) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {_table()} SET action = %s WHERE id = %s", ["tampered", event.pk])  # noqa: S608
    assert Event.objects.get(pk=event.pk).action == "test.event"


def test_raw_sql_delete_is_refused(event: Event) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_table()}")  # noqa: S608
    assert Event.objects.filter(pk=event.pk).exists()
