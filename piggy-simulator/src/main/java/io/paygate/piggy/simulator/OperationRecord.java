package io.paygate.piggy.simulator;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A capture, void, refund or cancel the bank answered: done or refused, fixed when first
 * processed, and how many requests carried its reference.
 *
 * @param type {@code CAPTURE}, {@code VOID}, {@code REFUND} or {@code CANCEL}
 * @param status {@code DONE} or {@code REFUSED}
 * @param reason the refusal's reason code; null when done
 * @param bankReference the bank's reference; null when refused
 */
record OperationRecord(
    String reference, String paymentReference, String type, String status, String reason,
    String bankReference, long amount, String currency, Instant createdAt, AtomicInteger attempts) {

  static OperationRecord done(String type, String paymentReference, OperationSubmission s) {
    return new OperationRecord(s.reference(), paymentReference, type, "DONE", null,
        BankIdentifiers.newBankReference(), s.amount(), s.currency(), Instant.now(),
        new AtomicInteger(1));
  }

  static OperationRecord refused(
      String type, String paymentReference, OperationSubmission s, String reason) {
    return new OperationRecord(s.reference(), paymentReference, type, "REFUSED", reason, null,
        s.amount(), s.currency(), Instant.now(), new AtomicInteger(1));
  }

  boolean isDone() {
    return "DONE".equals(status);
  }
}
