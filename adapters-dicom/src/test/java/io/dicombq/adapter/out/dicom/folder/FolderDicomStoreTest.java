package io.dicombq.adapter.out.dicom.folder;

import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FolderDicomStoreTest {
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path root;

    private FolderDicomStore store() {
        return new FolderDicomStore(root, new Part10Reader());
    }

    private Map<String, InstanceHandle> handles() {
        try (Stream<InstanceHandle> instances = store().instances(InstanceSelector.all())) {
            return instances.collect(Collectors.toMap(h -> root.relativize(Path.of(h.resourceName())).toString(), h -> h,
                    (a, b) -> a, TreeMap::new));
        }
    }

    @Test
    void walksTheTreeAndReadsInstancesWithTheirUids() throws IOException {
        Files.createDirectories(root.resolve("study/series"));
        Files.copy(CORPUS.resolve("CT_small.dcm"), root.resolve("study/series/ct.dcm"));
        Files.copy(CORPUS.resolve("MR_small_bigendian.dcm"), root.resolve("study/mr"));
        Map<String, InstanceHandle> handles = handles();
        assertThat(handles).containsOnlyKeys("study/series/ct.dcm", "study/mr");
        DicomInstance ct = handles.get("study/series/ct.dcm").read();
        assertThat(ct.sopInstanceUid()).isEqualTo("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322");
        assertThat(ct.studyInstanceUid()).isNotBlank();
        assertThat(ct.seriesInstanceUid()).isNotBlank();
        assertThat(ct.source()).isEqualTo(root.resolve("study/series/ct.dcm").toString());
        assertThat(ct.sizeBytes()).isEqualTo(Files.size(CORPUS.resolve("CT_small.dcm")));
    }

    @Test
    void aDicombqDataDirectoryInsideTheFolderIsSkipped() throws IOException {
        Files.copy(CORPUS.resolve("CT_small.dcm"), root.resolve("ct.dcm"));
        Path data = Files.createDirectories(root.resolve(".dicombq"));
        Files.writeString(data.resolve("warehouse.mv.db"), "H2 file");
        Files.writeString(data.resolve("warehouse.write.lock"), "");
        Files.createDirectories(data.resolve("staging"));
        Files.writeString(data.resolve("staging/1.rows"), "staged rows");
        assertThat(handles()).containsOnlyKeys("ct.dcm");
    }

    @Test
    void nonDicomFilesAndDicomdirsFailPerInstanceWithTheReason() throws IOException {
        Files.writeString(root.resolve("notes.txt"), "this folder holds the CT study\n".repeat(10));
        Files.copy(CORPUS.resolve("dicomdirtests/DICOMDIR"), root.resolve("DICOMDIR"));
        Files.copy(CORPUS.resolve("dicomdirtests/DICOMDIR-implicit"), root.resolve("index.dcm"));
        Files.copy(CORPUS.resolve("rtplan_truncated.dcm"), root.resolve("cut.dcm"));
        Map<String, InstanceHandle> handles = handles();
        assertThat(handles).as("the file named DICOMDIR is the file-set's index, not an instance")
                .containsOnlyKeys("notes.txt", "index.dcm", "cut.dcm");

        DicombqException text = catchThrowableOfType(DicombqException.class, () -> handles.get("notes.txt").read());
        assertThat(text.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(text.getMessage()).contains(root.resolve("notes.txt").toString()).contains("not a DICOM file");

        DicombqException index = catchThrowableOfType(DicombqException.class, () -> handles.get("index.dcm").read());
        assertThat(index.getMessage()).contains("is a DICOMDIR (Media Storage Directory)");

        DicombqException cut = catchThrowableOfType(DicombqException.class, () -> handles.get("cut.dcm").read());
        assertThat(cut.getMessage()).contains("cut.dcm").contains("offset 1410").contains("(300A,00B0)");
    }

    @Test
    void instanceWithoutUidsIsAFailureNamingTheMissingUid() throws IOException {
        Path noUid = root.resolve("nouid.dcm");
        Files.write(noUid, new byte[] {8, 0, 0x60, 0, 'C', 'S', 2, 0, 'M', 'R'});
        DicombqException e = catchThrowableOfType(DicombqException.class, () -> handles().get("nouid.dcm").read());
        assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("has no StudyInstanceUID (0020,000D)");
    }

    @Test
    void aMissingRootIsNotFound() {
        FolderDicomStore missing = new FolderDicomStore(root.resolve("nope"), new Part10Reader());
        assertThatThrownBy(() -> missing.instances(InstanceSelector.all()))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND))
                .hasMessageContaining("does not exist or is not a directory");
    }

    @Test
    void aFileDeletedAfterListingIsNotFound() throws IOException {
        Files.copy(CORPUS.resolve("CT_small.dcm"), root.resolve("gone.dcm"));
        InstanceHandle handle = handles().get("gone.dcm");
        Files.delete(root.resolve("gone.dcm"));
        DicombqException e = catchThrowableOfType(DicombqException.class, handle::read);
        assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(e.getMessage()).endsWith("gone.dcm: no such file");
    }

    @Test
    void listingIsLazyAndCoversManyFilesInNestedDirectories() throws IOException {
        for (int d = 0; d < 10; d++) {
            Path dir = Files.createDirectories(root.resolve("d" + d).resolve("sub"));
            for (int f = 0; f < 200; f++) {
                Files.createFile(dir.resolve("f" + f));
            }
        }
        try (Stream<InstanceHandle> instances = store().instances(InstanceSelector.all())) {
            Iterator<InstanceHandle> iterator = instances.iterator();
            assertThat(iterator.hasNext()).isTrue();
            long count = 1;
            iterator.next();
            while (iterator.hasNext()) {
                iterator.next();
                count++;
            }
            assertThat(count).isEqualTo(2000);
        }
        List<String> firstTwo;
        try (Stream<InstanceHandle> instances = store().instances(InstanceSelector.all())) {
            firstTwo = instances.limit(2).map(InstanceHandle::resourceName).collect(Collectors.toList());
        }
        assertThat(firstTwo).hasSize(2);
    }
}
