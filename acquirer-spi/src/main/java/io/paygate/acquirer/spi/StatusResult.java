package io.paygate.acquirer.spi;

import java.util.Currency;
import java.util.Objects;

/**
 * What the bank says became of a payment, answering a {@link StatusRequest}.
 *
 * <p>{@link Outcome#NOT_FOUND} is a strong statement: the bank never received the payment, so the
 * gateway will mark it failed. Say it only when the bank answered so; when the look-up itself
 * failed, answer {@link #unknown}.
 */
public final class StatusResult {

  /** What the bank knows of the payment. */
  public enum Outcome {
    AUTHORISED,
    DECLINED,
    NOT_FOUND,
    UNKNOWN
  }

  private final Outcome outcome;
  private final String bankReference;
  private final String authorisationCode;
  private final String reasonCode;
  private final Long amountMinor;
  private final Currency currency;
  private final String message;

  private StatusResult(
      Outcome outcome, String bankReference, String authorisationCode, String reasonCode,
      Long amountMinor, Currency currency, String message) {
    this.outcome = outcome;
    this.bankReference = bankReference;
    this.authorisationCode = authorisationCode;
    this.reasonCode = reasonCode;
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.message = message;
  }

  /**
   * The bank authorised the payment.
   *
   * @param amountMinor the amount the bank recorded, or null when its API does not say
   * @param currency the currency the bank recorded, or null when its API does not say
   */
  public static StatusResult authorised(
      String bankReference, String authorisationCode, Long amountMinor, Currency currency) {
    Objects.requireNonNull(authorisationCode, "authorisationCode == null");
    return new StatusResult(
        Outcome.AUTHORISED, bankReference, authorisationCode, null, amountMinor, currency, null);
  }

  /** The bank declined the payment, for {@code reasonCode}. */
  public static StatusResult declined(String reasonCode, String message) {
    Objects.requireNonNull(reasonCode, "reasonCode == null");
    return new StatusResult(Outcome.DECLINED, null, null, reasonCode, null, null, message);
  }

  /** The bank answered that it never received a payment with this reference. */
  public static StatusResult notFound() {
    return new StatusResult(Outcome.NOT_FOUND, null, null, null, null, null, "not found");
  }

  /** The look-up did not give an answer (timeout, error); try again later. */
  public static StatusResult unknown(String reason) {
    return new StatusResult(Outcome.UNKNOWN, null, null, null, null, null, reason);
  }

  public Outcome outcome() {
    return outcome;
  }

  public String bankReference() {
    return bankReference;
  }

  public String authorisationCode() {
    return authorisationCode;
  }

  public String reasonCode() {
    return reasonCode;
  }

  /** The amount the bank recorded, in minor units; null when the bank did not say. */
  public Long amountMinor() {
    return amountMinor;
  }

  /** The currency the bank recorded; null when the bank did not say. */
  public Currency currency() {
    return currency;
  }

  public String message() {
    return message;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("StatusResult{").append(outcome);
    if (bankReference != null) s.append(", bankReference=").append(bankReference);
    if (authorisationCode != null) s.append(", code=").append(authorisationCode);
    if (reasonCode != null) s.append(", reason=").append(reasonCode);
    if (amountMinor != null) s.append(", amount=").append(amountMinor);
    if (currency != null) s.append(' ').append(currency.getCurrencyCode());
    if (message != null) s.append(", message=").append(message);
    return s.append('}').toString();
  }
}
