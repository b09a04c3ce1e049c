package io.paygate.gateway.acquirer;

import io.paygate.acquirer.spi.AuthorisationResult;

/**
 * What one authorisation attempt gave, and how long the bank had it: the time inside the
 * connector's {@code authorise}, or, when the connector threw or did not answer in time, the time
 * the gateway waited for it. Nothing was sent (circuit open, too many calls in flight) when
 * {@link #reachedBank()} is false.
 *
 * @param bankNanos nanoseconds at the bank, or {@link #NOT_SENT}
 */
public record TimedAuthorisation(AuthorisationResult result, long bankNanos) {
  /** The {@code bankNanos} of an attempt that never called the connector. */
  public static final long NOT_SENT = -1;

  /** A result reached without calling the connector. */
  static TimedAuthorisation notSent(AuthorisationResult result) {
    return new TimedAuthorisation(result, NOT_SENT);
  }

  /** Whether the connector was called, so that {@link #bankNanos} is a real duration. */
  public boolean reachedBank() {
    return bankNanos != NOT_SENT;
  }
}
