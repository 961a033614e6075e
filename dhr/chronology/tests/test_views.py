"""Uploading, adding, the combined chronology, marks, sharing, exports, and who sees what."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse

from dhr.audit.models import Event
from dhr.chronology.models import ChronologyEntry, ChronologySubmission
from dhr.chronology.tests.conftest import chronology_row

pytestmark = pytest.mark.django_db


def _url(name: str, review: Any, **kwargs: Any) -> str:
    return reverse(f"chronology:{name}", kwargs={"review_id": review.pk, **kwargs})


def test_upload_saves_a_version_and_a_reupload_replaces_it_keeping_history(
    login: Any, review: Any, contributor_a: Any, agency_a: Any, csv_upload: Any
) -> None:
    client = login(contributor_a)
    response = client.post(_url("upload", review), {"file": csv_upload([chronology_row()])})
    assert response.status_code == 302
    first = ChronologySubmission.objects.get(review=review, agency=agency_a)
    assert (first.version, first.row_count, first.superseded) == (1, 1, False)

    rows = [chronology_row(date="01/02/2023"), chronology_row(date="March 2023")]
    client.post(_url("upload", review), {"file": csv_upload(rows)})
    first.refresh_from_db()
    second = ChronologySubmission.objects.get(review=review, agency=agency_a, superseded=False)
    assert first.superseded and second.version == 2 and second.row_count == 2
    # The old entries are kept, linked to the superseded version.
    assert first.entries.count() == 1
    assert ChronologyEntry.objects.filter(review=review).count() == 3
    page = client.get(_url("agency-chronology", review))
    assert "Replaced" in page.content.decode() and "Current" in page.content.decode()
    entry = second.entries.get(date_precision="month")
    assert entry.occurred_on == dt.date(2023, 3, 1)
    assert Event.objects.filter(action="chronology.imported", review_id=review.pk).count() == 2


def test_a_file_with_errors_lists_every_row_and_saves_nothing(
    login: Any, review: Any, contributor_a: Any, csv_upload: Any
) -> None:
    rows = [
        chronology_row(),
        chronology_row(date="03/04/23"),
        chronology_row(),
        chronology_row(date="01/01/2099", contact_type="pigeon"),
    ]
    response = login(contributor_a).post(_url("upload", review), {"file": csv_upload(rows)})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There are 3 problems in the file: nothing has been saved" in body
    assert "write the year in full" in body
    assert "The date must be today or in the past" in body
    assert "“pigeon” is not one of the choices" in body
    assert ChronologySubmission.objects.count() == 0
    assert ChronologyEntry.objects.count() == 0


def test_dates_before_the_victims_birth_are_refused(
    login: Any, review: Any, contributor_a: Any, csv_upload: Any
) -> None:
    victim = review.people.get(role="victim")
    victim.date_of_birth = "1990-05-01"
    victim.save()
    response = login(contributor_a).post(
        _url("upload", review), {"file": csv_upload([chronology_row(date="01/01/1980")])}
    )
    assert "before the victim&#x27;s date of birth" in response.content.decode()
    assert ChronologyEntry.objects.count() == 0


def test_missing_columns_and_wrong_encoding_and_size_get_clear_messages(
    login: Any, review: Any, contributor_a: Any, monkeypatch: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(contributor_a)
    bad_header = SimpleUploadedFile("c.csv", b"Date,What happened\n14/03/2023,x\n")
    body = client.post(_url("upload", review), {"file": bad_header}).content.decode()
    assert "Missing: Time, Source record, Contact type" in body

    latin = SimpleUploadedFile("c.csv", "Date,Caf\u00e9\n".encode("cp1252"))
    body = client.post(_url("upload", review), {"file": latin}).content.decode()
    # Refused by the service-wide intake check (dhr.documents.validation) before the importer.
    assert "not saved as UTF-8" in body

    monkeypatch.setattr("dhr.chronology.forms.MAX_UPLOAD_BYTES", 10)
    big = SimpleUploadedFile("c.csv", b"x" * 11)
    body = client.post(_url("upload", review), {"file": big}).content.decode()
    assert "The file must be smaller than" in body
    renamed = SimpleUploadedFile("c.xlsx", b"%PDF-1.7")
    monkeypatch.setattr("dhr.chronology.forms.MAX_UPLOAD_BYTES", 10_000)
    body = client.post(_url("upload", review), {"file": renamed}).content.decode()
    assert "govuk-error-message" in body and "Check and upload" in body
    assert ChronologySubmission.objects.count() == 0


def test_an_entry_added_in_the_service_joins_the_current_version(
    login: Any, review: Any, contributor_a: Any, agency_a: Any
) -> None:
    data = {
        "occurred_on_0": "14",
        "occurred_on_1": "3",
        "occurred_on_2": "2023",
        "date_precision": "exact",
        "occurred_time": "09:30",
        "contact_type": "home_visit",
        "what_happened": "Welfare check",
        "people_involved": ["victim", "child"],
        "abuse_disclosed": "no",
        "referrals_made": ["marac"],
    }
    response = login(contributor_a).post(_url("entry-create", review), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = ChronologyEntry.objects.get()
    assert entry.agency == agency_a and entry.occurred_time == dt.time(9, 30)
    assert entry.submission.method == "form" and entry.submission.row_count == 1


def test_contributors_see_only_their_own_agency(
    login: Any, review: Any, contributor_b: Any, two_agency_chronology: Any
) -> None:
    client = login(contributor_b)
    police = two_agency_chronology["police"]
    response = client.get(_url("submission-detail", review, submission_id=police.pk))
    assert response.status_code == 404
    own = two_agency_chronology["nhs"]
    response = client.get(_url("submission-detail", review, submission_id=own.pk))
    assert response.status_code == 200
    page = client.get(_url("agency-chronology", review)).content.decode()
    assert "A&amp;E attendance" in page and "Welfare visit" not in page
    assert client.get(_url("combined", review)).status_code == 403


def test_combined_flags_the_duplicate_and_the_gap(
    login: Any, review: Any, independent_chair: Any, two_agency_chronology: Any
) -> None:
    response = login(independent_chair).get(_url("combined", review))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("Possible duplicate</strong>") == 2
    assert "Gap of 200 days follows" in body
    assert 'role="img"' in body and '<title id="timeline-title">' in body
    assert "<caption" in body
    assert Event.objects.filter(action="chronology.view_combined").exists()


def test_gap_setting_changes_what_is_flagged(
    login: Any, review: Any, independent_chair: Any, two_agency_chronology: Any
) -> None:
    client = login(independent_chair)
    response = client.post(_url("settings", review), {"gap_days": "365"})
    assert response.status_code == 302
    assert "Gap of" not in client.get(_url("combined", review)).content.decode()
    response = client.post(_url("settings", review), {"gap_days": "0"})
    assert "Ensure this value is greater than or equal to 1" in response.content.decode()


def test_filters_narrow_the_table_and_unknown_values_are_ignored(
    login: Any, review: Any, independent_chair: Any, agency_b: Any, two_agency_chronology: Any
) -> None:
    client = login(independent_chair)
    body = client.get(_url("combined", review), {"agency": str(agency_b.pk)}).content.decode()
    assert "Welfare visit" not in body and "GP appointment" in body
    body = client.get(_url("combined", review), {"person": "perpetrator"}).content.decode()
    assert "GP appointment" in body and "A&amp;E attendance" not in body
    body = client.get(_url("combined", review), {"type": "home_visit"}).content.decode()
    assert "Welfare visit" in body and "GP appointment" not in body
    response = client.get(_url("combined", review), {"type": "telepathy", "agency": "nope"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "have been ignored" in body and "GP appointment" in body


def test_panel_sees_the_combined_chronology_only_when_shared(
    login: Any, review: Any, independent_chair: Any, panel_member: Any, two_agency_chronology: Any
) -> None:
    panel = login(panel_member)
    assert panel.get(_url("combined", review)).status_code == 403
    assert (
        login(independent_chair).post(_url("sharing", review), {"shared": "yes"}).status_code == 302
    )
    assert panel.get(_url("combined", review)).status_code == 200
    assert panel.get(_url("export-xlsx", review)).status_code == 403
    assert panel.post(_url("sharing", review), {"shared": "no"}).status_code == 403


def test_the_chair_marks_a_missed_opportunity_with_a_note(
    login: Any, review: Any, independent_chair: Any, contributor_a: Any, two_agency_chronology: Any
) -> None:
    entry = two_agency_chronology["police"].entries.get(contact_type="home_visit")
    url = _url("entry-mark", review, entry_id=entry.pk)
    client = login(independent_chair)
    response = client.post(url, {"mark": "missed_opportunity", "note": ""})
    assert "Enter a note explaining the mark" in response.content.decode()
    response = client.post(url, {"mark": "missed_opportunity", "note": "No DASH completed"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.panel_mark, entry.panel_note) == ("missed_opportunity", "No DASH completed")
    # Imported rows are bulk-written (their version is the submission); the mark is history.
    assert entry.history.latest().panel_mark == "missed_opportunity"
    assert "Missed opportunity" in client.get(_url("combined", review)).content.decode()
    assert login(contributor_a).post(url, {"mark": "good_practice", "note": "x"}).status_code == 403


def test_exports_open_and_are_audited(
    login: Any, review: Any, coordinator: Any, two_agency_chronology: Any
) -> None:
    from docx import Document
    from openpyxl import load_workbook

    client = login(coordinator)
    response = client.get(_url("export-xlsx", review))
    assert response.status_code == 200
    assert f"{review.reference}-combined-chronology.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][1] == "Date" and len(values) == 6
    assert "Possible duplicate of row 3" in " ".join(str(v) for v in values[3])

    response = client.get(_url("export-docx", review))
    assert response["Content-Disposition"].startswith("attachment")
    document = Document(io.BytesIO(response.content))
    table = document.tables[0]
    assert len(table.rows) == 5
    assert table.rows[1].cells[5].text == "Welfare visit"
    assert Event.objects.filter(action="chronology.export").count() == 2


def test_templates_download_with_a_header_and_a_guidance_row(login: Any, outsider: Any) -> None:
    from openpyxl import load_workbook

    client = login(outsider)
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("chronology:template-xlsx")).content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Date" and str(rows[1][0]).startswith("GUIDANCE")
    csv_text = client.get(reverse("chronology:template-csv")).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Date,Time,Source record")
