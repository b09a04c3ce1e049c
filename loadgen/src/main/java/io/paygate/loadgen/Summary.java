package io.paygate.loadgen;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of a finished run, and their renderings for the terminal and for a JSON file.
 *
 * @param gatewayAdded the latency minus the bank's time, of the answers that told it ({@code
 *     Server-Timing}); null when none did
 * @param health the {@code /health} probe's latency; null when there was no probe
 * @param cpuMicrosPerRequest this JVM's CPU time per request over the measured window; 0 if unknown
 */
record Summary(String target, double seconds, long requests, long errors,
    Map<String, Long> sentByKind, Map<String, Long> errorsByKind, Percentiles latency,
    Percentiles gatewayAdded, Percentiles health, double cpuMicrosPerRequest) {

  /** Latency percentiles in milliseconds. */
  record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {
    static Percentiles of(Histogram h) {
      return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)),
          ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
          ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    /** The percentiles, or null when nothing was recorded. */
    static Percentiles ofAnyRecorded(Histogram h) {
      return h.getTotalCount() == 0 ? null : of(h);
    }

    private static double ms(long micros) {
      return micros / 1000.0;
    }

    String text() {
      return String.format(Locale.ROOT, "p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms",
          p50, p90, p99, p999, max);
    }

    String json() {
      return String.format(Locale.ROOT,
          "{\"count\":%d,\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"p999\":%.3f,\"max\":%.3f}",
          count, p50, p90, p99, p999, max);
    }
  }

  double throughput() {
    return seconds <= 0 ? 0 : requests / seconds;
  }

  String text() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %,d requests in %.1f s = %,.0f req/s, %,d errors%n",
        target, requests, seconds, throughput(), errors));
    if (cpuMicrosPerRequest > 0) {
      b.append(String.format(Locale.ROOT, "client CPU:      %.1f us per request%n", cpuMicrosPerRequest));
    }
    b.append("latency (ms):    ").append(latency.text()).append('\n');
    if (gatewayAdded != null) {
      b.append(String.format(Locale.ROOT, "gateway-added:   %s  (%,d answers with a bank time)%n",
          gatewayAdded.text(), gatewayAdded.count()));
    }
    b.append("sent by kind:    ").append(sentByKind).append('\n');
    if (!errorsByKind.isEmpty()) {
      b.append("errors by kind:\n");
      errorsByKind.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %,10d  %s%n", v, k)));
    }
    if (health != null) {
      b.append("/health (ms):    ").append(health.text()).append('\n');
    }
    return b.toString();
  }

  String json() {
    StringBuilder b = new StringBuilder("{");
    b.append("\"target\":\"").append(target).append('"');
    b.append(String.format(Locale.ROOT, ",\"seconds\":%.3f,\"requests\":%d,\"throughput\":%.1f,"
        + "\"errors\":%d,\"clientCpuUsPerRequest\":%.1f", seconds, requests, throughput(), errors,
        cpuMicrosPerRequest));
    b.append(",\"sentByKind\":").append(jsonMap(sentByKind));
    b.append(",\"errorsByKind\":").append(jsonMap(errorsByKind));
    b.append(",\"latencyMs\":").append(latency.json());
    if (gatewayAdded != null) {
      b.append(",\"gatewayAddedMs\":").append(gatewayAdded.json());
    }
    if (health != null) {
      b.append(",\"healthMs\":").append(health.json());
    }
    return b.append("}\n").toString();
  }

  private static String jsonMap(Map<String, Long> m) {
    StringBuilder b = new StringBuilder("{");
    m.forEach((k, v) -> b.append(b.length() == 1 ? "" : ",")
        .append('"').append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(v));
    return b.append('}').toString();
  }
}
