"""Test data for the credit area (presenters, PD hours), on top of the
schedule's factories: past sessions and series, and attendance records.

Attendance is recorded through the attendance area's own services (``attend``): the
facilitator's roll call, or a member's report of joining by phone.
"""

import datetime as dt
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.communities.access import community_access_for
from staffroom.communities.models import Membership
from staffroom.meetings import attendance, credit, presenters
from staffroom.meetings.models import Attendance, Session
from staffroom.meetings.tests.factories import CHICAGO, make_series, make_session


def upcoming_session(world, community=None, *, days=10, **overrides) -> Session:
    """A one-off session ``days`` from now with its didactic slot open and one case slot."""
    overrides.setdefault("guest_presenter", "")
    overrides.setdefault("starts_at", timezone.now() + dt.timedelta(days=days))
    return make_session(world, community, **overrides)


def past_session(world, community=None, *, days_ago=3, **overrides) -> Session:
    """A one-off session that took place ``days_ago`` days ago (60 minutes)."""
    overrides.setdefault("guest_presenter", "")
    overrides.setdefault("starts_at", timezone.now() - dt.timedelta(days=days_ago))
    return make_session(world, community, **overrides)


def ongoing_session(world, community=None, **overrides) -> Session:
    """A one-off session that began 10 minutes ago (60 minutes long)."""
    overrides.setdefault("starts_at", timezone.now() - dt.timedelta(minutes=10))
    return past_session(world, community, **overrides)


def session_on(world, day: dt.date, community=None, **overrides) -> Session:
    """A one-off 60-minute session at 4 pm Chicago time on ``day``."""
    starts_at = dt.datetime.combine(day, dt.time(16, 0), tzinfo=CHICAGO)
    return past_session(world, community, starts_at=starts_at, **overrides)


def series_with_past(world, community=None, *, weeks_back=6, weeks_ahead=2, **overrides):
    """A weekly series that began ``weeks_back`` weeks ago and runs ``weeks_ahead``
    more: its past sessions (oldest first) and the series."""
    today = timezone.now().astimezone(CHICAGO).date()
    overrides.setdefault("first_date", today - dt.timedelta(weeks=weeks_back))
    overrides.setdefault("last_date", today + dt.timedelta(weeks=weeks_ahead))
    series = make_series(world, community, **overrides)
    past = list(series.sessions.filter(starts_at__lt=timezone.now()).order_by("starts_at"))
    return series, past


def _facilitator_of(session: Session):
    membership = (
        Membership.objects.select_related("user")
        .filter(community_id=session.community_id, role="facilitator", status="active")
        .first()
    )
    return membership.user


def attend(session: Session, user, *, minutes=None, mode="live", confirmed=True) -> Attendance:
    """Record ``user``'s attendance at ``session`` through the attendance area's
    services, as it happens: live minutes at the facilitator's roll call (the whole
    session unless ``minutes``), or the member's own report of joining by phone
    (confirmed by the facilitator unless ``confirmed=False``)."""
    facilitator = _facilitator_of(session)
    fac_access = community_access_for(facilitator, session.community)
    if mode == "phone":
        attendance.attendance_report_phone(
            actor=user, access=community_access_for(user, session.community), session=session
        )
        if confirmed:
            attendance.attendance_confirm(
                actor=facilitator, access=fac_access, session=session, user=user
            )
    else:
        assert mode == "live" and confirmed, "live attendance is always confirmed"
        attendance.attendance_roll_call(
            actor=facilitator, access=fac_access, session=session,
            marks=[attendance.Mark(user, True, minutes)], reason="Corrected for the test",
        )  # fmt: skip
    return Attendance.objects.get(session=session, user=user)


def volunteer(world, session, user=None, *, kind="didactic", note="A talk on exit tickets"):
    user = user or world.member
    access = community_access_for(user, session.community)
    return presenters.presenter_volunteer(
        actor=user, access=access, session=session, kind=kind, note=note
    )


def confirm(world, slot):
    access = community_access_for(world.facilitator, slot.session.community)
    return presenters.presenter_confirm(
        actor=world.facilitator, access=access, session=slot.session,
        member_public_id=slot.user.public_id, kind=slot.kind,
    )  # fmt: skip


def certificate_for(world, user=None, *, community=None):
    """A certificate for one attended session (made here), issued by the service."""
    user = user or world.member
    session = past_session(world, community)
    attend(session, user)
    day = timezone.localdate(session.starts_at, CHICAGO)
    return credit.certificate_issue(actor=user, hub=world.hub, date_from=day, date_to=day)


def travel(monkeypatch, delta: dt.timedelta) -> dt.datetime:
    """Move the clock ``delta`` ahead for everything that asks ``timezone.now()``
    (services, the task worker's "is it due?" check); returns the new now."""
    real_now = timezone.now
    arrival = real_now() + delta
    monkeypatch.setattr(timezone, "now", lambda: real_now() + delta)
    return arrival


def colleague(world, name="Cam Colleague", *, communities=None):
    """Another member of ``communities`` (default: the public one), let in by invitation."""
    from staffroom.communities import services
    from staffroom.conftest import make_user

    email = name.lower().replace(" ", ".") + "@example.org"
    user = make_user(email, name)
    for community in communities or [world.public]:
        invitation = services.invitation_create(
            actor=world.facilitator, access=community_access_for(world.facilitator, community),
            email=email, role="member",
        )  # fmt: skip
        services.invitation_accept(actor=user, token=invitation.token)
    return user


@pytest.fixture
def deliver_all(deliver, django_capture_on_commit_callbacks):
    """Like ``deliver``, and then also what the tasks themselves queue on commit (the
    emails a reminder or preparation task sends): the worker runs again until
    nothing new is queued. (``deliver`` alone runs the worker once, inside the test's
    transaction, where a task's own on-commit callbacks never fire.)"""

    # ``deliver`` is asked for its set-up (the worker must not close the test's
    # connection); the running is done here.

    @contextmanager
    def delivering():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        for _round in range(5):
            with django_capture_on_commit_callbacks(execute=True) as callbacks:
                call_command("db_worker", batch=True, startup_delay=False, interval=0,
                             verbosity=0)  # fmt: skip
            if not callbacks:
                break
        failed = list(DBTaskResult.objects.failed().values_list("exception_class_path", flat=True))
        assert not failed, f"queued tasks failed: {failed}"

    return delivering
