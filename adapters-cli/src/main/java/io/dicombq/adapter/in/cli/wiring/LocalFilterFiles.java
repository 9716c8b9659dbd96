package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.out.FilterFileSource;
import io.dicombq.domain.filter.FilterUri;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.InputStreamReader;

/** Filter files on this machine: {@code file://…} URLs or plain paths ({@link FilterUri}); {@code gs://} cannot be read offline. */
public final class LocalFilterFiles implements FilterFileSource {

    @Override
    public BufferedReader open(String uri) {
        Path path = pathOf(uri);
        try {
            // specification 4: filter files are UTF-8; malformed bytes are an error, not silently replaced.
            return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
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
