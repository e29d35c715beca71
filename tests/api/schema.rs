//! Both migration sets build the same tables and columns.

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use nastavnik::db::{Backend, Db, DbConnection, run_migrations};
use nastavnik_tests::TestDatabase;

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Integer)]
    not_null: i32,
}

/// table → [(column, not null)]
fn columns(conn: &mut DbConnection) -> BTreeMap<String, Vec<(String, bool)>> {
    let rows: Vec<Column> = match conn {
        DbConnection::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, (p.\"notnull\" OR p.pk > 0) AS not_null \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'",
        )
        .load(c),
        DbConnection::Postgresql(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END AS not_null \
             FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'",
        )
        .load(c),
    }
    .expect("read the catalogue");
    let mut out: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    for r in rows {
        out.entry(r.table_name).or_default().push((r.column_name, r.not_null != 0));
    }
    for cols in out.values_mut() {
        cols.sort();
    }
    out
}

fn migrated(backend: Backend) -> (TestDatabase, Db) {
    let database = TestDatabase::new(backend);
    let db = Db::connect(&database.url, 1).expect("connect");
    run_migrations(&mut db.get().expect("connection")).expect("migrate");
    (database, db)
}

mod migration_sets_build_the_same_tables {
    use super::*;

    /// On SQLite alone: migrating again is a no-op, and every table of the schema exists.
    #[tokio::test]
    async fn on_sqlite() {
        let (_database, db) = migrated(Backend::Sqlite);
        let mut conn = db.get().expect("connection");
        assert_eq!(run_migrations(&mut conn).expect("again"), 0);
        let tables = columns(&mut conn);
        for t in ["organizations", "users", "memberships", "refresh_tokens", "api_tokens", "contingent_age_groups", "login_failures", "idempotency_keys"] {
            assert!(tables.contains_key(t), "{t} missing: {:?}", tables.keys());
        }
    }

    /// Both sets, compared table by table, column by column, nullability included.
    #[tokio::test]
    async fn on_postgres() {
        let (_s, sqlite) = migrated(Backend::Sqlite);
        let (_p, postgres) = migrated(Backend::Postgres);
        let a = columns(&mut sqlite.get().expect("connection"));
        let b = columns(&mut postgres.get().expect("connection"));
        assert!(!a.is_empty());
        assert_eq!(a, b);
    }
}

