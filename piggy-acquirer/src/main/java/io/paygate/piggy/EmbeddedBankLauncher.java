package io.paygate.piggy;

import java.time.Duration;

/**
 * Starts a Piggy Bank inside this process, for demonstrations and tests: what
 * {@code simulator=true} asks for. The connector holds no bank of its own; the
 * {@code piggy-simulator} jar implements this interface and registers it in
 * {@code META-INF/services/io.paygate.piggy.EmbeddedBankLauncher}, and the connector looks it up
 * with {@link java.util.ServiceLoader} only when a simulator was asked for. A gateway without that
 * jar on its class path therefore cannot reach a simulator at all.
 */
public interface EmbeddedBankLauncher {

  /**
   * Starts a bank on 127.0.0.1 and a free port.
   *
   * @param responseDelay how long the bank delays every answer; zero for none
   * @return the running bank, to be closed when the acquirer closes
   * @throws IllegalStateException when it cannot start
   */
  EmbeddedBank start(Duration responseDelay);

  /** A bank started by {@link #start}. */
  interface EmbeddedBank extends AutoCloseable {
    /** Its address, such as {@code http://127.0.0.1:41234}, without a trailing slash. */
    String baseUrl();

    /** Stops it. Does nothing when already stopped. */
    @Override
    void close();
  }
}
