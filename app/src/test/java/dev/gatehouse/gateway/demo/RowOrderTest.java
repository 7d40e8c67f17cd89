package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.ids.PrefixedIds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RowOrderTest {
    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    /** Many ids share a millisecond, so the string tie-break runs as well as the primitive sort. */
    @Test
    void idsComeOutInStringOrder() {
        Random r = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Object[] {PrefixedIds.next("key_", T.plusMillis(r.nextInt(5_000)), r), i});
        }
        List<Object[]> expected = new ArrayList<>(rows);
        expected.sort(Comparator.comparing(row -> (String) row[0]));
        RowOrder.byId(rows, 0);
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void aLaterMillisecondSortsLaterWhateverItsRandomPart() {
        List<Object[]> rows = new ArrayList<>(List.of(
                new Object[] {PrefixedIds.next("lot_", T.plusMillis(1), new Random(1))},
                new Object[] {PrefixedIds.next("lot_", T, new Random(2))},
                new Object[] {PrefixedIds.next("lot_", T.plusSeconds(86_400L * 400), new Random(3))}));
        List<Object[]> expected = List.of(rows.get(1), rows.get(0), rows.get(2));
        RowOrder.byId(rows, 0);
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(PrefixedIds.millis((String) rows.get(0)[0])).isEqualTo(T.toEpochMilli());
    }

    /** Hashes whose first ten digits tie are ordered by the rest; the other column rides along. */
    @Test
    void hexStringsComeOutInStringOrder() {
        Random r = new Random(11);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[32];
            r.nextBytes(b);
            if (i % 3 == 0) {
                b[0] = 0x12;
                b[1] = 0x34;
                b[2] = 0x56;
                b[3] = 0x78;
                b[4] = (byte) 0x9a;
            }
            rows.add(new Object[] {"x" + i, HexFormat.of().formatHex(b)});
        }
        List<Object[]> expected = new ArrayList<>(rows);
        expected.sort(Comparator.comparing(row -> (String) row[1]));
        RowOrder.byHex(rows, 1);
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void emptyAndSingleRowsAreFine() {
        List<Object[]> none = new ArrayList<>();
        RowOrder.byId(none, 0);
        assertThat(none).isEmpty();
        List<Object[]> one = new ArrayList<>();
        one.add(new Object[] {"f".repeat(64)});
        RowOrder.byHex(one, 0);
        assertThat(one).hasSize(1);
    }
}
