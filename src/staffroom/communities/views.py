"""Community pages: the list, a community's home, joining and leaving, and the
facilitators' member management. Views parse, check access, call a service, render."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.accounts.adapter import RESUME_SESSION_KEY
from staffroom.communities import permissions as perms
from staffroom.communities import selectors, services
from staffroom.communities.access import CommunityAccess, access_hub, community_view
from staffroom.communities.forms import (
    CommunityCreateForm,
    CommunityForm,
    CommunitySearchForm,
    DeclineForm,
    InvitationForm,
    JoinRequestForm,
    MemberSearchForm,
    RemoveForm,
    RoleForm,
)
from staffroom.communities.home_sections import home_sections
from staffroom.communities.hub_sections import hub_sections
from staffroom.communities.models import Membership
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.htmx import render_page
from staffroom.core.pagination import paginate


def _home(access: CommunityAccess):
    return redirect("communities:community_detail", access.community.slug)


def _manage(access: CommunityAccess):
    return redirect("communities:member_manage", access.community.slug)


def community_list(request):
    form = CommunitySearchForm(request.GET)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    communities = selectors.community_list_for(request.user, query=query)
    scope = form.cleaned_data.get("scope") or ""
    if request.user.is_authenticated:
        mine = communities.filter(my_status=Membership.Status.ACTIVE)
        if not scope:
            scope = "mine" if mine.exists() else "discover"
        communities = mine if scope == "mine" else communities.exclude(pk__in=mine.values("pk"))
    else:
        scope = "discover"
    page = paginate(request, communities)
    context = {"form": form, "page": page, "scope": scope, "query": query}
    return render_page(request, "communities/community_list.html", context, partial="results")


def _detail_context(request, access: CommunityAccess, **extra) -> dict:
    community = access.community
    can_list_members = access.has(perms.VIEW_MEMBERS)
    return {
        "access": access,
        "community": community,
        "facilitators": selectors.community_facilitators(community),
        "newest": selectors.community_newest_members(community) if can_list_members else [],
        "counts": selectors.community_counts(community),
        "sections": home_sections.render_for(request, access),
        "request_form": extra.pop("request_form", None) or JoinRequestForm(),
        **extra,
    }


@community_view(need=perms.SEE)
def community_detail(request, access):
    return render(request, "communities/community_detail.html", _detail_context(request, access))


@require_POST
# A member who submits twice is told so by the service rather than refused.
@community_view(need=(perms.JOIN, perms.LEAVE))
def community_join(request, access):
    try:
        services.membership_join(actor=request.user, access=access)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Welcome to %(name)s!") % {"name": access.community.name})
    return _home(access)


@require_POST
# Someone who already asked (a double submit, the back button) is told so by the service.
@community_view(need=(perms.REQUEST_TO_JOIN, perms.WITHDRAW_REQUEST))
def community_request(request, access):
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, access, request_form=form)
        return render(request, "communities/community_detail.html", context, status=400)
    try:
        services.membership_request(
            actor=request.user, access=access, message=form.cleaned_data["message"]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Your request was sent. You will get an email when a facilitator answers.")
        )
    return _home(access)


@require_POST
@community_view(need=perms.WITHDRAW_REQUEST)
def community_withdraw(request, access):
    try:
        services.membership_withdraw(actor=request.user, access=access)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your request was withdrawn."))
    return _home(access)


@community_view(need=perms.LEAVE)
def community_leave(request, access):
    if request.method == "POST":
        try:
            services.membership_leave(actor=request.user, access=access)
        except DomainError as error:
            messages.error(request, error.message)
            return _home(access)
        messages.success(request, _("You left %(name)s.") % {"name": access.community.name})
        return redirect("communities:community_list")
    return render(request, "communities/community_leave.html", {"access": access})


@community_view(need=perms.EDIT_COMMUNITY)
def community_edit(request, access):
    community = access.community
    form = CommunityForm(
        request.POST or None,
        initial={
            "name": community.name, "tagline": community.tagline,
            "description": community.description, "visibility": community.visibility,
            "join_policy": community.join_policy,
        },
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.community_update(actor=request.user, access=access, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Community settings saved."))
            return _home(access)
    status = 400 if form.errors else 200
    context = {"access": access, "form": form}
    return render(request, "communities/community_edit.html", context, status=status)


@login_required
def community_create(request, hub_slug):
    hub_access = access_hub(request.user, hub_slug, need=perms.CREATE_COMMUNITY)
    form = CommunityCreateForm(
        request.POST or None, initial={"visibility": "public", "join_policy": "open"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            community = services.community_create(
                actor=request.user, hub_access=hub_access, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Community created. Invite your first members."))
            return redirect("communities:member_manage", community.slug)
    context = {"hub": hub_access.hub, "form": form}
    status = 400 if form.errors else 200
    return render(request, "communities/community_create.html", context, status=status)


def hub_detail(request, hub_slug):
    hub_access = access_hub(request.user, hub_slug)
    communities = selectors.community_list_for(request.user, hub=hub_access.hub)
    context = {
        "hub": hub_access.hub,
        "hub_access": hub_access,
        "page": paginate(request, communities),
        "sections": hub_sections.render_for(request, hub_access),
    }
    return render(request, "communities/hub_detail.html", context)


@community_view(need=perms.MANAGE_MEMBERS)
def member_manage(request, access):
    return _render_manage(request, access)


def _render_manage(request, access, *, invite_form=None, status=200):
    community = access.community
    search = MemberSearchForm(request.GET)
    search.is_valid()
    members = selectors.member_management_list(community, query=search.cleaned_data.get("q", ""))
    context = {
        "access": access,
        "community": community,
        "requests": selectors.join_request_list(community)[:50],
        "page": paginate(request, members),
        "search": search,
        "invitations": selectors.open_invitation_list(community)[:50],
        "invite_form": invite_form or InvitationForm(),
        "roles": Membership.Role.choices,
        "log": selectors.membership_log_list(community)[:20],
    }
    return render_page(
        request, "communities/member_manage.html", context, partial="requests", status=status
    )


def _answer_request(request, access, answer):
    try:
        answer()
    except DomainError as error:
        messages.error(request, error.message)
    if request.htmx:
        return _render_manage(request, access)
    return _manage(access)


@require_POST
@community_view(need=perms.MANAGE_MEMBERS)
def request_approve(request, access, member):
    def approve():
        membership = services.membership_approve(
            actor=request.user, access=access, member_public_id=member
        )
        messages.success(request, _("%(name)s is now a member.") % {"name": membership.user})

    return _answer_request(request, access, approve)


@require_POST
@community_view(need=perms.MANAGE_MEMBERS)
def request_decline(request, access, member):
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""

    def decline():
        membership = services.membership_decline(
            actor=request.user, access=access, member_public_id=member, reason=reason
        )
        messages.success(request, _("You declined %(name)s's request.") % {"name": membership.user})

    return _answer_request(request, access, decline)


@require_POST
@community_view(need=perms.MANAGE_MEMBERS)
def member_role(request, access, member):
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            membership = services.membership_set_role(
                actor=request.user, access=access, member_public_id=member,
                role=form.cleaned_data["role"],
            )  # fmt: skip
        except DomainError as error:
            messages.error(request, error.message)
        else:
            if perms.is_leader_role(membership.role):
                done = _("%(name)s is now a facilitator.")
            else:
                done = _("%(name)s is now a member.")
            messages.success(request, done % {"name": membership.user})
    else:
        messages.error(request, _("Choose a role."))
    return _manage(access)


@require_POST
@community_view(need=perms.MANAGE_MEMBERS)
def member_remove(request, access, member):
    form = RemoveForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        membership = services.membership_remove(
            actor=request.user, access=access, member_public_id=member, reason=reason
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(name)s was removed.") % {"name": membership.user})
    return _manage(access)


@require_POST
@community_view(need=perms.INVITE)
def invitation_create(request, access):
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user, access=access, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return _manage(access)
    return _render_manage(request, access, invite_form=form, status=400)


@require_POST
@community_view(need=perms.INVITE)
def invitation_revoke(request, access, invitation):
    try:
        services.invitation_revoke(
            actor=request.user, access=access, invitation_public_id=invitation
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Invitation withdrawn."))
    return _manage(access)


def invitation_accept(request, token):
    """The page an invitation link opens. Anyone holding the link may see the
    community's name; signing up from here needs no separate email check, because the
    link itself arrived at that address."""
    invitation = selectors.invitation_get(token)
    problem = services.invitation_problem(invitation)
    context = {"invitation": invitation, "problem": problem}
    if problem:
        return render(
            request,
            "communities/invitation_accept.html",
            context,
            status=404 if invitation is None else 410,
        )
    if not request.user.is_authenticated:
        request.session[RESUME_SESSION_KEY] = request.path
        get_adapter(request).stash_verified_email(request, invitation.email)
        return render(request, "communities/invitation_accept.html", context)
    if request.method == "POST":
        try:
            services.invitation_accept(actor=request.user, token=token)
        except DomainError as error:
            context["problem"] = error.message
            return render(request, "communities/invitation_accept.html", context, status=410)
        messages.success(request, _("Welcome to %(name)s!") % {"name": invitation.community.name})
        return redirect("communities:community_detail", invitation.community.slug)
    return render(request, "communities/invitation_accept.html", context)
