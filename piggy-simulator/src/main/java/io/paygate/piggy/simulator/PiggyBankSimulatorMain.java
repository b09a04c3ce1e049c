package io.paygate.piggy.simulator;

import io.paygate.acquirer.spi.AcquirerSettings;
import java.time.Duration;

/**
 * Runs the {@link PiggyBankSimulator} as a process of its own, for crash tests and benchmarks:
 * {@code --host 127.0.0.1 --port 9090 --delay 200ms} (each optional; port 0 picks a free one;
 * {@code --lookup-delay} gives look-ups their own delay, by default the same).
 * Prints {@code Piggy Bank simulator listening on <url>} once it listens, and stops on SIGTERM or
 * Ctrl-C.
 */
public final class PiggyBankSimulatorMain {
  private static final String USAGE =
      "usage: PiggyBankSimulatorMain [--host 127.0.0.1] [--port 9090] [--delay 0ms]"
          + " [--lookup-delay <as --delay>]";

  private PiggyBankSimulatorMain() {}

  /** Starts the simulator; the process runs until it is stopped. */
  public static void main(String[] args) {
    String host = "127.0.0.1";
    int port = 9090;
    Duration delay = Duration.ZERO;
    Duration lookUpDelay = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          System.out.println(USAGE);
          return;
        }
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("missing value after " + option);
        }
        String value = args[++i];
        switch (option) {
          case "--host":
            host = value;
            break;
          case "--port":
            port = parsePort(value);
            break;
          case "--delay":
            delay = parseDelay(value);
            break;
          case "--lookup-delay":
            lookUpDelay = parseDelay(value);
            break;
          default:
            throw new IllegalArgumentException("unknown option " + option);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }

    PiggyBankSimulator bank = new PiggyBankSimulator(delay, lookUpDelay == null ? delay : lookUpDelay)
        .start(host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(bank::stop, "piggy-bank-shutdown"));
    // Jetty's threads are not daemons: the process lives on after main returns.
    System.out.println("Piggy Bank simulator listening on " + bank.baseUrl()
        + (delay.isZero() ? "" : " (answers delayed by " + delay.toMillis() + " ms)"));
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException("--port must be 0 to 65535, not '" + value + "'");
  }

  private static Duration parseDelay(String value) {
    Duration delay = AcquirerSettings.parseDuration(value);
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException(
          "--delay must be a duration such as 200ms, 1s or PT0.2S, not '" + value + "'");
    }
    return delay;
  }
}
