"""Attendance pages: a member's check-in, "joined by phone" and reflection (from the
session page's panel), the check-in link of a reminder, and the facilitators' roll
call, change log, report import and review, and CSV exports."""

import csv

from django import forms
from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from staffroom.communities import permissions as perms
from staffroom.communities.access import CommunityAccess, community_view
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate
from staffroom.meetings import attendance, attendance_import
from staffroom.meetings.access import access_series, access_session

# -- forms ---------------------------------------------------------------------------------


class ReflectionForm(forms.Form):
    reflection = forms.CharField(
        label=gettext_lazy("What you took from the session"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "At least 100 characters: an idea you will try, a question it raised, what "
            "you would tell a colleague about it."
        ),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Attendance report (CSV)"),
        required=False,  # said in clean_file, which also knows an upload was too large
        allow_empty_file=True,  # the reader says "The file is empty." in its own words
        help_text=gettext_lazy(
            "The participants report from Zoom, the attendance report from Google Meet or "
            "the attendance list from Microsoft Teams, as a CSV file of at most 10 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large

    def clean_file(self):
        if self.too_large:
            raise forms.ValidationError(attendance_import.too_large_message())
        if not self.cleaned_data.get("file"):
            raise forms.ValidationError(_("Choose the report file."))
        return self.cleaned_data["file"]


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Find a person"), max_length=100, required=False)


class RollCallForm(forms.Form):
    """One page of the roll call: for each person a "present" box and their minutes,
    and one reason for any correction on the page."""

    reason = forms.CharField(
        label=gettext_lazy("Reason for corrections"),
        max_length=500,
        required=False,
        help_text=gettext_lazy("Needed when you change a record that was already there."),
    )

    def __init__(self, data=None, *, people, records, session):
        super().__init__(data)
        self.people = list(people)
        length = session.duration_minutes
        for person in self.people:
            record = records.get(person.pk)
            pid = person.public_id
            self.fields[f"present-{pid}"] = forms.BooleanField(
                required=False, initial=record is not None,
                label=_("%(name)s was present") % {"name": person.display_name},
            )  # fmt: skip
            self.fields[f"minutes-{pid}"] = forms.IntegerField(
                required=False, min_value=0, max_value=length,
                initial=record.minutes if record else None,
                label=_("Minutes %(name)s attended") % {"name": person.display_name},
                widget=forms.NumberInput(attrs={"class": "minutes", "placeholder": length}),
            )  # fmt: skip

    def rows(self, records):
        for person in self.people:
            pid = person.public_id
            yield person, records.get(person.pk), self[f"present-{pid}"], self[f"minutes-{pid}"]

    def clean(self):
        data = super().clean()
        for person in self.people:
            pid = person.public_id
            if data.get(f"present-{pid}") and data.get(f"minutes-{pid}") == 0:
                self.add_error(
                    f"minutes-{pid}", _("Enter the minutes attended, or untick “present”.")
                )
        return data

    def marks(self) -> list[attendance.Mark]:
        data = self.cleaned_data
        return [
            attendance.Mark(
                person,
                bool(data.get(f"present-{person.public_id}")),
                data.get(f"minutes-{person.public_id}"),
            )
            for person in self.people
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=500, required=False)


class ReviewForm(forms.Form):
    ACTIONS = [
        ("link", gettext_lazy("Link to a member")),
        ("guest", gettext_lazy("Record as a guest")),
        ("ignore", gettext_lazy("Ignore")),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    member = forms.CharField(required=False, max_length=16)
    member_email = forms.EmailField(label=gettext_lazy("Member's email"), required=False)
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=500, required=False)


# -- uploads: refuse a file over the limit before reading it all -----------------------------


class ReportSizeLimit(FileUploadHandler):
    """First of the upload handlers on the import page: an upload over the limit is
    skipped as it streams in (never held in memory or on disk), and the request
    remembers why. When the request says its length up front, nothing of the file is
    stored at all."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request_too_large = content_length > attendance_import.MAX_BYTES + 64 * 1024

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.request_too_large:
            self._refuse()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > attendance_import.MAX_BYTES:
            self._refuse()
        return raw_data

    def file_complete(self, file_size):
        return None

    def _refuse(self):
        self.request.attendance_report_too_large = True
        raise SkipFile


# -- a member's actions (the session page's panel) ---------------------------------------------


def _session_page(access: CommunityAccess, session):
    return redirect("meetings:session_detail", access.community.slug, session.public_id)


def _act(request, access, session, done: str, action):
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return _session_page(access, session)


@require_POST
@community_view(need=perms.PARTICIPATE)
def attendance_check_in(request, access, public_id):
    session = access_session(access, public_id, need=perms.PARTICIPATE)
    return _act(request, access, session, _("You are checked in. Welcome!"), lambda: (
        attendance.attendance_check_in(actor=request.user, access=access, session=session)
    ))  # fmt: skip


@require_POST
@community_view(need=perms.PARTICIPATE)
def attendance_phone(request, access, public_id):
    session = access_session(access, public_id, need=perms.PARTICIPATE)
    done = _("Thank you. A facilitator will confirm that you joined by phone.")
    return _act(request, access, session, done, lambda: attendance.attendance_report_phone(
        actor=request.user, access=access, session=session
    ))  # fmt: skip


@community_view(need=perms.PARTICIPATE)
def attendance_reflect(request, access, public_id):
    session = access_session(access, public_id, need=perms.PARTICIPATE)
    mine = attendance.attendance_get(session, request.user)
    initial = {"reflection": mine.reflection} if mine else None
    form = ReflectionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            attendance.attendance_reflect(
                actor=request.user, access=access, session=session, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Thank you: your reflection counts as attending."))
            return _session_page(access, session)
    context = {"community": access.community, "session": session, "form": form,
               "allowed": attendance.async_allowed(session), "mine": mine}  # fmt: skip
    status = 400 if form.is_bound else 200
    return render(request, "meetings/attendance_reflection.html", context, status=status)


def attendance_token(request, token):
    """The check-in link of a reminder: whoever holds it checks in with one button
    (a GET never checks in: mail scanners open links)."""
    registration = attendance.access_registration_by_token(token)
    session = registration.session
    if request.method == "POST":
        try:
            attendance.check_in_registration(registration)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("You are checked in. Welcome!"))
        return redirect("meetings:attendance_token", token)
    record = attendance.attendance_for_registration(registration)
    context = {"registration": registration, "session": session, "record": record,
               "community": session.community, "state": attendance.check_in_state(session),
               "opens_at": attendance.check_in_opens(session)}  # fmt: skip
    return render(request, "meetings/attendance_token.html", context)


# -- the facilitators' roll call ------------------------------------------------------------


def _roll_call_page(request, access, session, *, form=None, status=200):
    search = PeopleSearchForm(request.GET)
    query = search.cleaned_data.get("q", "") if search.is_valid() else ""
    page = paginate(request, attendance.roll_call_people(session, query=query))
    records = attendance.records_for(session, form.people if form else page.object_list)
    form = form or RollCallForm(people=page.object_list, records=records, session=session)
    context = {
        "access": access, "community": access.community, "session": session, "page": page,
        "form": form, "rows": list(form.rows(records)), "search": search,
        "state": attendance.check_in_state(session),
        "opens_at": attendance.check_in_opens(session),
        "guests": attendance.guest_records(session)[:50],
        "changes": attendance.attendance_change_list(session)[:10],
        "counts": attendance.attendance_counts(session),
        "imports": attendance.import_list(session)[:10],
    }  # fmt: skip
    return render(request, "meetings/attendance_roll_call.html", context, status=status)


@community_view(need=perms.SCHEDULE)
def attendance_roll_call(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    if request.method != "POST":
        return _roll_call_page(request, access, session)
    people = attendance.roll_call_people(session).filter(
        public_id__in=request.POST.getlist("person")[:100]
    )
    form = RollCallForm(
        request.POST, people=people, records=attendance.records_for(session, people),
        session=session,
    )  # fmt: skip
    if form.is_valid():
        try:
            changes = attendance.attendance_roll_call(
                actor=request.user, access=access, session=session, marks=form.marks(),
                reason=form.cleaned_data["reason"],
            )  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            saved = ngettext(
                "Roll call saved: %(count)s change.",
                "Roll call saved: %(count)s changes.",
                len(changes),
            )
            messages.success(request, saved % {"count": len(changes)})
            return redirect(request.get_full_path())
    return _roll_call_page(request, access, session, form=form, status=400)


@require_POST
@community_view(need=perms.SCHEDULE)
def attendance_confirm(request, access, public_id, member):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    person = attendance.roll_call_people(session).filter(public_id=member).first()
    try:
        if person is None:
            raise attendance.AttendanceError(_("This person is not on the roll call."))
        attendance.attendance_confirm(
            actor=request.user, access=access, session=session, user=person, reason=reason
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Confirmed: %(name)s joined by phone.") % {"name": person})
    return redirect("meetings:attendance_roll_call", access.community.slug, session.public_id)


@community_view(need=perms.SCHEDULE)
def attendance_changes(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    context = {"community": access.community, "session": session,
               "page": paginate(request, attendance.attendance_change_list(session))}  # fmt: skip
    return render(request, "meetings/attendance_changes.html", context)


# -- importing a report -------------------------------------------------------------------


def _pending_key(session) -> str:
    return f"attendance-report:{session.public_id}"


def _after_import(request, access, session, result):
    request.session.pop(_pending_key(session), None)
    A = attendance_import.Action
    messages.success(request, _(
        "Imported the %(platform)s report: %(created)s recorded, %(updated)s updated, "
        "%(kept)s kept as set at roll call, %(review)s to review."
    ) % {"platform": result.source.get_platform_display(), "created": result.count(A.CREATE),
         "updated": result.count(A.UPDATE), "kept": result.count(A.KEEP),
         "review": result.count(A.REVIEW)})  # fmt: skip
    return redirect("meetings:attendance_import_detail", access.community.slug, session.public_id,
                    result.source.public_id)  # fmt: skip


def _import_page(request, access, session, form, *, report=None, pending=False, status=200):
    context = {"community": access.community, "session": session, "form": form, "report": report,
               "pending": pending,
               "problems": report.problems[:100] if report else [],
               "imports": attendance.import_list(session)[:10]}  # fmt: skip
    return render(request, "meetings/attendance_import.html", context, status=status)


@csrf_exempt  # the handler must be in place before the CSRF check reads the upload
@community_view(need=perms.SCHEDULE)
def attendance_import_upload(request, access, public_id):
    request.upload_handlers.insert(0, ReportSizeLimit(request))
    return _import_upload(request, access, public_id)


@csrf_protect
def _import_upload(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    posted = request.method == "POST"
    files = request.FILES if posted else None  # reads the upload, through ReportSizeLimit
    too_large = getattr(request, "attendance_report_too_large", False)
    form = ImportForm(request.POST if posted else None, files, too_large=too_large)
    if request.method != "POST" or not form.is_valid():
        return _import_page(request, access, session, form, status=400 if form.is_bound else 200)
    report = None
    try:
        report = attendance_import.report_read_upload(form.cleaned_data["file"])
        result = attendance_import.attendance_import(
            actor=request.user, access=access, session=session, report=report
        )
    except attendance_import.RowProblems as error:
        # The choice: import the rows that can be read, or fix the file.
        pending = len(report.rows) <= attendance_import.MAX_PENDING_ROWS
        if pending:
            request.session[_pending_key(session)] = report.to_json()
        form.add_error(None, error.message)
        return _import_page(
            request, access, session, form, report=report, pending=pending, status=400
        )
    except DomainError as error:
        form.add_error("file", error.message)
        shown = report if report is not None and report.problems else None
        return _import_page(request, access, session, form, report=shown, status=400)
    return _after_import(request, access, session, result)


@require_POST
@community_view(need=perms.SCHEDULE)
def attendance_import_good_rows(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    pending = request.session.get(_pending_key(session))
    if not pending:
        messages.error(request, _("Upload the report again: we no longer have it."))
        return redirect("meetings:attendance_import", access.community.slug, session.public_id)
    try:
        result = attendance_import.attendance_import(
            actor=request.user, access=access, session=session,
            report=attendance_import.Report.from_json(pending), good_rows=True,
        )  # fmt: skip
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("meetings:attendance_import", access.community.slug, session.public_id)
    finally:
        request.session.pop(_pending_key(session), None)
    return _after_import(request, access, session, result)


@community_view(need=perms.SCHEDULE)
def attendance_import_detail(request, access, public_id, import_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    source = attendance.import_get(session, import_id)
    rows = attendance.imported_row_list(source)
    context = {"community": access.community, "session": session, "source": source,
               "page": paginate(request, rows)}  # fmt: skip
    return render(request, "meetings/attendance_import_detail.html", context)


# -- the review screen --------------------------------------------------------------------


@community_view(need=perms.SCHEDULE)
def attendance_review(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    page = paginate(request, attendance.unmatched_row_list(session))
    directory = attendance_import.Directory.for_session(session)
    context = {
        "community": access.community, "session": session, "page": page,
        "rows": [(row, directory.suggestions(row.name)) for row in page.object_list],
    }  # fmt: skip
    return render(request, "meetings/attendance_review.html", context)


@require_POST
@community_view(need=perms.SCHEDULE)
def attendance_review_resolve(request, access, public_id, row_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    row = attendance.access_imported_row(session, row_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to do with “%(name)s”.") % {"name": row.name})
        return redirect("meetings:attendance_review", access.community.slug, session.public_id)
    data = form.cleaned_data
    common = {"actor": request.user, "access": access, "session": session, "row": row}
    try:
        if data["action"] == "link":
            user = attendance.member_for_link(
                session, public_id=data["member"], email=data["member_email"] or ""
            )
            attendance.imported_row_link(user=user, reason=data["reason"], **common)
            done = _("Linked “%(name)s” to %(member)s.") % {"name": row.name, "member": user}
        elif data["action"] == "guest":
            attendance.imported_row_guest(reason=data["reason"], **common)
            done = _("Recorded “%(name)s” as a guest.") % {"name": row.name}
        else:
            attendance.imported_row_ignore(**common)
            done = _("Ignored “%(name)s”.") % {"name": row.name}
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("meetings:attendance_review", access.community.slug, session.public_id)


# -- CSV exports ----------------------------------------------------------------------------


class _Echo:
    def write(self, value):
        return value


def _safe(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv_response(records, filename: str, *, with_session: bool):
    writer = csv.writer(_Echo())
    yes, no = _("yes"), _("no")

    def lines():
        yield "\ufeff"  # a BOM, so Excel reads the file as UTF-8
        header = [_("Name"), _("Email"), _("Mode"), _("Source"), _("Minutes"), _("Confirmed")]
        if with_session:
            header = [_("Date"), _("Session"), *header]
        yield writer.writerow(header)
        for record in records.iterator(chunk_size=500):
            line = [
                _safe(record.name), record.email, record.get_mode_display(),
                record.get_source_display(), record.minutes, yes if record.confirmed else no,
            ]  # fmt: skip
            if with_session:
                start = timezone.localtime(record.session.starts_at)
                line = [start.strftime("%Y-%m-%d %H:%M"), _safe(record.session.title), *line]
            yield writer.writerow(line)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@community_view(need=perms.SCHEDULE)
def attendance_export(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    day = timezone.localtime(session.starts_at).date().isoformat()
    name = f"attendance-{access.community.slug}-{day}-{slugify(session.title)[:40]}.csv"
    return _csv_response(attendance.export_records(session=session), name, with_session=False)


@community_view(need=perms.SCHEDULE)
def attendance_series_export(request, access, public_id):
    series = access_series(access, public_id, need=perms.SCHEDULE)
    name = f"attendance-{access.community.slug}-{slugify(series.title)[:50]}.csv"
    return _csv_response(attendance.export_records(series=series), name, with_session=True)


_ONE = "c/<slug:slug>/sessions/<str:public_id>/"
_ATT = _ONE + "attendance/"

urlpatterns = [
    path(_ONE + "check-in/", attendance_check_in, name="attendance_check_in"),
    path(_ATT + "phone/", attendance_phone, name="attendance_phone"),
    path(_ATT + "reflection/", attendance_reflect, name="attendance_reflect"),
    path(_ATT, attendance_roll_call, name="attendance_roll_call"),
    path(_ATT + "people/<str:member>/confirm/", attendance_confirm, name="attendance_confirm"),
    path(_ATT + "changes/", attendance_changes, name="attendance_changes"),
    path(_ATT + "import/", attendance_import_upload, name="attendance_import"),
    path(_ATT + "import/good-rows/", attendance_import_good_rows,
         name="attendance_import_good_rows"),
    path(_ATT + "imports/<str:import_id>/", attendance_import_detail,
         name="attendance_import_detail"),
    path(_ATT + "review/", attendance_review, name="attendance_review"),
    path(_ATT + "review/<str:row_id>/", attendance_review_resolve,
         name="attendance_review_resolve"),
    path(_ONE + "attendance.csv", attendance_export, name="attendance_export"),
    path("c/<slug:slug>/sessions/series/<str:public_id>/attendance.csv",
         attendance_series_export, name="attendance_series_export"),
    path("sessions/check-in/<str:token>/", attendance_token, name="attendance_token"),
]  # fmt: skip
