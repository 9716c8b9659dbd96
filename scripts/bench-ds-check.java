import io.dicombq.domain.dicom.NumberStrings;
import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;

/** Issue 17: the DS check of DicomJsonWriter, before (a backtracking regular expression) and after (NumberStrings), on a run of digits that fails at its end. */
public class DsCheckBench {
    static final Pattern OLD = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    public static void main(String[] args) {
        var threads = ManagementFactory.getThreadMXBean();
        int[] sizes = {3_000, 10_000, 30_000, 65_000, 1 << 20};
        for (int i = 0; i < 200; i++) NumberStrings.isDecimal("1".repeat(1000) + " x");
        for (int size : sizes) {
            String value = "1".repeat(size - 2) + " x";
            long best = Long.MAX_VALUE;
            for (int r = 0; r < 5; r++) {
                long t = threads.getCurrentThreadCpuTime();
                NumberStrings.isDecimal(value);
                best = Math.min(best, threads.getCurrentThreadCpuTime() - t);
            }
            String old = "-";
            if (size <= 65_000) {
                long t = threads.getCurrentThreadCpuTime();
                OLD.matcher(value).matches();
                old = String.format("%.1f ms", (threads.getCurrentThreadCpuTime() - t) / 1e6);
            }
            System.out.printf("%,d chars: NumberStrings %.3f ms, old regex %s%n", size, best / 1e6, old);
        }
    }
}
