package io.dicombq.adapter.in.cli.demo;

import io.dicombq.adapter.in.cli.demo.Part10Writer.DataSetBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Generates CT-like instances with realistic shapes (CORPUS.md "Larger data": 1 patient : 2 studies : 4 series
 * per study : up to 100 instances per series) as Part 10 files, one file at a time so any count fits in memory.
 * The same inputs always give the same files.
 */
public final class SyntheticStudies {
    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    /** A UID root for generated data (2.25 is the UUID-derived root of PS3.5 B.2, usable without registration). */
    private static final String UID_ROOT = "2.25.1076";
    private static final int STUDIES_PER_PATIENT = 2;
    private static final int SERIES_PER_STUDY = 4;
    private static final int INSTANCES_PER_SERIES = 100;
    private static final String[] FAMILY_NAMES = {"Doe", "Smith", "Garcia", "Müller", "Rossi", "Nakamura", "Dubois", "Kowalski"};
    private static final String[] GIVEN_NAMES = {"Jane", "John", "Ana", "Jürgen", "Lucia", "Akira", "Marie", "Piotr"};

    private SyntheticStudies() {
    }

    /** Writes {@code count} instances under {@code folder}, in one sub-folder per patient; returns the count. */
    public static int write(Path folder, int count) {
        try {
            for (int index = 0; index < count; index++) {
                int series = index / INSTANCES_PER_SERIES;
                int study = series / SERIES_PER_STUDY;
                int patient = study / STUDIES_PER_PATIENT;
                Path file = folder.resolve(String.format(Locale.ROOT, "patient-%05d/study-%d/series-%d/%06d.dcm",
                        patient, study, series, index));
                Files.createDirectories(file.getParent());
                Files.write(file, instance(patient, study, series, index));
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write synthetic DICOM files under " + folder, e);
        }
    }

    /** One instance's Part 10 bytes; UIDs, names, dates and positions derive from the indexes. */
    static byte[] instance(int patient, int study, int series, int index) {
        String studyUid = UID_ROOT + ".1." + study;
        String seriesUid = UID_ROOT + ".2." + series;
        String sopUid = UID_ROOT + ".3." + index;
        LocalDate studyDate = LocalDate.of(2015, 1, 1).plusDays(study * 37L % 3650);
        String name = FAMILY_NAMES[patient % FAMILY_NAMES.length] + "^" + GIVEN_NAMES[(patient / 8) % GIVEN_NAMES.length];
        int instanceNumber = index % INSTANCES_PER_SERIES + 1;
        byte[] procedure = new DataSetBuilder()
                .text(0x0008, 0x0100, "SH", "CTCHEST")
                .text(0x0008, 0x0102, "SH", "DCMBQ")
                .text(0x0008, 0x0104, "LO", "CT chest without contrast")
                .bytes();
        byte[] dataset = new DataSetBuilder()
                .text(0x0008, 0x0005, "CS", "ISO_IR 100")
                .text(0x0008, 0x0008, "CS", "ORIGINAL\\PRIMARY\\AXIAL")
                .text(0x0008, 0x0016, "UI", CT_IMAGE_STORAGE)
                .text(0x0008, 0x0018, "UI", sopUid)
                .text(0x0008, 0x0020, "DA", studyDate.toString().replace("-", ""))
                .text(0x0008, 0x0030, "TM", String.format(Locale.ROOT, "%02d%02d%02d", 8 + study % 10, study % 60, series % 60))
                .text(0x0008, 0x0060, "CS", "CT")
                .text(0x0008, 0x0070, "LO", "DICOMBQ Synthetic Scanner")
                .text(0x0008, 0x0090, "PN", "Referrer^Pat")
                .text(0x0008, 0x1030, "LO", "CT CHEST")
                .sequence(0x0008, 0x1032, procedure)
                .text(0x0008, 0x103E, "LO", "AXIAL " + (series % SERIES_PER_STUDY + 1))
                .text(0x0009, 0x0010, "LO", "DICOMBQ SYNTH")
                .text(0x0009, 0x1001, "LO", "generated")
                .text(0x0010, 0x0010, "PN", name)
                .text(0x0010, 0x0020, "LO", String.format(Locale.ROOT, "SYN%05d", patient))
                .text(0x0010, 0x0030, "DA", String.format(Locale.ROOT, "19%02d0%d1%d", 40 + patient % 50, 1 + patient % 9, patient % 10))
                .text(0x0010, 0x0040, "CS", patient % 2 == 0 ? "F" : "M")
                .text(0x0018, 0x0050, "DS", "2.5")
                .text(0x0018, 0x0060, "DS", "120")
                .text(0x0020, 0x000D, "UI", studyUid)
                .text(0x0020, 0x000E, "UI", seriesUid)
                .text(0x0020, 0x0010, "SH", Integer.toString(study + 1))
                .text(0x0020, 0x0011, "IS", Integer.toString(series % SERIES_PER_STUDY + 1))
                .text(0x0020, 0x0013, "IS", Integer.toString(instanceNumber))
                .text(0x0020, 0x0032, "DS", String.format(Locale.ROOT, "-125\\-125\\%.1f", instanceNumber * -2.5))
                .text(0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0")
                .uint16(0x0028, 0x0002, 1)
                .text(0x0028, 0x0004, "CS", "MONOCHROME2")
                .uint16(0x0028, 0x0010, 8)
                .uint16(0x0028, 0x0011, 8)
                .text(0x0028, 0x0030, "DS", "0.5\\0.5")
                .uint16(0x0028, 0x0100, 16)
                .uint16(0x0028, 0x0101, 12)
                .uint16(0x0028, 0x0102, 11)
                .uint16(0x0028, 0x0103, 0)
                .binary(0x7FE0, 0x0010, "OW", new byte[8 * 8 * 2])
                .bytes();
        return Part10Writer.file(CT_IMAGE_STORAGE, sopUid, dataset);
    }
}
