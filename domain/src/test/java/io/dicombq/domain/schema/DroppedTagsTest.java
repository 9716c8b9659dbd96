package io.dicombq.domain.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DroppedTagsTest {
    private static final Column UID = Column.of("ReferencedSOPInstanceUID", ColumnType.STRING, Mode.NULLABLE);

    @Test
    void aValueThatDoesNotFitIsListedWithItsTagPathAndItemNumber() {
        TableSchema target = TableSchema.of(Column.record("ReferencedImageSequence", Mode.REPEATED, List.of(UID)),
                DroppedTags.RECORD_COLUMN);
        Row row = Row.of(Map.of("ReferencedImageSequence", List.of(
                Row.of(Map.of("ReferencedSOPInstanceUID", "1.2.3")),
                Row.of(Map.of("ReferencedSOPInstanceUID", "1.2.4", "Tag_00091001", "x"))),
                "DroppedTags", List.of(DroppedTags.entry("PixelData", "7FE00010"))));

        Row conformed = RowConformer.conform(row, target);

        // specification 3.6: the row's own entries first, then what did not fit, as TagName and TagReference
        assertThat(conformed.get("DroppedTags")).isEqualTo(List.of(DroppedTags.entry("PixelData", "7FE00010"),
                DroppedTags.entry("ReferencedImageSequence.Tag_00091001", "00081140[1].00091001")));
    }

    @Test
    void aTableWithTheStringFormGetsTheNamesAndRecordsOfNamesHaveNoReference() {
        Row row = Row.of(Map.of("DroppedTags", List.of(DroppedTags.entry("PixelData", "7FE00010")), "Extra", "x"));
        assertThat(RowConformer.conform(row, TableSchema.of(DroppedTags.STRING_COLUMN)).get("DroppedTags"))
                .isEqualTo(List.of("PixelData", "Extra"));

        Row named = Row.of(Map.of("DroppedTags", List.of("StudyDate")));
        assertThat(RowConformer.conform(named, TableSchema.of(DroppedTags.RECORD_COLUMN)).get("DroppedTags"))
                .isEqualTo(List.of(DroppedTags.entry("StudyDate", null)));
    }
}
