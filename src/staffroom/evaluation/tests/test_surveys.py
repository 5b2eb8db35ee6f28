"""Survey services: deploying, inviting and reminding by email through the task queue,
saving and submitting answers, anonymity and pairing, and "show if"."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.accounts.models import ProfessionalRole, School
from staffroom.communities.models import Membership
from staffroom.conftest import make_user
from staffroom.core.email import email_suppressed
from staffroom.evaluation import surveys
from staffroom.evaluation.models import Invitation, Response, Wave
from staffroom.evaluation.surveys import Outcome, SurveyError, show_if_met
from staffroom.evaluation.tests.survey_factories import (
    invitation_of,
    invite,
    make_survey,
    make_version,
    wave_spec,
)
from staffroom.meetings.registration import registration_create
from staffroom.meetings.tests.factories import make_series


def items_of(survey):
    return list(survey.version.items.order_by("section__position", "position"))


def submit(invitation, answers, **kwargs):
    survey = invitation.wave.survey
    return surveys.response_save(
        invitation=invitation, answers=answers, submit=True, items=items_of(survey), **kwargs
    )


FULL = {"confident": "3", "supported": "4", "tools": ["1", "3"], "years": 7}


# -- deploying -------------------------------------------------------------------------------


def test_survey_create_makes_waves_and_queues_their_invitations_and_reminders(
    world, django_capture_on_commit_callbacks
):
    version = make_version(world)
    pre, post = wave_spec("pre", opens_in=1), wave_spec("post", opens_in=60)
    with django_capture_on_commit_callbacks(execute=True):
        survey = make_survey(world, version=version, waves=[pre, post])
    waves = list(survey.waves.all())
    assert [(w.kind, w.position, w.first_reminder_days) for w in waves] == [
        ("pre", 1, 3), ("post", 2, 3),
    ]  # fmt: skip
    queued = DBTaskResult.objects.filter(task_path__startswith="staffroom.evaluation.tasks")
    invites = queued.filter(task_path__endswith="wave_invite_task")
    reminders = queued.filter(task_path__endswith="wave_remind_task")
    assert invites.count() == 2 and reminders.count() == 4
    first = invites.order_by("run_after").first()
    assert first.run_after == waves[0].opens_at


def test_survey_create_refuses_a_draft_version_and_bad_waves(world):
    version = make_version(world)
    version.status = "draft"
    with pytest.raises(SurveyError) as refused:
        make_survey(world, version=version)
    assert refused.value.field == "version"
    version.status = "published"
    backwards = wave_spec()
    backwards.closes_at = backwards.opens_at - dt.timedelta(hours=1)
    cases = [
        ([backwards], "wave0-closes_at"),
        ([wave_spec(reminders=(7, 3))], "wave0-second_reminder_days"),
        ([wave_spec(days=5, reminders=(3, 7))], "wave0-closes_at"),
        ([], None),
    ]
    for waves, field in cases:
        with pytest.raises(SurveyError) as refused:
            make_survey(world, version=version, waves=waves)
        assert refused.value.field == field


def test_a_member_cannot_deploy_a_survey(world):
    with pytest.raises(SurveyError):
        make_survey(world, actor=world.member)


def test_only_hub_staff_deploy_to_the_whole_hub(world):
    with pytest.raises(SurveyError):
        make_survey(world, hub_wide=True, actor=world.facilitator)
    assert make_survey(world, hub_wide=True).community is None


def test_a_wave_changes_only_before_it_opens(world):
    survey = make_survey(world, waves=[wave_spec(opens_in=-1), wave_spec("post", opens_in=30)])
    opened, later = survey.waves.all()
    with pytest.raises(SurveyError):
        surveys.wave_update(actor=world.facilitator, wave=opened, spec=wave_spec(opens_in=2))
    changed = surveys.wave_update(
        actor=world.facilitator, wave=later, spec=wave_spec("follow_up", opens_in=40)
    )
    assert changed.kind == "follow_up"
    with pytest.raises(SurveyError):
        surveys.wave_update(actor=world.member, wave=later, spec=wave_spec(opens_in=40))


def test_closing_a_wave_early_stops_answers(world):
    survey = make_survey(world)
    wave = survey.waves.get()
    invitation = invitation_of(wave, world.member)
    assert surveys.wave_close(actor=world.facilitator, wave=wave)
    assert not surveys.wave_close(actor=world.facilitator, wave=wave)
    assert submit(invitation, FULL).status == Outcome.CLOSED
    assert not Response.objects.filter(status="submitted").exists()


# -- who is asked, invitations and reminders -------------------------------------------------


def test_respondents_are_the_active_members_of_the_target(world):
    community = make_survey(world)
    hub = make_survey(world, hub_wide=True)
    people = set(surveys.survey_respondents(community))
    assert people == {world.member, world.facilitator}
    assert set(surveys.survey_respondents(hub)) == {world.member, world.facilitator}
    world.public.memberships.filter(user=world.member).update(status="left")
    assert set(surveys.survey_respondents(community)) == {world.facilitator}


def test_a_series_survey_asks_those_registered_for_its_sessions(world):
    series = make_series(world)
    survey = make_survey(world, series=series)
    assert list(surveys.survey_respondents(survey)) == []
    session = series.sessions.order_by("starts_at").first()
    registration_create(actor=world.member, access=world.access(world.member), session=session)
    assert list(surveys.survey_respondents(survey)) == [world.member]


def test_opening_a_wave_invites_each_member_once_in_their_language(world, mailoutbox, deliver):
    world.member.language = "es"
    world.member.time_zone = "America/Los_Angeles"
    world.member.save()
    survey = make_survey(world)
    wave = survey.waves.get()
    with deliver():
        assert surveys.wave_invite(wave_id=wave.pk) == 2
    with deliver():
        assert surveys.wave_invite(wave_id=wave.pk) == 0
    assert sorted(m.to[0] for m in mailoutbox) == ["fac@example.org", "member@example.org"]
    spanish = next(m for m in mailoutbox if m.to == ["member@example.org"])
    token = Invitation.objects.get(wave=wave, user=world.member).token
    assert f"/surveys/answer/{token}/" in spanish.body
    assert "Hola" in spanish.body
    assert "PDT" in spanish.body or "PST" in spanish.body


def test_a_wave_open_at_creation_is_invited_by_its_queued_task(
    world, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    def worker_round():
        call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)

    # As ``deliver`` does: the worker must not close the test's own connection.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    with django_capture_on_commit_callbacks(execute=True):
        survey = make_survey(world, waves=[wave_spec(opens_in=-1, reminders=())])
    # The worker runs the invitation task, whose emails are queued when it commits
    # and sent on the worker's next round.
    with django_capture_on_commit_callbacks(execute=True):
        worker_round()
    worker_round()
    assert sorted(m.to[0] for m in mailoutbox) == ["fac@example.org", "member@example.org"]
    assert "A few minutes of your time" in mailoutbox[0].subject
    assert survey.waves.get().invitations.count() == 2


def test_someone_who_joins_later_is_invited_by_the_sweep(world, mailoutbox, deliver):
    survey = make_survey(world)
    invite(survey.waves.get())
    newcomer = make_user("new@example.org", "Nia Newcomer")
    Membership.objects.create(community=world.public, user=newcomer, status="active")
    with deliver():
        surveys.survey_sweep()
    assert [m.to for m in mailoutbox] == [["new@example.org"]]


def test_reminders_go_only_to_non_responders_on_their_days(world, mailoutbox, deliver):
    survey = make_survey(world, waves=[wave_spec(opens_in=-4, reminders=(3, 7))])
    wave = survey.waves.get()
    invitations = {i.user: i for i in invite(wave)}
    Invitation.objects.update(sent_at=wave.opens_at)  # invited when the wave opened
    assert submit(invitations[world.facilitator], FULL).status == Outcome.SUBMITTED
    with deliver():
        assert surveys.wave_remind(wave_id=wave.pk, number=1) == 1
        assert surveys.wave_remind(wave_id=wave.pk, number=1) == 0  # once only
        assert surveys.wave_remind(wave_id=wave.pk, number=2) == 0  # day 7 not come
    assert [m.to for m in mailoutbox] == [["member@example.org"]]
    assert "Still time to answer" in mailoutbox[0].subject
    Wave.objects.filter(pk=wave.pk).update(opens_at=timezone.now() - dt.timedelta(days=8))
    with deliver():
        assert surveys.survey_sweep() == 1  # the second reminder, left to the sweep
    assert Invitation.objects.get(pk=invitations[world.member].pk).reminded_count == 2


def test_no_email_and_no_task_while_email_is_suppressed(world, mailoutbox, deliver):
    with email_suppressed(), deliver():
        invite(make_survey(world).waves.get())
    assert mailoutbox == []
    assert not DBTaskResult.objects.filter(task_path__endswith="wave_invite_task").exists()


def test_a_wave_not_yet_open_invites_no_one(world):
    survey = make_survey(world, waves=[wave_spec(opens_in=2)])
    assert surveys.wave_invite(wave_id=survey.waves.get().pk) == 0


# -- answering ---------------------------------------------------------------------------------


def test_save_then_submit_keeps_one_response_with_the_attributes(world):
    school = School.objects.create(name="Prairie High", state="KS", locale="rural")
    profile = world.member.profile
    profile.school, profile.role, profile.years_in_profession = school, "counselor", 12
    profile.save()
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    saved = surveys.response_save(
        invitation=invitation, answers={"confident": "2"}, submit=False, items=items_of(survey)
    )
    assert saved.status == Outcome.SAVED
    draft = Response.objects.get()
    assert draft.status == "in_progress" and draft.user == world.member
    assert submit(invitation, FULL).status == Outcome.SUBMITTED
    response = Response.objects.get()
    assert response.pk == draft.pk and response.status == "submitted"
    assert response.answers == FULL
    assert (response.locale, response.role, response.years) == (
        "rural", ProfessionalRole.COUNSELOR, "11-20",
    )  # fmt: skip
    invitation.refresh_from_db()
    assert invitation.responded and invitation.draft is None


def test_required_items_are_enforced_on_submit_only_and_the_draft_is_kept(world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    refused = submit(invitation, {"supported": "1", "years": 3})
    assert refused.status == Outcome.REFUSED
    assert set(refused.problems) == {"confident", "why_not"}  # why_not shows: supported = 1
    assert Response.objects.get().answers == {"supported": "1", "years": 3}
    assert submit(invitation, {**FULL, "supported": "1", "why_not": "Time."}).status == "submitted"


def test_answers_to_hidden_items_are_dropped_on_submit(world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    assert submit(invitation, {**FULL, "why_not": "typed then changed my mind"}).status == (
        "submitted"
    )
    assert "why_not" not in Response.objects.get().answers


def test_a_double_submission_counts_once(world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    assert submit(invitation, FULL).status == Outcome.SUBMITTED
    assert submit(invitation, {**FULL, "confident": "1"}).status == Outcome.ALREADY
    assert Response.objects.get().answers["confident"] == "3"


def test_answering_after_the_close_keeps_the_typed_answers_as_a_draft(world):
    survey = make_survey(world)
    wave = survey.waves.get()
    invitation = invitation_of(wave, world.member)
    Wave.objects.filter(pk=wave.pk).update(closes_at=timezone.now() - dt.timedelta(minutes=1))
    assert submit(invitation, FULL).status == Outcome.CLOSED
    kept = Response.objects.get()
    assert kept.status == "in_progress" and kept.answers == FULL


def test_a_wave_not_open_yet_saves_nothing(world):
    survey = make_survey(world, waves=[wave_spec(opens_in=3)])
    wave = survey.waves.get()
    invitation = Invitation.objects.create(wave=wave, user=world.member)
    assert submit(invitation, FULL).status == Outcome.NOT_OPEN
    assert not Response.objects.exists()


# -- anonymity and pairing ----------------------------------------------------------------------


def anonymous_pre_post(world):
    survey = make_survey(world, anonymous=True, waves=[wave_spec("pre"), wave_spec("post")])
    return survey, list(survey.waves.all())


def test_an_anonymous_response_keeps_no_link_to_the_account(world):
    survey, (pre, _post) = anonymous_pre_post(world)
    invitation = invitation_of(pre, world.member)
    surveys.response_save(
        invitation=invitation, answers={"confident": "2"}, submit=False, items=items_of(survey),
        pairing_code="not kept",
    )  # fmt: skip
    assert Response.objects.get().user is None and Response.objects.get().pairing_code == ""
    assert submit(invitation, FULL, pairing_code="Blue Heron 42").status == Outcome.SUBMITTED
    response = Response.objects.get()
    invitation.refresh_from_db()
    assert response.user is None and invitation.draft is None and invitation.responded
    assert "heron" not in response.pairing_code.lower() and len(response.pairing_code) == 64


def test_pairing_codes_pair_waves_ignoring_case_and_spaces(world):
    _survey, (pre, post) = anonymous_pre_post(world)
    submit(invitation_of(pre, world.member), FULL, pairing_code="Blue Heron 42")
    submit(invitation_of(post, world.member), FULL, pairing_code="blueheron42")
    codes = list(Response.objects.order_by("wave__position").values_list("pairing_code", flat=True))
    assert len(codes) == 2 and codes[0] == codes[1]


def test_a_pairing_code_taken_in_the_wave_is_refused_without_saying_whose(world):
    _survey, (pre, _post) = anonymous_pre_post(world)
    submit(invitation_of(pre, world.member), FULL, pairing_code="OWL-77")
    refused = submit(invitation_of(pre, world.facilitator), FULL, pairing_code="owl 77")
    assert refused.status == Outcome.REFUSED
    message = refused.problems["pairing_code"]
    assert "already taken" in message and "Mo" not in message and "member" not in message
    assert Response.objects.filter(status="submitted").count() == 1
    assert submit(invitation_of(pre, world.facilitator), FULL, pairing_code="FOX-12").status == (
        "submitted"
    )


def test_an_anonymous_pre_post_survey_needs_a_pairing_code(world):
    _survey, (pre, _post) = anonymous_pre_post(world)
    refused = submit(invitation_of(pre, world.member), FULL, pairing_code="ab")
    assert refused.status == Outcome.REFUSED and "pairing_code" in refused.problems


# -- "show if" ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "logic, answers, shown",
    [
        ("[a] = '1'", {"a": "1"}, True),
        ("[a] = '1'", {"a": "2"}, False),
        ("[a] = '1'", {}, False),
        ("[a] <> ''", {}, False),
        ("[a] <= 2", {"a": "2"}, True),
        ("[a] <= 2", {}, False),
        ("[a] > 2 or [b(3)] = '1'", {"a": "1", "b": ["3"]}, True),
        ("[a] > 2 and [b(3)] = '1'", {"a": "5", "b": ["1"]}, False),
        ("([a] + [c]) >= 10", {"a": 4, "c": 6}, True),
        ("[a] = 1 and not_a_function", {"a": "1"}, True),
        ("sum([a], [c]) > 3", {"a": 1}, True),  # functions: shown rather than hidden
    ],
)
def test_show_if_follows_redcap(logic, answers, shown):
    assert show_if_met(logic, answers) is shown


# -- found in review -----------------------------------------------------------------------------


def test_someone_invited_after_a_reminder_day_is_not_reminded_at_once(world, mailoutbox, deliver):
    survey = make_survey(world, waves=[wave_spec(opens_in=-8, reminders=(3, 7))])
    wave = survey.waves.get()
    Invitation.objects.bulk_create(
        Invitation(wave=wave, user=person, sent_at=wave.opens_at)
        for person in (world.member, world.facilitator)
    )
    Invitation.objects.update(reminded_count=2)
    newcomer = make_user("new@example.org", "Nia Newcomer")
    Membership.objects.create(community=world.public, user=newcomer, status="active")
    with deliver():
        assert surveys.survey_sweep() == 1
    assert [(m.to, m.subject.startswith("A few minutes")) for m in mailoutbox] == [
        (["new@example.org"], True),
    ]  # fmt: skip
    assert Invitation.objects.get(user=newcomer).reminded_count == 0


def test_reminders_skip_people_who_have_left(world, mailoutbox, deliver):
    survey = make_survey(world, waves=[wave_spec(opens_in=-4, reminders=(3,))])
    wave = survey.waves.get()
    invite(wave)
    Invitation.objects.update(sent_at=wave.opens_at)
    world.public.memberships.filter(user=world.member).update(status="left")
    with deliver():
        assert surveys.wave_remind(wave_id=wave.pk, number=1) == 1
    assert [m.to for m in mailoutbox] == [["fac@example.org"]]


def test_an_anonymous_submission_shares_no_row_and_no_exact_time_with_the_draft(world):
    survey, (pre, _post) = anonymous_pre_post(world)
    invitation = invitation_of(pre, world.member)
    surveys.response_save(
        invitation=invitation, answers={"confident": "2"}, submit=False, items=items_of(survey)
    )
    draft = Invitation.objects.get(pk=invitation.pk).draft_id
    assert submit(invitation, FULL, pairing_code="Blue Heron 42").status == Outcome.SUBMITTED
    response = Response.objects.get()
    assert response.pk != draft and response.status == "submitted"
    midnight = {"hour": 0, "minute": 0, "second": 0, "microsecond": 0}
    for moment in (response.started_at, response.saved_at, response.submitted_at):
        assert moment == timezone.now().astimezone(dt.UTC).replace(**midnight)


def test_an_identified_submission_keeps_its_draft_row_and_exact_times(world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    surveys.response_save(
        invitation=invitation, answers={"confident": "2"}, submit=False, items=items_of(survey)
    )
    draft = Response.objects.get()
    assert submit(invitation, FULL).status == Outcome.SUBMITTED
    response = Response.objects.get()
    assert response.pk == draft.pk and response.started_at == draft.started_at
    assert response.submitted_at > draft.saved_at


def test_a_pairing_code_is_measured_without_its_dashes(world):
    _survey, (pre, _post) = anonymous_pre_post(world)
    refused = submit(invitation_of(pre, world.member), FULL, pairing_code="1-2- -")
    assert refused.status == Outcome.REFUSED and "pairing_code" in refused.problems
