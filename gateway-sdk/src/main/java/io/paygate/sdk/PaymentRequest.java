package io.paygate.sdk;

import io.paygate.sdk.internal.Redactor;
import java.util.ArrayList;
import java.util.List;
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
 * <p><strong>Invalid values: one exception, wherever they are caught.</strong> What the builder
 * can check on its own (a missing field, an amount that is not positive, a month outside 1..12, a
 * malformed idempotency key) it refuses at once with an {@link InvalidRequestException} whose
 * {@link InvalidRequestException#fieldErrors() fieldErrors()} name the field by its REST API
 * name ({@code amount}, {@code expirymonth}, {@code Idempotency-Key}), exactly as the gateway names
 * it when it refuses what only it can check (the card number's check digit, an expired card).
 * Such a refusal has {@link PaygateException#httpStatus() httpStatus()} 0: nothing was sent. One
 * {@code catch (InvalidRequestException e)} therefore handles both. A null argument is a
 * programming error, not invalid data, and throws {@code NullPointerException} naming it.
 *
 * <p>{@link #toString()} never shows the CVV, and shows the card number masked as the gateway
 * masks it (first six and last four digits at most).
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

  /** Shows the amount, the masked card number and the key; never the full number or the CVV. */
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

    /**
     * The amount to charge; must be positive.
     *
     * @throws InvalidRequestException naming {@code amount} if it is zero or negative
     */
    public Builder amount(Money amount) {
      Objects.requireNonNull(amount, "amount == null");
      if (!amount.isPositive()) throw refused(AMOUNT, "must be positive: " + amount);
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

    /** @throws InvalidRequestException naming {@code expirymonth} if it is not 1 to 12 */
    public Builder expiryMonth(int expiryMonth) {
      if (expiryMonth < 1 || expiryMonth > 12) {
        throw refused(EXPIRY_MONTH, "must be 1..12: " + expiryMonth);
      }
      this.expiryMonth = expiryMonth;
      return this;
    }

    /**
     * The expiry year, with two ({@code 31}) or four ({@code 2031}) digits.
     *
     * @throws InvalidRequestException naming {@code expiryyear} if it has more than four digits
     */
    public Builder expiryYear(int expiryYear) {
      if (expiryYear < 0 || expiryYear > 9999) {
        throw refused(EXPIRY_YEAR, "must have two or four digits: " + expiryYear);
      }
      this.expiryYear = expiryYear;
      return this;
    }

    public Builder cardHolderName(String cardHolderName) {
      this.cardHolderName = Objects.requireNonNull(cardHolderName, "cardHolderName == null");
      return this;
    }

    /**
     * Sets the {@code Idempotency-Key} of this payment: 1 to 255 printable ASCII characters
     * without spaces, unique per payment of the merchant (an order id works). Null, the default,
     * has the client generate a random key for each {@code submit}.
     *
     * @throws InvalidRequestException naming {@code Idempotency-Key} if the key is malformed, as
     *     the gateway would
     */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      if (idempotencyKey != null && !isValidIdempotencyKey(idempotencyKey)) {
        // The key is not shown: it is the caller's to see, and may be anything.
        throw refused(IDEMPOTENCY_KEY, "must be 1 to 255 printable ASCII characters without spaces");
      }
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * @throws InvalidRequestException naming every required field that is missing, as the
     *     gateway would name them
     */
    public PaymentRequest build() {
      List<FieldError> missing = new ArrayList<>();
      if (cardNumber == null) missing.add(new FieldError(CARD_NUMBER, "is required"));
      if (cvv == null) missing.add(new FieldError(CVV, "is required"));
      if (expiryMonth == 0) missing.add(new FieldError(EXPIRY_MONTH, "is required"));
      if (expiryYear == 0) missing.add(new FieldError(EXPIRY_YEAR, "is required"));
      if (amount == null) missing.add(new FieldError(AMOUNT, "is required"));
      if (cardHolderName == null) missing.add(new FieldError(CARD_HOLDER_NAME, "is required"));
      if (!missing.isEmpty()) throw refused(missing);
      return new PaymentRequest(this);
    }
  }

  // The field names of POST /api/process, as the gateway names them in its field errors.
  static final String CARD_NUMBER = "cardnumber";
  static final String CVV = "cvv";
  static final String EXPIRY_MONTH = "expirymonth";
  static final String EXPIRY_YEAR = "expiryyear";
  static final String AMOUNT = "amount";
  static final String CARD_HOLDER_NAME = "cardholdername";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static InvalidRequestException refused(String field, String message) {
    return refused(List.of(new FieldError(field, message)));
  }

  /** Refused before sending: no status, no request id, no key; the message lists every field. */
  private static InvalidRequestException refused(List<FieldError> errors) {
    StringBuilder message = new StringBuilder("payment request refused before sending: ");
    for (int i = 0; i < errors.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(' ')
          .append(errors.get(i).message());
    }
    return new InvalidRequestException(message.toString(), 0, null, null, errors);
  }

  static boolean isValidIdempotencyKey(String key) {
    if (key.isEmpty() || key.length() > 255) return false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) return false; // as the gateway: printable, no spaces
    }
    return true;
  }
}
