-- Stage 7: a pair completes with its summary and how far its goals were reached; a programme
-- completes with its figures frozen, so that the report handed to the director and the institute
-- stays what it was on the day.
ALTER TABLE pairs ADD COLUMN outcome TEXT CHECK (outcome IN ('yes', 'mostly', 'partly', 'no'));
ALTER TABLE pairs ADD COLUMN summary TEXT;

CREATE TABLE program_reports (
    program_id  BIGINT PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
    report      TEXT NOT NULL,
    frozen_at   TIMESTAMP NOT NULL
);
