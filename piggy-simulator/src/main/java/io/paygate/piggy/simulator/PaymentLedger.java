package io.paygate.piggy.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every payment the bank processed, by reference. Safe under concurrent duplicates: however many
 * requests race with one reference, exactly one record is kept and every request gets its answer.
 */
final class PaymentLedger {
  private static final Comparator<PaymentRecord> OLDEST_FIRST =
      Comparator.comparing(PaymentRecord::createdAt).thenComparing(PaymentRecord::reference);

  private final ConcurrentHashMap<String, PaymentRecord> byReference = new ConcurrentHashMap<>();

  /**
   * Keeps {@code candidate} unless its reference is already recorded.
   *
   * @return the record that holds for the reference: {@code candidate} if it was the first, else
   *     the earlier record, with this attempt counted
   */
  PaymentRecord recordOnce(PaymentRecord candidate) {
    PaymentRecord earlier = byReference.putIfAbsent(candidate.reference(), candidate);
    if (earlier == null) {
      return candidate;
    }
    earlier.countAttempt();
    return earlier;
  }

  /**
   * Keeps {@code candidate} unless its reference is already recorded, without counting an attempt:
   * for a record the bank makes itself (a cancel that arrived first).
   *
   * @return the record that holds for the reference
   */
  PaymentRecord recordIfAbsent(PaymentRecord candidate) {
    PaymentRecord earlier = byReference.putIfAbsent(candidate.reference(), candidate);
    return earlier == null ? candidate : earlier;
  }

  /** The record of {@code reference} with this attempt counted, or null when there is none. */
  PaymentRecord replay(String reference) {
    PaymentRecord earlier = byReference.get(reference);
    if (earlier != null) {
      earlier.countAttempt();
    }
    return earlier;
  }

  /** The record of {@code reference}, or null. Not an attempt: a look-up does not count. */
  PaymentRecord find(String reference) {
    return byReference.get(reference);
  }

  /** A snapshot of every record, oldest first. */
  List<PaymentRecord> all() {
    List<PaymentRecord> records = new ArrayList<>(byReference.values());
    records.sort(OLDEST_FIRST);
    return records;
  }
}
