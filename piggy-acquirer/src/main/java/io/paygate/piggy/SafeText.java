package io.paygate.piggy;

import java.util.regex.Pattern;

/**
 * Text fit for a result's reason: what is shown to operators and stored with a payment. Exception
 * messages and the bank's words pass through here, so that unreadable bytes, very long text or
 * anything that could be a card number or a CVV never get in.
 */
final class SafeText {
  private static final int MAX_LENGTH = 120;
  /** No card number is shorter (12 digits); no message has a reason to hold such a run. */
  private static final int LONGEST_DIGIT_RUN = 11;
  /** A code such as {@code missing_field} or {@code PENDING}: it cannot be a number or a CVV. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private SafeText() {}

  /** An exception as {@code SimpleName: message}, dropping a message that is not safe text. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return isSafe(message) ? name + ": " + message : name;
  }

  /** A code the bank sent, in quotes, or a placeholder when it is absent or not a plain word. */
  static String word(String code) {
    if (code == null || code.isEmpty()) {
      return "(none)";
    }
    return isWord(code) ? "'" + code + "'" : "(unreadable)";
  }

  /** Whether {@code code} is a plain word: a letter, then letters, digits, {@code _.-}. */
  static boolean isWord(String code) {
    return code != null && WORD.matcher(code).matches();
  }

  /** {@code text} when it is safe to show, else null; for the bank's human messages. */
  static String plain(String text) {
    return isSafe(text) ? text : null;
  }

  /** Printable ASCII, short, and without a run of digits as long as a card number. */
  private static boolean isSafe(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      return false;
    }
    int digitRun = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
      digitRun = c >= '0' && c <= '9' ? digitRun + 1 : 0;
      if (digitRun > LONGEST_DIGIT_RUN) {
        return false;
      }
    }
    return true;
  }
}
