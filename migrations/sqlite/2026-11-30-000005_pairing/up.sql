-- Stage 5: preferences after the group meeting, locks and exclusions, matching runs, pairs and
-- groups with their history, the approval orders, development plans, and support for mentees
-- left without a pair.

-- How the school matches: its weights, how many people a side may rank, and whether mentors who
-- have not finished training may be matched (the gate a programme can relax explicitly).
CREATE TABLE pairing_settings (
    program_id               BIGINT PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
    weights                  TEXT NOT NULL,
    preference_limit         INTEGER NOT NULL CHECK (preference_limit BETWEEN 1 AND 20),
    allow_untrained_mentors  BOOLEAN NOT NULL,
    version                  BIGINT NOT NULL DEFAULT 1,
    updated_at               TIMESTAMP NOT NULL
);

-- One side's sheet after the group meeting: attendance and ranked wishes (ties allowed).
CREATE TABLE preference_sheets (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id              BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    side                    TEXT NOT NULL CHECK (side IN ('mentee', 'mentor')),
    -- program_mentees.id or program_mentors.id, by side.
    chooser_id              BIGINT NOT NULL,
    attended_group_meeting  BOOLEAN NOT NULL,
    updated_at              TIMESTAMP NOT NULL,
    UNIQUE (program_id, side, chooser_id)
);

CREATE TABLE preference_ranks (
    sheet_id   BIGINT NOT NULL REFERENCES preference_sheets (id) ON DELETE CASCADE,
    chosen_id  BIGINT NOT NULL,
    rank       INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 20),
    PRIMARY KEY (sheet_id, chosen_id)
);

-- Inputs of the matching: pairs already agreed (lock) and pairs that must never be (exclude).
CREATE TABLE pair_constraints (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id  BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    mentor_id   BIGINT NOT NULL REFERENCES program_mentors (id) ON DELETE CASCADE,
    mentee_id   BIGINT NOT NULL REFERENCES program_mentees (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('lock', 'exclude')),
    -- May name a conflict the psychologist knows of: shown only to those who see sensitive data.
    reason      TEXT,
    created_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (mentor_id, mentee_id)
);
CREATE INDEX pair_constraints_program ON pair_constraints (program_id);

CREATE TABLE matching_runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id   BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    form         TEXT NOT NULL,
    algorithm    TEXT NOT NULL CHECK (algorithm IN ('optimal', 'stable')),
    objective    TEXT NOT NULL CHECK (objective IN ('score', 'participation')),
    weights      TEXT NOT NULL,
    -- JSON: counts of the inputs, the statistics, and each unmatched mentee with the reason.
    inputs       TEXT NOT NULL,
    stats        TEXT NOT NULL,
    unmatched    TEXT NOT NULL,
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMP NOT NULL,
    accepted_at  TIMESTAMP
);
CREATE INDEX matching_runs_program ON matching_runs (program_id, id);

-- The approval order «Об утверждении наставнических пар/групп».
CREATE TABLE pairing_orders (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id  BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    number      TEXT NOT NULL,
    signed_on   DATE NOT NULL,
    signatory   TEXT NOT NULL,
    created_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (program_id, number)
);

CREATE TABLE pairs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id       BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    form             TEXT NOT NULL,
    role_model       TEXT,
    mentor_id        BIGINT NOT NULL REFERENCES program_mentors (id),
    goal             TEXT,
    status           TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'active', 'completed', 'dissolved')),
    matching_run_id  BIGINT REFERENCES matching_runs (id) ON DELETE SET NULL,
    order_id         BIGINT REFERENCES pairing_orders (id),
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
CREATE INDEX pairs_program ON pairs (program_id, id);
CREATE INDEX pairs_mentor ON pairs (mentor_id);

CREATE TABLE pair_mentees (
    pair_id    BIGINT NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    mentee_id  BIGINT NOT NULL REFERENCES program_mentees (id),
    form       TEXT NOT NULL,
    -- True while the pair is proposed, approved or active.
    live       BOOLEAN NOT NULL,
    PRIMARY KEY (pair_id, mentee_id)
);
-- A mentee is in at most one live pair per form, whoever clicks at the same time.
CREATE UNIQUE INDEX pair_mentees_one_live ON pair_mentees (mentee_id, form) WHERE live;

-- The places a mentor's live pairs take, kept beside the capacity so the database refuses more.
ALTER TABLE program_mentors ADD COLUMN places_taken INTEGER NOT NULL DEFAULT 0 CHECK (places_taken BETWEEN 0 AND capacity);

CREATE TABLE pair_history (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id      BIGINT NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    reason       TEXT,
    actor        TEXT NOT NULL,
    at           TIMESTAMP NOT NULL
);
CREATE INDEX pair_history_pair ON pair_history (pair_id, id);

CREATE TABLE matching_proposals (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id         BIGINT NOT NULL REFERENCES matching_runs (id) ON DELETE CASCADE,
    mentor_id      BIGINT NOT NULL REFERENCES program_mentors (id) ON DELETE CASCADE,
    mentee_id      BIGINT NOT NULL REFERENCES program_mentees (id) ON DELETE CASCADE,
    score          BIGINT NOT NULL,
    locked         BOOLEAN NOT NULL,
    role_model     TEXT,
    contributions  TEXT NOT NULL,
    pair_id        BIGINT REFERENCES pairs (id) ON DELETE SET NULL
);
CREATE INDEX matching_proposals_run ON matching_proposals (run_id, id);

-- The individual development plan: goals, and tasks with due dates and done marks.
CREATE TABLE pair_plans (
    pair_id     BIGINT PRIMARY KEY REFERENCES pairs (id) ON DELETE CASCADE,
    goals       TEXT NOT NULL,
    tasks       TEXT NOT NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    updated_at  TIMESTAMP NOT NULL
);

-- A mentee left without a pair: the psychologist's support while the search goes on.
CREATE TABLE mentee_support (
    mentee_id          BIGINT PRIMARY KEY REFERENCES program_mentees (id) ON DELETE CASCADE,
    notes              TEXT,
    search_resumes_on  DATE,
    updated_by         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at         TIMESTAMP NOT NULL
);
