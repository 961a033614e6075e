"""Demo data for the library: the national catalogue (if the DHRD files are present) and one
fictional published review with its Welsh summary and recommendations."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TextIO

from django.conf import settings

from dhr.library.services import catalogue_import_dhrd, publication_upsert

DEMO_SLUG = "westshire-2025-1"
DEMO_PHRASE = "the orchard lane risk conference"


def dhrd_path() -> Path:
    configured = getattr(settings, "DHRD_PATH", "") or os.environ.get("DHRD_PATH", "")
    return (
        Path(configured)
        if configured
        else Path(settings.BASE_DIR).parent / "shared" / "data" / "dhrd"
    )


def seed(*, stdout: TextIO) -> None:
    path = dhrd_path()
    if (path / "incidents.csv").exists():
        result = catalogue_import_dhrd(path=path)
        stdout.write(f"Library: DHRD catalogue {result}\n")
    else:
        stdout.write(f"Library: no DHRD data at {path}; national catalogue not loaded\n")
    common = {
        "csp_name": "Westshire Community Safety Partnership",
        "region": "South West",
        "year_of_death": 2023,
        "victims": [{"age_band": "35-44", "sex": "Female", "relationship": "Ex-spouse"}],
        "perpetrators": [{"age_band": "35-44", "sex": "Male"}],
        "flags": ["intimate_partner_violence", "coercive_control", "separation", "stalking"],
        "published_on": dt.date(2025, 11, 3),
        "retention_ends_on": dt.date(2030, 11, 3),
    }
    recommendations = [
        {
            "text": "Agencies should refer every high-risk case after separation to the MARAC.",
            "addressee": "Westshire Police",
            "sector": "police",
            "themes": ["identification_of_risk", "multi_agency_working"],
            "status": "in_progress",
        },
        {
            "text": "GP practices should train staff to ask about coercive control.",
            "addressee": "Westshire Integrated Care Board",
            "sector": "health",
            "themes": ["training"],
            "status": "implemented",
        },
    ]
    publication_upsert(
        slug=DEMO_SLUG,
        title="Domestic Homicide Review: the death of Anna (pseudonym), Westshire",
        summary="Anna (a pseudonym) was killed by her former husband after they separated.",
        executive_summary_text="Anna had told three agencies she was afraid after separation.",
        overview_text=(
            "Analysis\n\nAgencies did not share what they knew until "
            f"{DEMO_PHRASE} met, two weeks before Anna died.\n\n"
            "Stalking after separation was recorded as a series of separate incidents."
        ),
        briefing_text="Learning: treat stalking after separation as a pattern, not incidents.",
        recommendations=recommendations,
        **common,  # type: ignore[arg-type]
    )
    publication_upsert(
        slug=f"{DEMO_SLUG}-cy",
        translation_of=DEMO_SLUG,
        language="cy",
        title="Adolygiad Dynladdiad Domestig: marwolaeth Anna (ffugenw), Westshire",
        summary="",
        executive_summary_text="Roedd Anna wedi dweud wrth dair asiantaeth ei bod yn ofnus.",
        overview_text="Dadansoddiad\n\nNi rannodd yr asiantaethau'r hyn a wyddent mewn pryd.",
        recommendations=[{**r, "text": r["text"]} for r in recommendations],
        **common,  # type: ignore[arg-type]
    )
    stdout.write(f"Library: published demo report {DEMO_SLUG} (English and Welsh)\n")
