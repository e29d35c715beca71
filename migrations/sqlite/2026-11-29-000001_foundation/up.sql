-- The ground every capability stands on: the organisation tree, people, sign-in, scripted access.
CREATE TABLE organizations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('region', 'institute', 'school')),
    parent_id   BIGINT REFERENCES organizations (id),
    name        TEXT NOT NULL,
    short_name  TEXT,
    slug        TEXT NOT NULL UNIQUE,
    time_zone   TEXT NOT NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX organizations_parent ON organizations (parent_id);

-- Students of each age on a reference date; earlier dates are kept for frozen reports.
CREATE TABLE contingent_age_groups (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    reference_date  DATE NOT NULL,
    age             INTEGER NOT NULL CHECK (age BETWEEN 5 AND 30),
    students        INTEGER NOT NULL CHECK (students >= 0),
    UNIQUE (organization_id, reference_date, age)
);

CREATE TABLE users (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    email            TEXT NOT NULL UNIQUE,
    full_name        TEXT NOT NULL,
    -- lower-cased name and e-mail: SQLite's lower() knows only ASCII, so Cyrillic search needs this
    search_key       TEXT NOT NULL,
    password_hash    TEXT NOT NULL,
    is_system_admin  BOOLEAN NOT NULL DEFAULT FALSE,
    is_active        BOOLEAN NOT NULL DEFAULT TRUE,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('region_admin', 'institute', 'school_admin',
                        'coordinator', 'curator', 'psychologist', 'mentor', 'mentee')),
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (user_id, organization_id, role)
);
CREATE INDEX memberships_organization ON memberships (organization_id);

-- Refresh tokens rotate on every use; a family is one sign-in, revoked whole on reuse.
CREATE TABLE refresh_tokens (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family      TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP,
    revoked_at  TIMESTAMP
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

CREATE TABLE api_tokens (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    prefix          TEXT NOT NULL,
    token_hash      TEXT NOT NULL UNIQUE,
    scopes          TEXT NOT NULL,
    created_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP,
    last_used_at    TIMESTAMP,
    revoked_at      TIMESTAMP
);
CREATE INDEX api_tokens_organization ON api_tokens (organization_id);

-- Failed sign-ins, counted per account and per address; kept in the database so that several
-- instances behind one load balancer share the limit.
CREATE TABLE login_failures (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    email      TEXT NOT NULL,
    address    TEXT NOT NULL,
    failed_at  TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);
CREATE INDEX login_failures_address ON login_failures (address, failed_at);

-- Answers to POSTs sent with an Idempotency-Key, replayed for the same caller, key and body.
CREATE TABLE idempotency_keys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    owner         TEXT NOT NULL,
    idem_key      TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status_code   INTEGER,
    location      TEXT,
    response_body TEXT,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (owner, idem_key)
);
