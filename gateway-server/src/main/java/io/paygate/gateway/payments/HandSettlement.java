package io.paygate.gateway.payments;

import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.core.ManualSettlement;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.HistoryCursor;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.db.PaymentSettlements;
import io.paygate.gateway.db.PaymentSettlements.Settled;
import io.paygate.gateway.db.UnresolvedPayment;
import io.paygate.gateway.errors.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The operator's part in the payment lifecycle: the payments that need a person (a bank that
 * echoed another amount, a payment no bank settled in time), and settling one by hand once the
 * operator has settled it with the bank. A payment settled by hand is final: reconciliation no
 * longer looks it up, and a bank answer that arrives late cannot overwrite it.
 */
public final class HandSettlement {
  private final PaymentSettlements payments;
  private final InFlightPayments inFlight;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration overdueAfter;

  /**
   * @param overdueAfter the age from which a payment that is not final needs attention: the
   *     acquirer timeout plus the reconciliation margin, as for reconciliation
   */
  public HandSettlement(PaymentSettlements payments, InFlightPayments inFlight, AuditLog audit,
      Clock clock, Duration overdueAfter) {
    this.payments = payments;
    this.inFlight = inFlight;
    this.audit = audit;
    this.clock = clock;
    this.overdueAfter = overdueAfter;
  }

  /** A page of payments needing attention, oldest first. */
  public List<UnresolvedPayment> needingAttention(HistoryCursor after, int limit) {
    return payments.needingAttention(clock.instant().minus(overdueAfter), after, limit);
  }

  /** Why a payment needs attention, as the operator's list says. */
  public String reason(Payment p) {
    if (PaymentRepository.AMOUNT_MISMATCH.equals(p.errorCode())) {
      return "amount_mismatch";
    }
    return p.status() == PaymentStatus.Pending ? "pending_overdue" : "unknown_overdue";
  }

  /**
   * Settles a {@code Pending} or {@code Unknown} payment as {@code status}, by hand.
   *
   * @param status {@code Authorised}, {@code Declined} or {@code Failed}
   * @throws ApiException 404 when there is no such payment; 409 when it is final already or its
   *     bank call is in flight on this gateway
   */
  public Settled settle(UUID id, PaymentStatus status, ManualSettlement how) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("a payment is settled as a final status, not " + status);
    }
    Settled before = payments.find(id)
        .orElseThrow(() -> ApiException.notFound("no payment with this id"));
    Payment p = before.payment();
    if (inFlight.contains(id)) {
      audit.record("payment.settled", "refused", p.merchantId(), id, "its bank call is in flight");
      throw new ApiException(409, "payment-in-flight", "Payment in flight",
          "the payment is at its bank right now; settle it once the bank has answered or the"
              + " deadline has passed");
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (p.status().isFinal() || !payments.settle(id, status, at, how)) {
      Payment now = payments.find(id).map(Settled::payment).orElse(p);
      audit.record("payment.settled", "refused", now.merchantId(), id,
          "already " + now.status() + "; asked " + status + " by " + how.by());
      throw new ApiException(409, "payment-final", "Payment already final",
          "the payment is " + now.status() + " already; only a Pending or Unknown payment can be"
              + " settled by hand");
    }
    audit.record("payment.settled", status.name(), p.merchantId(), id,
        "by hand, by " + how.by() + ", was " + p.status()
            + (p.errorCode() == null ? "" : " (" + p.errorCode() + ")") + ": " + how.reason());
    return payments.find(id).orElseThrow();
  }
}
