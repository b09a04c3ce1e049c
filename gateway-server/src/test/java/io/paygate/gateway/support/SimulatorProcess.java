package io.paygate.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Piggy Bank simulator as a process of its own, so that its ledger outlives a gateway killed
 * with SIGKILL: the record to compare the gateway's with.
 */
public final class SimulatorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final Http http;

  private SimulatorProcess(Process process, String baseUrl) {
    this.process = process;
    this.http = new Http(baseUrl);
  }

  /** Starts the simulator on a free port, delaying every answer by {@code delay} (e.g. 20ms). */
  public static SimulatorProcess start(String delay) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "io.paygate.piggy.simulator.PiggyBankSimulatorMain",
        "--host", "127.0.0.1", "--port", "0", "--delay", delay);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            url.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
      url.completeExceptionally(new IllegalStateException("the simulator exited before listening"));
    }, "simulator-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new SimulatorProcess(p, url.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IOException("the simulator did not start", e);
    }
  }

  public String baseUrl() {
    return http.baseUrl();
  }

  /** The bank's ledger: one record per payment reference it processed. */
  public List<Map<String, Object>> ledger() {
    return http.get("/payments", null).jsonList();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
