package io.paygate.piggy.simulator;

/**
 * What the Piggy Bank does with a payment, decided by the last digit of the card number so that
 * tests can choose an outcome by choosing a card.
 */
enum CardVerdict {
  /** Last digit 0: the bank is unavailable and records nothing, so a retry is processed afresh. */
  UNAVAILABLE(null, null),
  /** Any odd last digit. */
  AUTHORISED(null, null),
  /** Last digit 2. */
  INSUFFICIENT_FUNDS("insufficient_funds", "Insufficient funds"),
  /** Last digit 4. */
  DO_NOT_HONOUR("do_not_honour", "Do not honour"),
  /** Last digit 6. */
  EXPIRED_CARD("expired_card", "Expired card"),
  /** Last digit 8. */
  SUSPECTED_FRAUD("suspected_fraud", "Suspected fraud"),
  /** Never from a card: a payment technically cancelled before its authorisation arrived. */
  CANCELLED("cancelled", "Cancelled before it arrived");

  private final String reason;
  private final String message;

  CardVerdict(String reason, String message) {
    this.reason = reason;
    this.message = message;
  }

  /** The verdict for a card whose number ends in {@code lastDigit} (0 to 9). */
  static CardVerdict forLastDigit(int lastDigit) {
    switch (lastDigit) {
      case 0:
        return UNAVAILABLE;
      case 2:
        return INSUFFICIENT_FUNDS;
      case 4:
        return DO_NOT_HONOUR;
      case 6:
        return EXPIRED_CARD;
      case 8:
        return SUSPECTED_FRAUD;
      default:
        return AUTHORISED;
    }
  }

  /** Whether the bank refuses the payment. */
  boolean declines() {
    return reason != null;
  }

  /** The decline reason code, or null when the verdict is not a decline. */
  String reason() {
    return reason;
  }

  /** The decline message, or null when the verdict is not a decline. */
  String message() {
    return message;
  }
}
