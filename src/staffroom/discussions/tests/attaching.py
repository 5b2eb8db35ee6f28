"""Files to attach in tests: small but real (a PNG a browser draws, a PDF header, a
Windows program), made as uploads."""

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from staffroom.communities.access import community_access_for
from staffroom.discussions import attachments


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A grey PNG, ``width`` by ``height`` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    if data is None:
        data = png_bytes() if name.endswith(".png") else PDF
    return SimpleUploadedFile(name, data)


def attached_thread(world, community=None, *, user=None, files=None, **fields):
    """A thread by ``user`` (the member) with files on its opening post."""
    user = user or world.member
    community = community or world.public
    fields = {"kind": "discussion", "title": "Our bell schedule",
              "body": "Here is what we use.", **fields}  # fmt: skip
    return attachments.thread_post(
        actor=user,
        access=community_access_for(user, community),
        files=files if files is not None else [upload("schedule.pdf"), upload("room.png")],
        **fields,
    )
