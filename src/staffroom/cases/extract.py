"""The text of a case's attachment, for the de-identification guard.

``extract_text(file_name, data)`` reads plain text (``decode_text``: UTF-8, UTF-16 with
its byte-order mark as Windows Notepad saves "Unicode", or Windows-1252 as older Office
and Notepad save it), DOCX (the body, headers, footers, footnotes and comments,
straight from the zip: no dependency) and PDF (through ``pypdf``). It returns ``None``
when it cannot get at the text: a PDF with no text layer (a scan), a damaged file or
another kind of file. The caller then asks the presenter to confirm the attachment holds
no identifiers."""

import codecs
import io
import re
import zipfile
from xml.etree import ElementTree

# The names a plain-text attachment may carry: the one list the attachment checks, the
# upload form and this module share.
TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".csv", ".tsv")
# A DOCX part larger than this once unzipped is not a case document (or is a zip bomb).
MAX_PART_BYTES = 20 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_PARTS = re.compile(r"word/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")


def extract_text(file_name: str, data: bytes) -> str | None:
    """The text of an attachment, or ``None`` if it cannot be read (see the module)."""
    name = file_name.lower()
    if name.endswith(TEXT_EXTENSIONS):
        return decode_text(data)
    if name.endswith(".docx"):
        return _docx(data)
    if name.endswith(".pdf"):
        return _pdf(data)
    return None


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252"), error.end


# A file two editors touched can be UTF-8 with a few Windows-1252 bytes in it: each
# part is read in its own encoding, so the guard sees "José", never "JosÃ©".
codecs.register_error("staffroom_cp1252", _cp1252_fallback)


def decode_text(data: bytes) -> str | None:
    """``data`` as text: UTF-16 when it starts with a byte-order mark, else UTF-8 (with
    or without a mark) with any byte that is not UTF-8 read as Windows-1252. ``None``
    when it is not text: bytes that Windows-1252 leaves undefined, or a NUL (binary
    data, or UTF-16 without a mark)."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig", errors="staffroom_cp1252")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _docx(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = sorted(
                (i for i in archive.infolist() if _DOCX_PARTS.fullmatch(i.filename)),
                key=lambda i: (i.filename != "word/document.xml", i.filename),
            )
            if not parts or parts[0].filename != "word/document.xml":
                return None
            texts = []
            for info in parts:
                if info.file_size > MAX_PART_BYTES:
                    return None
                with archive.open(info) as part:
                    xml = part.read(MAX_PART_BYTES + 1)
                if len(xml) > MAX_PART_BYTES:
                    return None
                texts.append(_docx_part_text(xml))
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, OSError, RuntimeError):
        return None
    return "\n".join(t for t in texts if t)


def _docx_part_text(xml: bytes) -> str:
    """Paragraphs on their own lines; tabs and line breaks kept."""
    root = ElementTree.fromstring(xml)
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{_W}tab":
                pieces.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
        paragraphs.append("".join(pieces))
    return "\n".join(paragraphs).strip()


def _pdf(data: bytes) -> str | None:
    from pypdf import PdfReader  # only when a PDF comes: it takes a moment to import

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception:
        return None
    return text if text.strip() else None
