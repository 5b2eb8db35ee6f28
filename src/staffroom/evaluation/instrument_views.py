"""The instrument builder, for a hub's evaluators and admins: the hub's instruments,
an instrument's versions, a version's sections and items (edited while a draft),
its preview, publishing, the next version, and REDCap import and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.core.errors import DomainError
from staffroom.core.pagination import paginate
from staffroom.evaluation import instrument_selectors as selectors
from staffroom.evaluation import instruments as services
from staffroom.evaluation.access import (
    access_instrument,
    access_instrument_hub,
    access_instrument_version,
    access_item,
    access_section,
)
from staffroom.evaluation.instrument_forms import (
    ImportForm,
    InstrumentForm,
    ItemForm,
    LibraryForm,
    MoveForm,
    SectionForm,
    SubscaleForm,
    add_instrument_error,
)
from staffroom.evaluation.instruments import InstrumentError, InstrumentImportError
from staffroom.evaluation.library import library_list

T = "evaluation/instruments/"


def _status(form) -> int:
    return 400 if form.errors else 200


def _version_page(version, anchor: str = ""):
    instrument = version.instrument
    response = redirect(
        "evaluation:version_detail", instrument.hub.slug, instrument.public_id, version.number
    )
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _instrument_page(instrument):
    return redirect("evaluation:instrument_detail", instrument.hub.slug, instrument.public_id)


@login_required
def instrument_list(request, hub_slug):
    access = access_instrument_hub(request.user, hub_slug)
    context = {
        "hub": access.hub,
        "page": paginate(request, selectors.instrument_list(access.hub)),
        "library": library_list(),
    }
    return render(request, T + "instrument_list.html", context)


@require_POST
@login_required
def instrument_library_add(request, hub_slug):
    access = access_instrument_hub(request.user, hub_slug)
    form = LibraryForm(request.POST, keys=[entry.key for entry in library_list()])
    if not form.is_valid():
        messages.error(request, _("Choose an instrument of the library."))
        return redirect("evaluation:instrument_list", access.hub.slug)
    try:
        instrument = services.instrument_from_library(
            actor=request.user, hub_access=access, key=form.cleaned_data["key"]
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("evaluation:instrument_list", access.hub.slug)
    messages.success(request, _("The instrument is added, published as version 1."))
    return _instrument_page(instrument)


@login_required
def instrument_create(request, hub_slug):
    access = access_instrument_hub(request.user, hub_slug)
    form = InstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            instrument = services.instrument_create(
                actor=request.user, hub_access=access, **form.cleaned_data
            )
        except InstrumentError as error:
            add_instrument_error(form, error)
        else:
            messages.success(request, _("The instrument is created: add its questions."))
            return _version_page(instrument.versions.get())
    context = {"hub": access.hub, "form": form}
    return render(request, T + "instrument_form.html", context, status=_status(form))


def _import(request, access, instrument=None):
    form = ImportForm(request.POST or None, request.FILES or None, new_instrument=not instrument)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            version = services.instrument_import(
                actor=request.user, hub_access=access, data=form.cleaned_data["dictionary"],
                title=form.cleaned_data.get("title", ""), instrument=instrument,
                skip_bad=form.cleaned_data["skip_bad"],
            )  # fmt: skip
        except InstrumentImportError as error:
            form.add_error("dictionary", error.message)
            problems = error.problems
        except InstrumentError as error:
            add_instrument_error(form, error)
        else:
            messages.success(request, _("The data dictionary is imported as a draft."))
            for problem in version.skipped:
                messages.warning(request, _("Left out %(problem)s") % {"problem": problem})
            return _version_page(version)
    context = {"hub": access.hub, "form": form, "instrument": instrument, "problems": problems}
    return render(request, T + "instrument_import.html", context, status=_status(form))


@login_required
def instrument_import(request, hub_slug):
    return _import(request, access_instrument_hub(request.user, hub_slug))


@login_required
def version_import(request, hub_slug, public_id):
    access, instrument = access_instrument(request.user, hub_slug, public_id)
    return _import(request, access, instrument)


@login_required
def instrument_detail(request, hub_slug, public_id):
    access, instrument = access_instrument(request.user, hub_slug, public_id)
    versions = selectors.version_list(instrument)
    context = {
        "hub": access.hub, "instrument": instrument, "versions": versions,
        "has_draft": any(v.is_draft for v in versions),
    }  # fmt: skip
    return render(request, T + "instrument_detail.html", context)


@require_POST
@login_required
def version_create(request, hub_slug, public_id):
    access, instrument = access_instrument(request.user, hub_slug, public_id)
    try:
        draft = services.version_new_draft(
            actor=request.user, hub_access=access, instrument=instrument
        )
    except DomainError as error:
        messages.error(request, error.message)
        return _instrument_page(instrument)
    messages.success(request, _("Version %(n)s is a draft copy: edit it.") % {"n": draft.number})
    return _version_page(draft)


def _version_context(access, version, **extra) -> dict:
    sections = selectors.version_sections(version)
    return {
        "hub": access.hub, "instrument": version.instrument, "version": version,
        "sections": sections, "subscales": selectors.subscale_list(version),
        "item_count": sum(len(section.items.all()) for section in sections), **extra,
    }  # fmt: skip


@login_required
def version_detail(request, hub_slug, public_id, number):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    return render(request, T + "version_detail.html", _version_context(access, version))


@login_required
def version_preview(request, hub_slug, public_id, number):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    sections = selectors.version_sections(version)
    by_name = {item.name: item for section in sections for item in section.items.all()}
    shown = [
        (section, selectors.section_blocks(section)) for section in sections if section.items.all()
    ]
    for item in by_name.values():
        item.shown_if = selectors.show_if_words(item.show_if, by_name) if item.show_if else ""
    context = {
        "hub": access.hub, "instrument": version.instrument, "version": version, "shown": shown,
    }  # fmt: skip
    return render(request, T + "version_preview.html", context)


@login_required
def version_export(request, hub_slug, public_id, number):
    _access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    filename = f"{services.form_name(version.instrument.title)}_v{version.number}_dictionary.csv"
    response = HttpResponse(services.version_export(version), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _act(request, version, action, done: str, anchor: str = "", **kwargs):
    """Run a builder service on a POST and go back to the version's page, with the
    service's refusal (if any) as a message."""
    try:
        action(actor=request.user, version=version, **kwargs)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if done:
            messages.success(request, done)
    return _version_page(version, anchor)


@require_POST
@login_required
def version_publish(request, hub_slug, public_id, number):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    return _act(
        request, version, services.version_publish, _("The version is published."),
        hub_access=access,
    )  # fmt: skip


@require_POST
@login_required
def version_discard(request, hub_slug, public_id, number):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    try:
        services.version_discard(actor=request.user, hub_access=access, version=version)
    except DomainError as error:
        messages.error(request, error.message)
        return _version_page(version)
    messages.success(request, _("The draft is discarded."))
    return _instrument_page(version.instrument)


@require_POST
@login_required
def version_scoring(request, hub_slug, public_id, number):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    form = SubscaleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a percentage from 1 to 100."))
        return _version_page(version, "subscales")
    return _act(
        request, version, services.subscale_update, _("The scoring rule is saved."),
        anchor="subscales", hub_access=access, **form.cleaned_data,
    )  # fmt: skip


# -- sections ---------------------------------------------------------------------------------


def _frozen(request, version):
    """A published version's forms send back to its page, which says it is frozen."""
    messages.error(request, _("This version is published and can no longer change."))
    return _version_page(version)


def _section_form(request, access, version, section=None):
    if not version.is_draft:
        return _frozen(request, version)
    initial = {"title": section.title, "intro": section.intro} if section else None
    form = SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.section_save(
                actor=request.user, hub_access=access, version=version, section=section,
                **form.cleaned_data,
            )  # fmt: skip
        except InstrumentError as error:
            add_instrument_error(form, error)
        else:
            return _version_page(version, f"section-{saved.public_id}")
    context = {
        "hub": access.hub, "instrument": version.instrument, "version": version,
        "section": section, "form": form,
    }  # fmt: skip
    return render(request, T + "section_form.html", context, status=_status(form))


@login_required
def section_create(request, hub_slug, public_id, number):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    return _section_form(request, access, version)


@login_required
def section_edit(request, hub_slug, public_id, number, section_id):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    return _section_form(request, access, version, access_section(version, section_id))


@require_POST
@login_required
def section_delete(request, hub_slug, public_id, number, section_id):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    section = access_section(version, section_id)
    return _act(
        request, version, services.section_delete, _("The section is deleted."),
        hub_access=access, section=section,
    )  # fmt: skip


@require_POST
@login_required
def section_move(request, hub_slug, public_id, number, section_id):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    section = access_section(version, section_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _version_page(version)
    return _act(
        request, version, services.section_move, "", anchor=f"section-{section.public_id}",
        hub_access=access, section=section, up=form.up,
    )  # fmt: skip


# -- items ------------------------------------------------------------------------------------


def _item_form(request, access, version, section, item=None):
    if not version.is_draft:
        return _frozen(request, version)
    initial = ItemForm.initial_for(item) if item else ItemForm.initial_new()
    form = ItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.item_save(
                actor=request.user, hub_access=access, version=version, section=section,
                spec=form.spec(), item=item,
            )  # fmt: skip
        except InstrumentError as error:
            add_instrument_error(form, error)
        else:
            return _version_page(version, f"item-{saved.public_id}")
    context = {
        "hub": access.hub, "instrument": version.instrument, "version": version,
        "section": section, "item": item, "form": form,
    }  # fmt: skip
    return render(request, T + "item_form.html", context, status=_status(form))


@login_required
def item_create(request, hub_slug, public_id, number, section_id):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    return _item_form(request, access, version, access_section(version, section_id))


@login_required
def item_edit(request, hub_slug, public_id, number, item_id):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    item = access_item(version, item_id)
    return _item_form(request, access, version, item.section, item)


@require_POST
@login_required
def item_delete(request, hub_slug, public_id, number, item_id):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    item = access_item(version, item_id)
    return _act(
        request, version, services.item_delete, _("The item is deleted."),
        hub_access=access, item=item,
    )  # fmt: skip


@require_POST
@login_required
def item_move(request, hub_slug, public_id, number, item_id):
    access, version = access_instrument_version(request.user, hub_slug, public_id, number)
    item = access_item(version, item_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _version_page(version)
    return _act(
        request, version, services.item_move, "", anchor=f"item-{item.public_id}",
        hub_access=access, item=item, up=form.up,
    )  # fmt: skip
