-- Partner accounts. Contact information, users and the audit log hang off this.
CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY,
    partner_id   TEXT    NOT NULL UNIQUE,
    display_name TEXT    NOT NULL,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
