package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables exported before dicombq wrote Google's layout (specification 3.1, 3.6): an append that cannot keep them
 * consistent is refused with the reason and the way to rewrite them; one that can adds the new columns.
 */
class LegacyTableEndToEndTest {
    @TempDir
    Path temp;
    private Cli cli;
    private Path ct;

    @BeforeEach
    void store() {
        cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.exports");
        ct = Corpus.folderOf(temp.resolve("ct"), "CT_small.dcm");
    }

    /** A table as an earlier export left it, written through the warehouse's own sink. */
    private void oldTable(String table, Column droppedTags, Object droppedValue) {
        oldTable(table, TableSchema.of(Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("OverlayRows", ColumnType.INTEGER, Mode.NULLABLE), droppedTags), droppedValue);
    }

    private void oldTable(String table, TableSchema schema, Object droppedValue) {
        try (H2Warehouse warehouse = H2Warehouse.open(temp.resolve("data"));
             StagedWrite write = warehouse.tableSink().begin(TableUri.parse("bq://" + table), WritePlan.CREATE)) {
            write.write(schema, List.of(Row.of(Map.of("PatientID", "old", "DroppedTags", droppedValue))));
            write.commit(schema);
        }
    }

    @Test
    void anAppendToATableWithTheOldDroppedTagsIsRefusedWithTheWayToRewriteIt() {
        String table = "my-project.exports.old";
        oldTable(table, Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED), List.of("PixelData"));

        JsonNode refused = cli.export(ct.toString(), "--bq-table=bq://" + table, "--write-disposition=write-append");

        assertThat(refused.at("/error/code").asInt()).as(refused.toString()).isEqualTo(9); // FAILED_PRECONDITION
        assertThat(refused.at("/error/message").asText()).contains("DroppedTags is STRING REPEATED")
                .contains("OverlayRows is INTEGER NULLABLE").contains("--overwrite-table")
                .contains("--write-disposition=write-truncate");
        assertThat(cli.rows(table)).isEqualTo(1);

        JsonNode rewritten = cli.export(ct.toString(), "--bq-table=bq://" + table, "--overwrite-table");
        assertThat(rewritten.has("response")).as(rewritten.toString()).isTrue();
        JsonNode dropped = Cli.parse(cli.ok("query", "SELECT d.TagName, d.TagReference FROM `" + table
                + "`, UNNEST(DroppedTags) AS d WHERE d.TagName = 'PixelData'"));
        assertThat(dropped.get(0).get("TagReference").asText()).isEqualTo("7FE00010");
    }

    @Test
    void anOldRepeatingGroupColumnAloneIsRefusedToo() {
        String table = "my-project.exports.old_overlay";
        oldTable(table, io.dicombq.domain.schema.DroppedTags.RECORD_COLUMN, List.of());
        // CT_small has no overlay, but the table's column could never take one: the check is by schema
        JsonNode refused = cli.export(ct.toString(), "--bq-table=bq://" + table, "--write-disposition=write-append");
        assertThat(refused.at("/error/message").asText()).contains("OverlayRows").doesNotContain("DroppedTags is");
    }

    @Test
    void anAppendToATableWithoutTheOperationalColumnsAddsThem() {
        String table = "my-project.exports.before_operational";
        oldTable(table, TableSchema.of(Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
                io.dicombq.domain.schema.DroppedTags.RECORD_COLUMN), List.of());

        JsonNode appended = cli.export(ct.toString(), "--bq-table=bq://" + table, "--write-disposition=write-append");

        assertThat(appended.has("response")).as(appended.toString()).isTrue();
        assertThat(cli.rows(table)).isEqualTo(2);
        JsonNode rows = Cli.parse(cli.ok("query", "SELECT PatientID, Type, StorageClass, BlobStorageSize FROM `" + table
                + "` ORDER BY Type"));
        assertThat(rows.get(0).has("Type") && !rows.get(0).get("Type").isNull()).as(rows.toString()).isFalse();
        assertThat(rows.get(1).get("Type").asText()).isEqualTo("INSERT");
        assertThat(rows.get(1).get("StorageClass").asText()).isEqualTo("STANDARD");
        assertThat(rows.get(1).get("BlobStorageSize").asLong()).isPositive();
    }
}
