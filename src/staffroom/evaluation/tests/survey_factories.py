"""Surveys made through the real services: a published instrument (imported from a
small REDCap data dictionary), a survey with its waves, invitations."""

import csv
import datetime as dt
import io

from django.utils import timezone

from staffroom.communities.access import access_hub
from staffroom.evaluation import surveys
from staffroom.evaluation.instruments import instrument_import
from staffroom.evaluation.models import InstrumentVersion, Invitation, Survey, Wave
from staffroom.evaluation.redcap import COLUMNS

AGREE = "1, Strongly disagree | 2, Disagree | 3, Agree | 4, Strongly agree"
# name, type, label, choices, branching logic, required, annotation, validation, min, max,
# note
SMALL = [
    ("confident", "radio", "I feel confident planning lessons.", AGREE, "", "y", "@SCALE=conf"),
    ("supported", "radio", "I feel supported by colleagues.", AGREE, "", "", "@SCALE=conf"),
    ("why_not", "notes", "What would help you feel supported?", "", "[supported] = '1'", "y", ""),
    ("tools", "checkbox", "Which tools do you use?", "1, Email | 2, Video | 3, Chat", "", "", ""),
    ("years", "text", "How many years have you taught?", "", "", "", "", "integer", "0", "60"),
    ("comment", "text", "Anything else?", "", "", "", ""),
]


def dictionary(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([header for _attr, header in COLUMNS])
    blank = {header: "" for _attr, header in COLUMNS}

    def row(**cells):
        line = dict(blank)
        for attr, header in COLUMNS:
            if attr in cells:
                line[header] = cells[attr]
        writer.writerow(line.values())

    row(name="record_id", form="check_in", field_type="text", label="Record ID")
    for name, kind, label, choices, logic, required, annotation, *numeric in rows:
        validation, low, high, note = (*numeric, "", "", "", "")[:4]
        row(name=name, form="check_in", field_type=kind, label=label, choices=choices,
            branching_logic=logic, required=required, annotation=annotation,
            validation=validation, validation_min=low, validation_max=high,
            field_note=note)  # fmt: skip
    return out.getvalue().encode()


def many_items(count: int) -> list[tuple]:
    return [
        (f"item_{n}", "radio", f"Statement number {n} about my practice.", AGREE, "", "",
         f"@SCALE=scale_{n % 4}")
        for n in range(1, count + 1)
    ]  # fmt: skip


def make_version(world, rows=SMALL, title="Check-in") -> InstrumentVersion:
    return instrument_import(
        actor=world.hub_admin, hub_access=access_hub(world.hub_admin, world.hub.slug),
        data=dictionary(rows), title=title, publish=True,
    )  # fmt: skip


def make_matrix_version(world) -> InstrumentVersion:
    """A published version whose three statements form one matrix: the first required,
    the third shown only after a "Strongly disagree" to the second."""
    from staffroom.evaluation.instruments import version_publish
    from staffroom.evaluation.tests.instrument_factories import (
        builder_access,
        likert,
        make_instrument,
    )

    grid = [
        likert("belong_1", "I feel part of this community.", matrix_group="belong", required=True),
        likert("belong_2", "I can ask for help here.", matrix_group="belong"),
        likert("belong_3", "I feel alone with my questions.", matrix_group="belong",
               show_if="[belong_2] = '1'"),
    ]  # fmt: skip
    version = make_instrument(world, *grid, title="Belonging grid").versions.get()
    return version_publish(actor=world.hub_admin, hub_access=builder_access(world), version=version)


def wave_spec(kind="pre", *, opens_in=-1, days=14, reminders=(3, 7)) -> surveys.WaveSpec:
    """A wave that opens ``opens_in`` days from now (negative: already open)."""
    opens = timezone.now() + dt.timedelta(days=opens_in)
    first, second = (*reminders, None, None)[:2]
    return surveys.WaveSpec(
        kind=kind, opens_at=opens, closes_at=opens + dt.timedelta(days=days),
        first_reminder_days=first, second_reminder_days=second,
    )  # fmt: skip


def make_survey(world, community=None, *, version=None, anonymous=False, waves=None,
                actor=None, hub_wide=False, series=None) -> Survey:  # fmt: skip
    """A survey of ``community`` (default: the public one) by the facilitator, with
    an open pre wave unless ``waves`` says otherwise."""
    return surveys.survey_create(
        actor=actor or (world.hub_admin if hub_wide else world.facilitator), hub=world.hub,
        community=None if hub_wide else community or world.public, series=series,
        version=version or make_version(world), title="Start-of-year check-in",
        anonymous=anonymous, waves=waves if waves is not None else [wave_spec()],
    )  # fmt: skip


def invite(wave: Wave) -> list[Invitation]:
    """Invite the wave's people now, as its opening task does."""
    surveys.wave_invite(wave_id=wave.pk)
    return list(Invitation.objects.filter(wave=wave).select_related("user"))


def invitation_of(wave: Wave, user) -> Invitation:
    invite(wave)
    return Invitation.objects.get(wave=wave, user=user)
