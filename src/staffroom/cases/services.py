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

from staffroom.cases.extract import extract_text
from staffroom.cases.guard import case_guard, guard_finding_get
from staffroom.cases.models import Case, CaseAttachment, CaseClearance
from staffroom.cases.search import case_document
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core import search
from staffroom.core.email import email_enqueue, email_render
from staffroom.core.errors import DomainError
from staffroom.core.urls import absolute_url
from staffroom.meetings.services import sniff_material

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENTS = 10
# What a case may carry: documents the guard can read (or a scan, which the presenter
# confirms) and images of work samples.
ATTACHMENT_KINDS = {"pdf", "docx", "txt", "png", "jpg", "gif", "webp"}
# The extension a name must carry for each kind its content shows.
KIND_EXTENSIONS = {
    "pdf": {".pdf"},
    "docx": {".docx"},
    "txt": {".txt", ".text", ".md", ".csv"},
    "png": {".png"},
    "jpg": {".jpg", ".jpeg"},
    "gif": {".gif"},
    "webp": {".webp"},
}
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


def _require(access: CommunityAccess, capability: str) -> None:
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


def _set_fields(case: Case, fields: dict) -> None:
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
    _require(access, permissions.PARTICIPATE)
    case = Case(community=access.community, presenter=actor)
    _set_fields(case, fields)
    case.save()
    return case


@transaction.atomic
def case_update(*, actor, access: CommunityAccess, case: Case, **fields) -> Case:
    """Save the presenter's changes to a draft (or a returned case); findings never
    stop a draft from being saved, only from being submitted."""
    _require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, case)
    _set_fields(case, fields)
    case.save()
    return case


def _sniff(name: str, data: bytes) -> str | None:
    kind = sniff_material(data[:16], data)
    if kind is None and PurePath(name).suffix.lower() in KIND_EXTENSIONS["txt"]:
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        if b"\x00" not in data[:4096]:
            return "txt"
    return kind


@transaction.atomic
def attachment_add(*, actor, access: CommunityAccess, case: Case, file) -> CaseAttachment:
    """Attach a work sample: at most 20 MB, a PDF, DOCX, plain text or an image whose
    content matches its name. Its text is extracted now for the guard; a PDF with no
    text layer (or an image) is kept but must be confirmed clean before submitting."""
    _require(access, permissions.PARTICIPATE)
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
    name = PurePath(file.name or "").name[:200] or "attachment"
    kind = _sniff(name, data)
    suffix = PurePath(name).suffix.lower()
    if kind not in ATTACHMENT_KINDS or suffix not in KIND_EXTENSIONS[kind]:
        if suffix in set().union(*KIND_EXTENSIONS.values()):
            raise CaseError(
                _("“%(name)s” is not what its name says: its content is not a %(kind)s file.")
                % {"name": name, "kind": suffix.lstrip(".").upper()},
                field="file",
            )
        raise CaseError(
            _("Attach a PDF, a Word file (DOCX), plain text or an image (PNG, JPEG, GIF, WebP)."),
            field="file",
        )
    text = extract_text(name, data) if kind in ("pdf", "docx", "txt") else None
    if text is not None and not text.strip():
        text = None  # a PDF of scanned pages: nothing the guard can read
    stored = f"{slugify(PurePath(name).stem)[:60] or 'attachment'}.{kind}"
    attachment = CaseAttachment(case=case, name=name, kind=kind, size=len(data), text=text)
    attachment.file.save(stored, ContentFile(data), save=False)
    attachment.save()
    case.save(update_fields=["updated_at"])
    return attachment


@transaction.atomic
def attachment_remove(*, actor, access: CommunityAccess, attachment: CaseAttachment) -> None:
    _require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, attachment.case)
    CaseClearance.objects.filter(case=case, field=attachment.guard_key).delete()
    attachment.file.delete(save=False)
    attachment.delete()


@transaction.atomic
def attachment_confirm(*, actor, access: CommunityAccess, attachment: CaseAttachment) -> None:
    """The presenter's word that an attachment the guard cannot read holds no student
    information."""
    _require(access, permissions.PARTICIPATE)
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
    _require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, case)
    if key not in Case.GUARDED_FIELDS:
        raise CaseError(_("Text in an attachment cannot be replaced here; replace the file."))
    found = _finding(case, key, start, category)
    text = getattr(case, key)
    end = found.finding.end
    new = text[:start] + found.finding.replacement + text[end:]
    if key == "title":
        new = new[: Case._meta.get_field("title").max_length]
    setattr(case, key, new)
    case.save()
    return found.finding.replacement


@transaction.atomic
def finding_clear(
    *, actor, access: CommunityAccess, case: Case, key: str, start: int, category: str, reason: str
) -> CaseClearance:
    """Mark one finding "not identifying", with the presenter's reason (required)."""
    _require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, case)
    reason = (reason or "").strip()
    if not reason:
        raise CaseError(_("Say why this is not identifying."), field="reason")
    found = _finding(case, key, start, category)
    clearance, _created = CaseClearance.objects.update_or_create(
        case=case,
        field=key,
        text=found.text[:300],
        category=category,
        defaults={"reason": reason, "decided_by": actor},
    )
    return clearance


@transaction.atomic
def case_submit(*, actor, access: CommunityAccess, case: Case) -> Case:
    """Send the case to the facilitators. Refused without a background, without a
    question for the group, while any finding of the guard is unresolved or while an
    attachment it could not read is not confirmed clean."""
    _require(access, permissions.PARTICIPATE)
    case = _own_editable(actor, case)
    if not case.background.strip():
        raise CaseError(_("Describe the background of the situation."), field="background")
    if not case.question_list:
        raise CaseError(_("Ask the group at least one question."), field="questions")
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
    return case


def _mail_presenter(case: Case, template: str) -> None:
    user = case.presenter
    path = reverse("cases:case_detail", args=[case.community.slug, case.public_id])
    context = {"user": user, "case": case, "community": case.community, "url": absolute_url(path)}
    message = email_render(template, context, language=user.language or None)
    email_enqueue(to=[user.email], **message)


def _submitted_for_review(access: CommunityAccess, case: Case) -> Case:
    _require(access, permissions.REVIEW_CASES)
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
    _mail_presenter(case, "cases/email/case_accepted")
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
    _mail_presenter(case, "cases/email/case_returned")
    return case
