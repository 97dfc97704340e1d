package dev.takedown.bench.intake;

import java.util.Arrays;

/** Mean and Student-t 95 % confidence interval of a few repeated runs. */
final class Stats {

    /** Two-sided 97.5 % quantiles of Student's t for 1..10 degrees of freedom. */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    private Stats() {}

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** Half the width of the 95 % interval of the mean; NaN for fewer than two values. */
    static double halfWidth95(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double variance =
                Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double t = n - 1 <= T_975.length ? T_975[n - 2] : 1.96;
        return t * Math.sqrt(variance / n);
    }
}
