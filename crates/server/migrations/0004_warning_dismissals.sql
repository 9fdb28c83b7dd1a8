-- The coverage warnings each account has dismissed: one row per account and
-- warning code (`portal_domain::Code::WARNINGS`). A dismissed warning is no
-- longer reported for the account's contact information, whatever it holds,
-- until the row is deleted again.
CREATE TABLE warning_dismissals (
    account_id        INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code              TEXT    NOT NULL,
    dismissed_by_name TEXT    NOT NULL,
    dismissed_at      INTEGER NOT NULL,
    PRIMARY KEY (account_id, code)
) STRICT;
