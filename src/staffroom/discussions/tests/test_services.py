"""The discussions services: what they store, and what they refuse."""

import pytest

from staffroom.communities.access import community_access_for
from staffroom.core import search
from staffroom.discussions import services
from staffroom.discussions.models import (
    Bookmark,
    Reaction,
    ReadMarker,
    Revision,
    Thread,
    ThreadModeration,
)
from staffroom.discussions.search import REPLY, THREAD
from staffroom.discussions.services import DiscussionError, tags_parse
from staffroom.discussions.tests.factories import question, reply, thread

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def access(world, user, community=None):
    return community_access_for(user, community or world.public)


def test_tags_parse_takes_hashtags_and_leaves_other_hashes_alone():
    text = "#Reading and #reading; C# (#math) #sci-fi- #1 &#39; https://x.org/page#part [#art]"
    assert tags_parse(text) == ["reading", "math", "sci-fi", "art"]


def test_thread_create_renders_markdown_and_keeps_its_tags(world):
    made = thread(world, title="Mornings #SEL", body="**Bold** idea for #homeroom")
    assert made.body_html == "<p><strong>Bold</strong> idea for #homeroom</p>\n"
    assert sorted(made.tags.values_list("name", flat=True)) == ["homeroom", "sel"]
    assert made.reply_count == 0 and made.author == world.member


def test_script_and_html_in_a_thread_are_inert(world):
    made = thread(world, title=SCRIPT, body=f"{SCRIPT} #<script>")
    assert "<script" not in made.body_html and "<img" not in made.body_html
    assert "&lt;script&gt;" in made.body_html
    assert not made.tags.exists()


def test_a_one_megabyte_body_is_refused_with_the_limit_named(world):
    with pytest.raises(DiscussionError) as refused:
        thread(world, body="a" * 1_048_576)
    assert refused.value.field == "body"
    assert "50,000" in refused.value.message and "1,048,576" in refused.value.message
    assert not Thread.objects.exists()


def test_a_body_of_exactly_the_limit_is_accepted(world):
    assert len(thread(world, body="a" * 50_000).body) == 50_000


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "x" * 201}, "title"),
        ({"title": "   "}, "title"),
        ({"body": " \n "}, "body"),
        ({"body": " ".join(f"#tag{n}" for n in "abcdefghijk")}, "body"),
        ({"kind": "poll"}, "kind"),
    ],
)
def test_thread_create_refuses_bad_input(world, fields, field):
    with pytest.raises(DiscussionError) as refused:
        thread(world, **fields)
    assert refused.value.field == field


def test_only_those_who_moderate_post_announcements(world):
    with pytest.raises(DiscussionError):
        thread(world, kind="announcement")
    assert thread(world, user=world.facilitator, kind="announcement").kind == "announcement"


def test_someone_who_does_not_take_part_cannot_post(world):
    with pytest.raises(DiscussionError):
        thread(world, user=world.outsider)
    with pytest.raises(DiscussionError):
        thread(world, user=world.hub_admin)


def test_reply_create_counts_the_reply_and_moves_the_thread_up(world):
    made = thread(world)
    before = made.last_activity_at
    answer = reply(world, made, body="Try *this*.")
    made.refresh_from_db()
    assert made.reply_count == 1 and made.last_activity_at >= before
    assert answer.body_html == "<p>Try <em>this</em>.</p>\n"


@pytest.mark.parametrize("action", ["lock", "close"])
def test_replying_to_a_locked_or_closed_thread_is_refused(world, action):
    made = thread(world)
    services.thread_moderate(
        actor=world.facilitator, access=access(world, world.facilitator), thread=made, action=action
    )
    with pytest.raises(DiscussionError) as refused:
        reply(world, made)
    assert ("locked" if action == "lock" else "closed") in refused.value.message
    made.refresh_from_db()
    assert made.reply_count == 0


def test_a_reply_quotes_only_a_reply_of_its_own_thread(world):
    first, other = thread(world), thread(world, title="Another")
    quoted = reply(world, first)
    assert reply(world, first, user=world.member, quoting=quoted).quoting == quoted
    with pytest.raises(DiscussionError):
        reply(world, other, quoting=quoted)


def test_thread_edit_keeps_the_earlier_version_and_retags(world):
    made = thread(world, title="Old title", body="Old #words")
    services.thread_edit(
        actor=world.member,
        access=access(world, world.member),
        thread=made,
        title="New title",
        body="New #ideas",
    )
    made.refresh_from_db()
    revision = Revision.objects.get()
    assert (revision.title, revision.body, revision.reply) == ("Old title", "Old #words", None)
    assert revision.edited_by == world.member and made.edited_at is not None
    assert list(made.tags.values_list("name", flat=True)) == ["ideas"]


def test_an_edit_that_changes_nothing_leaves_no_history(world):
    made = thread(world)
    services.thread_edit(
        actor=world.member,
        access=access(world, world.member),
        thread=made,
        title=made.title,
        body=made.body,
    )
    assert not Revision.objects.exists()


def test_only_the_author_or_a_moderator_edits(world):
    made = thread(world, user=world.facilitator)
    with pytest.raises(DiscussionError):
        services.thread_edit(
            actor=world.member,
            access=access(world, world.member),
            thread=made,
            title="Mine now",
            body="Mine",
        )
    mine = thread(world)
    services.thread_edit(
        actor=world.hub_admin,
        access=access(world, world.hub_admin),
        thread=mine,
        title="Tidied",
        body=mine.body,
    )
    assert Thread.objects.get(pk=mine.pk).title == "Tidied"


def test_a_locked_thread_cannot_be_edited_by_its_author(world):
    made = thread(world)
    made = services.thread_moderate(
        actor=world.facilitator, access=access(world, world.facilitator), thread=made, action="lock"
    )
    with pytest.raises(DiscussionError):
        services.thread_edit(
            actor=world.member, access=access(world, world.member), thread=made, title="x", body="y"
        )


def test_reply_edit_keeps_the_earlier_version(world):
    made = reply(world, thread(world), user=world.member, body="First try")
    services.reply_edit(
        actor=world.member, access=access(world, world.member), reply=made, body="Second try"
    )
    made.refresh_from_db()
    assert made.body == "Second try" and made.edited_at is not None
    assert Revision.objects.get(reply=made).body == "First try"
    with pytest.raises(DiscussionError):
        services.reply_edit(
            actor=world.outsider, access=access(world, world.outsider), reply=made, body="Vandal"
        )


def test_a_reaction_is_given_once_and_taken_back(world):
    made = thread(world)
    facilitator = access(world, world.facilitator)
    toggle = dict(actor=world.facilitator, access=facilitator, thread=made, reply=None)
    assert services.reaction_toggle(**toggle, kind="helpful") is True
    assert services.reaction_toggle(**toggle, kind="thanks") is True
    assert Reaction.objects.count() == 2
    assert services.reaction_toggle(**toggle, kind="helpful") is False
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["thanks"]


def test_reactions_refused_on_ones_own_post_and_for_unknown_kinds(world):
    made = thread(world)
    their_reply = reply(world, made)
    member = access(world, world.member)
    with pytest.raises(DiscussionError):
        services.reaction_toggle(
            actor=world.member, access=member, thread=made, reply=None, kind="helpful"
        )
    with pytest.raises(DiscussionError):
        services.reaction_toggle(
            actor=world.member, access=member, thread=made, reply=their_reply, kind="love"
        )
    with pytest.raises(DiscussionError):
        services.reaction_toggle(
            actor=world.member,
            access=member,
            thread=thread(world),
            reply=their_reply,
            kind="helpful",
        )
    assert not Reaction.objects.exists()


def test_bookmark_toggle(world):
    made = thread(world)
    member = access(world, world.member)
    assert services.bookmark_toggle(actor=world.member, access=member, thread=made) is True
    assert Bookmark.objects.filter(user=world.member, thread=made).exists()
    assert services.bookmark_toggle(actor=world.member, access=member, thread=made) is False
    assert not Bookmark.objects.exists()


def test_the_asker_or_a_facilitator_marks_the_answer(world):
    asked = question(world)
    answer = reply(world, asked)
    services.answer_mark(
        actor=world.member, access=access(world, world.member), thread=asked, reply=answer
    )
    assert Thread.objects.get(pk=asked.pk).answer == answer
    services.answer_mark(
        actor=world.facilitator, access=access(world, world.facilitator), thread=asked, reply=None
    )
    assert Thread.objects.get(pk=asked.pk).answer is None


def test_marking_an_answer_is_refused_to_others_and_off_questions(world):
    asked = question(world, user=world.facilitator)
    answer = reply(world, asked)
    with pytest.raises(DiscussionError):
        services.answer_mark(
            actor=world.member, access=access(world, world.member), thread=asked, reply=answer
        )
    chat = thread(world)
    with pytest.raises(DiscussionError):
        services.answer_mark(
            actor=world.member,
            access=access(world, world.member),
            thread=chat,
            reply=reply(world, chat),
        )
    mine = question(world)
    with pytest.raises(DiscussionError):
        services.answer_mark(
            actor=world.member, access=access(world, world.member), thread=mine, reply=answer
        )
    assert not Thread.objects.filter(answer__isnull=False).exists()


def test_only_those_who_moderate_pin_lock_and_close(world):
    made = thread(world)
    with pytest.raises(DiscussionError):
        services.thread_moderate(
            actor=world.member, access=access(world, world.member), thread=made, action="pin"
        )
    facilitator = access(world, world.facilitator)
    for action in ("pin", "lock", "close"):
        made = services.thread_moderate(
            actor=world.facilitator, access=facilitator, thread=made, action=action
        )
    assert (made.pinned, made.locked, made.closed) == (True, True, True)
    logged = ThreadModeration.objects.filter(thread=made, actor=world.facilitator)
    assert sorted(logged.values_list("action", flat=True)) == ["close", "lock", "pin"]
    with pytest.raises(DiscussionError):
        services.thread_moderate(
            actor=world.facilitator, access=facilitator, thread=made, action="delete"
        )


def test_the_read_marker_never_moves_back(world):
    made = thread(world)
    services.thread_mark_read(user=world.member, thread=made, read_count=30)
    services.thread_mark_read(user=world.member, thread=made, read_count=5)
    assert ReadMarker.objects.get(user=world.member, thread=made).read_count == 30
    services.thread_mark_read(user=world.member, thread=made, read_count=31)
    assert ReadMarker.objects.get(user=world.member, thread=made).read_count == 31


def test_threads_and_replies_are_found_by_search_and_follow_edits(world):
    made = thread(world, title="Seed germination #science", body="Beans in wet paper towels")
    answered = reply(world, made, body="Radish seeds sprout in two days")
    scope = [world.public.pk]
    assert [r.kind for r in search.search("beans", scope_ids=scope).results] == [THREAD]
    assert [r.kind for r in search.search("radish", scope_ids=scope).results] == [REPLY]
    assert search.search("radish", scope_ids=[world.private.pk]).total == 0
    services.thread_edit(
        actor=world.member,
        access=access(world, world.member),
        thread=made,
        title="Sprouting lentils",
        body=made.body,
    )
    found = search.search("lentils", scope_ids=scope).results
    assert {r.kind for r in found} == {THREAD, REPLY}
    assert any(r.object_id == str(answered.pk) for r in found)
    assert search.search("germination", scope_ids=scope).total == 0


def test_search_rebuild_indexes_every_thread_and_reply(world):
    made = thread(world, title="Rebuilt #index")
    reply(world, made, body="Found again")
    reply(world, made, body="And again")
    assert search.rebuild([THREAD, REPLY]) == {THREAD: 1, REPLY: 2}
    assert search.search("found", scope_ids=[world.public.pk]).total == 1
    assert search.search("index", scope_ids=[world.public.pk], tag="index").total == 1


def edited(world, made, body="Said better."):
    """``made`` after its author edited it: one earlier version in the history."""
    return services.thread_edit(
        actor=world.member, access=access(world, world.member), thread=made,
        title=made.title, body=body,
    )  # fmt: skip


def test_a_facilitator_hides_an_earlier_version_for_good_and_it_is_recorded(world):
    made = edited(world, thread(world, title="Mornings #sel", body="Call Ann on 555-0100"))
    earlier = made.revisions.get()
    hidden = services.revision_hide(
        actor=world.facilitator, access=access(world, world.facilitator), thread=made,
        revision=earlier,
    )  # fmt: skip
    hidden.refresh_from_db()
    assert (hidden.title, hidden.body, hidden.body_html) == ("", "", "")
    assert hidden.hidden_by == world.facilitator and hidden.hidden_at is not None
    recorded = ThreadModeration.objects.get()
    assert (recorded.thread, recorded.actor, recorded.action) == (made, world.facilitator, "hide")
    # Hiding it again changes nothing and records nothing more.
    services.revision_hide(
        actor=world.hub_admin, access=access(world, world.hub_admin), thread=made, revision=hidden
    )
    hidden.refresh_from_db()
    assert hidden.hidden_by == world.facilitator and ThreadModeration.objects.count() == 1


def test_only_those_who_moderate_hide_and_only_a_version_of_this_thread(world):
    made = edited(world, thread(world))
    earlier = made.revisions.get()
    with pytest.raises(DiscussionError):
        services.revision_hide(
            actor=world.member, access=access(world, world.member), thread=made, revision=earlier
        )
    other = thread(world, title="Another")
    with pytest.raises(DiscussionError):
        services.revision_hide(
            actor=world.facilitator, access=access(world, world.facilitator), thread=other,
            revision=earlier,
        )  # fmt: skip
    earlier.refresh_from_db()
    assert earlier.hidden_at is None and earlier.body == made.revisions.get().body != ""
    assert not ThreadModeration.objects.exists()


def test_the_moderation_form_does_not_hide(world):
    from staffroom.discussions.forms import ModerateForm

    assert not ModerateForm({"action": "hide"}).is_valid()
    with pytest.raises(DiscussionError):
        services.thread_moderate(
            actor=world.facilitator, access=access(world, world.facilitator),
            thread=thread(world), action="hide",
        )  # fmt: skip


def test_a_locked_threads_replies_cannot_be_edited_by_their_authors(world):
    made = thread(world)
    mine = reply(world, made, user=world.member, body="Mine")
    services.thread_moderate(
        actor=world.facilitator, access=access(world, world.facilitator), thread=made, action="lock"
    )
    with pytest.raises(DiscussionError) as refused:
        services.reply_edit(
            actor=world.member, access=access(world, world.member), reply=mine, body="Changed"
        )
    assert "locked" in refused.value.message
    services.reply_edit(
        actor=world.facilitator, access=access(world, world.facilitator), reply=mine, body="Tidy"
    )
    mine.refresh_from_db()
    assert mine.body == "Tidy"


def test_someone_who_left_a_public_community_still_removes_their_bookmark(world):
    from staffroom.communities import services as community_services

    made = thread(world)
    services.bookmark_toggle(actor=world.member, access=access(world, world.member), thread=made)
    community_services.membership_leave(actor=world.member, access=access(world, world.member))
    reader = access(world, world.member)
    assert not reader.has("participate") and reader.has("read")
    assert services.bookmark_toggle(actor=world.member, access=reader, thread=made) is False
    assert not Bookmark.objects.exists()
    assert services.bookmark_toggle(actor=world.member, access=reader, thread=made) is True


def test_an_anonymous_reader_cannot_bookmark(world):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    with pytest.raises(DiscussionError):
        services.bookmark_toggle(
            actor=anonymous, access=access(world, anonymous), thread=thread(world)
        )
    assert not Bookmark.objects.exists()


def test_the_length_limit_is_written_the_readers_way(world):
    from django.utils import translation

    with translation.override("es"), pytest.raises(DiscussionError) as refused:
        thread(world, body="a" * 1_048_576)
    # Spanish groups thousands with a no-break space (Django's "es" formats).
    assert "50\xa0000" in refused.value.message and "1\xa0048\xa0576" in refused.value.message


def test_renaming_a_thread_retitles_its_replies_at_a_cost_that_does_not_grow(
    world, django_assert_max_num_queries
):
    made = thread(world, title="Seed germination")
    replies = [reply(world, made, body=f"Radish {n}") for n in range(3)]

    def rename(title):
        nonlocal made
        with django_assert_max_num_queries(limit) as counted:
            made = services.thread_edit(
                actor=world.member, access=access(world, world.member), thread=made,
                title=title, body=made.body,
            )  # fmt: skip
        return len(counted.captured_queries)

    limit = 30
    few = rename("Sprouting lentils")
    replies += [reply(world, made, body=f"Radish {n}") for n in range(3, 40)]
    limit = few
    rename("Growing beans")
    scope = [world.public.pk]
    found = search.search("beans radish", scope_ids=scope, limit=100).results
    assert {r.object_id for r in found} == {str(r.pk) for r in replies}
    assert {r.title for r in found} == {"Growing beans"}
    assert search.search("lentils", scope_ids=scope).total == 0
