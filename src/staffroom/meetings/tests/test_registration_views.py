"""Registering through the pages: the session page's panel (plain posts and htmx
swaps), the facilitators' list, and a guest's form and personal page."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.communities.access import community_access_for
from staffroom.meetings import registration
from staffroom.meetings.models import Attendance, Registration
from staffroom.meetings.services import session_cancel
from staffroom.meetings.tests.factories import make_session
from staffroom.meetings.tests.factories_registration import (
    guest,
    guest_session,
    member,
    register,
    upcoming,
)

HTMX = {"HX-Request": "true"}


def url(name, session, *extra):
    return reverse(f"meetings:{name}", args=[session.community.slug, session.public_id, *extra])


def page(session):
    return url("session_detail", session)


def guest_url(name, made):
    return reverse(f"meetings:{name}", args=[made.token])


def field_html(content: bytes, field_id: str) -> str:
    html = content.decode()
    start = html.index(f'for="{field_id}"')
    return html[start : start + 1500]


# -- the panel on the session page ---------------------------------------------------------


def test_session_detail_offers_a_member_to_register(client, world):
    session = upcoming(world, capacity=12)
    client.force_login(world.member)
    response = client.get(page(session))
    assert b'id="registration-panel"' in response.content
    assert b"0 registered for 12 places" in response.content
    assert url("registration_create", session).encode() in response.content


def test_session_detail_asks_an_anonymous_visitor_to_sign_in_or_come_as_a_guest(client, world):
    session = guest_session(world)
    response = client.get(page(session))
    assert b"Sign in to register" in response.content
    assert url("guest_register", session).encode() in response.content


def test_session_detail_offers_no_guest_form_when_guests_are_not_allowed(client, world):
    session = upcoming(world)
    response = client.get(page(session))
    assert url("guest_register", session).encode() not in response.content


def test_session_detail_shows_the_waitlist_place(client, world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    register(world, session, member(world, 1))
    register(world, session)
    client.force_login(world.member)
    response = client.get(page(session))
    assert b"You are on the waitlist (2)" in response.content
    assert b"Leave the waitlist" in response.content


def test_session_detail_offers_the_waitlist_when_full(client, world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    client.force_login(world.member)
    assert b"Join the waitlist" in client.get(page(session)).content


def test_session_detail_lists_registrations_for_facilitators_only(client, world):
    session = upcoming(world)
    register(world, session)
    guest_in = guest(guest_session(world), 1)  # elsewhere: not listed
    client.force_login(world.facilitator)
    response = client.get(page(session))
    assert b"Who registered" in response.content
    assert b"Mo Member" in response.content
    assert guest_in.guest_name.encode() not in response.content
    client.force_login(world.member)
    assert b"Who registered" not in client.get(page(session)).content


def test_registration_panel_runs_a_fixed_number_of_queries(rf, world):
    session = upcoming(world)
    access = community_access_for(world.facilitator, world.public)
    request = rf.get("/")
    request.user = world.facilitator

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            context = registration.registration_panel(request, access, session)
            [r.name for r in context["first_registrations"]]
        return len(queries)

    register(world, session)
    few = count()
    for n in range(20):
        register(world, session, member(world, n))
    assert count() == few <= 4


# -- registering and cancelling -------------------------------------------------------------


def test_registration_create_redirects_back_with_a_message(client, world):
    session = upcoming(world)
    client.force_login(world.member)
    response = client.post(url("registration_create", session), follow=True)
    assert response.redirect_chain == [(page(session), 302)]
    assert b"You are registered." in response.content
    assert b"You are registered</span>" in response.content
    assert Registration.objects.get(session=session).user == world.member


def test_registration_create_tells_a_waitlisted_member(client, world):
    session = upcoming(world, capacity=1)
    register(world, session, world.facilitator)
    client.force_login(world.member)
    response = client.post(url("registration_create", session), follow=True)
    assert b"you are on the waitlist" in response.content


def test_registration_create_htmx_swaps_the_panel(client, world):
    session = upcoming(world)
    client.force_login(world.member)
    response = client.post(url("registration_create", session), headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert response.content.startswith(b'<section id="registration-panel"')
    assert b"You are registered" in response.content
    assert b"Cancel my registration" in response.content


@pytest.mark.parametrize("htmx", [False, True])
def test_registration_create_refuses_a_cancelled_session(client, world, htmx):
    session = upcoming(world)
    access = community_access_for(world.facilitator, world.public)
    session_cancel(actor=world.facilitator, access=access, session=session, reason="Flood")
    client.force_login(world.member)
    if htmx:
        response = client.post(url("registration_create", session), headers=HTMX)
        assert response.status_code == 200  # htmx swaps no error answer
        assert b'role="alert"' in response.content
    else:
        response = client.post(url("registration_create", session), follow=True)
    assert b"This session was cancelled, so it takes no registrations." in response.content
    assert not Registration.objects.filter(session=session).exists()


def test_registration_create_refuses_a_past_session(client, world):
    session = make_session(world, starts_at=timezone.now() - dt.timedelta(days=2))
    client.force_login(world.member)
    response = client.post(url("registration_create", session), follow=True)
    assert b"This session is over." in response.content
    assert not Registration.objects.filter(session=session).exists()


def test_registration_create_refuses_a_duplicate(client, world):
    session = upcoming(world)
    register(world, session)
    client.force_login(world.member)
    response = client.post(url("registration_create", session), follow=True)
    assert b"You are already registered for this session." in response.content
    assert Registration.objects.filter(session=session).count() == 1


def test_registration_cancel_cancels_and_says_so(client, world):
    session = upcoming(world)
    register(world, session)
    client.force_login(world.member)
    response = client.post(url("registration_cancel", session), follow=True)
    assert b"Your registration is cancelled." in response.content
    assert Registration.objects.get(session=session).status == Registration.Status.CANCELLED


def test_registration_cancel_without_a_registration_says_so(client, world):
    session = upcoming(world)
    client.force_login(world.member)
    response = client.post(url("registration_cancel", session), follow=True)
    assert b"You are not registered for this session." in response.content


def test_registration_cancel_htmx_swaps_the_panel(client, world):
    session = upcoming(world)
    register(world, session)
    client.force_login(world.member)
    response = client.post(url("registration_cancel", session), headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b">Register</button>" in response.content


# -- the facilitators' list ------------------------------------------------------------------


def test_registration_list_shows_members_and_guests(client, world):
    session = guest_session(world, capacity=1)
    register(world, session)
    waiting = guest(session, 1, name="Pat Para")
    client.force_login(world.facilitator)
    response = client.get(url("registration_list", session))
    assert response.status_code == 200
    assert b"Mo Member" in response.content
    assert b"Pat Para" in response.content
    assert waiting.guest_email.encode() in response.content
    assert b"On the waitlist" in response.content


def test_registration_list_is_paginated(client, world):
    session = upcoming(world)
    for n in range(30):
        register(world, session, member(world, n))
    client.force_login(world.facilitator)
    response = client.get(url("registration_list", session))
    assert response.content.count(b"@example.org</td>") == 25
    assert b"Page 1 of 2" in response.content


def test_registration_list_runs_a_fixed_number_of_queries(client, world):
    session = guest_session(world)
    client.force_login(world.facilitator)
    register(world, session)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("registration_list", session)).status_code == 200
        return len(queries)

    few = count()
    for n in range(10):
        register(world, session, member(world, n))
        guest(session, n)
    assert count() == few <= 10


# -- guests ------------------------------------------------------------------------------------


def test_guest_register_shows_the_form(client, world):
    session = guest_session(world)
    response = client.get(url("guest_register", session))
    assert response.status_code == 200
    assert b'name="email"' in response.content
    assert b'name="name"' in response.content


def test_guest_register_registers_and_opens_the_personal_page(client, world, deliver, mailoutbox):
    session = guest_session(world)
    with deliver():
        response = client.post(
            url("guest_register", session),
            {"name": "Pat Para", "email": "pat@example.org"},
            follow=True,
        )
    made = Registration.objects.get(session=session)
    assert response.redirect_chain == [(guest_url("guest_detail", made), 302)]
    assert b"You are registered." in response.content
    assert made.guest_email == "pat@example.org"
    assert [m.to for m in mailoutbox] == [["pat@example.org"]]


def test_guest_register_keeps_the_input_when_the_email_is_malformed(client, world):
    session = guest_session(world)
    response = client.post(
        url("guest_register", session), {"name": "Pat Para", "email": "pat at school"}
    )
    assert response.status_code == 400
    assert b'value="Pat Para"' in response.content
    assert b'value="pat at school"' in response.content
    assert b"Enter a valid email address." in field_html(response.content, "id_email").encode()
    assert not Registration.objects.filter(session=session).exists()


def test_guest_register_puts_a_duplicate_beside_the_email(client, world):
    session = guest_session(world)
    guest(session, 1)
    response = client.post(
        url("guest_register", session), {"name": "Again", "email": "guest1@example.org"}
    )
    assert response.status_code == 400
    assert b"already registered" in field_html(response.content, "id_email").encode()


def test_guest_register_is_refused_where_guests_are_not_allowed(client, world):
    session = upcoming(world)
    response = client.post(
        url("guest_register", session), {"name": "Pat", "email": "pat@example.org"}
    )
    assert response.status_code == 403
    assert not Registration.objects.filter(session=session).exists()


def test_guest_register_of_a_private_community_hides_a_session_without_guests(client, world):
    session = upcoming(world, world.private)
    assert client.get(url("guest_register", session)).status_code == 404


def test_guest_register_of_a_cancelled_session_shows_no_form(client, world):
    session = guest_session(world)
    access = community_access_for(world.facilitator, world.public)
    session_cancel(actor=world.facilitator, access=access, session=session, reason="Storm")
    response = client.get(url("guest_register", session))
    assert b"This session was cancelled" in response.content
    assert b'name="email"' not in response.content
    response = client.post(
        url("guest_register", session), {"name": "Pat", "email": "pat@example.org"}
    )
    assert response.status_code == 400
    assert not Registration.objects.filter(session=session).exists()


def test_guest_detail_shows_the_session_and_the_join_link(client, world):
    session = guest_session(world)
    made = guest(session)
    response = client.get(guest_url("guest_detail", made))
    assert response.status_code == 200
    assert b"You are registered." in response.content
    assert session.join_url.encode() in response.content
    assert guest_url("guest_cancel", made).encode() in response.content
    assert b"Check in here from" in response.content  # not yet open


def test_guest_detail_of_a_waitlisted_guest_shows_the_place_but_no_join_link(client, world):
    session = guest_session(world, capacity=1)
    register(world, session)
    made = guest(session)
    response = client.get(guest_url("guest_detail", made))
    assert b"You are on the waitlist (1)" in response.content
    assert session.join_url.encode() not in response.content


def test_guest_cancel_cancels_through_the_personal_link(client, world):
    session = guest_session(world)
    made = guest(session)
    response = client.post(guest_url("guest_cancel", made), follow=True)
    assert b"Your registration is cancelled." in response.content
    made.refresh_from_db()
    assert made.status == Registration.Status.CANCELLED


def test_guest_check_in_records_the_guest_during_the_session(client, world):
    series_session = guest_session(world)
    made = guest(series_session)
    series_session.starts_at = timezone.now() - dt.timedelta(minutes=5)
    series_session.ends_at = series_session.starts_at + dt.timedelta(hours=1)
    series_session.save(update_fields=["starts_at", "ends_at"])
    response = client.get(guest_url("guest_detail", made))
    assert b"m here: check in" in response.content
    response = client.post(guest_url("guest_check_in", made), follow=True)
    assert b"You are checked in." in response.content
    record = Attendance.objects.get(session=series_session)
    assert (record.user, record.guest_email) == (None, made.guest_email)


def test_guest_check_in_is_refused_before_the_window(client, world):
    made = guest(guest_session(world))
    response = client.post(guest_url("guest_check_in", made), follow=True)
    assert b"Check-in opens 15 minutes before" in response.content
    assert not Attendance.objects.exists()


def test_guest_calendar_downloads_the_session(client, world):
    import icalendar

    made = guest(guest_session(world))
    response = client.get(guest_url("guest_calendar", made))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = icalendar.Calendar.from_ical(response.content)
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == f"session-{made.session.public_id}@staffroom"
    assert str(event["LOCATION"]) == made.session.join_url


def test_guest_detail_of_a_forged_token_is_not_found(client, world):
    response = client.get(reverse("meetings:guest_detail", args=["not-a-real-token"]))
    assert response.status_code == 404


def _count(client, target) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(target).status_code == 200
    return len(queries)


def test_guest_pages_run_a_fixed_number_of_queries(client, world):
    session = guest_session(world, capacity=1)
    register(world, session)
    made = guest(session, 1)
    detail, form = guest_url("guest_detail", made), url("guest_register", session)
    few = (_count(client, detail), _count(client, form))
    for n in range(2, 22):
        guest(session, n)  # more people waiting ahead of no one, behind the guest
    assert (_count(client, detail), _count(client, form)) == few
    assert few[0] <= 4 and few[1] <= 4


def test_a_past_sessions_page_shows_registrations_to_facilitators_only(client, world):
    session = make_session(world, starts_at=timezone.now() - dt.timedelta(days=2))
    path = reverse("meetings:session_detail", args=["open-science", session.public_id])
    client.force_login(world.member)
    assert b'id="registration-panel"' not in client.get(path).content
    client.force_login(world.facilitator)
    assert b'id="registration-panel"' in client.get(path).content
