package io.dicombq.domain.schema;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMergerTest {
    private final SchemaMerger merger = SchemaMerger.canonical();

    private static Column string(String name) {
        return Column.of(name, ColumnType.STRING, Mode.NULLABLE);
    }

    @Test
    void unitesColumnsInTagOrderThenTheFixedColumns() {
        TableSchema a = TableSchema.of(string("PatientID"), Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));
        TableSchema b = TableSchema.of(string("SourceDicomStore"), string("Modality"), string("Tag_00091010"),
                string("TransferSyntaxUID"));

        TableSchema merged = merger.merge(a, b);

        // specification 3.1: keyword columns in tag order, then the Tag_ columns, then the fixed ones
        assertThat(merged.columns()).extracting(Column::name).containsExactly("TransferSyntaxUID", "Modality",
                "PatientID", "Tag_00091010", "DroppedTags", "SourceDicomStore");
        assertThat(merger.merge(b, a)).isEqualTo(merged);
    }

    @Test
    void unitesTheFieldsOfRecordsRecursively() {
        TableSchema a = TableSchema.of(Column.record("ReferencedImageSequence", Mode.REPEATED,
                List.of(string("ReferencedSOPInstanceUID"))));
        TableSchema b = TableSchema.of(Column.record("ReferencedImageSequence", Mode.REPEATED,
                List.of(string("ReferencedSOPClassUID"))));

        assertThat(merger.merge(a, b).column("ReferencedImageSequence").fields()).extracting(Column::name)
                .containsExactly("ReferencedSOPClassUID", "ReferencedSOPInstanceUID");
    }

    @Test
    void resolvesConflictsTheSameWayWhateverTheOrder() {
        Column integer = Column.of("Tag_00191001", ColumnType.INTEGER, Mode.NULLABLE);
        Column floating = Column.of("Tag_00191001", ColumnType.FLOAT, Mode.REPEATED);
        Column record = Column.record("Tag_00191001", Mode.REPEATED, List.of(string("CodeValue")));

        assertThat(merger.mergeColumns(List.of(integer), List.of(floating)))
                .containsExactly(Column.of("Tag_00191001", ColumnType.STRING, Mode.REPEATED));
        assertThat(merger.mergeColumns(List.of(floating), List.of(integer)))
                .containsExactly(Column.of("Tag_00191001", ColumnType.STRING, Mode.REPEATED));
        assertThat(merger.mergeColumns(List.of(integer), List.of(record))).containsExactly(record);
        assertThat(merger.mergeColumns(List.of(record), List.of(integer))).containsExactly(record);
        assertThat(merger.mergeColumns(List.of(Column.of("X", ColumnType.DATE, Mode.NULLABLE)),
                List.of(Column.of("X", ColumnType.DATE, Mode.REPEATED))))
                .containsExactly(Column.of("X", ColumnType.DATE, Mode.REPEATED));
    }

    @Test
    void failsWithFailedPreconditionAboveTenThousandColumns() {
        List<Column> many = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            many.add(string(String.format("Tag_0019%04X", i)));
        }
        List<Column> more = new ArrayList<>();
        for (int i = 5001; i < 10001; i++) {
            more.add(string(String.format("Tag_0019%04X", i)));
        }
        assertThatThrownBy(() -> merger.merge(new TableSchema(many), new TableSchema(more)))
                .isInstanceOfSatisfying(DicombqException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.FAILED_PRECONDITION);
                    // specification 3.8: BigQuery's own words first, so the message reads as BigQuery's would
                    assertThat(e.getMessage()).startsWith("Too many total leaf fields: 10001, max allowed field count: 10000")
                            .contains("limit of 10000 leaf fields").contains("--schema=json");
                });
        more.remove(more.size() - 1);
        assertThat(SchemaLimits.columnCount(merger.merge(new TableSchema(many), new TableSchema(more)).columns()))
                .isEqualTo(10_000);
    }

    @Test
    void countsLeafFieldsTowardsTheColumnLimitAsBigQueryDoes() {
        // BigQuery: "Too many total leaf fields": RECORD nodes do not count, their nested leaves do
        Column record = Column.record("Seq", Mode.REPEATED, List.of(string("A"), Column.record("Inner", Mode.NULLABLE,
                List.of(string("B")))));
        assertThat(SchemaLimits.columnCount(List.of(record, string("C")))).isEqualTo(3);
        List<Column> records = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            records.add(Column.record(String.format("Tag_0019%04X", i), Mode.REPEATED, List.of(string("A"), string("B"))));
        }
        // 5,000 RECORDs holding 10,000 leaves: accepted, though the nodes number 15,000
        assertThat(SchemaLimits.check(new TableSchema(records)).columns()).hasSize(5000);
    }

    @Test
    void refusesRecordsNestedDeeperThanFifteenLevelsAndSaysWhichLimitAnyTableBreaks() {
        Column deep = string("leaf");
        for (int level = 0; level < 15; level++) {
            deep = Column.record("R" + level, Mode.NULLABLE, List.of(deep));
        }
        assertThat(SchemaLimits.violation(TableSchema.of(deep))).isEmpty();
        Column tooDeep = Column.record("Top", Mode.REPEATED, List.of(deep));
        assertThat(SchemaLimits.violation(TableSchema.of(tooDeep)))
                .hasValue("the schema nests RECORD columns 16 levels deep, more than BigQuery's limit of 15 levels");
        assertThatThrownBy(() -> SchemaLimits.check(TableSchema.of(tooDeep)))
                .isInstanceOfSatisfying(DicombqException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.FAILED_PRECONDITION))
                .hasMessageContaining("16 levels deep");
    }

    @Test
    void refusesColumnNamesLongerThanThreeHundredCharacters() {
        assertThatThrownBy(() -> SchemaLimits.check(TableSchema.of(string("x".repeat(301)))))
                .isInstanceOfSatisfying(DicombqException.class,
                        e -> assertThat(e.getMessage()).contains("limit of 300 characters"));
        SchemaLimits.check(TableSchema.of(string("x".repeat(300))));
    }

    @Test
    void extendsAnExistingTableKeepingItsColumnsAndAppendingNewOnes() {
        TableSchema existing = TableSchema.of(string("PatientID"), Column.of("Rows", ColumnType.INTEGER, Mode.REQUIRED),
                Column.record("ReferencedImageSequence", Mode.REPEATED, List.of(string("ReferencedSOPInstanceUID"))),
                Column.of("InstanceNumber", ColumnType.STRING, Mode.NULLABLE));
        TableSchema export = TableSchema.of(string("Modality"), string("PatientID"),
                Column.of("InstanceNumber", ColumnType.INTEGER, Mode.NULLABLE),
                Column.record("ReferencedImageSequence", Mode.REPEATED,
                        List.of(string("ReferencedSOPClassUID"), string("ReferencedSOPInstanceUID"))),
                Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));

        TableSchema extended = merger.extend(existing, export);

        assertThat(SchemaJson.write(extended)).isEqualTo("["
                + "{\"name\":\"PatientID\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"Rows\",\"type\":\"INTEGER\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"ReferencedImageSequence\",\"type\":\"RECORD\",\"mode\":\"REPEATED\",\"fields\":["
                + "{\"name\":\"ReferencedSOPInstanceUID\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"ReferencedSOPClassUID\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]},"
                + "{\"name\":\"InstanceNumber\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"Modality\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"DroppedTags\",\"type\":\"STRING\",\"mode\":\"REPEATED\"}]");
    }

    @Test
    void refusesToExtendAColumnIntoAnotherTypeOrIntoRepeated() {
        TableSchema existing = TableSchema.of(Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE),
                string("PatientID"));

        assertThatThrownBy(() -> merger.extend(existing, TableSchema.of(string("Rows"))))
                .isInstanceOfSatisfying(DicombqException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.FAILED_PRECONDITION);
                    assertThat(e.getMessage()).contains("column Rows").contains("INTEGER NULLABLE")
                            .contains("STRING NULLABLE").contains("WRITE_TRUNCATE");
                });
        assertThatThrownBy(() -> merger.extend(existing,
                TableSchema.of(Column.of("PatientID", ColumnType.STRING, Mode.REPEATED))))
                .isInstanceOf(DicombqException.class).hasMessageContaining("column PatientID");
        assertThatThrownBy(() -> merger.extend(existing,
                TableSchema.of(Column.record("PatientID", Mode.NULLABLE, List.of(string("A"))))))
                .isInstanceOf(DicombqException.class).hasMessageContaining("RECORD");
    }

    @Test
    void conformsARowToTheMergedSchemaByTheSameRule() {
        TableSchema target = TableSchema.of(
                Column.of("Tag_00191001", ColumnType.STRING, Mode.REPEATED),
                Column.record("Tag_00191002", Mode.REPEATED, List.of(string("CodeValue"))),
                string("Modality"),
                Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));
        Row row = Row.of(Map.of("Tag_00191001", 7L, "Tag_00191002", "text", "DroppedTags", List.of("PixelPaddingValue")));

        Row conformed = RowConformer.conform(row, target);

        assertThat(conformed.get("Tag_00191001")).isEqualTo(List.of("7"));
        assertThat(conformed.get("Tag_00191002")).isEqualTo(List.of());
        assertThat(conformed.get("Modality")).isNull();
        assertThat(conformed.get("DroppedTags")).isEqualTo(List.of("PixelPaddingValue", "Tag_00191002"));
    }

    @Test
    void listsAValueWhoseColumnTheTargetLacksAndWidensSingleValues() {
        TableSchema target = TableSchema.of(Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
                Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));
        Row row = Row.of(Map.of("ImageType", "ORIGINAL", "Tag_00091001", List.of(Row.of(Map.of())), "Empty", List.of()));

        Row conformed = RowConformer.conform(row, target);

        assertThat(conformed.get("ImageType")).isEqualTo(List.of("ORIGINAL"));
        assertThat(conformed.values()).doesNotContainKey("Tag_00091001");
        assertThat(conformed.get("DroppedTags")).isEqualTo(List.of("Tag_00091001"));
    }

    @Test
    void keepsARowWhoseValuesAlreadyFitInsteadOfCopyingItAndItsAbsentColumnsStayNull() {
        Column item = Column.record("Tag_00191002", Mode.REPEATED, List.of(string("CodeValue"), string("CodeMeaning")));
        TableSchema target = TableSchema.of(string("Modality"), item, string("PatientID"),
                Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));
        Row row = Row.of(linked("Modality", "CT", "Tag_00191002", List.of(Row.of(Map.of("CodeMeaning", "x"))),
                "DroppedTags", List.of("Tag_00091001")));

        Row conformed = RowConformer.conform(row, target);

        assertThat(conformed).isSameAs(row);
        assertThat(conformed.get("PatientID")).isNull();
    }

    @Test
    void stillWritesEachDroppedPathOnceWhenTheRestOfTheRowFits() {
        TableSchema target = TableSchema.of(string("Modality"), Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));
        Row row = Row.of(linked("Modality", "CT", "DroppedTags", List.of("Tag_00091001", "Tag_00091001")));

        Row conformed = RowConformer.conform(row, target);

        assertThat(conformed.get("DroppedTags")).isEqualTo(List.of("Tag_00091001"));
        assertThat(conformed.get("Modality")).isEqualTo("CT");
    }

    @Test
    void copiesARowWhoseColumnsComeInAnotherOrderThanTheTargets() {
        TableSchema target = TableSchema.of(string("Modality"), string("PatientID"));
        Row row = Row.of(linked("PatientID", "P1", "Modality", "CT"));

        Row conformed = RowConformer.conform(row, target);

        assertThat(conformed).isNotSameAs(row);
        assertThat(conformed.values().keySet()).containsExactly("Modality", "PatientID");
    }

    private static LinkedHashMap<String, Object> linked(Object... namesAndValues) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void saysWhetherAMergedSchemaOnlyAddsToTheSchemaRowsWereStagedUnder() {
        Column sequence = Column.record("Tag_00180FF2", Mode.REPEATED, List.of(string("CodeMeaning")));
        TableSchema staged = TableSchema.of(Column.of("Tag_00180FF0", ColumnType.INTEGER, Mode.REPEATED), sequence);

        TableSchema added = merger.merge(staged, TableSchema.of(string("PatientID"),
                Column.record("Tag_00180FF2", Mode.REPEATED, List.of(string("CodeValue")))));
        TableSchema retyped = merger.merge(staged, TableSchema.of(Column.of("Tag_00180FF0", ColumnType.STRING, Mode.REPEATED)));
        TableSchema recordWins = merger.merge(TableSchema.of(Column.of("Tag_00180FF2", ColumnType.STRING, Mode.REPEATED)),
                TableSchema.of(sequence));

        assertThat(merger.onlyAdds(staged, added)).isTrue();
        assertThat(merger.onlyAdds(staged, staged)).isTrue();
        assertThat(merger.onlyAdds(staged, retyped)).isFalse();
        assertThat(merger.onlyAdds(TableSchema.of(Column.of("Tag_00180FF2", ColumnType.STRING, Mode.REPEATED)), recordWins)).isFalse();
        assertThat(merger.onlyAdds(TableSchema.of(string("Modality")),
                TableSchema.of(Column.of("Modality", ColumnType.STRING, Mode.REPEATED)))).isFalse();
        assertThat(merger.onlyAdds(staged, TableSchema.of(sequence))).isFalse();
    }
}
