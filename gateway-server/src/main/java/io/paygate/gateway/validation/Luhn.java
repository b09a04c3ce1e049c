package io.paygate.gateway.validation;

import java.util.Objects;

/** The Luhn (mod 10) check digit used by payment card numbers. */
public final class Luhn {
  private Luhn() {}

  /**
   * Whether {@code digits} passes the Luhn check.
   *
   * @param digits the ASCII digits {@code 0-9} of a number, with no separators
   * @return {@code true} if {@code digits} is non-empty, made only of ASCII digits, and its Luhn
   *     sum is a multiple of ten; {@code false} otherwise (including for any other character)
   * @throws NullPointerException if {@code digits} is null
   */
  public static boolean isValid(CharSequence digits) {
    Objects.requireNonNull(digits, "digits == null");
    int length = digits.length();
    if (length == 0) {
      return false;
    }
    int sum = 0;
    boolean doubled = false;
    for (int i = length - 1; i >= 0; i--) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
