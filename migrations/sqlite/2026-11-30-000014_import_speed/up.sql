-- An import writes one audit entry naming every record it changed, rather than one entry a
-- record: the records are kept as runs of consecutive ids, which an import's new records form.
CREATE TABLE audit_log_records (
    entry_id  BIGINT NOT NULL REFERENCES audit_log (id),
    first_id  BIGINT NOT NULL,
    last_id   BIGINT NOT NULL,
    CHECK (first_id <= last_id),
    PRIMARY KEY (entry_id, first_id)
);
CREATE INDEX audit_log_records_span ON audit_log_records (first_id, last_id);
-- Append-only, like the entries themselves.
CREATE TRIGGER audit_log_records_no_update BEFORE UPDATE ON audit_log_records BEGIN SELECT RAISE(ABORT, 'audit_log_records is append-only'); END;
CREATE TRIGGER audit_log_records_no_delete BEFORE DELETE ON audit_log_records BEGIN SELECT RAISE(ABORT, 'audit_log_records is append-only'); END;
