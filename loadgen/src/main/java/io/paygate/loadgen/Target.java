package io.paygate.loadgen;

/** One way to send the workload's requests to a gateway (raw HTTP, or the SDK). */
interface Target extends AutoCloseable {
  /**
   * Sends one request of this kind as this merchant and waits for the answer.
   *
   * @param merchant the merchant (index into the logged-in merchants)
   * @param idempotent whether a payment carries an Idempotency-Key
   * @return whether the answer is the one expected for the kind, and the bank's time when the
   *     gateway told it
   */
  Answer send(RequestKind kind, int merchant, boolean idempotent);

  @Override
  void close();
}
