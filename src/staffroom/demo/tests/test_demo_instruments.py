"""The demo hub's instruments: one from the library, one built with subscales, which
the demo's evaluator opens."""

import pytest
from django.test import Client
from django.urls import reverse

from staffroom.accounts.models import User
from staffroom.demo import content
from staffroom.evaluation import instruments, redcap
from staffroom.evaluation.models import Instrument


@pytest.mark.django_db
def test_demo_hub_has_a_library_instrument_and_a_built_one(demo):
    hub = content.HUB["slug"]
    library = Instrument.objects.get(hub__slug=hub, source="library:community_of_practice")
    assert library.versions.get().status == "published"
    built = Instrument.objects.get(hub__slug=hub, source="")
    assert list(built.versions.values_list("number", "status")) == [
        (2, "draft"),
        (1, "published"),
    ]
    dictionary = redcap.dictionary_read(instruments.version_export(built.versions.get(number=1)))
    assert set(dictionary.scales) == {"planning", "confidence"}
    assert [f.name for f in dictionary.fields if f.reverse] == ["plan_3", "conf_3"]


@pytest.mark.django_db
def test_demo_evaluator_opens_the_instruments(demo):
    client = Client()
    client.force_login(User.objects.get(email="evaluator@example.org"))
    hub = content.HUB["slug"]
    assert client.get(reverse("evaluation:instrument_list", args=[hub])).status_code == 200
    for instrument in Instrument.objects.filter(hub__slug=hub):
        for version in instrument.versions.all():
            for name in ("version_detail", "version_preview"):
                address = reverse(
                    f"evaluation:{name}", args=[hub, instrument.public_id, version.number]
                )
                assert client.get(address).status_code == 200, address
