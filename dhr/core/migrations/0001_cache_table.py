"""Create the database cache table that the sign-in rate limits rely on.

A migration rather than a manual `createcachetable` step, so a fresh database (and the test
database) always has it.
"""

from __future__ import annotations

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):  # type: ignore[no-untyped-def]
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
