package dev.erasmo.examples;

import dev.erasmo.money.Currencies;
import dev.erasmo.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/** How the app prints times and ratios for people. */
final class Text {

    /** What is printed where a figure is missing. */
    static final String NONE = "-";

    private Text() {
    }

    /** A time as the user typed it: the date alone at 00:00 in {@link ErasmoApp#ZONE}, else the instant. */
    static String time(Instant at) {
        ZonedDateTime t = at.atZone(ErasmoApp.ZONE);
        return t.toLocalTime().toNanoOfDay() == 0 ? t.toLocalDate().toString() : at.toString();
    }

    /** The start of a date, as {@code --at DATE} means it. */
    static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ErasmoApp.ZONE).toInstant();
    }

    /** A price's amount with at least its currency's minor unit of decimals ({@code 61 -> 61.00}), exact. */
    static String amount(Price price) {
        BigDecimal a = price.amount();
        return a.setScale(Math.max(a.scale(), Currencies.minorUnits(price.currency()))).toPlainString();
    }

    /** A price as {@code USD 61.00}. */
    static String price(Price price) {
        return price.currency().getCurrencyCode() + " " + amount(price);
    }

    /** A ratio as a percentage with two decimals ({@code 0.1234 -> 12.34%}), rounded half-even for display. */
    static String percent(@Nullable BigDecimal ratio) {
        return ratio == null ? NONE : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** The edit distance between two words: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
