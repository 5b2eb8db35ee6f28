"""The webhook a mail provider posts inbound mail to (README: Reply by email). It
answers no person: the shared secret is the proof, and the answer is JSON."""

import base64
import binascii
import hmac

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from staffroom.notifications.inbound import inbound_configured, inbound_receive

SECRET_HEADER = "X-Staffroom-Secret"


def _given_secret(request) -> str:
    """The secret in our header, or the password of HTTP basic auth (the form most
    providers offer: ``https://any:secret@host/inbound/email/``)."""
    if SECRET_HEADER in request.headers:
        return request.headers[SECRET_HEADER]
    scheme, _space, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return ""
    try:
        decoded = base64.b64decode(credentials, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return ""
    return decoded.partition(":")[2]


def _raw_message(request) -> bytes:
    """The message: the whole body (``message/rfc822``), or the form field ``email``,
    as text or as a file; at most one byte more than the limit is read."""
    limit = settings.INBOUND_EMAIL_MAX_BYTES + 1
    if request.content_type == "message/rfc822":
        return request.read(limit)
    upload = request.FILES.get("email")
    if upload is not None:
        return upload.read(limit)
    return request.POST.get("email", "").encode()


def _refused(reason: str, status: int) -> JsonResponse:
    return JsonResponse({"outcome": "refused", "reason": reason, "duplicate": False}, status=status)


@csrf_exempt  # a mail provider posts from no page of ours; the shared secret guards it
@require_POST
def inbound_email(request):
    secret = settings.INBOUND_EMAIL_SECRET
    if not (inbound_configured() and secret):
        raise Http404
    if not hmac.compare_digest(_given_secret(request).encode(), secret.encode()):
        return _refused(_("The secret is missing or wrong."), 403)
    try:
        raw = _raw_message(request)
    except RequestDataTooBig:
        return _refused(_("The message is too large."), 413)
    if not raw:
        return _refused(
            _("Send the message as the body (message/rfc822) or as the field “email”."), 400
        )
    outcome = inbound_receive(raw)
    return JsonResponse(outcome.as_json(), status=outcome.http_status)
