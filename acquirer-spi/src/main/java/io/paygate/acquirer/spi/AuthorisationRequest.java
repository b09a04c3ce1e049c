package io.paygate.acquirer.spi;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * One request to authorise a card payment. Build it with {@link #builder()}.
 *
 * <p>{@link #toString()} never shows card data.
 */
public final class AuthorisationRequest {
  private final String paymentReference;
  private final String merchantId;
  private final String merchantName;
  private final Card card;
  private final long amountMinor;
  private final Currency currency;
  private final Instant deadline;

  private AuthorisationRequest(Builder b) {
    this.paymentReference = b.paymentReference;
    this.merchantId = b.merchantId;
    this.merchantName = b.merchantName;
    this.card = b.card;
    this.amountMinor = b.amountMinor;
    this.currency = b.currency;
    this.deadline = b.deadline;
  }

  /**
   * The gateway's reference of this payment, unique and stable across retries: send it to the
   * bank as its idempotency key and use it to look the payment up later.
   */
  public String paymentReference() {
    return paymentReference;
  }

  /** The gateway's identifier of the merchant. */
  public String merchantId() {
    return merchantId;
  }

  /** The merchant's display name. */
  public String merchantName() {
    return merchantName;
  }

  public Card card() {
    return card;
  }

  /** The amount in the currency's minor unit: 4250 for 42.50 EUR, 4250 for 4250 JPY. */
  public long amountMinor() {
    return amountMinor;
  }

  public Currency currency() {
    return currency;
  }

  /**
   * When the gateway stops waiting. A connector should bound its own calls by it; an answer after
   * it is ignored and the payment is reconciled instead.
   */
  public Instant deadline() {
    return deadline;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "AuthorisationRequest{reference=" + paymentReference + ", merchant=" + merchantId
        + ", amount=" + amountMinor + " " + currency.getCurrencyCode() + ", card=" + card + "}";
  }

  /** Builds an {@link AuthorisationRequest}; every field is required. */
  public static final class Builder {
    private String paymentReference;
    private String merchantId;
    private String merchantName;
    private Card card;
    private long amountMinor;
    private Currency currency;
    private Instant deadline;

    private Builder() {}

    public Builder paymentReference(String paymentReference) {
      this.paymentReference = Objects.requireNonNull(paymentReference, "paymentReference == null");
      return this;
    }

    public Builder merchantId(String merchantId) {
      this.merchantId = Objects.requireNonNull(merchantId, "merchantId == null");
      return this;
    }

    public Builder merchantName(String merchantName) {
      this.merchantName = Objects.requireNonNull(merchantName, "merchantName == null");
      return this;
    }

    public Builder card(Card card) {
      this.card = Objects.requireNonNull(card, "card == null");
      return this;
    }

    public Builder amount(long amountMinor, Currency currency) {
      if (amountMinor <= 0) {
        throw new IllegalArgumentException("amountMinor <= 0");
      }
      this.amountMinor = amountMinor;
      this.currency = Objects.requireNonNull(currency, "currency == null");
      return this;
    }

    public Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline == null");
      return this;
    }

    public AuthorisationRequest build() {
      if (paymentReference == null) throw new IllegalStateException("paymentReference required");
      if (merchantId == null) throw new IllegalStateException("merchantId required");
      if (merchantName == null) merchantName = merchantId;
      if (card == null) throw new IllegalStateException("card required");
      if (currency == null) throw new IllegalStateException("amount required");
      if (deadline == null) throw new IllegalStateException("deadline required");
      return new AuthorisationRequest(this);
    }
  }
}
