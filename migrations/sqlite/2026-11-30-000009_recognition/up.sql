-- Recognition (stage 7): awards of a programme — Mentor of the year, Best pair, certificates for
-- a student's portfolio, letters of thanks — each with a short verification code; and the best
-- practices a school writes up and the institute publishes to the region's library.

CREATE TABLE awards (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id      BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('mentor_of_the_year', 'best_pair', 'certificate', 'letter_of_thanks')),
    -- Exactly one recipient: a person of the programme's bases, or one of its pairs.
    participant_id  BIGINT REFERENCES participants (id) ON DELETE CASCADE,
    pair_id         BIGINT REFERENCES pairs (id) ON DELETE CASCADE,
    -- Whom a letter is addressed to when not the recipient (a mentor's parents); staff only.
    addressee       TEXT,
    title           TEXT NOT NULL,
    wording         TEXT,
    awarded_on      DATE NOT NULL,
    signatory       TEXT,
    -- NST-XXXX-XXXX, printed on the certificate and checked on the public page.
    code            TEXT NOT NULL UNIQUE,
    revoked_at      TIMESTAMP,
    revoke_reason   TEXT,
    created_by      TEXT NOT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    CHECK ((participant_id IS NULL) <> (pair_id IS NULL))
);
CREATE INDEX awards_program ON awards (program_id, id);

CREATE TABLE practices (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id     BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- The school's region, kept so that the library of a region is one indexed filter.
    region_id     BIGINT NOT NULL REFERENCES organizations (id),
    program_id    BIGINT REFERENCES programs (id) ON DELETE SET NULL,
    pair_id       BIGINT REFERENCES pairs (id) ON DELETE SET NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    body          TEXT NOT NULL,
    form          TEXT NOT NULL,
    role_model    TEXT,
    author        TEXT NOT NULL,
    -- Lower-cased by Rust (Cyrillic included): LIKE on it searches alike on both databases.
    search_key    TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published')),
    review_note   TEXT,
    submitted_at  TIMESTAMP,
    published_at  TIMESTAMP,
    published_by  TEXT,
    created_by    TEXT NOT NULL,
    version       BIGINT NOT NULL DEFAULT 1,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX practices_region ON practices (region_id, status, id);
CREATE INDEX practices_school ON practices (school_id, id);
