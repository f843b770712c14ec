package dev.erasmo.portfolio;

import dev.erasmo.ledger.Buy;
import dev.erasmo.ledger.Deposit;
import dev.erasmo.ledger.Dividend;
import dev.erasmo.ledger.Fee;
import dev.erasmo.ledger.LedgerEvent;
import dev.erasmo.ledger.Sell;
import dev.erasmo.ledger.Split;
import dev.erasmo.ledger.Withdrawal;

/** One-line descriptions of events for messages. */
final class Describe {

    private Describe() {
    }

    static String of(LedgerEvent event) {
        String what;
        if (event instanceof Deposit d) {
            what = "deposit of " + d.amount();
        } else if (event instanceof Withdrawal w) {
            what = "withdrawal of " + w.amount();
        } else if (event instanceof Fee f) {
            what = "fee of " + f.amount();
        } else if (event instanceof Buy b) {
            what = "buy " + b.quantity() + " " + b.instrument().symbol() + " @ " + b.price() + fee(b.fee());
        } else if (event instanceof Sell s) {
            what = "sell " + s.quantity() + " " + s.instrument().symbol() + " @ " + s.price() + fee(s.fee());
        } else if (event instanceof Dividend d) {
            what = "dividend " + d.perShare() + " per share of " + d.instrument().symbol();
        } else if (event instanceof Split s) {
            what = s.numerator() + "-for-" + s.denominator() + " split of " + s.symbol();
        } else {
            what = event.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        return what + " at " + event.at();
    }

    private static String fee(dev.erasmo.money.Money fee) {
        return fee.isZero() ? "" : " fee " + fee;
    }
}
