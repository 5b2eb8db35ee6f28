"""Forms of following: how to hear of a thread, following a tag. They parse; the
services in ``subscriptions`` decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.discussions.models import ThreadSubscription
from staffroom.discussions.subscriptions import NORMAL

# Where to go back to after the choice: the thread (or tag) page, or "What I follow".
BACK = [("page", "page"), ("following", "following")]


class ThreadSubscriptionForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Notifications for this thread"),
        widget=forms.RadioSelect,
        choices=[
            (NORMAL, _("Normal: told when someone replies to you, quotes you or mentions you")),
            (
                ThreadSubscription.Level.WATCHING,
                _("Watching: told of every new reply"),
            ),
            (
                ThreadSubscription.Level.MUTED,
                _("Muted: told of nothing in this thread, not even when you are mentioned"),
            ),
        ],
    )
    back = forms.ChoiceField(choices=BACK, required=False, widget=forms.HiddenInput)


class TagFollowForm(forms.Form):
    follow = forms.ChoiceField(
        label=_("This tag"),
        widget=forms.RadioSelect,
        choices=[
            ("follow", _("Follow: told of each new thread with this tag")),
            ("unfollow", _("Do not follow")),
        ],
    )
    back = forms.ChoiceField(choices=BACK, required=False, widget=forms.HiddenInput)
