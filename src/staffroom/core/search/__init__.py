"""Search across everything a person may see (DESIGN: core owns the registry, the
parts above register with it in ``AppConfig.ready``).

A part registers its kind once::

    search.register("meetings.session", label=_("Session"), documents=all_session_documents)

keeps the index in step from its services (inside their transaction, so a rolled-back
write leaves no entry behind)::

    search.index(Document(kind="meetings.session", object_id=..., scope_id=community.id, ...))
    search.unindex("meetings.session", object_id)

and ``staffroom search_rebuild`` rebuilds every kind from its ``documents()``.
``search()`` returns only entries whose ``scope_id`` is in ``scope_ids``: the caller
passes the communities the viewer may read, computed with communities' selectors.

SQLite (FTS5) and PostgreSQL (tsvector) sit behind the same function; the text is
folded the same way in Python for both, so both find the same things."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.functional import Promise

if TYPE_CHECKING:
    from staffroom.core.models import SearchEntry

from staffroom.core.search import backends
from staffroom.core.search.text import fold, highlight, normalize, parse_query, snippet

__all__ = [
    "Document",
    "Result",
    "SearchPage",
    "index",
    "index_many",
    "kinds",
    "rebuild",
    "register",
    "retitle",
    "search",
    "unindex",
    "unindex_many",
    "unregister",
]

# Parts import this module from their apps.py, before models are ready: SearchEntry is
# imported inside the functions that need it.

MAX_LIMIT = 100
_BATCH = 500


@dataclass(frozen=True)
class Document:
    """What a part hands to the index: ``body`` is plain text (not HTML);
    ``scope_id`` is the id of the community whose readers may find it."""

    kind: str
    object_id: str | int
    scope_id: int
    title: str
    url: str
    created_at: dt.datetime
    body: str = ""
    author_id: int | None = None
    tags: Iterable[str] = ()


@dataclass(frozen=True)
class Kind:
    kind: str
    label: str | Promise
    documents: Callable[[], Iterable[Document]]
    # (user) -> the scopes where this user may find this kind, when that is fewer than
    # the communities they may read; None: every community they may read.
    scopes: Callable | None = None


@dataclass(frozen=True)
class Result:
    """One hit. ``title_html`` and ``snippet_html`` are escaped HTML with the matching
    words in ``<mark>``: safe to show as they are."""

    kind: str
    label: str | Promise
    object_id: str
    scope_id: int
    title: str
    title_html: str
    snippet_html: str
    url: str
    created_at: dt.datetime
    author_id: int | None
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchPage:
    """``total`` counts at most ``backends.MAX_MATCHES``; ``capped``: more matched."""

    results: list[Result]
    total: int
    capped: bool = False


# Filled at import / AppConfig.ready time only, so it is the same in every process.
_kinds: dict[str, Kind] = {}


def register(
    kind: str,
    *,
    label: str | Promise,
    documents: Callable[[], Iterable[Document]],
    scopes: Callable | None = None,
):
    """Make ``kind`` searchable; ``documents()`` yields every current document of that
    kind, for a full rebuild; ``scopes(user)``, when given, narrows where a user may
    find it (pass the result to ``search(kind_scopes=...)``). Registering a kind twice
    is a mistake and raises."""
    if kind in _kinds:
        raise ValueError(f"search kind {kind!r} is already registered")
    _kinds[kind] = Kind(kind, label, documents, scopes)


def unregister(kind: str) -> None:
    """Forget ``kind`` (for tests); its entries stay until the next rebuild."""
    _kinds.pop(kind, None)


def kinds() -> dict[str, Kind]:
    return dict(_kinds)


def _tag(tag: str) -> str:
    return "-".join(normalize(tag).lower().split())


def _entry(document: Document) -> "SearchEntry":
    from staffroom.core.models import SearchEntry

    if document.kind not in _kinds:
        raise ValueError(f"search kind {document.kind!r} is not registered")
    title = normalize(document.title)[: SearchEntry._meta.get_field("title").max_length]
    body = normalize(document.body)
    tags = ""
    for tag in document.tags:  # whole tags, as many as fit
        tag = _tag(tag)
        if tag and len(tags) + len(tag) + 1 <= SearchEntry._meta.get_field("tags").max_length:
            tags = f"{tags} {tag}" if tags else tag
    return SearchEntry(
        kind=document.kind,
        object_id=str(document.object_id),
        scope_id=document.scope_id,
        title=title,
        body=body,
        tags=tags,
        author_id=document.author_id,
        created_at=document.created_at,
        url=document.url,
        folded_title=fold(title),
        folded_body=fold(body),
        folded_tags=fold(tags),
    )


def index(document: Document) -> None:
    """Add ``document`` to the index, or replace its entry (same kind and object_id)."""
    from staffroom.core.models import SearchEntry

    entry = _entry(document)
    fields = [f.name for f in SearchEntry._meta.concrete_fields if not f.primary_key]
    SearchEntry.objects.update_or_create(
        kind=entry.kind,
        object_id=entry.object_id,
        defaults={name: getattr(entry, name) for name in fields},
    )


def index_many(documents: Iterable[Document]) -> int:
    """``index`` for many documents at once (a thread's replies when it moves), a
    delete and a bulk insert per batch rather than queries per document. Returns how
    many were indexed."""
    from staffroom.core.models import SearchEntry

    count = 0
    for batch in _batches(documents):
        for kind in {entry.kind for entry in batch}:
            ids = [entry.object_id for entry in batch if entry.kind == kind]
            SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
        SearchEntry.objects.bulk_create(batch)
        count += len(batch)
    return count


def unindex(kind: str, object_id: str | int) -> None:
    """Remove the entry of that object, if there is one."""
    from staffroom.core.models import SearchEntry

    SearchEntry.objects.filter(kind=kind, object_id=str(object_id)).delete()


def unindex_many(kind: str, object_ids: Iterable[str | int]) -> int:
    """Remove the entries of ``object_ids`` (of ``kind``), one DELETE per batch: for the
    many entries that go at once (a thread's replies). Returns how many were removed."""
    from staffroom.core.models import SearchEntry

    ids = (str(object_id) for object_id in object_ids)
    removed = 0
    while batch := list(islice(ids, _BATCH)):
        removed += SearchEntry.objects.filter(kind=kind, object_id__in=batch).delete()[0]
    return removed


def retitle(kind: str, object_ids: Iterable[str | int], title: str) -> int:
    """Give the entries of ``object_ids`` (of ``kind``) the title ``title``, one UPDATE
    per batch: for the many entries shown under one title (a thread's replies), where
    re-indexing each would cost several queries apiece. Returns how many changed."""
    from staffroom.core.models import SearchEntry

    title = normalize(title)[: SearchEntry._meta.get_field("title").max_length]
    ids = (str(object_id) for object_id in object_ids)
    changed = 0
    while batch := list(islice(ids, _BATCH)):
        entries = SearchEntry.objects.filter(kind=kind, object_id__in=batch)
        changed += entries.update(title=title, folded_title=fold(title))
    return changed


def _batches(documents: Iterable[Document]) -> Iterator[list["SearchEntry"]]:
    iterator = iter(documents)
    while batch := [_entry(document) for document in islice(iterator, _BATCH)]:
        yield batch


def rebuild(only: Iterable[str] | None = None) -> dict[str, int]:
    """Replace the entries of every registered kind (or of ``only``) with what the
    kind's ``documents()`` yields now; one transaction per kind. Returns the counts."""
    from staffroom.core.models import SearchEntry

    counts = {}
    for name in only if only is not None else sorted(_kinds):
        if name not in _kinds:
            raise ValueError(f"search kind {name!r} is not registered")
        with transaction.atomic():
            SearchEntry.objects.filter(kind=name).delete()
            counts[name] = 0
            for batch in _batches(_kinds[name].documents()):
                SearchEntry.objects.bulk_create(batch)
                counts[name] += len(batch)
    return counts


def search(
    query: str,
    *,
    scope_ids: Iterable[int] | None,
    kind_scopes: dict[str, Iterable[int]] | None = None,
    kinds: Iterable[str] | None = None,
    author_id: int | None = None,
    tag: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchPage:
    """Entries matching ``query`` (words, "phrases", ``prefix*``; see ``parse_query``),
    best first among the newest ``backends.MAX_MATCHES`` matches, within ``scope_ids``
    (``None``: every community, for site-wide staff tools only) and, for a kind in
    ``kind_scopes``, within that kind's own narrower scopes (things only a community's
    members may read, not all its readers); of
    ``kinds``, by ``author_id``, tagged ``tag``, created in ``[since, until)``. Never
    raises on what a person types; at most two queries."""
    terms = parse_query(query)
    scope_ids = None if scope_ids is None else [int(s) for s in scope_ids]
    kind_scopes = {str(k): [int(s) for s in ids] for k, ids in (kind_scopes or {}).items()}
    kinds = None if kinds is None else [str(k) for k in kinds]
    tag = _tag(tag or "") or None  # stored tags are normalised the same way
    if not terms or scope_ids == [] or kinds == []:
        return SearchPage(results=[], total=0)
    entries, total, capped = backends.run(
        terms,
        limit=max(1, min(int(limit), MAX_LIMIT)),
        offset=max(0, int(offset)),
        scope_ids=scope_ids,
        kind_scopes=kind_scopes,
        kinds=kinds,
        author_id=author_id,
        tag=tag,
        since=since,
        until=until,
    )
    results = [
        Result(
            kind=entry.kind,
            label=_kinds[entry.kind].label if entry.kind in _kinds else entry.kind,
            object_id=entry.object_id,
            scope_id=entry.scope_id,
            title=entry.title,
            title_html=highlight(entry.title, terms),
            snippet_html=snippet(entry.body, terms),
            url=entry.url,
            created_at=entry.created_at,
            author_id=entry.author_id,
            tags=entry.tags.split(),
        )
        for entry in entries
    ]
    return SearchPage(results=results, total=total, capped=capped)
