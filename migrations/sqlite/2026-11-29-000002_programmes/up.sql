-- A school's mentorship programme for an academic year, its roadmap and its media plan.
CREATE TABLE programs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id       BIGINT NOT NULL REFERENCES organizations (id),
    title           TEXT NOT NULL,
    academic_year   TEXT NOT NULL,
    start_date      DATE NOT NULL,
    end_date        DATE NOT NULL,
    forms           TEXT NOT NULL,
    coordinator_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    contact_name    TEXT,
    contact_phone   TEXT,
    contact_email   TEXT,
    goal            TEXT,
    tasks           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'active', 'completed', 'archived')),
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    CHECK (start_date < end_date)
);
CREATE INDEX programs_school ON programs (school_id);

CREATE TABLE program_curators (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id  BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    UNIQUE (program_id, user_id)
);

CREATE TABLE roadmap_activities (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id             BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    stage_no               INTEGER NOT NULL CHECK (stage_no BETWEEN 1 AND 7),
    position               INTEGER NOT NULL,
    title                  TEXT NOT NULL,
    content                TEXT NOT NULL,
    deadline               DATE NOT NULL,
    responsible_role       TEXT CHECK (responsible_role IN ('region_admin', 'institute', 'school_admin',
                               'coordinator', 'curator', 'psychologist', 'mentor', 'mentee')),
    responsible_user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    expected_result        TEXT,
    status                 TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    result_note            TEXT,
    evidence_order_number  TEXT,
    evidence_order_date    DATE,
    evidence_link          TEXT,
    completed_at           TIMESTAMP,
    version                BIGINT NOT NULL DEFAULT 1,
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL
);
CREATE INDEX roadmap_activities_program ON roadmap_activities (program_id, stage_no, position);

CREATE TABLE media_plan_items (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id     BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    stage_no       INTEGER NOT NULL CHECK (stage_no BETWEEN 1 AND 7),
    event          TEXT NOT NULL,
    message        TEXT,
    channel        TEXT,
    form           TEXT,
    deadline       DATE NOT NULL,
    responsible    TEXT,
    status         TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'published', 'cancelled')),
    published_url  TEXT,
    version        BIGINT NOT NULL DEFAULT 1,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX media_plan_items_program ON media_plan_items (program_id, deadline);

-- An institute's own roadmap template for the schools of its region (items as JSON).
CREATE TABLE roadmap_templates (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id  BIGINT NOT NULL UNIQUE REFERENCES organizations (id) ON DELETE CASCADE,
    items            TEXT NOT NULL,
    version          BIGINT NOT NULL DEFAULT 1,
    updated_at       TIMESTAMP NOT NULL
);
