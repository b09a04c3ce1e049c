package io.paygate.acquirer.spi;

import java.util.Objects;

/**
 * What the bank did with an authorisation request, as far as the connector can tell.
 *
 * <p>Choose the outcome by what is <em>known</em> about the money, not by what went wrong:
 *
 * <ul>
 *   <li>{@link #authorised} — the bank approved; give its reference or authorisation code.
 *   <li>{@link #declined} — the bank answered and refused; give its reason code.
 *   <li>{@link #notProcessed} — the bank certainly did not act: the connection was refused, the
 *       bank answered 503 or rejected the request as malformed before processing it. The gateway
 *       may try another acquirer.
 *   <li>{@link #unknown} — the bank may have acted: a timeout after the request was sent, a reset
 *       connection, an answer that cannot be read. The gateway reconciles the payment later.
 * </ul>
 */
public final class AuthorisationResult {

  /** The four things that can be known about an authorisation. */
  public enum Outcome {
    AUTHORISED,
    DECLINED,
    NOT_PROCESSED,
    UNKNOWN
  }

  private final Outcome outcome;
  private final String bankReference;
  private final String authorisationCode;
  private final String reasonCode;
  private final String message;

  private AuthorisationResult(
      Outcome outcome, String bankReference, String authorisationCode, String reasonCode,
      String message) {
    this.outcome = outcome;
    this.bankReference = bankReference;
    this.authorisationCode = authorisationCode;
    this.reasonCode = reasonCode;
    this.message = message;
  }

  /**
   * The bank approved the payment.
   *
   * @param bankReference the bank's identifier of the transaction (may equal the code)
   * @param authorisationCode the approval code the bank gave
   */
  public static AuthorisationResult authorised(String bankReference, String authorisationCode) {
    Objects.requireNonNull(authorisationCode, "authorisationCode == null");
    return new AuthorisationResult(
        Outcome.AUTHORISED, bankReference, authorisationCode, null, "Authorised");
  }

  /**
   * The bank refused the payment.
   *
   * @param reasonCode the bank's reason, short and stable ({@code "insufficient_funds"}); the
   *     merchant sees it as {@code errorCode}
   * @param message a human explanation, without card data
   */
  public static AuthorisationResult declined(String reasonCode, String message) {
    Objects.requireNonNull(reasonCode, "reasonCode == null");
    return new AuthorisationResult(Outcome.DECLINED, null, null, reasonCode, message);
  }

  /**
   * The bank certainly did not act on the request; nothing was charged.
   *
   * @param reason what happened, without card data ({@code "bank answered 503"})
   */
  public static AuthorisationResult notProcessed(String reason) {
    return new AuthorisationResult(Outcome.NOT_PROCESSED, null, null, null, reason);
  }

  /**
   * The bank may or may not have acted; the payment must be reconciled.
   *
   * @param reason what happened, without card data ({@code "read timed out after 5 s"})
   */
  public static AuthorisationResult unknown(String reason) {
    return new AuthorisationResult(Outcome.UNKNOWN, null, null, null, reason);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The bank's transaction identifier, when authorised; may be null. */
  public String bankReference() {
    return bankReference;
  }

  /** The approval code, when authorised. */
  public String authorisationCode() {
    return authorisationCode;
  }

  /** The bank's reason, when declined. */
  public String reasonCode() {
    return reasonCode;
  }

  /** A human explanation of the outcome; may be null. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("AuthorisationResult{").append(outcome);
    if (bankReference != null) s.append(", bankReference=").append(bankReference);
    if (authorisationCode != null) s.append(", code=").append(authorisationCode);
    if (reasonCode != null) s.append(", reason=").append(reasonCode);
    if (message != null) s.append(", message=").append(message);
    return s.append('}').toString();
  }
}
