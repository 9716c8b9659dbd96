package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.RowWriteGate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A table copy's transactions take about as many bytes as a load's, whatever its rows weigh. */
class CopySpansTest {
    @Test
    void theFirstSpanIsSmallUntilTheRowsAreWeighed() {
        assertThat(new CopySpans().span()).isEqualTo(CopySpans.FIRST);
    }

    @Test
    void wideRowsGetAFewRowsATransaction() {
        CopySpans spans = new CopySpans();
        spans.copied(8, 8 * 100_000L);
        assertThat(spans.span()).isEqualTo(RowWriteGate.TRANSACTION_BYTES / 100_000);
    }

    @Test
    void smallRowsGetAsManyAsALoadCommitsAtOnce() {
        CopySpans spans = new CopySpans();
        spans.copied(8, 8 * 40L);
        assertThat(spans.span()).isEqualTo(RowWriteGate.TRANSACTION_ROWS);
    }

    @Test
    void aRowLargerThanATransactionIsCopiedAlone() {
        CopySpans spans = new CopySpans();
        spans.copied(2, 2L * 50 * 1024 * 1024);
        assertThat(spans.span()).isEqualTo(1);
    }

    @Test
    void aSpanWithNoRowsOrUnknownBytesKeepsTheSpan() {
        CopySpans spans = new CopySpans();
        spans.copied(8, 8 * 100_000L);
        long sized = spans.span();
        spans.copied(0, 0);
        spans.copied(5, -1);
        assertThat(spans.span()).isEqualTo(sized);
    }
}
