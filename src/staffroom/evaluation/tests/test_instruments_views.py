"""The builder's pages: who may open them, bad input coming back beside its field,
REDCap import and export through the browser, and pinned query counts."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffroom.communities.models import Hub
from staffroom.evaluation import instruments, redcap
from staffroom.evaluation.models import Instrument, InstrumentVersion
from staffroom.evaluation.tests.instrument_factories import (
    builder_access,
    likert,
    make_evaluator,
    make_instrument,
    scaled_specs,
)
from staffroom.evaluation.tests.survey_factories import make_survey


def url(name, *args, hub="plains"):
    return reverse(f"evaluation:{name}", args=[hub, *args])


@pytest.fixture
def evaluator(world):
    return make_evaluator(world.hub)


@pytest.fixture
def draft(world):
    return make_instrument(world, *scaled_specs()).versions.get()


def _page_urls(version) -> list[str]:
    instrument = version.instrument
    item = version.items.first()
    return [
        url("instrument_list"),
        url("instrument_detail", instrument.public_id),
        url("version_detail", instrument.public_id, 1),
        url("version_preview", instrument.public_id, 1),
        url("version_export", instrument.public_id, 1),
        url("item_edit", instrument.public_id, 1, item.public_id),
    ]


def test_the_hub_evaluator_opens_every_page(client, evaluator, draft):
    client.force_login(evaluator)
    for address in _page_urls(draft):
        assert client.get(address).status_code == 200, address


@pytest.mark.parametrize("persona", ["member", "outsider", "facilitator"])
def test_people_without_the_capability_get_404(client, world, draft, persona):
    client.force_login(getattr(world, persona))
    for address in _page_urls(draft):
        assert client.get(address).status_code == 404, address


def test_an_evaluator_of_another_hub_gets_404(client, world, draft):
    other = Hub.objects.create(name="Coast Hub", slug="coast")
    stranger = make_evaluator(other, "coast.eval@example.org")
    client.force_login(stranger)
    for address in _page_urls(draft):
        assert client.get(address).status_code == 404, address
    # Their own hub's list opens, but this hub's instrument is not in it.
    instrument = draft.instrument
    assert client.get(url("instrument_list", hub="coast")).status_code == 200
    elsewhere = url("instrument_detail", instrument.public_id, hub="coast")
    assert client.get(elsewhere).status_code == 404
    response = client.post(url("version_publish", instrument.public_id, 1, hub="coast"))
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft


def test_the_hub_page_links_to_the_instruments_for_builders_only(client, world, evaluator):
    hub_page = reverse("communities:hub_detail", args=["plains"])
    link = url("instrument_list")
    for user, shown in ((evaluator, True), (world.hub_admin, True), (world.member, False)):
        client.force_login(user)
        assert (link in client.get(hub_page).content.decode()) is shown, user


ITEM = {"kind": "likert", "name": "calm_1", "label": "I stay calm in a crisis.", "points": "5",
        "choices": "1, Never\n2, Rarely\n3, Sometimes\n4, Often\n5, Always"}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"name": "Calm One"}, "name", "lower-case letters"),
        ({"name": "role"}, "name", "already called"),
        ({"show_if": "[calm_1] = '1'"}, "show_if", "does not come before"),
        ({"show_if": "[nobody] = '1'"}, "show_if", "not a field"),
        ({"show_if": "[role] = '1' and"}, "show_if", "cannot be read"),
        ({"points": "7"}, "choices", "7-point Likert item needs 7"),
        ({"choices": "1, Never\nRarely"}, "choices", "has no code"),
        ({"kind": "numeric", "min_value": "10", "max_value": "2"}, "max_value",
         "below the minimum"),
        ({"label": ""}, "label", "required"),
    ],
)  # fmt: skip
def test_item_form_comes_back_with_the_text_and_the_error_beside_the_field(
    client, world, draft, change, field, words
):
    client.force_login(world.hub_admin)
    section = draft.sections.get()
    address = url("item_create", draft.instrument.public_id, 1, section.public_id)
    data = {**ITEM, **change}
    before = draft.items.count()
    response = client.post(address, data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and any(words in message for message in errors[field]), errors
    page = html.unescape(response.content.decode())
    assert f'id="id_{field}_error"' in response.content.decode()
    for value in data.values():
        if value and len(value) > 1:
            assert value in page, value
    assert draft.items.count() == before


def test_item_form_refuses_a_condition_on_a_later_item(client, world, draft):
    client.force_login(world.hub_admin)
    role = draft.items.get(name="role")
    data = {"kind": "single", "name": "role", "label": "Your role", "choices": "1, A\n2, B",
            "show_if": "[years] > 3"}  # fmt: skip
    response = client.post(url("item_edit", draft.instrument.public_id, 1, role.public_id), data)
    assert response.status_code == 400
    assert "“years” does not come before this item" in html.unescape(response.content.decode())
    role.refresh_from_db()
    assert role.show_if == ""


def test_item_form_adds_and_edits_an_item(client, world, draft):
    client.force_login(world.hub_admin)
    section = draft.sections.get()
    response = client.post(
        url("item_create", draft.instrument.public_id, 1, section.public_id),
        {**ITEM, "subscale": "calm", "show_if": "[role] = '2'"},
    )
    item = draft.items.get(name="calm_1")
    assert response.status_code == 302 and response["Location"].endswith(f"#item-{item.public_id}")
    assert item.choices[4] == ["5", "Always"] and item.subscale.name == "calm"
    edit = url("item_edit", draft.instrument.public_id, 1, item.public_id)
    assert "1, Never\n2, Rarely" in client.get(edit).content.decode()
    client.post(edit, {**ITEM, "label": "I keep calm."})
    item.refresh_from_db()
    assert item.label == "I keep calm." and item.subscale is None


def test_a_published_version_cannot_be_edited_through_the_pages(client, world, draft):
    client.force_login(world.hub_admin)
    public_id = draft.instrument.public_id
    assert client.post(url("version_publish", public_id, 1)).status_code == 302
    item = draft.items.get(name="role")
    response = client.post(url("item_edit", public_id, 1, item.public_id), {**ITEM, "name": "x"})
    assert response.status_code == 302
    assert client.get(url("item_edit", public_id, 1, item.public_id)).status_code == 302
    response = client.post(url("item_delete", public_id, 1, item.public_id), follow=True)
    assert "can no longer change" in response.content.decode()
    assert draft.items.filter(name="role").exists()
    page = client.get(url("version_detail", public_id, 1)).content.decode()
    assert "Add an item" not in page and "Published" in page


def test_new_version_then_discard_from_the_instrument_page(client, world, draft):
    client.force_login(world.hub_admin)
    public_id = draft.instrument.public_id
    client.post(url("version_publish", public_id, 1))
    response = client.post(url("version_create", public_id))
    assert response["Location"] == url("version_detail", public_id, 2)
    again = client.post(url("version_create", public_id), follow=True)
    assert "already has a draft" in again.content.decode()
    response = client.post(url("version_discard", public_id, 2))
    assert response["Location"] == url("instrument_detail", public_id)
    assert list(draft.instrument.versions.values_list("number", flat=True)) == [1]


def test_sections_and_items_move_and_delete(client, world, draft):
    client.force_login(world.hub_admin)
    public_id = draft.instrument.public_id
    client.post(url("section_create", public_id, 1), {"title": "Closing", "intro": "Last ones."})
    closing = draft.sections.get(title="Closing")
    client.post(url("section_move", public_id, 1, closing.public_id), {"direction": "up"})
    assert list(draft.sections.values_list("title", flat=True)) == ["Closing", ""]
    role = draft.items.get(name="role")
    response = client.post(url("item_delete", public_id, 1, role.public_id), follow=True)
    assert "would no longer exist" in response.content.decode()
    topics = draft.items.get(name="topics")
    client.post(url("item_move", public_id, 1, topics.public_id), {"direction": "up"})
    names = [item.name for item in instruments.version_items(draft)]
    assert names.index("topics") == names.index("counsel_note") - 1
    client.post(url("section_delete", public_id, 1, closing.public_id))
    assert draft.sections.count() == 1


def test_scoring_rule_is_saved_per_subscale(client, world, draft):
    client.force_login(world.hub_admin)
    address = url("version_scoring", draft.instrument.public_id, 1)
    client.post(address, {"name": "belonging", "min_answered": "50"})
    assert draft.subscales.get(name="belonging").min_answered == 50
    response = client.post(address, {"name": "belonging", "min_answered": "0"}, follow=True)
    assert "from 1 to 100" in response.content.decode()
    assert draft.subscales.get(name="belonging").min_answered == 50


def test_preview_shows_every_item_and_conditions_in_words(client, world, draft):
    client.force_login(world.hub_admin)
    page = client.get(url("version_preview", draft.instrument.public_id, 1)).content.decode()
    page = html.unescape(page)
    assert "Shown if: “Your role” is “Counselor”" in page
    words = "“Topics you want” includes “Wellbeing” and “Years in the profession” is more than 5"
    assert f"Shown if: {words}" in page
    assert '<table class="matrix">' in page and page.count('name="belong_') == 10
    assert 'type="number"' in page and 'max="50"' in page and 'type="checkbox"' in page


def test_import_page_lists_every_bad_row_and_keeps_nothing(client, world):
    client.force_login(world.hub_admin)
    data = (
        '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label",'
        '"Branching Logic (Show field only if...)"\n'
        "record_id,f,,text,Record ID,\n"
        "a,f,,calc,Sum,\n"
        "b,f,,notes,Why,[a] = '1' and\n"
        "c,f,,text,Fine,\n"
    )
    upload = SimpleUploadedFile("bad.csv", data.encode(), "text/csv")
    response = client.post(url("instrument_import"), {"dictionary": upload, "title": "Mine"})
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "row 3:" in page and "row 4:" in page and "row 5:" not in page
    assert 'value="Mine"' in page
    assert not Instrument.objects.exists()


def test_import_page_makes_a_draft_and_export_downloads_it(client, world, draft):
    client.force_login(world.hub_admin)
    client.post(url("version_publish", draft.instrument.public_id, 1))
    response = client.get(url("version_export", draft.instrument.public_id, 1))
    assert response["Content-Type"] == "text/csv"
    disposition = 'attachment; filename="belonging_at_school_v1_dictionary.csv"'
    assert response["Content-Disposition"] == disposition
    exported = b"".join(response.streaming_content) if response.streaming else response.content
    upload = SimpleUploadedFile("mine.csv", exported, "text/csv")
    address = url("version_import", draft.instrument.public_id)
    response = client.post(address, {"dictionary": upload})
    assert response["Location"] == url("version_detail", draft.instrument.public_id, 2)
    second = draft.instrument.versions.get(number=2)
    assert redcap.dictionary_read(instruments.version_export(second)) == redcap.dictionary_read(
        exported
    )


def test_library_adds_a_published_instrument(client, world):
    client.force_login(world.hub_admin)
    page = client.get(url("instrument_list")).content.decode()
    assert "Add from the library" in page
    response = client.post(url("instrument_library_add"), {"key": "learning_efficacy"})
    instrument = Instrument.objects.get(source="library:learning_efficacy")
    assert response["Location"] == url("instrument_detail", instrument.public_id)
    assert instrument.versions.get().status == InstrumentVersion.Status.PUBLISHED
    response = client.post(url("instrument_library_add"), {"key": "nope"}, follow=True)
    assert "Choose an instrument of the library" in response.content.decode()


def test_new_instrument_form_requires_a_title(client, world):
    client.force_login(world.hub_admin)
    response = client.post(url("instrument_create"), {"title": "", "description": "For pre/post"})
    assert response.status_code == 400 and "For pre/post" in response.content.decode()
    response = client.post(url("instrument_create"), {"title": "Exit ticket"})
    instrument = Instrument.objects.get(title="Exit ticket")
    assert response["Location"] == url("version_detail", instrument.public_id, 1)


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured.captured_queries)


def test_version_page_queries_do_not_grow_with_items(client, world, django_assert_max_num_queries):
    small = make_instrument(world, likert("a1", subscale="s"), likert("a2"), title="Small")
    big = make_instrument(
        world, *(likert(f"b{n}", subscale=f"s{n % 3}", reverse=n % 2 == 0) for n in range(20)),
        title="Big",
    )  # fmt: skip
    access = builder_access(world)
    extra = instruments.section_save(
        actor=world.hub_admin, hub_access=access, version=big.versions.get(), title="More"
    )
    instruments.item_save(actor=world.hub_admin, hub_access=access, version=big.versions.get(),
                          section=extra, spec=likert("c1", show_if="[b1] > 2"))  # fmt: skip
    client.force_login(world.hub_admin)
    for name in ("version_detail", "version_preview", "version_export"):
        few = _queries(client, url(name, small.public_id, 1))
        many = _queries(client, url(name, big.public_id, 1))
        assert few == many, name
        with django_assert_max_num_queries(12):
            client.get(url(name, big.public_id, 1))


def test_instrument_list_queries_do_not_grow(client, world, django_assert_max_num_queries):
    make_instrument(world, likert("a1"), title="One")
    client.force_login(world.hub_admin)
    one = _queries(client, url("instrument_list"))
    for n in range(15):
        make_instrument(world, likert("a1"), title=f"More {n}")
    assert _queries(client, url("instrument_list")) == one
    with django_assert_max_num_queries(10):
        client.get(url("instrument_list"))


def test_instrument_page_queries_do_not_grow_with_versions(
    client, world, django_assert_max_num_queries
):
    instrument = make_instrument(world, likert("a1"))
    client.force_login(world.hub_admin)
    address = url("instrument_detail", instrument.public_id)
    one = _queries(client, address)
    access = builder_access(world)
    for _round in range(3):
        draft = instrument.versions.get(status="draft")
        instruments.version_publish(actor=world.hub_admin, hub_access=access, version=draft)
        instruments.version_new_draft(
            actor=world.hub_admin, hub_access=access, instrument=instrument
        )
    assert _queries(client, address) == one
    with django_assert_max_num_queries(10):
        client.get(address)


GARBAGE = [
    {"csrfmiddlewaretoken": "x"},  # what a browser sends for a form left empty
    {"title": "x" * 300, "description": "\x00", "key": "../../etc/passwd"},
    {"kind": "likert", "name": "a\x00", "label": "x", "points": "9", "min_value": "nan",
     "max_value": "1e400", "choices": "1, a\n1, b | 2, c"},
    {"name": "nope", "min_answered": "99999999999999999999", "direction": "sideways"},
    {"dictionary": "not a file", "kind": "numeric", "name": "n", "label": "n",
     "min_value": "5", "max_value": "1", "subscale": "s" * 60, "reverse": "on"},
    {"kind": "single", "name": "z", "label": "z", "choices": "1, a\n2, b", "show_if": "[z] = '1'",
     "matrix_group": "m" * 61},
]  # fmt: skip


def test_garbage_posted_to_every_form_is_refused_without_a_server_error(client, world, draft):
    client.force_login(world.hub_admin)
    public_id, section, item = draft.instrument.public_id, draft.sections.get(), draft.items.first()
    addresses = [
        url("instrument_create"), url("instrument_import"), url("instrument_library_add"),
        url("version_import", public_id), url("version_scoring", public_id, 1),
        url("section_create", public_id, 1), url("section_edit", public_id, 1, section.public_id),
        url("section_move", public_id, 1, section.public_id),
        url("item_create", public_id, 1, section.public_id),
        url("item_edit", public_id, 1, item.public_id),
        url("item_move", public_id, 1, item.public_id),
    ]  # fmt: skip
    before = [instruments.ItemSpec.of(i) for i in instruments.version_items(draft)]
    for address in addresses:
        for data in GARBAGE:
            response = client.post(address, data)
            assert response.status_code in (302, 400), (address, data, response.status_code)
    assert [instruments.ItemSpec.of(i) for i in instruments.version_items(draft)] == before
    assert Instrument.objects.count() == 1


def test_import_page_can_take_the_good_rows_and_say_which_were_left_out(client, world):
    client.force_login(world.hub_admin)
    data = (
        '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label"\n'
        "record_id,f,,text,Record ID\n"
        "a,f,,calc,Sum\n"
        "c,f,,text,Fine\n"
    )
    upload = SimpleUploadedFile("some.csv", data.encode(), "text/csv")
    response = client.post(
        url("instrument_import"), {"dictionary": upload, "title": "Mine", "skip_bad": "on"},
        follow=True,
    )  # fmt: skip
    page = html.unescape(response.content.decode())
    assert "Left out row 3: the builder has no “calc” fields" in page
    version = Instrument.objects.get(title="Mine").versions.get()
    assert [item.name for item in instruments.version_items(version)] == ["c"]


def test_a_version_a_survey_uses_cannot_be_discarded_or_changed(client, world):
    survey = make_survey(world)
    version = survey.version
    public_id = version.instrument.public_id
    client.force_login(world.hub_admin)
    response = client.post(url("version_discard", public_id, version.number), follow=True)
    assert response.status_code == 200 and "can no longer change" in response.content.decode()
    item = version.items.first()
    response = client.post(url("item_delete", public_id, version.number, item.public_id))
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.version == version and version.items.filter(pk=item.pk).exists()
