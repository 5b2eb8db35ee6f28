"""Every write about cases: drafting, attachments, the guard's decisions, submitting,
returning and accepting.

Each service takes the acting user and the ``CommunityAccess`` the view resolved, checks
who may do it, runs in one transaction and raises ``CaseError`` (a translated message,
and the form field it concerns) when it refuses. Mail to the presenter goes out only
once the transaction commits (``core.email.email_enqueue``).
"""

from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from staffroom.cases.events import Action, case_event
from staffroom.cases.extract import TEXT_EXTENSIONS, decode_text, extract_text
from staffroom.cases.guard import case_guard, guard_finding_get
from staffroom.cases.models import Case, CaseAttachment, CaseClearance
from staffroom.cases.search import case_document
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core import search
from staffroom.core.email import email_enqueue, email_render
from staffroom.core.errors import DomainError
from staffroom.core.files import atomic_storage, delete_on_commit, sniff_material
from staffroom.core.urls import absolute_url

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENTS = 10
# What a case may carry (documents the guard can read, or a scan, which the presenter
# confirms, and images of work samples), and the extensions a name must carry for each
# kind its content shows. The upload form's ``accept`` and help text come from here.
KIND_EXTENSIONS = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "txt": TEXT_EXTENSIONS,
    "png": (".png",),
    "jpg": (".jpg", ".jpeg"),
    "gif": (".gif",),
    "webp": (".webp",),
}
ATTACHMENT_EXTENSIONS = tuple(sorted({ext for exts in KIND_EXTENSIONS.values() for ext in exts}))
IMAGE_KINDS = ("png", "jpg", "gif", "webp")
# "Not identifying" decisions: the form's limit, and the service's for other callers.
MAX_REASON_LENGTH = 500
# The fields of a draft the presenter writes (the case form shows them, with "anonymous").
CASE_FIELDS = (
    "title",
    "presenter_role",
    "grade_band",
    "locale",
    "school_kind",
    "background",
    "tried",
    "strengths",
    "questions",
    "outcome",
    "tags",
)


class CaseError(DomainError):
    pass


def require(access: CommunityAccess, capability: str) -> None:
    if not access.has(capability):
        raise CaseError(_("You may not do that in this community."))


def _own_editable(actor, case: Case) -> Case:
    """The case, locked for this transaction, if ``actor`` presents it and it is a draft
    (or was returned to them)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.presenter_id != actor.pk:
        raise CaseError(_("Only the presenter can change this case."))
    if not case.is_editable:
        raise CaseError(_("This case was submitted and can no longer be changed."))
    return case


def case_defaults(user) -> dict:
    """Role and setting for a new case, from the presenter's profile."""
    profile = getattr(user, "profile", None)
    if profile is None:
        return {}
    defaults = {"presenter_role": profile.role}
    band = profile.grade_bands.order_by("position").first()
    if band is not None:
        defaults["grade_band"] = band.code
    if profile.school_id:
        defaults["locale"] = profile.school.locale
    return defaults


def set_fields(case: Case, fields: dict) -> None:
    for name in CASE_FIELDS:
        if name in fields:
            setattr(case, name, (fields[name] or "").strip())
    if "anonymous" in fields:
        case.anonymous = bool(fields["anonymous"])
    if not case.title:
        raise CaseError(_("Give the case a title."), field="title")


@transaction.atomic
def case_create(*, actor, access: CommunityAccess, **fields) -> Case:
    """Start a draft in the community; only a title is needed to save it."""
    require(access, permissions.PARTICIPATE)
    case = Case(community=access.community, presenter=actor)
    set_fields(case, fields)
    case.save()
    return case


@transaction.atomic
def case_update(*, actor, access: CommunityAccess, case: Case, **fields) -> Case:
    """Save the presenter's changes to a draft (or a returned case); findings never
    stop a draft from being saved, only from being submitted."""
    require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, case)
    set_fields(case, fields)
    case.save()
    return case


def attachment_formats() -> str:
    """What may be attached, in words, for the form's help text and the refusal."""

    def listed(extensions) -> str:
        return ", ".join(ext.lstrip(".").upper() for ext in extensions)

    images = [KIND_EXTENSIONS[kind][0] for kind in IMAGE_KINDS]
    return _("a PDF, a Word file (DOCX), plain text (%(text)s) or an image (%(images)s)") % {
        "text": listed(KIND_EXTENSIONS["txt"]),
        "images": listed(images),
    }


def _sniff(name: str, data: bytes) -> str | None:
    kind = sniff_material(data[:16], data)
    if kind is None and PurePath(name).suffix.lower() in KIND_EXTENSIONS["txt"]:
        return "txt" if decode_text(data) is not None else None
    return kind


def attachment_add(*, actor, access: CommunityAccess, case: Case, file) -> CaseAttachment:
    """Attach a work sample: at most 20 MB, a PDF, DOCX, plain text or an image whose
    content matches its name. Its text is extracted now for the guard; a PDF with no
    text layer (or an image) is kept but must be confirmed clean before submitting.
    The stored file is deleted again if the transaction rolls back."""
    with atomic_storage() as storage:
        require(access, permissions.PARTICIPATE)
        case = _own_editable(actor, case)
        if case.attachments.count() >= MAX_ATTACHMENTS:
            raise CaseError(
                _("A case can have at most %(max)s attachments.") % {"max": MAX_ATTACHMENTS},
                field="file",
            )
        if file.size > MAX_ATTACHMENT_BYTES:
            raise CaseError(_("An attachment can be at most 20 MB."), field="file")
        file.seek(0)
        data = file.read()
        # Shorten the stem, never the extension the content is checked against.
        full = PurePath(file.name or "").name or "attachment"
        suffix = PurePath(full).suffix
        name = PurePath(full).stem[: 200 - len(suffix)] + suffix
        kind = _sniff(name, data)
        suffix = PurePath(name).suffix.lower()
        if kind not in KIND_EXTENSIONS or suffix not in KIND_EXTENSIONS[kind]:
            if suffix in ATTACHMENT_EXTENSIONS:
                raise CaseError(
                    _("“%(name)s” is not what its name says: its content is not a %(kind)s file.")
                    % {"name": name, "kind": suffix.lstrip(".").upper()},
                    field="file",
                )
            raise CaseError(
                _("Attach %(formats)s.") % {"formats": attachment_formats()}, field="file"
            )
        text = extract_text(name, data) if kind in ("pdf", "docx", "txt") else None
        if text is not None and not text.strip():
            text = None  # a PDF of scanned pages: nothing the guard can read
        stored = f"{slugify(PurePath(name).stem)[:60] or 'attachment'}.{kind}"
        attachment = CaseAttachment(case=case, name=name, kind=kind, size=len(data), text=text)
        storage.save(attachment.file, stored, ContentFile(data))
        attachment.save()
        case.save(update_fields=["updated_at"])
        return attachment


@transaction.atomic
def attachment_remove(*, actor, access: CommunityAccess, attachment: CaseAttachment) -> None:
    """Remove an attachment and the presenter's decisions on its findings; its file is
    deleted only once the removal is committed."""
    require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, attachment.case)
    CaseClearance.objects.filter(case=case, field__startswith=attachment.guard_key).delete()
    delete_on_commit(attachment.file)
    attachment.delete()


@transaction.atomic
def attachment_confirm(*, actor, access: CommunityAccess, attachment: CaseAttachment) -> None:
    """The presenter's word that an attachment the guard cannot read holds no student
    information."""
    require(access, permissions.PARTICIPATE)
    _own_editable(actor, attachment.case)
    if attachment.checkable:
        raise CaseError(_("This attachment was checked; resolve its findings instead."))
    attachment.confirmed_clean = True
    attachment.save(update_fields=["confirmed_clean"])


def _finding(case: Case, key: str, start: int, category: str):
    found = guard_finding_get(case, key, start, category)
    if found is None:
        raise CaseError(_("That finding is no longer in the text; check the case again."))
    return found


@transaction.atomic
def finding_replace(
    *, actor, access: CommunityAccess, case: Case, key: str, start: int, category: str
) -> str:
    """Rewrite one finding in a field with its suggested replacement ("Student A",
    "[date]"...); returns the replacement."""
    require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, case)
    if key not in Case.GUARDED_FIELDS:
        raise CaseError(_("Text in an attachment cannot be replaced here; replace the file."))
    found = _finding(case, key, start, category)
    text = getattr(case, key)
    new = text[:start] + found.finding.replacement + text[found.finding.end :]
    max_length = Case._meta.get_field(key).max_length
    if max_length is not None and len(new) > max_length:
        raise CaseError(
            _(
                "Replacing “%(text)s” with “%(new)s” would make the %(field)s longer than "
                "%(max)s characters: shorten it in the form instead."
            )
            % {
                "text": found.text,
                "new": found.finding.replacement,
                "field": Case._meta.get_field(key).verbose_name,
                "max": max_length,
            },
            field=key,
        )
    setattr(case, key, new)
    case.save()
    return found.finding.replacement


@transaction.atomic
def finding_clear(
    *, actor, access: CommunityAccess, case: Case, key: str, start: int, category: str, reason: str
) -> CaseClearance:
    """Mark one finding "not identifying", with the presenter's reason (required, at
    most ``MAX_REASON_LENGTH`` characters). The flagged text is kept whole: the guard
    matches decisions on the exact text, so a shortened one would never apply."""
    require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, case)
    reason = (reason or "").strip()
    if not reason:
        raise CaseError(_("Say why this is not identifying."), field="reason")
    if len(reason) > MAX_REASON_LENGTH:
        raise CaseError(
            _("Say why in at most %(max)s characters.") % {"max": MAX_REASON_LENGTH},
            field="reason",
        )
    found = _finding(case, key, start, category)
    clearance, _created = CaseClearance.objects.update_or_create(
        case=case,
        field=key,
        text=found.text,
        category=category,
        defaults={"reason": reason, "decided_by": actor},
    )
    return clearance


def require_complete(case: Case) -> None:
    """What a case needs before the group can read it: a background and a question."""
    if not case.background.strip():
        raise CaseError(_("Describe the background of the situation."), field="background")
    if not case.question_list:
        raise CaseError(_("Ask the group at least one question."), field="questions")


@transaction.atomic
def case_submit(*, actor, access: CommunityAccess, case: Case) -> Case:
    """Send the case to the facilitators. Refused without a background, without a
    question for the group, while any finding of the guard is unresolved or while an
    attachment it could not read is not confirmed clean."""
    require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, case)
    require_complete(case)
    report = case_guard(case)
    if report.unresolved:
        raise CaseError(
            ngettext(
                "%(count)s finding could identify a student or family: rewrite it or mark "
                "it “not identifying” with a reason before submitting.",
                "%(count)s findings could identify a student or family: rewrite each one or "
                "mark it “not identifying” with a reason before submitting.",
                len(report.unresolved),
            )
            % {"count": len(report.unresolved)}
        )
    if report.unconfirmed:
        raise CaseError(
            _(
                "“%(name)s” could not be checked (it has no text we can read): confirm it "
                "contains no student information, or remove it."
            )
            % {"name": report.unconfirmed[0].name}
        )
    case.state = Case.State.SUBMITTED
    case.submitted_at = timezone.now()
    case.save()
    case_event(case, actor, Action.SUBMITTED)
    return case


def case_url(case: Case, name: str = "cases:case_detail") -> str:
    return absolute_url(reverse(name, args=[case.community.slug, case.public_id]))


def mail_presenter(case: Case, template: str, **extra) -> None:
    mail_person(case.presenter, case, template, **extra)


def mail_person(user, case: Case, template: str, **extra) -> None:
    """One email about ``case`` to ``user``, in their language and time zone, queued on
    commit."""
    context = {"user": user, "case": case, "community": case.community, "url": case_url(case),
               **extra}  # fmt: skip
    with timezone.override(user.time_zone):
        message = email_render(template, context, language=user.language or None)
    email_enqueue(to=[user.email], **message)


def _submitted_for_review(access: CommunityAccess, case: Case) -> Case:
    require(access, permissions.REVIEW_CASES)
    case = Case.objects.select_for_update().select_related("presenter", "community").get(pk=case.pk)
    if case.state != Case.State.SUBMITTED:
        raise CaseError(_("Only a submitted case can be accepted or returned."))
    return case


@transaction.atomic
def case_accept(*, actor, access: CommunityAccess, case: Case) -> Case:
    """Accept a submitted case: the community's members may now see it. The presenter
    is emailed."""
    case = _submitted_for_review(access, case)
    case.state = Case.State.ACCEPTED
    case.decided_at = timezone.now()
    case.decided_by = actor
    case.return_note = ""
    case.save()
    search.index(case_document(case))
    case_event(case, actor, Action.ACCEPTED)
    mail_presenter(case, "cases/email/case_accepted")
    return case


@transaction.atomic
def case_return(*, actor, access: CommunityAccess, case: Case, note: str) -> Case:
    """Return a submitted case to its presenter with a note (required), who may edit
    and submit it again. The presenter is emailed the note."""
    note = (note or "").strip()
    if not note:
        raise CaseError(_("Tell the presenter what to change."), field="note")
    case = _submitted_for_review(access, case)
    case.state = Case.State.RETURNED
    case.decided_at = timezone.now()
    case.decided_by = actor
    case.return_note = note
    case.save()
    case_event(case, actor, Action.RETURNED, note)
    mail_presenter(case, "cases/email/case_returned")
    return case
