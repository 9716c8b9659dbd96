package io.dicombq.adapter.out.h2.catalog;

import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

import java.sql.SQLException;

/**
 * Recognises H2 failing to read part of its file (a page it cannot decode): the damage is in the file, not in the
 * statement, and running it again cannot help. H2 opens a file whose own metadata is intact even when pages of one
 * table are not, so the other tables stay readable; only statements that reach the damaged pages fail.
 */
public final class DamagedFile {
    private DamagedFile() {
    }

    /** Whether {@code failure} is H2 reading a damaged part of its file. */
    public static boolean is(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof SQLException sql && sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
                return true;
            }
            if (e instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_FILE_CORRUPT) {
                return true;
            }
            // A general error wraps the store's failure as text only: "…MVStoreException: … [2.3.232/6]".
            if (e instanceof SQLException sql && sql.getErrorCode() == ErrorCode.GENERAL_ERROR_1
                    && String.valueOf(sql.getMessage()).contains("/" + DataUtils.ERROR_FILE_CORRUPT + "]")
                    && String.valueOf(sql.getMessage()).contains("MVStoreException")) {
                return true;
            }
        }
        return false;
    }

    /** H2's own words for the damage, cut to the part a person can use (its messages run to pages). */
    public static String reason(Throwable failure) {
        String text = String.valueOf(failure.getMessage());
        int page = text.indexOf("Unable to read the page at position ");
        if (page >= 0) {
            int end = text.indexOf(',', page);
            return text.substring(page, end < 0 ? Math.min(text.length(), page + 80) : end);
        }
        return Jdbc.firstSentence(text);
    }
}
