"""The fictional world `seed_demo` builds: partnerships, agencies, people and reviews.

Everything here is invented. Names are deliberately implausible ("Fiona Fictitious") so nobody
mistakes a demo record for a real case. Dates are offsets in days before today, so the demo's
clocks are always in the same shape (one overdue, one due soon, ...) whenever it is seeded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dhr.accounts.models import Jurisdiction, OrganisationKind, Role
from dhr.clock.models import PauseReason
from dhr.reviews.choices import DecisionForum, DecisionOutcome, HomeOfficeResponse, ReviewState

S = ReviewState

# Four random words: long enough for the 12-character minimum, easy to type in a demo.
DEMO_PASSWORD = "orchard-kettle-lantern-meadow"  # noqa: S105 - published demo-only password
DEMO_EMAIL_DOMAIN = "demo.dhr.test"


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    name: str
    kind: str
    code: str = ""
    jurisdiction: str = Jurisdiction.ENGLAND
    joint_decision_forum: str = ""


WESTSHIRE = OrganisationSpec(
    key="wsf",
    name="Westshire Community Safety Partnership",
    kind=OrganisationKind.CSP,
    code="WSF",
    joint_decision_forum="Westshire One Panel",
)
CWM_TAF = OrganisationSpec(
    key="ctd",
    name="Cwm Taf Demo Partnership",
    kind=OrganisationKind.CSP,
    code="CTD",
    jurisdiction=Jurisdiction.WALES,
)
ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    WESTSHIRE,
    CWM_TAF,
    OrganisationSpec("police", "Westshire Police", OrganisationKind.POLICE),
    OrganisationSpec("council", "Westshire County Council", OrganisationKind.LOCAL_AUTHORITY),
    OrganisationSpec("nhs", "Westshire NHS Foundation Trust", OrganisationKind.NHS_TRUST),
    OrganisationSpec("icb", "Westshire ICB", OrganisationKind.ICB),
    OrganisationSpec("gp", "Riverside GP Practice", OrganisationKind.GP_PRACTICE),
    OrganisationSpec("probation", "Probation Service Westshire", OrganisationKind.PROBATION),
    OrganisationSpec("housing", "Westshire Homes", OrganisationKind.HOUSING),
    OrganisationSpec("da_service", "Westshire Domestic Abuse Service", OrganisationKind.DA_SERVICE),
    OrganisationSpec("cps", "CPS Westshire", OrganisationKind.CPS),
)


@dataclass(frozen=True)
class UserSpec:
    """A demo account; `memberships` are (organisation key, role) pairs."""

    key: str
    full_name: str
    job_title: str
    memberships: tuple[tuple[str, str], ...] = ()
    superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_EMAIL_DOMAIN}"


USERS: tuple[UserSpec, ...] = (
    UserSpec(
        "coordinator", "Casey Coordinator", "DHR coordinator",
        (("wsf", Role.CSP_COORDINATOR), ("ctd", Role.CSP_COORDINATOR)),
    ),
    UserSpec(
        "chair", "Chris Chair", "Chair of the CSP",
        (("wsf", Role.CSP_CHAIR), ("ctd", Role.CSP_CHAIR)),
    ),
    UserSpec(
        "panel", "Dana Panel", "Member, Westshire One Panel",
        (("wsf", Role.DECISION_PANEL_MEMBER),),
    ),
    UserSpec("independent-chair", "Indira Independent", "Independent chair"),
    UserSpec("writer", "Rory Writer", "Report writer"),
    UserSpec(
        "police", "Pat Police", "Detective Inspector, review team",
        (("police", Role.AGENCY_CONTRIBUTOR),),
    ),
    UserSpec(
        "health", "Harper Health", "Named nurse for safeguarding adults",
        (("nhs", Role.AGENCY_CONTRIBUTOR),),
    ),
    UserSpec(
        "review-panel", "Robin Panel", "Head of adult social care",
        (("council", Role.REVIEW_PANEL_MEMBER),),
    ),
    UserSpec("oversight", "Olive Oversight", "Partnership analyst", (("wsf", Role.OVERSIGHT),)),
    UserSpec(
        "admin", "Ari Administrator", "Service administrator",
        (("wsf", Role.ADMINISTRATOR),), superuser=True,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class PauseSpec:
    reason: str
    explanation: str
    started_days_ago: int
    ended_days_ago: int | None = None


@dataclass(frozen=True)
class ReviewSpec:
    """One demo review. `*_days_ago` are offsets from today; None means "not happened yet"."""

    reference: str
    csp: str
    state: str
    pseudonym: str
    victim: str
    suspect: str
    relationship: str
    came_days_ago: int
    decided_days_ago: int | None = None
    outcome: str = DecisionOutcome.REVIEW
    forum: str = DecisionForum.CSP_CHAIR
    joint_with: str = ""
    home_office_sent_days_ago: int | None = None
    home_office_response: str = HomeOfficeResponse.AWAITING
    home_office_response_days_ago: int | None = None
    appointed_days_ago: int | None = None
    # When the completion clock was met (the report went to Home Office quality assurance).
    submitted_days_ago: int | None = None
    pauses: tuple[PauseSpec, ...] = field(default=())
    # What the demo shows on the dashboard, for the person reading the seed output.
    note: str = ""


CRIMINAL_TRIAL = PauseSpec(
    PauseReason.CRIMINAL_PROCEEDINGS,
    "Paused on police advice until the criminal trial concludes (fictional).",
    started_days_ago=150,
)

REVIEWS: tuple[ReviewSpec, ...] = (
    ReviewSpec(
        "DHR-WSF-2024-001", "wsf", S.NOTIFIED, "Rose", "Fiona Fictitious", "Mark Madeup",
        "current_partner", came_days_ago=26, note="decision due soon",
    ),
    ReviewSpec(
        "DHR-WSF-2024-002", "wsf", S.ELIGIBILITY_ASSESSED, "Ivy", "Greta Pretend",
        "Norman Notreal", "spouse", came_days_ago=40, note="decision overdue",
    ),
    ReviewSpec(
        "DHR-WSF-2024-003", "wsf", S.DECIDED_REVIEW, "Daisy", "Hannah Hypothetical",
        "Oscar Invented", "former_partner", came_days_ago=40, decided_days_ago=12,
        forum=DecisionForum.JOINT_PANEL, home_office_sent_days_ago=9,
    ),
    ReviewSpec(
        "DHR-WSF-2024-004", "wsf", S.DECIDED_NO_REVIEW, "Poppy", "Iris Imaginary",
        "Peter Placeholder", "child", came_days_ago=30, decided_days_ago=8,
        outcome=DecisionOutcome.NO_REVIEW, home_office_sent_days_ago=5,
        note="no-review decision awaiting the Home Office",
    ),
    ReviewSpec(
        "DHR-WSF-2024-005", "wsf", S.SET_UP, "Holly", "Julia Fabricated", "Quentin Sample",
        "current_partner", came_days_ago=90, decided_days_ago=70,
        home_office_sent_days_ago=66, home_office_response=HomeOfficeResponse.ACCEPTED,
        home_office_response_days_ago=50, appointed_days_ago=50,
    ),
    ReviewSpec(
        "DHR-WSF-2024-006", "wsf", S.INFORMATION_GATHERING, "Willow", "Kate Storybook",
        "Ralph Fauxname", "spouse", came_days_ago=200, decided_days_ago=180,
        home_office_sent_days_ago=176, home_office_response=HomeOfficeResponse.ACCEPTED,
        home_office_response_days_ago=160, appointed_days_ago=165, pauses=(CRIMINAL_TRIAL,),
        note="completion clock paused for criminal proceedings",
    ),
    ReviewSpec(
        "DHR-WSF-2024-007", "wsf", S.ANALYSIS_DRAFTING, "Hazel", "Laura Unreal",
        "Simon Mockup", "former_partner", came_days_ago=260, decided_days_ago=240,
        outcome=DecisionOutcome.JOINT_REVIEW, forum=DecisionForum.JOINT_PANEL,
        joint_with="Westshire Safeguarding Adults Board", home_office_sent_days_ago=236,
        home_office_response=HomeOfficeResponse.ACCEPTED, home_office_response_days_ago=220,
        appointed_days_ago=225,
        pauses=(
            PauseSpec(
                PauseReason.INQUEST,
                "Paused while the coroner's inquest was heard (fictional).",
                started_days_ago=200, ended_days_ago=170,
            ),
        ),
        note="completion overdue despite a completed pause",
    ),
    ReviewSpec(
        "DHR-WSF-2024-008", "wsf", S.LOCAL_SIGN_OFF, "Fern", "Maria Mythical", "Trevor Dummy",
        "parent", came_days_ago=195, decided_days_ago=176, home_office_sent_days_ago=172,
        home_office_response=HomeOfficeResponse.ACCEPTED, home_office_response_days_ago=160,
        appointed_days_ago=165, note="completion due soon",
    ),
    ReviewSpec(
        "DHR-WSF-2024-009", "wsf", S.SUBMITTED_QA, "Iris", "Nina Notional", "Victor Fiction",
        "current_partner", came_days_ago=330, decided_days_ago=300,
        home_office_sent_days_ago=296, home_office_response=HomeOfficeResponse.ACCEPTED,
        home_office_response_days_ago=280, appointed_days_ago=285, submitted_days_ago=20,
        pauses=(
            PauseSpec(
                PauseReason.CRIMINAL_PROCEEDINGS,
                "Paused until sentencing (fictional).",
                started_days_ago=250, ended_days_ago=160,
            ),
        ),
    ),
    ReviewSpec(
        "DHR-WSF-2024-010", "wsf", S.APPROVED_FOR_PUBLICATION, "Ruby", "Olivia Pseudo",
        "Walter Madeup", "sibling", came_days_ago=420, decided_days_ago=400,
        home_office_sent_days_ago=396, home_office_response=HomeOfficeResponse.ACCEPTED,
        home_office_response_days_ago=380, appointed_days_ago=385, submitted_days_ago=230,
    ),
    ReviewSpec(
        "DHR-WSF-2024-011", "wsf", S.PUBLISHED, "Lily", "Penny Pretence", "Xavier Sham",
        "spouse", came_days_ago=500, decided_days_ago=480, home_office_sent_days_ago=476,
        home_office_response=HomeOfficeResponse.ACCEPTED, home_office_response_days_ago=460,
        appointed_days_ago=465, submitted_days_ago=310,
    ),
    ReviewSpec(
        "DHR-WSF-2024-012", "wsf", S.MONITORING, "Jasmine", "Rachel Fable", "Yusuf Figment",
        "current_partner", came_days_ago=600, decided_days_ago=580,
        home_office_sent_days_ago=576, home_office_response=HomeOfficeResponse.ACCEPTED,
        home_office_response_days_ago=560, appointed_days_ago=565, submitted_days_ago=410,
    ),
    ReviewSpec(
        "DHR-WSF-2024-013", "wsf", S.CLOSED, "Violet", "Sophie Sketch", "Zack Template",
        "former_partner", came_days_ago=720, decided_days_ago=700,
        home_office_sent_days_ago=696, home_office_response=HomeOfficeResponse.ACCEPTED,
        home_office_response_days_ago=680, appointed_days_ago=685, submitted_days_ago=530,
    ),
    ReviewSpec(
        "DHR-CTD-2024-001", "ctd", S.SET_UP, "Seren", "Tegan Ffuglen", "Dylan Dychmygol",
        "current_partner", came_days_ago=60, decided_days_ago=45,
        outcome=DecisionOutcome.SUSR, home_office_sent_days_ago=41,
        home_office_response=HomeOfficeResponse.ACCEPTED, home_office_response_days_ago=30,
        appointed_days_ago=30, note="Wales: Single Unified Safeguarding Review",
    ),
)  # fmt: skip
