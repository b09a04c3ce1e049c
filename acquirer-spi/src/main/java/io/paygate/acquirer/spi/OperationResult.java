package io.paygate.acquirer.spi;

import java.util.Objects;

/**
 * What the bank did with a capture, void, refund or cancel, as far as the connector can tell; also
 * the answer to a look-up of one ({@link Acquirer#operationStatus}). The same four-way honesty as
 * {@link AuthorisationResult}: choose by what is <em>known</em> about the money.
 *
 * <ul>
 *   <li>{@link #done} — the bank carried it out; give its reference.
 *   <li>{@link #refused} — the bank answered and refused (over the captured amount, already
 *       voided, its own rule); give its reason code.
 *   <li>{@link #notProcessed} — the bank certainly did not act (connection refused, 503, rejected
 *       unread). In answer to a look-up: the bank answered that it holds no such operation.
 *   <li>{@link #unknown} — the bank may have acted (a timeout after sending, a reset, an unreadable
 *       answer). The gateway keeps the amount reserved and looks the operation up later.
 * </ul>
 *
 * <p>One class serves every operation: the four outcomes mean the same for each, and a capture's
 * result has nothing a refund's lacks.
 *
 * @since 1.1
 */
public final class OperationResult {

  /** The four things that can be known about an operation. */
  public enum Outcome {
    DONE,
    REFUSED,
    NOT_PROCESSED,
    UNKNOWN
  }

  private final Outcome outcome;
  private final String bankReference;
  private final String reasonCode;
  private final String message;

  private OperationResult(Outcome outcome, String bankReference, String reasonCode, String message) {
    this.outcome = outcome;
    this.bankReference = bankReference;
    this.reasonCode = reasonCode;
    this.message = message;
  }

  /**
   * The bank carried the operation out.
   *
   * @param bankReference the bank's identifier of the operation; may be null
   */
  public static OperationResult done(String bankReference) {
    return new OperationResult(Outcome.DONE, bankReference, null, "Done");
  }

  /**
   * The bank refused the operation.
   *
   * @param reasonCode the bank's reason, short and stable ({@code "exceeds_captured"})
   * @param message a human explanation
   */
  public static OperationResult refused(String reasonCode, String message) {
    Objects.requireNonNull(reasonCode, "reasonCode == null");
    return new OperationResult(Outcome.REFUSED, null, reasonCode, message);
  }

  /**
   * The bank certainly did not act; in answer to a look-up, it holds no such operation.
   *
   * @param reason what happened ({@code "bank answered 503"})
   */
  public static OperationResult notProcessed(String reason) {
    return new OperationResult(Outcome.NOT_PROCESSED, null, null, reason);
  }

  /**
   * The bank may or may not have acted; the operation must be looked up later.
   *
   * @param reason what happened ({@code "read timed out after 5 s"})
   */
  public static OperationResult unknown(String reason) {
    return new OperationResult(Outcome.UNKNOWN, null, null, reason);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The bank's identifier of the operation, when done; may be null. */
  public String bankReference() {
    return bankReference;
  }

  /** The bank's reason, when refused. */
  public String reasonCode() {
    return reasonCode;
  }

  /** A human explanation of the outcome; may be null. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("OperationResult{").append(outcome);
    if (bankReference != null) s.append(", bankReference=").append(bankReference);
    if (reasonCode != null) s.append(", reason=").append(reasonCode);
    if (message != null) s.append(", message=").append(message);
    return s.append('}').toString();
  }
}
