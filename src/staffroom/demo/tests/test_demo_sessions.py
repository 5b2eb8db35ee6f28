"""The demo's sessions: three series with a term of history and a few weeks to come."""

from datetime import timedelta

import pytest
from django.db.models import Count, F, Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.accounts.models import User
from staffroom.communities.models import Membership
from staffroom.demo import content_sessions
from staffroom.demo.loader import demo_load
from staffroom.evaluation.feedback_overview import feedback_overview, past_session_list
from staffroom.evaluation.models import SessionFeedback
from staffroom.meetings import credit
from staffroom.meetings.models import (
    Attendance,
    AttendanceChange,
    Material,
    PresenterSlot,
    Registration,
    Series,
    Session,
)

MEETINGS_MODELS = [Series, Session, Registration, Attendance, AttendanceChange, SessionFeedback]
MEETINGS_MODELS += [Material, PresenterSlot]
SCHEDULED = Session.Status.SCHEDULED
REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED


def _settled():
    """Sessions that ended long enough ago for their story to be complete (the
    recording comes within a day, reports by phone and feedback within a few)."""
    return Session.objects.filter(status=SCHEDULED, ends_at__lt=timezone.now() - timedelta(days=4))


def _past(series: Series):
    return _settled().filter(series=series)


def _upcoming(series: Series):
    return series.sessions.filter(status=SCHEDULED, starts_at__gte=timezone.now())


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MEETINGS_MODELS}


@pytest.mark.django_db
def test_demo_has_two_weekly_series_and_a_monthly_one(demo):
    assert demo is True
    series = list(Series.objects.select_related("community", "created_by"))
    rules = sorted(s.rrule.split(";")[0] for s in series)
    assert rules == ["FREQ=MONTHLY", "FREQ=WEEKLY", "FREQ=WEEKLY"]
    assert {s.community.slug for s in series} == {
        spec["community"] for spec in content_sessions.SERIES
    }
    assert all(s.description_html and s.meeting_url.startswith("https://") for s in series)
    run_by_facilitator = [
        s
        for s in series
        if s.rrule.startswith("FREQ=WEEKLY") and s.created_by.email == "facilitator@example.org"
    ]
    assert run_by_facilitator
    assert Membership.objects.filter(
        community=run_by_facilitator[0].community,
        user__email="facilitator@example.org",
        role=Membership.Role.FACILITATOR,
        status=Membership.Status.ACTIVE,
    ).exists()
    today = timezone.localdate()
    for s in series:
        weeks_back = (today - s.first_date).days / 7
        assert 11 <= weeks_back <= 16, s.title


@pytest.mark.django_db
def test_demo_past_sessions_have_attendance_materials_recordings_and_feedback(demo):
    for series in Series.objects.all():
        past = _past(series).annotate(
            people=Count("attendance", distinct=True), answers=Count("feedback", distinct=True)
        )
        assert past.count() >= 3, series.title
        assert all(session.people >= 3 for session in past), series.title
        assert all(session.recording_url and session.notes_html for session in past)
        assert all(session.presenter_id for session in past)
        assert sum(session.answers > 0 for session in past) >= past.count() / 2, series.title
        with_materials = past.filter(materials__isnull=False).distinct().count()
        assert with_materials >= past.count() / 2, series.title
    assert Session.objects.filter(status=Session.Status.CANCELLED, starts_at__lt=timezone.now())
    pdf = Material.objects.exclude(file="").get()
    with pdf.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    answers = [feedback.answers for feedback in SessionFeedback.objects.all()]
    assert len({a["usefulness"] for a in answers}) >= 3
    assert sum(bool(a.get("will_use")) for a in answers) > len(answers) / 2
    assert all({"overall", "usefulness", "will_apply", "pace"} <= a.keys() for a in answers)
    assert sum(a["pace"] == "2" for a in answers) > len(answers) / 2
    assert any(a.get("most_useful") for a in answers)


@pytest.mark.django_db
def test_demo_feedback_overview_shows_believable_numbers(demo):
    series = Series.objects.get(community__slug="trauma-informed-classrooms")
    sessions = past_session_list(series.community, series)
    lines = feedback_overview(series.community, sessions).lines
    answered = [line for line in lines if line.answers]
    assert len(answered) >= 3
    assert all(0 < line.response_rate <= 100 for line in answered)
    assert all(3 <= line.usefulness <= 5 for line in answered)
    assert all(3 <= line.session_value <= 5 for line in answered)


@pytest.mark.django_db
def test_demo_attendance_looks_like_real_attendance(demo):
    past = _settled()
    registered = attended = 0
    for session in past:
        members = set(
            session.registrations.filter(status=REGISTERED, user__isnull=False).values_list(
                "user", flat=True
            )
        )
        came = set(session.attendance.values_list("user", flat=True)) & members
        assert len(came) >= len(members) / 2, session.title
        registered, attended = registered + len(members), attended + len(came)
    assert 0.6 <= attended / registered <= 0.9
    records = Attendance.objects.filter(session__in=past)
    assert records.values("minutes").distinct().count() >= 4
    modes = set(records.values_list("mode", "source", "confirmed"))
    assert {
        (Attendance.Mode.LIVE, Attendance.Source.CHECK_IN, True),
        (Attendance.Mode.LIVE, Attendance.Source.ROLL_CALL, True),
        (Attendance.Mode.PHONE, Attendance.Source.SELF_REPORT, True),
        (Attendance.Mode.ASYNC, Attendance.Source.SELF_REPORT, True),
    } <= modes
    reflections = records.filter(mode=Attendance.Mode.ASYNC)
    assert all(len(record.reflection) >= 100 for record in reflections)
    assert records.filter(user__isnull=True, guest_name__gt="").exists()
    assert AttendanceChange.objects.exclude(reason="").exists()
    assert AttendanceChange.objects.filter(
        actor__email="facilitator@example.org", summary__startswith="Marked present"
    ).exists()


@pytest.mark.django_db
def test_demo_history_never_reaches_the_future(demo):
    now = timezone.now()
    stamps = {
        Registration: "created_at",
        Attendance: "created_at",
        AttendanceChange: "at",
        SessionFeedback: "created_at",
        Material: "created_at",
        PresenterSlot: "created_at",
        Series: "created_at",
    }
    for model, name in stamps.items():
        assert not model.objects.filter(**{f"{name}__gt": now}).exists(), model.__name__
    past = Q(session__starts_at__lt=now)
    late = Registration.objects.filter(past, created_at__gte=F("session__starts_at"))
    assert not late.exists()
    early = SessionFeedback.objects.filter(created_at__lt=F("session__ends_at"))
    assert not early.exists()
    # Each answer is given once, at the invented moment: both stamps are that moment.
    assert not SessionFeedback.objects.exclude(created_at=F("updated_at")).exists()


@pytest.mark.django_db
def test_demo_presenters_belong_to_their_communities(demo):
    active = set(
        Membership.objects.filter(status=Membership.Status.ACTIVE).values_list(
            "community_id", "user_id"
        )
    )
    presenters = Session.objects.exclude(presenter=None).values_list("community_id", "presenter_id")
    slots = PresenterSlot.objects.values_list("session__community_id", "user_id")
    assert set(presenters) <= active
    assert set(slots) <= active


@pytest.mark.django_db
def test_demo_upcoming_sessions_have_registrations_and_confirmed_presenters(demo):
    weeks_8 = timezone.now() + timedelta(weeks=8)
    for series in Series.objects.filter(rrule__startswith="FREQ=WEEKLY"):
        upcoming = list(_upcoming(series).filter(starts_at__lte=weeks_8).order_by("starts_at"))
        assert len(upcoming) >= 4, series.title
        assert all(session.registrations.filter(status=REGISTERED).exists() for session in upcoming)
        for session in upcoming[:2]:
            assert session.presenter_id, session.title
            assert session.presenter_slots.filter(
                user=session.presenter, status=PresenterSlot.Status.CONFIRMED
            ).exists()
        assert not upcoming[-1].presenter_id, "later sessions keep their slots open"
    waiting = PresenterSlot.objects.filter(
        status=PresenterSlot.Status.VOLUNTEERED, session__starts_at__gt=timezone.now()
    )
    assert waiting.exists()
    teacher = Registration.objects.filter(
        user__email="teacher@example.org", status=REGISTERED, session__starts_at__gt=timezone.now()
    )
    assert teacher.count() >= 2
    assert Registration.objects.filter(
        user__isnull=True, status=REGISTERED, session__starts_at__gt=timezone.now()
    ).exists()


@pytest.mark.django_db
def test_demo_has_a_full_session_with_a_waitlist(demo):
    full = Session.objects.exclude(capacity=None).get()
    assert full.starts_at > timezone.now()
    registrations = full.registrations.values_list("status", flat=True)
    assert list(registrations).count(REGISTERED) == full.capacity
    assert list(registrations).count(WAITLISTED) >= 2
    assert full.registrations.filter(status=Registration.Status.CANCELLED).exists()
    assert full.registrations.filter(user__email="newteacher@example.org", status=WAITLISTED)


@pytest.mark.django_db
def test_demo_teacher_earns_hours_and_a_series_certificate(demo):
    teacher = User.objects.get(email="teacher@example.org")
    rows = credit.credit_rows(credit.attendance_rows(teacher))
    years = credit.transcript_years(rows)
    assert sum(year.hours for year in years) >= 10
    assert any(row.mode == Attendance.Mode.PHONE and row.counted for row in rows)
    progress = credit.series_progress_list(teacher, rows)
    assert len(progress) == 2
    eligible = [p for p in progress if p.eligible]
    assert [p.series.community.slug for p in eligible] == ["trauma-informed-classrooms"]
    certificate = credit.certificate_issue_series(actor=teacher, series=eligible[0].series)
    assert certificate.minutes >= 10 * 60
    assert certificate.sessions == eligible[0].counted


@pytest.mark.django_db
def test_demo_sessions_queue_no_tasks(demo):
    """The invented history sends nothing: no reminder, feedback request, presenter
    preparation or change notice is queued, even once the load committed."""
    assert not DBTaskResult.objects.exists(), list(
        DBTaskResult.objects.values_list("task_path", flat=True)
    )


@pytest.mark.django_db
def test_demo_session_pages_read_well_for_the_teacher(demo):
    client = Client()
    client.force_login(User.objects.get(email="teacher@example.org"))
    transcript = client.get(reverse("meetings:transcript")).content.decode()
    assert "Get the series certificate" in transcript
    assert "Regulation before instruction in a multi-grade science room" in transcript
    mine = client.get(reverse("meetings:my_sessions")).content.decode()
    assert "You are registered" in mine
    sessions = client.get(
        reverse("meetings:session_list", args=["trauma-informed-classrooms"]) + "?tab=past"
    )
    assert sessions.status_code == 200
    assert "Behavior is communication" in sessions.content.decode()
    client.force_login(User.objects.get(email="newteacher@example.org"))
    assert "You are on the waitlist" in client.get(reverse("meetings:my_sessions")).content.decode()


@pytest.mark.django_db
def test_demo_load_a_second_time_changes_no_session(demo):
    before = _counts()
    assert demo_load() is False
    assert _counts() == before
