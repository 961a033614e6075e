"""`manage.py import_dhrd <folder>`: loads the DHRD national catalogue, idempotently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dhr.library import dhrd
from dhr.library.services import catalogue_import_dhrd


class Command(BaseCommand):
    help = "Load the DHRD incidents, victims and perpetrators as library catalogue records."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", help="folder holding incidents.csv, victims.csv, perpetrators.csv"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        missing = [
            n for n in (dhrd.INCIDENTS, dhrd.VICTIMS, dhrd.PERPETRATORS) if not (path / n).exists()
        ]
        if missing:
            raise CommandError(f"{path}: missing {', '.join(missing)}")
        try:
            result = catalogue_import_dhrd(path=path)
        except (KeyError, ValueError) as error:
            raise CommandError(f"{path}: {error}") from error
        self.stdout.write(
            f"DHRD: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged. Attribution kept: {dhrd.CITATION}"
        )
