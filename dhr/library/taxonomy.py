"""The national DHR taxonomy as data, each list with its source.

Labels follow the Home Office DHR Library's filters (domain.md 4.9, "the de facto national data
schema") and the values of the DHRD research dataset derived from them (domain.md 4.10;
Cook & Cook 2026, CC BY 4.0), so a CSP's own publications and the national catalogue filter
and export the same way. Stored values are the DHRD spellings; labels are what people read.
Plain Python: no Django here except lazy translation of labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

HO_LIBRARY = "Home Office DHR Library filters, https://homicide-review.homeoffice.gov.uk/"
DHRD = "DHRD v1.0.3 (Cook & Cook 2026), CODEBOOK.md, https://doi.org/10.5281/zenodo.21648010"


@dataclass(frozen=True)
class Vocabulary:
    """A closed list of (stored value, label) pairs and where the list comes from."""

    name: str
    source: str
    choices: tuple[tuple[str, object], ...]

    @property
    def values(self) -> frozenset[str]:
        return frozenset(value for value, _label in self.choices)

    def label(self, value: str) -> str:
        for stored, label in self.choices:
            if stored == value:
                return str(label)
        return value


REGIONS = Vocabulary(
    "region",
    f"{HO_LIBRARY} (police force areas grouped by region); {DHRD} incidents.region",
    (
        ("North East", _("North East")),
        ("North West", _("North West")),
        ("Yorkshire and Humber", _("Yorkshire and Humber")),
        ("East Midlands", _("East Midlands")),
        ("West Midlands", _("West Midlands")),
        ("East", _("East of England")),
        ("Greater London", _("Greater London")),
        ("South East", _("South East")),
        ("South West", _("South West")),
        ("Wales", _("Wales")),
    ),
)

AGE_BANDS = Vocabulary(
    "age band",
    f"{HO_LIBRARY} (age at time of death / of fatal incident); {DHRD}. DHRD also has "
    "'20-34' in perpetrators.csv (42 rows), kept as published.",
    (
        ("16-19", "16 to 19"),
        ("20-24", "20 to 24"),
        ("20-34", _("20 to 34 (as published in DHRD)")),
        ("25-34", "25 to 34"),
        ("35-44", "35 to 44"),
        ("45-54", "45 to 54"),
        ("55-64", "55 to 64"),
        ("65+", _("65 and over")),
        ("Unknown", _("Not known")),
    ),
)

SEXES = Vocabulary(
    "sex",
    f"{HO_LIBRARY} (Male / Female / Unclear-Unknown-Not stated); {DHRD}",
    (
        ("Female", _("Female")),
        ("Male", _("Male")),
        ("Unknown", _("Unclear, unknown or not stated")),
    ),
)

RELATIONSHIPS = Vocabulary(
    "relationship of the victim to the perpetrator",
    f"{DHRD} victims.relationship_to_perpetrator (Home Office metadata)",
    (
        ("Spouse (incl civil partner)", _("Spouse (including civil partner)")),
        ("Common-law spouse", _("Common-law spouse")),
        ("Boyfriend or girlfriend", _("Boyfriend or girlfriend")),
        ("Ex-spouse", _("Ex-spouse")),
        ("Ex-boyfriend or ex-girlfriend", _("Ex-boyfriend or ex-girlfriend")),
        ("Casual sexual partner", _("Casual sexual partner")),
        ("Emotional rival", _("Emotional rival")),
        ("Parent", _("Parent")),
        ("Step-parent", _("Step-parent")),
        ("Son or daughter", _("Son or daughter")),
        ("Grandparent", _("Grandparent")),
        ("Sibling", _("Sibling")),
        ("Half-sibling", _("Half-sibling")),
        ("Step-sibling", _("Step-sibling")),
        ("Other (relative)", _("Other relative")),
        ("Cohabitant", _("Cohabitant")),
        ("Other (non-relative)", _("Other (not a relative)")),
        ("Unknown", _("Not known")),
    ),
)

# Incident flags: model field name == DHRD incidents.csv column.
CATEGORIES = Vocabulary(
    "DHR category",
    f"{HO_LIBRARY} 'DHR category'; {DHRD} incidents.csv flags",
    (
        ("intimate_partner_violence", _("Intimate-partner homicide")),
        ("familial_homicide", _("Familial homicide")),
        ("parricide", _("Parricide (parent and step-parents)")),
        ("homicide_suicide", _("Homicide-suicide")),
        ("children_present", _("Children present at the homicide")),
    ),
)

AGGRAVATING_FACTORS = Vocabulary(
    "aggravating factor",
    f"{HO_LIBRARY} 'Aggravating Factors'; {DHRD} incidents.csv flags",
    (
        ("coercive_control", _("Coercive or controlling behaviour")),
        ("economic_abuse", _("Economic abuse")),
        ("faith_based_marriage", _("Faith-based abuse")),
        ("forced_marriage", _("Forced marriage")),
        ("honour_based_violence", _("Honour-based abuse")),
        ("physical_abuse", _("Physical abuse")),
        ("emotional_abuse", _("Psychological or emotional abuse")),
        ("separation", _("Separation")),
        ("sexual_abuse", _("Sexual abuse")),
        ("stalking", _("Stalking")),
    ),
)

FLAGS = Vocabulary(
    "DHR category or aggravating factor",
    f"{CATEGORIES.source}; {AGGRAVATING_FACTORS.source}",
    CATEGORIES.choices + AGGRAVATING_FACTORS.choices,
)
# Same order as the DHRD incidents.csv columns, so exports line up with the dataset.
INCIDENT_FLAGS = tuple(value for value, _label in FLAGS.choices)

SECTORS = Vocabulary(
    "recommendation sector",
    f"{HO_LIBRARY} 'DHR process: recommendations to ...'",
    (
        ("police", _("Police")),
        ("social_services", _("Social services")),
        ("health", _("Health")),
        ("idva_da_service", _("IDVA or domestic abuse support service")),
        ("probation", _("Probation")),
        ("housing", _("Housing")),
        ("school", _("School")),
        ("employer", _("Employer")),
        ("other_education", _("Other educational institution")),
        ("religious_institution", _("Religious institution")),
        ("military", _("Military")),
        ("csp", _("Community Safety Partnership")),
        ("national", _("National (government department)")),
    ),
)

THEMES = Vocabulary(
    "recommendation theme",
    f"{HO_LIBRARY} 'recommendation themes'",
    (
        ("technology_systems", _("Technology systems")),
        ("identification_of_risk", _("Identification of risk")),
        ("training", _("Training")),
        ("policy", _("Policy")),
        ("multi_agency_working", _("Multi-agency working")),
        ("record_keeping", _("Record keeping")),
        ("awareness_raising", _("Awareness raising")),
        ("other", _("Other")),
    ),
)

IMPLEMENTATION_STATUSES = Vocabulary(
    "public implementation status",
    "DHR Manager action-plan statuses as published (domain.md 2.16, 5.2)",
    (
        ("not_started", _("Not started")),
        ("in_progress", _("In progress")),
        ("implemented", _("Implemented")),
        ("not_implemented", _("Not implemented, with reasons")),
        ("not_known", _("Not known")),
    ),
)

LANGUAGES = Vocabulary(
    "language", "Welsh Language Standards", (("en", _("English")), ("cy", _("Welsh")))
)

SOURCES = Vocabulary(
    "source",
    "DHR Manager",
    (("dhrd", _("National catalogue (DHRD)")), ("local", _("Published in this service"))),
)
