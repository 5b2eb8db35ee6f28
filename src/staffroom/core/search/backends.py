"""The two full-text backends behind ``search()``: the same filters, the same
parsed terms, the same order of ties; only the match and the rank differ by vendor.

Both run exactly two queries (the total, then the page), whatever the data.

Both rank only the newest ``MAX_MATCHES`` matches (by entry id, the order entries were
indexed in): ranking and counting every match of a common word in millions of entries
takes seconds, and the newest thousand hold what a person looks for. The total then
stops at ``MAX_MATCHES`` and says it is capped."""

from django.db import connection

from staffroom.core.search.text import Term

TABLE = "core_searchentry"  # SearchEntry's table (imported lazily: see __init__)
FTS_TABLE = f"{TABLE}_fts"  # SQLite: the FTS5 table (migration 0002)

# PostgreSQL: the expression of the GIN index (migration 0002). Queries repeat it
# verbatim so that the planner uses the index. Title words weigh more (A) than the
# body and tags (B). 'simple': no stemming and no stop words, like SQLite's unicode61.
PG_VECTOR = (
    f"(setweight(to_tsvector('simple'::regconfig, {TABLE}.folded_title), 'A') || "
    f"setweight(to_tsvector('simple'::regconfig, {TABLE}.folded_body || ' ' || "
    f"{TABLE}.folded_tags), 'B'))"
)
# SQLite: bm25 weights for (folded_title, folded_body, folded_tags); lower is better.
SQLITE_RANK = f"bm25({FTS_TABLE}, 10.0, 1.0, 2.0)"

MAX_MATCHES = 1000

COLUMNS = ", ".join(
    f"{TABLE}.{name}"
    for name in (
        "id",
        "kind",
        "object_id",
        "scope_id",
        "title",
        "body",
        "tags",
        "author_id",
        "created_at",
        "url",
    )
)


def fts5_match(terms: list[Term]) -> str:
    """An FTS5 MATCH expression: every term quoted (so no word is ever an operator),
    phrases as one quoted string, implicit AND between terms."""
    return " ".join(f'"{" ".join(t.words)}"' + ("*" if t.prefix else "") for t in terms)


def pg_tsquery(terms: list[Term]) -> str:
    """A ``to_tsquery`` text: quoted lexemes, ``<->`` between phrase words, ``:*`` for
    a prefix, ``&`` between terms. Folded words hold letters and digits only."""

    def one(term: Term) -> str:
        lexemes = [f"'{word}'" for word in term.words]
        if term.prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"

    return " & ".join(one(term) for term in terms)


def _filters(
    *, scope_ids, kind_scopes, kinds, author_id, tag, since, until
) -> tuple[list[str], list]:
    where, params = [], []
    if scope_ids is not None:
        where.append(f"{TABLE}.scope_id IN ({', '.join(['%s'] * len(scope_ids))})")
        params += scope_ids
    for kind, ids in kind_scopes.items():
        inside = f" OR {TABLE}.scope_id IN ({', '.join(['%s'] * len(ids))})" if ids else ""
        where.append(f"({TABLE}.kind <> %s{inside})")
        params += [kind, *ids]
    if kinds is not None:
        where.append(f"{TABLE}.kind IN ({', '.join(['%s'] * len(kinds))})")
        params += kinds
    if author_id is not None:
        where.append(f"{TABLE}.author_id = %s")
        params.append(author_id)
    if tag is not None:
        # Tags are space-separated words: compare whole words, wildcards literal.
        where.append(f"(' ' || {TABLE}.tags || ' ') LIKE %s ESCAPE '\\'")
        literal = tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"% {literal} %")
    adapt = connection.ops.adapt_datetimefield_value
    if since is not None:
        where.append(f"{TABLE}.created_at >= %s")
        params.append(adapt(since))
    if until is not None:
        where.append(f"{TABLE}.created_at < %s")
        params.append(adapt(until))
    return where, params


def run(terms: list[Term], *, limit: int, offset: int, **filters) -> tuple[list, int, bool]:
    """The page of matching entries (SearchEntry), best first, among the newest
    ``MAX_MATCHES`` matches; how many of those there are; whether there are more."""
    from staffroom.core.models import SearchEntry

    where, params = _filters(**filters)
    if connection.vendor == "sqlite":
        # The FTS5 table yields its matches newest rowid first by itself, so the scan
        # stops after MAX_MATCHES rows instead of ranking every match.
        source = f"{FTS_TABLE} JOIN {TABLE} ON {TABLE}.id = {FTS_TABLE}.rowid"
        where.insert(0, f"{FTS_TABLE} MATCH %s")
        rank, direction = SQLITE_RANK, "ASC"
        params.insert(0, fts5_match(terms))
        rank_params, newest_first = [], f"{FTS_TABLE}.rowid DESC"
    elif connection.vendor == "postgresql":
        source = TABLE
        where.insert(0, f"{PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s)")
        rank = f"ts_rank({PG_VECTOR}, to_tsquery('simple'::regconfig, %s))"
        direction = "DESC"
        params.insert(0, pg_tsquery(terms))
        rank_params, newest_first = [pg_tsquery(terms)], f"{TABLE}.id DESC"
    else:  # pragma: no cover - the project runs on these two only
        raise NotImplementedError(f"search has no backend for {connection.vendor}")
    clause = " AND ".join(where)
    newest = f"FROM {source} WHERE {clause} ORDER BY {newest_first} LIMIT %s"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM (SELECT {TABLE}.id {newest}) AS hits",
            [*params, MAX_MATCHES + 1],
        )
        found = cursor.fetchone()[0]
    total, capped = min(found, MAX_MATCHES), found > MAX_MATCHES
    if not total or offset >= total:
        return [], total, capped
    sql = (
        f"SELECT {COLUMNS}, hits.rank AS rank FROM "
        f"(SELECT {TABLE}.id AS id, {rank} AS rank {newest}) AS hits "
        f"JOIN {TABLE} ON {TABLE}.id = hits.id "
        f"ORDER BY hits.rank {direction}, {TABLE}.created_at DESC, {TABLE}.id DESC "
        "LIMIT %s OFFSET %s"
    )
    params = [*rank_params, *params, MAX_MATCHES, limit, offset]
    entries = list(SearchEntry.objects.raw(sql, params))
    return entries, total, capped
