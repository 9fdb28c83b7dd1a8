-- The whole schema of the first release. Times are Unix seconds (UTC).

-- One partner. Contact information, users and the audit log hang off it.
CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY,
    partner_id   TEXT    NOT NULL UNIQUE,
    display_name TEXT    NOT NULL,
    -- JSON array of integration kinds, e.g. ["things_to_do"].
    integrations TEXT    NOT NULL DEFAULT '[]',
    created_at   INTEGER NOT NULL
) STRICT;

-- A person with access to one account. No password yet = invitation pending.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('administrator', 'editor', 'read_only')),
    password_hash TEXT,
    environment   TEXT    NOT NULL DEFAULT 'sandbox' CHECK (environment IN ('sandbox', 'production')),
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX users_by_account ON users (account_id);

-- One-time links: an invitation for a pending user, or the setup link that
-- creates an account's first administrator (user_id NULL).
CREATE TABLE invitations (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id    INTEGER UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('invitation', 'setup')),
    token_hash BLOB    NOT NULL UNIQUE,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

-- Signed-in browsers. Only a hash of the token is kept.
CREATE TABLE sessions (
    token_hash   BLOB    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- The account-wide contact information (JSON of portal_domain::ContactInfo).
CREATE TABLE contact_info (
    account_id      INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    data            TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    updated_by_name TEXT    NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

-- Who changed what, when: contact information, users, invitations, sessions.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    actor_id   INTEGER,
    actor_name TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    subject    TEXT,
    before     TEXT,
    after      TEXT,
    at         INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_by_account_action ON audit_log (account_id, action, id);

-- Mail to send. Kept after sending, so operators can read what went out.
-- Without SMTP configured nothing is sent and sent_at stays NULL.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    recipient  TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at    INTEGER,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
) STRICT;
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
