"""Presenter rotation through the services: volunteering, confirming, declining,
withdrawing, inviting, and the preparation email a week ahead."""

import datetime as dt

import pytest
from django_tasks_db.models import DBTaskResult

from staffroom.communities.access import community_access_for
from staffroom.core.email import email_suppressed
from staffroom.meetings import presenters
from staffroom.meetings.models import PresenterSlot, Session
from staffroom.meetings.presenters import PresenterError
from staffroom.meetings.tests.factories import make_session
from staffroom.meetings.tests.factories_credit import (
    colleague,
    confirm,
    deliver_all,
    past_session,
    travel,
    upcoming_session,
    volunteer,
)

PREP_TASK = "staffroom.meetings.tasks.presenter_prep_task"
__all__ = ["deliver_all"]  # a fixture


def fac_access(world, community=None):
    return community_access_for(world.facilitator, community or world.public)


def decline(world, slot, reason=""):
    return presenters.presenter_decline(
        actor=world.facilitator, access=fac_access(world, slot.session.community),
        session=slot.session, member_public_id=slot.user.public_id, kind=slot.kind,
        reason=reason,
    )  # fmt: skip


def subjects(mailoutbox) -> list[tuple[list[str], str]]:
    return [(message.to, message.subject) for message in mailoutbox]


# -- volunteering ---------------------------------------------------------------------


def test_presenter_volunteer_records_the_offer_and_tells_the_facilitators(
    world, deliver, mailoutbox
):
    session = upcoming_session(world, title="Exit tickets that inform tomorrow")
    with deliver():
        slot = volunteer(world, session, note="  Three exit tickets I use  ")
    assert (slot.status, slot.kind, slot.note) == (
        "volunteered",
        "didactic",
        "Three exit tickets I use",
    )
    assert subjects(mailoutbox) == [
        ([world.facilitator.email],
         "Mo Member offered to present at “Exit tickets that inform tomorrow”"),
    ]  # fmt: skip
    assert "Three exit tickets I use" in mailoutbox[0].body


def test_presenter_volunteer_again_updates_the_note_without_a_second_offer(world):
    session = upcoming_session(world)
    volunteer(world, session, note="First idea")
    slot = volunteer(world, session, note="Better idea")
    assert PresenterSlot.objects.filter(session=session).count() == 1
    assert slot.note == "Better idea"


def test_presenter_volunteer_refuses_a_cancelled_session(world):
    session = upcoming_session(world)
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    with pytest.raises(PresenterError, match="cancelled"):
        volunteer(world, session)
    assert not PresenterSlot.objects.exists()


def test_presenter_volunteer_refuses_a_past_session(world):
    session = past_session(world)
    with pytest.raises(PresenterError, match="already taken place"):
        volunteer(world, session)
    assert not PresenterSlot.objects.exists()


def test_presenter_volunteer_refuses_a_didactic_slot_with_a_guest_presenter(world):
    session = make_session(world, guest_presenter="Dr. Inés Valdivia")
    with pytest.raises(PresenterError) as error:
        volunteer(world, session)
    assert error.value.field == "kind"
    volunteer(world, session, kind="case")  # the case slot is still open


def test_presenter_volunteer_refuses_when_every_case_slot_is_confirmed(world):
    session = upcoming_session(world, case_slots=1)
    confirm(world, volunteer(world, session, colleague(world), kind="case"))
    with pytest.raises(PresenterError, match="Every case slot"):
        volunteer(world, session, kind="case")


def test_presenter_volunteer_needs_participation(world):
    session = upcoming_session(world)
    with pytest.raises(PresenterError):
        presenters.presenter_volunteer(
            actor=world.hub_admin, access=community_access_for(world.hub_admin, world.public),
            session=session, kind="didactic",
        )  # fmt: skip


def test_presenter_volunteer_refuses_an_unknown_kind(world):
    with pytest.raises(PresenterError) as error:
        volunteer(world, upcoming_session(world), kind="keynote")
    assert error.value.field == "kind"


def test_presenter_volunteer_after_a_decline_is_not_renewed(world):
    session = upcoming_session(world)
    decline(world, volunteer(world, session))
    with pytest.raises(PresenterError, match="already answered"):
        volunteer(world, session)


# -- confirming and declining -----------------------------------------------------------


def test_presenter_confirm_makes_the_member_the_sessions_presenter(world, deliver, mailoutbox):
    session = upcoming_session(world, title="Restorative circles")
    slot = volunteer(world, session)
    mailoutbox.clear()
    with deliver():
        confirm(world, slot)
    session.refresh_from_db()
    slot.refresh_from_db()
    assert session.presenter == world.member
    assert slot.status == "confirmed"
    assert ([world.member.email], "You are presenting at “Restorative circles”") in subjects(
        mailoutbox
    )


def test_presenter_confirm_of_a_case_leaves_the_didactic_presenter_alone(world):
    session = upcoming_session(world)
    confirm(world, volunteer(world, session, kind="case"))
    session.refresh_from_db()
    assert session.presenter is None


def test_presenter_confirm_refuses_a_second_didactic_presenter(world):
    session = upcoming_session(world)
    first = volunteer(world, session, colleague(world))
    second = volunteer(world, session)
    confirm(world, first)
    with pytest.raises(PresenterError, match="already has a presenter"):
        confirm(world, second)


def test_presenter_confirm_needs_the_schedule_capability(world):
    slot = volunteer(world, upcoming_session(world))
    with pytest.raises(PresenterError):
        presenters.presenter_confirm(
            actor=world.member, access=community_access_for(world.member, world.public),
            session=slot.session, member_public_id=world.member.public_id, kind="didactic",
        )  # fmt: skip


def test_presenter_decline_emails_the_volunteer_with_the_reason(world, deliver, mailoutbox):
    session = upcoming_session(world, title="Restorative circles")
    slot = volunteer(world, session)
    mailoutbox.clear()
    with deliver():
        decline(world, slot, reason="We have a talk on this in March.")
    slot.refresh_from_db()
    assert slot.status == "declined"
    assert subjects(mailoutbox) == [
        ([world.member.email], "About your offer to present at “Restorative circles”")
    ]
    assert "We have a talk on this in March." in mailoutbox[0].body


def test_presenter_decline_of_a_confirmed_presenter_frees_the_didactic_slot(world):
    session = upcoming_session(world)
    slot = confirm(world, volunteer(world, session))
    decline(world, slot)
    session.refresh_from_db()
    assert session.presenter is None
    assert (
        presenters.presenter_signup_list(world.public, viewer=world.member)
        .filter(pk=session.pk, didactic_taken=False)
        .exists()
    )


def test_presenter_withdraw_of_a_confirmed_talk_tells_the_facilitators(world, deliver, mailoutbox):
    session = upcoming_session(world)
    slot = confirm(world, volunteer(world, session))
    mailoutbox.clear()
    with deliver():
        presenters.presenter_withdraw(
            actor=world.member, access=community_access_for(world.member, world.public),
            session=session, kind="didactic",
        )  # fmt: skip
    slot.refresh_from_db()
    session.refresh_from_db()
    assert slot.status == "withdrawn"
    assert session.presenter is None
    assert [message.to for message in mailoutbox] == [[world.facilitator.email]]


def test_presenter_invite_emails_the_member_a_link_to_sign_up(world, deliver, mailoutbox):
    with deliver():
        presenters.presenter_invite(
            actor=world.facilitator, access=fac_access(world),
            member_public_id=world.member.public_id,
        )  # fmt: skip
    assert subjects(mailoutbox) == [
        ([world.member.email], "Would you present at a session of Open Science?")
    ]
    assert "/c/open-science/sessions/presenters/sign-up/" in mailoutbox[0].body


def test_presenter_invite_refuses_someone_outside_the_community(world):
    with pytest.raises(PresenterError, match="not a member"):
        presenters.presenter_invite(
            actor=world.facilitator, access=fac_access(world),
            member_public_id=world.outsider.public_id,
        )  # fmt: skip


# -- the preparation email --------------------------------------------------------------


def prep_tasks():
    return DBTaskResult.objects.filter(task_path=PREP_TASK)


def prep_emails(mailoutbox):
    return [m for m in mailoutbox if m.subject.startswith("Getting ready to present")]


def test_presenter_prep_email_is_scheduled_a_week_before_the_session(
    world, deliver_all, mailoutbox
):
    session = upcoming_session(world, days=20)
    with deliver_all():
        confirm(world, volunteer(world, session))
    task = prep_tasks().get()
    assert task.run_after == session.starts_at - dt.timedelta(days=7)
    assert task.status == "READY"  # not due yet
    assert not prep_emails(mailoutbox)


def test_presenter_prep_email_is_not_scheduled_in_invented_history(world, deliver_all):
    session = upcoming_session(world, days=20)
    with email_suppressed(), deliver_all():
        confirm(world, volunteer(world, session))
    assert not prep_tasks().exists()


def test_presenter_prep_email_goes_when_its_day_comes_and_only_once(
    world, deliver_all, mailoutbox, monkeypatch
):
    session = upcoming_session(world, days=20, title="Restorative circles")
    with deliver_all():
        slot = confirm(world, volunteer(world, session, kind="case"))
    travel(monkeypatch, dt.timedelta(days=13, hours=1))
    with deliver_all():
        pass  # the worker runs what is now due
    [email] = prep_emails(mailoutbox)
    assert email.to == [world.member.email]
    assert "Remove anything that could identify a student" in email.body
    slot.refresh_from_db()
    assert slot.prep_email_sent_at is not None
    # Running it again (a second worker, a retry) sends nothing more.
    assert presenters.presenter_prep_send(slot_id=slot.pk) is False
    assert len(prep_emails(mailoutbox)) == 1


def test_presenter_prep_email_goes_at_once_when_confirmed_within_the_week(
    world, deliver_all, mailoutbox
):
    session = upcoming_session(world, days=3)
    with deliver_all():
        confirm(world, volunteer(world, session))
    [email] = prep_emails(mailoutbox)
    assert "Keep the talk to about 15 minutes" in email.body


def test_presenter_prep_email_is_not_sent_after_a_withdrawal(
    world, deliver_all, mailoutbox, monkeypatch
):
    session = upcoming_session(world, days=20)
    with deliver_all():
        confirm(world, volunteer(world, session))
    presenters.presenter_withdraw(
        actor=world.member, access=community_access_for(world.member, world.public),
        session=session, kind="didactic",
    )  # fmt: skip
    travel(monkeypatch, dt.timedelta(days=14))
    with deliver_all():
        pass
    assert not prep_emails(mailoutbox)


def test_presenter_prep_email_waits_again_when_the_session_moved_later(
    world, deliver_all, mailoutbox, monkeypatch
):
    session = upcoming_session(world, days=20)
    with deliver_all():
        slot = confirm(world, volunteer(world, session))
    later = session.starts_at + dt.timedelta(days=10)
    Session.objects.filter(pk=session.pk).update(
        starts_at=later, ends_at=later + dt.timedelta(hours=1)
    )
    travel(monkeypatch, dt.timedelta(days=14))
    with deliver_all():
        pass  # the old task wakes up, finds the session later, and waits again
    assert not prep_emails(mailoutbox)
    waiting = prep_tasks().filter(status="READY").get()
    assert waiting.run_after == later - dt.timedelta(days=7)
    assert waiting.args_kwargs["kwargs"] == {"slot_id": slot.pk}


def test_presenter_prep_email_shows_times_in_the_presenters_time_zone(
    world, deliver_all, mailoutbox
):
    world.member.time_zone = "America/Denver"
    world.member.save()
    session = upcoming_session(world, days=3)
    with deliver_all():
        confirm(world, volunteer(world, session))
    [email] = prep_emails(mailoutbox)
    assert "MST" in email.body or "MDT" in email.body
