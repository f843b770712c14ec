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

    /** Inserts one row; the parameters in the order of {@link #bind}. */
    static final String INSERT = "INSERT INTO erasmo_event (portfolio_id, seq, event_id, kind, effective_at_second,"
            + " effective_at_nano, symbol, currency, quantity, price, amount, fee, numerator, denominator, description,"
            + " idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The columns {@link #read} reads, for a SELECT list (qualified with {@code e.}). */
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
     * Binds this row's values as the parameters of {@link #INSERT}.
     *
     * @param ps the statement
     * @param dialect how decimals are bound
     * @param portfolio the portfolio
     * @throws SQLException from the driver
     */
    void bind(PreparedStatement ps, Dialect dialect, PortfolioId portfolio) throws SQLException {
        ps.setString(1, portfolio.value());
        ps.setLong(2, sequence);
        ps.setString(3, eventId);
        ps.setString(4, kind);
        ps.setLong(5, at.getEpochSecond());
        ps.setInt(6, at.getNano());
        setString(ps, 7, symbol);
        setString(ps, 8, currency);
        dialect.setDecimal(ps, 9, quantity);
        dialect.setDecimal(ps, 10, price);
        dialect.setDecimal(ps, 11, amount);
        dialect.setDecimal(ps, 12, fee);
        setInt(ps, 13, numerator);
        setInt(ps, 14, denominator);
        setString(ps, 15, description);
        setString(ps, 16, key);
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
     * Reads the row at the result set's cursor, from the columns named in {@link #COLUMNS}.
     *
     * @param rs the result set
     * @param dialect how decimals are read
     * @return the row
     * @throws SQLException from the driver
     */
    static EventRow read(ResultSet rs, Dialect dialect) throws SQLException {
        Instant at;
        try {
            at = Instant.ofEpochSecond(rs.getLong("effective_at_second"), rs.getInt("effective_at_nano"));
        } catch (java.time.DateTimeException e) {
            throw new dev.erasmo.store.StoreException("ledger entry #" + rs.getLong("seq") + " has an effective time out of range: "
                    + e.getMessage(), e);
        }
        return new EventRow(rs.getLong("seq"), rs.getString("event_id"), rs.getString("kind"), at,
                rs.getString("symbol"), rs.getString("currency"), dialect.getDecimal(rs, "quantity"),
                dialect.getDecimal(rs, "price"), dialect.getDecimal(rs, "amount"), dialect.getDecimal(rs, "fee"),
                getInt(rs, "numerator"), getInt(rs, "denominator"), rs.getString("description"), rs.getString("idempotency_key"));
    }

    private static @Nullable Integer getInt(ResultSet rs, String column) throws SQLException {
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
