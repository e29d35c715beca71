-- Stage 6: the meetings of pairs and groups in the model's sequence, who came, what they said,
-- the school's thresholds for silence, and private calendar feeds.

CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id          BIGINT NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('introduction', 'trial', 'planning', 'regular', 'final')),
    starts_at        TIMESTAMP NOT NULL,
    ends_at          TIMESTAMP NOT NULL,
    format           TEXT NOT NULL CHECK (format IN ('in_person', 'online')),
    link             TEXT,
    place            TEXT,
    topic            TEXT,
    -- The development plan's task it serves, by title (tasks are replaced whole with the plan).
    plan_task        TEXT,
    status           TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
    cancelled_by     TEXT,
    cancel_reason    TEXT,
    notes            TEXT,
    mentee_rating    INTEGER CHECK (mentee_rating BETWEEN 1 AND 5),
    mentee_feedback  TEXT,
    mentor_rating    INTEGER CHECK (mentor_rating BETWEEN 1 AND 5),
    mentor_feedback  TEXT,
    created_by       TEXT NOT NULL,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX meetings_pair ON meetings (pair_id, starts_at);
-- Introduction, trial, planning and final happen once per pair (a cancelled one can be replaced).
CREATE UNIQUE INDEX meetings_once ON meetings (pair_id, kind) WHERE kind <> 'regular' AND status <> 'cancelled';

CREATE TABLE meeting_attendance (
    meeting_id      BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    participant_id  BIGINT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    present         BOOLEAN NOT NULL,
    PRIMARY KEY (meeting_id, participant_id)
);

-- When a pair counts as gone quiet; one row per school that changed the defaults.
CREATE TABLE meeting_settings (
    school_id                BIGINT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    quiet_after_days         INTEGER NOT NULL CHECK (quiet_after_days BETWEEN 1 AND 365),
    introduction_within_days INTEGER NOT NULL CHECK (introduction_within_days BETWEEN 1 AND 365),
    version                  BIGINT NOT NULL DEFAULT 1,
    updated_at               TIMESTAMP NOT NULL
);

-- A private, revocable address a phone's calendar subscribes to; only the hash is kept.
CREATE TABLE calendar_feeds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    revoked_at  TIMESTAMP
);
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id);
