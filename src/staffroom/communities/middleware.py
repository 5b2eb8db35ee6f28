from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from staffroom.accounts.models import User
from staffroom.communities.models import HubRole


class HubAdminMfaMiddleware:
    """In production, hub admins and site admins must turn on two-factor sign-in
    before they can use anything but their account pages: they can see every private
    community of their hub, so a stolen password must not be enough."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.STAFFROOM_REQUIRE_MFA_FOR_HUB_ADMINS
            and request.user.is_authenticated
            and not request.path.startswith(("/accounts/", "/static/", "/language/"))
            and _needs_mfa(request.user)
        ):
            messages.info(request, _("Hub admins must turn on two-factor sign-in first."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _needs_mfa(user) -> bool:
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            is_hub_admin=Exists(
                HubRole.objects.filter(user=OuterRef("pk"), role=HubRole.Role.ADMIN)
            ),
            has_totp=Exists(
                Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
            ),
        )
        .values("is_hub_admin", "has_totp", "is_superuser")
        .first()
    )
    return bool(row) and (row["is_hub_admin"] or row["is_superuser"]) and not row["has_totp"]
