package io.dicombq.adapter.out.dicom.folder;

import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import io.dicombq.adapter.out.dicom.testing.PydicomCorpus;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.InstanceFlattener;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Part 10 file read from a stream, with the size and modification time its file system reports (how a distributed
 * export reads a gs:// object), flattens to the same row as the folder store's reading of the file, and fails where
 * that reading fails, with the same code: the whole pydicom corpus, malformed files and a DICOMDIR included.
 */
class StreamedPart10FileTest {
    private final Part10Reader reader = new Part10Reader(ReadOptions.forExport(), DataDictionary.standard());

    @Test
    void everyCorpusFileReadsAsTheFolderStoreReadsIt() throws IOException {
        int compared = 0;
        int failed = 0;
        for (Path file : PydicomCorpus.allFiles()) {
            DicomInstance fromFolder = null;
            Code folderFailure = null;
            try {
                fromFolder = new FileInstanceHandle(file, reader).read();
            } catch (DicombqException e) {
                folderFailure = e.code();
            }
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            try (InputStream bytes = Files.newInputStream(file)) {
                DicomInstance streamed = StreamedPart10File.read(reader, file.toString(), bytes, Files.size(file), modified);
                assertThat(folderFailure).as("the folder store fails %s", file).isNull();
                assertThat(row(streamed)).as(file.toString()).isEqualTo(row(fromFolder));
                compared++;
            } catch (DicombqException e) {
                assertThat(e.code()).as("%s: %s", file, e.getMessage()).isEqualTo(folderFailure);
                failed++;
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(failed).as("the corpus's malformed files").isPositive();
    }

    private static Object row(DicomInstance instance) {
        return InstanceFlattener.standard().flatten(instance, FlattenOptions.flattened()).row();
    }
}
