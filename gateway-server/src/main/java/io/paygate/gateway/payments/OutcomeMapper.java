package io.paygate.gateway.payments;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import java.time.Instant;

/** Turns what an acquirer said into the payment's status, and nothing more optimistic. */
final class OutcomeMapper {
  /** The gateway's own error codes, for outcomes the bank did not give a reason for. */
  static final String ACQUIRER_UNAVAILABLE = "acquirer_unavailable";
  static final String OUTCOME_UNKNOWN = "outcome_unknown";

  private OutcomeMapper() {}

  static Payment apply(Payment p, AuthorisationResult r, Instant at) {
    switch (r.outcome()) {
      case AUTHORISED:
        return authorised(p, at, r.bankReference(), r.authorisationCode());
      case DECLINED:
        return declined(p, at, r.reasonCode());
      case NOT_PROCESSED:
        return p.withOutcome(PaymentStatus.Failed, at, "NotProcessed", null, ACQUIRER_UNAVAILABLE);
      case UNKNOWN:
      default:
        return p.withOutcome(PaymentStatus.Unknown, at, "NoAnswer", null, OUTCOME_UNKNOWN);
    }
  }

  /** The outcome a status look-up proves, or null when it proves nothing yet. */
  static Payment apply(Payment p, StatusResult r, Instant at) {
    switch (r.outcome()) {
      case AUTHORISED:
        return authorised(p, at, r.bankReference(), r.authorisationCode());
      case DECLINED:
        return declined(p, at, r.reasonCode());
      case NOT_FOUND:
        return p.withOutcome(PaymentStatus.Failed, at, "NotFound", null, ACQUIRER_UNAVAILABLE);
      case UNKNOWN:
      default:
        return null;
    }
  }

  /** The bank's transaction reference is kept; a bank that gives none is known by its code. */
  private static Payment authorised(Payment p, Instant at, String bankReference, String code) {
    String reference = bankReference != null ? bankReference : code;
    return p.withOutcome(PaymentStatus.Authorised, at, "Authorised", reference, null);
  }

  private static Payment declined(Payment p, Instant at, String reasonCode) {
    return p.withOutcome(PaymentStatus.Declined, at, "Declined", null, reasonCode);
  }
}
