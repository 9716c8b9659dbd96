package io.dicombq.domain.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** An immutable data set: its elements in ascending tag order (PS3.5 7.1), looked up by tag in O(log n). */
public final class DicomDataset implements Iterable<DataElement> {
    private static final DicomDataset EMPTY = new DicomDataset(new DataElement[0]);

    private final DataElement[] elements;
    private final int[] tags;

    private DicomDataset(DataElement[] sortedElements) {
        this.elements = sortedElements;
        this.tags = new int[sortedElements.length];
        for (int i = 0; i < sortedElements.length; i++) {
            tags[i] = sortedElements[i].tag().value();
        }
    }

    public static DicomDataset empty() {
        return EMPTY;
    }

    /** Builds a data set; elements may come in any order, and a later element with the same tag wins. */
    public static DicomDataset of(List<DataElement> elements) {
        DataElement[] array = elements.toArray(new DataElement[0]);
        if (strictlyAscending(array)) {
            return new DicomDataset(array); // as a reader gives them (PS3.5 7.1): nothing to sort, no tag twice
        }
        Arrays.sort(array, Comparator.comparing(DataElement::tag));
        List<DataElement> unique = new ArrayList<>(array.length);
        for (DataElement element : array) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).tag().equals(element.tag())) {
                unique.set(unique.size() - 1, element);
            } else {
                unique.add(element);
            }
        }
        return new DicomDataset(unique.toArray(new DataElement[0]));
    }

    private static boolean strictlyAscending(DataElement[] elements) {
        for (int i = 1; i < elements.length; i++) {
            if (Integer.compareUnsigned(elements[i - 1].tag().value(), elements[i].tag().value()) >= 0) {
                return false;
            }
        }
        return true;
    }

    public static DicomDataset of(DataElement... elements) {
        return of(Arrays.asList(elements));
    }

    public int size() {
        return elements.length;
    }

    public boolean isEmpty() {
        return elements.length == 0;
    }

    public DataElement get(Tag tag) {
        int index = indexOf(tag.value());
        return index >= 0 ? elements[index] : null;
    }

    public boolean contains(Tag tag) {
        return indexOf(tag.value()) >= 0;
    }

    /** The first text value of the element, or null when it is absent or empty. */
    public String text(Tag tag) {
        DataElement element = get(tag);
        return element == null ? null : element.firstText();
    }

    public List<DataElement> elements() {
        return Collections.unmodifiableList(Arrays.asList(elements));
    }

    @Override
    public Iterator<DataElement> iterator() {
        return elements().iterator();
    }

    private int indexOf(int tag) {
        int low = 0;
        int high = tags.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(tags[mid], tag);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DicomDataset that && Arrays.equals(elements, that.elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return "DicomDataset" + Arrays.toString(elements);
    }
}
