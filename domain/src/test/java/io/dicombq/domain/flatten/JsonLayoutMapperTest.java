package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.json.JsonReader;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.dicombq.domain.flatten.Elements.ints;
import static io.dicombq.domain.flatten.Elements.item;
import static io.dicombq.domain.flatten.Elements.sequence;
import static io.dicombq.domain.flatten.Elements.text;
import static org.assertj.core.api.Assertions.assertThat;

class JsonLayoutMapperTest {
    private static final Instant UPDATED = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void hasTheFixedColumnsInTheirDocumentedOrder() {
        assertThat(JsonLayoutMapper.schema(true).columns()).extracting(Column::name).containsExactly(
                "StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "SourceDicomStore", "Metadata",
                "StructuredStorageSize", "DroppedTags", "StorageClass", "LastUpdated", "BlobStorageSize", "Type");
        assertThat(JsonLayoutMapper.schema(false).column("SourceDicomStore")).isNull();
    }

    @Test
    void holdsTheInstanceInTheDicomJsonModelWithoutBulkData() {
        DicomInstance instance = new DicomInstance("a.dcm",
                DicomDataset.of(text(0x00020010, Vr.UI, "1.2.840.10008.1.2.1")),
                DicomDataset.of(text(0x00080018, Vr.UI, "1.2.3.3"), text(0x0020000D, Vr.UI, "1.2.3.1"),
                        text(0x0020000E, Vr.UI, "1.2.3.2"), text(0x00100010, Vr.PN, "Doe^Jane"),
                        sequence(0x00081140, item(new DataElement(new Tag(0x00091010), Vr.OB, new Value.Bulk(10, 5000)))),
                        new DataElement(Tag.PIXEL_DATA, Vr.OW, new Value.Bulk(2000, 1 << 20))),
                1_050_000);

        FlattenedInstance row = JsonLayoutMapper.standard().map(instance,
                FlattenOptions.json().withSourceStore("projects/p/locations/l/datasets/d/dicomStores/s"), UPDATED);

        assertThat(row.row().get("StudyInstanceUID")).isEqualTo("1.2.3.1");
        assertThat(row.row().get("SeriesInstanceUID")).isEqualTo("1.2.3.2");
        assertThat(row.row().get("SOPInstanceUID")).isEqualTo("1.2.3.3");
        String json = ((JsonText) row.row().get("Metadata")).json();
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) JsonReader.parse(json);
        assertThat(metadata).containsKeys("00020010", "00100010", "00081140", "7FE00010");
        assertThat(metadata.get("00100010")).isEqualTo(Map.of("vr", "PN", "Value", List.of(Map.of("Alphabetic", "Doe^Jane"))));
        assertThat(metadata.get("7FE00010")).isEqualTo(Map.of("vr", "OW"));
        assertThat(row.row().get("StructuredStorageSize")).isEqualTo((long) json.getBytes(StandardCharsets.UTF_8).length);
        assertThat(row.droppedTags()).containsExactly("ReferencedImageSequence.Tag_00091010");
        assertThat(row.row().get("StorageClass")).isEqualTo("STANDARD");
        assertThat(row.row().get("LastUpdated")).isEqualTo(UPDATED);
        assertThat(row.row().get("BlobStorageSize")).isEqualTo(1_050_000L);
        assertThat(row.row().get("Type")).isEqualTo("INSERT");
        assertThat(row.row().get("SourceDicomStore")).isEqualTo("projects/p/locations/l/datasets/d/dicomStores/s");
        assertThat(row.schema()).isEqualTo(JsonLayoutMapper.schema(true));
    }

    @Test
    void groupLengthsAppearNowhereInTheMetadataNotEvenInItems() {
        DicomInstance instance = new DicomInstance("a.dcm",
                DicomDataset.of(ints(0x00020000, Vr.UL, 196), text(0x00020010, Vr.UI, "1.2.840.10008.1.2")),
                DicomDataset.of(ints(0x00080000, Vr.UL, 300), text(0x00080018, Vr.UI, "1.2.3.3"),
                        sequence(0x00081140, item(ints(0x00080000, Vr.UL, 40), text(0x00081155, Vr.UI, "1.2.9"))),
                        text(0x0020000D, Vr.UI, "1.2.3.1"), text(0x0020000E, Vr.UI, "1.2.3.2")),
                1000);

        String json = ((JsonText) JsonLayoutMapper.standard().map(instance, FlattenOptions.json(), UPDATED).row()
                .get("Metadata")).json();

        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) JsonReader.parse(json);
        assertThat(metadata).containsOnlyKeys("00020010", "00080018", "00081140", "0020000D", "0020000E");
        assertThat(metadata.get("00081140")).isEqualTo(Map.of("vr", "SQ",
                "Value", List.of(Map.of("00081155", Map.of("vr", "UI", "Value", List.of("1.2.9"))))));
    }

    @Test
    void anUnknownInstanceSizeIsNullNotNegative() {
        DicomInstance fromDicomWeb = new DicomInstance("/studies/1/series/2/instances/3", DicomDataset.empty(),
                DicomDataset.of(text(0x0020000D, Vr.UI, "1"), text(0x0020000E, Vr.UI, "2"), text(0x00080018, Vr.UI, "3")),
                -1);

        FlattenedInstance row = JsonLayoutMapper.standard().map(fromDicomWeb, FlattenOptions.json(), UPDATED);

        assertThat(row.row().values()).doesNotContainKey("BlobStorageSize");
    }

    @Test
    void theRowMapperPicksTheLayoutFromTheOptions() {
        DicomInstance instance = Elements.instance(text(0x00080060, Vr.CS, "CT"));
        InstanceRowMapper mapper = InstanceRowMapper.standard();
        assertThat(mapper.map(instance, FlattenOptions.flattened(), UPDATED).row().get("Modality")).isEqualTo("CT");
        assertThat(mapper.map(instance, FlattenOptions.json(), UPDATED).row().get("Metadata")).isInstanceOf(JsonText.class);
    }
}
