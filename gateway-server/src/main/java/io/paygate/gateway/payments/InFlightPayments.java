package io.paygate.gateway.payments;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payments this process is sending to a bank right now. Reconciliation leaves them alone, and
 * a graceful shutdown stops admitting new ones and waits for these to finish.
 */
public final class InFlightPayments {
  private final Set<UUID> ids = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * Admits a payment.
   *
   * @return false when the gateway is shutting down: the payment must not be started
   */
  boolean enter(UUID id) {
    ids.add(id);
    // Checked after adding: either close() sees this payment and waits for it, or we see closed.
    if (closed) {
      exit(id);
      return false;
    }
    return true;
  }

  void exit(UUID id) {
    ids.remove(id);
    if (closed) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Whether this payment is being processed by this process. */
  public boolean contains(UUID id) {
    return ids.contains(id);
  }

  /** How many payments this process is processing right now. */
  public int size() {
    return ids.size();
  }

  /** Whether new payments are still admitted. */
  public boolean accepting() {
    return !closed;
  }

  /**
   * Stops admitting payments and waits, at most {@code bound}, for those in flight to finish.
   *
   * @return how many were still in flight when the bound ran out
   */
  public int closeAndDrain(Duration bound) {
    closed = true;
    long end = System.nanoTime() + bound.toNanos();
    synchronized (this) {
      try {
        while (!ids.isEmpty()) {
          long left = end - System.nanoTime();
          if (left <= 0) {
            break;
          }
          wait(Math.max(1, Math.min(50, left / 1_000_000)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ids.size();
  }
}
