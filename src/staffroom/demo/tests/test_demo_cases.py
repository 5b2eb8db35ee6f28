"""The demo's cases and polls: every state of a case, the guard at work, cases told
through their sessions, and polls with votes."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.accounts.models import User
from staffroom.cases.guard import case_guard
from staffroom.cases.models import (
    Case,
    CaseAttachment,
    CaseClearance,
    CaseEvent,
    CaseVersion,
    Contribution,
)
from staffroom.cases.search import KIND
from staffroom.communities.access import community_access_for
from staffroom.communities.models import Community
from staffroom.communities.permissions import REVIEW_CASES
from staffroom.core import search
from staffroom.demo.loader import demo_load
from staffroom.evaluation.models import Ballot, Poll, PollOption, PollVoter
from staffroom.meetings.models import Attendance, PresenterSlot, Session

MODELS = [Case, CaseAttachment, CaseClearance, CaseVersion, Contribution, CaseEvent]
MODELS += [Poll, PollOption, PollVoter, Ballot]
State = Case.State


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
    assert states[State.SCHEDULED] >= 1
    assert states[State.PRESENTED] >= 1
    assert states[State.SUMMARIZED] >= 1
    assert states[State.FOLLOWED_UP] >= 2
    assert 12 <= sum(states.values()) <= 20
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
    assert cleared.case.is_shared
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
def test_demo_scheduled_case_holds_a_case_slot_in_an_upcoming_session(demo):
    case = Case.objects.select_related("session").get(state=State.SCHEDULED)
    assert case.session.starts_at > timezone.now()
    assert case.session.status == Session.Status.SCHEDULED
    assert PresenterSlot.objects.filter(
        session=case.session,
        user=case.presenter,
        kind=PresenterSlot.Kind.CASE,
        status=PresenterSlot.Status.CONFIRMED,
    ).exists()
    assert not case.contributions.exists() and not case.versions.exists()


@pytest.mark.django_db
def test_demo_presented_cases_were_answered_in_a_session_held_after_acceptance(demo):
    heard = Case.objects.filter(state__in=Case.PRESENTED_STATES).select_related("session")
    assert len({case.community_id for case in heard}) >= 2
    links = []
    for case in heard:
        session = case.session
        assert session.status == Session.Status.SCHEDULED, case.title
        assert case.decided_at < session.starts_at < session.ends_at == case.presented_at
        scheduled = case.events.get(action=CaseEvent.Action.SCHEDULED)
        assert scheduled.created_at < session.starts_at
        contributions = list(case.contributions.select_related("version"))
        assert 4 <= len(contributions) <= 8, case.title
        kinds = {item.kind for item in contributions}
        assert Contribution.Kind.QUESTION in kinds and len(kinds) >= 3
        authors = {item.author_id for item in contributions}
        assert len(authors) >= 3 and case.presenter_id not in authors
        came = set(
            Attendance.objects.filter(session=session, user__in=authors).values_list(
                "user", flat=True
            )
        )
        assert came == authors, case.title
        assert all(session.starts_at < item.created_at < session.ends_at for item in contributions)
        assert {item.version.number for item in contributions} == {1}
        links += [item.link for item in contributions if item.link]
        assert all(item.kind == Contribution.Kind.RESOURCE for item in contributions if item.link)
    assert links and all(link.startswith("https://") for link in links)


@pytest.mark.django_db
def test_demo_summaries_were_sent_and_two_cases_are_followed_up(demo):
    now = timezone.now()
    presented = Case.objects.get(state=State.PRESENTED)
    assert not presented.summary and presented.summary_sent_at is None
    sent = Case.objects.filter(state__in=[State.SUMMARIZED, State.FOLLOWED_UP])
    for case in sent:
        assert case.summary and case.summary_sent_by
        assert case.presented_at < case.summary_sent_at < now
        assert case.followup_due_at > case.summary_sent_at
    waiting = sent.filter(state=State.SUMMARIZED)
    assert waiting and all(case.followup_due_at > now for case in waiting)
    assert all(case.followed_up_at is None and not case.followup_tried for case in waiting)
    followed = sent.filter(state=State.FOLLOWED_UP)
    assert followed.count() == 2
    for case in followed:
        assert case.followup_tried and case.followup_happened
        assert case.outcome_rating in Case.Outcome.values
        assert case.followup_due_at <= case.followup_reminded_at < case.followed_up_at < now
    # The follow-up is indexed with the case, so "what worked" is found by search.
    found = search.search("three wet labs", scope_ids=None, kinds=[KIND])
    assert [result.title for result in found.results] == ["A lab that turned into chaos"]
    thanked = Contribution.objects.filter(thanked_at__isnull=False)
    assert thanked.count() >= 3
    assert all(item.created_at < item.thanked_at < now for item in thanked)
    assert not CaseEvent.objects.filter(created_at__gt=now).exists()


@pytest.mark.django_db
def test_demo_case_edited_after_the_session_keeps_the_version_the_group_answered(demo):
    case = Case.objects.get(versions__number=2)
    first, second = case.versions.order_by("number")
    assert first.value("tried") != second.value("tried") == case.tried
    assert case.presented_at < second.created_at
    assert case.events.filter(action=CaseEvent.Action.REVISED).exists()
    assert not case.contributions.filter(version=second).exists()


@pytest.mark.django_db
def test_demo_case_pages_show_the_whole_story(demo):
    case = Case.objects.get(state=State.FOLLOWED_UP, versions__number=2)
    client = Client()
    client.force_login(User.objects.get(email="teacher@example.org"))
    page = client.get(reverse("cases:case_detail", args=[case.community.slug, case.public_id]))
    assert page.status_code == 200
    html = page.content.decode()
    for item in case.contributions.all():
        assert item.text.split("(")[0][:40] in html
    assert "Recommendation summary" in html and "folded-page option" in html
    assert case.followup_happened[:40] in html
    assert reverse("cases:case_version", args=[case.community.slug, case.public_id, 1]) in html
    scheduled = Case.objects.select_related("session").get(state=State.SCHEDULED)
    page = client.get(
        reverse(
            "meetings:session_detail",
            args=[scheduled.community.slug, scheduled.session.public_id],
        )
    )
    assert page.status_code == 200
    assert scheduled.title in page.content.decode()


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
