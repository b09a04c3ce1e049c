package io.paygate.acquirer.spi;

/**
 * Asks the bank to cancel a payment whose authorisation may or may not have reached it (a technical
 * cancel, as Adyen's): it voids the authorisation if it holds one, and refuses the authorisation if
 * it arrives later. Build it with {@link #builder()}.
 *
 * @since 1.1
 */
public final class CancelRequest extends OperationRequest {
  private CancelRequest(Builder<CancelRequest> b) {
    super(b);
  }

  /** A builder of a cancel request. */
  public static Builder<CancelRequest> builder() {
    return new Builder<>(Operation.CANCEL, CancelRequest::new);
  }
}
