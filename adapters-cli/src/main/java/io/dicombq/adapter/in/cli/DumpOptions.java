package io.dicombq.adapter.in.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code dicombq dump} was asked for. The option names are defined here once: {@link DumpCommand}'s picocli
 * model (and its help text) and the executable's hand parser ({@link DumpArguments}) both use them.
 */
record DumpOptions(boolean pretty, boolean fileMeta, boolean inlineBinary, int bulkThreshold, List<Path> files) {
    static final String PRETTY = "--pretty";
    static final String FILE_META = "--file-meta";
    static final String NO_INLINE_BINARY = "--no-inline-binary";
    static final String BULK_THRESHOLD = "--bulk-threshold";

    DumpOptions {
        files = List.copyOf(files);
    }
}
