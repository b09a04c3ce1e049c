package io.paygate.gateway.acquirer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling an acquirer that keeps failing. Closed, it lets every call through and counts
 * failures in a row; at {@code threshold} it opens and refuses calls (the payment is certainly not
 * sent, so it fails or goes to the next acquirer); after {@code pause} it lets one probe through
 * (half-open): a success closes it, a failure opens it for another pause.
 *
 * <p>A failure is an answer that proves nothing good about the bank: not processed (unreachable,
 * 503) or unknown (timeout, reset, garbage). A decline is a success: the bank works.
 *
 * <p>Hand-written rather than resilience4j: twenty lines of state under one lock, no dependency,
 * and exactly the states {@code /ready} reports.
 */
public final class CircuitBreaker {
  /** What {@code /ready} shows for an acquirer. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final Duration pause;
  private final Clock clock;
  private State state = State.CLOSED;
  private int failures;
  private Instant openedAt;

  public CircuitBreaker(int threshold, Duration pause, Clock clock) {
    this.threshold = threshold;
    this.pause = pause;
    this.clock = clock;
  }

  /**
   * Whether a call may go to the bank now. In half-open state only the caller that turned it
   * half-open gets through (the probe); it must report with {@link #onSuccess} or
   * {@link #onFailure}.
   */
  public synchronized boolean tryAcquire() {
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (!clock.instant().isBefore(openedAt.plus(pause))) {
          state = State.HALF_OPEN;
          return true;
        }
        return false;
      case HALF_OPEN:
      default:
        return false;
    }
  }

  /** The bank answered: authorised or declined. */
  public synchronized void onSuccess() {
    state = State.CLOSED;
    failures = 0;
  }

  /** The bank was unreachable, unavailable or gave no usable answer. */
  public synchronized void onFailure() {
    failures++;
    if (state == State.HALF_OPEN || failures >= threshold) {
      state = State.OPEN;
      openedAt = clock.instant();
    }
  }

  public synchronized State state() {
    return state;
  }

  /** Failures in a row so far. */
  public synchronized int failures() {
    return failures;
  }

  /** When an open breaker lets its next probe through; null when it is not open. */
  public synchronized Instant nextProbeAt() {
    return state == State.OPEN ? openedAt.plus(pause) : null;
  }
}
