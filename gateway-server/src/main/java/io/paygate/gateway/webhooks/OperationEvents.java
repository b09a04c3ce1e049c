package io.paygate.gateway.webhooks;

import io.paygate.gateway.api.PaymentDetailJson;
import io.paygate.gateway.core.OperationStatus;
import io.paygate.gateway.core.OperationType;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentOperation;
import io.paygate.gateway.core.WebhookEventType;
import io.paygate.gateway.db.OperationChanges;
import io.paygate.gateway.db.OperationRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The events of captures, voids and refunds: one per outcome recorded ({@code refund.succeeded},
 * {@code capture.unknown}, ...), appended to the outbox inside the transaction that records it, so
 * an outcome settled later by reconciliation announces itself exactly once too. Storing an
 * operation as Pending announces nothing, and technical cancels have no events of their own (the
 * payment's {@code payment.settled} tells their result).
 *
 * <p>{@code data} is the operation with its payment, as the REST answer to the operation shows
 * them, read on the transaction's connection so that it shows the change itself.
 */
public final class OperationEvents implements OperationChanges {
  private final WebhookOutbox outbox;

  public OperationEvents(WebhookOutbox outbox) {
    this.outbox = outbox;
  }

  /** The event of an operation's state, or null when it has none. */
  public static WebhookEventType typeOf(OperationType type, OperationStatus status) {
    return switch (type) {
      case Capture -> switch (status) {
        case Succeeded -> WebhookEventType.CAPTURE_SUCCEEDED;
        case Declined -> WebhookEventType.CAPTURE_DECLINED;
        case Failed -> WebhookEventType.CAPTURE_FAILED;
        case Unknown -> WebhookEventType.CAPTURE_UNKNOWN;
        case Pending -> null;
      };
      case Refund -> switch (status) {
        case Succeeded -> WebhookEventType.REFUND_SUCCEEDED;
        case Declined -> WebhookEventType.REFUND_DECLINED;
        case Failed -> WebhookEventType.REFUND_FAILED;
        case Unknown -> WebhookEventType.REFUND_UNKNOWN;
        case Pending -> null;
      };
      case Void -> switch (status) {
        case Succeeded -> WebhookEventType.VOID_SUCCEEDED;
        case Declined -> WebhookEventType.VOID_DECLINED;
        case Failed -> WebhookEventType.VOID_FAILED;
        case Unknown -> WebhookEventType.VOID_UNKNOWN;
        case Pending -> null;
      };
      case Cancel -> null;
    };
  }

  @Override
  public boolean changed(Connection c, PaymentOperation op) throws SQLException {
    WebhookEventType type = typeOf(op.type(), op.status());
    // In memory: a merchant without an endpoint for it costs no read and no row.
    if (type == null || !outbox.wants(op.merchantId(), type)) {
      return false;
    }
    Optional<Payment> payment = OperationRepository.payment(c, op.paymentId());
    if (payment.isEmpty()) {
      return false; // An operation always has its payment (foreign key); nothing to tell without.
    }
    // An Unknown operation has no processedAt (it is not processed yet): the event is of now.
    Instant at = op.processedAt() != null ? op.processedAt() : Instant.now();
    String eventId = outbox.append(c, op.merchantId(), new PaymentEvent(type, op.paymentId(), at,
        PaymentDetailJson.ofOperation(op, payment.get(),
            OperationRepository.balance(c, op.paymentId()),
            OperationRepository.forPayment(c, op.paymentId()))));
    return eventId != null;
  }

  @Override
  public void committed() {
    outbox.committed();
  }
}
