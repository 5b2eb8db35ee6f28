"""The survey pages: deploying, following response rates, editing and closing waves,
"My surveys", and answering through a personal link (expired sessions, closed waves,
double submissions, pairing codes), with their query counts pinned."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.communities.access import community_access_for
from staffroom.communities.models import Membership
from staffroom.communities.services import membership_join, membership_leave
from staffroom.conftest import make_user
from staffroom.evaluation import survey_selectors as selectors
from staffroom.evaluation.models import Invitation, Response, Survey, Wave
from staffroom.evaluation.tests.survey_factories import (
    invitation_of,
    invite,
    make_matrix_version,
    make_survey,
    make_version,
    many_items,
    wave_spec,
)


def respond_url(invitation) -> str:
    return reverse("evaluation:survey_respond", args=[invitation.token])


ANSWERS = {"a-confident": "3", "a-supported": "4", "a-tools": ["1", "2"], "a-years": "7"}


# -- deploying --------------------------------------------------------------------------------


def create_data(version, **overrides) -> dict:
    data = {
        "title": "Autumn check-in", "version": str(version.pk), "anonymous": "on",
        "wave0-kind": "pre", "wave0-opens_at": "2031-09-01T08:00",
        "wave0-closes_at": "2031-09-20T18:00", "wave0-first_reminder_days": "3",
        "wave0-second_reminder_days": "7", "wave1-kind": "post",
        "wave1-opens_at": "2032-05-01T08:00", "wave1-closes_at": "2032-05-20T18:00",
    }  # fmt: skip
    return {**data, **overrides}


def test_a_facilitator_deploys_a_pre_post_survey(client, world):
    version = make_version(world)
    client.force_login(world.facilitator)
    url = reverse("evaluation:survey_create", args=["open-science"])
    page = client.get(url)
    assert page.status_code == 200 and b"Check-in" in page.content
    response = client.post(url, create_data(version))
    survey = Survey.objects.get()
    assert response["Location"] == reverse("evaluation:survey_detail", args=[survey.public_id])
    assert survey.anonymous and survey.community == world.public
    assert [(w.kind, w.second_reminder_days) for w in survey.waves.all()] == [
        ("pre", 7), ("post", None),
    ]  # fmt: skip
    opens = timezone.localtime(survey.waves.first().opens_at, dt.UTC)
    assert opens.hour == 13  # 8 am in Chicago, the facilitator's zone, in CDT


def test_a_bad_survey_form_comes_back_with_the_text_and_the_errors(client, world):
    version = make_version(world)
    client.force_login(world.facilitator)
    url = reverse("evaluation:survey_create", args=["open-science"])
    bad = create_data(version, title="My own words", **{
        "wave0-closes_at": "2031-08-01T08:00", "wave1-closes_at": "",
    })  # fmt: skip
    response = client.post(url, bad)
    assert response.status_code == 400
    assert b"My own words" in response.content
    assert b"Give both dates, or neither." in response.content
    assert not Survey.objects.exists()
    response = client.post(url, create_data(version, **{"wave0-closes_at": "2031-08-01T08:00"}))
    assert response.status_code == 400
    assert b"A wave must close after it opens." in response.content


def test_hub_staff_deploy_a_survey_to_the_whole_hub(client, world):
    version = make_version(world)
    client.force_login(world.hub_admin)
    response = client.post(
        reverse("evaluation:hub_survey_create", args=[world.hub.slug]), create_data(version)
    )
    assert response.status_code == 302
    assert Survey.objects.get().community is None


def test_the_survey_page_shows_the_live_response_rate(client, world, django_assert_max_num_queries):
    survey = make_survey(world, waves=[wave_spec(), wave_spec("post", opens_in=30)])
    invitations = {invitation.user: invitation for invitation in invite(survey.waves.first())}
    client.force_login(world.member)
    client.post(respond_url(invitations[world.member]), {**ANSWERS, "submit": "1"})
    client.force_login(world.facilitator)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("evaluation:survey_detail", args=[survey.public_id]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "<td>2</td><td>1</td>" in text and "50%" in text
    assert "Close now" in text and "Edit" in text


def _joined(world, count, community=None) -> list:
    """``count`` new members of the community (default: the public one)."""
    community = community or world.public
    made = []
    for _ in range(count):
        n = User.objects.count()
        user = make_user(f"joiner{n}@example.org", f"Joiner {n}")
        membership_join(actor=user, access=community_access_for(user, community))
        made.append(user)
    return made


def _leave(user, community):
    membership_leave(actor=user, access=community_access_for(user, community))


def test_people_who_left_without_answering_are_left_out_of_the_rate(
    client, world, django_assert_max_num_queries
):
    """Invited: the facilitator, the member and three joiners. The member answers and
    then leaves (still a response, still asked); one joiner leaves and one loses their
    account without answering (left out); one joiner stays silent. 1 of 3, not 1 of 5."""
    survey = make_survey(world, waves=[wave_spec(), wave_spec("post", opens_in=30)])
    gone, closed, _silent = _joined(world, 3)
    invitations = {invitation.user: invitation for invitation in invite(survey.waves.first())}
    assert len(invitations) == 5
    client.force_login(world.member)
    client.post(respond_url(invitations[world.member]), {**ANSWERS, "submit": "1"})
    _leave(world.member, world.public)
    _leave(gone, world.public)
    closed.is_active = False
    closed.save(update_fields=["is_active"])
    [pre, post] = selectors.wave_rates(survey)
    assert (pre.invited, pre.responded, pre.left, pre.rate) == (5, 1, 2, 33)
    assert (post.invited, post.left, post.rate) == (0, 0, None)
    client.force_login(world.facilitator)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("evaluation:survey_detail", args=[survey.public_id]))
    text = page.content.decode()
    assert "<td>5</td><td>1</td>" in text and "33%" in text
    assert "2 invited people who did not answer have since left the community" in text


def test_everyone_invited_who_left_without_answering_leaves_no_rate(client, world):
    survey = make_survey(world)
    [gone] = _joined(world, 1)
    invite(survey.waves.get())
    _leave(gone, world.public)
    _leave(world.member, world.public)
    world.facilitator.is_active = False
    world.facilitator.save(update_fields=["is_active"])
    [wave] = selectors.wave_rates(survey)
    assert (wave.invited, wave.responded, wave.left, wave.rate) == (3, 0, 3, None)
    client.force_login(world.hub_admin)
    text = client.get(reverse("evaluation:survey_detail", args=[survey.public_id])).content
    assert b"3 invited people who did not answer" in text and b"%</td>" not in text


def test_a_hub_wide_survey_still_asks_who_left_one_community_but_not_all(client, world):
    survey = make_survey(world, hub_wide=True)
    [gone] = _joined(world, 1)
    invite(survey.waves.get())
    _leave(world.member, world.public)  # still in the hub's two other communities
    _leave(gone, world.public)  # in none of them now
    [wave] = selectors.wave_rates(survey)
    assert (wave.invited, wave.responded, wave.left, wave.rate) == (3, 0, 1, 0)
    client.force_login(world.hub_admin)
    text = client.get(reverse("evaluation:survey_detail", args=[survey.public_id])).content
    assert b"1 invited person who did not answer has since left every community of the hub" in text


def test_someone_who_responded_and_then_lost_their_account_still_counts(client, world):
    """Their answer is in: the rate keeps them above and below the line, while their
    old link, like anyone's no longer asked, answers 404."""
    survey = make_survey(world)
    invitations = {invitation.user: invitation for invitation in invite(survey.waves.get())}
    client.post(respond_url(invitations[world.member]), {**ANSWERS, "submit": "1"})
    world.member.is_active = False
    world.member.save(update_fields=["is_active"])
    [wave] = selectors.wave_rates(survey)
    assert (wave.invited, wave.responded, wave.left, wave.rate) == (2, 1, 0, 50)
    assert client.get(respond_url(invitations[world.member])).status_code == 404
    assert client.get(respond_url(invitations[world.facilitator])).status_code == 200
    client.force_login(world.facilitator)
    page = client.get(reverse("evaluation:survey_detail", args=[survey.public_id]))
    assert page.status_code == 200 and b"50%" in page.content


def test_the_waves_and_their_rates_come_in_the_surveys_order(client, world):
    """Counting groups the waves, and a grouped query drops the model's ordering: the
    order is asked for, not left to the database."""
    kinds = ["pre", "post", "follow_up", "follow_up"]
    survey = make_survey(world, waves=[wave_spec(kind) for kind in kinds])
    for wave in survey.waves.all():
        invite(wave)
    waves = selectors.wave_rates(survey)
    assert [(w.position, w.kind, w.invited) for w in waves] == [
        (1, "pre", 2), (2, "post", 2), (3, "follow_up", 2), (4, "follow_up", 2),
    ]  # fmt: skip
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        selectors.wave_rates(survey)
    assert "ORDER BY" in captured.captured_queries[-1]["sql"]


def test_the_survey_page_queries_do_not_grow_with_waves(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    version = make_version(world)
    one = make_survey(world, version=version)
    three = make_survey(world, version=version, waves=[wave_spec(), wave_spec(), wave_spec()])
    for wave in three.waves.all():
        invite(wave)
    client.force_login(world.facilitator)
    counts = []
    for survey in (one, three):
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("evaluation:survey_detail", args=[survey.public_id]))
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_survey_list_queries_do_not_grow(client, world, django_assert_max_num_queries):
    version = make_version(world)
    client.force_login(world.facilitator)
    url = reverse("evaluation:survey_list", args=["open-science"])
    make_survey(world, version=version)
    with django_assert_max_num_queries(12) as one:
        client.get(url)
    for _ in range(5):
        make_survey(world, version=version, waves=[wave_spec(), wave_spec("post")])
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(url)
    assert page.content.count(b"Start-of-year check-in") == 6


def test_the_hubs_survey_list_queries_do_not_grow(client, world, django_assert_max_num_queries):
    version = make_version(world)
    client.force_login(world.hub_admin)
    url = reverse("evaluation:hub_survey_list", args=[world.hub.slug])
    make_survey(world, version=version)
    with django_assert_max_num_queries(12) as one:
        client.get(url)
    for _ in range(5):
        make_survey(world, version=version, waves=[wave_spec(), wave_spec("post")])
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(url)
    assert page.content.count(b"Start-of-year check-in") == 6


def test_a_wave_that_opened_cannot_be_edited(client, world):
    survey = make_survey(world)
    wave = survey.waves.get()
    client.force_login(world.facilitator)
    url = reverse("evaluation:wave_edit", args=[survey.public_id, wave.public_id])
    data = {"kind": "post", "opens_at": "2031-01-01T09:00", "closes_at": "2031-01-09T09:00"}
    response = client.post(url, data)
    assert response.status_code == 400 and b"can no longer change" in response.content


def test_a_wave_is_edited_before_it_opens(client, world):
    survey = make_survey(world, waves=[wave_spec(opens_in=3)])
    wave = survey.waves.get()
    client.force_login(world.facilitator)
    url = reverse("evaluation:wave_edit", args=[survey.public_id, wave.public_id])
    assert client.get(url).status_code == 200
    data = {"kind": "other", "label": "", "opens_at": "2031-01-01T09:00",
            "closes_at": "2031-01-09T09:00"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400 and b"Name this wave." in response.content
    response = client.post(url, {**data, "label": "Mid-year"})
    assert response.status_code == 302
    assert Wave.objects.get().name == "Mid-year"


def test_a_wave_is_closed_early(client, world):
    survey = make_survey(world)
    wave = survey.waves.get()
    client.force_login(world.facilitator)
    url = reverse("evaluation:wave_close", args=[survey.public_id, wave.public_id])
    assert client.post(url).status_code == 302
    assert Wave.objects.get().closed_at is not None


# -- answering ------------------------------------------------------------------------------------


def test_my_surveys_lists_open_waves(client, world, django_assert_max_num_queries):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    make_survey(world, waves=[wave_spec(opens_in=5)])  # not open yet: not listed
    client.force_login(world.member)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("evaluation:my_surveys"))
    assert page.content.count(b"Start-of-year check-in") == 1
    assert respond_url(invitation).encode() in page.content


def test_save_and_finish_later_then_submit(client, world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    client.force_login(world.member)
    url = respond_url(invitation)
    response = client.post(url, {"a-confident": "2", "save": "1"})
    assert response.status_code == 302
    page = client.get(url)
    assert b'value="2" id="id_a-confident_1" checked' in page.content
    response = client.post(url, {**ANSWERS, "submit": "1"})
    assert response.status_code == 302
    assert Response.objects.get().status == "submitted"
    assert b"your answers are in" in client.get(url).content


def test_a_post_after_the_session_expired_loses_nothing(client, world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    client.force_login(world.member)
    url = respond_url(invitation)
    assert client.get(url).status_code == 200
    client.logout()  # the session expired while they typed
    response = client.post(url, {**ANSWERS, "submit": "1"})
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.user == world.member and saved.status == "submitted"
    assert saved.answers["tools"] == ["1", "2"]


def test_someone_else_signed_in_gets_a_404_for_a_personal_link(client, world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    client.force_login(world.facilitator)
    assert client.post(respond_url(invitation), ANSWERS).status_code == 404
    assert not Response.objects.exists()


def test_answering_after_the_close_shows_the_answers_back_and_keeps_them(client, world):
    survey = make_survey(world)
    wave = survey.waves.get()
    invitation = invitation_of(wave, world.member)
    Wave.objects.filter(pk=wave.pk).update(closes_at=timezone.now() - dt.timedelta(minutes=5))
    response = client.post(
        respond_url(invitation), {**ANSWERS, "a-comment": "My long thoughts", "submit": "1"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "closed on" in text and "My long thoughts" in text and "nothing is lost" in text
    assert "Submit my answers" not in text
    kept = Response.objects.get()
    assert kept.status == "in_progress" and kept.answers["comment"] == "My long thoughts"


def test_the_same_submission_twice_counts_once(client, world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    data = {**ANSWERS, "submit": "1"}
    first = client.post(respond_url(invitation), data)
    second = client.post(respond_url(invitation), data, follow=True)
    assert first.status_code == 302 and second.status_code == 200
    assert b"already received" in second.content
    assert Response.objects.count() == 1
    assert Invitation.objects.get(pk=invitation.pk).responded


def test_required_and_bad_answers_come_back_beside_their_questions(client, world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    data = {"a-supported": "1", "a-years": "lots", "a-comment": "Keep me", "submit": "1"}
    response = client.post(respond_url(invitation), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Keep me" in text and 'value="lots"' in text
    assert text.count("Answer this question.") == 0  # a bad number: not submitted at all
    assert "Enter a whole number." in text
    response = client.post(respond_url(invitation), {**data, "a-years": "4"})
    text = response.content.decode()
    assert response.status_code == 400
    assert text.count("Answer this question.") == 2  # confident, and why_not shown by supported
    assert Response.objects.get().answers == {"supported": "1", "years": 4, "comment": "Keep me"}


def test_a_reused_pairing_code_is_refused_with_a_clear_message(client, world):
    survey = make_survey(world, anonymous=True, waves=[wave_spec(), wave_spec("post")])
    pre = survey.waves.get(position=1)
    first = invitation_of(pre, world.member)
    second = invitation_of(pre, world.facilitator)
    data = {**ANSWERS, "a-pairing_code": "maple 1979", "submit": "1"}
    assert client.post(respond_url(first), data).status_code == 302
    response = client.post(respond_url(second), data)
    assert response.status_code == 400
    assert b"This code is already taken in this wave" in response.content
    assert world.member.display_name.encode() not in response.content
    assert Response.objects.filter(status="submitted").count() == 1
    assert Response.objects.get(status="submitted").user is None


def test_the_first_wave_offers_a_code_to_those_who_have_none_and_keeps_no_trace_of_it(
    client, world
):
    survey = make_survey(world, anonymous=True, waves=[wave_spec(), wave_spec("post")])
    pre, post = survey.waves.order_by("position")
    url = respond_url(invitation_of(pre, world.member))
    first, second = (client.get(url).content.decode() for _ in range(2))
    code = re.search(r"you may use this one: <strong>([A-Z0-9-]+)</strong>", first).group(1)
    assert code not in second  # made afresh for each page, so it says nothing of anyone
    client.post(url, {**ANSWERS, "a-pairing_code": code, "submit": "1"})
    later = client.get(respond_url(invitation_of(post, world.member))).content.decode()
    assert "you may use this one" not in later  # a new code would break the pairing
    assert (
        client.post(
            respond_url(invitation_of(post, world.member)),
            {**ANSWERS, "a-pairing_code": code.lower(), "submit": "1"},
        ).status_code
        == 302
    )
    codes = set(Response.objects.values_list("pairing_code", flat=True))
    assert len(codes) == 1 and code not in str(codes)


def test_a_matrix_is_one_grid_with_a_row_per_statement_and_a_column_per_choice(client, world):
    survey = make_survey(world, version=make_matrix_version(world))
    url = respond_url(invitation_of(survey.waves.get(), world.member))
    page = client.get(url).content.decode()
    assert page.count('<table class="matrix"') == 1
    grid = page.split('<table class="matrix"', 1)[1].split("</table>", 1)[0]
    assert grid.count('<th scope="col"') == 6  # the statement column and five choices
    assert grid.count('<th scope="row"') == 3 and grid.count('type="radio"') == 15
    assert 'data-item="belong_3" data-show-if="[belong_2] = &#x27;1&#x27;"' in grid
    assert "Answer only if:" in grid
    # A required row left empty comes back with its error in its row and the rest ticked.
    response = client.post(url, {"a-belong_2": "4", "submit": "1"})
    assert response.status_code == 400
    grid = response.content.decode().split('<table class="matrix"', 1)[1]
    row_1 = grid.split('data-item="belong_1"', 1)[1].split("</tr>", 1)[0]
    row_2 = grid.split('data-item="belong_2"', 1)[1].split("</tr>", 1)[0]
    assert "Answer this question." in row_1 and "Answer this question." not in row_2
    assert re.search(r'value="4" id="id_a-belong_2_3"[^>]* checked', row_2)
    assert (
        client.post(url, {"a-belong_1": "5", "a-belong_2": "4", "submit": "1"}).status_code == 302
    )
    assert Response.objects.get().answers == {"belong_1": "5", "belong_2": "4"}


def test_the_questionnaire_with_40_items_costs_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries
):
    version = make_version(world, rows=many_items(40), title="Forty")
    survey = make_survey(world, version=version)
    invitation = invitation_of(survey.waves.get(), world.member)
    client.force_login(world.member)
    with django_assert_max_num_queries(9):
        page = client.get(respond_url(invitation))
    assert page.content.count(b'type="radio"') == 40 * 4


def test_staff_of_another_hub_and_members_get_a_404_for_a_survey(client, world):
    from staffroom.communities.models import Hub, HubRole
    from staffroom.conftest import make_user

    survey = make_survey(world)
    other = Hub.objects.create(name="Coast Hub", slug="coast")
    stranger = make_user("eval@coast.example.org", "Cora Coast")
    HubRole.objects.create(hub=other, user=stranger, role=HubRole.Role.EVALUATOR)
    url = reverse("evaluation:survey_detail", args=[survey.public_id])
    for person in (stranger, world.member):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(stranger)
    hub_list = reverse("evaluation:hub_survey_list", args=[world.hub.slug])
    assert client.get(hub_list).status_code == 404


def test_a_survey_of_a_series_is_deployed_from_the_form(client, world):
    from staffroom.meetings.tests.factories import make_series

    series = make_series(world)
    version = make_version(world)
    client.force_login(world.facilitator)
    url = reverse("evaluation:survey_create", args=["open-science"])
    assert series.title.encode() in client.get(url).content
    response = client.post(url, create_data(version, series=series.public_id))
    assert response.status_code == 302
    assert Survey.objects.get().series == series


def test_a_wave_not_open_yet_says_when_it_opens_and_saves_nothing(client, world):
    survey = make_survey(world, waves=[wave_spec(opens_in=3)])
    # Invitations are made when a wave opens; this one is made early on purpose.
    invitation = Invitation.objects.create(wave=survey.waves.get(), user=world.member)
    page = client.get(respond_url(invitation))
    assert b"This survey opens on" in page.content and b"Submit my answers" not in page.content
    response = client.post(respond_url(invitation), {**ANSWERS, "submit": "1"}, follow=True)
    assert b"not open yet; nothing was saved" in response.content
    assert not Response.objects.exists()


# -- found in review -----------------------------------------------------------------------------


def test_a_note_with_markup_is_shown_as_text(client, world):
    rows = [("confident", "radio", "I feel confident.", "1, No | 2, Yes", "", "", "", "", "",
             "", '<img src=x onerror="alert(1)"> <b>bold</b>')]  # fmt: skip
    survey = make_survey(world, version=make_version(world, rows=rows))
    page = client.get(respond_url(invitation_of(survey.waves.get(), world.member)))
    assert page.status_code == 200
    assert b"<img src=x" not in page.content and b"<b>bold" not in page.content
    assert b"&lt;b&gt;bold&lt;/b&gt;" in page.content


def test_the_personal_link_keeps_its_url_on_the_site_and_is_not_cached(client, world, settings):
    settings.SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
    survey = make_survey(world)
    url = respond_url(invitation_of(survey.waves.get(), world.member))
    for response in (client.get(url), client.post(url, {"a-confident": "2", "save": "1"})):
        assert response["Referrer-Policy"] == "same-origin"
        assert "no-store" in response["Cache-Control"]


def test_the_personal_link_of_someone_who_has_left_is_a_404(client, world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    world.public.memberships.filter(user=world.member).update(status="left")
    assert client.get(respond_url(invitation)).status_code == 404
    assert client.post(respond_url(invitation), {**ANSWERS, "submit": "1"}).status_code == 404
    assert not Response.objects.exists()


def test_a_huge_number_is_refused_beside_its_question(client, world):
    survey = make_survey(world)
    invitation = invitation_of(survey.waves.get(), world.member)
    # ``comment`` is free text; ``years`` has bounds of its own, so add an unbounded one.
    for huge in ("1" + "0" * 400, "1e400", "nan", "-inf"):
        response = client.post(respond_url(invitation), {**ANSWERS, "a-years": huge, "submit": "1"})
        assert response.status_code == 400, huge
        assert huge.encode() in response.content
    rows = [("amount", "text", "How much?", "", "", "", "", "number")]
    unbounded = make_survey(world, version=make_version(world, rows=rows, title="Amounts"))
    url = respond_url(invitation_of(unbounded.waves.get(), world.member))
    for huge in ("1" + "0" * 400, "1e300", "inf"):
        response = client.post(url, {"a-amount": huge, "submit": "1"})
        assert response.status_code == 400, huge
    assert client.post(url, {"a-amount": "3.5", "submit": "1"}).status_code == 302
    assert Response.objects.get(status="submitted").answers == {"amount": 3.5}


def test_a_later_wave_with_dates_but_no_kind_is_refused_not_dropped(client, world):
    version = make_version(world)
    client.force_login(world.facilitator)
    url = reverse("evaluation:survey_create", args=["open-science"])
    response = client.post(url, create_data(version, **{"wave1-kind": ""}))
    assert response.status_code == 400
    assert b"Choose what kind of wave this is." in response.content
    assert not Survey.objects.exists()


GARBAGE = [
    {},
    {"title": "x" * 5000, "version": "'; DROP TABLE", "series": "nope", "anonymous": "maybe"},
    {"wave0-kind": "sideways", "wave0-opens_at": "2031-13-45T99:99", "wave0-closes_at": "\x00",
     "wave0-first_reminder_days": "-5", "wave0-second_reminder_days": "1e9"},
    {"kind": ["pre", "post"], "opens_at": "yesterday", "closes_at": "2031-03-09T02:30",
     "label": "\x00"},
    {"a-confident": "99", "a-tools": ["1", "9"], "a-years": "3,5", "a-comment": "x" * 600,
     "a-pairing_code": "\x00", "submit": "1"},
    {"a-confident": ["1", "2"], "a-why_not": "\x00", "save": "1", "submit": "1"},
]  # fmt: skip


def test_garbage_posts_to_every_survey_url_never_fail(client, world):
    survey = make_survey(world, anonymous=True, waves=[wave_spec(), wave_spec("post", opens_in=9)])
    pre, post = survey.waves.all()
    invitation = invitation_of(pre, world.member)
    fac, survey_id = world.facilitator, survey.public_id
    urls = [
        (fac, reverse("evaluation:survey_create", args=["open-science"])),
        (world.hub_admin, reverse("evaluation:hub_survey_create", args=[world.hub.slug])),
        (fac, reverse("evaluation:wave_edit", args=[survey_id, post.public_id])),
        (fac, reverse("evaluation:wave_close", args=[survey_id, pre.public_id])),
        (world.member, respond_url(invitation)),
    ]  # fmt: skip
    for person, url in urls:
        client.force_login(person)
        for data in GARBAGE:
            response = client.post(url, data)
            assert response.status_code in (200, 302, 400), (url, data, response.status_code)
    assert not Response.objects.filter(status="submitted").exists()
    assert Survey.objects.count() == 1


def test_my_surveys_leaves_out_a_community_the_person_has_left(client, world):
    invitation_of(make_survey(world).waves.get(), world.member)
    hub_wide = invitation_of(make_survey(world, hub_wide=True).waves.get(), world.member)
    Membership.objects.filter(user=world.member).update(status="left")
    client.force_login(world.member)
    page = client.get(reverse("evaluation:my_surveys"))
    assert page.content.count(b"Start-of-year check-in") == 0
    world.private.memberships.filter(user=world.member).update(status="active")
    page = client.get(reverse("evaluation:my_surveys"))  # the hub-wide survey only
    assert page.content.count(b"Start-of-year check-in") == 1
    assert respond_url(hub_wide).encode() in page.content


def test_the_personal_link_signed_out_shows_dates_in_the_persons_zone(client, world):
    world.member.time_zone = "America/Los_Angeles"
    world.member.save()
    survey = make_survey(world)
    page = client.get(respond_url(invitation_of(survey.waves.get(), world.member)))
    assert b"PST" in page.content or b"PDT" in page.content
