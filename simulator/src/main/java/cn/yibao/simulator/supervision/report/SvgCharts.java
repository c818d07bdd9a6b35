package cn.yibao.simulator.supervision.report;

import java.util.List;
import java.util.Locale;

/** Small self-drawn inline SVG charts: no script, no external resource. */
final class SvgCharts {

    private static final int W = 1000;
    private static final int H = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 40;

    private SvgCharts() {
    }

    /**
     * A vertical bar chart.
     *
     * @param highlight per bar, whether to draw it in the warning colour (may be {@code null})
     */
    static String bars(String title, List<String> labels, double[] values, boolean[] highlight, String unit) {
        double max = niceMax(values);
        double slot = (double) (W - LEFT - RIGHT) / values.length;
        StringBuilder sb = frame(title, max, unit);
        for (int i = 0; i < values.length; i++) {
            double h = (H - TOP - BOTTOM) * values[i] / max;
            double x = LEFT + i * slot + slot * 0.15;
            String fill = highlight != null && highlight[i] ? "#d9534f" : "#3b7dd8";
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                    + "<title>%s: %.2f</title></rect>", x, H - BOTTOM - h, slot * 0.7, h, fill,
                    Html.esc(labels.get(i)), values[i]));
            xLabel(sb, labels, i, LEFT + i * slot + slot / 2);
        }
        return sb.append("</svg>").toString();
    }

    /** A line chart with dots, the points spread evenly. */
    static String line(String title, List<String> labels, double[] values, String unit) {
        double max = niceMax(values);
        double slot = (double) (W - LEFT - RIGHT) / values.length;
        StringBuilder sb = frame(title, max, unit);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            double x = LEFT + i * slot + slot / 2;
            double y = H - BOTTOM - (H - TOP - BOTTOM) * values[i] / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#2e7d32\"/>", x, y));
            xLabel(sb, labels, i, x);
        }
        sb.append("<polyline fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim()).append("\"/>");
        return sb.append("</svg>").toString();
    }

    private static StringBuilder frame(String title, double max, String unit) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\""
                + " aria-label=\"%s\">", W, H, Html.esc(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" class=\"t\">%s</text>", LEFT, Html.esc(title)));
        for (int k = 0; k <= 4; k++) {
            double y = H - BOTTOM - (H - TOP - BOTTOM) * k / 4.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"a\" text-anchor=\"end\">%s</text>", LEFT, y, W - RIGHT, y,
                    LEFT - 6, y + 4, axis(max * k / 4.0)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"a\" text-anchor=\"end\">%s</text>",
                W - RIGHT, 22, Html.esc(unit)));
        return sb;
    }

    private static void xLabel(StringBuilder sb, List<String> labels, int i, double x) {
        int every = Math.max(1, labels.size() / 16);
        if (i % every == 0) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"a\" text-anchor=\"middle\">%s</text>",
                    x, H - BOTTOM + 16, Html.esc(labels.get(i))));
        }
    }

    private static String axis(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return a round ceiling above every value (at least 1) */
    static double niceMax(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
