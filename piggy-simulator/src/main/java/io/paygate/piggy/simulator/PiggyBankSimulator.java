package io.paygate.piggy.simulator;

import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stand-in for the Piggy Bank: an HTTP server with the bank's payment API, for tests,
 * benchmarks and demonstrations.
 *
 * <p>The outcome of a payment is chosen by the last digit of the card number: 0 makes the bank
 * unavailable (503, nothing recorded), an odd digit authorises, 2, 4, 6 and 8 decline for
 * insufficient funds, do not honour, expired card and suspected fraud. Payments are idempotent by
 * reference and kept in memory for the simulator's life (across {@link #stop()} and a new
 * {@link #start}). Card numbers are kept masked; CVVs are never kept.
 *
 * <pre>{@code
 * try (PiggyBankSimulator bank = new PiggyBankSimulator().start("127.0.0.1", 0)) {
 *   String url = bank.baseUrl(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class PiggyBankSimulator implements AutoCloseable {
  /**
   * How long an idle connection stays open. The Piggy Bank plug-in drops idle connections well
   * before this, so it never sends a payment on a connection the bank is closing.
   */
  private static final long IDLE_TIMEOUT_MILLIS = 60_000;

  /** Room for bursts of new connections; the JDK's default backlog of 50 drops them. */
  private static final int ACCEPT_QUEUE_SIZE = 4096;

  private final Duration responseDelay;
  private final Duration lookUpDelay;
  private final PaymentLedger ledger = new PaymentLedger();
  private final OperationDesk desk = new OperationDesk(ledger);
  private Server server;
  private ServerConnector connector;

  /** A simulator that answers at once. */
  public PiggyBankSimulator() {
    this(Duration.ZERO);
  }

  /**
   * A simulator that delays every answer of its payment API by {@code responseDelay}, to play a
   * slow bank. The payment is processed at once; only the answer waits, without holding a thread.
   *
   * @throws IllegalArgumentException when the delay is negative
   */
  public PiggyBankSimulator(Duration responseDelay) {
    this(responseDelay, responseDelay);
  }

  /**
   * A simulator whose payments and operations answer after {@code responseDelay} and whose
   * look-ups ({@code GET /payments/{reference}}, {@code GET /operations/{reference}}) answer after
   * {@code lookUpDelay}: a bank slow to pay but quick to tell, so that a test can make every
   * answer late and still have reconciliation settle it.
   *
   * @throws IllegalArgumentException when a delay is negative
   */
  public PiggyBankSimulator(Duration responseDelay, Duration lookUpDelay) {
    Objects.requireNonNull(responseDelay, "responseDelay == null");
    Objects.requireNonNull(lookUpDelay, "lookUpDelay == null");
    if (responseDelay.isNegative() || lookUpDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    this.responseDelay = responseDelay;
    this.lookUpDelay = lookUpDelay;
  }

  /**
   * Starts listening.
   *
   * @param host the address to bind, such as {@code 127.0.0.1}
   * @param port the port, or 0 for any free port (see {@link #port()})
   * @return this simulator
   * @throws IllegalStateException when it is already started or cannot bind
   */
  public synchronized PiggyBankSimulator start(String host, int port) {
    if (server != null) {
      throw new IllegalStateException("the Piggy Bank simulator is already started");
    }
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("piggy-bank");
    Server newServer = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    // References are the client's: let one hold '/' or '%', sent as %2F and %25 in a look-up's
    // path, which Jetty refuses by default as ambiguous.
    http.setUriCompliance(UriCompliance.DEFAULT.with("piggy-bank",
        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
    ServerConnector newConnector = new ServerConnector(newServer, new HttpConnectionFactory(http));
    newConnector.setHost(host);
    newConnector.setPort(port);
    newConnector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    newConnector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
    newServer.addConnector(newConnector);
    newServer.setHandler(new PiggyBankHandler(ledger, desk, responseDelay, lookUpDelay));
    try {
      newServer.start();
    } catch (Exception e) {
      stopQuietly(newServer);
      throw new IllegalStateException(
          "cannot start the Piggy Bank simulator on " + host + ":" + port, e);
    }
    server = newServer;
    connector = newConnector;
    return this;
  }

  /** The port it listens on. */
  public synchronized int port() {
    requireStarted();
    return connector.getLocalPort();
  }

  /** Its address, such as {@code http://127.0.0.1:9090}, without a trailing slash. */
  public synchronized String baseUrl() {
    requireStarted();
    String host = connector.getHost();
    if (host == null || host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + connector.getLocalPort();
  }

  /** The delay of every payment API answer; zero when it answers at once. */
  public Duration responseDelay() {
    return responseDelay;
  }

  /** Stops listening, dropping answers still waiting for their delay. Does nothing if stopped. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the Piggy Bank simulator", e);
    } finally {
      server = null;
      connector = null;
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("the Piggy Bank simulator is not started");
    }
  }

  private static void stopQuietly(Server s) {
    try {
      s.stop();
    } catch (Exception ignored) {
      // Already failing to start; the start failure is the one to report.
    }
  }

  @Override
  public synchronized String toString() {
    return "PiggyBankSimulator{" + (server == null ? "stopped" : baseUrl())
        + ", delay=" + responseDelay + "}";
  }
}
