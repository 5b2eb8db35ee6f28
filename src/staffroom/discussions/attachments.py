"""Images and documents attached to a thread's opening post or to a reply.

A file is accepted by what its content is (``core.files.sniff_material``), never by its
name alone: the name must also carry an extension of that kind, so a program renamed
``.pdf`` or an SVG or HTML page (which a browser would run) is refused. Posting or
editing with files is one transaction: the text, the rows and the stored files all
stay or all go (``core.files.atomic_storage``); a removed file is deleted only once the
removal is committed (``delete_on_commit``)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _

from staffroom.communities.access import CommunityAccess
from staffroom.core.files import CONTENT_TYPES, atomic_storage, delete_on_commit, sniff_material
from staffroom.discussions import services
from staffroom.discussions.access import attachment_shown
from staffroom.discussions.models import Attachment, Reply, Thread
from staffroom.discussions.services import DiscussionError

MAX_ATTACHMENTS = 5  # per post
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# What a post may carry, and the extensions a name must end with for each kind its
# content shows. The form's ``accept`` and help text come from here.
KIND_EXTENSIONS = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "pptx": (".pptx",),
    "png": (".png",),
    "jpg": (".jpg", ".jpeg"),
    "gif": (".gif",),
    "webp": (".webp",),
}
ACCEPT = ",".join(sorted(ext for exts in KIND_EXTENSIONS.values() for ext in exts))
FIELD = "files"  # the forms' field the refusals stand beside


@dataclass(frozen=True)
class Checked:
    """An uploaded file that passed: its name as given, its kind and its bytes."""

    name: str
    kind: str
    data: bytes


def attachment_formats() -> str:
    """What may be attached, in words, for the form's help text."""
    return _(
        "up to %(count)s files of at most %(size)s each: PDF, Word (DOCX), PowerPoint "
        "(PPTX) or an image (PNG, JPEG, GIF, WebP)"
    ) % {"count": MAX_ATTACHMENTS, "size": filesizeformat(MAX_ATTACHMENT_BYTES)}


def _refuse(message: str) -> DiscussionError:
    return DiscussionError(message, field=FIELD)


def _check_count(count: int) -> None:
    if count > MAX_ATTACHMENTS:
        raise _refuse(
            _("A post can have at most %(limit)s files; this one would have %(count)s.")
            % {"limit": MAX_ATTACHMENTS, "count": count}
        )


def _check_one(file) -> Checked:
    # Shorten the stem, never the extension the content is checked against.
    full = PurePath(file.name or "").name or "attachment"
    suffix = PurePath(full).suffix
    name = PurePath(full).stem[: 200 - len(suffix)] + suffix
    if file.size > MAX_ATTACHMENT_BYTES:
        raise _refuse(
            _("“%(name)s” is %(size)s: a file can be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(file.size),
               "limit": filesizeformat(MAX_ATTACHMENT_BYTES)}
        )  # fmt: skip
    file.seek(0)
    data = file.read()
    kind = sniff_material(data[:16], data)
    suffix = suffix.lower()
    if kind is None:
        raise _refuse(
            _("“%(name)s” cannot be attached: attach %(formats)s.")
            % {"name": name, "formats": attachment_formats()}
        )
    if suffix not in KIND_EXTENSIONS[kind]:
        raise _refuse(
            _("“%(name)s” is not what its name says: its content is a %(kind)s file.")
            % {"name": name, "kind": kind.upper()}
        )
    return Checked(name=name, kind=kind, data=data)


def attachments_check(files: Sequence) -> list[Checked]:
    """The uploaded ``files`` read and checked, before anything is written; raises
    ``DiscussionError`` (naming the file and why) for the first one refused."""
    _check_count(len(files))
    return [_check_one(file) for file in files]


def _store(stored, *, actor, thread: Thread, reply: Reply | None, checked: list[Checked]):
    for item in checked:
        attachment = Attachment(
            thread=thread, reply=reply, uploaded_by=actor, name=item.name,
            content_type=CONTENT_TYPES[item.kind], size=len(item.data),
        )  # fmt: skip
        stem = slugify(PurePath(item.name).stem)[:60] or "attachment"
        stored.save(attachment.file, f"{stem}.{item.kind}", ContentFile(item.data))
        attachment.save()


def _post_files(thread: Thread, reply: Reply | None):
    files = Attachment.objects.filter(thread=thread)
    return files.filter(reply=reply) if reply is not None else files.filter(reply__isnull=True)


def _replace(stored, *, actor, thread, reply, checked, remove: Iterable[str]) -> None:
    """Remove the post's files named in ``remove`` (ids of its own files only), then
    add ``checked``, keeping the post within the limit."""
    for attachment in _post_files(thread, reply).filter(public_id__in=list(remove)):
        delete_on_commit(attachment.file)
        attachment.delete()
    _check_count(_post_files(thread, reply).count() + len(checked))
    _store(stored, actor=actor, thread=thread, reply=reply, checked=checked)


def thread_post(*, actor, access: CommunityAccess, files: Sequence = (), **fields) -> Thread:
    """Start a thread (``services.thread_create``) with its opening post's files."""
    checked = attachments_check(files)
    with atomic_storage() as stored:
        thread = services.thread_create(actor=actor, access=access, **fields)
        _store(stored, actor=actor, thread=thread, reply=None, checked=checked)
    return thread


def thread_revise(
    *, actor, access: CommunityAccess, thread: Thread, title: str, body: str,
    files: Sequence = (), remove: Iterable[str] = (),
) -> Thread:  # fmt: skip
    """Edit the opening post (``services.thread_edit``, which decides who may), remove
    some of its files and add others."""
    checked = attachments_check(files)
    with atomic_storage() as stored:
        thread = services.thread_edit(actor=actor, access=access, thread=thread, title=title,
                                      body=body)  # fmt: skip
        _replace(stored, actor=actor, thread=thread, reply=None, checked=checked, remove=remove)
    return thread


def reply_post(
    *, actor, access: CommunityAccess, thread: Thread, body: str, quoting: Reply | None = None,
    files: Sequence = (),
) -> Reply:  # fmt: skip
    """Reply (``services.reply_create``) with files."""
    checked = attachments_check(files)
    with atomic_storage() as stored:
        reply = services.reply_create(actor=actor, access=access, thread=thread, body=body,
                                      quoting=quoting)  # fmt: skip
        _store(stored, actor=actor, thread=reply.thread, reply=reply, checked=checked)
    return reply


def reply_revise(
    *, actor, access: CommunityAccess, reply: Reply, body: str, files: Sequence = (),
    remove: Iterable[str] = (),
) -> Reply:  # fmt: skip
    """Edit a reply (``services.reply_edit``), remove some of its files and add others."""
    checked = attachments_check(files)
    with atomic_storage() as stored:
        reply = services.reply_edit(actor=actor, access=access, reply=reply, body=body)
        _replace(stored, actor=actor, thread=reply.thread, reply=reply, checked=checked,
                 remove=remove)  # fmt: skip
    return reply


def attachment_list(thread: Thread, reply: Reply | None = None) -> list[Attachment]:
    """The files of one post: the opening post, or ``reply``."""
    return [attachment_shown(attachment) for attachment in _post_files(thread, reply)]


def attachments_for(thread: Thread, replies: list[Reply]) -> dict[int | None, list[Attachment]]:
    """Per post (``None``: the opening post; else a reply's id), its files. One query,
    however many posts and files."""
    found: dict[int | None, list[Attachment]] = {None: [], **{reply.pk: [] for reply in replies}}
    rows = Attachment.objects.filter(thread=thread).filter(
        Q(reply__isnull=True) | Q(reply__in=[reply.pk for reply in replies])
    )
    for attachment in rows:
        found[attachment.reply_id].append(attachment_shown(attachment))
    return found
