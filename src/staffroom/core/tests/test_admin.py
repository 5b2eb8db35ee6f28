import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from staffroom.conftest import make_user


@pytest.mark.django_db
def test_admin_changelists_and_change_pages_open_for_a_site_admin(client, world):
    site_admin = make_user("root@example.org", "Rita Root", is_staff=True, is_superuser=True)
    client.force_login(site_admin)
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(changelist).status_code == 200, changelist
        instance = model_admin.get_queryset(_request(site_admin)).first()
        if instance is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])
            assert client.get(change).status_code == 200, change


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request
