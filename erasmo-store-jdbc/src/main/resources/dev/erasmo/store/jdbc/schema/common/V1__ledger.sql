-- erasmo-store-jdbc schema version 1: portfolios and their append-only ledgers.
-- This file serves H2 and PostgreSQL; sqlite/ and mariadb/ hold their own versions of it.
--
-- Decimals are exact: DECIMAL(38,12), at most 26 digits before the point and 12 after (erasmo
-- checks this before writing, so no database ever rounds). Instants are UTC, to the nanosecond:
-- *_second is the epoch second (seconds since 1970-01-01T00:00:00Z, negative before),
-- *_nano the nanosecond within it (0 to 999999999).
-- Statements end with a semicolon at the end of a line; no semicolons inside statements.

CREATE TABLE IF NOT EXISTS erasmo_portfolio (
    id                 VARCHAR(64)  NOT NULL,
    owner              VARCHAR(128) NOT NULL,
    name               VARCHAR(100) NOT NULL,
    base_currency      CHAR(3)      NOT NULL,
    cost_method        VARCHAR(16)  NOT NULL,
    version            BIGINT       NOT NULL,
    created_at_second  BIGINT       NOT NULL,
    created_at_nano    INT          NOT NULL,
    CONSTRAINT erasmo_portfolio_pk PRIMARY KEY (id),
    CONSTRAINT erasmo_portfolio_owner_name_uk UNIQUE (owner, name)
);

-- One row per ledger entry. Columns a kind does not use are NULL:
--   DEPOSIT, WITHDRAWAL  currency, amount
--   BUY, SELL            symbol, currency, quantity, price, fee
--   DIVIDEND             symbol, currency, price (cash per share)
--   SPLIT                symbol, numerator, denominator
--   FEE                  currency, amount, description
CREATE TABLE IF NOT EXISTS erasmo_event (
    portfolio_id         VARCHAR(64)    NOT NULL,
    seq                  BIGINT         NOT NULL,
    event_id             VARCHAR(64)    NOT NULL,
    kind                 VARCHAR(16)    NOT NULL,
    effective_at_second  BIGINT         NOT NULL,
    effective_at_nano    INT            NOT NULL,
    symbol               VARCHAR(32),
    currency             CHAR(3),
    quantity             DECIMAL(38,12),
    price                DECIMAL(38,12),
    amount               DECIMAL(38,12),
    fee                  DECIMAL(38,12),
    numerator            INT,
    denominator          INT,
    description          TEXT,
    CONSTRAINT erasmo_event_pk PRIMARY KEY (portfolio_id, seq),
    CONSTRAINT erasmo_event_event_id_uk UNIQUE (portfolio_id, event_id),
    CONSTRAINT erasmo_event_portfolio_fk FOREIGN KEY (portfolio_id) REFERENCES erasmo_portfolio (id)
);
