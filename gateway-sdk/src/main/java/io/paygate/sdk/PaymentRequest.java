package io.paygate.sdk;

import io.paygate.sdk.internal.Redactor;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A card payment to submit with {@link PaygateClient#submit(PaymentRequest)}.
 *
 * <pre>{@code
 * PaymentRequest request = new PaymentRequest.Builder()
 *     .amount(Money.of("42.50", "EUR"))
 *     .cardNumber("4242 4242 4242 4242")
 *     .cvv("123")
 *     .expiryMonth(12)
 *     .expiryYear(2031)
 *     .cardHolderName("Santa Claus")
 *     .build();
 * }</pre>
 *
 * <p>The gateway checks the card fields; a bad one comes back as an {@link InvalidRequestException}
 * that names it. {@link #toString()} never shows the card number or the CVV.
 *
 * <p><strong>Idempotency.</strong> Each call to {@code submit} is one logical payment: the client
 * generates an {@code Idempotency-Key} for it and sends that same key on every retry, so a retry
 * can never charge twice. To carry a payment across calls (your process restarts, or you retry
 * after a {@link ConnectionFailureException}), set the key yourself, for example your order id, or
 * reuse the one the exception carries: {@code request.newBuilder().idempotencyKey(e.idempotencyKey())}.
 */
public final class PaymentRequest {
  private final Money amount;
  private final String cardNumber;
  private final String cvv;
  private final int expiryMonth;
  private final int expiryYear;
  private final String cardHolderName;
  private final @Nullable String idempotencyKey;

  private PaymentRequest(Builder builder) {
    this.amount = builder.amount;
    this.cardNumber = builder.cardNumber;
    this.cvv = builder.cvv;
    this.expiryMonth = builder.expiryMonth;
    this.expiryYear = builder.expiryYear;
    this.cardHolderName = builder.cardHolderName;
    this.idempotencyKey = builder.idempotencyKey;
  }

  public Money amount() {
    return amount;
  }

  /** The card number as given, possibly with spaces or dashes between digit groups. */
  public String cardNumber() {
    return cardNumber;
  }

  public String cvv() {
    return cvv;
  }

  /** The expiry month, 1 to 12. */
  public int expiryMonth() {
    return expiryMonth;
  }

  /** The expiry year, with two or four digits as given. */
  public int expiryYear() {
    return expiryYear;
  }

  public String cardHolderName() {
    return cardHolderName;
  }

  /** The key given by the caller, or null to have the client generate one per {@code submit}. */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Shows the amount, the last four digits and the key; never the card number or the CVV. */
  @Override public String toString() {
    return "PaymentRequest{amount=" + amount
        + ", card=" + Redactor.maskCardNumber(cardNumber)
        + ", expiry=" + expiryMonth + "/" + expiryYear
        + ", idempotencyKey=" + idempotencyKey
        + "}";
  }

  public static final class Builder {
    private @Nullable Money amount;
    private @Nullable String cardNumber;
    private @Nullable String cvv;
    private int expiryMonth;
    private int expiryYear;
    private @Nullable String cardHolderName;
    private @Nullable String idempotencyKey;

    public Builder() {
    }

    Builder(PaymentRequest request) {
      this.amount = request.amount;
      this.cardNumber = request.cardNumber;
      this.cvv = request.cvv;
      this.expiryMonth = request.expiryMonth;
      this.expiryYear = request.expiryYear;
      this.cardHolderName = request.cardHolderName;
      this.idempotencyKey = request.idempotencyKey;
    }

    /** The amount to charge; must be positive. */
    public Builder amount(Money amount) {
      Objects.requireNonNull(amount, "amount == null");
      if (!amount.isPositive()) throw new IllegalArgumentException("amount must be positive: " + amount);
      this.amount = amount;
      return this;
    }

    public Builder cardNumber(String cardNumber) {
      this.cardNumber = Objects.requireNonNull(cardNumber, "cardNumber == null");
      return this;
    }

    public Builder cvv(String cvv) {
      this.cvv = Objects.requireNonNull(cvv, "cvv == null");
      return this;
    }

    public Builder expiryMonth(int expiryMonth) {
      if (expiryMonth < 1 || expiryMonth > 12) {
        throw new IllegalArgumentException("expiryMonth must be 1..12: " + expiryMonth);
      }
      this.expiryMonth = expiryMonth;
      return this;
    }

    /** The expiry year, with two ({@code 31}) or four ({@code 2031}) digits. */
    public Builder expiryYear(int expiryYear) {
      if (expiryYear < 0 || expiryYear > 9999) {
        throw new IllegalArgumentException("expiryYear must have two or four digits: " + expiryYear);
      }
      this.expiryYear = expiryYear;
      return this;
    }

    public Builder cardHolderName(String cardHolderName) {
      this.cardHolderName = Objects.requireNonNull(cardHolderName, "cardHolderName == null");
      return this;
    }

    /**
     * Sets the {@code Idempotency-Key} of this payment: 1 to 255 printable ASCII characters, unique
     * per payment of the merchant (an order id works). Null, the default, has the client generate a
     * random key for each {@code submit}.
     */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      if (idempotencyKey != null && !isValidIdempotencyKey(idempotencyKey)) {
        throw new IllegalArgumentException(
            "idempotencyKey must be 1 to 255 printable ASCII characters: " + idempotencyKey);
      }
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** @throws IllegalStateException naming the first required field that is missing. */
    public PaymentRequest build() {
      if (amount == null) throw new IllegalStateException("amount required");
      if (cardNumber == null) throw new IllegalStateException("cardNumber required");
      if (cvv == null) throw new IllegalStateException("cvv required");
      if (expiryMonth == 0) throw new IllegalStateException("expiryMonth required");
      if (expiryYear == 0) throw new IllegalStateException("expiryYear required");
      if (cardHolderName == null) throw new IllegalStateException("cardHolderName required");
      return new PaymentRequest(this);
    }
  }

  static boolean isValidIdempotencyKey(String key) {
    if (key.isEmpty() || key.length() > 255) return false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) return false;
    }
    return true;
  }
}
