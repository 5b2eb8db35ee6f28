"""The demo hub's pre/post survey: most members answered both waves, the demo teacher
still has the post wave waiting, and the facilitator sees the response rates."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.demo.surveys import COMMUNITY, POST_SKIPS, WAITING
from staffroom.evaluation.models import Invitation, Response, Survey


@pytest.mark.django_db
def test_demo_has_a_pre_post_survey_with_paired_responses(demo):
    survey = Survey.objects.get(community__slug=COMMUNITY)
    pre, post = survey.waves.order_by("position")
    now = timezone.now()
    assert pre.closes_at < now and post.opens_at < now < post.closes_at
    invited = Invitation.objects.filter(wave=pre).count()
    assert invited >= 20
    submitted = Response.objects.filter(status="submitted")
    assert submitted.filter(wave=pre).count() == invited
    assert submitted.filter(wave=post).count() == invited - POST_SKIPS
    pre_users = set(submitted.filter(wave=pre).values_list("user", flat=True))
    post_users = set(submitted.filter(wave=post).values_list("user", flat=True))
    assert len(pre_users & post_users) == invited - POST_SKIPS
    assert all(r.submitted_at < now and r.answers for r in submitted)
    # Reminders whose day passed are counted as sent, so the sweep sends none at start.
    assert not Invitation.objects.filter(wave=post, responded=False, reminded_count__lt=2)


@pytest.mark.django_db
def test_demo_teacher_and_facilitator_see_the_survey(demo):
    client = Client()
    client.force_login(User.objects.get(email=WAITING))
    page = client.get(reverse("evaluation:my_surveys"))
    assert b"before and after the ECHO series" in page.content
    invitation = Invitation.objects.get(user__email=WAITING, wave__kind="post")
    link = reverse("evaluation:survey_respond", args=[invitation.token])
    assert b"Submit my answers" in client.get(link).content
    client.force_login(User.objects.get(email="facilitator@example.org"))
    survey = Survey.objects.get(community__slug=COMMUNITY)
    page = client.get(reverse("evaluation:survey_detail", args=[survey.public_id]))
    assert page.status_code == 200 and b"%" in page.content
