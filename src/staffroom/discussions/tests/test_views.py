"""The discussions pages: lists, a thread with its replies, the forms and actions."""

import pytest
from django.urls import reverse

from staffroom.communities import services as community_services
from staffroom.communities.access import community_access_for
from staffroom.discussions import services
from staffroom.discussions.models import Bookmark, Reaction, Reply, Thread
from staffroom.discussions.tests.factories import question, reply, thread

pytestmark = pytest.mark.django_db

SLUG = "open-science"


def url(name, *args, slug=SLUG):
    return reverse(f"discussions:{name}", args=[slug, *args])


def moderate(world, made, action):
    return services.thread_moderate(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, made.community),
        thread=made,
        action=action,
    )


def titles(response) -> list[str]:
    return [thread.title for thread in response.context["page"]]


def test_latest_threads_pinned_first_then_latest_activity(client, world):
    old = thread(world, title="Old but pinned")
    quiet = thread(world, title="Quiet")
    busy = thread(world, title="Busy")
    reply(world, quiet)
    moderate(world, old, "pin")
    response = client.get(url("thread_list"))
    assert response.status_code == 200
    assert titles(response) == ["Old but pinned", "Quiet", "Busy"]
    assert busy.title in response.content.decode()
    assert f'href="{url("tag_detail", "homeroom")}"' in response.content.decode()


def test_the_thread_list_is_paginated(client, world):
    for n in range(27):
        thread(world, title=f"Thread {n}")
    assert len(client.get(url("thread_list")).context["page"]) == 25
    assert titles(client.get(url("thread_list"), {"page": 2})) == ["Thread 1", "Thread 0"]


def test_list_queries_are_bounded_and_do_not_grow(client, world, django_assert_max_num_queries):
    thread(world)
    client.force_login(world.member)
    with django_assert_max_num_queries(11) as one:
        assert client.get(url("thread_list")).status_code == 200
    for n in range(19):
        thread(world, title=f"More {n} #extra")
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(url("thread_list"))
    assert len(response.context["page"]) == 20


def test_unanswered_lists_open_questions_without_an_answer(client, world):
    waiting = question(world, title="Still waiting")
    answered = question(world, title="Answered")
    services.answer_mark(
        actor=world.member,
        access=world.access(world.member),
        thread=answered,
        reply=reply(world, answered),
    )
    moderate(world, question(world, title="Closed"), "close")
    thread(world, title="Just talk")
    response = client.get(url("question_list"))
    assert titles(response) == [waiting.title]


def test_tag_page_lists_the_tagged_threads_of_this_community_only(client, world):
    thread(world, title="Phonics #Reading")
    thread(world, title="Fractions #math")
    thread(world, world.private, title="Private #reading")
    response = client.get(url("tag_detail", "reading"))
    assert response.status_code == 200 and titles(response) == ["Phonics #Reading"]
    assert "<h1>#reading</h1>" in response.content.decode()
    assert client.get(url("tag_detail", "<script>")).status_code == 404


def test_new_thread_keeps_the_text_and_names_the_limit(client, world):
    client.force_login(world.member)
    response = client.post(
        url("thread_create"), {"kind": "discussion", "title": "Too long", "body": "x" * 1_048_576}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 50,000 characters" in html and 'value="Too long"' in html
    assert not Thread.objects.exists()


def test_a_member_cannot_post_an_announcement(client, world):
    client.force_login(world.member)
    form = client.get(url("thread_create")).content.decode()
    assert 'value="announcement"' not in form
    data = {"kind": "announcement", "title": "Hear ye", "body": "Hear ye."}
    assert client.post(url("thread_create"), data).status_code == 400
    client.force_login(world.facilitator)
    response = client.post(url("thread_create"), data)
    made = Thread.objects.get()
    assert made.kind == "announcement"
    assert response["Location"] == url("thread_detail", made.public_id)


def test_script_in_a_thread_is_shown_as_text(client, world):
    made = thread(
        world,
        title="<script>alert(1)</script>",
        body="<script>alert(2)</script> <b onmouseover=x>hi</b>",
    )
    html = client.get(url("thread_detail", made.public_id)).content.decode()
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_replies_are_paginated_with_a_link_to_the_first_unread(client, world):
    made = thread(world)
    for n in range(27):
        reply(world, made, body=f"Reply number {n}")
    client.force_login(world.member)
    first = client.get(url("thread_detail", made.public_id))
    assert "Reply number 24" in first.content.decode()
    assert "Reply number 25" not in first.content.decode()
    assert "first-unread" not in first.content.decode()  # never opened before
    again = client.get(url("thread_detail", made.public_id)).content.decode()
    assert 'href="?page=2#first-unread"' in again
    second = client.get(url("thread_detail", made.public_id), {"page": 2}).content.decode()
    assert 'id="first-unread"' in second
    assert second.index('id="first-unread"') < second.index("Reply number 25")
    # Everything read: no link any more, until someone replies.
    assert "#first-unread" not in client.get(url("thread_detail", made.public_id)).content.decode()
    reply(world, made, body="Late news")
    assert (
        'href="?page=2#first-unread"'
        in client.get(url("thread_detail", made.public_id)).content.decode()
    )


def test_thread_page_queries_are_bounded_and_do_not_grow(
    client, world, django_assert_max_num_queries
):
    made = question(world, user=world.facilitator)
    first = reply(world, made, user=world.member)
    services.reaction_toggle(
        actor=world.facilitator,
        access=world.access(world.facilitator),
        thread=made,
        reply=first,
        kind="helpful",
    )
    client.force_login(world.member)
    page = url("thread_detail", made.public_id)
    # The first visit starts the read marker (get_or_create costs more); the second,
    # one reply later, moves it like the visit with 20 more replies: those two compare.
    assert client.get(page).status_code == 200
    reply(world, made, body="One more", quoting=first)
    with django_assert_max_num_queries(20) as one:
        assert client.get(page).status_code == 200
    for n in range(19):
        made_reply = reply(world, made, body=f"More {n}", quoting=first)
        services.reaction_toggle(
            actor=world.member,
            access=world.access(world.member),
            thread=made,
            reply=made_reply,
            kind="thanks",
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(page)
    assert len(response.context["replies"]) == 21


def test_reply_with_a_quote(client, world):
    made = thread(world)
    quoted = reply(world, made, body="Line one\nLine two")
    client.force_login(world.member)
    form = client.get(url("reply_create", made.public_id), {"quote": quoted.public_id})
    assert form.status_code == 200
    assert "&gt; Line one\n&gt; Line two" in form.content.decode()
    response = client.post(
        url("reply_create", made.public_id),
        {"body": "> Line one\n\nAgreed.", "quote": quoted.public_id},
    )
    mine = Reply.objects.get(author=world.member)
    assert mine.quoting == quoted
    assert response["Location"] == url("reply_detail", made.public_id, mine.public_id)
    page = client.get(response["Location"], follow=True)
    assert "In reply to Fran Facilitator" in page.content.decode()
    other = thread(world, title="Other")
    assert (
        client.get(url("reply_create", other.public_id), {"quote": quoted.public_id}).status_code
        == 404
    )


def test_reply_detail_leads_to_the_page_that_holds_the_reply(client, world):
    made = thread(world)
    replies = [reply(world, made, body=f"n{n}") for n in range(26)]
    response = client.get(url("reply_detail", made.public_id, replies[25].public_id))
    expected = f"{url('thread_detail', made.public_id)}?page=2#r-{replies[25].public_id}"
    assert response.status_code == 302 and response["Location"] == expected


def test_replying_to_a_locked_thread_is_refused_and_keeps_the_text(client, world):
    made = thread(world)
    moderate(world, made, "lock")
    client.force_login(world.member)
    response = client.post(url("reply_create", made.public_id), {"body": "But wait!"})
    assert response.status_code == 400
    assert "locked" in response.content.decode() and "But wait!" in response.content.decode()
    assert not Reply.objects.exists()
    assert client.get(url("reply_create", made.public_id)).status_code == 302
    assert (
        "takes no more replies" in client.get(url("thread_detail", made.public_id)).content.decode()
    )


def test_an_edit_is_marked_and_its_history_visible(client, world):
    made = thread(world, body="First words")
    client.force_login(world.member)
    response = client.post(
        url("thread_edit", made.public_id), {"title": made.title, "body": "Second words"}
    )
    assert response.status_code == 302
    client.logout()
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert f'href="{url("thread_history", made.public_id)}">edited' in page
    history = client.get(url("thread_history", made.public_id)).content.decode()
    assert "Second words" in history and "First words" in history and "Mo Member" in history


def test_reply_edit_refuses_an_empty_body_and_keeps_the_history(client, world):
    mine = reply(world, thread(world), user=world.member, body="Original")
    client.force_login(world.member)
    edit = url("reply_edit", mine.thread.public_id, mine.public_id)
    assert client.post(edit, {"body": "   "}).status_code == 400
    assert client.post(edit, {"body": "Better"}).status_code == 302
    history = client.get(url("reply_history", mine.thread.public_id, mine.public_id))
    assert "Original" in history.content.decode() and "Better" in history.content.decode()


def test_react_and_take_it_back(client, world):
    made = thread(world, user=world.facilitator)
    client.force_login(world.member)
    react = url("reaction_toggle", made.public_id)
    assert client.post(react, {"kind": "helpful"}).status_code == 302
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert 'value="helpful" aria-pressed="true">Helpful <span class="badge">1</span>' in page
    client.post(react, {"kind": "helpful"})
    assert not Reaction.objects.exists()
    assert client.post(react, {"kind": "love"}).status_code == 302
    assert not Reaction.objects.exists()


def test_bookmarks_are_listed_while_the_thread_can_be_read(client, world):
    public, private = (
        thread(world, title="Open one"),
        thread(world, world.private, title="Shut one"),
    )
    client.force_login(world.member)
    for made in (public, private):
        client.post(url("bookmark_toggle", made.public_id, slug=made.community.slug))
    assert Bookmark.objects.count() == 2
    listed = [
        b.thread.title for b in client.get(reverse("discussions:bookmark_list")).context["page"]
    ]
    assert listed == ["Shut one", "Open one"]
    community_services.membership_leave(
        actor=world.member, access=world.access(world.member, world.private)
    )
    listed = [
        b.thread.title for b in client.get(reverse("discussions:bookmark_list")).context["page"]
    ]
    assert listed == ["Open one"]


def test_the_asker_marks_the_answer_and_others_may_not(client, world):
    asked = question(world)
    answer = reply(world, asked)
    client.force_login(world.outsider)
    assert (
        client.post(url("answer_mark", asked.public_id), {"reply": answer.public_id}).status_code
        == 403
    )
    client.force_login(world.member)
    client.post(url("answer_mark", asked.public_id), {"reply": answer.public_id})
    asked.refresh_from_db()
    assert asked.answer == answer
    page = client.get(url("thread_detail", asked.public_id)).content.decode()
    assert "Marked as the answer: the reply by Fran Facilitator." in page
    other = question(world, user=world.facilitator)
    assert client.post(url("answer_mark", other.public_id), {"reply": ""}).status_code == 403


def test_a_facilitator_pins_locks_and_closes(client, world):
    made = thread(world)
    client.force_login(world.facilitator)
    for action in ("pin", "lock", "close"):
        assert (
            client.post(url("thread_moderate", made.public_id), {"action": action}).status_code
            == 302
        )
    made.refresh_from_db()
    assert made.pinned and made.locked and made.closed
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert "Pinned by Fran Facilitator" in page and "Closed by Fran Facilitator" in page
    client.force_login(world.member)
    assert (
        client.post(url("thread_moderate", made.public_id), {"action": "unpin"}).status_code == 403
    )


def test_the_community_home_links_the_discussions(client, world):
    home = reverse("communities:community_detail", args=[SLUG])
    client.force_login(world.member)
    page = client.get(home).content.decode()
    assert f'href="{url("thread_list")}"' in page and f'href="{url("thread_create")}"' in page
    client.logout()
    page = client.get(home).content.decode()
    assert f'href="{url("thread_list")}"' in page and f'href="{url("thread_create")}"' not in page
    private = reverse("communities:community_detail", args=["rural-counselors"])
    assert 'id="discussions-home"' not in client.get(private).content.decode()


def test_a_long_history_is_paginated(client, world):
    made = thread(world, body="Version 0")
    for n in range(1, 28):
        services.thread_edit(
            actor=world.member, access=world.access(world.member), thread=made,
            title=made.title, body=f"Version {n}",
        )  # fmt: skip
    first = client.get(url("thread_history", made.public_id))
    assert len(first.context["page"]) == 25 and "Version 0" not in first.content.decode()
    second = client.get(url("thread_history", made.public_id), {"page": 2}).content.decode()
    assert "Version 0" in second and "Version 1<" in second


def test_a_facilitator_hides_an_earlier_version_from_the_history(client, world):
    made = thread(world, body="Call Ann on 555-0100")
    services.thread_edit(
        actor=world.member, access=world.access(world.member), thread=made,
        title=made.title, body="Call the office",
    )  # fmt: skip
    earlier = made.revisions.get()
    history = url("thread_history", made.public_id)
    hide = url("revision_hide", made.public_id, earlier.pk)
    client.force_login(world.member)
    assert f'action="{hide}"' not in client.get(history).content.decode()
    assert client.post(hide).status_code == 403
    client.force_login(world.facilitator)
    assert f'action="{hide}"' in client.get(history).content.decode()
    response = client.post(hide)
    assert response.status_code == 302 and response["Location"] == history
    client.logout()
    page = client.get(history).content.decode()
    assert "555-0100" not in page and "hidden by a facilitator" in page
    assert "Call the office" in page and f'action="{hide}"' not in page
    client.force_login(world.facilitator)
    thread_page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert "Earlier version hidden by Fran Facilitator" in thread_page


def test_hiding_a_replys_earlier_version_returns_to_the_replys_history(client, world):
    mine = reply(world, thread(world), user=world.member, body="Oops, private")
    services.reply_edit(
        actor=world.member, access=world.access(world.member), reply=mine, body="Fixed"
    )
    earlier = mine.revisions.get()
    client.force_login(world.facilitator)
    response = client.post(url("revision_hide", mine.thread.public_id, earlier.pk))
    history = url("reply_history", mine.thread.public_id, mine.public_id)
    assert response["Location"] == history
    assert "Oops, private" not in client.get(history).content.decode()
    other = thread(world, title="Elsewhere")
    assert client.post(url("revision_hide", other.public_id, earlier.pk)).status_code == 404


def test_the_admin_cannot_change_what_the_services_own(admin_client, world):
    made = thread(world)
    mine = reply(world, made, user=world.member)
    change = reverse("admin:discussions_thread_change", args=[made.pk])
    html = admin_client.get(change).content.decode()
    for field in ("community", "title", "body", "answer", "reply_count"):
        assert f'name="{field}"' not in html
    assert 'name="replies-0-body"' not in html
    html = admin_client.get(reverse("admin:discussions_reply_change", args=[mine.pk])).content
    assert b'name="thread"' not in html and b'name="body"' not in html
    admin_client.post(change, {"title": "Renamed", "body": "Rewritten", "author": world.member.pk})
    made.refresh_from_db()
    assert (made.title, made.body) == ("How do you start the morning?", made.body)
    assert made.body.startswith("My #homeroom")


def test_someone_who_left_keeps_the_button_to_remove_their_bookmark(client, world):
    made = thread(world)
    client.force_login(world.member)
    client.post(url("bookmark_toggle", made.public_id))
    community_services.membership_leave(actor=world.member, access=world.access(world.member))
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert "Remove the bookmark" in page
    assert client.post(url("bookmark_toggle", made.public_id)).status_code == 302
    assert not Bookmark.objects.exists()
    client.logout()
    response = client.post(url("bookmark_toggle", made.public_id))
    assert response.status_code == 302 and "login" in response["Location"]
    assert (
        "Bookmark</button>" not in client.get(url("thread_detail", made.public_id)).content.decode()
    )


def test_reading_a_later_page_first_leaves_the_skipped_pages_unread(client, world):
    made = thread(world)
    for n in range(60):
        reply(world, made, body=f"Reply number {n}")
    client.force_login(world.member)
    client.get(url("thread_detail", made.public_id))  # replies 1-25
    client.get(url("thread_detail", made.public_id), {"page": 3})  # 51-60: 26-50 skipped
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert 'href="?page=2#first-unread"' in page
    client.get(url("thread_detail", made.public_id), {"page": 2})  # 26-50, then on
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert 'href="?page=3#first-unread"' in page


def test_edit_links_show_only_where_an_edit_can_be_saved(client, world):
    made = thread(world)
    mine = reply(world, made, user=world.member)
    edit_thread = url("thread_edit", made.public_id)
    edit_reply = url("reply_edit", made.public_id, mine.public_id)
    client.force_login(world.member)
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert edit_thread in page and edit_reply in page
    moderate(world, made, "lock")
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert edit_thread not in page and edit_reply not in page
    assert client.get(edit_thread).status_code == 403
    assert client.get(edit_reply).status_code == 403
    client.force_login(world.facilitator)
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert edit_thread in page and edit_reply in page


def test_a_facilitator_editing_someone_elses_reply_is_not_told_it_is_theirs(client, world):
    mine = reply(world, thread(world), user=world.member)
    edit = url("reply_edit", mine.thread.public_id, mine.public_id)
    client.force_login(world.facilitator)
    assert "<title>Edit the reply ·" in client.get(edit).content.decode()
    client.force_login(world.member)
    assert "<title>Edit your reply ·" in client.get(edit).content.decode()


def test_an_empty_unanswered_list_says_no_question_is_waiting(client, world):
    page = client.get(url("question_list")).content.decode()
    assert "No open questions are waiting for an answer." in page


@pytest.mark.parametrize("name", ["thread_create", "thread_edit", "reply_edit"])
def test_an_empty_post_comes_back_with_the_errors(client, world, name):
    made = thread(world)
    mine = reply(world, made, user=world.member)
    args = {"thread_create": [], "thread_edit": [made.public_id],
            "reply_edit": [made.public_id, mine.public_id]}[name]  # fmt: skip
    client.force_login(world.member)
    response = client.post(url(name, *args), {})
    assert response.status_code == 400
    assert response.context["form"].errors
    assert "This field is required." in response.content.decode()
