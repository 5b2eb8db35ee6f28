"""Following in the discussions: how to hear of a thread (normal, watching, muted),
following a tag, "What I follow" and "Since my last visit". Every action is a plain
form post that redirects; a refused one comes back (400) with the error beside the
field. The thread and tag pages show these forms through ``discussions_following``
template tags."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate
from staffroom.discussions import following_selectors as selectors
from staffroom.discussions import subscriptions
from staffroom.discussions.access import access_thread
from staffroom.discussions.following_forms import TagFollowForm, ThreadSubscriptionForm
from staffroom.discussions.models import ThreadSubscription


def _done(request, form, page_url: str, following_url: str, message: str):
    messages.success(request, message)
    return redirect(following_url if form.cleaned_data.get("back") == "following" else page_url)


def _level_message(level: str) -> str:
    if level == ThreadSubscription.Level.WATCHING:
        return _("You are watching this thread: you will be told of every new reply.")
    if level == ThreadSubscription.Level.MUTED:
        return _("This thread is muted: you will be told of nothing in it.")
    return _("Notifications for this thread are back to normal.")


@community_view(need=perms.READ)
def thread_subscription(request, access, public_id):
    """Choose how to hear of a thread: the form on its page, or this page of its own."""
    thread = access_thread(access, public_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    level = selectors.thread_subscription_get(request.user, thread)
    form = ThreadSubscriptionForm(
        request.POST if request.method == "POST" else None, initial={"level": level}
    )
    if form.is_valid():
        try:
            level = subscriptions.thread_subscription_set(
                actor=request.user, access=access, thread=thread, level=form.cleaned_data["level"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            page_url = reverse("discussions:thread_detail", args=[access.community.slug, public_id])
            return _done(request, form, page_url, reverse("discussions:following_list"),
                         _level_message(level))  # fmt: skip
    context = {"access": access, "community": access.community, "thread": thread, "form": form}
    return render(request, "discussions/following/thread_subscription.html", context,
                  status=400 if form.is_bound else 200)  # fmt: skip


@community_view(need=perms.READ)
def tag_follow(request, access, tag):
    """Follow a tag of the community, or stop: the form on the tag's page, or this."""
    try:
        tag = subscriptions.tag_clean(tag)
    except DomainError:
        raise Http404 from None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    followed = selectors.tag_is_followed(request.user, access.community, tag)
    form = TagFollowForm(
        request.POST if request.method == "POST" else None,
        initial={"follow": "follow" if followed else "unfollow"},
    )
    if form.is_valid():
        follow = form.cleaned_data["follow"] == "follow"
        try:
            subscriptions.tag_follow_set(actor=request.user, access=access, tag=tag, follow=follow)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if follow:
                message = _("You follow #%(tag)s: you will be told of each new thread with it.")
            else:
                message = _("You no longer follow #%(tag)s.")
            message %= {"tag": tag}
            page_url = reverse("discussions:tag_detail", args=[access.community.slug, tag])
            return _done(request, form, page_url, reverse("discussions:following_tags"), message)
    context = {"access": access, "community": access.community, "tag": tag, "form": form,
               "followed": followed}  # fmt: skip
    return render(request, "discussions/following/tag_follow.html", context,
                  status=400 if form.is_bound else 200)  # fmt: skip


@login_required
def following_list(request):
    page = paginate(request, selectors.thread_subscription_list(request.user))
    return render(request, "discussions/following/following_list.html",
                  {"page": page, "current": "threads"})  # fmt: skip


@login_required
def following_tags(request):
    page = paginate(request, selectors.tag_follow_list(request.user))
    return render(request, "discussions/following/following_list.html",
                  {"page": page, "current": "tags"})  # fmt: skip


@login_required
def since_list(request):
    """What is new in my communities since my last visit (and not yet read)."""
    visit = subscriptions.discussion_visit_record(user=request.user)
    since = selectors.since_start(visit)
    page = paginate(request, selectors.since_thread_list(request.user, since))
    return render(request, "discussions/following/since_list.html",
                  {"page": page, "since": since})  # fmt: skip
