package io.paygate.gateway.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The gateway as a separate operating-system process, as an operator runs it: for tests that kill
 * it with SIGKILL or SIGTERM. Its output goes to the test's output and to {@link #output()}.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

  private final Process process;
  private final int port;
  private final List<String> output;

  private GatewayProcess(Process process, int port, List<String> output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /**
   * Starts the gateway with the test class path and these PAYGATE_* variables, asking for the
   * embedded Piggy Bank simulator unless they give Piggy Bank a base URL.
   */
  public static GatewayProcess start(Path dataDir, Map<String, String> env) throws IOException {
    Map<String, String> all = new HashMap<>(Map.of(
        "PAYGATE_PORT", "0",
        "PAYGATE_HOST", "127.0.0.1",
        "PAYGATE_DATA_DIR", dataDir.toString(),
        "PAYGATE_OPERATOR_KEY", TestGateway.OPERATOR_KEY));
    // Tests push one merchant far past a real merchant's 100 requests a second.
    all.put("PAYGATE_RATE_LIMIT_MERCHANT_READS_PER_SECOND", "1000000");
    all.put("PAYGATE_RATE_LIMIT_MERCHANT_WRITES_PER_SECOND", "1000000");
    if (!PiggyBank.hasBaseUrl(env)) {
      all.put(PiggyBank.SIMULATOR_VARIABLE, "true");
    }
    all.putAll(env);
    JavaProcess.Started p = JavaProcess.start("io.paygate.gateway.GatewayMain", List.of(), all,
        LISTENING);
    return new GatewayProcess(p.process(), Integer.parseInt(p.ready()), p.output());
  }

  /** Every line the process printed so far (standard output and error), growing while it runs. */
  public List<String> output() {
    return output;
  }

  public Http http() {
    return new Http("http://127.0.0.1:" + port);
  }

  /**
   * SIGTERM: the shutdown hook runs (a graceful stop). Sent through the process handle:
   * {@code Process.destroy()} would also close our end of its output, losing what it prints
   * while it stops.
   */
  public void terminate() {
    process.toHandle().destroy();
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
