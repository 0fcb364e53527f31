package io.autowatch.local.dashboard;

import io.autowatch.healthcheck.StoredResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The health chart as a PNG, with JFreeChart: daily counts coloured by status and, for each day, what the policy
 * that judged it drew: classic's μ ± 2σ band (yellow) and μ ± 20% band (light green), or adaptive's expected count
 * (a purple line) and the range that would not have alerted (light purple). The same data as the dashboard's chart
 * ({@link DashboardData}); the legend and the subtitle name the policies.
 */
public final class ChartExport {

    static final Map<String, Color> STATUS_COLORS =
            Map.of("HEALTHY", new Color(0x2e7d32), "UNHEALTHY", new Color(0xc62828), "ZERO", new Color(0x1565c0));
    static final Color SIGMA = new Color(255, 213, 0);
    static final Color PERCENT = new Color(129, 199, 132);
    static final Color EXPECTED = new Color(0x6a1b9a);

    /** Dataset indexes in the plot. */
    public static final int COUNTS = 0;

    public static final int SIGMA_BAND = 1;
    public static final int PERCENT_BAND = 2;
    public static final int EXPECTED_RANGE = 3;

    private ChartExport() {}

    public static void png(String job, List<StoredResult> points, Path file, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ChartUtils.saveChartAsPNG(file.toFile(), chart(job, points), width, height);
    }

    public static JFreeChart chart(String job, List<StoredResult> points) {
        TimeSeries counts = new TimeSeries("count");
        for (StoredResult p : points) {
            counts.add(day(p), p.count());
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new DateAxis("day"));
        NumberAxis range = new NumberAxis("count");
        range.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(range);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));

        // A grey line through the days, and a dot on each day in its status's colour.
        XYLineAndShapeRenderer countRenderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemFillPaint(int row, int column) {
                return STATUS_COLORS.getOrDefault(points.get(column).status(), Color.GRAY);
            }
        };
        countRenderer.setSeriesPaint(0, new Color(0x555555));
        countRenderer.setSeriesStroke(0, new BasicStroke(1.2f));
        countRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
        countRenderer.setUseFillPaint(true);
        countRenderer.setDrawOutlines(false);
        plot.setDataset(COUNTS, new TimeSeriesCollection(counts));
        plot.setRenderer(COUNTS, countRenderer);

        List<List<StoredResult>> classicRuns = runs(points, DashboardData::classicBands);
        List<List<StoredResult>> adaptiveRuns =
                runs(points, p -> DashboardData.expectation(p).isPresent());
        plot.setDataset(SIGMA_BAND, bands(classicRuns, p -> new double[] {
            p.mean().orElseThrow(),
            Math.max(0, p.sigmaLow().orElseThrow()),
            p.sigmaHigh().orElseThrow()
        }));
        plot.setRenderer(SIGMA_BAND, band(SIGMA, false, classicRuns.size()));
        plot.setDataset(PERCENT_BAND, bands(classicRuns, p -> new double[] {
            p.mean().orElseThrow(),
            Math.max(0, p.percentLow().orElseThrow()),
            p.percentHigh().orElseThrow()
        }));
        plot.setRenderer(PERCENT_BAND, band(PERCENT, false, classicRuns.size()));
        plot.setDataset(EXPECTED_RANGE, bands(adaptiveRuns, p -> {
            StoredResult.Expected e = DashboardData.expectation(p).orElseThrow();
            return new double[] {e.expected(), e.low(), e.high()};
        }));
        plot.setRenderer(EXPECTED_RANGE, band(EXPECTED, true, adaptiveRuns.size()));

        List<String> policies = DashboardData.policies(points);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("healthy", STATUS_COLORS.get("HEALTHY")));
        legend.add(new LegendItem("unhealthy", STATUS_COLORS.get("UNHEALTHY")));
        legend.add(new LegendItem("zero", STATUS_COLORS.get("ZERO")));
        legend.add(new LegendItem("insufficient history", Color.GRAY));
        if (policies.contains("classic")) {
            // The bands' widths are each job's settings; the legend names them, not the defaults' numbers.
            legend.add(new LegendItem("classic: μ ± kσ (its sigmas)", translucent(SIGMA)));
            legend.add(new LegendItem("classic: μ ± p% (its percent)", translucent(PERCENT)));
        }
        if (policies.contains("adaptive")) {
            legend.add(new LegendItem("adaptive: expected", EXPECTED));
            legend.add(new LegendItem("adaptive: range without an alert", translucent(EXPECTED)));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(job, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        if (!policies.isEmpty()) {
            chart.addSubtitle(new TextTitle("judged by " + String.join(" and ", policies)));
        }
        return chart;
    }

    /**
     * The maximal runs of consecutive days that {@code draws}: each run is its own series, so that a band stops
     * where another policy took over (or a day had nothing to draw) instead of being joined across the gap.
     */
    private static List<List<StoredResult>> runs(List<StoredResult> points, Predicate<StoredResult> draws) {
        List<List<StoredResult>> runs = new ArrayList<>();
        List<StoredResult> current = null;
        StoredResult previous = null;
        for (StoredResult p : points) {
            boolean adjacent = previous != null && previous.day().plusDays(1).equals(p.day());
            if (draws.test(p)) {
                if (current == null || !adjacent) {
                    current = new ArrayList<>();
                    runs.add(current);
                }
                current.add(p);
            } else {
                current = null;
            }
            previous = p;
        }
        return runs;
    }

    /** One series per run; {@code values} gives the line, the band's low and its high. */
    private static YIntervalSeriesCollection bands(
            List<List<StoredResult>> runs, Function<StoredResult, double[]> values) {
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        for (int i = 0; i < runs.size(); i++) {
            YIntervalSeries series = new YIntervalSeries("run " + i);
            for (StoredResult p : runs.get(i)) {
                double[] v = values.apply(p);
                series.add(day(p).getFirstMillisecond(), v[0], v[1], v[2]);
            }
            collection.addSeries(series);
        }
        return collection;
    }

    /** A filled band; {@code line} also draws its middle (the expected count) as a dashed line. */
    private static DeviationRenderer band(Color color, boolean line, int series) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        Color stroke = line ? color : new Color(color.getRed(), color.getGreen(), color.getBlue(), 0);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesPaint(i, stroke);
            if (line) {
                renderer.setSeriesStroke(
                        i,
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5, 3}, 0));
            }
        }
        renderer.setAlpha(line ? 0.15f : 0.35f);
        return renderer;
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
    }

    private static Day day(StoredResult p) {
        return new Day(p.day().getDayOfMonth(), p.day().getMonthValue(), p.day().getYear());
    }
}
