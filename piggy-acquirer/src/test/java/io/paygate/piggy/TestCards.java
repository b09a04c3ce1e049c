package io.paygate.piggy;

/**
 * Luhn-valid card numbers (the gateway checks Luhn before it calls a bank), one per Piggy Bank
 * outcome, chosen by the last digit.
 */
public final class TestCards {
  /** Ends in 1: authorised. */
  public static final String AUTHORISED = "4111111111111111";
  /** Ends in 7: authorised. */
  public static final String AUTHORISED_TOO = "4000000000000077";
  /** Ends in 2: declined, insufficient_funds. */
  public static final String INSUFFICIENT_FUNDS = "4000000000000002";
  /** Ends in 4: declined, do_not_honour. */
  public static final String DO_NOT_HONOUR = "4000000000000044";
  /** Ends in 6: declined, expired_card. */
  public static final String EXPIRED_CARD = "4000000000000036";
  /** Ends in 8: declined, suspected_fraud. */
  public static final String SUSPECTED_FRAUD = "4000000000000028";
  /** Ends in 0: the bank is unavailable (503). */
  public static final String UNAVAILABLE = "4000000000000010";

  private TestCards() {}

  /** Whether {@code number} passes the Luhn check. */
  public static boolean isLuhnValid(String number) {
    int sum = 0;
    for (int i = 0; i < number.length(); i++) {
      int digit = number.charAt(number.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
