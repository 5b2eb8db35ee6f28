"""``atomic_storage`` takes back the files a failed block wrote, and a file that cannot
be deleted neither hides the block's own error nor keeps the others from going."""

from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db.models import FileField
from django.db.models.fields.files import FieldFile

from staffroom.core.files import atomic_storage

pytestmark = pytest.mark.django_db

NAMES = ("first.txt", "stuck.txt", "last.txt")


class StorageThatKeepsOneFile(InMemoryStorage):
    """Deleting ``stuck.txt`` fails, as a vanished mount or a denied permission would."""

    def delete(self, name):
        if name.endswith("stuck.txt"):
            raise OSError("permission denied")
        super().delete(name)


def save_all(stored, storage) -> list[str]:
    field = FileField(storage=storage, upload_to="uploads")
    field.set_attributes_from_name("file")
    saved = []
    for name in NAMES:
        field_file = FieldFile(SimpleNamespace(), field, None)
        stored.save(field_file, name, ContentFile(b"text"))
        saved.append(field_file.name)
    return saved


def test_atomic_storage_keeps_the_files_of_a_block_that_commits():
    storage = InMemoryStorage()
    with atomic_storage() as stored:
        saved = save_all(stored, storage)
    assert saved == ["uploads/first.txt", "uploads/stuck.txt", "uploads/last.txt"]
    assert all(storage.exists(name) for name in saved)


def test_atomic_storage_deletes_the_files_of_a_block_that_fails():
    storage = InMemoryStorage()
    with pytest.raises(ValueError, match="the block failed"), atomic_storage() as stored:
        saved = save_all(stored, storage)
        raise ValueError("the block failed")
    assert not any(storage.exists(name) for name in saved)


def test_a_file_that_cannot_be_deleted_is_logged_and_the_blocks_error_still_raised(caplog):
    storage = StorageThatKeepsOneFile()
    with pytest.raises(ValueError, match="the block failed"), atomic_storage() as stored:
        saved = save_all(stored, storage)
        raise ValueError("the block failed")
    first, stuck, last = saved
    assert not storage.exists(first) and not storage.exists(last)  # the one after it too
    assert storage.exists(stuck)
    [record] = [r for r in caplog.records if r.name == "staffroom.core.files"]
    assert record.levelname == "ERROR" and stuck in record.getMessage()
    assert "permission denied" in str(record.exc_info[1])
