package io.paygate.gateway.payments;

import io.paygate.gateway.core.OperationStatus;
import io.paygate.gateway.core.Payment;
import java.util.List;

/**
 * The answer to a payment request.
 *
 * @param replayed whether this is the stored outcome of an earlier request with the same
 *     idempotency key
 * @param bankTimes the time at each bank this request reached, in the order of the attempts
 *     (more than one after failover); empty for a replay or when no bank was reached
 * @param capture the outcome of the capture a {@code "capture": true} request asked for; null
 *     when none was asked for or the authorisation did not succeed
 */
public record ProcessedPayment(
    Payment payment, boolean replayed, List<BankTime> bankTimes, OperationStatus capture) {
  public ProcessedPayment {
    bankTimes = List.copyOf(bankTimes);
  }

  public ProcessedPayment(Payment payment, boolean replayed, List<BankTime> bankTimes) {
    this(payment, replayed, bankTimes, null);
  }

  /** The stored outcome of an earlier request: no bank was asked for this one. */
  static ProcessedPayment replayOf(Payment payment) {
    return new ProcessedPayment(payment, true, List.of());
  }
}
