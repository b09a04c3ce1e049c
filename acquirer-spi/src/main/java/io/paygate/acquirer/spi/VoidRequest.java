package io.paygate.acquirer.spi;

/**
 * Asks the bank to void (release) an authorisation of which nothing was captured. Build it with {@link #builder()}.
 *
 * @since 1.1
 */
public final class VoidRequest extends OperationRequest {
  private VoidRequest(Builder<VoidRequest> b) {
    super(b);
  }

  /** A builder of a void request. */
  public static Builder<VoidRequest> builder() {
    return new Builder<>(Operation.VOID, VoidRequest::new);
  }
}
