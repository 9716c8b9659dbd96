package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates instances for the property tests from a seed: standard elements of every VR (sometimes with
 * a VR that contradicts the dictionary, sometimes as UN bytes), private elements and sequences, unknown
 * public tags whose VR changes from item to item, empty values, invalid values and deep nesting.
 */
final class RandomInstances {
    private static final Vr[] VRS = Vr.values();

    private final Random random;
    private final List<DictionaryEntry> entries;

    RandomInstances(long seed) {
        this.random = new Random(seed);
        this.entries = DataDictionary.standard().entries().stream()
                .filter(entry -> !entry.vrs().isEmpty() && !entry.tag().isGroupLength())
                .toList();
    }

    DicomInstance next() {
        DicomDataset meta = DicomDataset.of(
                new DataElement(new Tag(0x00020001), Vr.OB, new Value.Bytes(new byte[]{0, 1}, false)),
                new DataElement(new Tag(0x00020010), Vr.UI, Value.Text.of("1.2.840.10008.1.2.1")));
        return new DicomInstance("random", meta, dataset(0), 0);
    }

    private DicomDataset dataset(int depth) {
        int count = depth == 0 ? 20 + random.nextInt(40) : random.nextInt(6);
        List<DataElement> elements = new ArrayList<>(count);
        if (depth < 18 && random.nextInt(depth == 0 ? 1 : 3) == 0) {
            elements.add(sequence(new Tag(0x0040A730), depth, 1 + random.nextInt(2)));
        }
        for (int i = 0; i < count; i++) {
            elements.add(element(depth));
        }
        return DicomDataset.of(elements);
    }

    private DataElement element(int depth) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            DictionaryEntry entry = entries.get(random.nextInt(entries.size()));
            Vr vr = entry.vrs().get(random.nextInt(entry.vrs().size()));
            Tag tag = entry.tag();
            if (vr == Vr.SQ) {
                return depth < 4 ? sequence(tag, depth, random.nextInt(3)) : element(depth);
            }
            if (random.nextInt(20) == 0) {
                vr = randomScalarVr();
            }
            if (random.nextInt(25) == 0 && vr.kind() != Vr.Kind.BINARY) {
                return new DataElement(tag, Vr.UN, new Value.Bytes(unBytes(vr), false));
            }
            return new DataElement(tag, vr, value(vr));
        }
        if (kind < 8) {
            Tag tag = Tag.of(0x0009 + 2 * random.nextInt(3), 0x1000 + random.nextInt(16));
            if (random.nextInt(6) == 0 && depth < 4) {
                return sequence(tag, depth, random.nextInt(3));
            }
            Vr vr = randomScalarVr();
            return new DataElement(tag, vr, value(vr));
        }
        if (kind == 8) {
            Tag creator = Tag.of(0x0009 + 2 * random.nextInt(3), 0x0010);
            return new DataElement(creator, Vr.LO, Value.Text.of("CREATOR " + random.nextInt(3)));
        }
        // an unknown public tag: its VR is whatever the file says, so items and instances disagree
        Tag tag = Tag.of(0x0006, 1 + random.nextInt(3));
        if (random.nextInt(4) == 0 && depth < 4) {
            return sequence(tag, depth, 1);
        }
        Vr vr = randomScalarVr();
        return new DataElement(tag, vr, value(vr));
    }

    private Vr randomScalarVr() {
        Vr vr;
        do {
            vr = VRS[random.nextInt(VRS.length)];
        } while (vr == Vr.SQ);
        return vr;
    }

    private DataElement sequence(Tag tag, int depth, int items) {
        List<DicomDataset> list = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            list.add(dataset(depth + 1));
        }
        return new DataElement(tag, Vr.SQ, new Value.Items(list));
    }

    private Value value(Vr vr) {
        int count = random.nextInt(8) == 0 ? 0 : 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        if (!vr.isMultiValued() && count > 1) {
            count = 1;
        }
        return switch (vr.kind()) {
            case TEXT -> {
                List<String> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(text(vr));
                }
                yield new Value.Text(values);
            }
            case INTEGER -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = switch (vr) {
                        case US -> random.nextInt(65536);
                        case SS -> (short) random.nextInt();
                        case UL, AT -> Integer.toUnsignedLong(random.nextInt());
                        case SL -> random.nextInt();
                        default -> random.nextLong();
                    };
                }
                yield new Value.Ints(values);
            }
            case FLOAT -> {
                double[] values = new double[count];
                for (int i = 0; i < count; i++) {
                    values[i] = vr == Vr.FL ? (double) (float) (random.nextGaussian() * 100) : random.nextGaussian() * 1e6;
                }
                yield new Value.Floats(values);
            }
            case BINARY -> random.nextInt(10) == 0 ? new Value.Bulk(1000, 4096)
                    : new Value.Bytes(count == 0 ? new byte[0] : randomBytes(), false);
            case SEQUENCE -> throw new IllegalStateException("sequences are built by sequence()");
        };
    }

    private String text(Vr vr) {
        boolean invalid = random.nextInt(10) == 0;
        return switch (vr) {
            case DA -> invalid ? "2023-02-30" : String.format("%04d%02d%02d", 1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28));
            case TM -> invalid ? "25" : String.format("%02d%02d%02d.%d", random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
            case DT -> invalid ? "20231301" : String.format("%04d%02d%02d%02d%02d+0%d00", 1950 + random.nextInt(70),
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(9));
            case DS -> invalid ? "abc" : Double.toString(random.nextGaussian());
            case IS -> invalid ? "1.5" : Integer.toString(random.nextInt());
            case UI -> "1.2." + random.nextInt(100000);
            case PN -> invalid ? "a^b^c^d^e^f" : "Family" + random.nextInt(9) + "^Given=山田^太郎";
            case CS -> random.nextInt(6) == 0 ? "" : "CODE_" + random.nextInt(10);
            default -> "text é " + random.nextInt(1000);
        };
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[2 * (1 + random.nextInt(4))];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] unBytes(Vr vr) {
        if (vr.kind() == Vr.Kind.TEXT) {
            String text = random.nextInt(3) == 0 ? "non-ASCII é" : text(vr);
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return bytes.length % 2 == 0 ? bytes : java.util.Arrays.copyOf(bytes, bytes.length + 1);
        }
        return randomBytes();
    }
}
