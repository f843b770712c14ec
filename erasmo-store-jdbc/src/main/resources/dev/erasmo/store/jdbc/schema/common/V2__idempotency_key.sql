-- erasmo-store-jdbc schema version 2: the client's idempotency key of the command that booked an
-- entry, unique within a portfolio (NULL for entries booked without one; every supported database
-- lets a unique index hold many NULLs). This file serves H2, PostgreSQL and MariaDB (where the
-- column takes the table's binary collation, utf8mb4_nopad_bin, so keys compare exactly there
-- too); sqlite/ holds its own version. Both statements create only what is missing, so applying
-- the script again changes nothing.
-- Statements end with a semicolon at the end of a line; no semicolons inside statements.

ALTER TABLE erasmo_event ADD COLUMN IF NOT EXISTS idempotency_key VARCHAR(64);

CREATE UNIQUE INDEX IF NOT EXISTS erasmo_event_idempotency_key_uk ON erasmo_event (portfolio_id, idempotency_key);
