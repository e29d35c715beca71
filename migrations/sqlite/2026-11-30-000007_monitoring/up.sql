-- Monitoring: survey templates (standard, regional, a school's own), surveys of a programme with
-- one-time invitations, responses saved as the person goes, and measurements from records.

CREATE TABLE survey_templates (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    -- NULL: a standard template shipped with the system; else the institute or school that owns it.
    organization_id  BIGINT REFERENCES organizations (id) ON DELETE CASCADE,
    code             TEXT NOT NULL,
    version          INTEGER NOT NULL,
    title            TEXT NOT NULL,
    purpose          TEXT NOT NULL CHECK (purpose IN ('quality', 'impact')),
    audience         TEXT NOT NULL CHECK (audience IN ('mentor', 'mentee', 'curator')),
    form             TEXT,
    questions        TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    UNIQUE (organization_id, code, version)
);
-- NULLs are distinct in UNIQUE: the standard templates need their own index, so that instances
-- starting together ship them once.
CREATE UNIQUE INDEX survey_templates_standard ON survey_templates (code, version) WHERE organization_id IS NULL;

CREATE TABLE surveys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id   BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    template_id  BIGINT NOT NULL REFERENCES survey_templates (id),
    phase        TEXT NOT NULL CHECK (phase IN ('quality', 'entry', 'exit', 'interim')),
    audience     TEXT NOT NULL CHECK (audience IN ('mentor', 'mentee', 'curator')),
    opens_on     DATE NOT NULL,
    closes_on    DATE NOT NULL,
    closed_at    TIMESTAMP,
    created_at   TIMESTAMP NOT NULL,
    CHECK (closes_on >= opens_on)
);
CREATE INDEX surveys_program ON surveys (program_id, id);

-- A one-time link for someone without an account (a child on a phone); only the hash is kept.
CREATE TABLE survey_invitations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    survey_id       BIGINT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    participant_id  BIGINT REFERENCES participants (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX survey_invitations_survey ON survey_invitations (survey_id);

CREATE TABLE survey_responses (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    survey_id       BIGINT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    invitation_id   BIGINT UNIQUE REFERENCES survey_invitations (id) ON DELETE CASCADE,
    participant_id  BIGINT REFERENCES participants (id) ON DELETE SET NULL,
    answers         TEXT NOT NULL,
    started_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    submitted_at    TIMESTAMP
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id);

-- Objective parameters from the school's records, entered or imported by the curator.
CREATE TABLE measurements (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id      BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    participant_id  BIGINT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    parameter       TEXT NOT NULL,
    phase           TEXT NOT NULL CHECK (phase IN ('entry', 'exit')),
    value           DOUBLE NOT NULL,
    measured_on     DATE,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (program_id, participant_id, parameter, phase)
);
