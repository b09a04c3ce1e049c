package io.paygate.acquirer.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * A connection to one bank. One instance serves every payment of every merchant mapped to it, so
 * it must be safe to call from many threads at once.
 *
 * <p>No method should throw: every failure has a result that says what is known about the
 * payment. The gateway treats a thrown exception or a {@code null} result as unknown, because it
 * cannot tell whether the bank acted.
 *
 * <p>Since SPI 1.1 a connector may also capture, void, refund and cancel. It says which with
 * {@link #supportedOperations()}; the gateway calls only those, so a connector built for 1.0 keeps
 * working as an authorise-only one.
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
   * The operations this connector supports; always includes {@link Operation#AUTHORISE}. A
   * connector that supports any other must also implement {@link #operationStatus}.
   *
   * @since 1.1
   */
  default Set<Operation> supportedOperations() {
    return EnumSet.of(Operation.AUTHORISE);
  }

  /**
   * Captures all or part of an authorised payment. The bank must treat
   * {@link OperationRequest#operationReference()} as the capture's idempotency key.
   *
   * @since 1.1
   */
  default OperationResult capture(CaptureRequest request) {
    return OperationResult.notProcessed("this acquirer does not capture");
  }

  /**
   * Voids an authorisation of which nothing was captured, idempotent by operation reference.
   *
   * @since 1.1
   */
  default OperationResult voidAuthorisation(VoidRequest request) {
    return OperationResult.notProcessed("this acquirer does not void");
  }

  /**
   * Refunds all or part of what was captured, idempotent by operation reference. The bank must
   * refuse a refund that would take the refunded total past the captured total.
   *
   * @since 1.1
   */
  default OperationResult refund(RefundRequest request) {
    return OperationResult.notProcessed("this acquirer does not refund");
  }

  /**
   * Cancels a payment whose authorisation may or may not have reached the bank, by the payment's
   * reference: the bank voids it if it holds it, and refuses it should it arrive later. The gateway
   * uses it instead of failing a payment whose outcome stays unknowable.
   *
   * @since 1.1
   */
  default OperationResult cancel(CancelRequest request) {
    return OperationResult.notProcessed("this acquirer does not cancel");
  }

  /**
   * Asks the bank what became of an earlier capture, void, refund or cancel, by its operation
   * reference: {@code DONE} or {@code REFUSED} as the bank recorded it, {@code NOT_PROCESSED} when
   * the bank answers that it holds no such operation, {@code UNKNOWN} when the look-up failed.
   *
   * @param request the request that was sent (or one built the same way)
   * @since 1.1
   */
  default OperationResult operationStatus(OperationRequest request) {
    return OperationResult.unknown("this acquirer cannot look operations up");
  }

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
