import java.util.Arrays;

/** Percentiles, milliseconds and the report lines of {@link RuntimeBench}'s modes. */
final class BenchNumbers {
    private BenchNumbers() {
    }

    static long pct(long[] sorted, int percentile) {
        long[] copy = sorted.clone();
        Arrays.sort(copy);
        return copy[Math.min(copy.length - 1, (int) Math.ceil(percentile / 100.0 * copy.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static void report(String what, long[] samples) {
        System.out.printf("%-70s n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, samples.length,
                ms(pct(samples, 50)), ms(pct(samples, 90)), ms(pct(samples, 99)), ms(pct(samples, 100)));
    }

    static void reportRatios(String what, long[] numerators, long[] denominators) {
        double[] sorted = new double[numerators.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (double) numerators[i] / denominators[i];
        }
        Arrays.sort(sorted);
        System.out.printf("%s, median of %d runs %.2f× (min %.2f×, max %.2f×)%n", what, sorted.length,
                sorted[(sorted.length - 1) / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
