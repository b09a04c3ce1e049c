package io.paygate.gateway.http;

import io.paygate.gateway.payments.BankTime;
import java.util.List;

/**
 * The {@code Server-Timing} header (W3C Server Timing) of a payment answer: one {@code bank}
 * entry per acquirer the request reached, in the order of the attempts, with the time at that
 * bank in milliseconds and the acquirer's name as description, e.g. {@code
 * bank;dur=12.345;desc="PiggyBank"}. A client that wants the bank's share of the latency adds up
 * the {@code bank} entries; the rest of the total is the gateway's (and the network's).
 */
public final class ServerTiming {
  public static final String HEADER = "Server-Timing";

  private ServerTiming() {}

  /** The header's value, or null when no bank was reached (then the header is left out). */
  public static String of(List<BankTime> bankTimes) {
    if (bankTimes.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (BankTime t : bankTimes) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append("bank;dur=");
      appendMillis(b, t.nanos());
      b.append(";desc=").append(quoted(t.acquirer()));
    }
    return b.toString();
  }

  /**
   * Milliseconds with three decimals, rounded half up, as {@code %.3f} wrote them: by integer
   * arithmetic, since {@code String.format} was 2% of a payment's CPU samples (BENCHMARKS.md).
   */
  static void appendMillis(StringBuilder b, long nanos) {
    long micros = (Math.max(nanos, 0) + 500) / 1_000;
    long fraction = micros % 1_000;
    b.append(micros / 1_000).append('.');
    if (fraction < 100) {
      b.append(fraction < 10 ? "00" : "0");
    }
    b.append(fraction);
  }

  /** An RFC 9110 quoted-string. */
  private static String quoted(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
