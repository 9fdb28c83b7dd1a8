-- Dismissed coverage warnings, as 0004_warning_dismissals.sql for SQLite.
CREATE TABLE warning_dismissals (
    account_id        BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code              TEXT    NOT NULL,
    dismissed_by_name TEXT    NOT NULL,
    dismissed_at      BIGINT  NOT NULL,
    PRIMARY KEY (account_id, code)
);
