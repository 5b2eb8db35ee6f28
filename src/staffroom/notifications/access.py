"""A person's notifications are theirs alone: anyone else's is "not found"."""

from django.http import Http404

from staffroom.notifications.models import Notification


def access_notification(user, public_id: str) -> Notification:
    if not user.is_authenticated:
        raise Http404
    notification = Notification.objects.filter(recipient=user, public_id=public_id).first()
    if notification is None:
        raise Http404
    return notification
