"""Cron entry point: e-mail reminders for deadlines due soon or overdue. Safe to run twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from dhr.audit.services import event_record
from dhr.clock.reminders import reminders_send_due
from dhr.contributions.reminders import request_reminders_send_due


class Command(BaseCommand):
    help = (
        "Send reminder e-mails for deadlines and information requests due soon or overdue "
        "(idempotent; run daily)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            help="Treat this date (YYYY-MM-DD) as today. Defaults to today in Europe/London.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today must be a date in the form YYYY-MM-DD") from error
        # One cron job for every reminder: statutory clocks and agency information requests.
        sent = reminders_send_due(today=today) + request_reminders_send_due(today=today)
        event_record(
            action="clock.reminders_sent", detail={"count": sent, "today": today.isoformat()}
        )
        self.stdout.write(f"sent {sent} reminders")
