"""Load the invented demo hub (``content.py``) through the project's own services.

Every membership, request and invitation goes through the same service a person would
use in the browser, so the demo obeys the same rules and leaves the same logs. Only
timestamps are then moved into the past, so the hub looks a year old instead of a
minute old.
"""

import random
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Min
from django.db.models.functions import Coalesce
from django.utils import timezone

from staffroom.accounts.models import GradeBand, Subject, User
from staffroom.accounts.services import profile_update, vocabulary_ensure
from staffroom.communities import permissions, services
from staffroom.communities.access import HubAccess, access_hub, community_access_for
from staffroom.communities.models import (
    INVITATION_DAYS,
    Community,
    Hub,
    Invitation,
    JoinPolicy,
    Membership,
    MembershipLog,
)
from staffroom.core.email import email_suppressed
from staffroom.core.markdown import render_markdown
from staffroom.demo import content
from staffroom.demo.cases import cases_load
from staffroom.demo.content import DEMO_SIGN_INS
from staffroom.demo.conversations import conversations_load
from staffroom.demo.discussions import discussions_load
from staffroom.demo.instruments import instruments_load
from staffroom.demo.sessions import sessions_load
from staffroom.demo.surveys import surveys_load

__all__ = ["DEMO_PASSWORD", "DEMO_SIGN_INS", "demo_load"]

DEMO_PASSWORD = "staffroom"

MEMBER = Membership.Role.MEMBER
FACILITATOR = Membership.Role.FACILITATOR


def demo_load(*, stdout=None) -> bool:
    """Load the demo hub in one transaction and return True; if its hub already exists,
    change nothing and return False. Every demo account signs in with ``DEMO_PASSWORD``
    and has a verified email address."""
    with email_suppressed(), transaction.atomic():
        if Hub.objects.filter(slug=content.HUB["slug"]).exists():
            _say(stdout, f"The demo hub “{content.HUB['name']}” is already loaded.")
            return False
        # The people's profiles name subjects and grade bands by code.
        vocabulary_ensure()
        _DemoLoader(stdout).load()
    return True


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(f"{message}\n")


class _DemoLoader:
    def __init__(self, stdout):
        self.stdout = stdout
        self.now = timezone.now()
        # A fixed seed, so every load of the demo tells the same story.
        self.rng = random.Random(content.HUB["slug"])
        self.users: dict[str, User] = {}

    def ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    def load(self) -> None:
        self.create_people()
        hub = self.create_hub()
        creator = self.users[content.HUB["creator"]]
        hub_access = access_hub(creator, hub.slug, need=permissions.CREATE_COMMUNITY)
        for spec in content.COMMUNITIES:
            self.create_community(spec, creator, hub_access)
        self.backdate_accounts(hub)
        sessions_load(users=self.users, now=self.now)
        cases_load(users=self.users, now=self.now)
        discussions_load(users=self.users, now=self.now)
        instruments_load(users=self.users)
        surveys_load(users=self.users, now=self.now)
        conversations_load(users=self.users, now=self.now)
        _say(
            self.stdout,
            f"Loaded “{hub.name}”: {len(content.COMMUNITIES)} communities, "
            f"{len(self.users)} people.",
        )

    def create_people(self) -> None:
        subjects = Subject.objects.in_bulk(field_name="code")
        bands = GradeBand.objects.in_bulk(field_name="code")
        # Hashing is slow on purpose (half a second each); every demo account shares one
        # password, so hash it once instead of once per person.
        password = make_password(DEMO_PASSWORD)
        for person in content.PEOPLE:
            site_admin = person.get("site_admin", False)
            user = User.objects.create_user(
                person["email"],
                display_name=person["display_name"],
                is_staff=site_admin,
                is_superuser=site_admin,
            )
            user.password = password
            user.save(update_fields=["password"])
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            profile_update(
                actor=user,
                display_name=person["display_name"],
                pronouns=person["pronouns"],
                role=person["role"],
                subjects=[subjects[code] for code in person["subjects"]],
                grade_bands=[bands[code] for code in person["grade_bands"]],
                years_in_profession=person["years_in_profession"],
                languages=person["languages"],
                bio=person["bio"],
                time_zone=person["time_zone"],
                language=person["language"],
                school=content.SCHOOLS[person["school"]],
            )
            self.users[user.email] = user

    def create_hub(self) -> Hub:
        spec = content.HUB
        hub = Hub.objects.create(
            name=spec["name"],
            slug=spec["slug"],
            description=spec["description"],
            description_html=render_markdown(spec["description"]),
            signer_name=spec["signer_name"],
            signer_title=spec["signer_title"],
        )
        Hub.objects.filter(pk=hub.pk).update(created_at=self.ago(spec["started_days_ago"]))
        for person in content.PEOPLE:
            for role in person.get("hub_roles", []):
                services.hub_role_grant(hub=hub, user=self.users[person["email"]], role=role)
        return hub

    def create_community(self, spec: dict, creator: User, hub_access: HubAccess) -> None:
        start = spec["started_days_ago"]
        community = services.community_create(
            actor=creator,
            hub_access=hub_access,
            name=spec["name"],
            slug=spec["slug"],
            tagline=spec["tagline"],
            description=spec["description"],
            visibility=spec["visibility"],
            join_policy=spec["join_policy"],
        )
        Community.objects.filter(pk=community.pk).update(created_at=self.ago(start))
        creator_membership = community.memberships.get(user=creator)
        self.stamp(creator_membership, self.ago(start), joined_at=self.ago(start))

        creator_access = community_access_for(creator, community)
        for email in spec["facilitators"]:
            if email != creator.email:
                self.invite_and_accept(creator_access, self.users[email], FACILITATOR, start - 1)
        lead = self.users[spec["facilitators"][0]]
        lead_access = community_access_for(lead, community)
        self.hand_over(spec, community, creator, lead_access, start - 2)

        members = [email for email in spec["members"] if email != creator.email]
        for i, email in enumerate(members):
            # Spread joins from a few days after the start to a few days ago, in list order.
            share = (i + self.rng.uniform(0.1, 0.9)) / len(members)
            self.admit(lead_access, self.users[email], start - 4 - (start - 6) * share)
        for email in spec["left"]:
            joined_ago = start - self.rng.uniform(5, start / 3)
            left_ago = joined_ago - self.rng.uniform(30, joined_ago / 2)
            self.admit(lead_access, self.users[email], joined_ago)
            self.leave(community, self.users[email], left_ago)
        for request in spec["requests"]:
            self.request(community, self.users[request["email"]], request["message"])
        for invitation in spec["invitations"]:
            sent = services.invitation_create(
                actor=lead,
                access=lead_access,
                email=invitation["email"],
                role=MEMBER,
                message=invitation["note"],
            )
            self.stamp_invitation(sent, self.ago(self.rng.uniform(0.5, 9)))

    def hand_over(self, spec, community, creator, lead_access, days_ago: float) -> None:
        """The hub admin who created the community steps back once its facilitators are
        in: to a plain member if the community lists them, out of it otherwise."""
        if creator.email in spec["facilitators"]:
            return
        if creator.email in spec["members"]:
            membership = services.membership_set_role(
                actor=lead_access.user,
                access=lead_access,
                member_public_id=creator.public_id,
                role=MEMBER,
            )
        else:
            access = community_access_for(creator, community)
            membership = services.membership_leave(actor=creator, access=access)
        self.stamp(membership, self.ago(days_ago))

    def admit(self, lead_access, user: User, days_ago: float) -> None:
        """Bring ``user`` in the way the community's join policy says a person gets in."""
        community = lead_access.community
        joined = self.ago(days_ago)
        if community.join_policy == JoinPolicy.OPEN:
            access = community_access_for(user, community)
            membership = services.membership_join(actor=user, access=access)
            self.stamp(membership, joined, joined_at=joined)
        elif community.join_policy == JoinPolicy.REQUEST:
            asked = self.ago(days_ago + self.rng.uniform(0.5, 4))
            access = community_access_for(user, community)
            membership = services.membership_request(actor=user, access=access)
            self.stamp(membership, asked, requested_at=asked)
            membership = services.membership_approve(
                actor=lead_access.user, access=lead_access, member_public_id=user.public_id
            )
            self.stamp(membership, joined, joined_at=joined)
        else:
            self.invite_and_accept(lead_access, user, MEMBER, days_ago)

    def invite_and_accept(self, inviter_access, user: User, role: str, days_ago: float) -> None:
        invitation = services.invitation_create(
            actor=inviter_access.user, access=inviter_access, email=user.email, role=role
        )
        accepted = self.ago(days_ago)
        membership = services.invitation_accept(actor=user, token=invitation.token)
        self.stamp_invitation(invitation, self.ago(days_ago + 1), accepted_at=accepted)
        self.stamp(membership, accepted, joined_at=accepted)

    def leave(self, community: Community, user: User, days_ago: float) -> None:
        access = community_access_for(user, community)
        membership = services.membership_leave(actor=user, access=access)
        self.stamp(membership, self.ago(days_ago))

    def request(self, community: Community, user: User, message: str) -> None:
        asked = self.ago(self.rng.uniform(1, 12))
        access = community_access_for(user, community)
        membership = services.membership_request(actor=user, access=access, message=message)
        self.stamp(membership, asked, requested_at=asked)

    def stamp(self, membership: Membership, at: datetime, **fields) -> None:
        """Move a membership's latest change, and the log entry its service wrote, to
        ``at``; ``fields`` are the membership's own timestamps for that change."""
        Membership.objects.filter(pk=membership.pk).update(updated_at=at, **fields)
        latest = membership.log.order_by("-pk").first()
        MembershipLog.objects.filter(pk=latest.pk).update(at=at)

    def stamp_invitation(self, invitation: Invitation, sent: datetime, accepted_at=None) -> None:
        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=sent,
            expires_at=sent + timedelta(days=INVITATION_DAYS),
            accepted_at=accepted_at,
        )

    def backdate_accounts(self, hub: Hub) -> None:
        """Each person signed up a little before they first joined or asked to join."""
        firsts = (
            Membership.objects.filter(community__hub=hub)
            .values("user")
            .annotate(first=Min(Coalesce("requested_at", "joined_at")))
        )
        for row in firsts:
            signed_up = row["first"] - timedelta(days=self.rng.uniform(1, 20))
            User.objects.filter(pk=row["user"]).update(date_joined=signed_up)
