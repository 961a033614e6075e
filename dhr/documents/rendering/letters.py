"""Letter content model and the two Home Office letters a CSP sends early in a review.

Framework-free on purpose: no Django models or templates, so the wording and the invariants
are testable without a database. Callers (services in ``dhr.reviews``) copy what they need
from their models into the typed ``*Data`` inputs below.

Rules encoded (domain.md section 7.2 and 7.4):

- R19: the decision maker is the CSP chair (or a delegated or joint decision forum) and the
  rationale is recorded; a "not hold" decision without a rationale is refused here.
  Source: 2016 statutory guidance section 3 as restated by Croydon CSP.
- R20: the Home Office is notified of every decision, to hold and not to hold.
  Source: Croydon CSP; Brighton & Hove DHR "Mr C" executive summary para 3.2.
- R21: a decision not to hold a review is provisional: the Home Office Quality Assurance Panel
  scrutinises it and the Secretary of State may direct a review under s.9(2) DVCVA 2004.
  Source: Hansard (Lords) 13 December 2021.
- R22 / R35: an agency that declines to take part is escalated to the Home Office so the
  Secretary of State can consider a direction to participate under s.9(2) DVCVA 2004.
  Source: DVCVA 2004 s.9(2) and s.9(4); Sheffield "Agency Non-Engagement" protocol.

No letter carries a victim's or perpetrator's name: the input types have no field for one.
Only the case reference and, where agreed, the pseudonym identify the review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

Language = Literal["en", "cy"]

#: BCP 47 tags written into the DOCX styles and the PDF ``/Lang`` entry.
LANGUAGE_TAGS: dict[str, str] = {"en": "en-GB", "cy": "cy-GB"}

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"

# Fixed labels per language. Welsh holds only labels translated with confidence; any key
# missing from a language falls back to English (see ``label``), so adding a Welsh string is
# a one-line change here and never a code change.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "marking": "OFFICIAL-SENSITIVE",
        "reference": "Reference",
        "date": "Date",
        "subject": "Subject",
        "page": "Page",
        "page_of": "of",
        "item": "Item",
        "detail": "Detail",
        "contact": "Contact",
        "decision": "Decision",
        "date_of_death": "Date of death",
        "not_known": "Not known",
        "closing": "Yours faithfully,",
        "salutation": "Dear Domestic Homicide Review Team,",
    },
    "cy": {
        "marking": "SWYDDOGOL-SENSITIF",
        "reference": "Cyfeirnod",
        "date": "Dyddiad",
        "subject": "Pwnc",
        "page": "Tudalen",
        "page_of": "o",
        "item": "Eitem",
        "detail": "Manylion",
        "contact": "Cyswllt",
        "decision": "Penderfyniad",
        "date_of_death": "Dyddiad y farwolaeth",
        "not_known": "Anhysbys",
        "closing": "Yn gywir,",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),  # fmt: skip
    "cy": (
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ),  # fmt: skip
}

# A case reference is structural (area code, year, sequence), never a name: upper-case
# letters, digits and separators, with at least one digit.
REFERENCE_PATTERN = re.compile(r"^(?=.*\d)[A-Z0-9]+(?:[-/][A-Z0-9]+)*$")


def label(key: str, language: str) -> str:
    """Return the fixed label ``key`` in ``language``, falling back to English."""
    return LABELS.get(language, {}).get(key, LABELS["en"][key])


def format_date(value: date, language: str) -> str:
    """Format a date the GOV.UK way ("5 March 2026"), independent of the process locale."""
    months = MONTHS.get(language, MONTHS["en"])
    return f"{value.day} {months[value.month - 1]} {value.year}"


# --- Document model -------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class KeyValueTable:
    rows: tuple[tuple[str, str], ...]
    caption: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "rows", tuple((str(k), str(v)) for k, v in self.rows))


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))


Block = Paragraph | Heading | KeyValueTable | BulletList


@dataclass(frozen=True, kw_only=True)
class Letter:
    """Everything a renderer needs; sequences are stored as tuples so a Letter is immutable.

    ``author_organisation`` becomes the document author: always an organisation (the CSP),
    never a person, because document properties travel with the file.
    """

    title: str
    subject: str
    reference: str
    date: date
    author_organisation: str
    sender_lines: tuple[str, ...]
    recipient_lines: tuple[str, ...]
    salutation: str
    blocks: tuple[Block, ...]
    closing: str
    signatory_lines: tuple[str, ...]
    protective_marking: str = DEFAULT_MARKING
    language: Language = "en"

    def __post_init__(self) -> None:
        for name in ("sender_lines", "recipient_lines", "blocks", "signatory_lines"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.language not in LANGUAGE_TAGS:
            raise ValueError(f"Unsupported language {self.language!r}")
        if not REFERENCE_PATTERN.match(self.reference):
            raise ValueError(f"Reference {self.reference!r} is not a case reference")
        for name in ("title", "subject", "author_organisation", "protective_marking"):
            if not getattr(self, name).strip():
                raise ValueError(f"Letter.{name} must not be blank")

    @property
    def language_tag(self) -> str:
        return LANGUAGE_TAGS[self.language]


# --- Letter inputs --------------------------------------------------------------------------


class Decision(StrEnum):
    """CSP decision outcomes (domain.md 4.2)."""

    HOLD = "hold"
    NOT_HOLD = "not_hold"
    JOINT_SAR = "joint_sar"
    JOINT_CSPR = "joint_cspr"
    SUSR_WALES = "susr_wales"


HOME_OFFICE_DHR_TEAM: tuple[str, ...] = (
    "Domestic Homicide Review Team",
    "Interpersonal Abuse Unit",
    "Home Office",
    "2 Marsham Street",
    "London",
    "SW1P 4DF",
)


@dataclass(frozen=True, kw_only=True)
class _HomeOfficeLetterData:
    csp_name: str
    csp_address: Sequence[str] = ()
    review_reference: str
    pseudonym: str | None = None
    letter_date: date
    contact_lines: Sequence[str]
    signatory_lines: Sequence[str]
    recipient_lines: Sequence[str] = HOME_OFFICE_DHR_TEAM
    language: Language = "en"


@dataclass(frozen=True, kw_only=True)
class DecisionLetterData(_HomeOfficeLetterData):
    """Input for the CSP's notification to the Home Office of its decision (domain.md 4.2)."""

    death_came_to_attention: date
    date_of_death: date | None
    decision: Decision
    decision_date: date
    decision_maker_role: str = "CSP Chair"
    rationale: str = ""
    eligibility_summary: str
    chair: str | None = None
    expected_timescale: str | None = None
    parallel_proceedings: str | None = None


@dataclass(frozen=True, kw_only=True)
class AgencyDirectionRequestData(_HomeOfficeLetterData):
    """Input for asking the Home Office to consider a s.9(2) direction to participate (R35)."""

    agency_name: str
    agency_body_type: str  # the s.9(4) category, e.g. "NHS trust": only these can be directed
    date_asked: date
    date_declined: date
    reason_given: str | None
    steps_taken: Sequence[str]
    participation_sought: str | None = None


# --- English wording ------------------------------------------------------------------------

DECISION_TITLE = "Notification of a decision on a Domestic Homicide Review"
DECISION_SUBJECT = "{reference}: decision on a Domestic Homicide Review"
DECISION_WORDING: dict[Decision, str] = {
    Decision.HOLD: "to hold a Domestic Homicide Review",
    Decision.NOT_HOLD: "not to hold a Domestic Homicide Review",
    Decision.JOINT_SAR: (
        "to hold a Domestic Homicide Review jointly with a Safeguarding Adults Review (SAR)"
    ),
    Decision.JOINT_CSPR: (
        "to hold a Domestic Homicide Review jointly with a Child Safeguarding Practice "
        "Review (CSPR)"
    ),
    Decision.SUSR_WALES: (
        "to hold a Single Unified Safeguarding Review (SUSR) in Wales, which will include "
        "the Domestic Homicide Review"
    ),
}
DECISION_OPENING = (
    "I am writing on behalf of {csp} to notify the Home Office of the Partnership's decision "
    "{wording} in the case with reference {reference}. The Partnership notifies the Home "
    "Office of every decision, whether or not a review is to be held."
)
DECISION_TABLE_CAPTION = "Decision details"
ROW_REFERENCE = "Review reference"
ROW_PSEUDONYM = "Agreed pseudonym"
ROW_ATTENTION = "Date the death came to the Partnership's attention"
ROW_DECISION_DATE = "Date of decision"
ROW_DECISION_MAKER = "Decision made by"
ROW_CHAIR = "Independent chair"
ROW_TIMESCALE = "Expected timescale"
CHAIR_NOT_APPOINTED = "Not yet appointed"
HEADING_RATIONALE = "Reasons for the decision"
HEADING_ELIGIBILITY = "Eligibility"
HEADING_PARALLEL = "Parallel proceedings"
HEADING_HOME_OFFICE_REVIEW = "Home Office consideration of this decision"
NOT_HOLD_REVIEW_NOTE = (
    "The Partnership understands that a decision not to hold a review is scrutinised by the "
    "Home Office, which may refer it to the Quality Assurance Panel, and that the Secretary "
    "of State may direct that a review be held under section 9(2) of the Domestic Violence, "
    "Crime and Victims Act 2004. The Partnership will keep the case open until it receives "
    "the Home Office's response."
)
SUSR_QA_NOTE = (
    "Because the death meets the criteria for a Domestic Homicide Review, the completed "
    "report will be submitted to the Home Office for quality assurance."
)

DIRECTION_TITLE = (
    "Request to consider a direction under section 9(2) of the Domestic Violence, Crime and "
    "Victims Act 2004"
)
DIRECTION_SUBJECT = "{reference}: request for a direction to {agency} to participate"
DIRECTION_OPENING = (
    "I am writing on behalf of {csp} to ask the Home Office to consider whether the "
    "Secretary of State should direct {agency} to participate in the Domestic Homicide "
    "Review with reference {reference}, under section 9(2) of the Domestic Violence, Crime "
    "and Victims Act 2004. The Partnership understands {agency} to be a body within section "
    "9(4) of the Act ({body_type})."
)
DIRECTION_TABLE_CAPTION = "Agency participation"
ROW_AGENCY = "Agency"
ROW_BODY_TYPE = "Type of body under section 9(4)"
ROW_DATE_ASKED = "Date asked to participate"
ROW_DATE_DECLINED = "Date declined"
ROW_REASON = "Reason given"
ROW_PARTICIPATION = "Participation sought"
NO_REASON_GIVEN = "No reason given"
HEADING_STEPS = "Steps taken to secure participation"
DIRECTION_CLOSING_NOTE = (
    "The Partnership would be grateful for confirmation of receipt and of the outcome, so "
    "that any direction can be recorded against the review."
)


def _require(value: str | None, name: str) -> str:
    if value is None or not value.strip():
        raise ValueError(f"{name} is required")
    return value.strip()


def _opening_rows(data: _HomeOfficeLetterData) -> list[tuple[str, str]]:
    rows = [(ROW_REFERENCE, data.review_reference)]
    if data.pseudonym and data.pseudonym.strip():
        rows.append((ROW_PSEUDONYM, data.pseudonym.strip()))
    return rows


def _letter(
    data: _HomeOfficeLetterData, *, title: str, subject: str, blocks: list[Block]
) -> Letter:
    lang = data.language
    blocks.append(Heading(label("contact", lang)))
    blocks.append(Paragraph("\n".join(data.contact_lines)))
    return Letter(
        title=title,
        subject=subject,
        reference=data.review_reference,
        date=data.letter_date,
        author_organisation=_require(data.csp_name, "csp_name"),
        sender_lines=(data.csp_name, *data.csp_address),
        recipient_lines=tuple(data.recipient_lines),
        salutation=label("salutation", lang),
        blocks=tuple(blocks),
        closing=label("closing", lang),
        signatory_lines=tuple(data.signatory_lines),
        protective_marking=label("marking", lang),
        language=lang,
    )


def decision_letter(data: DecisionLetterData) -> Letter:
    """Build the CSP's notification to the Home Office of its decision (R19, R20, R21).

    Every outcome is notified (R20). A "not hold" decision must carry a rationale (R19) and
    the letter states that the decision stays open to Home Office scrutiny and a Secretary
    of State direction under s.9(2) DVCVA 2004 (R21). Sources: domain.md 2.2 B6, 2.3 C1-C4.
    """
    lang = data.language
    if data.decision is Decision.NOT_HOLD and not data.rationale.strip():
        raise ValueError("A decision not to hold a review must include a rationale (R19)")
    maker = _require(data.decision_maker_role, "decision_maker_role")
    eligibility = _require(data.eligibility_summary, "eligibility_summary")
    if data.decision_date < data.death_came_to_attention:
        raise ValueError("The decision cannot precede the death coming to the CSP's attention")
    if data.date_of_death is not None and data.date_of_death > data.death_came_to_attention:
        raise ValueError("The death cannot come to the CSP's attention before it occurred")

    death = (
        format_date(data.date_of_death, lang) if data.date_of_death else label("not_known", lang)
    )
    wording = DECISION_WORDING[data.decision]
    rows = _opening_rows(data)
    rows += [
        (label("date_of_death", lang), death),
        (ROW_ATTENTION, format_date(data.death_came_to_attention, lang)),
        (label("decision", lang), wording[0].upper() + wording[1:]),
        (ROW_DECISION_DATE, format_date(data.decision_date, lang)),
        (ROW_DECISION_MAKER, maker),
    ]
    if data.decision is not Decision.NOT_HOLD:
        rows.append((ROW_CHAIR, (data.chair or "").strip() or CHAIR_NOT_APPOINTED))
        if data.expected_timescale and data.expected_timescale.strip():
            rows.append((ROW_TIMESCALE, data.expected_timescale.strip()))

    blocks: list[Block] = [
        Paragraph(
            DECISION_OPENING.format(
                csp=data.csp_name, wording=wording, reference=data.review_reference
            )
        ),
        KeyValueTable(rows=tuple(rows), caption=DECISION_TABLE_CAPTION),
    ]
    if data.rationale.strip():
        blocks += [Heading(HEADING_RATIONALE), Paragraph(data.rationale.strip())]
    blocks += [Heading(HEADING_ELIGIBILITY), Paragraph(eligibility)]
    if data.parallel_proceedings and data.parallel_proceedings.strip():
        blocks += [Heading(HEADING_PARALLEL), Paragraph(data.parallel_proceedings.strip())]
    if data.decision is Decision.NOT_HOLD:
        blocks += [Heading(HEADING_HOME_OFFICE_REVIEW), Paragraph(NOT_HOLD_REVIEW_NOTE)]
    elif data.decision is Decision.SUSR_WALES:
        blocks.append(Paragraph(SUSR_QA_NOTE))

    return _letter(
        data,
        title=DECISION_TITLE,
        subject=DECISION_SUBJECT.format(reference=data.review_reference),
        blocks=blocks,
    )


def agency_direction_request_letter(data: AgencyDirectionRequestData) -> Letter:
    """Ask the Home Office to consider a s.9(2) direction for a non-participating agency.

    R35 (record non-engaging agencies and escalate, ultimately to a Secretary of State
    direction; Sheffield "Agency Non-Engagement" protocol) and R22 (a direction to
    participate is made under DVCVA 2004 s.9(2), to a body within s.9(4)).
    """
    lang = data.language
    agency = _require(data.agency_name, "agency_name")
    body_type = _require(data.agency_body_type, "agency_body_type")
    steps = tuple(step.strip() for step in data.steps_taken if step.strip())
    if not steps:
        raise ValueError("Record the steps taken to secure participation before escalating")
    if data.date_declined < data.date_asked:
        raise ValueError("An agency cannot decline before it was asked")

    rows = _opening_rows(data)
    rows += [
        (ROW_AGENCY, agency),
        (ROW_BODY_TYPE, body_type),
        (ROW_DATE_ASKED, format_date(data.date_asked, lang)),
        (ROW_DATE_DECLINED, format_date(data.date_declined, lang)),
        (ROW_REASON, (data.reason_given or "").strip() or NO_REASON_GIVEN),
    ]
    if data.participation_sought and data.participation_sought.strip():
        rows.append((ROW_PARTICIPATION, data.participation_sought.strip()))

    blocks: list[Block] = [
        Paragraph(
            DIRECTION_OPENING.format(
                csp=data.csp_name,
                agency=agency,
                reference=data.review_reference,
                body_type=body_type,
            )
        ),
        KeyValueTable(rows=tuple(rows), caption=DIRECTION_TABLE_CAPTION),
        Heading(HEADING_STEPS),
        BulletList(items=steps),
        Paragraph(DIRECTION_CLOSING_NOTE),
    ]
    return _letter(
        data,
        title=DIRECTION_TITLE,
        subject=DIRECTION_SUBJECT.format(reference=data.review_reference, agency=agency),
        blocks=blocks,
    )


__all__ = [
    "DEFAULT_MARKING",
    "HOME_OFFICE_DHR_TEAM",
    "LABELS",
    "LANGUAGE_TAGS",
    "AgencyDirectionRequestData",
    "Block",
    "BulletList",
    "Decision",
    "DecisionLetterData",
    "Heading",
    "KeyValueTable",
    "Language",
    "Letter",
    "Paragraph",
    "agency_direction_request_letter",
    "decision_letter",
    "format_date",
    "label",
]
