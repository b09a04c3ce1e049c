package io.paygate.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as a separate operating-system process, as an operator runs it: for tests that kill
 * it with SIGKILL. Its output goes to a log file in the data folder.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

  private final Process process;
  private final int port;

  private GatewayProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the gateway with the test class path and these PAYGATE_* variables. */
  public static GatewayProcess start(Path dataDir, Map<String, String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "io.paygate.gateway.GatewayMain");
    pb.environment().put("PAYGATE_PORT", "0");
    pb.environment().put("PAYGATE_HOST", "127.0.0.1");
    pb.environment().put("PAYGATE_DATA_DIR", dataDir.toString());
    pb.environment().put("PAYGATE_OPERATOR_KEY", TestGateway.OPERATOR_KEY);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("the gateway exited before listening"));
    }, "gateway-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new GatewayProcess(p, port.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IOException("the gateway did not start", e);
    }
  }

  public Http http() {
    return new Http("http://127.0.0.1:" + port);
  }

  /** SIGTERM: the shutdown hook runs (a graceful stop). */
  public void terminate() {
    process.destroy();
  }

  /**
   * Waits for the process to exit.
   *
   * @return its exit code, or null when it is still running after {@code seconds}
   */
  public Integer awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
