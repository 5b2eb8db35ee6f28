"""The schedule's services: series and their generated sessions, one-off sessions,
moving, cancelling, recording, and materials."""

import datetime as dt
import io
import re
import zipfile
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from staffroom.communities.models import Hub
from staffroom.core.email import email_suppressed
from staffroom.core.errors import DomainError
from staffroom.core.files import sniff_material
from staffroom.meetings import services
from staffroom.meetings.models import FocusArea, Material, Session
from staffroom.meetings.recurrence import RecurrenceError
from staffroom.meetings.services import ScheduleError, series_generate
from staffroom.meetings.tests.factories import (
    CHICAGO,
    make_series,
    make_session,
    series_fields,
    session_fields,
)

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_file(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.fixture
def changed(monkeypatch, django_capture_on_commit_callbacks):
    """Run on-commit callbacks and record which sessions were announced as changed
    (instead of queueing the registration area's task)."""
    announced: list[int] = []

    class FakeTask:
        @staticmethod
        def enqueue(*, session_id, **kwargs):
            announced.append(session_id)

    monkeypatch.setattr("staffroom.meetings.tasks.session_changed_task", FakeTask)

    class Recorder:
        ids = announced

        def __call__(self):
            return django_capture_on_commit_callbacks(execute=True)

    return Recorder()


def register(world, session, user=None):
    from staffroom.meetings.registration import registration_create

    user = user or world.member
    return registration_create(actor=user, access=world.access(user), session=session)


def fac(world, community=None):
    return world.access(world.facilitator, community)


# -- series -------------------------------------------------------------------------------


def test_series_create_generates_its_sessions_in_the_series_zone(world):
    series = make_series(world)
    sessions = list(series.sessions.order_by("starts_at"))
    assert len(sessions) == 16  # first date + 15 weeks
    for session in sessions:
        local = session.starts_at.astimezone(CHICAGO)
        assert (local.hour, local.minute, local.weekday()) == (16, 0, 1)
        assert session.occurrence_date == local.date()
        assert session.ends_at - session.starts_at == dt.timedelta(minutes=60)
        assert session.community == world.public and session.title == series.title
        assert session.join_url == "https://meet.example.org/trauma-informed-echo"
    assert series.created_by == world.facilitator
    assert "<strong>regulation</strong>" in series.description_html


def test_series_create_across_daylight_saving_keeps_local_time(world):
    series = make_series(
        world,
        first_date=dt.date(2026, 10, 20),
        last_date=dt.date(2026, 11, 10),
    )
    utc_hours = [s.starts_at.astimezone(dt.UTC).hour for s in series.sessions.all()]
    assert utc_hours == [21, 21, 22, 22]


def test_series_create_refuses_a_member(world):
    with pytest.raises(ScheduleError, match="not allowed"):
        services.series_create(
            actor=world.member, access=world.access(world.member), **series_fields()
        )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"rrule": "FREQ=NEVER"}, "rrule", "not a recurrence rule"),
        ({"rrule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31"}, "rrule", "no dates"),
        ({"rrule": "FREQ=DAILY", "first_date": dt.date(2024, 1, 1), "last_date": None},
         "rrule", "more than 500"),
        ({"last_date": dt.date(2020, 1, 1)}, "last_date", "on or after the first date"),
        ({"meeting_url": "ftp://files.example.org/x"}, "meeting_url", "https://"),
        ({"meeting_url": "javascript:alert(1)"}, "meeting_url", "https://"),
        ({"meeting_url": "meet.example.org"}, "meeting_url", "https://"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "time zone"),
        ({"duration_minutes": 2}, "duration_minutes", "5 minutes"),
        ({"credit_share": 120}, "credit_share", "percentage"),
        ({"capacity": 0}, "capacity", "at least 1"),
        ({"title": "  "}, "title", "title"),
    ],
)  # fmt: skip
def test_series_create_refuses_bad_input(world, overrides, field, message):
    with pytest.raises(DomainError, match=message) as caught:
        make_series(world, **overrides)
    assert caught.value.field == field
    assert not world.public.series.exists()


def test_series_generate_is_idempotent(world):
    series = make_series(world)
    count = series.sessions.count()
    assert series_generate(series) == 0
    assert series.sessions.count() == count


def test_series_generate_rolls_the_horizon(world):
    series = make_series(world, last_date=None)
    first_run = series.sessions.count()
    assert 16 <= first_run <= 18  # about 120 days of Tuesdays
    made = series_generate(series, horizon_days=240)
    assert made >= 16
    assert series.sessions.count() == first_run + made


def test_series_generate_task_rolls_every_series(world, deliver, monkeypatch):
    series = make_series(world, last_date=None)
    before = series.sessions.count()
    later = timezone.now() + dt.timedelta(days=14)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    from staffroom.meetings.tasks import series_generate_task

    with deliver():
        series_generate_task.enqueue()
    assert series.sessions.count() == before + 2


def test_series_generate_never_touches_detached_or_cancelled_sessions(world, changed):
    series = make_series(world)
    first, second, third = series.sessions.order_by("starts_at")[:3]
    with changed():
        services.session_update(
            actor=world.facilitator, access=fac(world), session=first,
            starts_at=first.starts_at + dt.timedelta(days=1),
        )  # fmt: skip
        services.session_cancel(
            actor=world.facilitator, access=fac(world), session=second, reason="Holiday"
        )
        # Every other week now: the first and third Tuesdays stay, the second goes.
        series = services.series_update(
            actor=world.facilitator, access=fac(world), series=series,
            rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        )  # fmt: skip
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.detached and first.status == Session.Status.SCHEDULED
    assert second.status == Session.Status.CANCELLED and second.cancel_reason == "Holiday"
    assert Session.objects.filter(pk=third.pk).exists()
    assert series.sessions.filter(occurrence_date=first.occurrence_date).count() == 1


def test_series_update_deletes_unregistered_sessions_the_rule_no_longer_gives(world):
    series = make_series(world)
    dates = list(series.sessions.values_list("occurrence_date", flat=True))
    services.series_update(
        actor=world.facilitator, access=fac(world), series=series,
        rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
    )  # fmt: skip
    kept = list(series.sessions.values_list("occurrence_date", flat=True))
    assert kept == dates[::2]


def test_series_update_cancels_a_dropped_session_someone_registered_for(world, changed):
    series = make_series(world)
    second = series.sessions.order_by("starts_at")[1]
    register(world, second)
    with changed():
        services.series_update(
            actor=world.facilitator, access=fac(world), series=series,
            rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        )  # fmt: skip
    second.refresh_from_db()
    assert second.status == Session.Status.CANCELLED
    assert second.sequence == 1
    assert changed.ids == [second.pk]


def test_series_update_moves_sessions_to_come_and_tells_people(world, changed):
    series = make_series(world)
    sessions = list(series.sessions.order_by("starts_at"))
    with changed():
        services.series_update(
            actor=world.facilitator, access=fac(world), series=series,
            start_time=dt.time(15, 30), duration_minutes=90,
            meeting_url="https://meet.example.org/new-room",
        )  # fmt: skip
    for session in sessions:
        session.refresh_from_db()
        local = session.starts_at.astimezone(CHICAGO)
        assert (local.hour, local.minute) == (15, 30)
        assert session.duration_minutes == 90
        assert session.sequence == 1
        assert session.join_url == "https://meet.example.org/new-room"
    assert sorted(changed.ids) == sorted(s.pk for s in sessions)


def test_series_update_keeps_a_session_with_its_own_topic(world):
    series = make_series(world)
    first, second = series.sessions.order_by("starts_at")[:2]
    services.session_update(
        actor=world.facilitator, access=fac(world), session=first, title="Co-regulation first"
    )
    services.series_update(
        actor=world.facilitator, access=fac(world), series=series, title="Calm classrooms ECHO"
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title == "Co-regulation first" and not first.detached
    assert second.title == "Calm classrooms ECHO"


def test_series_update_refuses_bad_rule_and_changes_nothing(world):
    series = make_series(world)
    count = series.sessions.count()
    with pytest.raises(RecurrenceError):
        services.series_update(
            actor=world.facilitator, access=fac(world), series=series, rrule="FREQ=NEVER"
        )
    series.refresh_from_db()
    assert series.rrule == "FREQ=WEEKLY;BYDAY=TU" and series.sessions.count() == count


def test_series_update_refuses_a_series_of_another_community(world):
    series = make_series(world, world.private)
    with pytest.raises(ScheduleError, match="another community"):
        services.series_update(
            actor=world.facilitator, access=fac(world), series=series, title="Taken over"
        )


# -- sessions -----------------------------------------------------------------------------


def test_session_create_makes_a_one_off_session(world):
    area = FocusArea.objects.create(hub=world.hub, code="2.B", name="Classroom climate")
    session = make_session(
        world, presenter=world.member, focus_area=area, tags="Literacy, conferring, literacy ,"
    )
    assert session.series is None and session.occurrence_date is None
    assert session.duration_minutes == 60
    assert session.starts_at.astimezone(CHICAGO).hour == 15
    assert session.tags == "Literacy, conferring"
    assert session.presenter == world.member and session.focus_area == area


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"meeting_url": "zoommtg://zoom.us/join?confno=1"}, "meeting_url"),
        ({"title": ""}, "title"),
        ({"case_slots": 9}, "case_slots"),
        ({"starts_at": dt.datetime(2026, 9, 8, 16, 0)}, "starts_at"),
        ({"duration_minutes": 0}, "duration_minutes"),
    ],
)
def test_session_create_refuses_bad_input(world, overrides, field):
    with pytest.raises(ScheduleError) as caught:
        make_session(world, **overrides)
    assert caught.value.field == field


def test_session_create_refuses_a_focus_area_of_another_hub(world):
    other = Hub.objects.create(name="Coast Hub", slug="coast")
    area = FocusArea.objects.create(hub=other, code="1", name="Elsewhere")
    with pytest.raises(ScheduleError, match="focus area") as caught:
        make_session(world, focus_area=area)
    assert caught.value.field == "focus_area"


def test_session_create_refuses_a_presenter_who_is_not_a_member(world):
    with pytest.raises(ScheduleError, match="member") as caught:
        make_session(world, presenter=world.outsider)
    assert caught.value.field == "presenter"


def test_session_create_refuses_a_member(world):
    with pytest.raises(ScheduleError, match="not allowed"):
        make_session(world, actor=world.member)


def test_session_create_lets_the_hub_admin_schedule(world):
    assert make_session(world, actor=world.hub_admin).community == world.public


def test_session_update_moving_a_series_session_detaches_it(world, changed):
    series = make_series(world)
    session = series.sessions.order_by("starts_at").first()
    new_start = session.starts_at + dt.timedelta(hours=1)
    with changed():
        session = services.session_update(
            actor=world.facilitator, access=fac(world), session=session, starts_at=new_start
        )
    session.refresh_from_db()
    assert session.detached and session.sequence == 1 and session.starts_at == new_start
    assert session.duration_minutes == 60
    assert session.occurrence_date.weekday() == 1  # the date the rule gave, kept
    assert changed.ids == [session.pk]
    # Regenerating does not make the moved date's session again.
    assert series_generate(series) == 0


def test_session_update_giving_its_own_link_detaches_it(world, changed):
    series = make_series(world)
    session = series.sessions.order_by("starts_at").first()
    with changed():
        services.session_update(
            actor=world.facilitator, access=fac(world), session=session,
            meeting_url="https://meet.example.org/guest-room",
        )  # fmt: skip
    session.refresh_from_db()
    assert session.detached and session.sequence == 1
    assert session.join_url == "https://meet.example.org/guest-room"
    assert changed.ids == [session.pk]


def test_session_update_of_the_topic_keeps_it_in_the_series(world, changed):
    series = make_series(world)
    session = series.sessions.order_by("starts_at").first()
    with changed():
        services.session_update(
            actor=world.facilitator, access=fac(world), session=session,
            title="Restorative circles", presenter=world.member, case_slots=2,
        )  # fmt: skip
    session.refresh_from_db()
    assert not session.detached and session.sequence == 0 and session.case_slots == 2
    assert session.meeting_url == ""  # still follows the series' link
    assert changed.ids == []


def test_session_update_refuses_a_cancelled_session(world):
    session = make_session(world)
    services.session_cancel(
        actor=world.facilitator, access=fac(world), session=session, reason="Storm"
    )
    with pytest.raises(ScheduleError, match="cancelled"):
        services.session_update(
            actor=world.facilitator, access=fac(world), session=session, title="Back on"
        )


def test_session_update_refuses_a_session_of_another_community(world):
    session = make_session(world, world.private)
    with pytest.raises(ScheduleError, match="another community"):
        services.session_update(
            actor=world.facilitator, access=fac(world), session=session, title="Moved"
        )


def test_session_cancel_marks_it_and_raises_the_sequence(world, changed):
    session = make_session(world)
    with changed():
        session = services.session_cancel(
            actor=world.facilitator, access=fac(world), session=session, reason="Snow day."
        )
    assert session.status == Session.Status.CANCELLED
    assert session.sequence == 1 and session.cancel_reason == "Snow day."
    assert changed.ids == [session.pk]


def test_session_cancel_in_invented_history_tells_no_one(world, changed):
    session = make_session(world)
    with email_suppressed(), changed():
        services.session_cancel(
            actor=world.facilitator, access=fac(world), session=session, reason="Snow day."
        )
    assert changed.ids == []


def test_session_cancel_refuses_twice_a_past_session_and_no_reason(world):
    session = make_session(world)
    with pytest.raises(ScheduleError) as caught:
        services.session_cancel(
            actor=world.facilitator, access=fac(world), session=session, reason=" "
        )
    assert caught.value.field == "reason"
    services.session_cancel(actor=world.facilitator, access=fac(world), session=session, reason="x")
    with pytest.raises(ScheduleError, match="already cancelled"):
        services.session_cancel(
            actor=world.facilitator, access=fac(world), session=session, reason="x"
        )
    past = make_session(world, starts_at=timezone.now() - dt.timedelta(days=1))
    with pytest.raises(ScheduleError, match="already taken place"):
        services.session_cancel(
            actor=world.facilitator, access=fac(world), session=past, reason="x"
        )


def test_session_cancel_emails_the_registered_people(world, deliver):
    """The whole way: the cancellation reaches the registered member's inbox with an
    updated calendar entry (the registration area's task)."""
    session = make_session(world)
    register(world, session)
    mail.outbox.clear()
    with deliver():
        services.session_cancel(
            actor=world.facilitator, access=fac(world), session=session, reason="Snow day."
        )
    to_member = [m for m in mail.outbox if world.member.email in m.to]
    assert to_member, [m.subject for m in mail.outbox]


def test_session_record_keeps_recording_and_notes_after_the_session(world):
    session = make_session(world, starts_at=timezone.now() - dt.timedelta(hours=2))
    session = services.session_record(
        actor=world.facilitator, access=fac(world), session=session,
        recording_url="https://video.example.org/echo-12", notes="We tried **think-alouds**.",
    )  # fmt: skip
    assert session.recording_url == "https://video.example.org/echo-12"
    assert "<strong>think-alouds</strong>" in session.notes_html


def test_session_record_refuses_before_the_session_and_a_bad_link(world):
    upcoming = make_session(world)
    with pytest.raises(ScheduleError, match="after the session"):
        services.session_record(
            actor=world.facilitator, access=fac(world), session=upcoming,
            recording_url="", notes="Too early",
        )  # fmt: skip
    past = make_session(world, starts_at=timezone.now() - dt.timedelta(hours=2))
    with pytest.raises(ScheduleError) as caught:
        services.session_record(
            actor=world.facilitator, access=fac(world), session=past,
            recording_url="file:///C:/recording.mp4", notes="",
        )  # fmt: skip
    assert caught.value.field == "recording_url"


# -- materials ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "jpg"),
        (b"GIF89a" + b"\x00" * 20, "gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        (office_file("word"), "docx"),
        (office_file("ppt"), "pptx"),
        (office_file("xl"), None),
        (b"MZ\x90\x00 an executable", None),
        (b"<html><script>alert(1)</script>", None),
        (b"PK\x03\x04 not really a zip", None),
    ],
)
def test_sniff_material_reads_the_content_not_the_name(content, kind):
    assert sniff_material(content[:16], content) == kind


def test_material_add_a_link(world):
    session = make_session(world)
    material = services.material_add(
        actor=world.facilitator, access=fac(world), session=session,
        title="Slides", url="https://example.org/slides",
    )  # fmt: skip
    assert material.url == "https://example.org/slides" and not material.file
    assert len(material.public_id) == 12


def test_material_add_a_file_named_by_its_content(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = make_session(world)
    upload = SimpleUploadedFile("slides.exe", office_file("ppt"))
    material = services.material_add(
        actor=world.facilitator, access=fac(world), session=session, title="", file=upload
    )
    assert material.title == "slides"
    assert re.search(r"/slides(_\w+)?\.pptx$", material.file.name), material.file.name
    with material.file.storage.open(material.file.name, "rb") as stored:
        assert stored.read() == office_file("ppt")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("notes.pdf", b"MZ\x90\x00 disguised executable"), "Upload a PDF"),
        (SimpleUploadedFile("big.pdf", PDF + b"0" * (20 * 1024 * 1024)), "20 MB"),
    ],
)
def test_material_add_refuses_a_bad_file(world, settings, tmp_path, upload, message):
    settings.MEDIA_ROOT = tmp_path
    session = make_session(world)
    with pytest.raises(ScheduleError, match=message) as caught:
        services.material_add(
            actor=world.facilitator, access=fac(world), session=session, title="x", file=upload
        )
    assert caught.value.field == "file"
    assert not Material.objects.exists()


def test_material_add_refuses_both_or_neither_and_a_bad_link(world):
    session = make_session(world)
    for url, file in (("", None), ("https://e.org", SimpleUploadedFile("a.pdf", PDF))):
        with pytest.raises(ScheduleError, match="either a link or a file"):
            services.material_add(
                actor=world.facilitator, access=fac(world), session=session, title="x",
                url=url, file=file,
            )  # fmt: skip
    with pytest.raises(ScheduleError) as caught:
        services.material_add(
            actor=world.facilitator, access=fac(world), session=session, title="x",
            url="data:text/html,hi",
        )  # fmt: skip
    assert caught.value.field == "url"


def test_material_remove_deletes_the_file_once_committed(
    world, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    session = make_session(world)
    material = services.material_add(
        actor=world.facilitator, access=fac(world), session=session, title="Handout",
        file=SimpleUploadedFile("handout.pdf", PDF),
    )  # fmt: skip
    path = material.file.path
    with django_capture_on_commit_callbacks(execute=True):
        services.material_remove(actor=world.facilitator, access=fac(world), material=material)
    assert not Material.objects.filter(pk=material.pk).exists()
    assert not (tmp_path / path).exists()


def test_material_remove_refuses_a_member(world):
    session = make_session(world)
    material = services.material_add(
        actor=world.facilitator, access=fac(world), session=session, title="x",
        url="https://e.org",
    )  # fmt: skip
    with pytest.raises(ScheduleError, match="not allowed"):
        services.material_remove(
            actor=world.member, access=world.access(world.member), material=material
        )


def test_session_fields_default_to_a_local_time():
    fields = session_fields()
    assert fields["starts_at"].tzinfo == ZoneInfo("America/Chicago")


def test_material_add_refuses_more_than_the_limit(world):
    session = make_session(world)
    for number in range(services.MAX_MATERIALS):
        services.material_add(
            actor=world.facilitator, access=fac(world), session=session,
            title=f"Handout {number}", url=f"https://example.org/handout-{number}",
        )  # fmt: skip
    with pytest.raises(ScheduleError, match="at most 30 materials"):
        services.material_add(
            actor=world.facilitator, access=fac(world), session=session,
            title="One too many", url="https://example.org/too-many",
        )  # fmt: skip
    assert session.materials.count() == services.MAX_MATERIALS
