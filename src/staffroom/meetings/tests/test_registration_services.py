"""Registering, the waitlist, cancelling and guests, through the services."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from staffroom.communities.access import community_access_for
from staffroom.meetings import registration, reminders
from staffroom.meetings.models import Registration
from staffroom.meetings.registration import RegistrationError
from staffroom.meetings.services import session_cancel
from staffroom.meetings.tests.factories import make_series, make_session
from staffroom.meetings.tests.factories_registration import (
    guest,
    guest_session,
    member,
    register,
    reminder_tasks,
    upcoming,
)

REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def statuses(session):
    return list(session.registrations.order_by("created_at", "pk").values_list("status", flat=True))


# -- members ---------------------------------------------------------------------------


def test_registration_create_registers_a_member(world):
    session = upcoming(world)
    made = register(world, session)
    assert made.status == REGISTERED
    assert made.user == world.member


def test_registration_create_refuses_a_duplicate(world):
    session = upcoming(world)
    register(world, session)
    with pytest.raises(RegistrationError, match="already registered"):
        register(world, session)
    assert session.registrations.count() == 1


def test_registration_create_refuses_a_second_place_on_the_waitlist(world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    register(world, session)
    with pytest.raises(RegistrationError, match="already on the waitlist"):
        register(world, session)


def test_registration_create_refuses_a_cancelled_session(world):
    session = upcoming(world)
    access = community_access_for(world.facilitator, world.public)
    session_cancel(actor=world.facilitator, access=access, session=session, reason="Snow day")
    with pytest.raises(RegistrationError, match="cancelled"):
        register(world, session)
    assert not session.registrations.exists()


def test_registration_create_refuses_a_past_session(world):
    session = make_session(world, starts_at=timezone.now() - dt.timedelta(days=3))
    with pytest.raises(RegistrationError, match="This session is over"):
        register(world, session)


def test_registration_create_refuses_a_session_that_has_started(world):
    session = make_session(world, starts_at=timezone.now() - dt.timedelta(minutes=10))
    with pytest.raises(RegistrationError, match="closed when this session started"):
        register(world, session)


def test_registration_create_refuses_someone_who_may_not_participate(world):
    session = upcoming(world)
    access = community_access_for(world.outsider, world.public)
    with pytest.raises(RegistrationError, match="Join this community"):
        registration.registration_create(actor=world.outsider, access=access, session=session)


def test_registration_create_refuses_a_session_of_another_community(world):
    session = upcoming(world, world.private)
    access = community_access_for(world.member, world.public)
    with pytest.raises(RegistrationError, match="another community"):
        registration.registration_create(actor=world.member, access=access, session=session)


# -- the waitlist ------------------------------------------------------------------------


def test_registration_create_waitlists_when_the_session_is_full(world):
    session = upcoming(world, capacity=2)
    people = [member(world, n) for n in range(3)]
    made = [register(world, session, person) for person in people]
    assert [r.status for r in made] == [REGISTERED, REGISTERED, WAITLISTED]


def test_registration_create_uses_the_series_capacity(world):
    series = make_series(world, capacity=1)
    session = series.sessions.filter(starts_at__gt=timezone.now() + dt.timedelta(days=2)).first()
    session.capacity = None  # the session has none of its own
    session.save(update_fields=["capacity"])
    register(world, session, world.facilitator)
    assert register(world, session).status == WAITLISTED


def test_waitlist_position_counts_who_asked_first(world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    first, second = (register(world, session, member(world, n)) for n in (1, 2))
    assert registration.waitlist_position(first) == 1
    assert registration.waitlist_position(second) == 2


def test_registration_cancel_promotes_the_first_on_the_waitlist(world):
    session = upcoming(world, capacity=1)
    mine = register(world, session)
    first, second = (register(world, session, member(world, n)) for n in (1, 2))
    registration.registration_cancel(actor=world.member, registration=mine)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (REGISTERED, WAITLISTED)
    assert registration.waitlist_position(second) == 1


def test_registration_cancel_of_a_waitlisted_place_promotes_no_one(world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    waiting = register(world, session)
    other = register(world, session, member(world, 1))
    registration.registration_cancel(actor=world.member, registration=waiting)
    other.refresh_from_db()
    assert other.status == WAITLISTED


def test_registration_cancel_emails_the_promoted_person(world, deliver, mailoutbox):
    session = upcoming(world, capacity=1)
    mine = register(world, session)
    waiting_person = member(world, 1)
    register(world, session, waiting_person)
    with deliver():
        registration.registration_cancel(actor=world.member, registration=mine)
    assert [m.to for m in mailoutbox] == [[waiting_person.email]]
    assert "A place opened up" in mailoutbox[0].subject


def test_registration_cancel_refuses_someone_elses_registration(world):
    session = upcoming(world)
    theirs = register(world, session, world.facilitator)
    with pytest.raises(RegistrationError, match="only cancel your own"):
        registration.registration_cancel(actor=world.member, registration=theirs)


def test_registration_cancel_refuses_twice(world):
    session = upcoming(world)
    mine = register(world, session)
    registration.registration_cancel(actor=world.member, registration=mine)
    with pytest.raises(RegistrationError, match="already cancelled"):
        registration.registration_cancel(actor=world.member, registration=mine)


def test_registration_create_after_cancelling_goes_to_the_end_of_the_waitlist(world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    mine = register(world, session)
    other = register(world, session, member(world, 1))
    registration.registration_cancel(actor=world.member, registration=mine)
    again = register(world, session)
    assert again.pk == mine.pk
    assert again.status == WAITLISTED
    assert registration.waitlist_position(again) == 2
    assert registration.waitlist_position(other) == 1


def test_waitlist_promote_fills_places_after_the_capacity_was_raised(world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    register(world, session)
    session.capacity = 2
    session.save(update_fields=["capacity"])
    promoted = registration.waitlist_promote(session=session)
    assert [r.user for r in promoted] == [world.member]


def test_registration_create_lets_no_one_jump_the_waitlist(world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    waiting = register(world, session)
    session.capacity = 2  # raised without promoting anyone
    session.save(update_fields=["capacity"])
    newcomer = register(world, session, member(world, 1))
    waiting.refresh_from_db()
    assert (waiting.status, newcomer.status) == (REGISTERED, WAITLISTED)


# -- guests ------------------------------------------------------------------------------


def test_guest_register_registers_a_guest_with_a_personal_link(world, deliver, mailoutbox):
    session = guest_session(world)
    with deliver():
        made = registration.guest_register(
            session=session, name="  Pat   Para ", email="Pat.Para@Example.org"
        )
    assert (made.guest_name, made.guest_email, made.status) == (
        "Pat Para",
        "pat.para@example.org",
        REGISTERED,
    )
    assert [m.to for m in mailoutbox] == [["pat.para@example.org"]]
    assert f"/sessions/guest/{made.token}/" in mailoutbox[0].body


def test_guest_register_refuses_a_session_that_takes_no_guests(world):
    session = guest_session(world, allow_guests=False)
    with pytest.raises(RegistrationError, match="does not take guest registrations"):
        guest(session)
    one_off = upcoming(world)
    with pytest.raises(RegistrationError, match="does not take guest registrations"):
        guest(one_off)


def test_guest_register_refuses_a_duplicate_email(world):
    session = guest_session(world)
    guest(session)
    with pytest.raises(RegistrationError, match="already registered") as raised:
        registration.guest_register(session=session, name="Other", email="GUEST1@example.org")
    assert raised.value.field == "email"


def test_guest_register_refuses_a_cancelled_session(world):
    session = guest_session(world)
    access = community_access_for(world.facilitator, world.public)
    session_cancel(actor=world.facilitator, access=access, session=session, reason="Storm")
    with pytest.raises(RegistrationError, match="cancelled"):
        guest(session)


def test_guest_register_keeps_the_guests_language(world):
    session = guest_session(world)
    with translation.override("es"):
        made = guest(session)
    assert made.guest_language == "es"
    assert reminders.recipient_of(made).language == "es"


def test_guest_register_waitlists_when_full(world):
    session = guest_session(world, capacity=1)
    register(world, session)
    assert guest(session).status == WAITLISTED


def test_guest_cancel_promotes_the_next_guest(world):
    session = guest_session(world, capacity=1)
    first = guest(session, 1)
    second = guest(session, 2)
    registration.guest_cancel(registration=first)
    second.refresh_from_db()
    assert second.status == REGISTERED


def test_guest_cancel_refuses_a_members_registration(world):
    session = upcoming(world)
    mine = register(world, session)
    with pytest.raises(RegistrationError, match="Sign in"):
        registration.guest_cancel(registration=mine)


def test_guest_register_invites_a_regular_guest_to_make_an_account_once(world, deliver, mailoutbox):
    series = make_series(world, allow_guests=True)
    sessions = list(
        series.sessions.filter(starts_at__gt=timezone.now() + dt.timedelta(days=2)).order_by(
            "starts_at"
        )[:4]
    )
    for session in sessions:
        with deliver():
            guest(session)
    invitations = [m for m in mailoutbox if "free account" in m.subject]
    assert len(invitations) == 1
    assert "/accounts/signup/" in invitations[0].body
    assert "3 sessions" in invitations[0].body


def test_guest_register_invites_no_one_who_has_an_account(world, deliver, mailoutbox):
    series = make_series(world, allow_guests=True)
    upcoming_sessions = series.sessions.filter(starts_at__gt=timezone.now()).order_by("starts_at")
    for session in list(upcoming_sessions[1:4]):
        with deliver():
            registration.guest_register(session=session, name="Mo", email=world.member.email)
    assert not [m for m in mailoutbox if "free account" in m.subject]


# -- reminders are queued for whoever becomes registered ----------------------------------


def test_registration_create_queues_a_reminder_per_offset(world, deliver):
    session = upcoming(world)
    with deliver():
        made = register(world, session)
    tasks = reminder_tasks()
    assert [task.run_after for task in tasks] == [
        session.starts_at - dt.timedelta(minutes=1440),
        session.starts_at - dt.timedelta(minutes=60),
    ]
    assert {task.args_kwargs["kwargs"]["registration_id"] for task in tasks} == {made.pk}


def test_registration_create_queues_no_reminder_for_the_waitlist(world, deliver):
    session = upcoming(world, capacity=1)
    with deliver():
        register(world, session, world.facilitator)
        register(world, session)
    assert len(reminder_tasks()) == 2  # the facilitator's only


def test_registration_create_queues_only_reminders_still_ahead(world, deliver):
    session = upcoming(world, days=0, starts_at=timezone.now() + dt.timedelta(hours=3))
    with deliver():
        register(world, session)
    assert [task.args_kwargs["kwargs"]["offset_minutes"] for task in reminder_tasks()] == [60]


def test_registration_create_uses_the_series_reminder_offsets(world, deliver):
    session = guest_session(world, reminder_offsets=[2880, 30])
    with deliver():
        register(world, session)
    offsets = [task.args_kwargs["kwargs"]["offset_minutes"] for task in reminder_tasks()]
    assert offsets == [2880, 30]
