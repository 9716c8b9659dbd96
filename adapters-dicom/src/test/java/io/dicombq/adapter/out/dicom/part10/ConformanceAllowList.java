package io.dicombq.adapter.out.dicom.part10;

import java.util.List;

/** The documented differences from pydicom (docs/reader-conformance.md), one line per file, tag path and kind. */
final class ConformanceAllowList {
    private ConformanceAllowList() {
    }

    static final List<String> ENTRIES = List.of(
            // D2 (PS3.5 6.2, CS): trailing spaces of each CS value are padding; pydicom keeps them inside multi-valued CS
            "test_files/693_J2KI.dcm|00080008|value ours=[\"DERIVED\", \"PRIMARY\", \"AXIAL\"] pydicom=[\"DERIVED \", \"PRIMARY\", \"AXIAL\"]",
            "test_files/SC_rgb_gdcm_KY.dcm|00080008|value ours=[\"DERIVED\", \"SECONDARY\", \"OTHER\"] pydicom=[\"DERIVED \", \"SECONDARY\", \"OTHER\"]",
            "test_files/SC_rgb_jpeg_lossy_gdcm.dcm|00080008|value ours=[\"DERIVED\", \"SECONDARY\", \"OTHER\"] pydicom=[\"DERIVED \", \"SECONDARY\", \"OTHER\"]",
            // D3 (PS3.5 6.2, IS): a non-numeric IS is kept as text; pydicom refuses the whole file
            "test_files/badVR.dcm||pydicom-rejects",
            // D4 (PS3.10 7.1, PS3.5 7.1, 7.5.1): malformed files we refuse with a typed error; pydicom returns a partial or garbled data set
            "test_files/MR_truncated.dcm||we-reject",
            "test_files/dicomdirtests/DICOMDIR-nooffset||we-reject",
            "test_files/no_meta.dcm||we-reject",
            "test_files/rtplan_truncated.dcm||we-reject");
}
