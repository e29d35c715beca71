-- A running import's progress, recorded beside the job by the instance running it (PostgreSQL,
-- where several instances serve one database), so that every instance shows it.
ALTER TABLE import_jobs ADD COLUMN processed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_jobs ADD COLUMN progress_at TIMESTAMP;
