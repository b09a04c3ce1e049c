package io.paygate.loadgen;

import java.io.IOException;
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
  private final OkHttpClient http;
  private final String url;
  private final long periodMillis;
  private final Histogram histogram = new Histogram(3_600_000_000L, 3);
  private volatile boolean stopped;
  private Thread thread;

  HealthProbe(OkHttpClient http, String baseUrl, long periodMillis) {
    this.http = http;
    this.url = baseUrl + "/health";
    this.periodMillis = periodMillis;
  }

  void start() {
    thread = new Thread(this::probe, "health-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void probe() {
    Request request = new Request.Builder().url(url).build();
    while (!stopped) {
      long t0 = System.nanoTime();
      long micros;
      try (Response r = http.newCall(request).execute()) {
        micros = r.isSuccessful() ? (System.nanoTime() - t0) / 1000 : 3_600_000_000L;
      } catch (IOException e) {
        micros = 3_600_000_000L;
      }
      synchronized (histogram) {
        histogram.recordValue(Math.min(micros, 3_600_000_000L));
      }
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  Summary.Percentiles stop() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join();
    synchronized (histogram) {
      return Summary.Percentiles.of(histogram);
    }
  }
}
