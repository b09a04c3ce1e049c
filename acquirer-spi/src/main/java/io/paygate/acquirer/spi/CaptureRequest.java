package io.paygate.acquirer.spi;

/**
 * Asks the bank to capture all or part of an authorised payment. Build it with {@link #builder()}.
 *
 * @since 1.1
 */
public final class CaptureRequest extends OperationRequest {
  private CaptureRequest(Builder<CaptureRequest> b) {
    super(b);
  }

  /** A builder of a capture request. */
  public static Builder<CaptureRequest> builder() {
    return new Builder<>(Operation.CAPTURE, CaptureRequest::new);
  }
}
