package io.paygate.piggy.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bank's captures, voids, refunds and technical cancels, with a ledger per payment that never
 * lets captures pass the authorised amount nor refunds pass the captured one.
 *
 * <p>Every operation is idempotent by its own reference: a second request with a reference already
 * answered gets the first answer, whatever its body says. Operations are serialised under one
 * lock; a simulator needs them right, not fast.
 *
 * <p>Deterministic refusals, by the operation's amount in minor units (docs/payment-lifecycle.md):
 * ending in 51 refuses a capture ({@code capture_refused}), in 52 a refund
 * ({@code refund_refused}); ending in 53 makes the bank unavailable (503, nothing recorded) for a
 * capture or refund. A cancel that arrives before its payment records the payment as declined
 * ({@code cancelled}), so the authorisation, should it arrive late, is refused.
 */
final class OperationDesk {
  static final String CAPTURE = "CAPTURE";
  static final String VOID = "VOID";
  static final String REFUND = "REFUND";
  static final String CANCEL = "CANCEL";

  /** Operations by reference. */
  private final Map<String, OperationRecord> byReference = new HashMap<>();
  /** What each payment has had captured and refunded, and whether it was voided. */
  private final Map<String, long[]> totals = new HashMap<>();
  private final Map<String, Boolean> voided = new HashMap<>();
  private final PaymentLedger payments;

  OperationDesk(PaymentLedger payments) {
    this.payments = payments;
  }

  /** Whether the bank plays unavailable for this operation (nothing is recorded). */
  static boolean unavailable(String type, long amount) {
    return (CAPTURE.equals(type) || REFUND.equals(type)) && amount % 100 == 53;
  }

  /**
   * Carries out (or replays) one operation on the payment {@code paymentReference}.
   *
   * @return the record that holds for the operation's reference
   */
  synchronized OperationRecord apply(String type, String paymentReference, OperationSubmission s) {
    OperationRecord earlier = byReference.get(s.reference());
    if (earlier != null) {
      earlier.attempts().incrementAndGet();
      return earlier;
    }
    OperationRecord record = decide(type, paymentReference, s);
    byReference.put(s.reference(), record);
    return record;
  }

  private OperationRecord decide(String type, String paymentReference, OperationSubmission s) {
    PaymentRecord payment = CANCEL.equals(type)
        ? payments.recordIfAbsent(PaymentRecord.cancelledBeforeArrival(paymentReference, s))
        : payments.find(paymentReference);
    if (payment == null) {
      return OperationRecord.refused(type, paymentReference, s, "no_such_payment");
    }
    if (!payment.currency().equals(s.currency())) {
      return OperationRecord.refused(type, paymentReference, s, "currency_mismatch");
    }
    long[] t = totals.computeIfAbsent(paymentReference, k -> new long[2]);
    boolean isVoided = voided.getOrDefault(paymentReference, false);
    boolean authorised = "AUTHORISED".equals(payment.status());
    switch (type) {
      case CAPTURE:
        if (!authorised) return refuse(type, paymentReference, s, "not_authorised");
        if (isVoided) return refuse(type, paymentReference, s, "voided");
        if (s.amount() % 100 == 51) return refuse(type, paymentReference, s, "capture_refused");
        if (t[0] + s.amount() > payment.amount()) {
          return refuse(type, paymentReference, s, "exceeds_authorised");
        }
        t[0] += s.amount();
        return OperationRecord.done(type, paymentReference, s);
      case REFUND:
        if (s.amount() % 100 == 52) return refuse(type, paymentReference, s, "refund_refused");
        if (t[1] + s.amount() > t[0]) return refuse(type, paymentReference, s, "exceeds_captured");
        t[1] += s.amount();
        return OperationRecord.done(type, paymentReference, s);
      case VOID:
        if (!authorised) return refuse(type, paymentReference, s, "not_authorised");
        if (isVoided) return refuse(type, paymentReference, s, "voided");
        if (t[0] > 0) return refuse(type, paymentReference, s, "already_captured");
        voided.put(paymentReference, true);
        return OperationRecord.done(type, paymentReference, s);
      case CANCEL:
        // Declined (a cancelled-before-arrival record is one) or voided: nothing left to release.
        if (t[0] > 0) return refuse(type, paymentReference, s, "already_captured");
        voided.put(paymentReference, true);
        return OperationRecord.done(type, paymentReference, s);
      default:
        throw new IllegalArgumentException("unknown operation " + type);
    }
  }

  private static OperationRecord refuse(
      String type, String paymentReference, OperationSubmission s, String reason) {
    return OperationRecord.refused(type, paymentReference, s, reason);
  }

  /** The operation with this reference, or null. A look-up is not an attempt. */
  synchronized OperationRecord find(String reference) {
    return byReference.get(reference);
  }

  /** A snapshot of every operation, oldest first. */
  synchronized List<OperationRecord> all() {
    List<OperationRecord> all = new ArrayList<>(byReference.values());
    all.sort(Comparator.comparing(OperationRecord::createdAt)
        .thenComparing(OperationRecord::reference));
    return all;
  }

  /** Captured and refunded minor units of a payment, for tests: {@code [captured, refunded]}. */
  synchronized long[] totals(String paymentReference) {
    long[] t = totals.get(paymentReference);
    return t == null ? new long[2] : t.clone();
  }
}
