package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;

import java.util.List;

/** Short ways to build data elements in tests. */
final class Elements {
    private Elements() {
    }

    static DataElement text(int tag, Vr vr, String... values) {
        return new DataElement(new Tag(tag), vr, new Value.Text(List.of(values)));
    }

    static DataElement ints(int tag, Vr vr, long... values) {
        return new DataElement(new Tag(tag), vr, Value.Ints.of(values));
    }

    static DataElement floats(int tag, Vr vr, double... values) {
        return new DataElement(new Tag(tag), vr, Value.Floats.of(values));
    }

    static DataElement bytes(int tag, Vr vr, byte... bytes) {
        return new DataElement(new Tag(tag), vr, new Value.Bytes(bytes, false));
    }

    static DataElement sequence(int tag, DicomDataset... items) {
        return new DataElement(new Tag(tag), Vr.SQ, new Value.Items(List.of(items)));
    }

    static DicomDataset item(DataElement... elements) {
        return DicomDataset.of(elements);
    }

    static DicomInstance instance(DataElement... elements) {
        return new DicomInstance("test.dcm", DicomDataset.empty(), DicomDataset.of(elements), 0);
    }
}
