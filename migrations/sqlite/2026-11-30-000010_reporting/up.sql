-- The institute's view: report periods (collection windows) and each school's figures frozen at
-- the period's reference date.

CREATE TABLE report_periods (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The region or institute that opened the period; its schools are the period's rows.
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    title            TEXT NOT NULL,
    reference_date   DATE NOT NULL,
    opens_on         DATE NOT NULL,
    closes_on        DATE NOT NULL,
    -- The age band of the headline indicator (10–18 unless the institute says otherwise).
    age_from         INTEGER NOT NULL CHECK (age_from BETWEEN 5 AND 30),
    age_to           INTEGER NOT NULL CHECK (age_to BETWEEN 5 AND 30),
    status           TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    snapshot_at      TIMESTAMP NOT NULL,
    created_by       TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    closed_at        TIMESTAMP,
    version          BIGINT NOT NULL DEFAULT 1,
    CHECK (opens_on <= closes_on),
    CHECK (age_from <= age_to)
);
CREATE INDEX report_periods_organization ON report_periods (organization_id, id);

-- One school's figures in one period: JSON in a versioned schema, so that a later change of the
-- figures' code does not reinterpret what was frozen.
CREATE TABLE report_snapshots (
    period_id        BIGINT NOT NULL REFERENCES report_periods (id) ON DELETE CASCADE,
    school_id        BIGINT NOT NULL REFERENCES organizations (id),
    schema_version   INTEGER NOT NULL,
    figures          TEXT NOT NULL,
    taken_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (period_id, school_id)
);

-- The dashboard's summary queries group the whole subtree by school; these keep them to index
-- lookups from the programmes down.
CREATE INDEX program_mentors_program ON program_mentors (program_id, status);
CREATE INDEX program_mentees_program ON program_mentees (program_id, status);
CREATE INDEX pair_mentees_mentee ON pair_mentees (mentee_id);
CREATE INDEX meetings_pair_status ON meetings (pair_id, status, kind);
