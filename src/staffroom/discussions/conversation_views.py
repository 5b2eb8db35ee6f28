"""Direct conversations: my messages (the inbox), a conversation with its messages,
starting one, adding people, leaving, muting, and the people I blocked. Every action
is a plain form post that redirects; a search for people is a button of the same form,
so it keeps what was already typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.communities.access import access_person
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.markdown import markdown_text
from staffroom.core.pagination import PER_PAGE, paginate
from staffroom.discussions import conversation_selectors as selectors
from staffroom.discussions import conversations
from staffroom.discussions.access import access_conversation
from staffroom.discussions.conversation_forms import (
    SHOWN,
    ConversationAddForm,
    ConversationStartForm,
    MessageForm,
    MuteForm,
    PeopleSearchForm,
)
from staffroom.discussions.models import CONVERSATION_MAX

_KEPT = ("q", "title", "body")  # what a search keeps of the form as it was


def _to(conversation, page: int | None = None, anchor: str = ""):
    url = reverse("discussions:conversation_detail", args=[conversation.public_id])
    return redirect(f"{url}?page={page}{anchor}" if page else url)


@login_required
def conversation_list(request):
    page = paginate(request, selectors.conversation_list(request.user))
    for row in page:
        row.name = selectors.conversation_name(row.conversation, row.conversation.current,
                                               request.user)  # fmt: skip
        row.excerpt = markdown_text(row.excerpt)
    return render(request, "discussions/conversations/conversation_list.html", {"page": page})


def _people_form(request, form_class, *, people, listed):
    """The form to choose people (``people``: whom it accepts; ``listed``: whom a search
    finds), whether it is being sent, and who to show in it: those already chosen,
    then those the search finds. A post with "find" is a search: the form comes back
    unbound, filled with what was typed. A link may choose someone with ``?to=``."""
    sending = request.method == "POST" and "find" not in request.POST
    data = request.POST if request.method == "POST" else request.GET
    chosen_ids = data.getlist("people" if request.method == "POST" else "to")
    if sending:
        form = form_class(data, people=people)
    else:
        initial = {**{key: data.get(key, "") for key in _KEPT}, "people": chosen_ids}
        form = form_class(initial=initial, people=people)
    search = PeopleSearchForm(data)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    chosen = list(people.filter(public_id__in=chosen_ids))
    if query:
        listed = listed.filter(display_name__icontains=query)
    found = list(listed.exclude(pk__in=[person.pk for person in chosen])[: SHOWN + 1])
    form.show(chosen + found[:SHOWN])
    context = {"more": len(found) > SHOWN, "found": chosen + found, "shown": SHOWN,
               "limit": CONVERSATION_MAX}  # fmt: skip
    return form, sending, context


def _form_page(request, template, context, form, sending):
    status = 400 if sending else 200
    return render(request, template, {**context, "form": form}, status=status)


@login_required
def conversation_create(request):
    people = selectors.people_sharing_a_community(request.user)
    form, sending, context = _people_form(
        request, ConversationStartForm, people=people,
        listed=selectors.people_to_message(request.user),
    )  # fmt: skip
    if sending and form.is_valid():
        try:
            conversation = conversations.conversation_start(
                actor=request.user, people=form.cleaned_data["people"],
                title=form.cleaned_data["title"], body=form.cleaned_data["body"],
            )  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your message is sent."))
            return _to(conversation)
    return _form_page(
        request, "discussions/conversations/conversation_form.html", context, form, sending
    )


def _detail(request, member, form, status=200):
    conversation = member.conversation
    page = paginate(request, selectors.message_list(conversation))
    shown = list(page)
    read_count = selectors.read_count_get(conversation, member.read_at)
    members = selectors.member_list(conversation)
    context = {
        "conversation": conversation, "me": member, "page": page, "shown": shown,
        "members": members, "form": form,
        "name": selectors.conversation_name(conversation, members, request.user),
        "blocked": selectors.blocked_ids(request.user),
    }  # fmt: skip
    if read_count < page.paginator.count:
        context["first_unread"] = read_count + 1
        context["first_unread_page"] = read_count // PER_PAGE + 1
    # As on a thread: only a page that starts at or before the first unread message has
    # been read up to its end.
    if shown and page.start_index() <= read_count + 1 <= page.end_index():
        conversations.conversation_mark_read(member=member, read_at=shown[-1].created_at)
    return render(
        request, "discussions/conversations/conversation_detail.html", context, status=status
    )


@login_required
def conversation_detail(request, public_id):
    return _detail(request, access_conversation(request.user, public_id), MessageForm())


@require_POST
@login_required
def message_create(request, public_id):
    member = access_conversation(request.user, public_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            message = conversations.message_send(
                actor=request.user, member=member, body=form.cleaned_data["body"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            position = selectors.read_count_get(member.conversation, message.created_at)
            messages.success(request, _("Your message is sent."))
            return _to(member.conversation, (position - 1) // PER_PAGE + 1,
                       f"#m-{message.public_id}")  # fmt: skip
    return _detail(request, member, form, status=400)


@login_required
def conversation_add(request, public_id):
    member = access_conversation(request.user, public_id)
    members = selectors.member_list(member.conversation)
    here = [row.user_id for row in members]
    form, sending, context = _people_form(
        request, ConversationAddForm,
        people=selectors.people_sharing_a_community(request.user).exclude(pk__in=here),
        listed=selectors.people_to_message(request.user).exclude(pk__in=here),
    )  # fmt: skip
    if sending and form.is_valid():
        try:
            added = conversations.conversation_add(
                actor=request.user, member=member, people=form.cleaned_data["people"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            names = ", ".join(person.display_name for person in added)
            messages.success(request, _("Added to the conversation: %(names)s.") % {"names": names})
            return _to(member.conversation)
    context["conversation"] = member.conversation
    context["name"] = selectors.conversation_name(member.conversation, members, request.user)
    return _form_page(
        request, "discussions/conversations/conversation_add.html", context, form, sending
    )


@require_POST
@login_required
def conversation_leave(request, public_id):
    member = access_conversation(request.user, public_id)
    conversations.conversation_leave(actor=request.user, member=member)
    messages.success(request, _("You left the conversation."))
    return redirect("discussions:conversation_list")


@require_POST
@login_required
def conversation_mute(request, public_id):
    member = access_conversation(request.user, public_id)
    form = MuteForm(request.POST)
    muted = form.is_valid() and form.cleaned_data["muted"]
    conversations.conversation_mute(actor=request.user, member=member, muted=muted)
    if muted:
        messages.success(request, _("Muted: you will not be told of new messages here."))
    else:
        messages.success(request, _("Unmuted: you will be told of new messages here."))
    return _to(member.conversation)


@login_required
def block_list(request):
    page = paginate(request, selectors.block_list(request.user))
    return render(request, "discussions/conversations/block_list.html", {"page": page})


@require_POST
@login_required
def person_block(request, person_id):
    person, _seen = access_person(request.user, person_id)
    try:
        conversations.person_block(actor=request.user, person=person)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You blocked %(name)s. They can no longer write to you, and they are not told.")
            % {"name": person.display_name},
        )
    return redirect("discussions:block_list")


@require_POST
@login_required
def person_unblock(request, person_id):
    person, _seen = access_person(request.user, person_id)
    if conversations.person_unblock(actor=request.user, person=person):
        name = person.display_name
        messages.success(request, _("%(name)s can write to you again.") % {"name": name})
    return redirect("discussions:block_list")
