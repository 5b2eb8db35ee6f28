"""Files on a thread's opening post and on replies: checked by content, shown inline
(images) or as links (documents), served only to readers, added and removed on edit,
and never left behind by a rolled-back post."""

import os

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from staffroom.communities.access import community_access_for
from staffroom.discussions import attachments
from staffroom.discussions.models import Attachment, Reply, Thread
from staffroom.discussions.services import DiscussionError
from staffroom.discussions.tests.attaching import (
    EXE,
    HTML,
    PDF,
    SVG,
    attached_thread,
    png_bytes,
    upload,
)
from staffroom.discussions.tests.factories import reply, thread

pytestmark = pytest.mark.django_db

SLUG = "open-science"


def url(name, *args, slug=SLUG):
    return reverse(f"discussions:{name}", args=[slug, *args])


def file_url(made, attachment, slug=SLUG):
    return url("attachment_download", made.public_id, attachment.public_id, slug=slug)


def stored_files() -> set[str]:
    return {
        os.path.join(folder, name)
        for folder, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


def post_thread(client, *files, **fields):
    data = {"kind": "discussion", "title": "Seating charts", "body": "What do you use?",
            "files": list(files), **fields}  # fmt: skip
    return client.post(url("thread_create"), data)


def test_thread_with_files_shows_images_inline_and_documents_as_links(client, world):
    client.force_login(world.member)
    response = post_thread(client, upload("room.png"), upload("seating plan.pdf"))
    assert response.status_code == 302
    made = Thread.objects.get(title="Seating charts")
    image, document = made.attachments.order_by("name")
    assert (image.name, image.content_type) == ("room.png", "image/png")
    assert (document.name, document.content_type, document.size) == (
        "seating plan.pdf", "application/pdf", len(PDF),
    )  # fmt: skip
    assert image.uploaded_by == world.member and image.reply is None
    html = client.get(url("thread_detail", made.public_id)).content.decode()
    assert f'<img src="{file_url(made, image)}" alt="room.png" loading="lazy">' in html
    assert f'<a href="{file_url(made, document)}" download>seating plan.pdf</a>' in html
    assert f"({len(PDF)}\xa0bytes)" in html


def test_a_program_renamed_pdf_is_refused_and_the_text_kept(client, world):
    client.force_login(world.member)
    before = stored_files()
    response = post_thread(client, upload("room.png"), upload("report.pdf", EXE))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["files"] == [
        "“report.pdf” cannot be attached: attach up to 5 files of at most 10.0\xa0MB each: "
        "PDF, Word (DOCX), PowerPoint (PPTX) or an image (PNG, JPEG, GIF, WebP)."
    ]
    html = response.content.decode()
    assert 'value="Seating charts"' in html and "What do you use?</textarea>" in html
    assert not Thread.objects.exists() and not Attachment.objects.exists()
    assert stored_files() == before


def test_a_file_whose_name_lies_about_its_kind_is_refused(client, world):
    client.force_login(world.member)
    response = post_thread(client, upload("photo.pdf", png_bytes()))
    assert response.context["form"].errors["files"] == [
        "“photo.pdf” is not what its name says: its content is a PNG file."
    ]


def test_an_oversized_file_is_refused_with_the_limit_named(client, world):
    client.force_login(world.member)
    big = PDF + b"0" * attachments.MAX_ATTACHMENT_BYTES
    response = post_thread(client, upload("big.pdf", big))
    assert response.status_code == 400
    assert response.context["form"].errors["files"] == [
        "“big.pdf” is 10.0\xa0MB: a file can be at most 10.0\xa0MB."
    ]
    assert not Thread.objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [("logo.svg", SVG), ("logo.png", SVG), ("page.html", HTML), ("page.pdf", HTML)],
)
def test_svg_and_html_are_refused(client, world, name, data):
    client.force_login(world.member)
    response = post_thread(client, upload(name, data))
    assert response.status_code == 400
    assert response.context["form"].errors["files"][0].startswith(f"“{name}” cannot be attached")


def test_more_files_than_a_post_takes_are_refused(client, world):
    client.force_login(world.member)
    files = [upload(f"p{n}.png") for n in range(attachments.MAX_ATTACHMENTS + 1)]
    response = post_thread(client, *files)
    assert response.context["form"].errors["files"] == [
        "A post can have at most 5 files; this one would have 6."
    ]


def test_an_image_is_served_inline_and_a_document_as_a_download(client, world):
    made = attached_thread(world)
    image, document = made.attachments.order_by("name")
    response = client.get(file_url(made, image))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="room.png"'
    assert b"".join(response.streaming_content) == png_bytes()
    response = client.get(file_url(made, document))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="schedule.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_private_communitys_file_is_a_404_to_an_outsider(client, world):
    made = attached_thread(world, world.private)
    address = file_url(made, made.attachments.first(), slug=world.private.slug)
    client.force_login(world.outsider)
    assert client.get(address).status_code == 404
    client.force_login(world.member)
    assert client.get(address).status_code == 200


def test_a_file_is_found_only_under_its_own_thread(client, world):
    made = attached_thread(world)
    other = thread(world)
    address = url("attachment_download", other.public_id, made.attachments.first().public_id)
    assert client.get(address).status_code == 404


def test_a_reply_carries_files(client, world):
    made = thread(world)
    client.force_login(world.facilitator)
    response = client.post(
        url("reply_create", made.public_id), {"body": "Ours:", "files": [upload("plan.pdf")]}
    )
    assert response.status_code == 302
    posted = Reply.objects.get(thread=made)
    assert [a.name for a in posted.attachments.all()] == ["plan.pdf"]
    html = client.get(url("thread_detail", made.public_id)).content.decode()
    assert file_url(made, posted.attachments.get()) in html


def test_a_refused_reply_file_keeps_the_reply_text(client, world):
    made = thread(world)
    client.force_login(world.facilitator)
    response = client.post(
        url("reply_create", made.public_id),
        {"body": "Here is the tool.", "files": [upload("tool.pdf", EXE)]},
    )
    assert response.status_code == 400
    assert "Here is the tool.</textarea>" in response.content.decode()
    assert "“tool.pdf” cannot be attached" in response.context["form"].errors["files"][0]
    assert not Reply.objects.exists()


def test_editing_adds_a_file_and_removes_one(client, world, django_capture_on_commit_callbacks):
    made = attached_thread(world)
    image, document = made.attachments.order_by("name")
    client.force_login(world.member)
    form = client.get(url("thread_edit", made.public_id))
    assert 'enctype="multipart/form-data"' in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("thread_edit", made.public_id), {
            "title": made.title, "body": made.body, "remove": [image.public_id],
            "files": [upload("bells.pdf")],
        })  # fmt: skip
    assert response.status_code == 302
    assert sorted(made.attachments.values_list("name", flat=True)) == ["bells.pdf", "schedule.pdf"]
    assert not default_storage.exists(image.file.name)
    assert default_storage.exists(document.file.name)


def test_editing_a_reply_removes_only_its_own_files(client, world):
    made = attached_thread(world)
    answer = reply(world, made)
    attachments.reply_revise(
        actor=world.facilitator, access=world.access(world.facilitator), reply=answer,
        body=answer.body, files=[upload("answer.pdf")],
    )  # fmt: skip
    client.force_login(world.facilitator)
    opening = made.attachments.filter(reply__isnull=True).first()
    response = client.post(url("reply_edit", made.public_id, answer.public_id),
                           {"body": "Edited.", "remove": [opening.public_id]})  # fmt: skip
    # Not one of the reply's files: not a choice of its form.
    assert response.status_code == 400
    assert made.attachments.count() == 3


def test_editing_cannot_pass_the_limit(world):
    made = attached_thread(world)
    with pytest.raises(DiscussionError, match="at most 5 files; this one would have 6"):
        attachments.thread_revise(
            actor=world.member, access=world.access(world.member), thread=made,
            title=made.title, body=made.body, files=[upload(f"{n}.png") for n in range(4)],
        )  # fmt: skip
    assert made.attachments.count() == 2


def test_only_who_may_edit_changes_the_files(world):
    made = attached_thread(world, user=world.facilitator)
    with pytest.raises(DiscussionError):
        attachments.thread_revise(
            actor=world.member, access=world.access(world.member), thread=made,
            title=made.title, body=made.body, remove=[made.attachments.first().public_id],
        )  # fmt: skip
    assert made.attachments.count() == 2


def test_a_rolled_back_post_leaves_no_file(world, monkeypatch):
    before = stored_files()
    saved = []
    real_save = Attachment.save

    def fail_second(self, *args, **kwargs):
        saved.append(self.file.name)
        if len(saved) == 2:
            raise RuntimeError("the database went away")
        real_save(self, *args, **kwargs)

    monkeypatch.setattr(Attachment, "save", fail_second)
    with pytest.raises(RuntimeError):
        attached_thread(world)
    assert len(saved) == 2 and all(name for name in saved)
    assert stored_files() == before
    assert not Thread.objects.exists()


def test_a_refused_post_writes_nothing(world):
    before = stored_files()
    with pytest.raises(DiscussionError):
        attached_thread(world, files=[upload("a.png")], title="")
    assert stored_files() == before
    assert not Attachment.objects.exists()


def test_thread_page_queries_do_not_grow_with_files(client, world, django_assert_max_num_queries):
    made = attached_thread(world, files=[upload("one.png")])
    first, second = reply(world, made), reply(world, made, body="And another.")
    client.force_login(world.member)
    page = url("thread_detail", made.public_id)
    assert client.get(page).status_code == 200  # starts the read marker
    with django_assert_max_num_queries(18) as one:
        assert client.get(page).status_code == 200
    access = world.access(world.facilitator)
    attachments.thread_revise(
        actor=world.member, access=world.access(world.member), thread=made, title=made.title,
        body=made.body, files=[upload(f"{n}.pdf") for n in range(4)],
    )  # fmt: skip
    for answer in (first, second):
        attachments.reply_revise(actor=world.facilitator, access=access, reply=answer,
                                 body=answer.body, files=[upload("a.png"), upload("b.pdf")],
                                 )  # fmt: skip
    assert made.attachments.count() == 9
    attachments.reply_revise(actor=world.facilitator, access=access, reply=first,
                             body=first.body, files=[upload("c.png")])  # fmt: skip
    assert made.attachments.count() == 10
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(page)
    assert response.content.decode().count("<img ") == 4


def test_attachment_rows_name_their_files_safely(world):
    made = attached_thread(world, files=[upload("../../etc/Pass Wörd.PNG", png_bytes())])
    attachment = made.attachments.get()
    assert attachment.name == "Pass Wörd.PNG"
    assert attachment.file.name.startswith("discussions/")
    assert attachment.file.name.endswith(".png") and ".." not in attachment.file.name


def test_the_service_checks_the_uploader_may_post(world):
    with pytest.raises(DiscussionError):
        attachments.thread_post(
            actor=world.outsider, access=community_access_for(world.outsider, world.public),
            files=[upload("a.png")], kind="discussion", title="Hi", body="Hello",
        )  # fmt: skip
    assert not Attachment.objects.exists()
