from __future__ import annotations

from datetime import date

import pytest

from dhr.documents.rendering.letters import (
    AgencyDirectionRequestData,
    Decision,
    DecisionLetterData,
)

CSP = "Westshire Community Safety Partnership"
# People named in the input: none of them may appear in document properties.
CHAIR_NAME = "Morgan Example-Chair"
SIGNATORY_NAME = "Pat Example-Signatory"
CONTACT_NAME = "Sam Example-Contact"
PSEUDONYM = "Anna"
PERSON_NAMES = (CHAIR_NAME, SIGNATORY_NAME, CONTACT_NAME, PSEUDONYM)


@pytest.fixture
def decision_data() -> DecisionLetterData:
    return DecisionLetterData(
        csp_name=CSP,
        csp_address=("County Hall", "Westshire WS1 1AA"),
        review_reference="DHR-WSF-2026-003",
        pseudonym=PSEUDONYM,
        letter_date=date(2026, 3, 10),
        contact_lines=(f"{CONTACT_NAME}, DHR Co-ordinator", "dhr@westshire.example"),
        signatory_lines=(SIGNATORY_NAME, "Chair, Westshire Community Safety Partnership"),
        death_came_to_attention=date(2026, 2, 1),
        date_of_death=date(2026, 1, 30),
        decision=Decision.HOLD,
        decision_date=date(2026, 2, 25),
        rationale="The criteria in s.9(1) are met and agencies had contact.",
        eligibility_summary="Victim aged 16 or over; intimate partner relationship.",
        chair=CHAIR_NAME,
        expected_timescale="Six months from the first panel meeting",
        parallel_proceedings="Criminal trial listed for September 2026.",
    )


@pytest.fixture
def direction_data() -> AgencyDirectionRequestData:
    return AgencyDirectionRequestData(
        csp_name=CSP,
        review_reference="DHR-WSF-2026-003",
        letter_date=date(2026, 5, 1),
        contact_lines=(f"{CONTACT_NAME}, DHR Co-ordinator",),
        signatory_lines=(SIGNATORY_NAME,),
        agency_name="Westshire Hospitals NHS Trust",
        agency_body_type="NHS trust",
        date_asked=date(2026, 3, 12),
        date_declined=date(2026, 4, 2),
        reason_given="Capacity pressures.",
        steps_taken=("Reminder letter on 20 March 2026", "Meeting with the Medical Director"),
        participation_sought="Individual Management Review and panel attendance",
    )
