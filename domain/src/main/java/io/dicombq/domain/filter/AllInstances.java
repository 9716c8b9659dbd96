package io.dicombq.domain.filter;

/** Selects every instance: an export without a filter file. */
enum AllInstances implements InstanceSelector {
    INSTANCE;

    @Override
    public boolean selects(String studyUid, String seriesUid, String sopInstanceUid) {
        return true;
    }

    @Override
    public boolean mightSelectStudy(String studyUid) {
        return true;
    }

    @Override
    public boolean mightSelectSeries(String studyUid, String seriesUid) {
        return true;
    }
}
