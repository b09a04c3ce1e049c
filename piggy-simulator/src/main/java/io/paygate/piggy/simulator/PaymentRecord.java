package io.paygate.piggy.simulator;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment the bank processed: its answer, fixed when it was first processed, and how many times
 * it was asked for. Holds the masked card number only.
 */
final class PaymentRecord {
  private final PaymentSubmission submission;
  private final String bankReference;
  private final String authorisationCode;
  private final Instant createdAt;
  private final AtomicInteger attempts = new AtomicInteger(1);

  private PaymentRecord(
      PaymentSubmission submission, String bankReference, String authorisationCode,
      Instant createdAt) {
    this.submission = submission;
    this.bankReference = bankReference;
    this.authorisationCode = authorisationCode;
    this.createdAt = createdAt;
  }

  /**
   * Processes a submission whose verdict is an authorisation or a decline: an authorisation gets
   * a fresh bank reference and authorisation code.
   */
  static PaymentRecord process(PaymentSubmission submission, Instant now) {
    if (submission.verdict() == CardVerdict.UNAVAILABLE) {
      throw new IllegalArgumentException("an unavailable bank records nothing");
    }
    if (submission.verdict().declines()) {
      return new PaymentRecord(submission, null, null, now);
    }
    return new PaymentRecord(submission, BankIdentifiers.newBankReference(),
        BankIdentifiers.newAuthorisationCode(), now);
  }

  /**
   * The record a technical cancel leaves when it arrives before its payment: declined, so that the
   * authorisation, should it arrive late, is refused with the same reference.
   */
  static PaymentRecord cancelledBeforeArrival(String reference, OperationSubmission cancel) {
    return new PaymentRecord(new PaymentSubmission(reference, cancel.merchantId(), "",
        CardVerdict.CANCELLED, cancel.amount(), cancel.currency()), null, null, Instant.now());
  }

  String reference() {
    return submission.reference();
  }

  String merchantId() {
    return submission.merchantId();
  }

  String maskedCard() {
    return submission.maskedCard();
  }

  CardVerdict verdict() {
    return submission.verdict();
  }

  /** {@code AUTHORISED} or {@code DECLINED}. */
  String status() {
    return submission.verdict().declines() ? "DECLINED" : "AUTHORISED";
  }

  long amount() {
    return submission.amount();
  }

  String currency() {
    return submission.currency();
  }

  /** The bank's transaction reference; null when declined. */
  String bankReference() {
    return bankReference;
  }

  /** The approval code; null when declined. */
  String authorisationCode() {
    return authorisationCode;
  }

  Instant createdAt() {
    return createdAt;
  }

  /** How many requests carried this reference, the first included. */
  int attempts() {
    return attempts.get();
  }

  void countAttempt() {
    attempts.incrementAndGet();
  }
}
