"""Fixtures for the communities tests: more people, made through the services."""

from itertools import count

import pytest

from staffroom.accounts.services import profile_update
from staffroom.communities import services
from staffroom.communities.access import community_access_for
from staffroom.conftest import make_user


@pytest.fixture
def person_factory(world):
    """Make a signed-up person (verified email, profile) and optionally put them in
    communities through the invitation service, as a facilitator would."""
    numbers = count(1)

    def make(name=None, *, communities=(), membership_role="member", **profile):
        n = next(numbers)
        user = make_user(f"person{n}@example.org", name or f"Person {n:02d}")
        if profile:
            profile_defaults = {
                "display_name": user.display_name, "pronouns": "", "role": "teacher",
                "subjects": [], "grade_bands": [], "years_in_profession": None,
                "languages": "", "bio": "", "time_zone": user.time_zone, "language": "",
                "school": None,
            }  # fmt: skip
            profile_update(actor=user, **{**profile_defaults, **profile})
        for community in communities:
            join_by_invitation(world, user, community, role=membership_role)
        return user

    return make


def join_by_invitation(world, user, community, *, role="member"):
    """Let ``user`` into ``community`` the way the facilitator would: by invitation."""
    access = community_access_for(world.facilitator, community)
    invitation = services.invitation_create(
        actor=world.facilitator, access=access, email=user.email, role=role
    )
    return services.invitation_accept(actor=user, token=invitation.token)
