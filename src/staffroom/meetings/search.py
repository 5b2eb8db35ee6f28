"""Sessions in the search index (``core.search``): topic, description, presenter and
recording notes, scoped to the session's community (whose readers may see it)."""

from collections.abc import Iterable, Iterator

from django.urls import reverse

from staffroom.core import search
from staffroom.core.markdown import markdown_text
from staffroom.meetings.models import Session

KIND = "meetings.session"


def session_document(session: Session) -> search.Document:
    presenter = session.guest_presenter or (
        session.presenter.display_name if session.presenter_id else ""
    )
    parts = (markdown_text(session.description), presenter, markdown_text(session.notes))
    body = "\n\n".join(part for part in parts if part)
    return search.Document(
        kind=KIND,
        object_id=session.pk,
        scope_id=session.community_id,
        title=session.title,
        url=reverse("meetings:session_detail", args=[session.community.slug, session.public_id]),
        created_at=session.starts_at,
        body=body,
        tags=[tag.strip() for tag in session.tags.split(",") if tag.strip()],
    )


def _sessions():
    return Session.objects.select_related("community", "presenter")


def session_documents() -> Iterator[search.Document]:
    for session in _sessions().iterator(chunk_size=500):
        yield session_document(session)


def sessions_index(sessions: Iterable[Session]) -> None:
    """Index (or re-index) ``sessions`` as they are now in the database."""
    for session in _sessions().filter(pk__in=[session.pk for session in sessions]):
        search.index(session_document(session))
