package io.paygate.acquirer.spi;

/**
 * A connection to one bank. One instance serves every payment of every merchant mapped to it, so
 * it must be safe to call from many threads at once.
 *
 * <p>Neither method should throw: every failure has a result that says what is known about the
 * payment. The gateway treats a thrown exception or a {@code null} result as
 * {@link AuthorisationResult.Outcome#UNKNOWN}, because it cannot tell whether the bank acted.
 */
public interface Acquirer extends AutoCloseable {

  /**
   * Asks the bank to authorise a payment. The bank must treat
   * {@link AuthorisationRequest#paymentReference()} as an idempotency key: the same reference sent
   * twice is one charge.
   */
  AuthorisationResult authorise(AuthorisationRequest request);

  /**
   * Asks the bank what became of a payment, by the gateway's reference. Used to resolve payments
   * whose outcome is unknown (reconciliation).
   */
  StatusResult status(StatusRequest request);

  /**
   * Where this acquirer sends payments, for operators: the bank's address, such as
   * {@code https://piggybank.example}, without credentials. The gateway shows it at start-up, in
   * {@code GET /ready} and in {@code GET /admin/acquirers}. The default, null, says nothing.
   *
   * @since 1.1
   */
  default String destination() {
    return null;
  }

  /**
   * Whether payments go to a simulator rather than to a bank: a simulator decides by rule and no
   * money moves. The gateway says so plainly wherever it shows this acquirer, so that nobody
   * mistakes a demonstration for production. The default is false.
   *
   * @since 1.1
   */
  default boolean simulator() {
    return false;
  }

  /** Releases connections and threads. Called once when the gateway stops. */
  @Override
  default void close() {}
}
