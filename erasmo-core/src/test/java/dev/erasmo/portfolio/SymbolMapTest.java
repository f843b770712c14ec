package dev.erasmo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.erasmo.instrument.Symbol;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SymbolMapTest {

    @Test
    void behavesLikeASortedMapUnderRandomChanges() {
        Random random = new Random(3);
        TreeMap<Symbol, Integer> expected = new TreeMap<>();
        SymbolMap<Integer> map = SymbolMap.empty();
        for (int round = 0; round < 2_000; round++) {
            Map<Symbol, Integer> changes = new HashMap<>();
            for (int c = random.nextInt(4); c >= 0; c--) {
                Symbol s = Symbol.of("S" + random.nextInt(60));
                Integer v = random.nextInt(4) == 0 ? null : random.nextInt(1000);
                changes.put(s, v);
            }
            changes.forEach((s, v) -> {
                if (v == null) {
                    expected.remove(s);
                } else {
                    expected.put(s, v);
                }
            });
            SymbolMap<Integer> before = map;
            map = map.with(changes);
            assertThat(map).isEqualTo(expected);
            assertThat(map.hashCode()).isEqualTo(expected.hashCode());
            assertThat(List.copyOf(map.keySet())).isEqualTo(List.copyOf(expected.keySet()));
            assertThat(List.copyOf(map.values())).isEqualTo(List.copyOf(expected.values()));
            assertThat(map.values().toArray()).containsExactlyElementsOf(expected.values());
            assertThat(map.values().toArray(new Integer[0])).containsExactlyElementsOf(expected.values());
            // into an array large enough: filled from the start, the slot after the last set to null
            Integer[] into = new Integer[map.size() + 2];
            Arrays.fill(into, -1);
            assertThat(map.values().toArray(into)).isSameAs(into);
            assertThat(Arrays.asList(into).subList(0, map.size())).containsExactlyElementsOf(expected.values());
            assertThat(into[map.size()]).isNull();
            assertThat(into[map.size() + 1]).isEqualTo(-1);
            for (Symbol s : expected.keySet()) {
                assertThat(map.get(s)).isEqualTo(expected.get(s));
            }
            // the old one did not change
            assertThat(before.with(Map.of())).isSameAs(before);
        }
        assertThat(SymbolMap.copyOf(expected)).isEqualTo(expected);
        assertThat(map.get("S1")).isNull();
        assertThat(map.containsKey(42)).isFalse();
    }

    @Test
    void isUnmodifiable() {
        SymbolMap<Integer> map = SymbolMap.<Integer>empty().with(Map.of(Symbol.of("A"), 1));
        assertThatThrownBy(() -> map.put(Symbol.of("B"), 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().remove(Symbol.of("A"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
