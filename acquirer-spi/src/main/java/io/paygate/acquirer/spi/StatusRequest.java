package io.paygate.acquirer.spi;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/** A look-up of an earlier authorisation by the gateway's payment reference. */
public final class StatusRequest {
  private final String paymentReference;
  private final String merchantId;
  private final long amountMinor;
  private final Currency currency;
  private final Instant deadline;

  /**
   * @param paymentReference the reference sent with the authorisation
   * @param merchantId the merchant the payment belongs to
   * @param amountMinor the amount the gateway asked for, for connectors whose bank needs it
   * @param currency the currency the gateway asked for
   * @param deadline when the gateway stops waiting
   */
  public StatusRequest(
      String paymentReference, String merchantId, long amountMinor, Currency currency,
      Instant deadline) {
    this.paymentReference = Objects.requireNonNull(paymentReference, "paymentReference == null");
    this.merchantId = Objects.requireNonNull(merchantId, "merchantId == null");
    this.amountMinor = amountMinor;
    this.currency = Objects.requireNonNull(currency, "currency == null");
    this.deadline = Objects.requireNonNull(deadline, "deadline == null");
  }

  public String paymentReference() {
    return paymentReference;
  }

  public String merchantId() {
    return merchantId;
  }

  public long amountMinor() {
    return amountMinor;
  }

  public Currency currency() {
    return currency;
  }

  public Instant deadline() {
    return deadline;
  }

  @Override
  public String toString() {
    return "StatusRequest{reference=" + paymentReference + ", merchant=" + merchantId + "}";
  }
}
