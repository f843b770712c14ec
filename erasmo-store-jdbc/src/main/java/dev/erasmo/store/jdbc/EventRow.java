package dev.erasmo.store.jdbc;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.EventKind;
import dev.erasmo.ledger.Fee;
import dev.erasmo.ledger.IdempotencyKey;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Sell;
import dev.erasmo.ledger.Split;
import dev.erasmo.ledger.Withdrawal;
import dev.erasmo.money.Currencies;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.store.StoreException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A ledger entry as one row of {@code erasmo_event}: typed columns, those a kind does not use
 * left null (the table in {@code V1__ledger.sql} says which kind uses which).
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence {@code seq}
 * @param eventId {@code event_id}
 * @param kind {@code kind}, an {@link EventKind} name
 * @param at {@code effective_at_second} and {@code effective_at_nano}
 * @param symbol {@code symbol}
 * @param currency {@code currency}: of the cash, or the instrument's
 * @param quantity {@code quantity}
 * @param price {@code price}: per unit traded, or the dividend per share
 * @param amount {@code amount}: cash deposited, withdrawn or charged
 * @param fee {@code fee}: of a trade
 * @param numerator {@code numerator} of a split
 * @param denominator {@code denominator} of a split
 * @param description {@code description} of a fee
 * @param key {@code idempotency_key} of the command that booked it
 */
record EventRow(long sequence, String eventId, String kind, Instant at, @Nullable String symbol, @Nullable String currency,
        @Nullable BigDecimal quantity, @Nullable BigDecimal price, @Nullable BigDecimal amount, @Nullable BigDecimal fee,
        @Nullable Integer numerator, @Nullable Integer denominator, @Nullable String description, @Nullable String key) {

    /** The start of an INSERT of rows; each row's parameters in the order of {@link #bind}. */
    private static final String INSERT_INTO = "INSERT INTO erasmo_event (portfolio_id, seq, event_id, kind, effective_at_second,"
            + " effective_at_nano, symbol, currency, quantity, price, amount, fee, numerator, denominator, description,"
            + " idempotency_key) VALUES ";

    /** The parameters of one row. */
    static final int PARAMETERS = 16;

    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * An INSERT of several rows in one statement (a multi-row {@code VALUES} list, which every
     * supported database takes): the parameters of row i start at {@code i * PARAMETERS + 1}.
     *
     * @param rows how many rows, from 1
     * @return the statement
     */
    static String insert(int rows) {
        StringBuilder b = new StringBuilder(INSERT_INTO.length() + rows * (ROW.length() + 2)).append(INSERT_INTO).append(ROW);
        for (int i = 1; i < rows; i++) {
            b.append(", ").append(ROW);
        }
        return b.toString();
    }

    /** The columns {@link #read} reads, for a SELECT list (qualified with {@code e.}), in that order. */
    static final String COLUMNS = "e.seq, e.event_id, e.kind, e.effective_at_second, e.effective_at_nano, e.symbol,"
            + " e.currency, e.quantity, e.price, e.amount, e.fee, e.numerator, e.denominator, e.description, e.idempotency_key";

    /**
     * The row of an entry.
     *
     * @param entry the entry
     * @return its row
     * @throws StoreException if a decimal does not fit the store's columns
     */
    static EventRow of(LedgerEntry entry) {
        LedgerEvent event = entry.event();
        EventRow row;
        if (event instanceof Deposit d) {
            row = cash(entry, d.amount(), null);
        } else if (event instanceof Withdrawal w) {
            row = cash(entry, w.amount(), null);
        } else if (event instanceof Fee f) {
            row = cash(entry, f.amount(), f.description());
        } else if (event instanceof Buy b) {
            row = trade(entry, b.instrument(), b.quantity(), b.price(), b.fee());
        } else if (event instanceof Sell s) {
            row = trade(entry, s.instrument(), s.quantity(), s.price(), s.fee());
        } else if (event instanceof Dividend d) {
            row = new EventRow(entry.sequence(), d.id().value(), d.kind().name(), d.at(), d.instrument().symbol().value(),
                    code(d.instrument().currency()), null, d.perShare().amount(), null, null, null, null, null, key(entry));
        } else if (event instanceof Split s) {
            row = new EventRow(entry.sequence(), s.id().value(), s.kind().name(), s.at(), s.symbol().value(), null, null,
                    null, null, null, s.numerator(), s.denominator(), null, key(entry));
        } else {
            throw new IllegalArgumentException("no row layout for " + event.kind());
        }
        Dialect.checkFits("quantity", row.quantity);
        Dialect.checkFits("price", row.price);
        Dialect.checkFits("amount", row.amount);
        Dialect.checkFits("fee", row.fee);
        return row;
    }

    private static EventRow cash(LedgerEntry entry, Money amount, @Nullable String description) {
        LedgerEvent e = entry.event();
        return new EventRow(entry.sequence(), e.id().value(), e.kind().name(), e.at(), null, code(amount.currency()), null, null,
                amount.amount(), null, null, null, description, key(entry));
    }

    private static EventRow trade(LedgerEntry entry, Instrument instrument, Quantity quantity, Price price, Money fee) {
        LedgerEvent e = entry.event();
        return new EventRow(entry.sequence(), e.id().value(), e.kind().name(), e.at(), instrument.symbol().value(),
                code(instrument.currency()), quantity.value(), price.amount(), null, fee.amount(), null, null, null, key(entry));
    }

    private static @Nullable String key(LedgerEntry entry) {
        return entry.key() == null ? null : entry.key().value();
    }

    private static String code(Currency currency) {
        return currency.getCurrencyCode();
    }

    /**
     * Binds this row's values as the parameters of row {@code row} of an {@link #insert}.
     *
     * @param ps the statement
     * @param dialect how decimals are bound
     * @param portfolio the portfolio
     * @param row the row's place in the statement, from 0
     * @throws SQLException from the driver
     */
    void bind(PreparedStatement ps, Dialect dialect, PortfolioId portfolio, int row) throws SQLException {
        int o = row * PARAMETERS;
        ps.setString(o + 1, portfolio.value());
        ps.setLong(o + 2, sequence);
        ps.setString(o + 3, eventId);
        ps.setString(o + 4, kind);
        ps.setLong(o + 5, at.getEpochSecond());
        ps.setInt(o + 6, at.getNano());
        setString(ps, o + 7, symbol);
        setString(ps, o + 8, currency);
        dialect.setDecimal(ps, o + 9, quantity);
        dialect.setDecimal(ps, o + 10, price);
        dialect.setDecimal(ps, o + 11, amount);
        dialect.setDecimal(ps, o + 12, fee);
        setInt(ps, o + 13, numerator);
        setInt(ps, o + 14, denominator);
        setString(ps, o + 15, description);
        setString(ps, o + 16, key);
    }

    private static void setString(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /**
     * Reads the row at the result set's cursor, from the columns of {@link #COLUMNS} in that
     * order, the first at {@code first}.
     *
     * @param rs the result set
     * @param dialect how decimals are read
     * @param first the index of the result set's column {@code seq}
     * @return the row
     * @throws SQLException from the driver
     */
    static EventRow read(ResultSet rs, Dialect dialect, int first) throws SQLException {
        int o = first - 1;
        long sequence = rs.getLong(o + 1);
        Instant at;
        try {
            at = Instant.ofEpochSecond(rs.getLong(o + 4), rs.getInt(o + 5));
        } catch (java.time.DateTimeException e) {
            throw new dev.erasmo.store.StoreException("ledger entry #" + sequence + " has an effective time out of range: "
                    + e.getMessage(), e);
        }
        return new EventRow(sequence, rs.getString(o + 2), rs.getString(o + 3), at, rs.getString(o + 6), rs.getString(o + 7),
                dialect.getDecimal(rs, o + 8), dialect.getDecimal(rs, o + 9), dialect.getDecimal(rs, o + 10), dialect.getDecimal(rs, o + 11),
                getInt(rs, o + 12), getInt(rs, o + 13), rs.getString(o + 14), rs.getString(o + 15));
    }

    private static @Nullable Integer getInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * The entry this row holds.
     *
     * @param portfolio the portfolio, for messages
     * @return the entry
     * @throws StoreException if the row does not hold a valid entry (an unknown kind, a missing or
     *     invalid value)
     */
    LedgerEntry toEntry(PortfolioId portfolio) {
        try {
            EventId id = EventId.of(eventId);
            LedgerEvent event = switch (EventKind.valueOf(kind)) {
                case DEPOSIT -> new Deposit(id, at, money(amount, "amount"));
                case WITHDRAWAL -> new Withdrawal(id, at, money(amount, "amount"));
                case FEE -> new Fee(id, at, money(amount, "amount"), required(description, "description"));
                case BUY -> new Buy(id, at, instrument(), Quantity.of(required(quantity, "quantity")), unitPrice(), money(fee, "fee"));
                case SELL -> new Sell(id, at, instrument(), Quantity.of(required(quantity, "quantity")), unitPrice(), money(fee, "fee"));
                case DIVIDEND -> new Dividend(id, at, instrument(), unitPrice());
                case SPLIT -> new Split(id, at, Symbol.of(required(symbol, "symbol")), required(numerator, "numerator"),
                        required(denominator, "denominator"));
            };
            return new LedgerEntry(sequence, event, key == null ? null : IdempotencyKey.of(key));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("portfolio " + portfolio + " has an entry with seq " + sequence + " (" + kind
                    + ") that is not a valid event: " + e.getMessage(), e);
        }
    }

    private Currency currencyValue() {
        return Currencies.of(required(currency, "currency"));
    }

    private Money money(@Nullable BigDecimal value, String column) {
        return Money.of(currencyValue(), required(value, column));
    }

    private Price unitPrice() {
        return Price.of(currencyValue(), required(price, "price"));
    }

    private Instrument instrument() {
        return Instrument.of(Symbol.of(required(symbol, "symbol")), currencyValue());
    }

    private static <T> T required(@Nullable T value, String column) {
        if (value == null) {
            throw new IllegalArgumentException("column " + column + " is null");
        }
        return value;
    }
}
