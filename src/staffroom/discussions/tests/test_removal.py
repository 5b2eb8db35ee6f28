"""Deleting threads and replies (``removal``, what the admin's delete runs): the counts,
the answer, the read markers, the files and the search index stay true."""

import pytest
from django.urls import reverse

from staffroom.conftest import make_user
from staffroom.core import search
from staffroom.core.models import SearchEntry
from staffroom.discussions import attachments, removal, services
from staffroom.discussions.models import Attachment, ReadMarker, Reply, Thread
from staffroom.discussions.search import REPLY, THREAD
from staffroom.discussions.services import DiscussionError
from staffroom.discussions.tests.attaching import upload
from staffroom.discussions.tests.factories import question, reply, thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(db):
    return make_user("root@example.org", "Rita Root", is_staff=True, is_superuser=True)


def _found(world, word: str) -> list[tuple[str, str]]:
    page = search.search(word, scope_ids=[world.public.pk])
    return sorted((result.kind, result.object_id) for result in page.results)


def _replies(world, parent, count: int) -> list[Reply]:
    made = []
    for n in range(count):
        made.append(reply(world, parent, body=f"Step {n + 1}: a greenhouse idea"))
    return made


def _marker(user, parent, read_count: int) -> None:
    services.thread_mark_read(user=user, thread=parent, read_count=read_count)


def test_reply_delete_moves_back_only_the_markers_that_counted_it(world, root):
    parent = thread(world)
    first, second, third = _replies(world, parent, 3)
    _marker(world.member, parent, 3)  # had read all three
    _marker(world.facilitator, parent, 2)  # up to the one deleted
    _marker(world.hub_admin, parent, 1)  # not as far
    removal.reply_delete(actor=root, reply=second)
    markers = dict(ReadMarker.objects.filter(thread=parent).values_list("user_id", "read_count"))
    assert markers == {world.member.pk: 2, world.facilitator.pk: 1, world.hub_admin.pk: 1}
    parent.refresh_from_db()
    assert parent.reply_count == 2
    assert list(parent.replies.order_by("created_at")) == [first, third]


def test_reply_delete_of_the_latest_reply_moves_the_activity_back(world, root):
    parent = thread(world)
    first, last = _replies(world, parent, 2)
    removal.reply_delete(actor=root, reply=last)
    parent.refresh_from_db()
    assert parent.last_activity_at == first.created_at
    removal.reply_delete(actor=root, reply=first)
    parent.refresh_from_db()
    assert (parent.reply_count, parent.last_activity_at) == (0, parent.created_at)


def test_reply_delete_of_an_earlier_reply_leaves_the_activity(world, root):
    parent = thread(world)
    first, _last = _replies(world, parent, 2)
    parent.refresh_from_db()
    before = parent.last_activity_at
    removal.reply_delete(actor=root, reply=first)
    parent.refresh_from_db()
    assert parent.last_activity_at == before


def test_reply_delete_unmarks_the_answer_and_unlinks_quotes(world, root):
    asked = question(world)
    answer, other = _replies(world, asked, 2)
    quote = reply(world, asked, body="> Step 1\n\nAgreed.", quoting=answer)
    services.answer_mark(actor=world.member, access=world.access(world.member), thread=asked,
                         reply=answer)  # fmt: skip
    removal.reply_delete(actor=root, reply=answer)
    asked.refresh_from_db()
    quote.refresh_from_db()
    assert asked.answer is None and asked.reply_count == 2
    assert quote.quoting is None and quote.body.endswith("Agreed.")
    removal.reply_delete(actor=root, reply=other)  # not the answer: nothing to unmark
    asked.refresh_from_db()
    assert asked.answer is None and asked.reply_count == 1


def test_reply_delete_takes_it_out_of_search(world, root):
    parent = thread(world, title="Greenhouse club")
    kept, gone = _replies(world, parent, 2)
    removal.reply_delete(actor=root, reply=gone)
    assert _found(world, "greenhouse") == sorted([(THREAD, str(parent.pk)), (REPLY, str(kept.pk))])


def test_thread_delete_takes_everything_in_it_and_its_search_entries(world, root):
    parent = thread(world, title="Greenhouse club")
    _replies(world, parent, 3)
    _marker(world.member, parent, 3)
    other = thread(world, title="Greenhouse budget")
    kept = reply(world, other, body="A greenhouse grant")
    removal.thread_delete(actor=root, thread=parent)
    assert not Thread.objects.filter(pk=parent.pk).exists()
    assert not Reply.objects.filter(thread_id=parent.pk).exists()
    assert not ReadMarker.objects.filter(thread_id=parent.pk).exists()
    assert _found(world, "greenhouse") == sorted([(THREAD, str(other.pk)), (REPLY, str(kept.pk))])
    assert SearchEntry.objects.count() == 2


def test_deleting_removes_the_attached_files_once_committed(
    world, root, django_capture_on_commit_callbacks
):
    access = world.access(world.member)
    parent = attachments.thread_post(
        actor=world.member, access=access, files=[upload("plan.pdf")], kind="discussion",
        title="Plans", body="Our plan",
    )  # fmt: skip
    answered = attachments.reply_post(
        actor=world.member, access=access, thread=parent, body="Photo", files=[upload("a.png")]
    )
    on_reply, on_thread = (Attachment.objects.get(reply=answered),
                           Attachment.objects.get(thread=parent, reply=None))  # fmt: skip
    storage = on_reply.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        removal.reply_delete(actor=root, reply=answered)
    assert not storage.exists(on_reply.file.name) and storage.exists(on_thread.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        removal.thread_delete(actor=root, thread=parent)
    assert not storage.exists(on_thread.file.name)


def test_only_those_allowed_to_delete_posts_may(world):
    parent = thread(world)
    (answer,) = _replies(world, parent, 1)
    for user in (world.facilitator, world.member, world.hub_admin):
        with pytest.raises(DiscussionError):
            removal.reply_delete(actor=user, reply=answer)
        with pytest.raises(DiscussionError):
            removal.thread_delete(actor=user, thread=parent)
    parent.refresh_from_db()
    assert parent.reply_count == 1 and _found(world, "greenhouse") == [(REPLY, str(answer.pk))]


def test_the_admin_delete_of_a_reply_keeps_the_thread_true(client, world, root):
    parent = thread(world)
    first, second = _replies(world, parent, 2)
    _marker(world.member, parent, 2)
    client.force_login(root)
    url = reverse("admin:discussions_reply_delete", args=[second.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"post": "yes"}).status_code == 302
    parent.refresh_from_db()
    assert parent.reply_count == 1 and parent.last_activity_at == first.created_at
    assert ReadMarker.objects.get(thread=parent, user=world.member).read_count == 1
    assert _found(world, "greenhouse") == [(REPLY, str(first.pk))]


def test_the_admin_bulk_delete_goes_through_the_service(client, world, root):
    parent = thread(world, title="Greenhouse club")
    replies = _replies(world, parent, 3)
    other = thread(world, title="Greenhouse budget")
    client.force_login(root)
    changelist = reverse("admin:discussions_reply_changelist")
    chosen = [replies[0].pk, replies[2].pk]
    answer = client.post(changelist, {"action": "delete_selected", "post": "yes",
                                      "_selected_action": chosen})  # fmt: skip
    assert answer.status_code == 302
    parent.refresh_from_db()
    assert parent.reply_count == 1 and parent.last_activity_at == replies[1].created_at
    threads = reverse("admin:discussions_thread_changelist")
    answer = client.post(threads, {"action": "delete_selected", "post": "yes",
                                   "_selected_action": [parent.pk]})  # fmt: skip
    assert answer.status_code == 302
    assert _found(world, "greenhouse") == [(THREAD, str(other.pk))]


def test_the_admin_single_thread_delete_clears_search(client, world, root):
    parent = thread(world, title="Greenhouse club")
    _replies(world, parent, 2)
    client.force_login(root)
    url = reverse("admin:discussions_thread_delete", args=[parent.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Thread.objects.filter(pk=parent.pk).exists()
    assert _found(world, "greenhouse") == []
