ALTER TABLE import_jobs DROP COLUMN progress_at;
ALTER TABLE import_jobs DROP COLUMN processed;
