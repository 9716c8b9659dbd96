package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.out.FilterFileSource;
import io.dicombq.domain.filter.FilterUri;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Filter files on this machine: {@code file://…} URLs or plain paths ({@link FilterUri}); {@code gs://} cannot be read offline. */
public final class LocalFilterFiles implements FilterFileSource {

    @Override
    public InputStream open(String uri) {
        Path path = pathOf(uri);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw invalid(uri, "no such file " + path.toAbsolutePath());
        } catch (IOException e) {
            throw invalid(uri, e.toString());
        }
    }

    private static Path pathOf(String uri) {
        FilterUri parsed = FilterUri.parse(uri);
        if (parsed instanceof FilterUri.LocalFile file) {
            return file.path();
        }
        throw invalid(uri, "Cloud Storage is not reachable from the embedded warehouse; copy the file here and"
                + " pass its path or a file:// URL");
    }

    private static DicombqException invalid(String uri, String why) {
        return new DicombqException(Code.INVALID_ARGUMENT, "Filter file '" + uri + "' (filterConfig.resourcePathsGcsUri)"
                + " could not be read: " + why);
    }
}
