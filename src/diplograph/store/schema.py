"""Named migrations, applied in order and recorded in the store.

A migration is a ``NNNN_name.sql`` file in ``migrations/``. Each one runs in
its own transaction together with the row that records it, so a store is
always at a whole number of migrations.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import duckdb

_LEDGER = """CREATE TABLE IF NOT EXISTS schema_migrations (
    name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"""


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


def known_migrations() -> list[Migration]:
    """Every migration shipped with this version, in the order they apply."""
    folder = resources.files("diplograph.store") / "migrations"
    files = sorted(f for f in folder.iterdir() if f.name.endswith(".sql"))
    return [Migration(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


def applied_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names recorded in the store (none for an empty or foreign DuckDB file)."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables "
                         "WHERE table_name = 'schema_migrations'").fetchall()[0][0]
    if not exists:
        return []
    return [row[0] for row in con.execute(
        "SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply what is missing; returns the names applied now."""
    con.execute(_LEDGER)
    done = set(applied_migrations(con))
    applied = []
    for migration in known_migrations():
        if migration.name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [migration.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.name)
    return applied
