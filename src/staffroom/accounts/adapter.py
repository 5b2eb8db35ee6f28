"""How allauth creates users and sends its mail in Staffroom."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.utils.http import url_has_allowed_host_and_scheme

from staffroom.accounts.services import profile_ensure
from staffroom.core.email import email_enqueue

# A view that must resume after sign-up (an invitation, say) leaves its URL here.
RESUME_SESSION_KEY = "staffroom_resume_url"


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile_ensure(user=user)
        return user

    def send_mail(self, template_prefix, email, context):
        """Render allauth's message now, in the visitor's language, and let the task
        queue deliver it."""
        request = self.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        message = self.render_mail(template_prefix, email, {**ctx, **context})
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        email_enqueue(to=message.to, subject=message.subject, text=message.body, html=html)

    def _resume_url(self, request):
        url = request.session.pop(RESUME_SESSION_KEY, None)
        if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
            return url
        return None

    def get_login_redirect_url(self, request):
        return self._resume_url(request) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return self._resume_url(request) or super().get_signup_redirect_url(request)
