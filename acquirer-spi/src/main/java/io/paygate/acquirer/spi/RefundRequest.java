package io.paygate.acquirer.spi;

/**
 * Asks the bank to refund all or part of what was captured; several partial refunds of one payment each have
 * their own reference. Build it with {@link #builder()}.
 *
 * @since 1.1
 */
public final class RefundRequest extends OperationRequest {
  private RefundRequest(Builder<RefundRequest> b) {
    super(b);
  }

  /** A builder of a refund request. */
  public static Builder<RefundRequest> builder() {
    return new Builder<>(Operation.REFUND, RefundRequest::new);
  }
}
