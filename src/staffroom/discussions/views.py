"""Discussions: a community's threads (latest, unanswered questions, a tag, those
shared into it), a thread with its replies and their files, the forms to post, reply
(quoting), edit with history, react, bookmark, mark the answer, moderate, move and share,
and "my bookmarks". Every action is a plain form post that redirects."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import PER_PAGE, paginate, paginate_by_key
from staffroom.discussions import attachments, selectors, services, sharing
from staffroom.discussions.access import (
    access_attachment,
    access_reply,
    access_revision,
    access_share,
    access_thread,
    check_may_edit,
    may_edit,
    may_mark_answer,
    may_react,
)
from staffroom.discussions.forms import (
    AnswerForm,
    ModerateForm,
    MoveForm,
    QuoteForm,
    ReactionForm,
    ReplyEditForm,
    ReplyForm,
    ShareForm,
    ThreadEditForm,
    ThreadForm,
)
from staffroom.discussions.services import tags_parse

POST = (perms.PARTICIPATE, perms.MODERATE)  # editing: authors and moderators


def follows_moves(view):
    """A thread's address under the community it has moved away from (a link or a
    notification from before the move) sends whoever may read it to where it is now;
    for anyone else it stays a 404."""

    @wraps(view)
    def wrapped(request, slug, **kwargs):
        try:
            return view(request, slug, **kwargs)
        except Http404:
            if request.method != "GET":
                raise
            match = request.resolver_match
            url = sharing.moved_url(request.user, slug, match.view_name, match.kwargs)
            if url is None:
                raise
            query = request.META.get("QUERY_STRING", "")
            return redirect(f"{url}?{query}" if query else url)

    return wrapped


def _form_page(request, template, context, form):
    """The form again, with what was typed and the errors beside it (400 after a post)."""
    context = {**context, "form": form}
    return render(request, template, context, status=400 if form.is_bound else 200)


def _to_thread(access, thread, anchor=""):
    url = reverse("discussions:thread_detail", args=[access.community.slug, thread.public_id])
    return redirect(url + anchor)


def _list(request, access, threads, *, heading, current, tag="", **extra):
    context = {"access": access, "community": access.community, "heading": heading,
               "current": current, "tag": tag, "page": paginate_by_key(request, threads),
               **extra}  # fmt: skip
    return render(request, "discussions/thread_list.html", context)


def _removable(access, shares):
    for share in shares:
        share.removable = sharing.may_remove_share(access, share)
    return shares


@community_view(need=perms.READ)
def thread_list(request, access):
    # One more than is shown tells whether the full list of shares has more.
    shares = _removable(access, list(selectors.share_list(access)[: sharing.SHARES_ON_LIST + 1]))
    return _list(request, access, selectors.thread_list(access),
                 heading=_("Discussions"), current="latest",
                 shares=shares[: sharing.SHARES_ON_LIST],
                 more_shares=len(shares) > sharing.SHARES_ON_LIST)  # fmt: skip


@community_view(need=perms.READ)
def share_list(request, access):
    """The threads shared into the community from others, as cards."""
    page = paginate(request, selectors.share_list(access))
    page.object_list = _removable(access, list(page.object_list))
    context = {"access": access, "community": access.community, "page": page,
               "current": "shared"}  # fmt: skip
    return render(request, "discussions/share_list.html", context)


@community_view(need=perms.READ)
def question_list(request, access):
    return _list(request, access, selectors.unanswered_list(access),
                 heading=_("Unanswered questions"), current="unanswered")  # fmt: skip


@community_view(need=perms.READ)
def tag_detail(request, access, tag):
    if tags_parse(f"#{tag}") != [tag.lower()]:
        raise Http404
    return _list(request, access, selectors.tag_thread_list(access, tag),
                 heading=f"#{tag.lower()}", current="tag", tag=tag.lower())  # fmt: skip


@community_view(need=perms.PARTICIPATE)
def thread_create(request, access):
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ThreadForm(data, files, announce=access.has(perms.MODERATE))
    if form.is_valid():
        try:
            thread = attachments.thread_post(actor=request.user, access=access, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your thread is posted."))
            return _to_thread(access, thread)
    context = {"access": access, "community": access.community}
    return _form_page(request, "discussions/thread_form.html", context, form)


@follows_moves
@community_view(need=perms.READ)
def thread_detail(request, access, public_id):
    thread = access_thread(access, public_id)
    page = paginate(request, selectors.reply_list(thread))
    replies = list(page)
    read_count = selectors.read_count_get(request.user, thread)
    replying = thread.takes_replies and access.has(perms.PARTICIPATE)
    reactions = selectors.reactions_for(thread, replies, request.user)
    files = attachments.attachments_for(thread, replies)
    for reply in replies:
        reply.editable = may_edit(access, thread, reply.author_id)
        reply.reactable = may_react(access, reply.author_id)
        reply.shown = reactions[reply.pk]
        reply.files = files[reply.pk]
    context = {
        "access": access, "community": access.community, "thread": thread, "page": page,
        "replies": replies, "opening_reactions": reactions[None],
        "thread_reactable": may_react(access, thread.author_id),
        "bookmarked": selectors.is_bookmarked(request.user, thread),
        "thread_editable": may_edit(access, thread, thread.author_id),
        "marks_answer": may_mark_answer(access, thread),
        "reply_form": ReplyForm() if replying else None, "opening_files": files[None],
        "share_form": _share_form(request, thread),
    }  # fmt: skip
    if access.has(perms.MODERATE):
        context["moderations"] = selectors.moderation_list(thread)
        context["movable"] = sharing.community_choices(request.user, thread).exists()
    if read_count is not None and read_count < thread.reply_count:
        context["first_unread"] = read_count + 1
        context["first_unread_page"] = read_count // PER_PAGE + 1
    # Only a page that starts at or before the first unread reply has been read up to
    # its end: one further on (a link, or "next" skipped ahead) leaves a gap unread.
    first_unread = (read_count or 0) + 1
    if replies and page.start_index() <= first_unread <= page.end_index():
        services.thread_mark_read(user=request.user, thread=thread, read_count=page.end_index())
    return render(request, "discussions/thread_detail.html", context)


@community_view(need=POST)
def thread_edit(request, access, public_id):
    thread = access_thread(access, public_id, need=POST)
    check_may_edit(access, thread, thread.author_id)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ThreadEditForm(
        data, files, initial={"title": thread.title, "body": thread.body},
        attachments=attachments.attachment_list(thread),
    )  # fmt: skip
    if form.is_valid():
        try:
            attachments.thread_revise(
                actor=request.user, access=access, thread=thread, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return _to_thread(access, thread)
    context = {"access": access, "community": access.community, "thread": thread}
    return _form_page(request, "discussions/thread_form.html", context, form)


@follows_moves
@community_view(need=perms.READ)
def thread_history(request, access, public_id):
    thread = access_thread(access, public_id)
    context = {"access": access, "community": access.community, "thread": thread,
               "current": thread, "title": thread.title,
               "page": paginate(request, selectors.revision_list(thread))}  # fmt: skip
    return render(request, "discussions/history.html", context)


@community_view(need=perms.PARTICIPATE)
def reply_create(request, access, public_id):
    thread = access_thread(access, public_id, need=perms.PARTICIPATE)
    data = request.POST if request.method == "POST" else request.GET
    quote_form = QuoteForm(data)
    quote_id = quote_form.cleaned_data["quote"] if quote_form.is_valid() else ""
    quoting = access_reply(thread, quote_id) if quote_id else None
    if request.method == "POST":
        form = ReplyForm(request.POST, request.FILES)
    elif not thread.takes_replies:
        messages.info(request, _("This thread takes no more replies."))
        return _to_thread(access, thread)
    else:
        quoted = "\n".join(f"> {line}" for line in quoting.body.splitlines()) if quoting else ""
        form = ReplyForm(initial={"quote": quote_id, "body": f"{quoted}\n\n" if quoted else ""})
    if request.method == "POST" and form.is_valid():
        try:
            reply = attachments.reply_post(
                actor=request.user, access=access, thread=thread,
                body=form.cleaned_data["body"], quoting=quoting, files=form.cleaned_data["files"],
            )  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your reply is posted."))
            return redirect("discussions:reply_detail", access.community.slug, thread.public_id,
                            reply.public_id)  # fmt: skip
    context = {"access": access, "community": access.community, "thread": thread,
               "quoting": quoting}  # fmt: skip
    return _form_page(request, "discussions/reply_form.html", context, form)


@follows_moves
@community_view(need=perms.READ)
def reply_detail(request, access, public_id, reply_id):
    """Where a reply stands: its page of the thread, scrolled to it."""
    thread = access_thread(access, public_id)
    reply = access_reply(thread, reply_id)
    page = (selectors.reply_position(reply) - 1) // PER_PAGE + 1
    url = reverse("discussions:thread_detail", args=[access.community.slug, thread.public_id])
    return redirect(f"{url}?page={page}#r-{reply.public_id}")


@community_view(need=POST)
def reply_edit(request, access, public_id, reply_id):
    thread = access_thread(access, public_id, need=POST)
    reply = access_reply(thread, reply_id)
    check_may_edit(access, thread, reply.author_id)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ReplyEditForm(data, files, initial={"body": reply.body},
                         attachments=attachments.attachment_list(thread, reply))  # fmt: skip
    if form.is_valid():
        try:
            attachments.reply_revise(
                actor=request.user, access=access, reply=reply, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("discussions:reply_detail", access.community.slug, thread.public_id,
                            reply.public_id)  # fmt: skip
    context = {"access": access, "community": access.community, "thread": thread,
               "reply": reply, "own": reply.author_id == request.user.pk}  # fmt: skip
    return _form_page(request, "discussions/reply_form.html", context, form)


@follows_moves
@community_view(need=perms.READ)
def reply_history(request, access, public_id, reply_id):
    thread = access_thread(access, public_id)
    reply = access_reply(thread, reply_id)
    context = {"access": access, "community": access.community, "thread": thread,
               "current": reply, "reply": reply,
               "page": paginate(request, selectors.revision_list(thread, reply))}  # fmt: skip
    return render(request, "discussions/history.html", context)


def _posted_reply(thread, reply_id):
    return access_reply(thread, reply_id) if reply_id else None


def _act(request, access, thread, action, success, *, anchor=""):
    """Run ``action()`` (a service call) and go back to the thread with its outcome."""
    try:
        done = action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(done))
    return _to_thread(access, thread, anchor)


@require_POST
@community_view(need=perms.PARTICIPATE)
def reaction_toggle(request, access, public_id):
    thread = access_thread(access, public_id, need=perms.PARTICIPATE)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose “helpful” or “thank you”."))
        return _to_thread(access, thread)
    reply = _posted_reply(thread, form.cleaned_data["reply"])
    return _act(request, access, thread,
                lambda: services.reaction_toggle(actor=request.user, access=access, thread=thread,
                                                 reply=reply, kind=form.cleaned_data["kind"]),
                lambda added: _("Thank you for your reaction.") if added
                else _("Your reaction is taken back."),
                anchor=f"#r-{reply.public_id}" if reply else "")  # fmt: skip


@require_POST
@community_view(need=perms.READ)
def bookmark_toggle(request, access, public_id):
    """For whoever reads the community and is signed in: one who has left it can still
    take a bookmark away."""
    thread = access_thread(access, public_id)
    if not request.user.is_authenticated:
        url = reverse("discussions:thread_detail", args=[access.community.slug, thread.public_id])
        return redirect_to_login(url)
    return _act(request, access, thread,
                lambda: services.bookmark_toggle(actor=request.user, access=access, thread=thread),
                lambda added: _("Bookmarked.") if added else _("Bookmark removed."))  # fmt: skip


@require_POST
@community_view(need=POST)
def answer_mark(request, access, public_id):
    thread = access_thread(access, public_id, need=POST)
    if not may_mark_answer(access, thread):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    reply = _posted_reply(thread, form.cleaned_data["reply"] if form.is_valid() else "")
    return _act(request, access, thread,
                lambda: services.answer_mark(actor=request.user, access=access, thread=thread,
                                             reply=reply),
                lambda _thread: _("The answer is marked.") if reply
                else _("The answer is unmarked."))  # fmt: skip


@require_POST
@community_view(need=perms.MODERATE)
def thread_moderate(request, access, public_id):
    thread = access_thread(access, public_id, need=perms.MODERATE)
    form = ModerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to do with the thread."))
        return _to_thread(access, thread)
    return _act(request, access, thread,
                lambda: services.thread_moderate(actor=request.user, access=access, thread=thread,
                                                 action=form.cleaned_data["action"]),
                lambda _thread: _("The thread is updated."))  # fmt: skip


@require_POST
@community_view(need=perms.MODERATE)
def revision_hide(request, access, public_id, revision_id):
    """Hide an earlier version's text and go back to the history it was in."""
    thread = access_thread(access, public_id, need=perms.MODERATE)
    revision = access_revision(thread, revision_id)
    try:
        services.revision_hide(actor=request.user, access=access, thread=thread, revision=revision)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The earlier version is hidden."))
    if revision.reply_id is None:
        return redirect("discussions:thread_history", access.community.slug, thread.public_id)
    return redirect("discussions:reply_history", access.community.slug, thread.public_id,
                    revision.reply.public_id)  # fmt: skip


def _share_form(request, thread):
    """The share form of the thread page, when the viewer has somewhere to share it."""
    choices = list(sharing.share_choices(request.user, thread))
    return ShareForm(choices=choices) if choices else None


def _destination_page(request, access, thread, form, template):
    context = {"access": access, "community": access.community, "thread": thread}
    return _form_page(request, template, context, form)


@community_view(need=perms.MODERATE)
def thread_move(request, access, public_id):
    thread = access_thread(access, public_id, need=perms.MODERATE)
    form = MoveForm(request.POST if request.method == "POST" else None,
                    choices=list(sharing.community_choices(request.user, thread)))  # fmt: skip
    if form.is_valid():
        try:
            moved = sharing.thread_move(actor=request.user, access=access, thread=thread,
                                        destination=form.cleaned_data["community"])  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The thread is moved to %(name)s.")
                             % {"name": moved.community.name})  # fmt: skip
            return redirect("discussions:thread_detail", moved.community.slug, moved.public_id)
    return _destination_page(request, access, thread, form, "discussions/thread_move.html")


@community_view(need=perms.READ)
def thread_share(request, access, public_id):
    """For a signed-in reader: show the thread in another community they take part in."""
    thread = access_thread(access, public_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = ShareForm(request.POST if request.method == "POST" else None,
                     choices=list(sharing.share_choices(request.user, thread)))  # fmt: skip
    if form.is_valid():
        try:
            sharing.thread_share(actor=request.user, access=access, thread=thread,
                                 destination=form.cleaned_data["community"],
                                 note=form.cleaned_data["note"])  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The thread is shared into %(name)s.")
                             % {"name": form.cleaned_data["community"].name})  # fmt: skip
            return _to_thread(access, thread)
    return _destination_page(request, access, thread, form, "discussions/thread_share.html")


@require_POST
@community_view(need=perms.READ)
def share_remove(request, access, public_id):
    """Take a thread shared into this community out of it: who shared it, or whoever
    moderates here."""
    share = access_share(access, public_id)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("discussions:share_list", args=[access.community.slug]))
    if not sharing.may_remove_share(access, share):
        raise PermissionDenied
    sharing.share_remove(actor=request.user, access=access, share=share)
    messages.success(request, _("The shared thread is removed from this community."))
    return redirect("discussions:thread_list", access.community.slug)


@follows_moves
@community_view(need=perms.READ)
def attachment_download(request, access, public_id, attachment_id):
    """A post's file, to those who may read the thread. Only an image is shown in the
    page; anything else is downloaded, never rendered by the browser."""
    thread = access_thread(access, public_id)
    attachment = access_attachment(thread, attachment_id)
    try:
        content = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        content, as_attachment=not attachment.is_image, filename=attachment.name,
        content_type=attachment.content_type,
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    patch_cache_control(response, private=True)
    return response


@login_required
def bookmark_list(request):
    page = paginate(request, selectors.bookmark_list(request.user))
    return render(request, "discussions/bookmark_list.html", {"page": page})


def community_home_section(request, access) -> dict | None:
    """The "Discussions" section of a community's home (registered in apps.py): links
    to its threads and the way to start one, at no query's cost."""
    if not access.has(perms.READ):
        return None
    return {"access": access, "community": access.community}
