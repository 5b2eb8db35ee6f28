"""A person's notifications are theirs alone: anyone else's is "not found", and so is
one from a community they may no longer read."""

from django.http import Http404

from staffroom.notifications.models import Notification
from staffroom.notifications.selectors import notification_list


def access_notification(user, public_id: str) -> Notification:
    if not user.is_authenticated:
        raise Http404
    notification = notification_list(user).filter(public_id=public_id).first()
    if notification is None:
        raise Http404
    return notification
