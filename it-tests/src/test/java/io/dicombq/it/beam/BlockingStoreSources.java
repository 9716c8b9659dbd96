package io.dicombq.it.beam;

import io.dicombq.adapter.out.dicom.folder.FolderDicomStore;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Store sources {@code blocking:FOLDER}: a folder store whose instances cannot be read until the test releases them,
 * so a test can act (cancel) while the pipeline is certainly reading, without sleeping. Registered with
 * ServiceLoader for this test module; a runner in this JVM (direct, Flink embedded) finds it.
 */
public final class BlockingStoreSources implements DicomStoreSources {
    static final String PREFIX = "blocking:";
    /** Counted down when a worker starts reading an instance. */
    static volatile CountDownLatch reading = new CountDownLatch(1);
    /** Reads wait on this until the test counts it down (or the worker is interrupted by a cancel). */
    static volatile CountDownLatch release = new CountDownLatch(1);

    static void reset() {
        reading = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @Override
    public void check(String source) {
        if (!source.startsWith(PREFIX)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, source + " is not a " + PREFIX + " source");
        }
    }

    @Override
    public DicomStore open(String source) {
        check(source);
        FolderDicomStore folder = new FolderDicomStore(Path.of(source.substring(PREFIX.length())), new Part10Reader());
        return new DicomStore() {
            @Override
            public Stream<InstanceHandle> instances(InstanceSelector selector) {
                return folder.instances(selector);
            }

            @Override
            public InstanceHandle handle(String resourceName) {
                InstanceHandle file = folder.handle(resourceName);
                return new InstanceHandle() {
                    @Override
                    public String resourceName() {
                        return file.resourceName();
                    }

                    @Override
                    public DicomInstance read() {
                        reading.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new DicombqException(Code.CANCELLED, "interrupted while blocked");
                        }
                        return file.read();
                    }
                };
            }
        };
    }
}
