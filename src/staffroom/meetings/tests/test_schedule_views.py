"""The schedule's pages: lists, a session's page, the facilitators' forms (errors
beside the field, input kept), "my sessions" and the community home section."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from staffroom.accounts.services import profile_update
from staffroom.communities import services as community_services
from staffroom.communities.access import access_hub, community_access_for
from staffroom.communities.models import Hub, HubRole
from staffroom.conftest import make_user
from staffroom.meetings import panels, services
from staffroom.meetings.models import FocusArea, Material, Series, Session
from staffroom.meetings.tests.factories import CHICAGO, make_series, make_session
from staffroom.meetings.tests.test_schedule_services import office_file

PDF = b"%PDF-1.7\n%%EOF\n"
DOCX = office_file("word")
SLUG = "open-science"
TEST_TEMPLATES = Path(__file__).parent / "templates"


@pytest.fixture(autouse=True)
def only_our_panels(monkeypatch):
    """The session page with a single test panel, so these tests do not depend on the
    other areas' panels (each area tests its own)."""
    sections = []
    monkeypatch.setattr(panels.session_panels, "_sections", sections)
    return sections


def url(name, *args):
    return reverse(f"meetings:{name}", args=[SLUG, *args])


def fac(world, community=None):
    return world.access(world.facilitator, community)


def set_time_zone(user, zone):
    profile_update(
        actor=user, display_name=user.display_name, pronouns="", role="teacher", subjects=[],
        grade_bands=[], years_in_profession=None, languages="", bio="", time_zone=zone,
        language="", school=None,
    )  # fmt: skip


def series_post(**overrides) -> dict:
    data = {
        "title": "New teachers' circle", "description": "Bring a *question*.",
        "recurrence": "weekly", "custom_rule": "", "first_date": "2030-09-03",
        "last_date": "2030-12-17", "start_time": "16:00", "duration_minutes": "60",
        "time_zone": "America/Chicago", "meeting_url": "https://meet.example.org/circle",
        "dial_in": "", "capacity": "", "reminder_offsets": ["1440", "60"],
        "credit_share": "75", "certificate_share": "80", "phone_counts": "on",
    }  # fmt: skip
    data.update(overrides)
    return data


def session_post(**overrides) -> dict:
    day = (timezone.now().astimezone(CHICAGO) + dt.timedelta(days=10)).date()
    data = {
        "title": "Math talks in grade 3", "description": "", "date": day.isoformat(),
        "start_time": "15:30", "time_zone": "America/Chicago", "duration_minutes": "45",
        "meeting_url": "https://meet.example.org/math", "dial_in": "", "capacity": "",
        "presenter": "", "guest_presenter": "", "focus_area": "", "tags": "math",
        "case_slots": "2",
    }  # fmt: skip
    data.update(overrides)
    return data


def errors_of(response, field):
    return response.context["form"].errors.get(field, [])


# -- the community's sessions --------------------------------------------------------------


def test_session_list_shows_upcoming_then_past_with_cancelled_marked(client, world):
    upcoming = make_session(world, title="Upcoming talk")
    cancelled = make_session(world, title="Called off")
    services.session_cancel(
        actor=world.facilitator, access=fac(world), session=cancelled, reason="Snow"
    )
    make_session(world, title="Last week's talk", starts_at=timezone.now() - dt.timedelta(days=7))
    response = client.get(url("session_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert upcoming.title in page and "Called off" in page
    assert 'class="cancelled"' in page and "Cancelled" in page
    assert "Last week&#x27;s talk" not in page
    past = client.get(url("session_list") + "?tab=past").content.decode()
    assert "Last week&#x27;s talk" in past and "Upcoming talk" not in past


def test_session_list_shows_times_in_the_viewers_zone(client, world):
    day = timezone.now().astimezone(CHICAGO).date() + dt.timedelta(days=5)
    make_session(world, starts_at=dt.datetime.combine(day, dt.time(16, 0), tzinfo=CHICAGO))
    set_time_zone(world.member, "America/New_York")
    client.force_login(world.member)
    page = client.get(url("session_list")).content.decode()
    assert "5:00 PM E" in page  # EST or EDT
    assert "America/New_York" in page


def test_session_list_bad_tab_falls_back_to_upcoming(client, world):
    make_session(world, title="Upcoming talk")
    response = client.get(url("session_list") + "?tab=everything&page=zz")
    assert response.status_code == 200 and response.context["tab"] == "upcoming"


def test_session_list_offers_scheduling_to_facilitators_only(client, world):
    client.force_login(world.member)
    assert url("series_create") not in client.get(url("session_list")).content.decode()
    client.force_login(world.facilitator)
    assert url("series_create") in client.get(url("session_list")).content.decode()


@pytest.mark.parametrize(
    "viewer, signup, board",
    [("anonymous", False, False), ("member", True, False), ("facilitator", True, True),
     ("hub_admin", True, True)],
)  # fmt: skip
def test_session_list_links_the_presenter_pages_to_who_may_see_them(
    client, world, viewer, signup, board
):
    if viewer != "anonymous":
        client.force_login(getattr(world, viewer))
    page = client.get(url("session_list")).content.decode()
    assert (url("presenter_signup") in page) is signup
    assert (url("presenter_board") in page) is board
    assert (url("presenter_history") in page) is board
    for name in ("presenter_signup", "presenter_board", "presenter_history"):
        if url(name) in page:  # every link it shows opens
            assert client.get(url(name)).status_code == 200, name


def test_session_list_of_a_public_community_offers_its_calendar_feed(client, world):
    feed = url("community_calendar_feed")
    page = client.get(url("session_list")).content.decode()
    assert f'href="webcal://testserver{feed}"' in page
    assert f'value="http://testserver{feed}"' in page
    assert reverse("meetings:calendar_detail") not in page  # visitors have no own feed
    assert client.get(feed)["Content-Type"].startswith("text/calendar")
    client.force_login(world.member)
    page = client.get(url("session_list")).content.decode()
    assert feed in page and reverse("meetings:calendar_detail") in page


def test_session_list_of_a_private_community_points_members_to_their_own_feed(client, world):
    private = reverse("meetings:session_list", args=[world.private.slug])
    feed = reverse("meetings:community_calendar_feed", args=[world.private.slug])
    client.force_login(world.member)
    page = client.get(private).content.decode()
    assert feed not in page and reverse("meetings:calendar_detail") in page
    client.force_login(world.hub_admin)  # reads it, belongs to no feed of its own there
    page = client.get(private).content.decode()
    assert feed not in page and reverse("meetings:calendar_detail") not in page


# -- a session's page -----------------------------------------------------------------------


def test_session_detail_shows_what_the_session_is_about(client, world):
    area = FocusArea.objects.create(hub=world.hub, code="3.A", name="Assessment for learning")
    session = make_session(world, presenter=world.member, focus_area=area, case_slots=2,
                           tags="assessment, feedback")  # fmt: skip
    client.force_login(world.member)
    page = client.get(url("session_detail", session.public_id)).content.decode()
    assert session.title in page and world.member.display_name in page
    assert "3.A Assessment for learning" in page and "assessment, feedback" in page


def test_session_detail_shows_a_guest_presenter(client, world):
    session = make_session(world, guest_presenter="Dr. Ana Ruiz, school psychologist")
    page = client.get(url("session_detail", session.public_id)).content.decode()
    assert "Dr. Ana Ruiz, school psychologist" in page


def test_session_detail_shows_the_join_link_to_members_only(client, world):
    session = make_session(world, dial_in="Call +1 555 0100")
    link = "https://meet.example.org/reading-conferences"
    for who in (None, world.outsider):
        if who:
            client.force_login(who)
        page = client.get(url("session_detail", session.public_id)).content.decode()
        assert link not in page and "+1 555 0100" not in page
    client.force_login(world.member)
    page = client.get(url("session_detail", session.public_id)).content.decode()
    assert link in page and "+1 555 0100" in page


def test_session_detail_shows_the_series_zone_to_a_viewer_elsewhere(client, world):
    series = make_series(world)
    session = series.sessions.order_by("starts_at").first()
    set_time_zone(world.member, "Europe/Madrid")
    client.force_login(world.member)
    page = client.get(url("session_detail", session.public_id)).content.decode()
    assert "11:00 PM–12:00 AM CET" in page  # 4 pm in Chicago, in Madrid
    assert "4:00 PM CST" in page and "America/Chicago" in page


def test_session_detail_shows_recording_and_notes_after_it(client, world):
    session = make_session(world, starts_at=timezone.now() - dt.timedelta(days=1))
    services.session_record(
        actor=world.facilitator, access=fac(world), session=session,
        recording_url="https://video.example.org/42", notes="Try **exit tickets**.",
    )  # fmt: skip
    client.force_login(world.member)
    page = client.get(url("session_detail", session.public_id)).content.decode()
    assert "https://video.example.org/42" in page
    assert "<strong>exit tickets</strong>" in page
    assert "Join the session" not in page  # it is over


def test_session_detail_marks_a_cancelled_session(client, world):
    session = make_session(world)
    services.session_cancel(
        actor=world.facilitator, access=fac(world), session=session, reason="Storm warning."
    )
    client.force_login(world.member)
    page = client.get(url("session_detail", session.public_id)).content.decode()
    assert "This session was cancelled." in page and "Storm warning." in page
    assert "Join the session" not in page


def test_session_detail_renders_every_panel(client, world, only_our_panels, settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEST_TEMPLATES]}
    ]

    @panels.register(order=5, template="meetings/includes/schedule_test_panel.html")
    def test_panel(request, access, session):
        return {"greeting": f"Panel for {session.title}"}

    @panels.register(order=6, template="meetings/includes/schedule_test_panel.html")
    def hidden_panel(request, access, session):
        return None

    session = make_session(world)
    page = client.get(url("session_detail", session.public_id)).content.decode()
    assert page.count("test-panel") == 1
    assert f"Panel for {session.title}" in page


def test_session_detail_of_another_community_is_not_found(client, world):
    session = make_session(world, world.private)
    client.force_login(world.member)
    assert client.get(url("session_detail", session.public_id)).status_code == 404


# -- scheduling a series -------------------------------------------------------------------


def test_series_create_page_creates_the_series_and_its_sessions(client, world):
    client.force_login(world.facilitator)
    response = client.post(url("series_create"), series_post())
    series = Series.objects.get(title="New teachers' circle")
    assert response.status_code == 302
    assert response["Location"] == url("series_detail", series.public_id)
    assert series.rrule == "FREQ=WEEKLY;BYDAY=TU"
    assert series.reminder_offsets == [1440, 60] and series.certificate_share == 80
    assert series.sessions.count() == 0  # 2030 is beyond the horizon
    page = client.get(url("series_detail", series.public_id)).content.decode()
    assert "FREQ=WEEKLY;BYDAY=TU" in page


def test_series_create_page_monthly_builds_the_nth_weekday_rule(client, world):
    client.force_login(world.facilitator)
    client.post(url("series_create"), series_post(recurrence="monthly"))
    assert Series.objects.get().rrule == "FREQ=MONTHLY;BYDAY=1TU"  # 3 Sep 2030


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"recurrence": "custom", "custom_rule": "FREQ=FORTNIGHTLY"}, "custom_rule",
         "not a recurrence rule we can read"),
        ({"recurrence": "custom", "custom_rule": ""}, "custom_rule", "Enter the rule"),
        ({"recurrence": "custom", "custom_rule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"},
         "custom_rule", "gives no dates"),
        ({"recurrence": "custom", "custom_rule": "FREQ=DAILY", "first_date": "2020-01-01",
          "last_date": ""}, "custom_rule", "more than 500"),
        ({"recurrence": "custom", "custom_rule": "FREQ=MINUTELY"}, "custom_rule",
         "at most once a day"),
        ({"last_date": "2030-08-01"}, "last_date", "on or after the first date"),
        ({"meeting_url": "ftp://meet.example.org/circle"}, "meeting_url", "https://"),
        ({"time_zone": "Chicago"}, "time_zone", "not a time zone we know"),
        ({"first_date": "next tuesday"}, "first_date", "Enter a valid date"),
    ],
)  # fmt: skip
def test_series_create_page_shows_errors_beside_the_field_and_keeps_input(
    client, world, overrides, field, message
):
    client.force_login(world.facilitator)
    data = series_post(title="Keep my words", **overrides)
    response = client.post(url("series_create"), data)
    assert response.status_code == 400
    assert any(message in error for error in errors_of(response, field)), response.context[
        "form"
    ].errors
    page = response.content.decode()
    assert 'value="Keep my words"' in page
    for name in ("custom_rule", "meeting_url"):
        if overrides.get(name):
            assert overrides[name] in page
    assert not Series.objects.exists()


def test_series_edit_page_shows_a_custom_rule_and_saves_changes(client, world):
    series = make_series(world, rrule="FREQ=WEEKLY;INTERVAL=3;BYDAY=TU")
    client.force_login(world.facilitator)
    form = client.get(url("series_edit", series.public_id)).context["form"]
    assert form.initial["recurrence"] == "custom"
    assert form.initial["custom_rule"] == "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU"
    data = series_post(
        title="Trauma-informed classrooms", first_date=series.first_date.isoformat(),
        last_date=series.last_date.isoformat(), start_time="15:00",
    )  # fmt: skip
    response = client.post(url("series_edit", series.public_id), data)
    assert response.status_code == 302
    series.refresh_from_db()
    assert series.rrule == "FREQ=WEEKLY;BYDAY=TU" and series.title == "Trauma-informed classrooms"
    local = series.sessions.order_by("starts_at").first().starts_at.astimezone(CHICAGO)
    assert (local.hour, local.weekday()) == (15, 1)


def test_series_edit_page_keeps_input_on_error(client, world):
    series = make_series(world)
    client.force_login(world.facilitator)
    data = series_post(recurrence="custom", custom_rule="FREQ=WEEKLY;BYDAY=TUESDAY")
    response = client.post(url("series_edit", series.public_id), data)
    assert response.status_code == 400
    assert "FREQ=WEEKLY;BYDAY=TUESDAY" in response.content.decode()
    assert errors_of(response, "custom_rule")


# -- one-off sessions, moving, cancelling, recording ----------------------------------------


def test_session_create_page_schedules_a_one_off_session(client, world):
    area = FocusArea.objects.create(hub=world.hub, code="1.C", name="Number sense")
    client.force_login(world.facilitator)
    response = client.get(url("session_create"))
    assert "1.C Number sense" in response.content.decode()
    assert world.member.display_name in response.content.decode()
    data = session_post(focus_area=str(area.pk), presenter=str(world.member.pk))
    response = client.post(url("session_create"), data)
    session = Session.objects.get(title="Math talks in grade 3")
    assert response["Location"] == url("session_detail", session.public_id)
    assert session.series is None and session.case_slots == 2 and session.focus_area == area
    assert session.starts_at.astimezone(CHICAGO).time() == dt.time(15, 30)
    assert session.duration_minutes == 45


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"meeting_url": "zoom.us/j/123"}, "meeting_url", "https://"),
        ({"date": ""}, "date", "required"),
        ({"case_slots": "12"}, "case_slots", "6"),
        ({"presenter": "999999"}, "presenter", "valid choice"),
    ],
)
def test_session_create_page_shows_errors_and_keeps_input(client, world, overrides, field, message):
    client.force_login(world.facilitator)
    response = client.post(url("session_create"), session_post(**overrides))
    assert response.status_code == 400
    assert any(message in error for error in errors_of(response, field))
    assert 'value="Math talks in grade 3"' in response.content.decode()
    assert not Session.objects.exists()


def test_session_edit_page_moves_a_series_session_and_detaches_it(client, world):
    series = make_series(world)
    session = series.sessions.order_by("starts_at").first()
    client.force_login(world.facilitator)
    form = client.get(url("session_edit", session.public_id)).context["form"]
    assert form.initial["start_time"] == dt.time(16, 0)
    assert form.initial["meeting_url"] == series.meeting_url
    data = {
        **{k: v for k, v in form.initial.items() if v is not None},
        "date": form.initial["date"].isoformat(), "start_time": "17:00", "presenter": "",
        "focus_area": "",
    }  # fmt: skip
    response = client.post(url("session_edit", session.public_id), data)
    assert response.status_code == 302, response.context["form"].errors
    session.refresh_from_db()
    assert session.detached and session.sequence == 1
    assert session.starts_at.astimezone(CHICAGO).hour == 17
    assert session.meeting_url == ""  # still the series' link


def test_session_cancel_page_confirms_then_cancels(client, world):
    session = make_session(world)
    client.force_login(world.facilitator)
    confirm = client.get(url("session_cancel", session.public_id))
    assert confirm.status_code == 200 and "Why is it cancelled?" in confirm.content.decode()
    empty = client.post(url("session_cancel", session.public_id), {"reason": ""})
    assert empty.status_code == 400 and errors_of(empty, "reason")
    response = client.post(url("session_cancel", session.public_id), {"reason": "Flooded roads"})
    assert response["Location"] == url("session_detail", session.public_id)
    session.refresh_from_db()
    assert session.status == "cancelled" and session.cancel_reason == "Flooded roads"


def test_session_record_page_refuses_before_the_session(client, world):
    session = make_session(world)
    client.force_login(world.facilitator)
    data = {"recording_url": "https://video.example.org/1", "notes": "Early notes"}
    response = client.post(url("session_record", session.public_id), data)
    assert response.status_code == 400
    assert "after the session" in response.content.decode()
    assert "Early notes" in response.content.decode()


def test_session_record_page_saves_recording_and_notes(client, world):
    session = make_session(world, starts_at=timezone.now() - dt.timedelta(hours=3))
    client.force_login(world.facilitator)
    data = {"recording_url": "https://video.example.org/7", "notes": "Next: *routines*."}
    response = client.post(url("session_record", session.public_id), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.recording_url == "https://video.example.org/7"
    assert "<em>routines</em>" in session.notes_html


# -- materials --------------------------------------------------------------------------------


def test_material_add_page_uploads_a_file_and_lists_it(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = make_session(world)
    client.force_login(world.facilitator)
    page = client.get(url("material_add", session.public_id)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    upload = SimpleUploadedFile("agenda.pdf", PDF, content_type="application/pdf")
    response = client.post(
        url("material_add", session.public_id), {"title": "Agenda", "file": upload}
    )
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.file.name.endswith("agenda.pdf")
    client.force_login(world.member)
    page = client.get(url("session_detail", session.public_id)).content.decode()
    download = url("material_download", session.public_id, material.public_id)
    assert "Agenda" in page and download in page
    assert url("material_remove", session.public_id, material.public_id) not in page
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_material_download_keeps_a_private_communitys_files_private(
    client, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    session = make_session(world, world.private)
    material = services.material_add(
        actor=world.facilitator, access=fac(world, world.private), session=session,
        title="Roster notes", file=SimpleUploadedFile("notes.docx", DOCX),
    )  # fmt: skip
    link = services.material_add(
        actor=world.facilitator, access=fac(world, world.private), session=session,
        title="A link", url="https://example.org/x",
    )  # fmt: skip
    args = ["rural-counselors", session.public_id]
    download = reverse("meetings:material_download", args=[*args, material.public_id])
    client.force_login(world.outsider)
    assert client.get(download).status_code == 404
    client.force_login(world.member)
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    no_file = reverse("meetings:material_download", args=[*args, link.public_id])
    assert client.get(no_file).status_code == 404


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "Tool", "file": SimpleUploadedFile("tool.pdf", b"MZ\x90\x00binary")},
         "file", "Upload a PDF"),
        ({"title": "Both", "url": "https://e.org/x", "file": SimpleUploadedFile("a.pdf", PDF)},
         "url", "either a link or a file"),
        ({"title": "Neither"}, "url", "either a link or a file"),
        ({"title": "Link", "url": "mailto:someone@example.org"}, "url", "https://"),
    ],
)  # fmt: skip
def test_material_add_page_shows_errors(client, world, settings, tmp_path, data, field, message):
    settings.MEDIA_ROOT = tmp_path
    session = make_session(world)
    client.force_login(world.facilitator)
    response = client.post(url("material_add", session.public_id), data)
    assert response.status_code == 400
    assert any(message in error for error in errors_of(response, field))
    assert f'value="{data["title"]}"' in response.content.decode()
    assert not Material.objects.exists()


def test_material_remove_page_removes_it(client, world):
    session = make_session(world)
    material = services.material_add(
        actor=world.facilitator, access=fac(world), session=session, title="Old slides",
        url="https://example.org/old",
    )  # fmt: skip
    client.force_login(world.facilitator)
    remove = url("material_remove", session.public_id, material.public_id)
    assert remove in client.get(url("session_detail", session.public_id)).content.decode()
    assert client.post(remove).status_code == 302
    assert not Material.objects.exists()
    # Twice (a double submit): a message, not an error.
    assert client.post(remove).status_code == 302


# -- my sessions and the community home ------------------------------------------------------


def other_hub_community(world):
    hub = Hub.objects.create(name="River Hub", slug="river")
    admin = make_user("river.admin@example.org", "Rita River")
    HubRole.objects.create(hub=hub, user=admin, role=HubRole.Role.ADMIN)
    community = community_services.community_create(
        actor=admin, hub_access=access_hub(admin, "river"), name="River Readers",
        slug="river-readers", tagline="", description="", visibility="private",
        join_policy="request",
    )  # fmt: skip
    access = community_access_for(admin, community)
    for user, role in ((world.member, "member"), (world.facilitator, "facilitator")):
        invitation = community_services.invitation_create(
            actor=admin, access=access, email=user.email, role=role
        )
        community_services.invitation_accept(actor=user, token=invitation.token)
    return community


def test_my_sessions_lists_upcoming_sessions_of_my_communities_across_hubs(client, world):
    river = other_hub_community(world)
    mine_here = make_session(world, title="Here, soon")
    mine_there = make_session(world, river, title="Over the river")
    make_session(world, title="Already over", starts_at=timezone.now() - dt.timedelta(days=1))
    hub = Hub.objects.get(slug="river")
    lonely = community_services.community_create(
        actor=world.hub_admin, hub_access=access_hub(world.hub_admin, "plains"),
        name="Not mine", slug="not-mine", tagline="", description="", visibility="public",
        join_policy="open",
    )  # fmt: skip
    make_session(world, lonely, actor=world.hub_admin, title="Someone else's")
    client.force_login(world.member)
    response = client.get(reverse("meetings:my_sessions"))
    page = response.content.decode()
    assert mine_here.title in page and mine_there.title in page and hub.name in page
    assert "Already over" not in page and "Someone else" not in page


def test_my_sessions_shows_my_registration(client, world):
    from staffroom.meetings.registration import registration_create

    session = make_session(world, title="Registered one")
    registration_create(actor=world.member, access=world.access(world.member), session=session)
    make_session(world, title="Not registered")
    client.force_login(world.member)
    response = client.get(reverse("meetings:my_sessions"))
    rows = {s.title: s.my_registration for s in response.context["page"]}
    assert rows == {"Registered one": "registered", "Not registered": None}
    assert "You are registered" in response.content.decode()


def test_my_sessions_links_the_transcript_and_the_calendar_feed(client, world):
    client.force_login(world.member)
    page = client.get(reverse("meetings:my_sessions")).content.decode()
    assert reverse("meetings:transcript") in page
    assert reverse("meetings:calendar_detail") in page
    for name in ("transcript", "calendar_detail"):
        back = client.get(reverse(f"meetings:{name}")).content.decode()
        assert reverse("meetings:my_sessions") in back, name


def test_my_sessions_sends_anonymous_visitors_to_sign_in(client, world):
    response = client.get(reverse("meetings:my_sessions"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_community_home_lists_upcoming_sessions(client, world):
    make_session(world, title="Soon on the home page")
    page = client.get(reverse("communities:community_detail", args=[SLUG])).content.decode()
    assert "Upcoming sessions" in page and "Soon on the home page" in page
    assert url("session_list") in page


def test_community_home_hides_sessions_from_who_may_not_read_them(client, world):
    make_session(world, world.private, title="Private session")
    client.force_login(world.outsider)
    page = client.get(reverse("communities:community_detail", args=["rural-counselors"]))
    assert "Private session" not in page.content.decode()
    assert "Upcoming sessions" not in page.content.decode()


def test_community_home_without_sessions_invites_facilitators_to_schedule(client, world):
    client.force_login(world.member)
    page = client.get(reverse("communities:community_detail", args=[SLUG])).content.decode()
    assert "Upcoming sessions" not in page
    client.force_login(world.facilitator)
    page = client.get(reverse("communities:community_detail", args=[SLUG])).content.decode()
    assert "No sessions are scheduled yet." in page and url("series_create") in page
