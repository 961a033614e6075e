"""Deciding whether an uploaded file may enter the service, by its content and its name.

Plain Python with no Django, so the rules are tested in milliseconds (conventions: domain
logic that needs no database). The rules (stack.md D.1 "Files", ASVS 5.0 V5):

- 5.2.2: a file is accepted only when its content (magic bytes, and for the zip-based formats
  the package structure) is one of the allowed types AND its extension names that same type.
  A program or a DOCX renamed to ".pdf" is refused.
- 5.2.3: DOCX, XLSX and ODT are zip files, so they are checked for zip bombs (total declared
  uncompressed size, member count, per-member compression ratio) and for member names that
  climb out of a folder (zip slip). `zipfile` never inflates a member past its declared size,
  so every later read (text extraction) is bounded by the sizes checked here.
- Macro-enabled Office files (vbaProject.bin, "macroEnabled" content types, .docm/.xlsm) and
  ODT files carrying Basic or script macros are refused: they are a common malware carrier.
- CSV must be UTF-8, with or without a byte-order mark, because the chronology import reads
  it as such; anything else is refused with a message that names the problem and the fix.

Every refusal is an `UploadRejected` whose message is written for the person uploading
(GOV.UK error message style), with a short `code` for logs and tests.
"""

from __future__ import annotations

import codecs
import io
import lzma
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 25 * MB
# Zip limits: generous for real Office files (a 500-page DOCX is a few MB uncompressed).
ZIP_MAX_TOTAL_UNCOMPRESSED = 100 * MB
ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_RATIO = 100
# Tiny members (a 2 KB XML part of repeated tags) can compress better than 100:1 harmlessly;
# the ratio matters only once a member is big enough to hurt.
ZIP_RATIO_APPLIES_ABOVE = 1 * MB
# Parts we read to decide the type are small; never read more than this of one.
PART_READ_LIMIT = 1 * MB

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class FileType:
    kind: str
    label: str
    mime_type: str
    extensions: tuple[str, ...]

    @property
    def extension(self) -> str:
        return self.extensions[0]


TYPES: dict[str, FileType] = {
    t.kind: t
    for t in (
        FileType("pdf", "PDF", "application/pdf", ("pdf",)),
        FileType(
            "docx",
            "DOCX",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ("docx",),
        ),
        FileType(
            "xlsx",
            "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ("xlsx",),
        ),
        FileType("csv", "CSV", "text/csv", ("csv",)),
        FileType("odt", "ODT", "application/vnd.oasis.opendocument.text", ("odt",)),
        FileType("png", "PNG", "image/png", ("png",)),
        FileType("jpeg", "JPEG", "image/jpeg", ("jpg", "jpeg")),
    )
}
ALL_KINDS = frozenset(TYPES)
MACRO_EXTENSIONS = frozenset({"docm", "dotm", "xlsm", "xltm", "xlsb", "xlam", "pptm", "potm"})


@dataclass(frozen=True)
class DetectedType:
    """What the file really is: the kind, its MIME type and the extension we serve it with."""

    kind: str
    mime_type: str
    extension: str


def gettext_noop(message: str) -> str:
    """Marks a message for translation (makemessages finds it) without importing Django.

    The service translates `UploadRejected.template` with Django's gettext when it shows it.
    """
    return message


class UploadRejected(Exception):  # noqa: N818 - "rejected" reads better than "Error" here
    """The file may not enter the service. `message` is shown to the person uploading.

    `template` and `params` let a caller translate the message: `gettext(template) % params`.
    """

    def __init__(
        self, template: str, params: dict[str, object] | None = None, *, code: str = "invalid"
    ) -> None:
        self.template = template
        self.params = params or {}
        self.message = template % self.params if params else template
        self.code = code
        super().__init__(self.message)


def _labels(kinds: set[str] | frozenset[str]) -> str:
    labels = [TYPES[k].label for k in TYPES if k in kinds]
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " or " + labels[-1]


def _extension(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if "." not in base.strip("."):
        return ""
    return base.rsplit(".", 1)[-1].strip().lower()


def _kind_for_extension(extension: str) -> str | None:
    for file_type in TYPES.values():
        if extension in file_type.extensions:
            return file_type.kind
    return None


def _as_stream(data: bytes | IO[bytes]) -> IO[bytes]:
    if isinstance(data, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(data))
    data.seek(0)
    return data


def _size(stream: IO[bytes]) -> int:
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    return size


def _unsafe_member_name(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return True
    if len(name) > 1 and name[1] == ":":  # a Windows drive letter, e.g. "C:evil"
        return True
    return any(part == ".." for part in name.split("/"))


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as member:
        return member.read(PART_READ_LIMIT)


def _zip_kind(stream: IO[bytes]) -> str:
    """Check a zip package for bombs, traversal and macros; return docx, xlsx, odt or zip."""
    damaged = UploadRejected(
        gettext_noop(
            "The selected file is damaged and cannot be opened. Save it again and upload the "
            "new copy"
        ),
        code="damaged",
    )
    try:
        archive = zipfile.ZipFile(stream)
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise damaged from error
    with archive:
        if len(members) > ZIP_MAX_MEMBERS:
            raise UploadRejected(
                gettext_noop("The selected file contains too many parts to be a normal document"),
                code="zip_members",
            )
        total = 0
        for info in members:
            if _unsafe_member_name(info.filename):
                raise UploadRejected(
                    gettext_noop(
                        "The selected file contains a part whose name points outside the "
                        "document. It cannot be accepted"
                    ),
                    code="zip_slip",
                )
            if info.flag_bits & 0x1:
                raise UploadRejected(
                    gettext_noop(
                        "The selected file is password protected. Remove the password and "
                        "upload it again"
                    ),
                    code="encrypted",
                )
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > ZIP_MAX_TOTAL_UNCOMPRESSED or (
                info.file_size > ZIP_RATIO_APPLIES_ABOVE and ratio > ZIP_MAX_RATIO
            ):
                raise UploadRejected(
                    gettext_noop(
                        "The selected file expands to far more data than a normal document. "
                        "It cannot be accepted"
                    ),
                    code="zip_bomb",
                )
        names = {info.filename for info in members}
        lowered = {name.lower() for name in names}
        if any(name.rsplit("/", 1)[-1] in {"vbaproject.bin", "vbadata.xml"} for name in lowered):
            raise _macro_rejection()
        if any(name.startswith(("basic/", "scripts/")) for name in lowered):
            raise _macro_rejection()
        try:
            if "[Content_Types].xml" in names:
                content_types = _read_member(archive, "[Content_Types].xml")
                if b"macroenabled" in content_types.lower():
                    raise _macro_rejection()
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
            if (
                members
                and members[0].filename == "mimetype"
                and _read_member(archive, "mimetype").strip() == ODT_MIMETYPE
            ):
                return "odt"
        except (
            zipfile.BadZipFile,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            RuntimeError,
            zlib.error,
            lzma.LZMAError,
        ) as error:
            raise damaged from error
    return "zip"


def _macro_rejection() -> UploadRejected:
    return UploadRejected(
        gettext_noop(
            "The selected file contains macros. Save it as a file without macros (for "
            "example DOCX or XLSX) and upload it again"
        ),
        code="macros",
    )


def _content_kind(stream: IO[bytes]) -> str:
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(stream)
    return "other"


def _check_csv(stream: IO[bytes]) -> None:
    """Refuse CSV that is not UTF-8 text, saying which problem it has and how to fix it."""
    head = stream.read(4)
    stream.seek(0)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UploadRejected(
            gettext_noop(
                "The selected file is saved as UTF-16. Save it as 'CSV UTF-8' and upload it again"
            ),
            code="encoding",
        )
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = 0
    while chunk := stream.read(64 * 1024):
        if b"\x00" in chunk:
            raise UploadRejected(
                gettext_noop("The selected file is not a CSV: it contains data that is not text"),
                code="mismatch",
            )
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            byte = chunk[error.start]
            raise UploadRejected(
                gettext_noop(
                    "The selected file is not saved as UTF-8: byte %(byte)s at position "
                    "%(position)s cannot be read (often a '£' sign or a curly quote saved by "
                    "Excel as Windows-1252). Save it as 'CSV UTF-8' and upload it again"
                ),
                {"byte": f"0x{byte:02X}", "position": offset + error.start + 1},
                code="encoding",
            ) from error
        offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise UploadRejected(
            gettext_noop(
                "The selected file is not saved as UTF-8: it ends part-way through a "
                "character. Save it as 'CSV UTF-8' and upload it again"
            ),
            code="encoding",
        ) from error
    stream.seek(0)


def check_upload(
    name: str,
    data: bytes | IO[bytes],
    *,
    allowed: set[str] | frozenset[str] = ALL_KINDS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> DetectedType:
    """Return the file's real type, or raise `UploadRejected` saying why it may not enter.

    `allowed` narrows the service-wide list (an IMR may be only PDF or DOCX); `data` is the
    whole file as bytes or a seekable binary file (a Django UploadedFile will do).
    """
    allowed = frozenset(allowed) & ALL_KINDS
    if not allowed:
        raise ValueError("no allowed file types given")
    stream = _as_stream(data)
    size = _size(stream)
    if size == 0:
        raise UploadRejected(gettext_noop("The selected file is empty"), code="empty")
    if size > max_bytes:
        raise UploadRejected(
            gettext_noop("The selected file must be smaller than %(size)s"),
            {"size": human_size(max_bytes)},
            code="too_large",
        )
    extension = _extension(name)
    if extension in MACRO_EXTENSIONS:
        raise _macro_rejection()
    claimed = _kind_for_extension(extension)
    if claimed is None or claimed not in allowed:
        raise UploadRejected(
            gettext_noop("The selected file must be a %(types)s"),
            {"types": _labels(allowed)},
            code="extension",
        )
    actual = _content_kind(stream)
    if claimed == "csv":
        if actual != "other":
            raise _mismatch(claimed, extension)
        _check_csv(stream)
    elif actual != claimed:
        raise _mismatch(claimed, extension)
    stream.seek(0)
    file_type = TYPES[claimed]
    return DetectedType(
        kind=claimed,
        mime_type=file_type.mime_type,
        extension="jpg" if claimed == "jpeg" else file_type.extension,
    )


def _mismatch(claimed: str, extension: str) -> UploadRejected:
    return UploadRejected(
        gettext_noop(
            "The selected file is not a real %(label)s: its contents do not match its "
            ".%(ext)s name. Check you chose the right file, or save it again as a %(label)s"
        ),
        {"label": TYPES[claimed].label, "ext": extension},
        code="mismatch",
    )


def human_size(size: int) -> str:
    """ "25MB", "1.5MB", "512KB": the GOV.UK file upload pattern's way of writing a limit."""
    if size >= MB:
        return f"{size // MB}MB" if size % MB == 0 else f"{size / MB:.1f}MB"
    if size >= 1024:
        return f"{size // 1024}KB" if size % 1024 == 0 else f"{size / 1024:.1f}KB"
    return f"{size} bytes"
