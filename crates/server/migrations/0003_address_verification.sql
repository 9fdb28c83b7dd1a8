-- Whether the owner of each address in an account's contact information has
-- confirmed it. One row per account and address (lower-cased); an address
-- that leaves the contact information loses its row, so it starts over when
-- it comes back.
CREATE TABLE address_verifications (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email       TEXT    NOT NULL,
    -- The live link's hash; NULL once used.
    token_hash  BLOB    UNIQUE,
    sent_at     INTEGER,
    expires_at  INTEGER,
    verified_at INTEGER,
    UNIQUE (account_id, email)
) STRICT;
