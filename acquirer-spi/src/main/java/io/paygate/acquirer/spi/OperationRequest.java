package io.paygate.acquirer.spi;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every operation on an existing payment carries: its own reference, the payment's, the
 * amount and a deadline. The operations are {@link CaptureRequest}, {@link VoidRequest},
 * {@link RefundRequest} and {@link CancelRequest}, each built with its own {@code builder()}; a
 * look-up of an earlier operation ({@link Acquirer#operationStatus}) takes the request that was
 * sent.
 *
 * @since 1.1
 */
public abstract class OperationRequest {
  private final Operation operation;
  private final String operationReference;
  private final String paymentReference;
  private final String merchantId;
  private final long amountMinor;
  private final Currency currency;
  private final Instant deadline;

  OperationRequest(Builder<?> b) {
    this.operation = b.operation;
    this.operationReference = b.operationReference;
    this.paymentReference = b.paymentReference;
    this.merchantId = b.merchantId;
    this.amountMinor = b.amountMinor;
    this.currency = b.currency;
    this.deadline = b.deadline;
  }

  /** Which operation this is. */
  public final Operation operation() {
    return operation;
  }

  /**
   * The gateway's reference of this operation, unique and stable across retries: send it to the
   * bank as the operation's idempotency key (two partial refunds of one payment have two
   * references; a retry of one refund has the same).
   */
  public final String operationReference() {
    return operationReference;
  }

  /** The reference the payment was authorised with ({@link AuthorisationRequest#paymentReference}). */
  public final String paymentReference() {
    return paymentReference;
  }

  /** The gateway's identifier of the merchant. */
  public final String merchantId() {
    return merchantId;
  }

  /**
   * The amount in minor units: what to capture or refund; for a void or a cancel, the amount of
   * the authorisation it releases.
   */
  public final long amountMinor() {
    return amountMinor;
  }

  public final Currency currency() {
    return currency;
  }

  /** When the gateway stops waiting; an answer after it is ignored and the operation looked up. */
  public final Instant deadline() {
    return deadline;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{reference=" + operationReference + ", payment="
        + paymentReference + ", merchant=" + merchantId + ", amount=" + amountMinor + " "
        + currency.getCurrencyCode() + "}";
  }

  /**
   * Builds one kind of operation request; every field is required.
   *
   * @param <R> the request it builds
   */
  public static final class Builder<R extends OperationRequest> {
    private final Operation operation;
    private final Function<Builder<R>, R> factory;
    private String operationReference;
    private String paymentReference;
    private String merchantId;
    private long amountMinor;
    private Currency currency;
    private Instant deadline;

    Builder(Operation operation, Function<Builder<R>, R> factory) {
      this.operation = operation;
      this.factory = factory;
    }

    public Builder<R> operationReference(String operationReference) {
      this.operationReference =
          Objects.requireNonNull(operationReference, "operationReference == null");
      return this;
    }

    public Builder<R> paymentReference(String paymentReference) {
      this.paymentReference = Objects.requireNonNull(paymentReference, "paymentReference == null");
      return this;
    }

    public Builder<R> merchantId(String merchantId) {
      this.merchantId = Objects.requireNonNull(merchantId, "merchantId == null");
      return this;
    }

    public Builder<R> amount(long amountMinor, Currency currency) {
      if (amountMinor <= 0) {
        throw new IllegalArgumentException("amountMinor <= 0");
      }
      this.amountMinor = amountMinor;
      this.currency = Objects.requireNonNull(currency, "currency == null");
      return this;
    }

    public Builder<R> deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline == null");
      return this;
    }

    public R build() {
      if (operationReference == null) throw new IllegalStateException("operationReference required");
      if (paymentReference == null) throw new IllegalStateException("paymentReference required");
      if (merchantId == null) throw new IllegalStateException("merchantId required");
      if (currency == null) throw new IllegalStateException("amount required");
      if (deadline == null) throw new IllegalStateException("deadline required");
      return factory.apply(this);
    }
  }
}
