"""The demo's cases and polls: every state of a case, the guard at work, and polls
with votes."""

import pytest
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.accounts.models import User
from staffroom.cases.guard import case_guard
from staffroom.cases.models import Case, CaseAttachment, CaseClearance
from staffroom.cases.search import KIND
from staffroom.communities.access import community_access_for
from staffroom.communities.models import Community
from staffroom.communities.permissions import REVIEW_CASES
from staffroom.core import search
from staffroom.demo.loader import demo_load
from staffroom.evaluation.models import Ballot, Poll, PollOption, PollVoter

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MODELS = [Case, CaseAttachment, CaseClearance, Poll, PollOption, PollVoter, Ballot]
State = Case.State


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once for this module, run what it left for commit time, and roll
    it all back afterwards. Media (the attachments) goes to a temporary directory."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        with TestCase.captureOnCommitCallbacks(execute=True):
            loaded = demo_load()
        yield loaded
        transaction.set_rollback(True)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.django_db
def test_demo_cases_cover_every_state(demo):
    assert demo is True
    states = {state: Case.objects.filter(state=state).count() for state in State.values}
    assert states[State.DRAFT] >= 2
    assert states[State.SUBMITTED] >= 2
    assert states[State.RETURNED] >= 1
    assert states[State.ACCEPTED] >= 5
    assert 10 <= sum(states.values()) <= 16
    assert Case.objects.values("community").distinct().count() >= 3
    returned = Case.objects.get(state=State.RETURNED)
    assert returned.return_note and returned.decided_by
    accepted = Case.objects.filter(state=State.ACCEPTED)
    assert all(case.decided_by and case.decided_at > case.submitted_at for case in accepted)
    assert all(case.tag_list and case.grade_band and case.locale for case in accepted)
    assert len({case.locale for case in accepted}) >= 2
    assert len({case.grade_band for case in accepted}) >= 3
    assert not Case.objects.filter(created_at__gt=timezone.now()).exists()


@pytest.mark.django_db
def test_demo_cases_past_the_draft_pass_the_guard(demo):
    for case in Case.objects.exclude(state=State.DRAFT):
        assert case_guard(case).clear, case.title
    cleared = CaseClearance.objects.select_related("case").get()
    assert cleared.case.state == State.ACCEPTED
    assert cleared.text == "Brian" and "novel" in cleared.reason
    assert CaseAttachment.objects.filter(case__state=State.ACCEPTED, text__isnull=False)


@pytest.mark.django_db
def test_demo_teacher_has_an_accepted_case_and_a_draft_the_guard_flags(demo):
    teacher = User.objects.get(email="teacher@example.org")
    mine = Case.objects.filter(presenter=teacher)
    assert mine.filter(state=State.ACCEPTED).count() == 1
    draft = mine.get(state=State.DRAFT)
    categories = {found.finding.category for found in case_guard(draft).unresolved}
    assert {"name", "date"} <= categories


@pytest.mark.django_db
def test_demo_facilitator_has_submitted_cases_waiting(demo):
    facilitator = User.objects.get(email="facilitator@example.org")
    waiting = Case.objects.filter(state=State.SUBMITTED).select_related("community")
    reviewable = [
        case
        for case in waiting
        if community_access_for(facilitator, case.community).has(REVIEW_CASES)
    ]
    assert len(reviewable) >= 2
    client = Client()
    client.force_login(facilitator)
    community = Community.objects.get(slug="trauma-informed-classrooms")
    page = client.get(reverse("cases:case_queue", args=[community.slug]))
    assert page.status_code == 200
    title = waiting.filter(community=community).first().title
    assert title in page.content.decode()


@pytest.mark.django_db
def test_demo_accepted_cases_are_searchable(demo):
    found = search.search("lab groups", scope_ids=None, kinds=[KIND])
    titles = [result.title for result in found.results]
    assert "A seventh grader who shuts down in lab after a move" in titles
    assert search.search("bus ride", scope_ids=None, kinds=[KIND]).total == 0  # returned


@pytest.mark.django_db
def test_demo_polls_have_votes(demo):
    polls = list(Poll.objects.select_related("session", "community"))
    assert len(polls) >= 3
    open_polls = [poll for poll in polls if poll.is_open()]
    tied = [poll for poll in open_polls if poll.session_id]
    assert [poll.community.slug for poll in tied] == ["trauma-informed-classrooms"]
    assert tied[0].session.starts_at > timezone.now()
    assert not PollVoter.objects.filter(poll=tied[0], user__email="teacher@example.org")
    anonymous = [poll for poll in polls if poll.anonymous]
    assert anonymous and all(not poll.is_open() for poll in anonymous)
    assert not Ballot.objects.filter(poll__anonymous=True).exists()
    closed = [poll for poll in polls if not poll.is_open() and not poll.anonymous]
    assert closed
    for poll in polls:
        assert poll.voters.count() >= 5, poll.question
        counted = sum(option.anonymous_votes for option in poll.options.all())
        assert poll.ballots.count() + counted >= poll.voters.count()
    assert not PollVoter.objects.filter(voted_at__gt=timezone.now()).exists()


@pytest.mark.django_db
def test_demo_cases_and_polls_queue_no_tasks(demo):
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_demo_load_a_second_time_changes_no_case_or_poll(demo):
    before = _counts()
    assert demo_load() is False
    assert _counts() == before
