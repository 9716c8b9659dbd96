package io.dicombq.domain.flatten;

import java.util.Objects;

/**
 * What a row holds besides the instance's elements: the layout, and the store's resource name for the
 * {@code SourceDicomStore} column ({@code includeSourceStore}), null when that column is not wanted.
 */
public record FlattenOptions(Layout layout, String sourceStore) {
    public FlattenOptions {
        Objects.requireNonNull(layout, "layout");
        if (sourceStore != null && sourceStore.isBlank()) {
            throw new IllegalArgumentException("the source store name for SourceDicomStore is blank");
        }
    }

    public static FlattenOptions flattened() {
        return new FlattenOptions(Layout.FLATTENED, null);
    }

    public static FlattenOptions json() {
        return new FlattenOptions(Layout.JSON, null);
    }

    /** The same options with a {@code SourceDicomStore} column holding {@code storeName}. */
    public FlattenOptions withSourceStore(String storeName) {
        return new FlattenOptions(layout, Objects.requireNonNull(storeName, "storeName"));
    }

    public boolean includeSourceStore() {
        return sourceStore != null;
    }
}
