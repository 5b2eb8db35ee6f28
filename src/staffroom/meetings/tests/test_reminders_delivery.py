"""Reminders and change notices, delivered by the real worker, with their ``.ics``
invitations parsed back with icalendar."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.communities.access import community_access_for
from staffroom.meetings import registration, reminders
from staffroom.meetings.models import ReminderSent
from staffroom.meetings.services import session_cancel, session_update
from staffroom.meetings.tests.factories_registration import (
    events,
    guest,
    guest_session,
    invitation_of,
    register,
    reminder_tasks,
    run_due_reminders,
    upcoming,
)


def facilitator_access(world, community=None):
    return community_access_for(world.facilitator, community or world.public)


def move(world, session, *, by: dt.timedelta):
    return session_update(
        actor=world.facilitator,
        access=facilitator_access(world, session.community),
        session=session,
        starts_at=session.starts_at + by,
    )


def cancel(world, session, reason="The presenter is ill."):
    return session_cancel(
        actor=world.facilitator,
        access=facilitator_access(world, session.community),
        session=session,
        reason=reason,
    )


# -- reminders ---------------------------------------------------------------------------


def test_reminder_send_task_emails_each_reminder_with_an_invitation(world, deliver, mailoutbox):
    session = upcoming(world, dial_in="+1 555 0100, meeting ID 42")
    with deliver():
        made = register(world, session)
    assert mailoutbox == []  # nothing is due yet
    run_due_reminders(deliver)
    assert [m.to for m in mailoutbox] == [[world.member.email]] * 2
    message = mailoutbox[0]
    assert message.subject.startswith(f"Reminder: {session.title}")
    assert session.meeting_url in message.body
    assert "+1 555 0100, meeting ID 42" in message.body
    assert f"/sessions/check-in/{made.token}/" in message.body
    assert f"/c/{world.public.slug}/sessions/{session.public_id}/" in message.body
    method, cal = invitation_of(message)
    assert method == "REQUEST"
    assert cal["METHOD"] == "REQUEST"
    (event,) = events(cal)
    assert str(event["UID"]) == f"session-{session.public_id}@staffroom"
    assert event["SEQUENCE"] == session.sequence == 0
    assert event.start == session.starts_at
    assert event.start.tzinfo.key == session.time_zone
    assert str(event["URL"]) == session.meeting_url
    assert str(event["ATTENDEE"]) == f"mailto:{world.member.email}"
    assert [tz.tz_name for tz in cal.timezones] == [session.time_zone]


def test_reminder_shows_the_time_in_the_recipients_zone(world, deliver, mailoutbox):
    world.member.time_zone = "Asia/Tokyo"
    world.member.save(update_fields=["time_zone"])
    session = upcoming(world)
    with deliver():
        register(world, session)
    run_due_reminders(deliver)
    tokyo = session.starts_at.astimezone(ZoneInfo("Asia/Tokyo"))
    assert tokyo.strftime("%-I:%M") in mailoutbox[0].body
    assert "JST" in mailoutbox[0].body


def test_reminder_goes_to_a_guest_with_their_personal_link(world, deliver, mailoutbox):
    session = guest_session(world)
    with deliver():
        made = guest(session)
    mailoutbox.clear()  # the confirmation
    run_due_reminders(deliver)
    assert [m.to for m in mailoutbox] == [[made.guest_email]] * 2
    assert f"/sessions/guest/{made.token}/" in mailoutbox[0].body
    _method, cal = invitation_of(mailoutbox[0])
    assert str(events(cal)[0]["ATTENDEE"]) == f"mailto:{made.guest_email}"


def test_reminder_is_sent_once_even_if_queued_twice(world, deliver, mailoutbox):
    session = upcoming(world)
    with deliver():
        made = register(world, session)
        # A second worker, or the same registration scheduled twice.
        reminders.reminders_schedule(made, session)
    assert len(reminder_tasks()) == 4
    run_due_reminders(deliver)
    assert len(mailoutbox) == 2
    assert ReminderSent.objects.filter(registration=made).count() == 2


def test_reminder_is_not_sent_after_the_registration_was_cancelled(world, deliver, mailoutbox):
    session = upcoming(world)
    with deliver():
        mine = register(world, session)
        registration.registration_cancel(actor=world.member, registration=mine)
    run_due_reminders(deliver)
    assert mailoutbox == []


def test_reminder_is_not_sent_for_a_cancelled_session(world, deliver, mailoutbox):
    session = upcoming(world)
    with deliver():
        register(world, session)
    with deliver():
        cancel(world, session)
    mailoutbox.clear()  # the cancellation notice
    run_due_reminders(deliver)
    assert mailoutbox == []
    assert not ReminderSent.objects.exists()


def test_reminder_of_a_moved_session_goes_at_the_new_time_only(world, deliver, mailoutbox):
    session = upcoming(world)
    with deliver():
        made = register(world, session)
    with deliver():
        moved = move(world, session, by=dt.timedelta(days=1))
    mailoutbox.clear()  # the change notice
    new_times = sorted(
        task.run_after for task in reminder_tasks() if task.args_kwargs["kwargs"]["sequence"] == 1
    )
    assert new_times == [
        moved.starts_at - dt.timedelta(minutes=1440),
        moved.starts_at - dt.timedelta(minutes=60),
    ]
    run_due_reminders(deliver)
    assert len(mailoutbox) == 2  # the old reminders sent nothing
    assert set(
        ReminderSent.objects.filter(registration=made).values_list("sequence", flat=True)
    ) == {1}
    _method, cal = invitation_of(mailoutbox[0])
    assert events(cal)[0]["SEQUENCE"] == 1


def test_reminder_is_not_sent_once_the_session_has_started(world, deliver, mailoutbox):
    session = upcoming(world)
    with deliver():
        made = register(world, session)
    sent = reminders.reminder_send(
        registration_id=made.pk, offset_minutes=60, sequence=session.sequence
    )
    assert sent is True
    session.starts_at = timezone.now() - dt.timedelta(minutes=5)
    session.save(update_fields=["starts_at"])
    assert not reminders.reminder_send(registration_id=made.pk, offset_minutes=1440, sequence=0)


def test_reminder_offsets_default_to_the_day_before_and_an_hour_before(world):
    session = guest_session(world, reminder_offsets=[])
    assert reminders.reminder_offsets(session) == [1440, 60]
    assert reminders.reminder_offsets(upcoming(world)) == [1440, 60]


# -- a session moves or is cancelled -----------------------------------------------------


def test_session_changed_task_tells_everyone_registered_of_a_move(world, deliver, mailoutbox):
    session = guest_session(world)
    with deliver():
        register(world, session)
        made = guest(session)
        waiting_list_person = User.objects.get(pk=world.facilitator.pk)
    mailoutbox.clear()
    with deliver():
        moved = move(world, session, by=dt.timedelta(hours=2))
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.member.email, made.guest_email])
    message = next(m for m in mailoutbox if m.to == [world.member.email])
    assert message.subject.startswith(f"Changed: {session.title}")
    method, cal = invitation_of(message)
    assert method == "REQUEST"
    (event,) = events(cal)
    assert str(event["UID"]) == f"session-{session.public_id}@staffroom"
    assert event["SEQUENCE"] == moved.sequence == 1
    assert event.start == moved.starts_at
    assert event["STATUS"] == "CONFIRMED"
    assert waiting_list_person.email not in [m.to[0] for m in mailoutbox]


def test_session_changed_task_sends_a_cancellation(world, deliver, mailoutbox):
    session = upcoming(world, capacity=1)
    with deliver():
        register(world, session, world.facilitator)
        register(world, session)  # waitlisted: told too
    with deliver():
        cancel(world, session, reason="The presenter is ill.")
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [world.facilitator.email, world.member.email]
    )
    message = mailoutbox[0]
    assert message.subject.startswith(f"Cancelled: {session.title}")
    assert "The presenter is ill." in message.body
    method, cal = invitation_of(message)
    assert method == "CANCEL"
    assert cal["METHOD"] == "CANCEL"
    (event,) = events(cal)
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]) == f"session-{session.public_id}@staffroom"


def test_session_changed_task_tells_no_one_who_cancelled(world, deliver, mailoutbox):
    session = upcoming(world)
    with deliver():
        mine = register(world, session)
        registration.registration_cancel(actor=world.member, registration=mine)
    with deliver():
        cancel(world, session)
    assert mailoutbox == []


def test_session_changed_skips_a_change_already_superseded(world, deliver, mailoutbox):
    session = upcoming(world)
    with deliver():
        register(world, session)
    assert reminders.session_changed(session_id=session.pk, sequence=5) == 0
    assert reminders.session_changed(session_id=session.pk, sequence=0) == 1


def test_registration_email_sends_nothing_while_email_is_suppressed(world, deliver, mailoutbox):
    from staffroom.core.email import email_suppressed

    session = guest_session(world)
    with deliver(), email_suppressed():
        guest(session)
    assert mailoutbox == []
    assert reminder_tasks() == []


def test_reminder_is_not_sent_to_someone_who_left_a_private_community(world, deliver, mailoutbox):
    from staffroom.communities import services as community_services

    session = upcoming(world, world.private)
    with deliver():
        register(world, session)
    community_services.membership_leave(
        actor=world.member, access=community_access_for(world.member, world.private)
    )
    run_due_reminders(deliver)
    with deliver():
        cancel(world, session)
    assert mailoutbox == []


def test_reminder_still_goes_to_someone_who_left_a_public_community(world, deliver, mailoutbox):
    from staffroom.communities import services as community_services

    session = upcoming(world)
    with deliver():
        register(world, session)
    community_services.membership_leave(
        actor=world.member, access=community_access_for(world.member, world.public)
    )
    run_due_reminders(deliver)
    assert len(mailoutbox) == 2
