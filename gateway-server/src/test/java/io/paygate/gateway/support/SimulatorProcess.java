package io.paygate.gateway.support;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    return start(delay, delay);
  }

  /**
   * Starts the simulator on a free port, delaying payments and operations by {@code delay} and
   * look-ups by {@code lookUpDelay}.
   */
  public static SimulatorProcess start(String delay, String lookUpDelay) throws IOException {
    JavaProcess.Started p = JavaProcess.start("io.paygate.piggy.simulator.PiggyBankSimulatorMain",
        List.of("--host", "127.0.0.1", "--port", "0", "--delay", delay,
            "--lookup-delay", lookUpDelay), Map.of(), LISTENING);
    return new SimulatorProcess(p.process(), p.ready());
  }

  public String baseUrl() {
    return http.baseUrl();
  }

  /** The bank's ledger: one record per payment reference it processed. */
  public List<Map<String, Object>> ledger() {
    return http.get("/payments", null).jsonList();
  }

  /** The bank's operations: one record per capture, void, refund or cancel reference. */
  public List<Map<String, Object>> operations() {
    return http.get("/operations", null).jsonList();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
