-- Imports run as jobs; a job left `running` by a stopped process is marked failed at start.
CREATE TABLE import_jobs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id    BIGINT NOT NULL REFERENCES organizations (id),
    status       TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    total        BIGINT NOT NULL,
    report       TEXT,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP
);
