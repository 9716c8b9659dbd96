package io.dicombq.domain.dicom;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DicomDatasetTest {

    private static DataElement text(int tag, String value) {
        return new DataElement(new Tag(tag), Vr.LO, Value.Text.of(value));
    }

    @Test
    void elementsInTagOrderAreKeptAsGiven() {
        List<DataElement> ascending = List.of(text(0x00080005, "a"), text(0x00100010, "b"), text(0x7FE00008, "c"),
                text(0xFFFEE000, "d"));
        DicomDataset dataset = DicomDataset.of(ascending);
        assertThat(dataset.elements()).containsExactlyElementsOf(ascending);
        assertThat(dataset.get(new Tag(0xFFFEE000))).isEqualTo(ascending.get(3));
    }

    @Test
    void elementsInAnyOtherOrderAreSortedAsUnsignedTags() {
        DicomDataset dataset = DicomDataset.of(text(0xFFFEE000, "d"), text(0x00100010, "b"), text(0x00080005, "a"));
        assertThat(dataset.elements()).extracting(element -> element.tag().value())
                .containsExactly(0x00080005, 0x00100010, 0xFFFEE000);
    }

    @Test
    void aLaterElementWithTheSameTagWinsInOrderOrNot() {
        assertThat(DicomDataset.of(text(0x00080005, "a"), text(0x00100010, "first"), text(0x00100010, "second"))
                .elements()).containsExactly(text(0x00080005, "a"), text(0x00100010, "second"));
        assertThat(DicomDataset.of(text(0x00100010, "first"), text(0x00080005, "a"), text(0x00100010, "second"))
                .elements()).containsExactly(text(0x00080005, "a"), text(0x00100010, "second"));
    }

    @Test
    void theDataSetDoesNotChangeWithTheListItWasMadeFrom() {
        java.util.ArrayList<DataElement> list = new java.util.ArrayList<>(List.of(text(0x00080005, "a")));
        DicomDataset dataset = DicomDataset.of(list);
        list.set(0, text(0x00080005, "changed"));
        assertThat(dataset.get(new Tag(0x00080005))).isEqualTo(text(0x00080005, "a"));
    }
}
