package dev.erasmo.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.erasmo.money.Money;
import dev.erasmo.portfolio.PortfolioInfo;
import dev.erasmo.valuation.PositionValuation;
import dev.erasmo.valuation.Valuation;
import java.io.PrintWriter;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * {@code erasmo show --json}: one JSON document with every figure of the valuation. Every decimal
 * is a JSON string (exact, never binary floating point), every field is always present (null
 * when there is no value) and fields come in a fixed order. The fields are documented in
 * {@code examples/README.md}; change both together.
 */
final class ValuationJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("").withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ValuationJson() {
    }

    static void print(ValuationReport report, PrintWriter out) throws JsonProcessingException {
        printNode(toJson(report), out);
    }

    /** Prints any document the way {@code show --json} prints its own. */
    static void printNode(ObjectNode node, PrintWriter out) throws JsonProcessingException {
        out.println(WRITER.writeValueAsString(node));
    }

    static ObjectNode toJson(ValuationReport report) {
        Valuation v = report.valuation();
        PortfolioInfo info = report.portfolio();
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode portfolio = root.putObject("portfolio");
        portfolio.put("id", info.id().value());
        portfolio.put("name", info.name());
        portfolio.put("owner", info.owner().value());
        portfolio.put("baseCurrency", info.baseCurrency().getCurrencyCode());
        portfolio.put("costMethod", info.costMethod().name());
        portfolio.put("createdAt", info.createdAt().toString());
        root.put("asOf", report.asOf().toString());
        root.put("latestQuotes", report.latestQuotes());
        root.put("complete", v.isComplete());
        ArrayNode missing = root.putArray("missing");
        v.missing().forEach(missing::add);
        ArrayNode positions = root.putArray("positions");
        for (PositionValuation p : v.positions()) {
            ObjectNode n = positions.addObject();
            n.put("symbol", p.instrument().symbol().value());
            n.put("currency", p.instrument().currency().getCurrencyCode());
            n.put("quantity", p.quantity().value().toPlainString());
            n.put("price", p.price() == null ? null : p.price().price().amount().toPlainString());
            n.put("priceDate", p.price() == null ? null : p.price().date().toString());
            n.put("marketValue", amount(p.marketValue()));
            n.put("marketValueInBase", amount(p.marketValueInBase()));
            n.put("costBasis", amount(p.costBasis()));
            n.put("unrealizedPnl", amount(p.unrealizedPnl()));
            n.put("weight", decimal(p.weight()));
            n.put("priced", p.isPriced());
        }
        ArrayNode cash = root.putArray("cash");
        report.cash().forEach(m -> cash.addObject().put("currency", m.currency().getCurrencyCode()).put("amount", amount(m)));
        ObjectNode totals = root.putObject("totals");
        totals.put("cash", amount(v.cashInBase()));
        totals.put("marketValue", amount(v.marketValue()));
        totals.put("equity", amount(v.equity()));
        totals.put("costBasis", amount(v.costBasis()));
        totals.put("unrealizedPnl", amount(v.unrealizedPnl()));
        totals.put("realizedPnl", amount(v.realizedPnl()));
        totals.put("dividends", amount(v.dividends()));
        totals.put("fees", amount(v.fees()));
        totals.put("netDeposits", amount(v.netDeposits()));
        totals.put("totalReturn", decimal(v.totalReturn()));
        return root;
    }

    private static @Nullable String amount(@Nullable Money m) {
        return m == null ? null : m.amount().toPlainString();
    }

    private static @Nullable String decimal(@Nullable BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
