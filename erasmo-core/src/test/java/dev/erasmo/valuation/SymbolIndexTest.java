package dev.erasmo.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.erasmo.instrument.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SymbolIndexTest {

    @Test
    void intern_newSymbols_numbersThemInOrderFromZero() {
        SymbolIndex index = SymbolIndex.create();

        assertThat(index.intern(Symbol.of("AAPL"))).isEqualTo(0);
        assertThat(index.intern(Symbol.of("MSFT"))).isEqualTo(1);
        assertThat(index.intern(Symbol.of("aapl"))).isEqualTo(0);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void intern_sameSymbolsFromManyThreads_givesEachSymbolOneNumberWithoutGaps() throws Exception {
        SymbolIndex index = SymbolIndex.create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int[] numbers = new int[1000];
                    for (int i = 0; i < 1000; i++) {
                        int s = (i * 7 + offset * 13) % 1000;
                        numbers[s] = index.intern(Symbol.of("S" + s));
                    }
                    return numbers;
                }));
            }
            int[] first = results.get(0).get();
            for (Future<int[]> r : results) {
                assertThat(r.get()).containsExactly(first);
            }
            Set<Integer> distinct = new HashSet<>();
            for (int n : first) {
                distinct.add(n);
            }
            assertThat(distinct).hasSize(1000).allMatch(n -> n >= 0 && n < 1000);
            assertThat(index.size()).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }
}
