"""Files people upload, for every part that keeps them: what a file is by its content,
and storage writes that stay consistent with the database.

File storage is not transactional: a file saved inside a transaction that then rolls
back would stay behind with no row naming it, and a file deleted before the commit would
be gone even if the row it belonged to survives. ``atomic_storage`` undoes the first and
``delete_on_commit`` defers the second."""

import io
import logging
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

from django.db import transaction
from django.db.models.fields.files import FieldFile

logger = logging.getLogger(__name__)

_ZIP_KINDS = {"word/": "docx", "ppt/": "pptx"}
# The media type to serve each kind ``sniff_material`` tells with.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def sniff_material(head: bytes, data: bytes | None = None) -> str | None:
    """The kind of file by its first bytes (never by its name): ``pdf``, ``png``,
    ``jpg``, ``gif``, ``webp``, ``docx`` or ``pptx``; None for anything else. Office
    files are ZIP archives, told apart by what they hold."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04") and data is not None:
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, ValueError):
            return None
        if "[Content_Types].xml" in names:
            for prefix, kind in _ZIP_KINDS.items():
                if any(name.startswith(prefix) for name in names):
                    return kind
    return None


class StoredFiles:
    """The files an ``atomic_storage`` block wrote, so they can be taken back."""

    def __init__(self) -> None:
        self._written: list[tuple] = []

    def save(self, field_file: FieldFile, name: str, content) -> None:
        """Write ``content`` through the field's storage (the row is saved by the caller)."""
        field_file.save(name, content, save=False)
        self._written.append((field_file.storage, field_file.name))

    def discard(self) -> None:
        """Delete every file written, each one tried even when another fails. A failure
        is logged, not raised: ``discard`` runs while an exception is on its way out,
        and that exception is the one the caller must see."""
        for storage, name in self._written:
            try:
                storage.delete(name)
            except Exception:
                logger.exception("Could not delete %s after a rollback; it is left behind.", name)
        self._written.clear()


@contextmanager
def atomic_storage(using: str | None = None) -> Iterator[StoredFiles]:
    """``transaction.atomic`` for a block that also writes files: whatever it saved
    through the yielded ``StoredFiles`` is deleted again when the block rolls back (an
    exception leaves it, or the commit itself fails).

    Django offers no hook for a rollback that happens later, so when the block runs
    inside a caller's transaction that rolls back after it returned, the file stays
    (as it did before); every view calls services outside any transaction."""
    stored = StoredFiles()
    try:
        with transaction.atomic(using=using):
            yield stored
    except BaseException:
        stored.discard()
        raise


def delete_on_commit(field_file: FieldFile, using: str | None = None) -> None:
    """Delete the field's file once the current transaction commits, never before: a
    rollback keeps the row, so it must keep its file. A failed delete is logged by
    Django, not raised: the row is gone by then and an orphan file harms no one."""
    if field_file.name:
        delete = partial(field_file.storage.delete, field_file.name)
        transaction.on_commit(delete, using=using, robust=True)
