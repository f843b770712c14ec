package dev.erasmo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Symbol;
import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.LedgerEntry;
import dev.erasmo.money.Money;
import dev.erasmo.performance.CurrencyReconciliation;
import dev.erasmo.performance.DailyValue;
import dev.erasmo.performance.EquityCurve;
import dev.erasmo.performance.PositionReconciliation;
import dev.erasmo.performance.Reconciliation;
import dev.erasmo.portfolio.Portfolio;
import dev.erasmo.portfolio.PortfolioId;
import dev.erasmo.quote.Bar;
import dev.erasmo.quote.InMemoryQuoteSource;
import dev.erasmo.quote.PriceHistory;
import dev.erasmo.store.InMemoryPortfolioStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The P&amp;L identities checked at the end of a scripted scenario: the portfolio's ({@link
 * Reconciliation#verify()}, each currency's and the FX effect) and every position's ({@link
 * PositionReconciliation#verify()}), and that the positions' realized and unrealized P&amp;L,
 * unpriced cost and income in each currency add up to that currency's part of the portfolio's.
 */
public final class Reconciliations {

    private Reconciliations() {
    }

    /**
     * Checks the identities of one period.
     *
     * @param erasmo the entry point the portfolio lives in
     * @param id the portfolio
     * @param from the first day
     * @param to the last day
     * @return the portfolio's reconciliation, verified
     */
    public static Reconciliation verify(Erasmo erasmo, PortfolioId id, LocalDate from, LocalDate to) {
        Reconciliation r = erasmo.reconcile(id, from, to).verify();
        Map<Currency, List<Money>> positions = verifyPositions(erasmo, id, from, to);
        for (CurrencyReconciliation c : r.currencies()) {
            Money zero = Money.zero(c.currency());
            assertThat(List.of(c.realizedPnl(), c.unrealizedPnlChange(), c.unpricedCostChange(), c.income()))
                    .as("the %s positions' terms add up to the currency's, %s", c.currency(), r)
                    .isEqualTo(positions.getOrDefault(c.currency(), List.of(zero, zero, zero, zero)));
        }
        if (!r.converted()) {
            assertThat(r.fxEffect().isZero()).as("no FX effect in one currency, %s", r).isTrue();
        }
        return r;
    }

    /**
     * Checks the identity of every position bought by the end of a period.
     *
     * @param erasmo the entry point the portfolio lives in
     * @param id the portfolio
     * @param from the first day
     * @param to the last day
     * @return per currency, the positions' realized P&amp;L, change in unrealized P&amp;L, change
     *     in unpriced cost and income, summed
     */
    public static Map<Currency, List<Money>> verifyPositions(Erasmo erasmo, PortfolioId id, LocalDate from, LocalDate to) {
        Map<Currency, List<Money>> positions = new HashMap<>();
        for (Symbol s : bought(erasmo.portfolio(id), erasmo.endOf(to))) {
            PositionReconciliation p = erasmo.reconcile(id, s, from, to).verify();
            Money zero = Money.zero(p.realizedPnl().currency());
            List<Money> sums = positions.computeIfAbsent(zero.currency(), c -> new ArrayList<>(List.of(zero, zero, zero, zero)));
            sums.set(0, sums.get(0).plus(p.realizedPnl()));
            sums.set(1, sums.get(1).plus(p.unrealizedPnlChange()));
            sums.set(2, sums.get(2).plus(p.unpricedCostChange()));
            sums.set(3, sums.get(3).plus(p.income()));
        }
        return positions;
    }

    /**
     * Checks the identities over a curve's period, and that the curve agrees with them: its start
     * equity and, when its last day is the period's, its end equity, flows and income.
     *
     * @param erasmo the entry point the curve was made by
     * @param curve the curve
     * @return the portfolio's reconciliation, verified
     */
    public static Reconciliation verify(Erasmo erasmo, EquityCurve curve) {
        Reconciliation r = verify(erasmo, curve.portfolio().id(), curve.from(), curve.to());
        assertThat(r.startEquity()).isEqualTo(curve.start().equity());
        List<DailyValue> days = curve.days();
        if (!r.converted() && !days.isEmpty() && days.get(days.size() - 1).date().equals(curve.to())) {
            assertThat(r.endEquity()).isEqualTo(days.get(days.size() - 1).equity());
            Money flows = Money.zero(r.endEquity().currency());
            Money income = Money.zero(r.endEquity().currency());
            for (DailyValue d : days) {
                flows = flows.plus(d.externalFlow());
                income = income.plus(d.income());
            }
            assertThat(flows).isEqualTo(r.externalFlows());
            assertThat(income).isEqualTo(r.income());
        }
        return r;
    }

    /**
     * Replays a ledger in an {@link Erasmo} over made-up closes (each symbol bought has one every
     * weekday, changing from day to day) and checks the identities of {@linkplain
     * #verifyEveryPeriod every period} between the dates of its events.
     *
     * @param p a portfolio in USD, its events at the start of their days (UTC)
     * @return how many periods were checked
     */
    public static int verifyLedger(Portfolio p) {
        Currency usd = Currency.getInstance("USD");
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (LedgerEntry e : p.entriesInEffectiveOrder()) {
            dates.add(LocalDate.ofInstant(e.event().at(), ZoneOffset.UTC));
        }
        dates.add(dates.last().plusDays(1));
        InMemoryQuoteSource.Builder quotes = InMemoryQuoteSource.builder();
        Set<Symbol> symbols = bought(p, Instant.MAX);
        int k = 0;
        for (Symbol s : symbols) {
            List<Bar> bars = new ArrayList<>();
            int i = k++;
            for (LocalDate d = dates.first().minusDays(20); !d.isAfter(dates.last()); d = d.plusDays(1), i++) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    bars.add(new Bar(d, null, null, null, new BigDecimal(50 + i * 7 % 13 + "." + i * 37 % 100), null, null));
                }
            }
            quotes.history(new PriceHistory(s, usd, bars, List.of(), List.of()));
        }
        InMemoryPortfolioStore store = new InMemoryPortfolioStore();
        store.create(p.info(), p.entries());
        Erasmo erasmo = Erasmo.builder().store(store).quotes(quotes.build())
                .clock(Clock.fixed(dates.last().plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).build();
        return verifyEveryPeriod(erasmo, p.info().id());
    }

    /**
     * Checks the identities of every period between the dates of a portfolio's events (each
     * first and last day one of them, or the day after the last): n dates make n (n + 1) / 2
     * periods.
     *
     * @param erasmo the entry point the portfolio lives in
     * @param id the portfolio
     * @return how many periods were checked
     */
    public static int verifyEveryPeriod(Erasmo erasmo, PortfolioId id) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (LedgerEntry e : erasmo.portfolio(id).entries()) {
            dates.add(erasmo.dateOf(e.event().at()));
        }
        dates.add(dates.last().plusDays(1));
        List<LocalDate> all = new ArrayList<>(dates);
        int periods = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i; j < all.size(); j++) {
                verify(erasmo, id, all.get(i), all.get(j));
                periods++;
            }
        }
        return periods;
    }

    /** The symbols bought at or before a time, in order. */
    private static Set<Symbol> bought(Portfolio p, Instant until) {
        Set<Symbol> found = new TreeSet<>();
        for (LedgerEntry e : p.entriesInEffectiveOrder()) {
            if (!e.event().at().isAfter(until) && e.event() instanceof Buy b) {
                found.add(b.instrument().symbol());
            }
        }
        return found;
    }
}
