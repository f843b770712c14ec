-- erasmo-store-jdbc schema version 3, H2's version of common/V3__portfolio_name_length.sql: H2
-- counts a VARCHAR's length in UTF-16 code units, so a name of 100 characters outside Unicode's
-- basic plane (100 emoji) needs 200. Applying it again changes nothing.
-- Statements end with a semicolon at the end of a line; no semicolons inside statements.

ALTER TABLE erasmo_portfolio ALTER COLUMN name SET DATA TYPE VARCHAR(200);
