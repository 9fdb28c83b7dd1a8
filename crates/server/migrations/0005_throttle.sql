-- Failed sign-ins and tries of links that do not work, within the
-- throttling window, by key (an address or a client). Servers sharing a
-- PostgreSQL database count here, so the limits hold across all of them; a
-- server on SQLite counts in its own memory and leaves this table empty.
CREATE TABLE throttle_failures (
    id  INTEGER PRIMARY KEY,
    key TEXT    NOT NULL,
    at  INTEGER NOT NULL
) STRICT;
CREATE INDEX throttle_failures_by_key ON throttle_failures (key, at);
