"""The following controls the thread and tag pages show (``following_views`` does the
work): one query each, for a signed-in reader only."""

from django import template

from staffroom.communities import permissions
from staffroom.discussions import following_selectors
from staffroom.discussions.following_forms import ThreadSubscriptionForm

register = template.Library()


@register.inclusion_tag(
    "discussions/following/includes/thread_notifications.html", takes_context=True
)
def thread_notifications(context, thread) -> dict:
    user = context["user"]
    form = None
    if user.is_authenticated:
        level = following_selectors.thread_subscription_get(user, thread)
        form = ThreadSubscriptionForm(initial={"level": level})
    return {"form": form, "thread": thread, "community": context["community"],
            "csrf_token": context.get("csrf_token"), "path": context["request"].path}  # fmt: skip


@register.inclusion_tag("discussions/following/includes/tag_follow.html", takes_context=True)
def tag_follow(context, access, tag: str) -> dict:
    user = context["user"]
    followed = None
    if user.is_authenticated and access.has(permissions.READ):
        followed = following_selectors.tag_is_followed(user, access.community, tag)
    return {"followed": followed, "tag": tag, "community": access.community,
            "csrf_token": context.get("csrf_token"), "path": context["request"].path}  # fmt: skip
