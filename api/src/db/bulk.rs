//! Multi-row statements for SQLite, where bulk writes would otherwise cost one statement a row
//! (diesel's batch insert does not compile through the two-database connection).

/// SQLite's limit of bound values in one statement.
pub const SQLITE_MAX_BINDS: usize = 32_766;

/// `(?,?,…),(?,?,…)…`: placeholders for `rows` rows of `width` values.
pub fn placeholders(rows: usize, width: usize) -> String {
    let row = format!("({})", vec!["?"; width].join(","));
    vec![row; rows].join(",")
}
