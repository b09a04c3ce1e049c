package io.paygate.loadgen;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Test card numbers: random 16-digit Visa-like numbers with a valid Luhn check digit, chosen so
 * that Piggy Bank authorises (odd last digit) or declines (even, not zero) them; and numbers whose
 * check digit is wrong, which the gateway refuses before any bank call.
 */
final class Cards {
  private Cards() {}

  static String authorised() {
    return withLastDigit(true);
  }

  static String declined() {
    return withLastDigit(false);
  }

  /** A number that fails the Luhn check. */
  static String invalid() {
    String good = authorised();
    char last = good.charAt(15);
    char wrong = (char) ('0' + ((last - '0' + 1) % 10));
    return good.substring(0, 15) + wrong;
  }

  private static String withLastDigit(boolean odd) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (true) {
      char[] digits = new char[16];
      digits[0] = '4';
      for (int i = 1; i < 15; i++) {
        digits[i] = (char) ('0' + r.nextInt(10));
      }
      int check = checkDigit(digits);
      boolean isOdd = check % 2 == 1;
      if (check != 0 && isOdd == odd) {
        digits[15] = (char) ('0' + check);
        return new String(digits);
      }
    }
  }

  /** The Luhn check digit for the first 15 digits. */
  private static int checkDigit(char[] digits) {
    int sum = 0;
    for (int i = 14, pos = 0; i >= 0; i--, pos++) {
      int d = digits[i] - '0';
      if (pos % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }
}
