package io.paygate.piggy.simulator;

/**
 * A payment request the bank refuses to process because it is not well formed. Carries the
 * error code and field of the 400 answer; never the rejected value, which may be card data.
 */
final class RejectedSubmission extends Exception {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final String field;

  private RejectedSubmission(String error, String field) {
    // No stack trace: this is an expected answer, not a fault, and it is thrown on a hot path.
    super(error + (field == null ? "" : " " + field), null, false, false);
    this.error = error;
    this.field = field;
  }

  /** The body is not a JSON object. */
  static RejectedSubmission invalidJson() {
    return new RejectedSubmission("invalid_json", null);
  }

  /** {@code field} is absent, null or blank. */
  static RejectedSubmission missing(String field) {
    return new RejectedSubmission("missing_field", field);
  }

  /** {@code field} has the wrong JSON type or a value out of range. */
  static RejectedSubmission invalid(String field) {
    return new RejectedSubmission("invalid_field", field);
  }

  /** {@code invalid_json}, {@code missing_field} or {@code invalid_field}. */
  String error() {
    return error;
  }

  /** The field at fault, or null when the body as a whole is at fault. */
  String field() {
    return field;
  }
}
