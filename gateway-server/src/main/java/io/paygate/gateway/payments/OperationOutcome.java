package io.paygate.gateway.payments;

import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentBalance;
import io.paygate.gateway.core.PaymentOperation;
import java.util.List;

/**
 * The answer to a capture, void or refund: the operation, and its payment as it stands after it.
 *
 * @param replayed whether this is the stored outcome of an earlier request with the same key
 */
public record OperationOutcome(PaymentOperation operation, PaymentDetail payment, boolean replayed) {

  /** A payment with its totals and operations, oldest first. */
  public record PaymentDetail(
      Payment payment, PaymentBalance balance, List<PaymentOperation> operations) {
    public PaymentDetail {
      operations = List.copyOf(operations);
    }
  }
}
