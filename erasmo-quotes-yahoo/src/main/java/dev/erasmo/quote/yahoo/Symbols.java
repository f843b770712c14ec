package dev.erasmo.quote.yahoo;

import dev.erasmo.instrument.Symbol;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** How erasmo's symbols are written for Yahoo. */
final class Symbols {

    /** A US share class written with a dot, as users and most brokers write it: {@code BRK.B}, {@code BF.A}. */
    private static final Pattern SHARE_CLASS = Pattern.compile("[A-Z]{1,6}\\.[ABC]");

    private Symbols() {
    }

    /**
     * Yahoo's form of a symbol: a US share class takes a dash ({@code BRK.B} is asked as
     * {@code BRK-B}); everything else is asked as written ({@code VOD.L}, {@code ^GSPC},
     * {@code EURUSD=X}).
     */
    static String yahoo(Symbol symbol) {
        String s = symbol.value();
        return SHARE_CLASS.matcher(s).matches() ? s.replace('.', '-') : s;
    }

    /** Percent-encodes a value for a URL path segment or a query value ({@code ^} is {@code %5E}, {@code =} is {@code %3D}). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
