-- The people of a school's bases, their consents, the programme bases, and the audit trail.
CREATE TABLE participants (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id        BIGINT NOT NULL REFERENCES organizations (id),
    external_id      TEXT,
    kind             TEXT NOT NULL CHECK (kind IN ('student', 'teacher', 'parent', 'alumnus', 'employer',
                         'entrepreneur', 'veteran', 'university_student', 'college_student', 'partner')),
    -- Personal data: NULL once erased (consent withdrawn or the record deleted).
    last_name        TEXT,
    first_name       TEXT,
    middle_name      TEXT,
    search_key       TEXT,
    birth_date       DATE,
    phone            TEXT,
    email            TEXT,
    notes            TEXT,
    -- Kept after erasure, so that aggregate figures (age bands, grades) stay right.
    birth_year       INTEGER,
    grade            INTEGER CHECK (grade BETWEEN 1 AND 11),
    class_letter     TEXT,
    user_id          BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- Sensitive: visible only to those who need it (school admin, curator, psychologist).
    disability                BOOLEAN NOT NULL DEFAULT FALSE,
    difficult_life_situation  BOOLEAN NOT NULL DEFAULT FALSE,
    behaviour_problems        BOOLEAN NOT NULL DEFAULT FALSE,
    on_register               BOOLEAN NOT NULL DEFAULT FALSE,
    erased_at        TIMESTAMP,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    UNIQUE (school_id, external_id)
);
CREATE INDEX participants_school ON participants (school_id, kind);

CREATE TABLE consents (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id  BIGINT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    given_by        TEXT NOT NULL CHECK (given_by IN ('self', 'parent', 'legal_representative')),
    giver_name      TEXT,
    scope           TEXT NOT NULL CHECK (scope IN ('processing', 'publication_name', 'publication_photo')),
    given_on        DATE NOT NULL,
    document_ref    TEXT,
    withdrawn_at    TIMESTAMP,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX consents_participant ON consents (participant_id);

-- Who read or changed a minor's record. Append-only: the triggers refuse changes.
CREATE TABLE audit_log (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    actor            TEXT NOT NULL,
    action           TEXT NOT NULL,
    entity           TEXT NOT NULL,
    entity_id        BIGINT NOT NULL,
    detail           TEXT,
    at               TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_organization ON audit_log (organization_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Request tags: the standard vocabulary (school_id NULL) and each school's own additions.
CREATE TABLE request_tags (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id  BIGINT REFERENCES organizations (id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    label      TEXT NOT NULL,
    UNIQUE (school_id, code)
);

CREATE TABLE program_mentees (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id      BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    participant_id  BIGINT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    categories      TEXT NOT NULL,
    mentee_type     TEXT NOT NULL CHECK (mentee_type IN ('active', 'passive')),
    request_text    TEXT,
    request_tags    TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('candidate', 'in_base', 'matched', 'awaiting_support', 'completed', 'withdrawn')),
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    UNIQUE (program_id, participant_id)
);

CREATE TABLE program_mentors (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id             BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    participant_id         BIGINT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    contour                TEXT NOT NULL CHECK (contour IN ('internal', 'external')),
    competencies           TEXT NOT NULL,
    achievements           TEXT,
    capacity               INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 30),
    application_received_on DATE,
    interview_on           DATE,
    interview_outcome      TEXT CHECK (interview_outcome IN ('pending', 'passed', 'failed')),
    interview_notes        TEXT,
    training_status        TEXT NOT NULL CHECK (training_status IN ('not_started', 'in_progress', 'completed')),
    training_completed_on  DATE,
    status                 TEXT NOT NULL CHECK (status IN ('candidate', 'in_base', 'withdrawn')),
    version                BIGINT NOT NULL DEFAULT 1,
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL,
    UNIQUE (program_id, participant_id)
);
