package io.dicombq.domain.filter;

import java.util.BitSet;

/**
 * The instances a filter file selects (specification 4), answering each question with a few hash look-ups whatever
 * the number of lines. Studies, series and instances are kept in compact key sets: a series is keyed by its
 * study's id and its UID, an instance by its series' id and its UID, so no UID is stored twice.
 * Immutable once built; safe to share between threads.
 */
public final class FilterSelection implements InstanceSelector {
    /** Every study named by any line; the bit set says which ones are selected whole. */
    private final PackedKeySet studies;
    private final BitSet wholeStudies;
    /** Every series named by a series or instance line, keyed by (study id, series UID). */
    private final PackedKeySet series;
    private final BitSet wholeSeries;
    /** Every instance line, keyed by (series id, SOP Instance UID). */
    private final PackedKeySet instances;

    private FilterSelection(Builder builder) {
        this.studies = builder.studies;
        this.wholeStudies = builder.wholeStudies;
        this.series = builder.series;
        this.wholeSeries = builder.wholeSeries;
        this.instances = builder.instances;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean selects(String studyUid, String seriesUid, String sopInstanceUid) {
        int study = studies.find(UidKeys.of(studyUid));
        if (study < 0) {
            return false;
        }
        if (wholeStudies.get(study)) {
            return true;
        }
        int seriesId = series.find(UidKeys.of(study, seriesUid));
        if (seriesId < 0) {
            return false;
        }
        return wholeSeries.get(seriesId) || instances.find(UidKeys.of(seriesId, sopInstanceUid)) >= 0;
    }

    @Override
    public boolean mightSelectStudy(String studyUid) {
        return studies.find(UidKeys.of(studyUid)) >= 0;
    }

    @Override
    public boolean mightSelectSeries(String studyUid, String seriesUid) {
        int study = studies.find(UidKeys.of(studyUid));
        return study >= 0 && (wholeStudies.get(study) || series.find(UidKeys.of(study, seriesUid)) >= 0);
    }

    /** How many distinct studies are selected whole. */
    public int wholeStudyCount() {
        return wholeStudies.cardinality();
    }

    /** How many distinct series are selected whole. */
    public int wholeSeriesCount() {
        return wholeSeries.cardinality();
    }

    /** How many distinct instance lines there are. */
    public int instanceCount() {
        return instances.size();
    }

    /** Collects paths; duplicates and paths inside an already selected study or series are harmless. */
    public static final class Builder {
        private final PackedKeySet studies = new PackedKeySet();
        private final BitSet wholeStudies = new BitSet();
        private final PackedKeySet series = new PackedKeySet();
        private final BitSet wholeSeries = new BitSet();
        private final PackedKeySet instances = new PackedKeySet();
        private boolean built;

        private Builder() {
        }

        public Builder add(FilterPath path) {
            if (built) {
                throw new IllegalStateException("this builder has already built its selection");
            }
            int study = studies.add(UidKeys.of(path.studyUid()));
            if (path instanceof FilterPath.Study) {
                wholeStudies.set(study);
            } else if (path instanceof FilterPath.Series whole) {
                wholeSeries.set(series.add(UidKeys.of(study, whole.seriesUid())));
            } else {
                FilterPath.Instance instance = (FilterPath.Instance) path;
                int seriesId = series.add(UidKeys.of(study, instance.seriesUid()));
                instances.add(UidKeys.of(seriesId, instance.sopInstanceUid()));
            }
            return this;
        }

        /** The selection; the builder cannot be used afterwards, so the selection never changes. */
        public FilterSelection build() {
            built = true;
            return new FilterSelection(this);
        }
    }
}
