package io.paygate.gateway.validation;

import io.paygate.gateway.core.Money;
import java.util.Objects;

/**
 * A payment request that passed {@link PaymentRequestValidator}: every field present, well formed,
 * and normalised. Immutable; only the validator makes one.
 *
 * <p>It holds the full card number and the CVV, because the acquirer needs them: never store or
 * log those two. {@link #toString()} is safe to log: it shows the masked card number, the expiry
 * and the amount, never the CVV, and not the card holder's name either.
 */
public final class ValidatedPayment {
  private final String cardNumber;
  private final String cvv;
  private final int expiryMonth;
  private final int expiryYear;
  private final String cardHolderName;
  private final Money amount;

  ValidatedPayment(String cardNumber, String cvv, int expiryMonth, int expiryYear,
      String cardHolderName, Money amount) {
    this.cardNumber = Objects.requireNonNull(cardNumber, "cardNumber == null");
    this.cvv = Objects.requireNonNull(cvv, "cvv == null");
    this.expiryMonth = expiryMonth;
    this.expiryYear = expiryYear;
    this.cardHolderName = Objects.requireNonNull(cardHolderName, "cardHolderName == null");
    this.amount = Objects.requireNonNull(amount, "amount == null");
  }

  /** The card number, digits only (12 to 19, Luhn-valid). Never store or log it. */
  public String cardNumber() {
    return cardNumber;
  }

  /** The card number as it may be stored and shown: {@code 424242******4242}. */
  public String maskedCardNumber() {
    return CardNumbers.mask(cardNumber);
  }

  /** The CVV, 3 or 4 digits. Never store or log it. */
  public String cvv() {
    return cvv;
  }

  /** 1 to 12. */
  public int expiryMonth() {
    return expiryMonth;
  }

  /** Four digits ({@code 2031}, also when the client sent {@code 31}). */
  public int expiryYear() {
    return expiryYear;
  }

  /** Trimmed, 1 to 100 characters, no control characters. */
  public String cardHolderName() {
    return cardHolderName;
  }

  /** Positive, exact in the currency's minor unit, at most the validator's maximum. */
  public Money amount() {
    return amount;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ValidatedPayment)) {
      return false;
    }
    ValidatedPayment that = (ValidatedPayment) o;
    return cardNumber.equals(that.cardNumber) && cvv.equals(that.cvv)
        && expiryMonth == that.expiryMonth && expiryYear == that.expiryYear
        && cardHolderName.equals(that.cardHolderName) && amount.equals(that.amount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cardNumber, cvv, expiryMonth, expiryYear, cardHolderName, amount);
  }

  /**
   * Safe to log: {@code ValidatedPayment[card=424242******4242, expiry=12/2031,
   * amount=42.50 EUR]}.
   */
  @Override
  public String toString() {
    return "ValidatedPayment[card=" + maskedCardNumber() + ", expiry=" + expiryMonth + "/"
        + expiryYear + ", amount=" + amount + "]";
  }
}
