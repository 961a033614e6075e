"""The upload rules in validation.py, tested without a database (stack.md D.4 item 7)."""

from __future__ import annotations

import contextlib
import io
import os
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dhr.documents import validation
from dhr.documents.tests.conftest import (
    EXE_BYTES,
    JPEG_BYTES,
    PNG_BYTES,
    docx_bytes,
    fake_docx,
    pdf_bytes,
    xlsx_bytes,
    zip_bytes,
)
from dhr.documents.validation import (
    ZIP_MAX_MEMBERS,
    UploadRejected,
    check_upload,
)


def rejected(name: str, data: bytes, **kwargs: object) -> UploadRejected:
    with pytest.raises(UploadRejected) as info:
        check_upload(name, data, **kwargs)  # type: ignore[arg-type]
    return info.value


def test_real_files_of_every_allowed_type_are_accepted() -> None:
    cases = {
        "report.pdf": (b"%PDF-1.7\n%...", "pdf", "application/pdf"),
        "imr.docx": (docx_bytes("Hello"), "docx", None),
        "chronology.xlsx": (xlsx_bytes([["date", "event"]]), "xlsx", None),
        "chronology.csv": (b"date,event\n2026-01-01,contact\n", "csv", "text/csv"),
        "photo.png": (PNG_BYTES, "png", "image/png"),
        "photo.JPG": (JPEG_BYTES, "jpeg", "image/jpeg"),
        "letter.odt": (
            zip_bytes(
                {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
                compression=zipfile.ZIP_STORED,
            ),
            "odt",
            "application/vnd.oasis.opendocument.text",
        ),
    }
    for name, (data, kind, mime) in cases.items():
        detected = check_upload(name, data)
        assert detected.kind == kind, name
        if mime:
            assert detected.mime_type == mime


def test_a_real_pdf_made_by_weasyprint_is_accepted() -> None:
    assert check_upload("letter.pdf", pdf_bytes("A letter")).kind == "pdf"


@pytest.mark.parametrize("name", ["setup.exe", "script.js", "page.html", "noextension", "x."])
def test_a_type_outside_the_list_is_refused_by_its_extension(name: str) -> None:
    error = rejected(name, b"%PDF-1.4 looks like a pdf")
    assert error.code == "extension"
    assert error.message == "The selected file must be a PDF, DOCX, XLSX, CSV, ODT, PNG or JPEG"


def test_a_narrower_allowed_list_names_only_those_types() -> None:
    error = rejected("chronology.csv", b"a,b\n", allowed={"pdf", "docx"})
    assert error.message == "The selected file must be a PDF or DOCX"


def test_a_program_renamed_to_pdf_is_refused() -> None:
    error = rejected("invoice.pdf", EXE_BYTES)
    assert error.code == "mismatch"
    assert "not a real PDF" in error.message


def test_a_docx_renamed_to_pdf_is_refused() -> None:
    assert rejected("report.pdf", docx_bytes("text")).code == "mismatch"


def test_a_pdf_renamed_to_docx_is_refused() -> None:
    assert rejected("report.docx", b"%PDF-1.4\n").code == "mismatch"


def test_an_xlsx_named_docx_is_refused() -> None:
    assert rejected("report.docx", xlsx_bytes([[1]])).code == "mismatch"


def test_a_plain_zip_named_docx_is_refused() -> None:
    assert rejected("report.docx", zip_bytes({"a.txt": b"hello"})).code == "mismatch"


def test_a_binary_file_named_csv_is_refused() -> None:
    assert rejected("data.csv", EXE_BYTES).code == "mismatch"
    assert rejected("data.csv", PNG_BYTES).code == "mismatch"


def test_empty_and_over_size_files_are_refused() -> None:
    assert rejected("a.pdf", b"").code == "empty"
    error = rejected("a.pdf", b"%PDF-" + b"x" * 2048, max_bytes=1024)
    assert error.code == "too_large"
    assert error.message == "The selected file must be smaller than 1KB"


def test_the_size_message_names_megabytes() -> None:
    error = rejected("a.pdf", b"%PDF-" + b"x" * (2 * 1024 * 1024), max_bytes=1024 * 1024)
    assert error.message == "The selected file must be smaller than 1MB"


def test_a_zip_bomb_member_is_refused_by_its_compression_ratio() -> None:
    # 50 MB of zeros compresses to about 50 KB: a ratio near 1000:1, built in memory cheaply.
    bomb = fake_docx(**{"word/media/bomb.bin": bytes(50 * 1024 * 1024)})
    error = rejected("report.docx", bomb)
    assert error.code == "zip_bomb"
    assert "far more data" in error.message


def test_a_zip_whose_total_uncompressed_size_is_too_big_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Incompressible members (ratio about 1:1) that add up past the total: the limit is
    # lowered so the test does not have to write 100 MB.
    monkeypatch.setattr(validation, "ZIP_MAX_TOTAL_UNCOMPRESSED", 50_000)
    members = {f"word/media/image{i}.bin": os.urandom(20_000) for i in range(3)}
    error = rejected("report.docx", fake_docx(**members))
    assert error.code == "zip_bomb"
    monkeypatch.setattr(validation, "ZIP_MAX_TOTAL_UNCOMPRESSED", 100_000)
    assert check_upload("report.docx", fake_docx(**members)).kind == "docx"


def test_a_zip_with_too_many_members_is_refused() -> None:
    members = {f"word/p{i}.xml": b"" for i in range(ZIP_MAX_MEMBERS + 1)}
    members.update({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    data = zip_bytes(members, compression=zipfile.ZIP_STORED)
    assert rejected("report.docx", data).code == "zip_members"


@pytest.mark.parametrize(
    "member", ["../../etc/passwd", "/etc/passwd", "word\\..\\..\\evil.xml", "C:evil", "a/../../b"]
)
def test_zip_slip_member_names_are_refused(member: str) -> None:
    error = rejected("report.docx", fake_docx(**{member: b"x"}))
    assert error.code == "zip_slip"
    assert "points outside the document" in error.message


def test_a_macro_enabled_docx_is_refused() -> None:
    error = rejected("report.docx", fake_docx(**{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}))
    assert error.code == "macros"
    assert "contains macros" in error.message


def test_a_macro_enabled_content_type_is_refused() -> None:
    content_types = (
        b'<Types><Override PartName="/word/document.xml" ContentType="application/'
        b'vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
    )
    data = zip_bytes({"[Content_Types].xml": content_types, "word/document.xml": b"<w/>"})
    assert rejected("report.docx", data).code == "macros"


@pytest.mark.parametrize("name", ["report.docm", "sheet.xlsm", "sheet.xlsb"])
def test_macro_enabled_extensions_are_refused(name: str) -> None:
    assert rejected(name, docx_bytes("x")).code == "macros"


def test_an_odt_with_basic_macros_is_refused() -> None:
    data = zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "Basic/Standard/Module1.xml": b"<script/>",
        },
        compression=zipfile.ZIP_STORED,
    )
    assert rejected("letter.odt", data).code == "macros"


def test_a_truncated_docx_is_refused_as_damaged() -> None:
    data = docx_bytes("some text")
    assert rejected("report.docx", data[: len(data) // 2]).code == "damaged"


def test_a_windows_1252_csv_with_a_pound_sign_is_refused_with_a_clear_message() -> None:
    data = "date,amount\n2026-01-01,£20\n".encode("cp1252")
    error = rejected("chronology.csv", data)
    assert error.code == "encoding"
    assert error.message.startswith("The selected file is not saved as UTF-8: byte 0xA3")
    assert "position 24" in error.message
    assert "CSV UTF-8" in error.message


def test_utf8_csv_with_or_without_a_byte_order_mark_is_accepted() -> None:
    text = "date,amount\n2026-01-01,£20\n"
    assert check_upload("a.csv", text.encode("utf-8")).kind == "csv"
    assert check_upload("a.csv", text.encode("utf-8-sig")).kind == "csv"


def test_a_utf16_csv_is_refused_naming_the_encoding() -> None:
    error = rejected("a.csv", "a,b\n".encode("utf-16"))
    assert error.code == "encoding"
    assert "UTF-16" in error.message


def test_a_csv_cut_off_inside_a_character_is_refused() -> None:
    assert rejected("a.csv", "a,£".encode()[:-1]).code == "encoding"


def test_a_file_object_is_read_from_the_start_and_left_rewound() -> None:
    stream = io.BytesIO(b"%PDF-1.4\n")
    stream.seek(5)
    assert check_upload("a.pdf", stream).kind == "pdf"
    assert stream.tell() == 0


@settings(max_examples=300, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=2048),
        st.binary(max_size=512).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=512).map(lambda b: b"%PDF-" + b),
    ),
    name=st.sampled_from(["a.pdf", "a.docx", "a.xlsx", "a.csv", "a.odt", "a.png", "a.jpg"]),
)
def test_random_bytes_raise_nothing_but_upload_rejected(data: bytes, name: str) -> None:
    try:
        check_upload(name, data)
    except UploadRejected as error:
        assert error.message.startswith("The selected file")


@settings(max_examples=100, deadline=None)
@given(data=st.binary(min_size=1, max_size=200), cut=st.integers(min_value=0, max_value=4000))
def test_damaged_office_files_raise_nothing_but_upload_rejected(data: bytes, cut: int) -> None:
    """Real DOCX bytes with a slice replaced by random bytes: refused cleanly or accepted."""
    original = bytearray(_SAMPLE_DOCX)
    cut = cut % len(original)
    original[cut : cut + len(data)] = data
    with contextlib.suppress(UploadRejected):
        check_upload("report.docx", bytes(original))


_SAMPLE_DOCX = docx_bytes("A paragraph")
