package dev.erasmo.portfolio;

import dev.erasmo.instrument.Instrument;
import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.EventId;
import dev.erasmo.ledger.Fee;
import dev.erasmo.ledger.Sell;
import dev.erasmo.ledger.Split;
import dev.erasmo.ledger.Withdrawal;
import dev.erasmo.money.Money;
import dev.erasmo.money.Price;
import dev.erasmo.money.Quantity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;

/** Small builders for ledger events in tests: {@code day("2013-01-02")} is that date at 00:00 UTC. */
public final class Ledgers {

    private static int ids;

    private Ledgers() {
    }

    public static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instrument usd(String symbol) {
        return Instrument.of(Symbol.of(symbol), Currency.getInstance("USD"));
    }

    private static EventId id() {
        return EventId.of("e" + (++ids));
    }

    public static Deposit deposit(String date, String usd) {
        return new Deposit(id(), day(date), Money.of("USD", usd));
    }

    public static Withdrawal withdrawal(String date, String usd) {
        return new Withdrawal(id(), day(date), Money.of("USD", usd));
    }

    public static Fee fee(String date, String usd) {
        return new Fee(id(), day(date), Money.of("USD", usd), "account fee");
    }

    public static Buy buy(String date, String symbol, String qty, String price, String fee) {
        return new Buy(id(), day(date), usd(symbol), Quantity.parse(qty), Price.of("USD", price), Money.of("USD", fee));
    }

    public static Sell sell(String date, String symbol, String qty, String price, String fee) {
        return new Sell(id(), day(date), usd(symbol), Quantity.parse(qty), Price.of("USD", price), Money.of("USD", fee));
    }

    public static Dividend dividend(String date, String symbol, String perShare) {
        return new Dividend(id(), day(date), usd(symbol), Price.of("USD", perShare));
    }

    public static Split split(String date, String symbol, int numerator, int denominator) {
        return new Split(id(), day(date), Symbol.of(symbol), numerator, denominator);
    }

    public static Money usdMoney(String amount) {
        return Money.of("USD", amount);
    }
}
