package io.dicombq.domain.filter;

/**
 * Which instances an export takes (specification 4). Stores may use the coarser questions to prune whole
 * studies or series before reading them.
 */
public interface InstanceSelector {

    /** Whether this instance is selected. */
    boolean selects(String studyUid, String seriesUid, String sopInstanceUid);

    /** Whether any instance of this study may be selected. */
    boolean mightSelectStudy(String studyUid);

    /** Whether any instance of this series may be selected. */
    boolean mightSelectSeries(String studyUid, String seriesUid);

    /** The selector of an export without a filter file: everything. */
    static InstanceSelector all() {
        return AllInstances.INSTANCE;
    }
}
