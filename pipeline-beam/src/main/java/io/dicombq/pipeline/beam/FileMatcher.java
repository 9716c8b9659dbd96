package io.dicombq.pipeline.beam;

import io.dicombq.domain.dicom.FileSetNames;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches a {@link FilePattern} with Beam's FileSystems (the local file system, GCS for gs://, any other registered
 * one): the files it names, without directories and without DICOMDIR files (PS3.10 8.6), as a folder store lists.
 * Every way it can fail says what to do: an unknown scheme, a gs:// pattern without Google Cloud credentials, a
 * listing the file system refused, a pattern that matches nothing.
 */
final class FileMatcher {
    private FileMatcher() {
    }

    static List<MatchResult.Metadata> match(FilePattern pattern, PipelineOptions options) {
        resource(pattern);
        if (pattern.scheme().equals("gs")) {
            requireCredentials(pattern, options);
        }
        MatchResult result;
        try {
            result = FileSystems.match(pattern.spec(), EmptyMatchTreatment.ALLOW);
        } catch (IOException e) {
            throw new DicombqException(Code.UNAVAILABLE, "cannot list " + pattern.source() + ": " + e.getMessage()
                    + "; check that it exists and that this pipeline may read it");
        }
        List<MatchResult.Metadata> files = new ArrayList<>();
        try {
            for (MatchResult.Metadata file : result.metadata()) {
                ResourceId id = file.resourceId();
                if (!id.isDirectory() && !FileSetNames.isDicomDir(id.getFilename() == null ? "" : id.getFilename())) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new DicombqException(Code.UNAVAILABLE, "cannot list " + pattern.source() + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new DicombqException(Code.NOT_FOUND, "no file matches " + pattern.source() + " (matched as "
                    + pattern.spec() + "; * and ? stay within a folder, ** crosses folders): check the pattern");
        }
        return files;
    }

    /** The pattern as the file system of its scheme sees it (Beam's GCS file system for gs://). */
    static ResourceId resource(FilePattern pattern) {
        try {
            return FileSystems.matchNewResource(pattern.spec(), false);
        } catch (IllegalArgumentException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "cannot read " + pattern.source() + ": " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().startsWith("No filesystem found")
                    ? "; Beam reads local paths and gs:// (Google Cloud Storage) here" : ""));
        }
    }

    /** GCS is read with the pipeline's Google Cloud credentials; without any, every request would be refused. */
    private static void requireCredentials(FilePattern pattern, PipelineOptions options) {
        GcpOptions gcp = options.as(GcpOptions.class);
        if (NoopCredentialFactory.class.equals(gcp.getCredentialFactoryClass())) {
            throw new DicombqException(Code.UNAUTHENTICATED, pattern.source() + " is read through Beam's GCS file system"
                    + " with Google Cloud credentials, and this pipeline runs without any (a --bigquery-endpoint"
                    + " destination sends none): export gs:// files into real BigQuery, or copy them to a local folder");
        }
        if (gcp.getGcpCredential() == null) {
            throw new DicombqException(Code.UNAUTHENTICATED, pattern.source() + " is read through Beam's GCS file system"
                    + " with Google Cloud credentials, and none were found: set up Application Default Credentials"
                    + " (gcloud auth application-default login, or GOOGLE_APPLICATION_CREDENTIALS naming a service"
                    + " account key) with read access to the bucket");
        }
    }
}
