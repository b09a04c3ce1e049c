package io.paygate.piggy;

/** The bank's answer arrived but cannot be understood. The message is safe for a reason. */
final class UnreadableAnswer extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableAnswer(String message) {
    super(message, null, false, false);
  }
}
