"""Every write about communities, memberships and invitations (communities/services.py)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from staffroom.communities import services
from staffroom.communities.access import access_hub, community_access_for
from staffroom.communities.models import (
    INVITATION_DAYS,
    Community,
    HubRole,
    Invitation,
    Membership,
    MembershipLog,
)
from staffroom.core.errors import DomainError

ACTIVE = Membership.Status.ACTIVE


def access(world, user, community):
    return community_access_for(user, community)


def membership(user, community) -> Membership:
    return Membership.objects.get(user=user, community=community)


def log_actions(user, community) -> list[str]:
    return list(
        MembershipLog.objects.filter(membership__user=user, membership__community=community)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def ask_to_join(world, user, message=""):
    return services.membership_request(
        actor=user, access=access(world, user, world.private), message=message
    )


# -- community_create / community_update / hub_role_grant -----------------------------


def test_community_create_makes_the_creator_its_first_facilitator(world):
    community = services.community_create(
        actor=world.hub_admin, hub_access=access_hub(world.hub_admin, "plains"),
        name="  New Teachers ", slug="new-teachers", tagline=" Year one ",
        description="We *meet* on Tuesdays.", visibility="public", join_policy="open",
    )  # fmt: skip
    assert community.name == "New Teachers"
    assert community.tagline == "Year one"
    assert "<em>meet</em>" in community.description_html
    created = membership(world.hub_admin, community)
    assert (created.status, created.role) == (ACTIVE, "facilitator")
    assert log_actions(world.hub_admin, community) == ["created"]


def test_community_create_refuses_someone_without_the_hub_capability(world):
    with pytest.raises(DomainError, match="not allowed to create communities"):
        services.community_create(
            actor=world.facilitator, hub_access=access_hub(world.facilitator, "plains"),
            name="Mine", slug="mine", tagline="", description="", visibility="public",
            join_policy="open",
        )  # fmt: skip
    assert not Community.objects.filter(slug="mine").exists()


def test_community_create_refuses_a_hidden_community_people_could_ask_to_join(world):
    with pytest.raises(DomainError, match="hidden community can only be joined by invitation") as e:
        services.community_create(
            actor=world.hub_admin, hub_access=access_hub(world.hub_admin, "plains"),
            name="Secret", slug="secret", tagline="", description="", visibility="hidden",
            join_policy="request",
        )  # fmt: skip
    assert e.value.field == "join_policy"


def test_community_create_refuses_a_web_address_in_use(world):
    with pytest.raises(DomainError, match="already uses this web address") as e:
        services.community_create(
            actor=world.hub_admin, hub_access=access_hub(world.hub_admin, "plains"),
            name="Again", slug="open-science", tagline="", description="",
            visibility="public", join_policy="open",
        )  # fmt: skip
    assert e.value.field == "slug"


def test_community_update_saves_settings_for_a_facilitator(world):
    services.community_update(
        actor=world.facilitator, access=access(world, world.facilitator, world.public),
        name="Open Science Teachers", tagline="", description="**Bold**",
        visibility="private", join_policy="request",
    )  # fmt: skip
    world.public.refresh_from_db()
    assert (world.public.name, world.public.visibility) == ("Open Science Teachers", "private")
    assert "<strong>Bold</strong>" in world.public.description_html


def test_community_update_refuses_a_member(world):
    with pytest.raises(DomainError, match="not allowed"):
        services.community_update(
            actor=world.member, access=access(world, world.member, world.public),
            name="Taken over", tagline="", description="", visibility="public",
            join_policy="open",
        )  # fmt: skip
    world.public.refresh_from_db()
    assert world.public.name == "Open Science"


def test_community_update_refuses_hiding_a_community_people_can_ask_to_join(world):
    with pytest.raises(DomainError, match="only be joined by invitation"):
        services.community_update(
            actor=world.facilitator, access=access(world, world.facilitator, world.private),
            name="Rural Counselors", tagline="", description="", visibility="hidden",
            join_policy="request",
        )  # fmt: skip


def test_hub_role_grant_is_idempotent(world):
    services.hub_role_grant(hub=world.hub, user=world.member, role=HubRole.Role.EVALUATOR)
    services.hub_role_grant(hub=world.hub, user=world.member, role=HubRole.Role.EVALUATOR)
    assert HubRole.objects.filter(user=world.member).count() == 1


# -- membership_join ------------------------------------------------------------------


def test_membership_join_lets_anyone_signed_in_into_an_open_community(world):
    joined = services.membership_join(
        actor=world.outsider, access=access(world, world.outsider, world.public)
    )
    assert (joined.status, joined.role) == (ACTIVE, "member")
    assert joined.joined_at is not None
    assert log_actions(world.outsider, world.public) == ["joined"]


def test_membership_join_refuses_a_community_that_asks_for_a_request(world):
    with pytest.raises(DomainError, match="not allowed"):
        services.membership_join(
            actor=world.outsider, access=access(world, world.outsider, world.private)
        )
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_membership_join_refuses_joining_twice(world):
    services.membership_join(
        actor=world.outsider, access=access(world, world.outsider, world.public)
    )
    with pytest.raises(DomainError, match="already a member"):
        services.membership_join(
            actor=world.outsider, access=access(world, world.outsider, world.public)
        )


def test_membership_join_refuses_someone_who_was_removed(world):
    services.membership_remove(
        actor=world.facilitator, access=access(world, world.facilitator, world.public),
        member_public_id=world.member.public_id,
    )  # fmt: skip
    with pytest.raises(DomainError, match="not allowed"):
        services.membership_join(
            actor=world.member, access=access(world, world.member, world.public)
        )
    assert membership(world.member, world.public).status == Membership.Status.REMOVED


def test_membership_join_welcomes_back_someone_who_left(world):
    services.membership_leave(actor=world.member, access=access(world, world.member, world.public))
    services.membership_join(actor=world.member, access=access(world, world.member, world.public))
    assert membership(world.member, world.public).status == ACTIVE
    assert Membership.objects.filter(user=world.member, community=world.public).count() == 1


# -- membership_request ---------------------------------------------------------------


def test_membership_request_emails_the_facilitators_after_commit(world, deliver, mailoutbox):
    with deliver():
        requested = ask_to_join(world, world.outsider, "  I counsel in a K-8 school.  ")
        assert mailoutbox == []  # nothing leaves before the transaction commits
    assert requested.status == Membership.Status.REQUESTED
    assert requested.request_message == "I counsel in a K-8 school."
    assert [m.to for m in mailoutbox] == [[world.facilitator.email]]
    message = mailoutbox[0]
    assert "Otto Outsider asked to join Rural Counselors" in message.subject
    assert "I counsel in a K-8 school." in message.body
    assert reverse("communities:member_manage", args=[world.private.slug]) in message.body
    assert log_actions(world.outsider, world.private) == ["requested"]


def test_membership_request_twice_is_refused_with_a_clear_message(world, deliver, mailoutbox):
    ask_to_join(world, world.outsider)
    with deliver(), pytest.raises(DomainError, match="already asked to join"):
        ask_to_join(world, world.outsider)
    assert mailoutbox == []


def test_membership_request_refuses_a_member(world):
    with pytest.raises(DomainError, match="already a member"):
        ask_to_join(world, world.member)


def test_membership_request_refuses_an_open_community(world):
    with pytest.raises(DomainError, match="not allowed"):
        services.membership_request(
            actor=world.outsider, access=access(world, world.outsider, world.public)
        )


def test_membership_request_can_be_made_again_after_a_decline(world):
    ask_to_join(world, world.outsider)
    services.membership_decline(
        actor=world.facilitator, access=access(world, world.facilitator, world.private),
        member_public_id=world.outsider.public_id,
    )  # fmt: skip
    again = ask_to_join(world, world.outsider, "Second try")
    assert again.status == Membership.Status.REQUESTED
    assert log_actions(world.outsider, world.private) == ["requested", "declined", "requested"]


# -- membership_withdraw --------------------------------------------------------------


def test_membership_withdraw_closes_the_request(world):
    ask_to_join(world, world.outsider)
    withdrawn = services.membership_withdraw(
        actor=world.outsider, access=access(world, world.outsider, world.private)
    )
    assert withdrawn.status == Membership.Status.WITHDRAWN
    assert log_actions(world.outsider, world.private) == ["requested", "withdrew"]


def test_membership_withdraw_refuses_when_there_is_no_request(world):
    with pytest.raises(DomainError, match="no open request to withdraw"):
        services.membership_withdraw(
            actor=world.outsider, access=access(world, world.outsider, world.private)
        )


# -- membership_approve / membership_decline ------------------------------------------


def test_membership_approve_lets_the_person_in_and_tells_them(world, deliver, mailoutbox):
    ask_to_join(world, world.outsider)
    with deliver():
        approved = services.membership_approve(
            actor=world.facilitator, access=access(world, world.facilitator, world.private),
            member_public_id=world.outsider.public_id,
        )  # fmt: skip
    assert (approved.status, approved.role) == (ACTIVE, "member")
    assert [m.to for m in mailoutbox] == [[world.outsider.email]]
    assert "Welcome to Rural Counselors" in mailoutbox[0].subject
    assert reverse("communities:community_detail", args=[world.private.slug]) in mailoutbox[0].body
    log = MembershipLog.objects.filter(membership=approved).order_by("pk").last()
    assert (log.action, log.actor) == ("approved", world.facilitator)


def test_membership_approve_refuses_a_withdrawn_request(world, deliver, mailoutbox):
    ask_to_join(world, world.outsider)
    services.membership_withdraw(
        actor=world.outsider, access=access(world, world.outsider, world.private)
    )
    with deliver(), pytest.raises(DomainError, match="no longer open: it was withdrawn"):
        services.membership_approve(
            actor=world.facilitator, access=access(world, world.facilitator, world.private),
            member_public_id=world.outsider.public_id,
        )  # fmt: skip
    assert membership(world.outsider, world.private).status == Membership.Status.WITHDRAWN
    assert mailoutbox == []


def test_membership_approve_refuses_a_member_without_the_capability(world):
    ask_to_join(world, world.outsider)
    with pytest.raises(DomainError, match="not allowed"):
        services.membership_approve(
            actor=world.member, access=access(world, world.member, world.private),
            member_public_id=world.outsider.public_id,
        )  # fmt: skip


def test_membership_approve_works_for_the_hub_admin(world):
    ask_to_join(world, world.outsider)
    services.membership_approve(
        actor=world.hub_admin, access=access(world, world.hub_admin, world.private),
        member_public_id=world.outsider.public_id,
    )  # fmt: skip
    assert membership(world.outsider, world.private).status == ACTIVE


def test_membership_decline_sends_the_reason(world, deliver, mailoutbox):
    ask_to_join(world, world.outsider)
    with deliver():
        declined = services.membership_decline(
            actor=world.facilitator, access=access(world, world.facilitator, world.private),
            member_public_id=world.outsider.public_id,
            reason=" This group is for counselors only. ",
        )  # fmt: skip
    assert declined.status == Membership.Status.DECLINED
    assert [m.to for m in mailoutbox] == [[world.outsider.email]]
    assert "This group is for counselors only." in mailoutbox[0].body
    html = mailoutbox[0].alternatives[0][0]
    assert "This group is for counselors only." in html
    log = MembershipLog.objects.filter(membership=declined).order_by("pk").last()
    assert (log.action, log.reason) == ("declined", "This group is for counselors only.")


def test_membership_decline_refuses_an_answered_request(world):
    ask_to_join(world, world.outsider)
    fac_access = access(world, world.facilitator, world.private)
    services.membership_approve(
        actor=world.facilitator, access=fac_access, member_public_id=world.outsider.public_id
    )
    with pytest.raises(DomainError, match="already answered"):
        services.membership_decline(
            actor=world.facilitator, access=fac_access, member_public_id=world.outsider.public_id
        )
    assert membership(world.outsider, world.private).status == ACTIVE


# -- membership_set_role / membership_remove / membership_leave -----------------------


def test_membership_set_role_promotes_and_logs(world):
    changed = services.membership_set_role(
        actor=world.facilitator, access=access(world, world.facilitator, world.private),
        member_public_id=world.member.public_id, role="facilitator",
    )  # fmt: skip
    assert changed.role == "facilitator"
    assert log_actions(world.member, world.private)[-1] == "role_facilitator"


def test_membership_set_role_refuses_demoting_the_last_facilitator(world):
    with pytest.raises(DomainError, match="needs at least one facilitator"):
        services.membership_set_role(
            actor=world.hub_admin, access=access(world, world.hub_admin, world.private),
            member_public_id=world.facilitator.public_id, role="member",
        )  # fmt: skip
    assert membership(world.facilitator, world.private).role == "facilitator"


def test_membership_set_role_demotes_a_facilitator_when_another_remains(world):
    fac_access = access(world, world.facilitator, world.private)
    services.membership_set_role(
        actor=world.facilitator, access=fac_access, member_public_id=world.member.public_id,
        role="facilitator",
    )  # fmt: skip
    services.membership_set_role(
        actor=world.member, access=access(world, world.member, world.private),
        member_public_id=world.facilitator.public_id, role="member",
    )  # fmt: skip
    assert membership(world.facilitator, world.private).role == "member"


def test_membership_set_role_refuses_a_role_that_does_not_exist(world):
    with pytest.raises(DomainError, match="Choose a role"):
        services.membership_set_role(
            actor=world.facilitator, access=access(world, world.facilitator, world.private),
            member_public_id=world.member.public_id, role="owner",
        )  # fmt: skip
    assert membership(world.member, world.private).role == "member"


def test_membership_set_role_refuses_someone_who_is_not_a_member(world):
    with pytest.raises(DomainError, match="not a member"):
        services.membership_set_role(
            actor=world.facilitator, access=access(world, world.facilitator, world.private),
            member_public_id=world.outsider.public_id, role="facilitator",
        )  # fmt: skip


def test_membership_remove_removes_and_logs_the_reason(world):
    removed = services.membership_remove(
        actor=world.facilitator, access=access(world, world.facilitator, world.private),
        member_public_id=world.member.public_id, reason=" Left the district ",
    )  # fmt: skip
    assert removed.status == Membership.Status.REMOVED
    log = MembershipLog.objects.filter(membership=removed).order_by("pk").last()
    assert (log.action, log.actor, log.reason) == (
        "removed",
        world.facilitator,
        "Left the district",
    )


def test_membership_remove_refuses_the_last_facilitator(world):
    with pytest.raises(DomainError, match="cannot remove the last facilitator"):
        services.membership_remove(
            actor=world.hub_admin, access=access(world, world.hub_admin, world.private),
            member_public_id=world.facilitator.public_id,
        )  # fmt: skip
    assert membership(world.facilitator, world.private).status == ACTIVE


def test_membership_remove_refuses_a_member_without_the_capability(world):
    with pytest.raises(DomainError, match="not allowed"):
        services.membership_remove(
            actor=world.member, access=access(world, world.member, world.private),
            member_public_id=world.facilitator.public_id,
        )  # fmt: skip


def test_membership_leave_lets_a_member_go(world):
    left = services.membership_leave(
        actor=world.member, access=access(world, world.member, world.private)
    )
    assert left.status == Membership.Status.LEFT
    assert log_actions(world.member, world.private)[-1] == "left"


def test_membership_leave_refuses_the_last_facilitator(world):
    with pytest.raises(DomainError, match=r"last facilitator\. Make someone else"):
        services.membership_leave(
            actor=world.facilitator, access=access(world, world.facilitator, world.private)
        )
    assert membership(world.facilitator, world.private).status == ACTIVE


def test_membership_leave_refuses_someone_who_is_not_a_member(world):
    with pytest.raises(DomainError, match="not a member"):
        services.membership_leave(
            actor=world.outsider, access=access(world, world.outsider, world.public)
        )


# -- invitations ----------------------------------------------------------------------


def invite(world, email="new.colleague@example.org", role="member", community=None):
    community = community or world.hidden
    return services.invitation_create(
        actor=world.facilitator, access=access(world, world.facilitator, community),
        email=email, role=role, message="Join us on Thursdays.",
    )  # fmt: skip


def test_invitation_create_emails_the_accept_link(world, deliver, mailoutbox):
    with deliver():
        invitation = invite(world, email="  New.Colleague@Example.org ")
        assert mailoutbox == []
    assert invitation.email == "new.colleague@example.org"
    assert invitation.expires_at > timezone.now() + datetime.timedelta(days=INVITATION_DAYS - 1)
    assert [m.to for m in mailoutbox] == [["new.colleague@example.org"]]
    message = mailoutbox[0]
    accept_path = reverse("communities:invitation_accept", args=[invitation.token])
    assert accept_path in message.body
    assert accept_path in message.alternatives[0][0]
    assert "Fran Facilitator invited you to join District Leaders" in message.body
    assert "Join us on Thursdays." in message.body


def test_invitation_create_again_revokes_the_earlier_invitation(world):
    first = invite(world)
    second = invite(world, email="NEW.colleague@example.org")
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert second.is_open
    with pytest.raises(DomainError, match="invitation was withdrawn"):
        services.invitation_accept(actor=world.outsider, token=first.token)


def test_invitation_create_refuses_an_active_member(world):
    with pytest.raises(DomainError, match="already a member") as e:
        invite(world, email=world.member.email.upper())
    assert e.value.field == "email"
    assert not Invitation.objects.filter(email=world.member.email, accepted_at=None).exists()


def test_invitation_create_refuses_a_role_that_does_not_exist(world):
    with pytest.raises(DomainError, match="Choose a role"):
        invite(world, role="counselor")
    assert not Invitation.objects.filter(email="new.colleague@example.org").exists()


def test_invitation_create_refuses_a_member_without_the_capability(world):
    with pytest.raises(DomainError, match="not allowed"):
        services.invitation_create(
            actor=world.member, access=access(world, world.member, world.hidden),
            email="friend@example.org", role="member",
        )  # fmt: skip


def test_invitation_accept_makes_an_active_membership_with_the_invited_role(world):
    invitation = invite(world, email=world.outsider.email, role="facilitator")
    joined = services.invitation_accept(actor=world.outsider, token=invitation.token)
    assert (joined.status, joined.role) == (ACTIVE, "facilitator")
    invitation.refresh_from_db()
    assert invitation.accepted_by == world.outsider
    assert invitation.accepted_at is not None
    assert log_actions(world.outsider, world.hidden) == ["accepted_invitation"]


def test_invitation_accept_does_not_demote_a_facilitator(world):
    invitation = invite(world, email=world.facilitator.email.replace("fac", "fac2"))
    services.invitation_accept(actor=world.facilitator, token=invitation.token)
    assert membership(world.facilitator, world.hidden).role == "facilitator"


def test_invitation_accept_refuses_an_expired_invitation(world, monkeypatch):
    invitation = invite(world)
    later = timezone.now() + datetime.timedelta(days=INVITATION_DAYS, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with pytest.raises(DomainError, match="invitation has expired"):
        services.invitation_accept(actor=world.outsider, token=invitation.token)
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_invitation_accept_refuses_a_used_invitation(world):
    invitation = invite(world)
    services.invitation_accept(actor=world.outsider, token=invitation.token)
    with pytest.raises(DomainError, match="already been used"):
        services.invitation_accept(actor=world.hub_admin, token=invitation.token)
    assert not Membership.objects.filter(
        user=world.hub_admin, community=world.hidden, status=ACTIVE
    ).exists()


def test_invitation_accept_refuses_a_revoked_invitation(world):
    invitation = invite(world)
    services.invitation_revoke(
        actor=world.facilitator, access=access(world, world.facilitator, world.hidden),
        invitation_public_id=invitation.public_id,
    )  # fmt: skip
    with pytest.raises(DomainError, match="invitation was withdrawn"):
        services.invitation_accept(actor=world.outsider, token=invitation.token)


def test_invitation_accept_refuses_a_forged_token(world):
    invite(world)
    with pytest.raises(DomainError, match="link is not valid"):
        services.invitation_accept(actor=world.outsider, token="forged-token-of-the-right-size")


def test_invitation_problems_each_have_their_own_message(world, monkeypatch):
    messages = {services.invitation_problem(None)}
    used, revoked, expired = (
        invite(world, "a@example.org"),
        invite(world, "b@example.org"),
        invite(world, "c@example.org"),
    )
    services.invitation_accept(actor=world.outsider, token=used.token)
    services.invitation_revoke(
        actor=world.facilitator, access=access(world, world.facilitator, world.hidden),
        invitation_public_id=revoked.public_id,
    )  # fmt: skip
    for invitation in (used, revoked):
        invitation.refresh_from_db()
        messages.add(services.invitation_problem(invitation))
    later = timezone.now() + datetime.timedelta(days=INVITATION_DAYS + 1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    messages.add(services.invitation_problem(expired))
    assert len(messages) == 4
    assert None not in messages


def test_invitation_revoke_refuses_twice(world):
    invitation = invite(world)
    fac_access = access(world, world.facilitator, world.hidden)
    services.invitation_revoke(
        actor=world.facilitator, access=fac_access, invitation_public_id=invitation.public_id
    )
    with pytest.raises(DomainError, match="already used or withdrawn"):
        services.invitation_revoke(
            actor=world.facilitator, access=fac_access, invitation_public_id=invitation.public_id
        )


def test_invitation_revoke_refuses_an_invitation_of_another_community(world):
    invitation = invite(world, community=world.private)
    with pytest.raises(DomainError, match="already used or withdrawn"):
        services.invitation_revoke(
            actor=world.facilitator, access=access(world, world.facilitator, world.hidden),
            invitation_public_id=invitation.public_id,
        )  # fmt: skip
    invitation.refresh_from_db()
    assert invitation.is_open


def test_membership_log_records_who_did_what(world):
    ask_to_join(world, world.outsider, "hello")
    services.membership_approve(
        actor=world.facilitator, access=access(world, world.facilitator, world.private),
        member_public_id=world.outsider.public_id,
    )  # fmt: skip
    services.membership_set_role(
        actor=world.facilitator, access=access(world, world.facilitator, world.private),
        member_public_id=world.outsider.public_id, role="facilitator",
    )  # fmt: skip
    services.membership_leave(
        actor=world.outsider, access=access(world, world.outsider, world.private)
    )
    rows = list(
        MembershipLog.objects.filter(membership__user=world.outsider)
        .order_by("pk")
        .values_list("action", "actor__email", "reason")
    )
    assert rows == [
        ("requested", world.outsider.email, "hello"),
        ("approved", world.facilitator.email, ""),
        ("role_facilitator", world.facilitator.email, ""),
        ("left", world.outsider.email, ""),
    ]
