package io.paygate.gateway.support;

/**
 * Luhn-valid test cards for Piggy Bank's rules: the last digit decides (odd authorises, even
 * declines, zero answers 503).
 */
public final class Cards {
  public static final String AUTHORISED = "4111111111111111";
  public static final String DECLINED = "4000000000000002";
  public static final String BANK_UNAVAILABLE = withLastDigit("400000000000001", 0);

  private Cards() {}

  /** A Luhn-valid number whose check digit is {@code last}, found by varying the digit before. */
  public static String withLastDigit(String prefix15, int last) {
    for (int d = 0; d <= 9; d++) {
      String candidate = prefix15.substring(0, prefix15.length() - 1) + d + last;
      if (luhn(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no Luhn-valid number for " + prefix15);
  }

  /** A Luhn-valid 16-digit number from 15 digits of choice (the check digit is computed). */
  public static String luhnComplete(String first15) {
    for (int d = 0; d <= 9; d++) {
      if (luhn(first15 + d)) {
        return first15 + d;
      }
    }
    throw new IllegalStateException();
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int n = digits.charAt(i) - '0';
      if (dbl) {
        n *= 2;
        if (n > 9) {
          n -= 9;
        }
      }
      sum += n;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }
}
