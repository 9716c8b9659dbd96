package io.dicombq.pipeline.beam;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowJson;
import io.dicombq.domain.schema.TableSchema;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows cross a runner's workers unchanged: every value type of {@link Row}, nested records, arrays, order. */
class MappedInstanceCoderTest {

    @Test
    void everyValueTypeRoundTrips() throws Exception {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("CodeValue", "T-D0050");
        item.put("Weight", 1.5);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("PatientName", "Doe^Jane");
        values.put("Rows", 512L);
        values.put("SliceThickness", 0.625);
        values.put("NotANumber", Double.NaN);
        values.put("Flag", true);
        values.put("Numeric", new BigDecimal("-12345678901234567890.123456789"));
        values.put("Private", new byte[]{0, 1, (byte) 0xff});
        values.put("StudyDate", LocalDate.of(2015, 1, 31));
        values.put("StudyTime", LocalTime.of(23, 59, 58, 123_456_000));
        values.put("AcquisitionDateTime", LocalDateTime.of(2020, 2, 29, 1, 2, 3, 4_000));
        values.put("LastUpdated", Instant.parse("2026-12-02T04:00:00.123456Z"));
        values.put("Metadata", new JsonText("{\"a\":[1,2]}"));
        values.put("Sequence", List.of(new Row(item), new Row(Map.of())));
        values.put("Empty", List.of());
        values.put("Absent", null);
        Row row = new Row(values);
        TableSchema schema = TableSchema.of(Column.of("PatientName", ColumnType.STRING, Mode.NULLABLE));
        MappedInstance instance = MappedInstance.of("/store/ct/1.dcm", row, schema);

        byte[] encoded = CoderUtils.encodeToByteArray(new MappedInstance.Coder(), instance);
        MappedInstance decoded = CoderUtils.decodeFromByteArray(new MappedInstance.Coder(), encoded);

        assertThat(decoded.resourceName()).isEqualTo("/store/ct/1.dcm");
        assertThat(decoded.schemaJson()).isEqualTo(instance.schemaJson());
        assertThat(decoded.row().values().keySet()).containsExactlyElementsOf(values.keySet());
        assertThat(RowJson.write(decoded.row())).isEqualTo(RowJson.write(row));
        assertThat((byte[]) decoded.row().get("Private")).isEqualTo(new byte[]{0, 1, (byte) 0xff});
        assertThat(decoded.row().get("Numeric")).isEqualTo(values.get("Numeric"));
        assertThat(decoded.row().get("LastUpdated")).isEqualTo(values.get("LastUpdated"));
        assertThat(decoded.row().get("AcquisitionDateTime")).isEqualTo(values.get("AcquisitionDateTime"));
        assertThat((Double) decoded.row().get("NotANumber")).isNaN();
        assertThat(Arrays.asList(decoded.row().values().containsKey("Absent"), decoded.row().get("Absent")))
                .containsExactly(true, null);
    }
}
