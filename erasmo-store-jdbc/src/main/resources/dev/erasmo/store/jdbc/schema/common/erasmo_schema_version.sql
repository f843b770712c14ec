-- erasmo-store-jdbc: the schema versions applied to this database, one row per script.
-- Run on every start; creates the table only if it is missing.
-- Statements end with a semicolon at the end of a line; no semicolons inside statements.
CREATE TABLE IF NOT EXISTS erasmo_schema_version (
    version     INT          NOT NULL,
    script      VARCHAR(200) NOT NULL,
    applied_at  VARCHAR(40)  NOT NULL,
    CONSTRAINT erasmo_schema_version_pk PRIMARY KEY (version)
);
