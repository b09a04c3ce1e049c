package io.paygate.piggy;

/**
 * Text fit for a result's reason: what is shown to operators and stored with a payment. Exception
 * messages and the bank's words pass through here, so that unreadable bytes, very long text or
 * anything that looks like a card number never get in.
 */
final class SafeText {
  private static final int MAX_LENGTH = 120;
  /** No card number is shorter (12 digits); no message has a reason to hold such a run. */
  private static final int LONGEST_DIGIT_RUN = 11;

  private SafeText() {}

  /** An exception as {@code SimpleName: message}, dropping a message that is not safe text. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return isSafe(message) ? name + ": " + message : name;
  }

  /** {@code text} in quotes if it is safe, else a placeholder; for values the bank sent. */
  static String quote(String text) {
    if (text == null || text.isEmpty()) {
      return "(none)";
    }
    return isSafe(text) ? "'" + text + "'" : "(unreadable)";
  }

  /** Printable ASCII, short, and without a run of digits as long as a card number. */
  static boolean isSafe(String text) {
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
