-- erasmo-store-jdbc schema version 2: the client's idempotency key of the command that booked an
-- entry, unique within a portfolio (NULL for entries booked without one; a unique index holds
-- many NULLs). The SQLite version of common/V2__idempotency_key.sql: SQLite has no
-- ADD COLUMN IF NOT EXISTS; its migration runs under the database's write lock instead.
-- Statements end with a semicolon at the end of a line; no semicolons inside statements.

ALTER TABLE erasmo_event ADD COLUMN idempotency_key VARCHAR(64);

CREATE UNIQUE INDEX IF NOT EXISTS erasmo_event_idempotency_key_uk ON erasmo_event (portfolio_id, idempotency_key);
