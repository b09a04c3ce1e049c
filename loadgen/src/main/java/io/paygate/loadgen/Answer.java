package io.paygate.loadgen;

/**
 * What one request of the workload got back.
 *
 * @param error null when the answer is the one expected for the kind, or the kind of error
 * @param bankNanos the time the gateway says its banks had the request (the sum of the {@code
 *     bank} entries of its {@code Server-Timing} header), or {@link #NO_BANK_TIME}
 */
record Answer(String error, long bankNanos) {
  /** The answer did not say how long a bank had it (no bank reached, or not told). */
  static final long NO_BANK_TIME = -1;

  /** An answer without a bank time. */
  static Answer of(String error) {
    return new Answer(error, NO_BANK_TIME);
  }

  boolean hasBankTime() {
    return bankNanos != NO_BANK_TIME;
  }
}
