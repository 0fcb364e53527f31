package io.autowatch.healthcheck.view;

import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.Wording;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;

/**
 * A job's counts as an SVG line chart: the count each day (a line, and a dot coloured by status), and the range the
 * policy that judged the day would not have alerted on (a band, never below zero), with adaptive's expected count as a
 * dashed line. The band is each day's own, computed from that day's history, so a change of policy shows.
 */
final class JobChart {

    static final String HEALTHY = "#2e7d32";
    static final String UNHEALTHY = "#c62828";
    static final String ZERO = "#1565c0";
    static final String OTHER = "#9e9e9e";
    static final String BAND = "#b39ddb";
    static final String EXPECTED = "#5e35b1";
    static final String COUNT = "#424242";

    private JobChart() {}

    /** The range of whole counts that would not have alerted, never below zero; empty when there is none. */
    static Optional<long[]> quiet(StoredResult r) {
        if (r.expectation().isPresent() && !r.expectation().get().excluded()) {
            return Optional.of(new long[] {
                Math.max(0, r.expectation().get().low()), r.expectation().get().high()
            });
        }
        if (r.mean().isPresent() && r.sigmaLow().isPresent() && r.percentLow().isPresent()) {
            // classic alerts outside both bands: what it leaves quiet is the wider of the two, on each side.
            double low = Math.min(r.sigmaLow().get(), r.percentLow().get());
            double high = Math.max(r.sigmaHigh().orElse(low), r.percentHigh().orElse(low));
            return Optional.of(new long[] {(long) Math.max(0, Math.ceil(low)), (long) Math.max(0, Math.floor(high))});
        }
        return Optional.empty();
    }

    static Optional<String> range(StoredResult r) {
        return quiet(r).map(q -> Wording.count(q[0]) + " to " + Wording.count(q[1]));
    }

    static String svg(List<StoredResult> points, int width, int height) {
        int left = 56;
        int right = 16;
        int top = 10;
        int bottom = 28;
        double max = 1;
        for (StoredResult p : points) {
            max = Math.max(max, p.count());
            Optional<long[]> q = quiet(p);
            if (q.isPresent()) {
                max = Math.max(max, q.get()[1]);
            }
        }
        // Round gridlines (0, 20,000, 40,000, 60,000), and room above the highest point.
        double tick = niceStep(max * 1.05 / 3);
        max = tick * Math.ceil(max * 1.05 / tick);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        int n = points.size();
        double step = n > 1 ? plotW / (n - 1) : 0;
        final double top0 = top;
        final double scale = plotH / max;
        IntFunction<Double> x = i -> left + (n > 1 ? i * step : plotW / 2);
        DoubleUnaryOperator y = v -> top0 + plotH - v * scale;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\">");
        // Axes and horizontal grid lines at round counts, labelled for people.
        for (int g = 0; g * tick <= max + tick / 2; g++) {
            double v = g * tick;
            double gy = y.applyAsDouble(v);
            svg.append("<line x1=\"").append(left).append("\" x2=\"").append(width - right);
            svg.append("\" y1=\"").append(f(gy)).append("\" y2=\"").append(f(gy));
            svg.append("\" stroke=\"#e0e0e0\"/><text x=\"")
                    .append(left - 6)
                    .append("\" y=\"")
                    .append(f(gy + 4));
            svg.append("\" text-anchor=\"end\" font-size=\"11\">")
                    .append(Wording.count(Math.round(v)))
                    .append("</text>");
        }
        for (int i : n > 2 ? new int[] {0, n / 2, n - 1} : new int[] {0, n - 1}) {
            if (i >= 0 && i < n) {
                // The first date starts at its point and the last ends at it, so neither is cut off.
                String anchor = i == 0 && n > 1 ? "start" : i == n - 1 && n > 1 ? "end" : "middle";
                svg.append("<text x=\"").append(f(x.apply(i))).append("\" y=\"").append(height - 8);
                svg.append("\" text-anchor=\"")
                        .append(anchor)
                        .append("\" font-size=\"11\">")
                        .append(points.get(i).day())
                        .append("</text>");
            }
        }
        // The quiet band, one polygon per run of days that have one.
        int i = 0;
        while (i < n) {
            if (quiet(points.get(i)).isEmpty()) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && quiet(points.get(i)).isPresent()) {
                i++;
            }
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            for (int k = start; k < i; k++) {
                long[] q = quiet(points.get(k)).get();
                upper.append(f(x.apply(k)))
                        .append(',')
                        .append(f(y.applyAsDouble(q[1])))
                        .append(' ');
            }
            for (int k = i - 1; k >= start; k--) {
                long[] q = quiet(points.get(k)).get();
                lower.append(f(x.apply(k)))
                        .append(',')
                        .append(f(y.applyAsDouble(q[0])))
                        .append(' ');
            }
            svg.append("<polygon points=\"")
                    .append(upper)
                    .append(lower)
                    .append("\" fill=\"")
                    .append(BAND)
                    .append("\" fill-opacity=\"0.45\" stroke=\"none\"/>");
        }
        // Adaptive's expected count, dashed.
        StringBuilder expected = new StringBuilder();
        for (int k = 0; k < n; k++) {
            StoredResult p = points.get(k);
            if (p.expectation().isPresent() && !p.expectation().get().excluded()) {
                expected.append(f(x.apply(k)))
                        .append(',')
                        .append(f(y.applyAsDouble(p.expectation().get().expected())))
                        .append(' ');
            }
        }
        if (!expected.isEmpty()) {
            svg.append("<polyline points=\"")
                    .append(expected)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(EXPECTED);
            svg.append("\" stroke-width=\"1.5\" stroke-dasharray=\"5,4\"/>");
        }
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < n; k++) {
            line.append(f(x.apply(k)))
                    .append(',')
                    .append(f(y.applyAsDouble(points.get(k).count())))
                    .append(' ');
        }
        svg.append("<polyline points=\"")
                .append(line)
                .append("\" fill=\"none\" stroke=\"")
                .append(COUNT);
        svg.append("\" stroke-width=\"1.5\"/>");
        for (int k = 0; k < n; k++) {
            StoredResult p = points.get(k);
            svg.append("<circle cx=\"").append(f(x.apply(k))).append("\" cy=\"").append(f(y.applyAsDouble(p.count())));
            svg.append("\" r=\"")
                    .append(p.alerted() ? "4" : "2.5")
                    .append("\" fill=\"")
                    .append(colour(p));
            svg.append("\"><title>")
                    .append(p.day())
                    .append(": ")
                    .append(Wording.count(p.count()))
                    .append(' ');
            svg.append(Html.text(p.status())).append("</title></circle>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** The legend, naming the policy or policies that judged these days. */
    static String legend(List<StoredResult> points) {
        List<String> policies =
                points.stream().flatMap(p -> p.policy().stream()).distinct().toList();
        boolean adaptive = points.stream().anyMatch(p -> p.expectation().isPresent());
        StringBuilder html = new StringBuilder("<p class=\"legend\">");
        html.append(swatch(COUNT, "count")).append(swatch(HEALTHY, "healthy")).append(swatch(UNHEALTHY, "unhealthy"));
        html.append(swatch(ZERO, "zero")).append(swatch(OTHER, "too little history or failed"));
        html.append(swatch(BAND, "range that would not alert, by the policy that judged the day"));
        if (adaptive) {
            html.append(swatch(EXPECTED, "expected count (adaptive)"));
        }
        html.append("</p><p>Judged by ")
                .append(policies.isEmpty() ? "no policy yet" : Html.text(String.join(" and ", policies)))
                .append("; large dots alerted.</p>");
        return html.toString();
    }

    private static String swatch(String colour, String label) {
        return "<span><i class=\"sw\" style=\"background:" + colour + "\"></i>" + label + "</span>";
    }

    private static String colour(StoredResult p) {
        return switch (p.status()) {
            case "HEALTHY" -> HEALTHY;
            case "UNHEALTHY" -> UNHEALTHY;
            case "ZERO" -> ZERO;
            default -> OTHER;
        };
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The round step (1, 2, 2.5 or 5 times a power of ten, at least 1) nearest above {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 1)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
