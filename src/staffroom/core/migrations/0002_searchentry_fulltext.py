"""The full-text index of SearchEntry, one per database vendor (the model state does
not change, so makemigrations never sees it):

- SQLite: an external-content FTS5 table over the folded columns, kept in step by
  triggers. Folding happens in Python, so the tokenizer keeps diacritics as they are.
- PostgreSQL: a GIN index on the weighted tsvector that search queries repeat verbatim.
"""

from django.db import migrations

# Frozen copies of staffroom.core.search.backends: PG_VECTOR must stay identical to the
# expression the queries use, or PostgreSQL stops using the index.
TABLE = "core_searchentry"
FTS_TABLE = "core_searchentry_fts"
PG_VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, core_searchentry.folded_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, core_searchentry.folded_body || ' ' || "
    "core_searchentry.folded_tags), 'B'))"
)

COLUMNS = "folded_title, folded_body, folded_tags"
NEW = "new.folded_title, new.folded_body, new.folded_tags"
OLD = "old.folded_title, old.folded_body, old.folded_tags"

SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({COLUMNS}, content='{TABLE}', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER {TABLE}_ai AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"CREATE TRIGGER {TABLE}_ad AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
    f"CREATE TRIGGER {TABLE}_au AFTER UPDATE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO {FTS_TABLE}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
PG_FORWARD = [f"CREATE INDEX {TABLE}_fts ON {TABLE} USING gin ({PG_VECTOR})"]
PG_BACKWARD = [f"DROP INDEX IF EXISTS {TABLE}_fts"]


def _run(statements: dict):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        )
    ]
