"""Attachments' text for the guard: plain text, DOCX without a dependency, PDF through
pypdf; ``None`` whenever the text cannot be read."""

import io
import zipfile

import pytest

from staffroom.cases import extract
from staffroom.cases.extract import extract_text
from staffroom.cases.tests.factories import blank_pdf
from staffroom.demo.sessions import text_pdf

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str, **parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        document = f"<w:document {W}><w:body>{body}</w:body></w:document>"
        archive.writestr("word/document.xml", document)
        for name, xml in parts.items():
            archive.writestr(f"word/{name}.xml", xml)
    return buffer.getvalue()


def paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r>{r}</w:r>" for r in runs) + "</w:p>"


def test_plain_text_in_utf8_cp1252_and_utf16():
    assert extract_text("case.txt", "José, 9, Dry Creek".encode()) == "José, 9, Dry Creek"
    assert extract_text("case.TXT", "\ufeffJosé".encode()) == "José"
    assert extract_text("notes.txt", "José’s mom".encode("cp1252")) == "José’s mom"
    assert extract_text("notes.md", "Ana".encode("utf-16")) == "Ana"


def test_docx_body_headers_and_footers_paragraph_by_paragraph():
    data = docx(
        paragraph("<w:t>Maria </w:t>", "<w:t>Lopez</w:t>")
        + paragraph("<w:t>Age</w:t><w:tab/><w:t>9</w:t><w:br/><w:t>Room 4</w:t>"),
        header1=f"<w:hdr {W}>{paragraph('<w:t>Student: Kaiden</w:t>')}</w:hdr>",
        footer1=f"<w:ftr {W}>{paragraph('<w:t>Call 555-201-3344</w:t>')}</w:ftr>",
    )
    assert extract_text("Case.docx", data) == (
        "Maria Lopez\nAge\t9\nRoom 4\nCall 555-201-3344\nStudent: Kaiden"
    )


@pytest.mark.parametrize(
    "data",
    [b"not a zip at all", docx("<w:p><w:t>unclosed"), b""],
)
def test_a_damaged_docx_gives_none(data):
    assert extract_text("case.docx", data) is None


def test_a_zip_without_a_word_document_gives_none():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    assert extract_text("renamed.docx", buffer.getvalue()) is None


def test_an_oversized_docx_part_gives_none(monkeypatch):
    monkeypatch.setattr(extract, "MAX_PART_BYTES", 100)
    assert extract_text("big.docx", docx(paragraph("<w:t>" + "x" * 500 + "</w:t>"))) is None


def test_other_kinds_of_file_give_none():
    assert extract_text("photo.jpg", b"\xff\xd8\xff") is None
    assert extract_text("old.doc", b"\xd0\xcf\x11\xe0") is None


def test_a_pdf_gives_its_text():
    pdf = text_pdf("Notes on a student", ["Maria Lopez, age 9, missed school on March 3."])
    text = extract_text("case.pdf", pdf)
    assert "Maria Lopez, age 9" in text and "Notes on a student" in text


@pytest.mark.parametrize(
    "data",
    [blank_pdf(), b"%PDF-1.7\n%%EOF", b"not a pdf at all"],
    ids=["no text", "empty", "damaged"],
)
def test_a_pdf_without_a_text_layer_or_damaged_gives_none(data):
    """A scan has no text to check: the caller asks the presenter to confirm instead."""
    assert extract_text("scan.pdf", data) is None
