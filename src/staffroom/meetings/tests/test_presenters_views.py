"""Presenter rotation through the pages: the sign-up page, the volunteer form, the
facilitator's board and "who has presented", the session page panel, and the
pinned query counts of each list."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.meetings.models import PresenterSlot, Session
from staffroom.meetings.tests.factories import make_series, make_session
from staffroom.meetings.tests.factories_credit import (
    colleague,
    confirm,
    past_session,
    upcoming_session,
    volunteer,
)


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def signup_url(world):
    return url("presenter_signup", world.public.slug)


def volunteer_url(session):
    return url("presenter_volunteer", session.community.slug, session.public_id)


# -- the sign-up page -------------------------------------------------------------------


def test_presenter_signup_lists_upcoming_sessions_with_open_slots(client, world):
    open_one = upcoming_session(world, title="Open for a talk", days=5)
    filled = upcoming_session(world, title="Fully planned", days=6, case_slots=0)
    confirm(world, volunteer(world, filled, colleague(world)))
    cancelled = upcoming_session(world, title="Called off", days=7)
    Session.objects.filter(pk=cancelled.pk).update(status=Session.Status.CANCELLED)
    past_session(world, title="Already happened")
    upcoming_session(world, title="Far in the future", days=80)
    client.force_login(world.member)
    response = client.get(signup_url(world))
    assert response.status_code == 200
    titles = [session.title for session in response.context["page"].object_list]
    assert titles == [open_one.title]
    assert b"Give the talk" in response.content and b"Bring a case" in response.content


def test_presenter_signup_looks_further_ahead_when_asked(client, world):
    upcoming_session(world, title="Far in the future", days=80)
    client.force_login(world.member)
    response = client.get(signup_url(world) + "?weeks=14")
    assert [s.title for s in response.context["page"].object_list] == ["Far in the future"]


def test_presenter_signup_shows_one_series_when_asked(client, world):
    series = make_series(world, title="Weekly math ECHO")
    upcoming_session(world, title="A one-off")
    client.force_login(world.member)
    response = client.get(signup_url(world) + f"?series={series.public_id}")
    titles = {session.title for session in response.context["page"].object_list}
    assert titles == {"Weekly math ECHO"}


def test_presenter_signup_shows_the_members_own_offer(client, world):
    session = upcoming_session(world)
    volunteer(world, session, kind="case")
    client.force_login(world.member)
    response = client.get(signup_url(world))
    assert b"You offered to present here" in response.content
    assert b"Bring a case" not in response.content  # already offered
    assert b"Give the talk" in response.content


def test_presenter_signup_ignores_a_bad_weeks_value(client, world):
    upcoming_session(world, days=5)
    client.force_login(world.member)
    response = client.get(signup_url(world) + "?weeks=999")
    assert response.status_code == 200
    assert response.context["weeks"] == 8


# -- the volunteer form -----------------------------------------------------------------


def test_presenter_volunteer_form_records_the_offer_and_returns_to_the_session(client, world):
    session = upcoming_session(world)
    client.force_login(world.member)
    response = client.post(volunteer_url(session), {"kind": "case", "note": "A shy reader"})
    assert response.status_code == 302
    assert response["Location"] == url("session_detail", world.public.slug, session.public_id)
    slot = PresenterSlot.objects.get(session=session)
    assert (slot.user, slot.kind, slot.note) == (world.member, "case", "A shy reader")


def test_presenter_volunteer_form_for_a_cancelled_session_keeps_the_text(client, world):
    session = upcoming_session(world)
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    client.force_login(world.member)
    response = client.post(volunteer_url(session), {"kind": "case", "note": "A shy reader"})
    assert response.status_code == 400
    assert b"This session was cancelled." in response.content
    assert b"A shy reader" in response.content
    assert not PresenterSlot.objects.exists()


def test_presenter_volunteer_form_for_a_past_session_is_refused(client, world):
    session = past_session(world)
    client.force_login(world.member)
    response = client.post(volunteer_url(session), {"kind": "didactic", "note": "Late"})
    assert response.status_code == 400
    assert b"This session has already taken place." in response.content
    assert not PresenterSlot.objects.exists()


def test_presenter_volunteer_form_without_a_kind_shows_the_error_beside_it(client, world):
    session = upcoming_session(world)
    client.force_login(world.member)
    response = client.post(volunteer_url(session), {"note": "Something on fractions"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert "Something on fractions" in html


def test_presenter_volunteer_form_preselects_the_kind_from_the_sign_up_link(client, world):
    session = upcoming_session(world)
    client.force_login(world.member)
    response = client.get(volunteer_url(session) + "?kind=case")
    assert b'value="case" required id="id_kind_1" checked' in response.content


# -- the facilitator's board ------------------------------------------------------------


def test_presenter_board_confirms_and_declines_with_email(client, world, deliver, mailoutbox):
    session = upcoming_session(world, title="Restorative circles")
    other = colleague(world)
    volunteer(world, session, note="Circles in grade 3")
    volunteer(world, session, other, kind="case")
    client.force_login(world.facilitator)
    board = client.get(url("presenter_board", world.public.slug))
    assert b"Circles in grade 3" in board.content
    assert b"Confirm Mo Member" in board.content and b"Confirm Cam Colleague" in board.content
    mailoutbox.clear()
    with deliver():
        confirmed = client.post(
            url("presenter_confirm", world.public.slug, session.public_id,
                world.member.public_id, "didactic"), follow=True,
        )  # fmt: skip
    assert b"Mo Member is confirmed and was told." in confirmed.content
    with deliver():
        client.post(
            url("presenter_decline", world.public.slug, session.public_id, other.public_id,
                "case"), {"reason": "Next month, please"},
        )  # fmt: skip
    session.refresh_from_db()
    assert session.presenter == world.member
    assert sorted(m.to[0] for m in mailoutbox if "Getting ready" not in m.subject) == [
        other.email, world.member.email,
    ]  # fmt: skip


def test_presenter_confirm_of_a_missing_offer_says_so(client, world):
    session = upcoming_session(world)
    client.force_login(world.facilitator)
    response = client.post(
        url("presenter_confirm", world.public.slug, session.public_id, world.member.public_id,
            "didactic"), follow=True,
    )  # fmt: skip
    assert b"This offer to present no longer exists." in response.content


# -- who has presented ------------------------------------------------------------------


def test_presenter_history_lists_those_who_never_presented_first(client, world):
    cam = colleague(world, "Cam Colleague")
    dee = colleague(world, "Dee Deputy")
    talk = past_session(world, days_ago=30)
    Session.objects.filter(pk=talk.pk).update(presenter=world.member)
    case_session = upcoming_session(world, days=1)
    confirm(world, volunteer(world, case_session, dee, kind="case"))
    Session.objects.filter(pk=case_session.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=2),
        ends_at=timezone.now() - dt.timedelta(days=2, minutes=-60),
    )
    upcoming = upcoming_session(world)
    confirm(world, volunteer(world, upcoming, cam))  # not yet presented
    client.force_login(world.facilitator)
    response = client.get(url("presenter_history", world.public.slug))
    rows = [
        (p.display_name, p.talks, p.cases_brought) for p in response.context["page"].object_list
    ]
    assert rows == [
        ("Cam Colleague", 0, 0), ("Fran Facilitator", 0, 0), ("Dee Deputy", 0, 1),
        ("Mo Member", 1, 0),
    ]  # fmt: skip
    assert b"Never" in response.content


def test_presenter_invite_from_the_history_page(client, world, deliver, mailoutbox):
    client.force_login(world.facilitator)
    with deliver():
        response = client.post(
            url("presenter_invite", world.public.slug, world.member.public_id), follow=True
        )
    assert b"We asked Mo Member to volunteer." in response.content
    assert [m.to for m in mailoutbox] == [[world.member.email]]


# -- the session page panel -------------------------------------------------------------


def test_session_page_shows_presenters_and_a_volunteer_button(client, world):
    session = upcoming_session(world, case_slots=2)
    confirm(world, volunteer(world, session, colleague(world), kind="case"))
    client.force_login(world.member)
    response = client.get(url("session_detail", world.public.slug, session.public_id))
    html = response.content.decode()
    assert 'id="presenters-heading"' in html
    assert "Cam Colleague" in html
    assert "1 case slot open" in html
    assert "Volunteer to present" in html


def test_session_page_offers_a_withdraw_button_on_ones_own_offer(client, world):
    session = upcoming_session(world)
    volunteer(world, session)
    client.force_login(world.member)
    html = client.get(url("session_detail", world.public.slug, session.public_id)).content
    assert b"You offered to present" in html
    assert b"Withdraw my offer" in html
    response = client.post(
        url("presenter_withdraw", world.public.slug, session.public_id, "didactic"), follow=True
    )
    assert b"You withdrew your offer to present." in response.content
    assert PresenterSlot.objects.get().status == "withdrawn"


def test_session_page_has_no_volunteer_button_after_the_session(client, world):
    session = past_session(world)
    client.force_login(world.member)
    html = client.get(url("session_detail", world.public.slug, session.public_id)).content
    assert b"Volunteer to present" not in html


def test_session_page_has_no_volunteer_button_for_visitors(client, world):
    session = upcoming_session(world)
    client.force_login(world.outsider)
    html = client.get(url("session_detail", world.public.slug, session.public_id)).content
    assert b'id="presenters-heading"' in html
    assert b"Volunteer to present" not in html


# -- query counts -----------------------------------------------------------------------


def grow_signup(world, n):
    for i in range(n):
        session = upcoming_session(world, days=1 + i % 20, title=f"Session {i}")
        if i % 2:
            volunteer(world, session, kind="case")


def grow_board(world, n):
    for i in range(n):
        session = upcoming_session(world, days=1 + i % 20)
        slot = volunteer(world, session, colleague(world, f"Volunteer {i} {world.n}"))
        if i % 3 == 0:
            confirm(world, slot)
        world.n += 1


def grow_history(world, n):
    for i in range(n):
        person = colleague(world, f"Member {world.n}")
        world.n += 1
        if i % 2:
            session = past_session(world, days_ago=1 + i)
            Session.objects.filter(pk=session.pk).update(presenter=person)


def grow_panel(world, n):
    session = world.panel_session
    for i in range(n):
        person = colleague(world, f"Case person {world.n}")
        world.n += 1
        slot = volunteer(world, session, person, kind="case")
        if i == 0:
            confirm(world, slot)


PAGES = [
    ("presenter_signup", "member", lambda w: signup_url(w), grow_signup, 8),
    ("presenter_board", "facilitator", lambda w: url("presenter_board", w.public.slug),
     grow_board, 8),
    ("presenter_history", "facilitator", lambda w: url("presenter_history", w.public.slug),
     grow_history, 8),
]  # fmt: skip


def _count(client, page_url) -> int:
    client.get(page_url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page_url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(("name", "viewer", "page_url", "grow", "max_queries"), PAGES)
def test_presenter_page_query_count_is_pinned(
    client, world, name, viewer, page_url, grow, max_queries, django_assert_max_num_queries
):
    world.n = 0
    grow(world, 3)
    client.force_login(getattr(world, viewer))
    client.get(page_url(world))
    with django_assert_max_num_queries(max_queries):
        assert client.get(page_url(world)).status_code == 200


@pytest.mark.parametrize(("name", "viewer", "page_url", "grow", "max_queries"), PAGES)
def test_presenter_page_query_count_does_not_grow_with_rows(
    client, world, name, viewer, page_url, grow, max_queries
):
    world.n = 0
    client.force_login(getattr(world, viewer))
    grow(world, 1)
    with_one = _count(client, page_url(world))
    grow(world, 19)
    with_twenty = _count(client, page_url(world))
    assert with_one == with_twenty


def test_presenters_panel_query_count_does_not_grow_with_offers(client, world):
    world.n = 0
    world.panel_session = upcoming_session(world, case_slots=6)
    page_url = url("session_detail", world.public.slug, world.panel_session.public_id)
    client.force_login(world.facilitator)
    grow_panel(world, 1)
    with_one = _count(client, page_url)
    grow_panel(world, 19)
    assert _count(client, page_url) == with_one


def test_presenter_volunteer_form_offers_only_the_open_slots(client, world):
    session = make_session(world)  # a named guest gives the talk: only a case is open
    client.force_login(world.member)
    html = client.get(volunteer_url(session)).content.decode()
    assert 'value="didactic"' not in html
    assert 'value="case" required id="id_kind_0" checked' in html


def test_session_page_shows_open_case_slots_only_before_the_session(client, world):
    upcoming = make_session(world, case_slots=2, guest_presenter="")
    past = make_session(
        world, starts_at=timezone.now() - dt.timedelta(days=2), case_slots=2, guest_presenter=""
    )
    client.force_login(world.member)

    def page(session):
        path = reverse("meetings:session_detail", args=["open-science", session.public_id])
        return client.get(path).content.decode()

    assert "2 case slots open" in page(upcoming)
    after = page(past)
    assert 'id="presenters-heading"' in after and "case slots open" not in after
