package io.paygate.loadgen;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One progress report of a run, for the terminal and as a CSV row: the figures so far. The
 * gateway-added figures appear once an answer told its bank's time ({@code Server-Timing}); until
 * then they are left out of the terminal line and empty in the CSV row.
 */
record ProgressLine(double elapsedSeconds, long requests, double intervalRate, long errors,
    Histogram latency, Histogram gatewayAdded) {
  static final String CSV_HEADER = "elapsed_s,requests,interval_rate,errors,p50_ms,p99_ms,max_ms,"
      + "gateway_added_p50_ms,gateway_added_p99_ms,gateway_added_max_ms\n";

  String text() {
    String added = gatewayAdded.getTotalCount() == 0 ? ""
        : String.format(Locale.ROOT, "   gateway-added p50 %7.3f ms  p99 %7.3f ms",
            ms(gatewayAdded, 50), ms(gatewayAdded, 99));
    return String.format(Locale.ROOT,
        "%6.1f s %,10.0f req/s %,12d errors   p50 %8.3f ms  p99 %8.3f ms%s%n", elapsedSeconds,
        intervalRate, errors, ms(latency, 50), ms(latency, 99), added);
  }

  String csv() {
    return String.format(Locale.ROOT, "%.3f,%d,%.1f,%d,%s,%s%n", elapsedSeconds, requests,
        intervalRate, errors, csvFigures(latency), csvFigures(gatewayAdded));
  }

  /** p50, p99 and max, or three empty cells when nothing was recorded. */
  private static String csvFigures(Histogram h) {
    return h.getTotalCount() == 0 ? ",," : String.format(Locale.ROOT, "%.3f,%.3f,%.3f",
        ms(h, 50), ms(h, 99), h.getMaxValue() / 1000.0);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1000.0;
  }
}
