package io.samokoder.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Median and range of a series of measurements. */
record Stats(double median, double min, double max, int count) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** The stats of one field of each sample. */
    static <T> Stats of(List<T> samples, ToDoubleFunction<T> field) {
        List<Double> values = new ArrayList<>(samples.size());
        for (T sample : samples) {
            values.add(field.applyAsDouble(sample));
        }
        return of(values);
    }

    boolean present() {
        return this.count > 0;
    }

    /** "median (min–max)" with a sensible number of decimals. */
    String format() {
        if (!present()) {
            return "–";
        }
        return num(this.median) + " (" + num(this.min) + "–" + num(this.max) + ")";
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f×", v);
    }
}
