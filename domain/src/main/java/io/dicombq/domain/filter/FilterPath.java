package io.dicombq.domain.filter;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.Objects;

/**
 * One line of a filter file (specification 4): a whole study, a whole series or one instance, named by DICOMweb-style
 * path {@code /studies/S[/series/R[/instances/I]]}.
 */
public sealed interface FilterPath {

    String studyUid();

    /** The path as written in a filter file. */
    String path();

    /** {@code /studies/S}: every instance of the study. */
    record Study(String studyUid) implements FilterPath {
        public Study {
            checkUid("study", studyUid);
        }

        @Override
        public String path() {
            return "/studies/" + studyUid;
        }
    }

    /** {@code /studies/S/series/R}: every instance of the series. */
    record Series(String studyUid, String seriesUid) implements FilterPath {
        public Series {
            checkUid("study", studyUid);
            checkUid("series", seriesUid);
        }

        @Override
        public String path() {
            return "/studies/" + studyUid + "/series/" + seriesUid;
        }
    }

    /** {@code /studies/S/series/R/instances/I}: one instance. */
    record Instance(String studyUid, String seriesUid, String sopInstanceUid) implements FilterPath {
        public Instance {
            checkUid("study", studyUid);
            checkUid("series", seriesUid);
            checkUid("instance", sopInstanceUid);
        }

        @Override
        public String path() {
            return "/studies/" + studyUid + "/series/" + seriesUid + "/instances/" + sopInstanceUid;
        }
    }

    String SHAPES = "/studies/STUDY_UID, /studies/STUDY_UID/series/SERIES_UID or"
            + " /studies/STUDY_UID/series/SERIES_UID/instances/INSTANCE_UID";

    /**
     * Reads one path (no surrounding white space).
     *
     * @throws DicombqException INVALID_ARGUMENT saying which part of the path is wrong
     */
    static FilterPath parse(String path) {
        if (!path.startsWith("/")) {
            throw invalid(path, "it does not start with '/'");
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length != 2 && parts.length != 4 && parts.length != 6) {
            throw invalid(path, "it has " + parts.length + " segments after the leading '/', where 2, 4 or 6 are expected");
        }
        String[] keywords = {"studies", "series", "instances"};
        for (int i = 0; i < parts.length; i += 2) {
            if (!parts[i].equals(keywords[i / 2])) {
                throw invalid(path, "segment " + (i + 1) + " is '" + parts[i] + "' where '" + keywords[i / 2]
                        + "' is expected");
            }
        }
        return switch (parts.length) {
            case 2 -> new Study(parts[1]);
            case 4 -> new Series(parts[1], parts[3]);
            default -> new Instance(parts[1], parts[3], parts[5]);
        };
    }

    private static void checkUid(String level, String uid) {
        Objects.requireNonNull(uid, level + " UID");
        String problem = UidSyntax.problem(uid);
        if (problem != null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "the " + level + " UID '" + uid + "' " + problem + "; "
                    + UidSyntax.RULE);
        }
    }

    private static DicombqException invalid(String path, String problem) {
        String shown = path.length() > 300 ? path.substring(0, 300) + "…" : path;
        return new DicombqException(Code.INVALID_ARGUMENT, "'" + shown + "' is not a filter path: " + problem
                + "; a line is " + SHAPES);
    }
}
