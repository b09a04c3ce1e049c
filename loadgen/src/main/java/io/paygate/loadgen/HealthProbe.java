package io.paygate.loadgen;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.HdrHistogram.Histogram;

/**
 * Asks {@code /health} every {@code periodMillis} while the load runs, on its own thread, and keeps
 * the latencies apart from the workload's: shows whether the load starves other callers. A failed
 * probe counts as an hour.
 */
final class HealthProbe {
  private static final long FAILED_MICROS = 3_600_000_000L;

  private final OkHttpClient http;
  private final Request request;
  private final long periodMillis;
  private final Histogram histogram = new Histogram(FAILED_MICROS, 3);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "health-probe");
    t.setDaemon(true);
    return t;
  });

  HealthProbe(OkHttpClient http, String baseUrl, long periodMillis) {
    this.http = http;
    this.request = new Request.Builder().url(baseUrl + "/health").build();
    this.periodMillis = periodMillis;
  }

  void start() {
    // Fixed delay, not fixed rate: a slow probe is not followed by a burst of catch-up probes.
    scheduler.scheduleWithFixedDelay(this::probeOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void probeOnce() {
    long t0 = System.nanoTime();
    long micros;
    try (Response r = http.newCall(request).execute()) {
      micros = r.isSuccessful() ? (System.nanoTime() - t0) / 1000 : FAILED_MICROS;
    } catch (IOException e) {
      micros = FAILED_MICROS;
    }
    synchronized (histogram) {
      histogram.recordValue(Math.min(micros, FAILED_MICROS));
    }
  }

  Summary.Percentiles stop() throws InterruptedException {
    scheduler.shutdownNow();
    scheduler.awaitTermination(30, TimeUnit.SECONDS);
    synchronized (histogram) {
      return Summary.Percentiles.of(histogram);
    }
  }
}
