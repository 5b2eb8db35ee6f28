"""People pages: the member directory, "people who teach what I teach", profiles.

They live here, not in ``accounts``, because what one person may see of another
depends on the communities they share."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from staffroom.accounts.models import User
from staffroom.communities import permissions as perms
from staffroom.communities import selectors
from staffroom.communities.access import access_person, community_view
from staffroom.communities.forms import PeopleFilterForm
from staffroom.communities.models import Community, Membership
from staffroom.core.pagination import paginate


@login_required
def directory(request):
    mine = Community.objects.filter(
        memberships__user=request.user, memberships__status=Membership.Status.ACTIVE
    ).order_by("name")
    form = PeopleFilterForm(request.GET, communities=mine)
    people = selectors.directory_list(request.user, filters=form.filters())
    context = {"form": form, "page": paginate(request, people), "has_communities": mine.exists()}
    return render(request, "communities/directory.html", context)


@login_required
def peers(request):
    profile = request.user.profile
    has_basis = profile.subjects.exists() or profile.grade_bands.exists()
    people = selectors.peer_list(request.user) if has_basis else User.objects.none()
    context = {"page": paginate(request, people), "has_basis": has_basis}
    return render(request, "communities/peers.html", context)


@community_view(need=perms.VIEW_MEMBERS)
def community_members(request, access):
    form = PeopleFilterForm(request.GET)
    people = selectors.community_member_list(access.community, filters=form.filters())
    context = {"access": access, "form": form, "page": paginate(request, people)}
    return render(request, "communities/community_members.html", context)


@login_required
def person_detail(request, public_id):
    person, level = access_person(request.user, public_id)
    shared = selectors.shared_community_list(request.user, person) if level == "full" else []
    context = {"person": person, "level": level, "shared": shared}
    return render(request, "communities/person_detail.html", context)
