"""The case services: drafting, the guard's refusals, attachments, and the workflow."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from staffroom.cases import services
from staffroom.cases.guard import case_guard
from staffroom.cases.models import Case
from staffroom.cases.services import CaseError
from staffroom.cases.tests.factories import (
    IDENTIFYING,
    accepted,
    attach,
    blank_pdf,
    draft,
    submitted,
)
from staffroom.demo.sessions import text_pdf

pytestmark = pytest.mark.django_db


def as_member(world, case):
    return {"actor": world.member, "access": world.access(world.member, case.community)}


def docx(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        document = f"<w:document {ns}><w:body>{body}</w:body></w:document>"
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def test_case_create_saves_a_draft_with_findings(world):
    case = draft(world, background=IDENTIFYING, questions="")
    assert case.state == Case.State.DRAFT
    assert case.background == IDENTIFYING
    assert len(case_guard(case).unresolved) == 3


def test_case_create_needs_a_title(world):
    with pytest.raises(CaseError) as refused:
        draft(world, title="  ")
    assert refused.value.field == "title"


def test_case_create_refuses_who_does_not_take_part(world):
    with pytest.raises(CaseError):
        services.case_create(
            actor=world.outsider, access=world.access(world.outsider), title="Mine"
        )


def test_case_submit_refuses_unresolved_findings(world):
    case = draft(world, background=IDENTIFYING)
    with pytest.raises(CaseError, match="3 finding"):
        services.case_submit(**as_member(world, case), case=case)
    case.refresh_from_db()
    assert case.state == Case.State.DRAFT


def test_case_submit_refuses_a_case_with_no_question(world):
    case = draft(world, questions=" \n ")
    with pytest.raises(CaseError) as refused:
        services.case_submit(**as_member(world, case), case=case)
    assert refused.value.field == "questions"


def test_case_submit_after_every_finding_is_replaced_or_cleared(world):
    case = draft(world, background=IDENTIFYING)
    assert len(case_guard(case).unresolved) == 3
    new = services.finding_replace(
        **as_member(world, case), case=case, key="background", start=0, category="name"
    )
    assert new == "Student A"
    case.refresh_from_db()
    assert case.background.startswith("Student A, a ")
    report = case_guard(case)
    age, date = report.unresolved
    for found in (age, date):
        services.finding_clear(
            **as_member(world, case), case=case, key=found.key, start=found.finding.start,
            category=found.finding.category, reason="Invented for the example.",
        )  # fmt: skip
    assert case_guard(case).clear
    case = services.case_submit(**as_member(world, case), case=case)
    assert case.state == Case.State.SUBMITTED and case.submitted_at


def test_finding_clear_needs_a_reason(world):
    case = draft(world, background=IDENTIFYING)
    with pytest.raises(CaseError) as refused:
        services.finding_clear(
            **as_member(world, case), case=case, key="background", start=0, category="name",
            reason="  ",
        )  # fmt: skip
    assert refused.value.field == "reason"
    assert not case.clearances.exists()


def test_finding_that_is_gone_is_refused(world):
    case = draft(world, background=IDENTIFYING)
    with pytest.raises(CaseError, match="no longer"):
        services.finding_replace(
            **as_member(world, case), case=case, key="background", start=3, category="name"
        )


def test_attachment_text_is_checked_by_the_guard(world):
    case = draft(world)
    attachment = attach(world, case, "sample.docx", docx("Maria Lopez wrote this."))
    assert attachment.kind == "docx" and attachment.checkable
    attach(world, case, "notes.txt", b"Plain notes, nothing to see.")
    pdf = attach(world, case, "log.pdf", text_pdf("Log", ["Maria Lopez was absent."]))
    assert pdf.checkable
    keys = {found.key for found in case_guard(case).unresolved}
    assert keys == {attachment.guard_key, pdf.guard_key}
    with pytest.raises(CaseError, match="finding"):
        services.case_submit(**as_member(world, case), case=case)


def test_attachment_whose_content_is_not_what_its_name_claims_is_refused(world):
    case = draft(world)
    with pytest.raises(CaseError, match="not what its name says") as refused:
        attach(world, case, "sample.pdf", docx("Hello"))
    assert refused.value.field == "file"
    with pytest.raises(CaseError, match="not what its name says"):
        attach(world, case, "photo.png", b"%PDF-1.7 not really")
    with pytest.raises(CaseError, match="Attach a PDF"):
        attach(world, case, "program.exe", b"MZ\x90\x00")
    assert not case.attachments.exists()


def test_attachment_larger_than_20_mb_is_refused(world):
    case = draft(world)
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024))
    with pytest.raises(CaseError, match="20 MB"):
        services.attachment_add(**as_member(world, case), case=case, file=big)


def test_pdf_without_text_layer_must_be_confirmed_before_submitting(world):
    case = draft(world)
    scan = attach(world, case, "scan.pdf", blank_pdf())
    assert not scan.checkable
    with pytest.raises(CaseError, match="could not be checked"):
        services.case_submit(**as_member(world, case), case=case)
    services.attachment_confirm(**as_member(world, case), attachment=scan)
    assert services.case_submit(**as_member(world, case), case=case).state == "submitted"


def test_only_the_presenter_edits_and_only_while_a_draft(world):
    case = draft(world)
    with pytest.raises(CaseError, match="Only the presenter"):
        services.case_update(
            actor=world.facilitator, access=world.access(world.facilitator), case=case,
            title="Mine now",
        )  # fmt: skip
    case = services.case_submit(**as_member(world, case), case=case)
    with pytest.raises(CaseError, match="can no longer be changed"):
        services.case_update(**as_member(world, case), case=case, title="Changed")


def test_case_accept_and_return_need_a_reviewer_and_a_submitted_case(world):
    case = submitted(world)
    with pytest.raises(CaseError):
        services.case_accept(**as_member(world, case), case=case)
    with pytest.raises(CaseError) as refused:
        services.case_return(
            actor=world.facilitator, access=world.access(world.facilitator), case=case, note=""
        )
    assert refused.value.field == "note"
    case = services.case_return(
        actor=world.hub_admin, access=world.access(world.hub_admin), case=case, note="Shorter."
    )
    assert case.state == Case.State.RETURNED and case.return_note == "Shorter."
    with pytest.raises(CaseError, match="Only a submitted case"):
        services.case_accept(
            actor=world.facilitator, access=world.access(world.facilitator), case=case
        )
    # Returned: the presenter edits and submits again.
    services.case_update(**as_member(world, case), case=case, title="Shorter case")
    case = services.case_submit(**as_member(world, case), case=case)
    case = services.case_accept(
        actor=world.facilitator, access=world.access(world.facilitator), case=case
    )
    assert case.state == Case.State.ACCEPTED and case.decided_by == world.facilitator


def test_accepted_case_is_final(world):
    case = accepted(world)
    with pytest.raises(CaseError):
        services.case_update(**as_member(world, case), case=case, title="Changed")
