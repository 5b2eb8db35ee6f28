"""The demo's discussions: a term of threads in five communities, with answered and
waiting questions, shared resources, quotes, reactions, a pinned welcome and the
teacher's bookmarks."""

import re
from datetime import timedelta

import pytest
from django.db.models import Max
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.accounts.models import User
from staffroom.communities.models import Membership
from staffroom.core import search
from staffroom.demo import content_discussions
from staffroom.demo.discussions import _DiscussionsLoader
from staffroom.demo.loader import demo_load
from staffroom.discussions.models import (
    Bookmark,
    Reaction,
    Reply,
    Thread,
    ThreadModeration,
    ThreadTag,
)
from staffroom.discussions.search import REPLY, THREAD

MODELS = [Thread, Reply, Reaction, Bookmark, ThreadTag, ThreadModeration]
QUESTION = Thread.Kind.QUESTION
LINK = re.compile(r"\]\((https?://[^)]*)\)")


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def _active(user_id: int, community_id: int) -> Membership:
    return Membership.objects.get(
        user_id=user_id, community_id=community_id, status=Membership.Status.ACTIVE
    )


@pytest.mark.django_db
def test_demo_discussions_span_five_communities_and_four_months(demo):
    assert demo is True
    now = timezone.now()
    threads = Thread.objects.all()
    assert 25 <= threads.count() <= 40
    assert threads.count() == len(content_discussions.THREADS)
    assert threads.values("community").distinct().count() == 5
    assert not threads.filter(created_at__lt=now - timedelta(days=125)).exists()
    assert threads.filter(created_at__lt=now - timedelta(days=100)).exists()
    assert threads.filter(created_at__gt=now - timedelta(days=7)).exists()
    assert Reply.objects.count() >= 60
    assert {kind for kind, _label in Thread.Kind.choices} == set(
        threads.values_list("kind", flat=True)
    )
    assert set(Reaction.objects.values_list("kind", flat=True)) == set(Reaction.Kind.values)
    assert ThreadTag.objects.values("name").distinct().count() >= 30
    assert not Reply.objects.filter(created_at__gt=now).exists()
    assert not Reaction.objects.filter(created_at__gt=now).exists()


@pytest.mark.django_db
def test_demo_questions_are_mostly_answered_and_some_wait(demo):
    questions = Thread.objects.filter(kind=QUESTION).select_related("answer")
    answered = [thread for thread in questions if thread.answer_id]
    waiting = [thread for thread in questions if not thread.answer_id]
    assert len(answered) >= 10 and len(waiting) >= 4
    assert len(answered) > len(waiting)
    for thread in answered:
        assert thread.answer.thread_id == thread.pk, thread.title
        assert thread.answer.author_id != thread.author_id, thread.title
    # Some have replies that did not settle it yet, some have no reply at all.
    assert any(thread.reply_count for thread in waiting)
    assert any(not thread.reply_count for thread in waiting)
    assert not Thread.objects.exclude(kind=QUESTION).filter(answer__isnull=False).exists()


@pytest.mark.django_db
def test_demo_every_post_is_by_a_member_who_had_already_joined(demo):
    for thread in Thread.objects.all():
        joined = _active(thread.author_id, thread.community_id).joined_at
        assert joined < thread.created_at, thread.title
    for reply in Reply.objects.select_related("thread"):
        joined = _active(reply.author_id, reply.thread.community_id).joined_at
        assert joined < reply.created_at, reply.body[:40]
        assert reply.thread.created_at < reply.created_at
    for reaction in Reaction.objects.select_related("thread"):
        joined = _active(reaction.user_id, reaction.thread.community_id).joined_at
        assert joined < reaction.created_at


@pytest.mark.django_db
def test_demo_threads_keep_their_counts_and_last_activity(demo):
    latest = dict(Reply.objects.values_list("thread").annotate(last=Max("created_at")))
    for thread in Thread.objects.all():
        assert thread.reply_count == thread.replies.count(), thread.title
        assert thread.last_activity_at == latest.get(thread.pk, thread.created_at), thread.title


@pytest.mark.django_db
def test_demo_no_one_reacts_to_their_own_post(demo):
    for reaction in Reaction.objects.select_related("thread", "reply"):
        post = reaction.reply or reaction.thread
        assert reaction.user_id != post.author_id
        assert post.created_at < reaction.created_at


@pytest.mark.django_db
def test_demo_replies_quote_mention_and_share_home_pages_only(demo):
    quoting = Reply.objects.filter(quoting__isnull=False).select_related("quoting")
    assert quoting.count() >= 5
    for reply in quoting:
        assert reply.quoting.thread_id == reply.thread_id
        assert reply.quoting.created_at < reply.created_at
    assert sum(reply.body.startswith("> ") for reply in quoting) >= 4
    texts = [thread.body for thread in Thread.objects.all()]
    texts += [reply.body for reply in Reply.objects.all()]
    links = [link for text in texts for link in LINK.findall(text)]
    assert len(links) >= 10
    for link in links:
        assert re.fullmatch(r"https://[a-z.]+\.(org|gov|edu)/?", link), link
    assert sum("@" in text for text in texts) >= 5


@pytest.mark.django_db
def test_demo_welcome_is_pinned_and_the_norms_are_locked(demo):
    welcome = Thread.objects.get(community__slug="new-teacher-circle", pinned=True)
    assert welcome.kind == Thread.Kind.ANNOUNCEMENT
    assert _active(welcome.author_id, welcome.community_id).role == Membership.Role.FACILITATOR
    assert welcome.moderations.get().action == ThreadModeration.Action.PIN
    norms = Thread.objects.get(locked=True)
    assert norms.community.slug == "trauma-informed-classrooms"
    assert not norms.takes_replies and not norms.replies.exists()
    assert {m.actor_id for m in ThreadModeration.objects.all()} <= set(
        Membership.objects.filter(role=Membership.Role.FACILITATOR).values_list("user", flat=True)
    )


@pytest.mark.django_db
def test_demo_teacher_bookmarks_threads_in_their_communities(demo):
    teacher = User.objects.get(email="teacher@example.org")
    bookmarks = Bookmark.objects.filter(user=teacher).select_related("thread")
    assert bookmarks.count() >= 3
    assert Bookmark.objects.exclude(user=teacher).count() == 0
    for bookmark in bookmarks:
        assert _active(teacher.pk, bookmark.thread.community_id)
        assert bookmark.thread.created_at < bookmark.created_at < timezone.now()


@pytest.mark.django_db
def test_demo_discussion_pages_render_for_the_teacher(demo):
    teacher = User.objects.get(email="teacher@example.org")
    client = Client()
    client.force_login(teacher)
    mine = Membership.objects.filter(user=teacher, status=Membership.Status.ACTIVE)
    slugs = set(
        Thread.objects.filter(community__in=mine.values("community")).values_list(
            "community__slug", flat=True
        )
    )
    assert slugs == {"trauma-informed-classrooms", "new-teacher-circle", "one-person-science"}
    for slug in slugs:
        page = client.get(reverse("discussions:thread_list", args=[slug]))
        assert page.status_code == 200
        newest = Thread.objects.filter(community__slug=slug).latest("last_activity_at")
        assert newest.title in page.content.decode()
        page = client.get(reverse("discussions:question_list", args=[slug]))
        assert page.status_code == 200
    waiting = Thread.objects.get(title="Keeping up with IEP progress notes")
    page = client.get(reverse("discussions:question_list", args=["new-teacher-circle"]))
    assert waiting.title in page.content.decode()
    answered = Thread.objects.get(title="Old chemicals in the storeroom and no disposal budget")
    page = client.get(
        reverse("discussions:thread_detail", args=["one-person-science", answered.public_id])
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "a free program for schools" in html
    page = client.get(reverse("discussions:tag_detail", args=["one-person-science", "lending"]))
    assert page.status_code == 200 and "Borrowing spring scales" in page.content.decode()
    page = client.get(reverse("discussions:bookmark_list"))
    assert page.status_code == 200
    for bookmark in Bookmark.objects.filter(user=teacher).select_related("thread"):
        assert bookmark.thread.title in page.content.decode()
    # The counselors' threads are private: the teacher is not a member there.
    page = client.get(reverse("discussions:thread_list", args=["rural-school-counselors"]))
    assert page.status_code == 404


@pytest.mark.django_db
def test_demo_threads_and_replies_are_searchable(demo):
    found = search.search("spring scales", scope_ids=None, kinds=[THREAD])
    assert "Borrowing spring scales for a forces unit" in [r.title for r in found.results]
    found = search.search("sand timer", scope_ids=None, kinds=[REPLY])
    assert found.total == 1


@pytest.mark.django_db
def test_demo_discussions_refuse_a_story_told_ahead_or_by_an_outsider(demo):
    users = {user.email: user for user in User.objects.all()}
    loader = _DiscussionsLoader(users, timezone.now())
    spec = dict(content_discussions.THREADS[1], days_ago=0)
    before = _counts()
    with pytest.raises(ValueError, match="after now"):
        loader.load_thread(spec)
    # The teacher is not in the private counselors' community.
    spec = dict(content_discussions.THREADS[1], community="rural-school-counselors")
    spec["by"] = "teacher@example.org"
    with pytest.raises(KeyError):
        loader.load_thread(spec)
    assert _counts() == before


@pytest.mark.django_db
def test_demo_discussions_queue_no_tasks(demo):
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_demo_load_a_second_time_changes_no_discussion(demo):
    before = _counts()
    assert demo_load() is False
    assert _counts() == before
