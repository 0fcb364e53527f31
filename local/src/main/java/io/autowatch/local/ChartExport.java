package io.autowatch.local;

import io.autowatch.health.StoredResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The health chart as a PNG, with JFreeChart: daily counts coloured by status, the μ ± 2σ band (yellow) and the
 * μ ± 20% band (light green), each day's bands as the check computed them. The same data as the dashboard's chart.
 */
final class ChartExport {

    static final Map<String, Color> STATUS_COLORS =
            Map.of("HEALTHY", new Color(0x2e7d32), "UNHEALTHY", new Color(0xc62828), "ZERO", new Color(0x1565c0));

    private ChartExport() {}

    static void png(String job, List<StoredResult> points, Path file, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        TimeSeries counts = new TimeSeries("count");
        YIntervalSeries sigma = new YIntervalSeries("μ ± 2σ");
        YIntervalSeries percent = new YIntervalSeries("μ ± 20%");
        for (StoredResult p : points) {
            Day day = new Day(
                    p.day().getDayOfMonth(), p.day().getMonthValue(), p.day().getYear());
            counts.add(day, p.count());
            double x = day.getFirstMillisecond();
            if (p.mean().isPresent()) {
                sigma.add(
                        x,
                        p.mean().get(),
                        Math.max(0, p.sigmaLow().orElseThrow()),
                        p.sigmaHigh().orElseThrow());
                percent.add(
                        x,
                        p.mean().get(),
                        p.percentLow().orElseThrow(),
                        p.percentHigh().orElseThrow());
            }
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new DateAxis("day"));
        NumberAxis range = new NumberAxis("count");
        range.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(range);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));

        TimeSeriesCollection countData = new TimeSeriesCollection(counts);
        XYLineAndShapeRenderer countRenderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return STATUS_COLORS.getOrDefault(points.get(column).status(), Color.GRAY);
            }
        };
        countRenderer.setSeriesStroke(0, new BasicStroke(1f));
        countRenderer.setDefaultLinesVisible(false);
        plot.setDataset(0, countData);
        plot.setRenderer(0, countRenderer);

        plot.setDataset(1, new YIntervalSeriesCollection() {
            {
                addSeries(sigma);
            }
        });
        plot.setRenderer(1, band(new Color(255, 213, 0)));
        plot.setDataset(2, new YIntervalSeriesCollection() {
            {
                addSeries(percent);
            }
        });
        plot.setRenderer(2, band(new Color(129, 199, 132)));

        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        legend.add(new org.jfree.chart.LegendItem("healthy", STATUS_COLORS.get("HEALTHY")));
        legend.add(new org.jfree.chart.LegendItem("unhealthy", STATUS_COLORS.get("UNHEALTHY")));
        legend.add(new org.jfree.chart.LegendItem("zero", STATUS_COLORS.get("ZERO")));
        legend.add(new org.jfree.chart.LegendItem("insufficient history", Color.GRAY));
        legend.add(new org.jfree.chart.LegendItem("μ ± 2σ", new Color(255, 213, 0, 110)));
        legend.add(new org.jfree.chart.LegendItem("μ ± 20%", new Color(129, 199, 132, 110)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(job, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    private static DeviationRenderer band(Color color) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesFillPaint(0, color);
        renderer.setSeriesPaint(0, new Color(color.getRed(), color.getGreen(), color.getBlue(), 0));
        renderer.setAlpha(0.35f);
        return renderer;
    }
}
